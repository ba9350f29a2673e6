package it.ponte.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.PonteIntegrationTest;
import it.ponte.amazon.AmazonFeedsApi;
import it.ponte.amazon.AmazonProperties;
import it.ponte.amazon.FeedXml;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox's Feeds API rules over real HTTP: per-message results, refunds never twice, held and FATAL feeds, uploads, quotas. */
class SandboxFeedsRulesTest extends SandboxAmazonTestBase {

    @Autowired
    AmazonFeedsApi feedsApi;

    @Autowired
    AmazonProperties amazonProperties;

    FeedRoundTrip feeds;
    String seller;

    @BeforeEach
    void setUp() {
        feeds = new FeedRoundTrip(http, token);
        seller = amazon.defaultSellerId();
    }

    @Test
    void feedWithOneRefusedMessageIsDoneAndOnlyThatOrderStaysAsItWas() {
        SandboxOrder first = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(3)));
        SandboxOrder shipped = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(2)));
        SandboxOrder third = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));

        String feedId = feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, first, "NoInventory"),
                TestFeeds.cancel(2, shipped, "NoInventory"), TestFeeds.cancel(3, third, "BuyerCanceled")));
        String report = feeds.report(feedId);

        assertThat(feeds.getFeed(feedId).get("processingStatus").asText()).isEqualTo("DONE");
        assertThat(report).contains("<DocumentTransactionID>" + feedId + "</DocumentTransactionID>", "<StatusCode>Complete</StatusCode>",
                "<MessagesProcessed>3</MessagesProcessed>", "<MessagesSuccessful>2</MessagesSuccessful>",
                "<MessagesWithError>1</MessagesWithError>", "<MessagesWithWarning>0</MessagesWithWarning>");
        Map<Integer, FeedXml.Result> results = FeedXml.results(report, List.of(1, 2, 3));
        assertThat(results.get(1).success()).isTrue();
        assertThat(results.get(3).success()).isTrue();
        assertThat(results.get(2).success()).isFalse();
        assertThat(results.get(2).description()).contains(shipped.orderId(), "cannot be cancelled");
        assertThat(status(first)).isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(status(third)).isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(status(shipped)).isEqualTo(FulfillmentStatus.SHIPPED);
        assertThat(amazon.cancellationsOf(first.orderId())).singleElement()
                .satisfies(c -> assertThat(c.feedId()).isEqualTo(feedId));
        assertThat(amazon.cancellationsOf(shipped.orderId())).isEmpty();
    }

    @Test
    void injectedFailureRefusesTheNextMessageOfThatOrderOnlyOnce() {
        SandboxOrder refused = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(2)));
        SandboxOrder accepted = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        amazon.feeds().switches().failNextMessage(refused.orderId(), "Order is locked by Amazon's risk review");

        String report = feeds.report(feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller,
                TestFeeds.cancel(1, refused, "NoInventory"), TestFeeds.cancel(2, accepted, "NoInventory"))));

        Map<Integer, FeedXml.Result> results = FeedXml.results(report, List.of(1, 2));
        assertThat(results.get(1).description()).isEqualTo("Order is locked by Amazon's risk review");
        assertThat(results.get(2).success()).isTrue();
        assertThat(status(refused)).isEqualTo(FulfillmentStatus.UNSHIPPED);
        assertThat(status(accepted)).isEqualTo(FulfillmentStatus.CANCELLED);

        String retry = feeds.report(feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, refused, "NoInventory"))));
        assertThat(FeedXml.results(retry, List.of(1)).get(1).success()).isTrue();
        assertThat(status(refused)).isEqualTo(FulfillmentStatus.CANCELLED);
    }

    @Test
    void secondRefundOfAnOrderIsRefusedAsAlreadyRefunded() {
        SandboxOrder order = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(1)));

        String firstReport = feeds.report(feeds.submit(TestFeeds.REFUND, TestFeeds.refunds(seller, TestFeeds.refund(1, order, "CustomerReturn"))));
        String secondFeed = feeds.submit(TestFeeds.REFUND, TestFeeds.refunds(seller, TestFeeds.refund(1, order, "CustomerReturn")));
        String secondReport = feeds.report(secondFeed);

        assertThat(FeedXml.results(firstReport, List.of(1)).get(1).success()).isTrue();
        FeedXml.Result second = FeedXml.results(secondReport, List.of(1)).get(1);
        assertThat(second.success()).isFalse();
        assertThat(second.description()).contains("already refunded", order.orderId());
        assertThat(amazon.refundsOf(order.orderId())).singleElement().satisfies(refund -> {
            assertThat(refund.total()).isEqualByComparingTo(order.itemsTotal().add(order.shippingAmount()));
            assertThat(refund.feedId()).isNotEqualTo(secondFeed);
        });
        JsonNode adminOrder = SandboxAmazonHttp.json(http.sendJson("GET", "/sandbox/amazon/orders/" + order.orderId(), null));
        assertThat(adminOrder.get("refunds")).hasSize(1);
        JsonNode adminFeeds = SandboxAmazonHttp.json(http.sendJson("GET", "/sandbox/amazon/feeds", null));
        assertThat(adminFeeds).hasSize(2);
        assertThat(adminFeeds.get(1).get("feedId").asText()).isEqualTo(secondFeed);
        assertThat(adminFeeds.get(1).get("xml").asText()).contains("<OrderAdjustment>", order.orderId());
        assertThat(adminFeeds.get(1).at("/results/0/description").asText()).contains("already refunded");
        assertThat(adminFeeds.get(1).get("processingReport").asText()).contains("<MessagesWithError>1</MessagesWithError>");
    }

    @Test
    void twoRefundsOfOneOrderInTheSameFeedRefuseTheSecond() {
        SandboxOrder order = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(1)));

        String report = feeds.report(feeds.submit(TestFeeds.REFUND, TestFeeds.refunds(seller,
                TestFeeds.refund(1, order, "CustomerReturn"), TestFeeds.refund(2, order, "CustomerReturn"))));

        Map<Integer, FeedXml.Result> results = FeedXml.results(report, List.of(1, 2));
        assertThat(results.get(1).success()).isTrue();
        assertThat(results.get(2).description()).contains("already refunded");
        assertThat(amazon.refundsOf(order.orderId())).hasSize(1);
    }

    @Test
    void refundMessagesBreakingAmazonsRulesAreRefusedOneByOne() {
        SandboxOrder shipped = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(2)));
        SandboxOrder unshipped = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String item = shipped.items().get(0).orderItemId();
        String xml = TestFeeds.envelope(seller, "OrderAdjustment",
                TestFeeds.message(1, TestFeeds.adjustment("403-0000000-0000000", item, "CustomerReturn", "Principal", "10.00", "EUR")),
                TestFeeds.message(2, TestFeeds.adjustment(unshipped.orderId(), unshipped.items().get(0).orderItemId(), "CustomerReturn", "Principal", "10.00", "EUR")),
                TestFeeds.message(3, TestFeeds.adjustment(shipped.orderId(), "99999999999999", "CustomerReturn", "Principal", "10.00", "EUR")),
                TestFeeds.message(4, TestFeeds.adjustment(shipped.orderId(), item, "ChangedMyMind", "Principal", "10.00", "EUR")),
                TestFeeds.message(5, TestFeeds.adjustment(shipped.orderId(), item, "CustomerReturn", "Discount", "10.00", "EUR")),
                TestFeeds.message(6, TestFeeds.adjustment(shipped.orderId(), item, "CustomerReturn", "Principal", "-10.00", "EUR")),
                TestFeeds.message(7, TestFeeds.adjustment(shipped.orderId(), item, "CustomerReturn", "Principal", "10.00", "USD")),
                TestFeeds.message(8, TestFeeds.adjustment(shipped.orderId(), item, "CustomerReturn", "Principal", "10.00", "EUR")));

        String report = feeds.report(feeds.submit(TestFeeds.REFUND, xml));

        Map<Integer, FeedXml.Result> results = FeedXml.results(report, List.of(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(results.get(1).description()).contains("is not an order of merchant");
        assertThat(results.get(2).description()).contains("only a shipped order can be refunded");
        assertThat(results.get(3).description()).contains("99999999999999 is not an item of order");
        assertThat(results.get(4).description()).contains("AdjustmentReason 'ChangedMyMind'");
        assertThat(results.get(5).description()).contains("Component Type 'Discount'");
        assertThat(results.get(6).description()).contains("must be positive");
        assertThat(results.get(7).description()).contains("is in USD");
        assertThat(results.get(8).success()).isTrue();
        assertThat(report).contains("<MessagesWithError>7</MessagesWithError>", "<ResultCode>Error</ResultCode>", "<ResultMessageCode>");
        assertThat(amazon.refundsOf(shipped.orderId())).singleElement()
                .satisfies(r -> assertThat(r.total()).isEqualByComparingTo("10.00"));
        assertThat(amazon.refundsOf(unshipped.orderId())).isEmpty();
    }

    @Test
    void cancellationMessagesBreakingAmazonsRulesAreRefusedOneByOneAndARepeatIsOnlyAWarning() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(2)));
        SandboxOrder other = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String item = order.items().get(0).orderItemId();
        String xml = TestFeeds.envelope(seller, "OrderAcknowledgement",
                TestFeeds.message(1, TestFeeds.acknowledgement("403-0000000-0000000", item, "NoInventory")),
                TestFeeds.message(2, TestFeeds.acknowledgement(order.orderId(), other.items().get(0).orderItemId(), "NoInventory")),
                TestFeeds.message(3, TestFeeds.acknowledgement(order.orderId(), item, "OutOfStock")));

        String report = feeds.report(feeds.submit(TestFeeds.CANCEL, xml));

        Map<Integer, FeedXml.Result> results = FeedXml.results(report, List.of(1, 2, 3));
        assertThat(results.get(1).description()).contains("is not an order of merchant");
        assertThat(results.get(2).description()).contains("is not an item of order " + order.orderId());
        assertThat(results.get(3).description()).contains("CancelReason 'OutOfStock'");
        assertThat(status(order)).isEqualTo(FulfillmentStatus.UNSHIPPED);

        feeds.report(feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory"))));
        String repeat = feeds.report(feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory"))));
        assertThat(repeat).contains("<ResultCode>Warning</ResultCode>", "already cancelled", "<MessagesWithWarning>1</MessagesWithWarning>");
        assertThat(FeedXml.results(repeat, List.of(1)).get(1).success()).isTrue();
        assertThat(amazon.cancellationsOf(order.orderId())).hasSize(1);
    }

    @Test
    void feedHeldInQueueChangesNothingUntilReleased() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        amazon.feeds().switches().configure(new FeedSwitches.Settings(FeedSwitches.FOREVER, 0, false));

        String feedId = feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory")));
        for (int i = 0; i < 3; i++) {
            JsonNode feed = feeds.getFeed(feedId);
            assertThat(feed.get("processingStatus").asText()).isEqualTo("IN_QUEUE");
            assertThat(feed.has("resultFeedDocumentId")).isFalse();
        }
        assertThat(status(order)).isEqualTo(FulfillmentStatus.UNSHIPPED);

        assertThat(http.sendJson("POST", "/sandbox/amazon/feeds/release", null).statusCode()).isEqualTo(204);
        assertThat(feeds.getFeed(feedId).get("processingStatus").asText()).isEqualTo("DONE");
        assertThat(status(order)).isEqualTo(FulfillmentStatus.CANCELLED);
    }

    @Test
    void feedMovesFromInQueueThroughInProgressToDoneAsConfigured() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        http.sendJson("PUT", "/sandbox/amazon/feeds/switches/settings", "{\"queuedPolls\":2,\"inProgressPolls\":1,\"gzipReports\":false}");

        String feedId = feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory")));

        assertThat(List.of(feeds.getFeed(feedId), feeds.getFeed(feedId), feeds.getFeed(feedId), feeds.getFeed(feedId))
                .stream().map(f -> f.get("processingStatus").asText()))
                .containsExactly("IN_QUEUE", "IN_QUEUE", "IN_PROGRESS", "DONE");
        JsonNode done = feeds.getFeed(feedId);
        assertThat(done.has("processingStartTime")).isTrue();
        assertThat(done.has("processingEndTime")).isTrue();
    }

    @Test
    void fatalFeedAppliesNothingAndSaysWhyInItsReport() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        http.sendJson("POST", "/sandbox/amazon/feeds/switches/fatal", "{\"count\":1}");

        String feedId = feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory")));
        String report = feeds.report(feedId);

        assertThat(feeds.getFeed(feedId).get("processingStatus").asText()).isEqualTo("FATAL");
        assertThat(report).contains("<ResultCode>Error</ResultCode>", "FATAL");
        assertThat(status(order)).isEqualTo(FulfillmentStatus.UNSHIPPED);
    }

    @Test
    void unreadableXmlOrAMessageTypeNotFittingTheFeedTypeEndsFatal() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String notXml = feeds.submit(TestFeeds.CANCEL, "<AmazonEnvelope><Header>");
        String doctype = feeds.submit(TestFeeds.CANCEL, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<AmazonEnvelope>&e;</AmazonEnvelope>");
        String wrongType = feeds.submit(TestFeeds.REFUND, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory")));

        assertThat(feeds.report(notXml)).contains("not well-formed");
        assertThat(feeds.report(doctype)).contains("not well-formed").doesNotContain("root:");
        assertThat(feeds.report(wrongType)).contains("does not fit feed type POST_PAYMENT_ADJUSTMENT_DATA");
        assertThat(amazon.feeds().feeds()).extracting(SandboxFeed::processingStatus).containsOnly(FeedProcessingStatus.FATAL);
        assertThat(status(order)).isEqualTo(FulfillmentStatus.UNSHIPPED);
    }

    @Test
    void createFeedNeedsAnUploadedDocumentOfTheSellerAndASupportedFeedType() {
        String token = http.mainToken();
        HttpResponse<String> document = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/documents", token, FeedRoundTrip.documentBody());
        String neverUploaded = SandboxAmazonHttp.json(document).get("feedDocumentId").asText();
        String uploaded = feeds.upload(TestFeeds.envelope(seller, "OrderAcknowledgement", ""));

        HttpResponse<String> notUploaded = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds", token,
                FeedRoundTrip.createFeedBody(TestFeeds.CANCEL, neverUploaded));
        HttpResponse<String> unsupported = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds", token,
                FeedRoundTrip.createFeedBody("POST_PRODUCT_DATA", uploaded));
        HttpResponse<String> otherSeller = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds",
                http.accessToken(SandboxAmazonHttp.OTHER_REFRESH_TOKEN), FeedRoundTrip.createFeedBody(TestFeeds.CANCEL, uploaded));

        assertThat(notUploaded.statusCode()).isEqualTo(400);
        assertThat(SandboxAmazonHttp.json(notUploaded).at("/errors/0/message").asText()).contains("never uploaded");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(SandboxAmazonHttp.json(unsupported).at("/errors/0/message").asText()).contains("POST_PRODUCT_DATA");
        assertThat(otherSeller.statusCode()).isEqualTo(400);
        assertThat(amazon.feeds().feeds()).isEmpty();
    }

    @Test
    void presignedUploadRefusesAnAccessTokenAnotherContentTypeAForgedSignatureAndAnExpiredUrl() {
        String token = http.mainToken();
        String url = SandboxAmazonHttp.json(http.spApi("POST", SandboxAmazonHttp.FEEDS + "/documents", token, FeedRoundTrip.documentBody()))
                .get("url").asText();
        String xml = TestFeeds.envelope(seller, "OrderAcknowledgement", "");

        HttpResponse<String> withToken = http.upload(url, SandboxAmazonHttp.FEED_CONTENT_TYPE, xml, token);
        HttpResponse<String> otherType = http.upload(url, "application/xml", xml, null);
        HttpResponse<String> forged = http.upload(url.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00ff"),
                SandboxAmazonHttp.FEED_CONTENT_TYPE, xml, null);
        amazon.clock().advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = http.upload(url, SandboxAmazonHttp.FEED_CONTENT_TYPE, xml, null);

        assertThat(withToken.statusCode()).isEqualTo(403);
        assertThat(withToken.body()).contains("<Code>AccessDenied</Code>", "not signed");
        assertThat(otherType.statusCode()).isEqualTo(403);
        assertThat(otherType.body()).contains("SignatureDoesNotMatch");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("Request has expired");
        assertThat(amazon.feeds().documents().find(url.replaceAll(".*/feed-uploads/([^?]+)\\?.*", "$1")))
                .hasValueSatisfying(d -> assertThat(d.isUploaded()).isFalse());
    }

    @Test
    void createFeedAllowsABurstOf15ThenAnswers429WithoutRateHeader() {
        String token = http.mainToken();
        String document = feeds.upload(TestFeeds.envelope(seller, "OrderAcknowledgement", ""));
        String body = FeedRoundTrip.createFeedBody(TestFeeds.CANCEL, document);
        for (int i = 1; i <= 15; i++) {
            HttpResponse<String> accepted = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds", token, body);
            assertThat(accepted.statusCode()).as("createFeed #%d", i).isEqualTo(202);
            assertThat(accepted.headers().firstValue("x-amzn-RateLimit-Limit")).hasValue("0.0083");
        }

        HttpResponse<String> refused = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds", token, body);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("x-amzn-RateLimit-Limit")).isEmpty();
        assertThat(SandboxAmazonHttp.json(refused).at("/errors/0/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(amazon.feeds().feeds()).hasSize(15);
        HttpResponse<String> otherSeller = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds",
                http.accessToken(SandboxAmazonHttp.OTHER_REFRESH_TOKEN), body);
        assertThat(otherSeller.statusCode()).as("the other seller has its own bucket").isEqualTo(400);
    }

    @Test
    void feedOfAnotherSellerIsNotFound() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String feedId = feeds.submit(TestFeeds.CANCEL, TestFeeds.cancellations(seller, TestFeeds.cancel(1, order, "NoInventory")));

        HttpResponse<String> other = http.spApi("GET", SandboxAmazonHttp.FEEDS + "/feeds/" + feedId,
                http.accessToken(SandboxAmazonHttp.OTHER_REFRESH_TOKEN), null);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(status(order)).as("the other seller's poll does not process it").isEqualTo(FulfillmentStatus.UNSHIPPED);
    }

    @Test
    void ponteFeedClientRoundTripsThroughTheSandboxWithGzipReports() {
        SandboxOrder order = amazon.addOrder(TestOrders.order(FulfillmentStatus.SHIPPED, FulfilledBy.MERCHANT, Duration.ofHours(1)));
        amazon.feeds().switches().configure(new FeedSwitches.Settings(0, 0, true));
        AmazonProperties.Account account = amazonProperties.account("it-main");

        AmazonFeedsApi.Feed submitted = feedsApi.submit(account, FeedXml.REFUND_FEED,
                FeedXml.refunds(account.sellerId(), List.of(TestFeeds.refund(7, order, "CustomerReturn"))));
        AmazonFeedsApi.Feed done = feedsApi.getFeed(account, submitted.feedId());
        String report = feedsApi.processingReport(account, done.resultFeedDocumentId());

        assertThat(done.processingStatus()).isEqualTo("DONE");
        assertThat(FeedXml.results(report, List.of(7)).get(7).success()).isTrue();
        assertThat(amazon.refundsOf(order.orderId())).singleElement().satisfies(r -> assertThat(r.messageId()).isEqualTo(7));
        assertThat(amazon.requests().to(SandboxFeeds.UPLOAD_PATH)).singleElement()
                .satisfies(put -> assertThat(put.headers()).doesNotContainKey("x-amz-access-token"));
        assertThat(amazon.requests().to(SandboxFeeds.DOWNLOAD_PATH)).hasSize(1);
    }

    private FulfillmentStatus status(SandboxOrder order) {
        return amazon.order(order.orderId()).orElseThrow().status();
    }
}
