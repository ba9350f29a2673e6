package it.ponte.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import it.ponte.Http;
import it.ponte.amazon.AmazonOrdersApi;
import it.ponte.amazon.AmazonProperties;
import it.ponte.amazon.SpApiCall;
import it.ponte.amazon.SpApiOperation;
import it.ponte.amazon.SpApiRateLimiter;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The remote calls as Prometheus scrapes them ({@code /actuator/prometheus}, ADMIN): calls by remote, operation and
 * status, the retries of transient failures, the 429s, and the waits for Amazon's rate budget (count and seconds).
 */
class RemoteCallMetricsTest extends SyncTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    it.ponte.sandbox.mailchimp.SandboxMailchimpFaults mailchimpFaults;

    @AfterEach
    void amazonBack() {
        amazon.faults().clear();
        mailchimpFaults.reset();
    }

    @Test
    void aMailchimp503IsSeenAndRedeliveredByThePolicyNotRetriedSilentlyByTheHttpClient() throws Exception {
        String before = scrape();
        // Apache HttpClient on its own would re-send a GET answered 503 and hide it: Ponte would see a 200 and no retry
        mailchimpFaults.failNext(1, 503);

        assertThat(sync.run(SyncMode.CHANGED).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

        String after = scrape();
        String store = "operation=\"get store\",remote=\"mailchimp\"";
        assertThat(delta(before, after, "ponte_remote_calls_total", store + ",status=\"503\"")).isEqualTo(1);
        assertThat(delta(before, after, "ponte_remote_retries_total", store)).isEqualTo(1);
    }

    @Test
    void aShipmentAmazonAnswers500Then429ThenAcceptsIsCountedByStatusWithItsRetriesAndTheRateWait() throws Exception {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long id = fixtures.shopId(order.orderId());
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT42\"}").statusCode()).isEqualTo(200);
        // the rate Amazon last announced for confirmShipment: one call every 4 s (a token after a 429 is that far away)
        spApiRateLimiter.observeRate("it-main", SpApiOperation.CONFIRM_SHIPMENT, 0.25);
        String before = scrape();
        // a 500, then a 429 that asks for no wait of its own: the redelivery waits for the rate budget Amazon says is spent
        amazon.faults().add(AmazonFault.of("confirmShipment", 500, 1));
        amazon.faults().add(AmazonFault.of("confirmShipment", 429, 1).retryAfter(0));

        assertThat(sync.run(SyncMode.CHANGED).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

        String after = scrape();
        String shipment = "operation=\"confirmShipment\",remote=\"amazon\"";
        assertThat(delta(before, after, "ponte_remote_calls_total", shipment + ",status=\"500\"")).isEqualTo(1);
        assertThat(delta(before, after, "ponte_remote_calls_total", shipment + ",status=\"429\"")).isEqualTo(1);
        assertThat(delta(before, after, "ponte_remote_calls_total", shipment + ",status=\"204\"")
                + delta(before, after, "ponte_remote_calls_total", shipment + ",status=\"200\"")).isEqualTo(1);
        assertThat(delta(before, after, "ponte_remote_retries_total", shipment)).isEqualTo(2);
        assertThat(delta(before, after, "ponte_remote_throttled_total", shipment)).isEqualTo(1);
        // after the 429 Ponte's bucket for confirmShipment is empty: the next attempt waited for about one token (4 s)
        assertThat(delta(before, after, "ponte_remote_rate_wait_seconds_count", shipment)).isEqualTo(1);
        assertThat(delta(before, after, "ponte_remote_rate_wait_seconds_sum", shipment)).isBetween(2.0, 4.5);
        // the poll and the token went out through the same routes, counted under their own operations
        assertThat(value(after, "ponte_remote_calls_total", "operation=\"searchOrders\",remote=\"amazon\",status=\"200\"")).isPositive();
        assertThat(value(after, "ponte_remote_calls_total", "operation=\"lwaToken\",remote=\"amazon\",status=\"200\"")).isPositive();
        assertThat(value(after, "ponte_remote_call_seconds_count", shipment)).isGreaterThanOrEqualTo(3);
        // Mailchimp's calls of the run, named by operation without the record's id (one series per operation, not per record)
        assertThat(after).containsPattern("(?m)^ponte_remote_calls_total\\{operation=\"get store\",remote=\"mailchimp\",status=\"\\d{3}\"\\} ");
        assertThat(after).doesNotContainPattern("operation=\"(put customer|put product|create order|update order|create cart|update cart|delete cart) ");
        // and the report mail, on the smtp endpoint
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                delta(before, scrape(), "ponte_remote_calls_total", "operation=\"send mail\",remote=\"smtp\",status=\"sent\"") >= 1);
    }

    @Test
    void aWaitForAmazonsRateBudgetIsLoggedWithItsLengthAndCounted() throws Exception {
        AmazonProperties.Account account = amazonProperties.account("it-main");
        SpApiCall search = AmazonOrdersApi.recentMerchantOrdersCall(account, Instant.now().minusSeconds(3600), Instant.now(), 1);
        String before = scrape();
        // Amazon announced 0.5 requests a second, then answered 429: the bucket is empty, the next token 2 s away
        spApiRateLimiter.observeRate(account.id(), SpApiOperation.SEARCH_ORDERS, 0.5);
        spApiRateLimiter.observe(search, null, 429);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger limiterLog = (Logger) LoggerFactory.getLogger(SpApiRateLimiter.class);
        log.start();
        limiterLog.addAppender(log);
        try {
            long started = System.nanoTime();
            spApiRateLimiter.pace(search, null, null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
        } finally {
            limiterLog.detachAppender(log);
        }

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.matches("Waiting [12]\\.[0-9] s for Amazon's rate budget: account it-main, searchOrders .*"));
        String after = scrape();
        String labels = "operation=\"searchOrders\",remote=\"amazon\"";
        assertThat(delta(before, after, "ponte_remote_rate_wait_seconds_count", labels)).isEqualTo(1);
        assertThat(delta(before, after, "ponte_remote_rate_wait_seconds_sum", labels)).isBetween(1.5, 4.0);
    }

    @Test
    void theScrapeIsForAdministratorsOnly() {
        HttpResponse<String> viewer = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Authorization", Http.as(Http.VIEWER)).GET().build());
        assertThat(viewer.statusCode()).isEqualTo(403);
    }

    private String scrape() {
        HttpResponse<String> answer = Http.get(baseUrl() + "/actuator/prometheus");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static double delta(String before, String after, String metric, String labels) {
        return value(after, metric, labels) - value(before, metric, labels);
    }

    /** The sample of {@code metric} whose labels are exactly {@code labels} (Prometheus sorts them by name); 0 when absent. */
    private static double value(String scrape, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric + "{" + labels + "}") + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
