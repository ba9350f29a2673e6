package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.PonteIntegrationTest;
import it.ponte.sandbox.amazon.AmazonSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The client's own rules: token cache and early refresh, page-token guard, and the accounts' schedules. */
class AmazonClientTest extends PonteIntegrationTest {

    @Autowired
    AmazonSandbox amazon;
    @Autowired
    AmazonProperties properties;
    @Autowired
    org.apache.camel.ProducerTemplate producer;
    @Autowired
    ObjectMapper json;
    @Autowired
    CamelContext camel;

    @BeforeEach
    void fresh() {
        amazon.reset();
    }

    @Test
    void theAccessTokenIsCachedPerAccountAndRefreshedAMinuteBeforeItExpires() throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        LwaTokenProvider tokens = new LwaTokenProvider(properties, producer, json, clock);
        AmazonProperties.Account main = properties.account("it-main");

        String first = tokens.accessToken(main);
        clock.advance(Duration.ofMinutes(58).plusSeconds(59));
        assertThat(tokens.accessToken(main)).isEqualTo(first);
        assertThat(amazon.tokens().issuedCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.accessToken(main)).isNotEqualTo(first);
        assertThat(amazon.tokens().issuedCount()).isEqualTo(2);

        tokens.accessToken(properties.account("it-pending"));
        assertThat(amazon.tokens().issuedCount()).isEqualTo(3);
    }

    @Test
    void aPaginationTokenAmazonRepeatsStopsTheWindowWithoutMovingTheWatermark() {
        ImportWindow window = new ImportWindow(properties.account("it-main"),
                new AmazonOrdersApi.SearchQuery(Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T11:00:00Z"), List.of("APJ6JRA9NG5V4"), 5));
        window.pageRead("abc+/=", null, 100);
        assertThatThrownBy(() -> window.pageRead("abc+/=", null, 100))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same pagination token twice");
        assertThat(window.finished()).isFalse();
    }

    @Test
    void eachAccountWithAScheduleGetsItsOwnImportRoute() {
        Route route = camel.getRoute("amazon-account-schedule-it-main");
        assertThat(route).isNotNull();
        assertThat(route.getEndpoint().getEndpointUri()).contains("ponte-amazon/it-main").contains("cron=0+0+*+*+*+?");
        assertThat(camel.getRoute("amazon-account-schedule-it-pending")).as("no schedule configured").isNull();
        assertThat(camel.getRoute("amazon-account-schedule-it-off")).as("createOrders off").isNull();
        assertThat(AmazonSchedules.cronOf("daily")).isEqualTo("0 0 6 * * ?");
        assertThat(AmazonSchedules.cronOf("0 15 */2 * * ?")).isEqualTo("0 15 */2 * * ?");
        assertThatThrownBy(() -> AmazonSchedules.cronOf("ogni tanto")).hasMessageContaining("schedule");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
