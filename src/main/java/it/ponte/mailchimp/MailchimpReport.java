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

    /** Whether Mailchimp could not be reached in this run (the store not even checked, or records left owed for it). */
    public boolean isUnreachable() {
        return storeProblem != null && storeProblem.endsWith(MailchimpException.UNREACHABLE) || entities != null && entities.values().stream()
                .anyMatch(c -> c.failed().containsKey(MailchimpException.UNREACHABLE));
    }

    public EntityCounts counts(MailchimpEntity entity) {
        return entities.get(entity);
    }

    /**
     * Whether the run touched Mailchimp enough for the administrator to hear of it: something written, skipped,
     * failed or parked, a store or run problem, or carts held back. A run with nothing to do sends no mail.
     */
    public boolean isWorthMailing() {
        boolean counted = entities != null && entities.values().stream().anyMatch(c -> c.created() + c.updated() + c.deleted()
                + c.skippedTotal() + c.failedTotal() + c.parked() > 0);
        return counted || storeProblem != null || abortedBecause != null || (parked != null && !parked.isEmpty())
                || (carts != null && carts != MailchimpVerdict.SEND);
    }
}
