package it.ponte.mailchimp;

import java.time.Instant;

/** One write owed to Mailchimp, as the outbox holds it. */
public record MailchimpOutboxEntry(long id, MailchimpEntity entity, long entityId, OutboxOperation operation,
                                   int attempts, OutboxStatus status, String lastError, Instant updatedAt) {
}
