package it.ponte.sandbox.amazon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * How the simulated Amazon treats the next feeds, for rehearsing what importers get wrong: feeds stuck IN_QUEUE
 * (for some polls or until released), feeds ending FATAL, gzip-compressed processing reports, and one message
 * refused for a given order inside an otherwise good feed. By default a feed is processed at its first getFeed.
 */
@Component
@Profile("sandbox")
public class FeedSwitches {

    public static final int FOREVER = -1;

    /**
     * {@code queuedPolls}: getFeed calls answered IN_QUEUE ({@link #FOREVER} until released); {@code inProgressPolls}:
     * then answered IN_PROGRESS; {@code gzipReports}: processing reports served with compressionAlgorithm GZIP.
     */
    public record Settings(int queuedPolls, int inProgressPolls, boolean gzipReports) {

        public static final Settings IMMEDIATE = new Settings(0, 0, false);

        public Settings {
            if (queuedPolls < FOREVER || inProgressPolls < 0) {
                throw new IllegalArgumentException("queuedPolls must be -1 (forever) or more and inProgressPolls 0 or more");
            }
        }
    }

    private Settings settings = Settings.IMMEDIATE;
    private int fatalFeeds;
    private boolean unusableDocumentUrls;
    private int expiredUploadUrls;
    private final Map<String, Deque<String>> messageFailures = new LinkedHashMap<>();

    public synchronized Settings settings() {
        return settings;
    }

    public synchronized void configure(Settings newSettings) {
        this.settings = newSettings;
    }

    /**
     * createFeedDocument answers a {@code url} that is not an absolute URL (no scheme, no host), as a mock served
     * from Amazon's published model did to a merchant going live; until switched off.
     */
    public synchronized void answerUnusableDocumentUrls(boolean on) {
        this.unusableDocumentUrls = on;
    }

    public synchronized boolean unusableDocumentUrls() {
        return unusableDocumentUrls;
    }

    /**
     * The next {@code count} createFeedDocument answers carry an upload URL that has already expired (issued more than
     * five minutes ago), as when a client uploads too late: S3 answers 403 "Request has expired".
     */
    public synchronized void expireNextUploadUrls(int count) {
        this.expiredUploadUrls = Math.max(0, count);
    }

    /** Counts a new upload URL; true when it is one of those meant to be expired. */
    synchronized boolean takeExpiredUploadUrl() {
        if (expiredUploadUrls > 0) {
            expiredUploadUrls--;
            return true;
        }
        return false;
    }

    /** The next {@code count} feeds created end FATAL, whatever they hold. */
    public synchronized void failNextFeeds(int count) {
        this.fatalFeeds = Math.max(0, count);
    }

    public synchronized int fatalFeedsPending() {
        return fatalFeeds;
    }

    /** Counts a new feed; true when it is one of those meant to end FATAL. */
    synchronized boolean takeFatal() {
        if (fatalFeeds > 0) {
            fatalFeeds--;
            return true;
        }
        return false;
    }

    /** The next feed message about {@code amazonOrderId} is refused with {@code description}, whatever it says. */
    public synchronized void failNextMessage(String amazonOrderId, String description) {
        if (amazonOrderId == null || amazonOrderId.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("a message failure needs an amazonOrderId and a description");
        }
        messageFailures.computeIfAbsent(amazonOrderId, id -> new ArrayDeque<>()).add(description);
    }

    synchronized Optional<String> takeMessageFailure(String amazonOrderId) {
        Deque<String> queued = messageFailures.get(amazonOrderId);
        if (queued == null || queued.isEmpty()) {
            return Optional.empty();
        }
        String description = queued.poll();
        if (queued.isEmpty()) {
            messageFailures.remove(amazonOrderId);
        }
        return Optional.of(description);
    }

    public synchronized Map<String, List<String>> pendingMessageFailures() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        messageFailures.forEach((id, queue) -> copy.put(id, List.copyOf(queue)));
        return copy;
    }

    public synchronized void clear() {
        settings = Settings.IMMEDIATE;
        fatalFeeds = 0;
        unusableDocumentUrls = false;
        expiredUploadUrls = 0;
        messageFailures.clear();
    }
}
