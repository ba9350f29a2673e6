package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.db.DataSourcesConfig.DatabaseLocations;
import it.ponte.sync.RunCompletion;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The shop database dies in the middle of a run (its server process killed for real): the run ends FAILED within
 * seconds, not one order per connection timeout; health says DOWN at once; the outcome and the alert mail wait for the
 * database and go out when it is back; the next run then completes with every order in the ERP exactly once.
 */
@Timeout(300)
class DatabaseOutageTest extends SyncTestBase {

    private static final int WEB_ORDERS = 120;

    @Autowired
    DatabaseLocations locations;
    @Autowired
    SyncLauncher launcher;
    @Autowired
    SyncRuns runs;
    @Autowired
    RunCompletion completion;
    @Value("${ponte.db.embedded.data-dir}")
    String dataDir;

    @Test
    void aRunWhoseDatabaseDiesEndsFailedQuicklyAlertsAndTheNextRunLosesNothing() throws Exception {
        assumeTrue(locations.embedded(), "kills the embedded server's process; an external server is not Ponte's to stop");
        for (int i = 0; i < WEB_ORDERS; i++) {
            fixtures.webOrder("REGISTERED");
        }
        EmbeddedServerProcessControl server = new EmbeddedServerProcessControl(Path.of(dataDir));

        long runId = launcher.launch(SyncMode.CHANGED, SyncTrigger.REST, null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> runs.find(runId)
                .map(r -> r.progress().containsKey("ERP_INSERT") && r.progress().get("ERP_INSERT").done() >= 10).orElse(false));
        long killedAt = System.nanoTime();
        server.kill();

        long endedMillis;
        int mailsWhileDown;
        String server0 = locations.shopUrl().substring(0, locations.shopUrl().lastIndexOf('/'));
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> completion.unrecordedCount() == 1);
            endedMillis = (System.nanoTime() - killedAt) / 1_000_000;
            HttpResponse<String> health = Http.get(baseUrl() + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"shopDatabase\":{\"status\":\"DOWN\"");
            mailsWhileDown = mail.messages().size();
        } finally {
            // whatever the assertions found, the server comes back: the other tests share it
            server.restart(server0 + "/", locations.username(), locations.password());
        }
        long backAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> completion.unrecordedCount() == 0 && !runs.find(runId).orElseThrow().running());
        long recordedMillis = (System.nanoTime() - backAt) / 1_000_000;
        SyncRun failed = runs.find(runId).orElseThrow();
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.reason()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messages().stream()
                .anyMatch(m -> m.subject() != null && m.subject().contains("#" + runId) && m.subject().contains("INTERROTTA")));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> Http.get(baseUrl() + "/actuator/health").statusCode() == 200);

        SyncRun next = sync.run(SyncMode.CHANGED);
        assertThat(next.outcome()).isIn(SyncOutcome.SUCCEEDED, SyncOutcome.PARTIAL);
        int registered = shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order WHERE status = 'REGISTERED'", Map.of(), Integer.class);
        int documents = erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_document", Map.of(), Integer.class);
        int duplicated = erpJdbc.queryForObject("SELECT COUNT(*) FROM (SELECT idempotency_ref FROM erp_document GROUP BY idempotency_ref "
                + "HAVING COUNT(*) > 1) d", Map.of(), Integer.class);
        assertThat(registered).as("orders still waiting for the ERP").isZero();
        assertThat(documents).isEqualTo(WEB_ORDERS);
        assertThat(duplicated).isZero();
        System.out.println("RELIABILITY: database outage - run ended FAILED " + endedMillis + " ms after the server was killed ("
                + WEB_ORDERS + " orders in the run), health DOWN at once, alert mails while down " + mailsWhileDown
                + ", outcome recorded and alert sent " + recordedMillis + " ms after the server was back; next run "
                + next.outcome() + ": lost " + registered + ", duplicated " + duplicated);
    }
}
