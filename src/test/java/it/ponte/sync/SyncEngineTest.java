package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.rmi.registry.LocateRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Runs as the operator sees them: started over REST and JMX, one at a time, recorded with their progress. */
class SyncEngineTest extends SyncTestBase {

    @Autowired
    ObjectMapper json;
    @Autowired
    SyncLock lock;
    @Autowired
    it.ponte.sandbox.mailchimp.SandboxMailchimpFaults mailchimpFaults;

    @Test
    void aRunStartedOverRestAnswers202AndItsRecordShowsModePhasesProgressAndOutcome() throws Exception {
        fixtures.amazonOrder();
        fixtures.webOrder("REGISTERED");

        HttpResponse<String> started = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"CHANGED\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        long runId = json.readTree(started.body()).path("runId").asLong();
        sync.awaitEnd(runId);

        JsonNode run = json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body());
        assertThat(run.path("mode").asText()).isEqualTo("CHANGED");
        assertThat(run.path("trigger").asText()).isEqualTo("REST");
        assertThat(run.path("counted").asBoolean()).isTrue();
        assertThat(run.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("startedAt").asText()).isNotEmpty();
        assertThat(run.path("endedAt").asText()).isNotEmpty();
        assertThat(run.path("progress").path("ERP_INSERT").path("done").asInt()).isEqualTo(2);
        assertThat(run.path("progress").path("ERP_INSERT").path("total").asInt()).isEqualTo(2);
        assertThat(run.path("counts").path("amazon.imported").asInt()).isEqualTo(1);
        assertThat(run.path("counts").path("erp.stored").asInt()).isEqualTo(2);
        JsonNode list = json.readTree(Http.get(baseUrl() + "/api/sync/runs").body());
        assertThat(list.get(0).path("id").asLong()).isEqualTo(runId);
        JsonNode orders = json.readTree(Http.get(baseUrl() + "/api/orders").body());
        assertThat(orders).hasSize(2);
        assertThat(orders.findValues("rows")).allSatisfy(rows -> assertThat(rows.size()).isPositive());
        assertThat(orders.findValuesAsText("status")).containsOnly("STORED");
        JsonNode amazonOnly = json.readTree(Http.get(baseUrl() + "/api/orders?origin=AMAZON").body());
        assertThat(amazonOnly).hasSize(1);
        assertThat(amazonOnly.get(0).path("rows")).hasSize(2);
        assertThat(amazonOnly.get(0).path("erpSeries").asText()).isEqualTo("AMZ");
    }

    @Test
    void twoSimultaneousTriggersGiveOneRunAndOne409() throws Exception {
        amazon.rateLimiter().configure(false, 1);
        for (int i = 0; i < 20; i++) {
            fixtures.webOrder("REGISTERED");
        }
        // a slow Mailchimp keeps the first run going for seconds, so the second press meets it even on a loaded machine
        mailchimpFaults.latency(1500);
        try {
            twoPressesAtOnce();
        } finally {
            mailchimpFaults.latency(0);
        }
    }

    private void twoPressesAtOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                together.await();
                return Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"PARTIAL\"}");
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        Long running = null;
        Long refusedPointsTo = null;
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get();
            statuses.add(r.statusCode());
            JsonNode body = json.readTree(r.body());
            if (r.statusCode() == 202) {
                running = body.path("runId").asLong();
            } else {
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
                refusedPointsTo = body.path("runningRunId").asLong();
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        assertThat(refusedPointsTo).isEqualTo(running);
        sync.awaitEnd(running);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM sync_run", Map.of(), Integer.class)).isEqualTo(1);
    }

    @Test
    void aCrashedNodesLockExpiresAndItsRunIsMarkedFailed() {
        shopJdbc.update("INSERT INTO sync_run (id, mode, run_trigger, counted, node) VALUES (900, 'TOTAL', 'SCHEDULE', TRUE, 'dead-node')", Map.of());
        shopJdbc.update("UPDATE sync_lock SET owner = 'dead-node/x', run_id = 900, expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE name = 'sync'", Map.of());

        SyncRun run = sync.run(SyncMode.PARTIAL);

        assertThat(run.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(shopJdbc.queryForObject("SELECT outcome FROM sync_run WHERE id = 900", Map.of(), String.class)).isEqualTo("FAILED");
    }

    @Test
    void malformedOrUnknownRequestsGetProblemDocuments() throws Exception {
        HttpResponse<String> bad = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(bad.body()).path("status").asInt()).isEqualTo(400);
        assertThat(Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"IMPORT\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> form = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"TOTAL\"}")).build());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json.readTree(form.body()).path("detail").asText()).contains("JSON");
        HttpResponse<String> missing = Http.get(baseUrl() + "/api/sync/runs/424242");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).path("detail").asText()).contains("424242");
    }

    @Test
    void theOrderSyncOfOneAccountImportsItAloneThenAPartialSyncOutsideTheQuota() throws Exception {
        fixtures.amazonOrder();
        HttpResponse<String> started = Http.postJson(baseUrl() + "/api/amazon/accounts/it-main/order-sync", "");
        assertThat(started.statusCode()).isEqualTo(202);
        SyncRun run = sync.awaitEnd(json.readTree(started.body()).path("runId").asLong());

        assertThat(run.mode()).isEqualTo(SyncMode.PARTIAL);
        assertThat(run.trigger()).isEqualTo(SyncTrigger.ACCOUNT_ORDER_SYNC);
        assertThat(run.counted()).isFalse();
        assertThat(run.accountId()).isEqualTo("it-main");
        assertThat(shopJdbc.queryForList("SELECT status FROM shop_order", Map.of(), String.class)).as(run.toString()).containsExactly("STORED");
        assertThat(shopJdbc.queryForObject("SELECT watermark FROM amazon_account WHERE id = 'it-main'", Map.of(), Object.class)).isNotNull();
        assertThat(shopJdbc.queryForObject("SELECT watermark FROM amazon_account WHERE id = 'it-pending'", Map.of(), Object.class)).isNull();
        assertThat(Http.postJson(baseUrl() + "/api/amazon/accounts/nessuno/order-sync", "").statusCode()).isEqualTo(404);
        assertThat(Http.postJson(baseUrl() + "/api/amazon/accounts/it-off/order-sync", "").statusCode()).isEqualTo(409);
    }

    @Test
    void theAccountListHidesSecrets() {
        HttpResponse<String> accounts = Http.get(baseUrl() + "/api/amazon/accounts");
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("it-main").contains("****").doesNotContain("sandbox-client-secret").doesNotContain("Atzr|");
    }

    @Test
    void anOperatorStartsARunAndStopsAndResumesRoutesOverARealJmxConnection() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocateRegistry.createRegistry(port);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, null, ManagementFactory.getPlatformMBeanServer());
        server.start();
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName ponte = new ObjectName("it.ponte:type=Sync");

            String answer = (String) jmx.invoke(ponte, "startRun", new Object[] {"PARTIAL"}, new String[] {String.class.getName()});
            assertThat(answer).startsWith("started run ");
            long runId = Long.parseLong(answer.substring("started run ".length()));
            sync.awaitEnd(runId);
            assertThat((String) jmx.getAttribute(ponte, "LastRunOutcome")).contains("run " + runId).contains("SUCCEEDED");
            assertThat((String) jmx.getAttribute(ponte, "RunningProgress")).isEqualTo("no run in progress");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> jmx.invoke(ponte, "startRun", new Object[] {"NOPE"}, new String[] {String.class.getName()}))
                    .hasStackTraceContaining("mode must be TOTAL, CHANGED or PARTIAL");

            ObjectName route = jmx.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"amazon-import\",*"), null)
                    .iterator().next();
            jmx.invoke(route, "suspend", null, null);
            assertThat(jmx.getAttribute(route, "State")).isEqualTo("Suspended");
            jmx.invoke(route, "resume", null, null);
            jmx.invoke(route, "stop", null, null);
            assertThat(jmx.getAttribute(route, "State")).isEqualTo("Stopped");
            jmx.invoke(route, "start", null, null);
            assertThat(jmx.getAttribute(route, "State")).isEqualTo("Started");
        } finally {
            server.stop();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lock.holder().isEmpty());
    }
}
