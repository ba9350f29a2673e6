package it.ponte.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.sandbox.amazon.SandboxAmazonTestBase;
import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sandbox.amazon.FeedRoundTrip;
import it.ponte.sandbox.amazon.FeedSwitches;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.amazon.TestFeeds;
import it.ponte.sandbox.amazon.TestOrders;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every answer of the sandbox's Feeds API, over real HTTP, checked against Amazon's Feeds 2021-06-30 model. */
class SandboxFeedsContractTest extends SandboxAmazonTestBase {

    private static final AmazonContract CONTRACT = AmazonContract.feeds();

    @Test
    void aFeedsWholeRoundTripConformsToTheModel() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        amazon.feeds().switches().configure(new FeedSwitches.Settings(1, 1, true));

        String documentBody = FeedRoundTrip.documentBody();
        HttpResponse<String> document = CONTRACT.assertConforms(post("/documents", documentBody), documentBody);
        assertThat(document.statusCode()).isEqualTo(201);
        JsonNode created = SandboxAmazonHttp.json(document);
        String xml = TestFeeds.cancellations(amazon.defaultSellerId(), TestFeeds.cancel(1, order, "NoInventory"));
        assertThat(http.upload(created.get("url").asText(), SandboxAmazonHttp.FEED_CONTENT_TYPE, xml, null).statusCode()).isEqualTo(200);

        String feedBody = FeedRoundTrip.createFeedBody(TestFeeds.CANCEL, created.get("feedDocumentId").asText());
        HttpResponse<String> feed = CONTRACT.assertConforms(post("/feeds", feedBody), feedBody);
        assertThat(feed.statusCode()).isEqualTo(202);
        String feedId = SandboxAmazonHttp.json(feed).get("feedId").asText();

        for (String expected : new String[] {"IN_QUEUE", "IN_PROGRESS", "DONE"}) {
            HttpResponse<String> polled = CONTRACT.assertConforms(http.spApi("GET", SandboxAmazonHttp.FEEDS + "/feeds/" + feedId, token, null));
            assertThat(SandboxAmazonHttp.json(polled).get("processingStatus").asText()).isEqualTo(expected);
        }
        String resultId = amazon.feeds().feed(feedId).orElseThrow().resultFeedDocumentId();
        HttpResponse<String> result = CONTRACT.assertConforms(http.spApi("GET", SandboxAmazonHttp.FEEDS + "/documents/" + resultId, token, null));
        assertThat(SandboxAmazonHttp.json(result).get("compressionAlgorithm").asText()).isEqualTo("GZIP");
    }

    @Test
    void refusalsConformToTheModel() {
        // Requests the model allows and the sandbox refuses, so the check is on the refusal, not on the request.
        String blankContentType = "{\"contentType\":\"\"}";
        assertThat(CONTRACT.assertConforms(post("/documents", blankContentType), blankContentType).statusCode()).isEqualTo(400);
        String neverCreated = FeedRoundTrip.createFeedBody(TestFeeds.CANCEL, "amzn1.tortuga.4.eu.unknown");
        assertThat(CONTRACT.assertConforms(post("/feeds", neverCreated), neverCreated).statusCode()).isEqualTo(400);
        assertThat(CONTRACT.assertConforms(http.spApi("GET", SandboxAmazonHttp.FEEDS + "/feeds/1", token, null)).statusCode()).isEqualTo(404);
        assertThat(CONTRACT.assertConforms(http.spApi("GET", SandboxAmazonHttp.FEEDS + "/documents/amzn1.tortuga.4.eu.unknown", token, null))
                .statusCode()).isEqualTo(404);
        String body = FeedRoundTrip.documentBody();
        assertThat(CONTRACT.assertConforms(http.spApi("POST", SandboxAmazonHttp.FEEDS + "/documents", null, body), body).statusCode())
                .isEqualTo(403);
    }

    @Test
    void quotaExceededOnCreateFeedConformsToTheModel() {
        String documentId = new FeedRoundTrip(http, token).upload(TestFeeds.envelope(amazon.defaultSellerId(), "OrderAcknowledgement", ""));
        String body = FeedRoundTrip.createFeedBody(TestFeeds.CANCEL, documentId);
        HttpResponse<String> response;
        int calls = 0;
        do {
            response = post("/feeds", body);
            calls++;
        } while (response.statusCode() == 202 && calls < 30);
        CONTRACT.assertConforms(response, body);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(calls).isEqualTo(16);
    }

    @Test
    void theContractRejectsACreateFeedWithoutMarketplaces() {
        String broken = "{\"feedType\":\"POST_ORDER_ACKNOWLEDGEMENT_DATA\",\"inputFeedDocumentId\":\"x\"}";
        assertThat(CONTRACT.validate(post("/feeds", broken), broken).hasErrors()).isTrue();
    }

    private HttpResponse<String> post(String path, String body) {
        return http.spApi("POST", SandboxAmazonHttp.FEEDS + path, token, body);
    }
}
