package it.ponte.sandbox.amazon;

import java.time.Instant;

/**
 * A feed document of the simulated Amazon: an input document a seller uploads its XML into, or the processing
 * report of a feed. {@code content} is null until uploaded; {@code gzip} says it is stored (and served) compressed.
 */
public record SandboxFeedDocument(String feedDocumentId, String sellerId, Kind kind, String contentType, Instant createdAt,
                                  byte[] content, boolean gzip) {

    public enum Kind { INPUT, RESULT }

    public boolean isUploaded() {
        return content != null;
    }

    SandboxFeedDocument withContent(byte[] uploaded) {
        return new SandboxFeedDocument(feedDocumentId, sellerId, kind, contentType, createdAt, uploaded, gzip);
    }
}
