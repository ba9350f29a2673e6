package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.List;

/**
 * A feed the simulated Amazon received: what was asked, the uploaded XML, how far processing got, and, once
 * processed, each message's result and the processing report. {@code plan} is how it was told to progress when created.
 */
public record SandboxFeed(
        String feedId,
        String sellerId,
        String feedType,
        List<String> marketplaceIds,
        String inputFeedDocumentId,
        String xml,
        Instant createdTime,
        FeedProcessingStatus processingStatus,
        Instant processingStartTime,
        Instant processingEndTime,
        String resultFeedDocumentId,
        int messagesProcessed,
        List<FeedMessageResult> results,
        String processingReport,
        Plan plan,
        int polls) {

    public SandboxFeed {
        marketplaceIds = List.copyOf(marketplaceIds);
        results = List.copyOf(results);
    }

    /** Polls answered IN_QUEUE ({@link FeedSwitches#FOREVER}: until released), then IN_PROGRESS; {@code fatal} ends it FATAL. */
    public record Plan(int queuedPolls, int inProgressPolls, boolean fatal) {
    }

    static SandboxFeed created(String feedId, String sellerId, String feedType, List<String> marketplaceIds, String documentId,
                               String xml, Instant at, Plan plan) {
        return new SandboxFeed(feedId, sellerId, feedType, marketplaceIds, documentId, xml, at, FeedProcessingStatus.IN_QUEUE,
                null, null, null, 0, List.of(), null, plan, 0);
    }

    /** The status this poll should see, before processing: processing itself happens when it says DONE or FATAL. */
    FeedProcessingStatus statusAtPoll(int poll) {
        if (processingStatus.isFinal()) {
            return processingStatus;
        }
        if (plan.queuedPolls() == FeedSwitches.FOREVER || poll <= plan.queuedPolls()) {
            return FeedProcessingStatus.IN_QUEUE;
        }
        if (poll <= plan.queuedPolls() + plan.inProgressPolls()) {
            return FeedProcessingStatus.IN_PROGRESS;
        }
        return plan.fatal() ? FeedProcessingStatus.FATAL : FeedProcessingStatus.DONE;
    }

    SandboxFeed polled(int poll, FeedProcessingStatus status, Instant at) {
        return new SandboxFeed(feedId, sellerId, feedType, marketplaceIds, inputFeedDocumentId, xml, createdTime, status,
                status == FeedProcessingStatus.IN_QUEUE || processingStartTime != null ? processingStartTime : at, processingEndTime,
                resultFeedDocumentId, messagesProcessed, results, processingReport, plan, poll);
    }

    SandboxFeed processed(FeedProcessingStatus status, Instant at, String resultDocumentId, int processed,
                          List<FeedMessageResult> messageResults, String report) {
        return new SandboxFeed(feedId, sellerId, feedType, marketplaceIds, inputFeedDocumentId, xml, createdTime, status,
                processingStartTime == null ? at : processingStartTime, at, resultDocumentId, processed, messageResults, report, plan, polls);
    }

    /** Lets a held feed go on: it is processed at its next poll. */
    SandboxFeed released() {
        return new SandboxFeed(feedId, sellerId, feedType, marketplaceIds, inputFeedDocumentId, xml, createdTime, processingStatus,
                processingStartTime, processingEndTime, resultFeedDocumentId, messagesProcessed, results, processingReport,
                new Plan(0, 0, plan.fatal()), 0);
    }
}
