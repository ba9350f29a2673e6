package it.ponte.mailchimp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one Mailchimp run did, for the administrator's mail and the REST answer: per entity how many records were
 * created, updated, deleted, skipped (by reason) and failed (by Mailchimp's reason); the verdict on the carts and
 * the abandoned-cart automation; the records parked so far.
 */
public record MailchimpReport(
        Long syncRunId,
        String syncMode,
        MailchimpScope scope,
        Instant since,
        Instant startedAt,
        Instant finishedAt,
        boolean enabled,
        /* null when the store was reachable and linked, else why not */
        String storeProblem,
        Map<MailchimpEntity, EntityCounts> entities,
        /* SEND when carts were sent, else why none was; null when the run does not cover carts */
        MailchimpVerdict carts,
        /* status of the abandoned-cart automation found (sending, paused, save), or null when none was */
        String automationStatus,
        List<MailchimpOutboxEntry> parked,
        /* why the run stopped early, if it did */
        String abortedBecause) {

    public record EntityCounts(int created, int updated, int deleted, Map<MailchimpVerdict, Integer> skipped,
                               Map<String, Integer> failed, int parked) {

        public int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int failedTotal() {
            return failed.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int skipped(MailchimpVerdict reason) {
            return skipped.getOrDefault(reason, 0);
        }
    }

    public EntityCounts counts(MailchimpEntity entity) {
        return entities.get(entity);
    }
}
