package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The Feeds API 2021-06-30 of the simulated Amazon: feed documents, feeds and their processing. A feed is processed
 * when a getFeed finds it due (at the first poll unless {@link FeedSwitches} hold it), so order changes appear the
 * way a polling client sees them. Every feed, its XML and its results stay visible until {@link #clear()}.
 */
@Component
@Profile("sandbox")
public class SandboxFeeds {

    public static final String UPLOAD_PATH = "/sandbox/amazon/feed-uploads/";
    public static final String DOWNLOAD_PATH = "/sandbox/amazon/feed-downloads/";
    public static final String REPORT_CONTENT_TYPE = "text/xml; charset=UTF-8";
    private final java.util.concurrent.atomic.AtomicInteger lostCreateFeedAnswers = new java.util.concurrent.atomic.AtomicInteger();

    private final Map<String, SandboxFeed> feeds = new ConcurrentHashMap<>();
    private final AtomicLong feedNumbers = new AtomicLong(50_001_019_000L);
    private final SandboxFeedDocuments documents;
    private final FeedProcessor processor;
    private final FeedSwitches switches;
    private final PresignedUrls urls;
    private final AmazonSandboxClock clock;
    private final ObjectMapper json;

    public SandboxFeeds(SandboxFeedDocuments documents, FeedProcessor processor, FeedSwitches switches, PresignedUrls urls,
                        AmazonSandboxClock clock, ObjectMapper json) {
        this.documents = documents;
        this.processor = processor;
        this.switches = switches;
        this.urls = urls;
        this.clock = clock;
        this.json = json;
    }

    /** createFeedDocument: an empty input document and the presigned URL to PUT its content to. */
    public Map<String, Object> createFeedDocument(String sellerId, String body, String baseUrl) {
        JsonNode spec = SpApiRequestBody.object(json, body);
        String contentType = SpApiRequestBody.requiredText(spec, "contentType", "contentType");
        SandboxFeedDocument document = documents.create(sellerId, SandboxFeedDocument.Kind.INPUT, contentType, clock.now(), null, false);
        Instant issued = switches.takeExpiredUploadUrl() ? clock.now().minus(PresignedUrls.LIFETIME).minusSeconds(60) : clock.now();
        String url = urls.sign(switches.unusableDocumentUrls() ? "" : baseUrl, UPLOAD_PATH + document.feedDocumentId(), issued);
        return Map.of("feedDocumentId", document.feedDocumentId(), "url", url);
    }

    /** createFeed: the input document must be the seller's and uploaded, the feed type one this sandbox processes. */
    public Map<String, Object> createFeed(String sellerId, String body) {
        JsonNode spec = SpApiRequestBody.object(json, body);
        String feedType = SpApiRequestBody.requiredText(spec, "feedType", "feedType");
        if (!FeedProcessor.MESSAGE_TYPES.containsKey(feedType)) {
            throw SpApiException.invalidInput("feedType " + feedType + " is not supported by the sandbox; use one of "
                    + FeedProcessor.MESSAGE_TYPES.keySet().stream().sorted().toList() + ".");
        }
        List<String> marketplaceIds = marketplaceIds(spec.path("marketplaceIds"));
        String documentId = SpApiRequestBody.requiredText(spec, "inputFeedDocumentId", "inputFeedDocumentId");
        SandboxFeedDocument document = documents.find(sellerId, documentId)
                .filter(d -> d.kind() == SandboxFeedDocument.Kind.INPUT)
                .orElseThrow(() -> SpApiException.invalidInput("inputFeedDocumentId " + documentId + " is not a feed document of this seller."));
        if (!document.isUploaded()) {
            throw SpApiException.invalidInput("inputFeedDocumentId " + documentId + " was never uploaded: PUT the feed to its url first.");
        }
        FeedSwitches.Settings settings = switches.settings();
        SandboxFeed.Plan plan = new SandboxFeed.Plan(settings.queuedPolls(), settings.inProgressPolls(), switches.takeFatal());
        String feedId = String.valueOf(feedNumbers.incrementAndGet());
        feeds.put(feedId, SandboxFeed.created(feedId, sellerId, feedType, marketplaceIds, documentId,
                new String(document.content(), StandardCharsets.UTF_8), clock.now().truncatedTo(ChronoUnit.SECONDS), plan));
        if (lostCreateFeedAnswers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            // the feed exists; its answer is lost on the way back
            throw new SpApiException(503, AmazonErrors.forStatus(503));
        }
        return Map.of("feedId", feedId);
    }

    /** getFeed: one poll; the feed moves on as its plan says, and is processed when it becomes due. */
    public Map<String, Object> getFeed(String sellerId, String feedId) {
        SandboxFeed feed = feeds.computeIfPresent(feedId, (id, current) -> current.sellerId().equals(sellerId) ? poll(current) : current);
        if (feed == null || !feed.sellerId().equals(sellerId)) {
            throw SpApiException.notFound("Feed " + feedId + " was not found.");
        }
        return view(feed);
    }

    /**
     * getFeeds: the seller's feeds of the given types (comma-separated, required as on Amazon), created at or after
     * {@code createdSince} when given, newest first; without processing them (no poll).
     */
    public Map<String, Object> getFeeds(String sellerId, String feedTypes, String createdSince) {
        if (feedTypes == null || feedTypes.isBlank()) {
            throw SpApiException.invalidInput("feedTypes is required unless nextToken is given.");
        }
        java.util.Set<String> types = java.util.Set.of(feedTypes.split(","));
        java.time.Instant since;
        try {
            since = createdSince == null || createdSince.isBlank() ? java.time.Instant.EPOCH : java.time.Instant.parse(createdSince);
        } catch (java.time.format.DateTimeParseException e) {
            throw SpApiException.invalidInput("createdSince is not an ISO 8601 date-time: " + createdSince);
        }
        List<Map<String, Object>> list = feeds.values().stream()
                .filter(f -> f.sellerId().equals(sellerId) && types.contains(f.feedType()) && !f.createdTime().isBefore(since))
                .sorted(Comparator.comparing(SandboxFeed::createdTime).reversed())
                .map(SandboxFeeds::view).toList();
        return Map.of("feeds", list);
    }

    /** getFeedDocument: a presigned URL to download it, and GZIP when the report is compressed. */
    public Map<String, Object> getFeedDocument(String sellerId, String feedDocumentId, String baseUrl) {
        SandboxFeedDocument document = documents.find(sellerId, feedDocumentId)
                .orElseThrow(() -> SpApiException.notFound("Feed document " + feedDocumentId + " was not found."));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("feedDocumentId", document.feedDocumentId());
        answer.put("url", urls.sign(baseUrl, DOWNLOAD_PATH + document.feedDocumentId()));
        if (document.gzip()) {
            answer.put("compressionAlgorithm", "GZIP");
        }
        return answer;
    }

    public List<SandboxFeed> feeds() {
        return feeds.values().stream().sorted(Comparator.comparing(SandboxFeed::feedId)).toList();
    }

    public Optional<SandboxFeed> feed(String feedId) {
        return Optional.ofNullable(feeds.get(feedId));
    }

    /** Feeds held IN_QUEUE (or IN_PROGRESS) are processed at their next poll. */
    public void releaseHeldFeeds() {
        feeds.replaceAll((id, feed) -> feed.processingStatus().isFinal() ? feed : feed.released());
    }

    public SandboxFeedDocuments documents() {
        return documents;
    }

    public FeedSwitches switches() {
        return switches;
    }

    public void clear() {
        feeds.clear();
        documents.clear();
        switches.clear();
        lostCreateFeedAnswers.set(0);
    }

    /** The next createFeed creates its feed but answers 503, as when the answer is lost on the way back. */
    public void loseNextCreateFeedAnswer() {
        lostCreateFeedAnswers.incrementAndGet();
    }

    private SandboxFeed poll(SandboxFeed feed) {
        int poll = feed.polls() + 1;
        FeedProcessingStatus status = feed.statusAtPoll(poll);
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        if (feed.processingStatus().isFinal() || !status.isFinal()) {
            return feed.polled(poll, status, now);
        }
        SandboxFeed polled = feed.polled(poll, FeedProcessingStatus.IN_PROGRESS, now);
        FeedProcessor.Outcome outcome = status == FeedProcessingStatus.FATAL
                ? processor.fatal(feed, "The feed could not be processed (FATAL requested through the sandbox switches).")
                : processor.process(feed, feed.xml().getBytes(StandardCharsets.UTF_8));
        boolean gzip = switches.settings().gzipReports();
        byte[] report = outcome.report().getBytes(StandardCharsets.UTF_8);
        SandboxFeedDocument result = documents.create(feed.sellerId(), SandboxFeedDocument.Kind.RESULT, REPORT_CONTENT_TYPE, now,
                gzip ? gzip(report) : report, gzip);
        return polled.processed(outcome.status(), now, result.feedDocumentId(), outcome.messagesProcessed(), outcome.results(),
                outcome.report());
    }

    private static Map<String, Object> view(SandboxFeed feed) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("feedId", feed.feedId());
        view.put("feedType", feed.feedType());
        view.put("marketplaceIds", feed.marketplaceIds());
        view.put("createdTime", feed.createdTime().toString());
        view.put("processingStatus", feed.processingStatus().name());
        if (feed.processingStartTime() != null) {
            view.put("processingStartTime", feed.processingStartTime().toString());
        }
        if (feed.processingEndTime() != null) {
            view.put("processingEndTime", feed.processingEndTime().toString());
        }
        if (feed.resultFeedDocumentId() != null) {
            view.put("resultFeedDocumentId", feed.resultFeedDocumentId());
        }
        return view;
    }

    private static List<String> marketplaceIds(JsonNode node) {
        if (!node.isArray() || node.isEmpty() || node.size() > 25) {
            throw SpApiException.invalidInput("marketplaceIds is required and must list 1 to 25 marketplace ids.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw SpApiException.invalidInput("marketplaceIds must be strings.");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
