package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The feed documents of the simulated Amazon, in memory, by id; ids look like Amazon's. */
@Component
@Profile("sandbox")
public class SandboxFeedDocuments {

    private final Map<String, SandboxFeedDocument> documents = new ConcurrentHashMap<>();

    public SandboxFeedDocument create(String sellerId, SandboxFeedDocument.Kind kind, String contentType, Instant at, byte[] content,
                                      boolean gzip) {
        SandboxFeedDocument document = new SandboxFeedDocument("amzn1.tortuga.4.eu." + UUID.randomUUID(), sellerId, kind,
                contentType, at, content, gzip);
        documents.put(document.feedDocumentId(), document);
        return document;
    }

    public Optional<SandboxFeedDocument> find(String feedDocumentId) {
        return Optional.ofNullable(documents.get(feedDocumentId));
    }

    /** The document of that seller: another seller's document does not exist for it. */
    public Optional<SandboxFeedDocument> find(String sellerId, String feedDocumentId) {
        return find(feedDocumentId).filter(d -> d.sellerId().equals(sellerId));
    }

    public SandboxFeedDocument upload(String feedDocumentId, byte[] content) {
        return documents.computeIfPresent(feedDocumentId, (id, document) -> document.withContent(content));
    }

    public void clear() {
        documents.clear();
    }
}
