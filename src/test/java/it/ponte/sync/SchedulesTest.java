package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.SyncTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/** The Quartz triggers live in the shop database (clustered JDBC store) and start real runs when they fire. */
class SchedulesTest extends SyncTestBase {

    @Autowired
    CamelContext camel;
    @Autowired
    Scheduler scheduler;
    @org.springframework.beans.factory.annotation.Value("${ponte.sync.cron}")
    String changedCron;

    /** The tests' schedules are off (ponte.schedules.enabled=false), so this node's scheduler is in standby: on for a test. */
    @org.junit.jupiter.api.BeforeEach
    void schedulerOn() throws Exception {
        assertThat(scheduler.isInStandbyMode()).as("a node whose schedules are off takes no firing").isTrue();
        scheduler.start();
    }

    @AfterEach
    void schedulesOffAgain() throws Exception {
        camel.getRouteController().stopRoute("sync-schedule-changed");
        camel.getRouteController().stopRoute("amazon-account-schedule-it-main");
        scheduler.standby();
    }

    @Test
    void theChangedScheduleIsAClusteredJdbcTriggerThatStartsACountedChangedRun() throws Exception {
        camel.getRouteController().startRoute("sync-schedule-changed");

        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(shopJdbc.queryForList("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_GROUP = 'ponte-sync'",
                Map.of(), String.class)).contains(changedCron);

        scheduler.triggerJob(new JobKey("changed", "ponte-sync"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !shopJdbc.queryForList(
                "SELECT outcome FROM sync_run WHERE run_trigger = 'SCHEDULE' AND mode = 'CHANGED' AND outcome IS NOT NULL", Map.of(), String.class).isEmpty());
        assertThat(shopJdbc.queryForObject("SELECT counted FROM sync_run WHERE run_trigger = 'SCHEDULE'", Map.of(), Boolean.class)).isTrue();
        assertThat(shopJdbc.queryForObject("SELECT firing FROM sync_run WHERE run_trigger = 'SCHEDULE'", Map.of(), String.class))
                .as("the run names the firing it was started for").isNotBlank();
    }

    @Test
    void anAccountsOwnScheduleImportsThatAccountAlone() throws Exception {
        fixtures.amazonOrder();
        camel.getRouteController().startRoute("amazon-account-schedule-it-main");

        scheduler.triggerJob(new JobKey("it-main", "ponte-amazon"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !shopJdbc.queryForList(
                "SELECT outcome FROM sync_run WHERE run_trigger = 'ACCOUNT_SCHEDULE' AND outcome IS NOT NULL", Map.of(), String.class).isEmpty());
        Map<String, Object> run = shopJdbc.queryForMap("SELECT * FROM sync_run WHERE run_trigger = 'ACCOUNT_SCHEDULE'", Map.of());
        assertThat(run.get("mode")).isEqualTo("IMPORT");
        assertThat(run.get("account_id")).isEqualTo("it-main");
        assertThat(run.get("counted")).isEqualTo(false);
        List<String> statuses = shopJdbc.queryForList("SELECT status FROM shop_order", Map.of(), String.class);
        assertThat(statuses).as("imported into the shop; the ERP insert waits for the next sync").containsExactly("REGISTERED");
    }
}
