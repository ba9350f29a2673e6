package it.ponte.sandbox.amazon;

/** {@code processingStatus} of a feed, as getFeed reports it. */
public enum FeedProcessingStatus {
    IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL;

    public boolean isFinal() {
        return this == DONE || this == CANCELLED || this == FATAL;
    }
}
