package it.ponte.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.remote.RemoteCircuits;
import it.ponte.sync.SyncMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health and metrics that tell the truth: runs that keep failing, remotes down, what is owed; details for ADMIN only. */
class HealthAndMetricsTest extends SyncTestBase {

    private final ObjectMapper json = new ObjectMapper();
    @Autowired
    CircuitBreakerRegistry remoteCircuitBreakerRegistry;

    @Test
    void everyoneSeesTheStatusOnlyAdministratorsSeeTheDetails() throws Exception {
        HttpResponse<String> anonymous = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).GET().build());
        assertThat(json.readTree(anonymous.body()).has("components")).isFalse();
        // what the container's health check asks
        assertThat(Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness")).GET().build()).statusCode())
                .isEqualTo(200);

        JsonNode details = json.readTree(Http.get(baseUrl() + "/actuator/health").body()).path("components");
        assertThat(details.path("remotes").path("details").path("amazon").path("circuit").asText()).isEqualTo("CLOSED");
        assertThat(details.path("outbox").path("details").path("amazon").has("PARKED")).isTrue();
        assertThat(details.path("outbox").path("details").path("erp").has("PARKED")).isTrue();
        assertThat(details.has("runs")).isTrue();
    }

    @Test
    void aRemoteDownShowsInHealthWithoutMarkingPonteDown() throws Exception {
        remoteCircuitBreakerRegistry.circuitBreaker(RemoteCircuits.MAILCHIMP).transitionToOpenState();

        HttpResponse<String> health = Http.get(baseUrl() + "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("components").path("remotes").path("details").path("mailchimp").path("circuit").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void runsThatKeepFailingMarkPonteDown() throws Exception {
        for (int i = 0; i < 3; i++) {
            shopJdbc.getJdbcTemplate().update("""
                    INSERT INTO sync_run (mode, run_trigger, counted, node, started_at, ended_at, phase, outcome, reason)
                    VALUES ('CHANGED', 'SCHEDULE', TRUE, 'test', NOW(3), NOW(3), 'DONE', 'FAILED', 'database del negozio non raggiungibile')""");
        }

        HttpResponse<String> health = Http.get(baseUrl() + "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode runs = json.readTree(health.body()).path("components").path("runs");
        assertThat(runs.path("status").asText()).isEqualTo("DOWN");
        assertThat(runs.path("details").path("reason").asText()).contains("database del negozio non raggiungibile");

        // one good run and Ponte is UP again
        sync.run(SyncMode.CHANGED);
        assertThat(Http.get(baseUrl() + "/actuator/health").statusCode()).isEqualTo(200);
    }

    /** The same meters Prometheus scrapes (/actuator/prometheus; Spring's tests keep that exporter off). */
    @Test
    void metricsShowRunsPhasesOrdersAndTheOutbox() throws Exception {
        double before = value("ponte.runs?tag=mode:CHANGED&tag=outcome:SUCCEEDED");
        fixtures.amazonOrder();
        sync.run(SyncMode.CHANGED);

        assertThat(value("ponte.runs?tag=mode:CHANGED&tag=outcome:SUCCEEDED")).isEqualTo(before + 1);
        assertThat(value("ponte.run.phase?tag=phase:ERP_INSERT")).isPositive();
        assertThat(value("ponte.orders?tag=what:imported")).isGreaterThanOrEqualTo(1);
        assertThat(value("ponte.outbox.depth?tag=remote:amazon&tag=state:PARKED")).isZero();
    }

    private double value(String meter) throws Exception {
        HttpResponse<String> answer = Http.get(baseUrl() + "/actuator/metrics/" + meter);
        if (answer.statusCode() == 404) {
            return 0;
        }
        return json.readTree(answer.body()).path("measurements").get(0).path("value").asDouble();
    }
}
