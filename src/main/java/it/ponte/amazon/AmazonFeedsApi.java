package it.ponte.amazon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds API 2021-06-30, as the steps of the {@code amazon-feed-submit} and {@code amazon-feed-report} routes: a feed
 * document is created, its XML uploaded to the presigned URL, the feed created, polled, and its processing report
 * downloaded. The presigned URLs carry their own signature: no token on them. The Java methods at the end run the same
 * routes, for tests and tools.
 */
@Component("amazonFeedsApi")
public class AmazonFeedsApi {

    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    public static final String SUBMISSION = "feedSubmission";
    public static final String DOCUMENT = "feedDocument";
    public static final String ACCOUNT = "amazonAccount";
    static final String FEEDS_PATH = "/feeds/2021-06-30";

    private final ProducerTemplate camel;

    public AmazonFeedsApi(ProducerTemplate camel) {
        this.camel = camel;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeedDocument(String feedDocumentId, String url, String compressionAlgorithm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feed(String feedId, String feedType, String processingStatus, String resultFeedDocumentId) {
    }

    /** getFeeds' answer: the account's feeds of a type (this page is all Ponte reads: it asks only for recent ones). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeedList(java.util.List<Feed> feeds) {
        public FeedList {
            feeds = feeds == null ? java.util.List.of() : feeds;
        }
    }

    /** How the id of an unconfirmed feed starts, until {@code getFeeds} finds the feed. */
    public static final String UNCONFIRMED = "unconfirmed-";

    /** What the {@code amazon-feed-submit} route sends: one account's feed of one type. */
    public record Submission(AmazonProperties.Account account, String feedType, String xml) {
    }

    // ---- steps of amazon-feed-submit -----------------------------------------------------------------------------

    public Map<String, Object> documentSpec() {
        return Map.of("contentType", CONTENT_TYPE);
    }

    public SpApiCall createFeedDocumentCall(@ExchangeProperty(SUBMISSION) Submission submission, @Body String json) {
        return SpApiCall.api(submission.account(), SpApiOperation.CREATE_FEED_DOCUMENT, "POST", FEEDS_PATH + "/documents", Map.of(), json);
    }

    /** The PUT of the feed's XML to the URL Amazon gave; a URL Ponte cannot use fails here, for this feed only. */
    public SpApiCall uploadCall(@ExchangeProperty(SUBMISSION) Submission submission, @Body FeedDocument document, Exchange exchange) {
        exchange.setProperty(DOCUMENT, document);
        return SpApiCall.presigned(submission.account(), "uploadFeedDocument", "PUT", document.url(), submission.xml(), CONTENT_TYPE);
    }

    /**
     * Whether the upload failed because its presigned URL had expired (S3's 403 "Request has expired": the URL lives
     * five minutes): then the feed asks for a new document instead of using that URL again.
     */
    public boolean uploadUrlExpired(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SpApiException amazon) {
                return "uploadFeedDocument".equals(amazon.operation()) && amazon.status() == 403
                        && amazon.getMessage() != null && amazon.getMessage().toLowerCase(java.util.Locale.ROOT).contains("expired");
            }
        }
        return false;
    }

    public Map<String, Object> feedSpec(@ExchangeProperty(SUBMISSION) Submission submission, @ExchangeProperty(DOCUMENT) FeedDocument document) {
        return Map.of("feedType", submission.feedType(), "marketplaceIds", submission.account().marketplaces(),
                "inputFeedDocumentId", document.feedDocumentId());
    }

    public SpApiCall createFeedCall(@ExchangeProperty(SUBMISSION) Submission submission, @Body String json) {
        return SpApiCall.api(submission.account(), SpApiOperation.CREATE_FEED, "POST", FEEDS_PATH + "/feeds", Map.of(), json);
    }

    public Feed submitted(@ExchangeProperty(SUBMISSION) Submission submission, @Body Feed created) {
        if (created.feedId() != null && created.feedId().startsWith(UNCONFIRMED)) {
            return created;
        }
        if (created.feedId() == null || created.feedId().isBlank()) {
            throw new FeedOutcomeUnknownException(submission.account().id(), 202, "createFeed answered without a feedId", null);
        }
        return new Feed(created.feedId(), submission.feedType(), "IN_QUEUE", null);
    }

    /**
     * createFeed got no readable answer (a 5xx, no answer, an answer Ponte cannot read): Amazon may have created the feed.
     * It is not created again; it goes on as an unconfirmed feed, for the settling of
     * feeds to find with {@code getFeeds} (or to owe again once it is sure there is none).
     */
    public Feed outcomeUnknown(@ExchangeProperty(DOCUMENT) FeedDocument document, @ExchangeProperty(SUBMISSION) Submission submission,
                               Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        org.slf4j.LoggerFactory.getLogger(AmazonFeedsApi.class).warn("Amazon createFeed ({} of account {}) got no readable answer ({}): "
                + "the feed is looked for with getFeeds before anything is sent again", submission.feedType(), submission.account().id(),
                failure == null ? "?" : failure.getMessage());
        // short enough for the feed id columns whatever the length of Amazon's document ids
        String id = UNCONFIRMED + Integer.toHexString(document.feedDocumentId().hashCode()) + "-" + System.currentTimeMillis();
        return new Feed(id, submission.feedType(), "UNCONFIRMED", null);
    }

    /** getFeeds: the account's feeds of a type created since the instant. */
    public static SpApiCall listFeedsCall(AmazonProperties.Account account, String feedType, java.time.Instant createdSince) {
        return SpApiCall.api(account, SpApiOperation.GET_FEEDS, "GET", FEEDS_PATH + "/feeds",
                Map.of("feedTypes", java.util.List.of(feedType),
                        "createdSince", java.util.List.of(createdSince.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())), null);
    }

    // ---- steps of amazon-feed-status and amazon-feed-report ------------------------------------------------------

    public SpApiCall getFeedCall(@ExchangeProperty(ACCOUNT) AmazonProperties.Account account, @Body String feedId) {
        return SpApiCall.api(account, SpApiOperation.GET_FEED, "GET", FEEDS_PATH + "/feeds/" + SpApiCall.encode(feedId), Map.of(), null);
    }

    public SpApiCall getFeedDocumentCall(@ExchangeProperty(ACCOUNT) AmazonProperties.Account account, @Body String feedDocumentId) {
        return SpApiCall.api(account, SpApiOperation.GET_FEED_DOCUMENT, "GET",
                FEEDS_PATH + "/documents/" + SpApiCall.encode(feedDocumentId), Map.of(), null);
    }

    public SpApiCall downloadCall(@ExchangeProperty(ACCOUNT) AmazonProperties.Account account, @Body FeedDocument document, Exchange exchange) {
        exchange.setProperty(DOCUMENT, document);
        return SpApiCall.presigned(account, "downloadFeedDocument", "GET", document.url(), null, null);
    }

    /** The processing report as XML text, unzipped when Amazon said GZIP. */
    public String report(@ExchangeProperty(DOCUMENT) FeedDocument document, @Body byte[] bytes) throws IOException {
        byte[] plain = "GZIP".equals(document.compressionAlgorithm())
                ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes;
        return new String(plain, StandardCharsets.UTF_8);
    }

    // ---- the same routes as Java calls ---------------------------------------------------------------------------

    /** Uploads the XML and creates the feed; the answer is the feed id. */
    public Feed submit(AmazonProperties.Account account, String feedType, String xml) {
        return run("direct:amazon-feed-submit", account, null, exchange -> exchange.setProperty(SUBMISSION, new Submission(account, feedType, xml)),
                Feed.class);
    }

    public Feed getFeed(AmazonProperties.Account account, String feedId) {
        return run("direct:amazon-feed-status", account, feedId, exchange -> { }, Feed.class);
    }

    /** The processing report of a finished feed, as XML text. */
    public String processingReport(AmazonProperties.Account account, String resultFeedDocumentId) {
        return run("direct:amazon-feed-report", account, resultFeedDocumentId, exchange -> { }, String.class);
    }

    private <T> T run(String route, AmazonProperties.Account account, Object body, java.util.function.Consumer<Exchange> setup, Class<T> type) {
        Exchange answer = camel.send(route, exchange -> {
            exchange.setProperty(ACCOUNT, account);
            exchange.getMessage().setBody(body);
            setup.accept(exchange);
        });
        if (answer.getException() != null) {
            for (Throwable t = answer.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SpApiException amazon) {
                    throw amazon;
                }
            }
            throw new IllegalStateException(answer.getException());
        }
        return answer.getMessage().getBody(type);
    }
}
