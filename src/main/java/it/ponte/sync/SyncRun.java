package it.ponte.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as recorded: what the REST API and the JMX bean show. {@code scope} is what a Mailchimp manual sync covers;
 * {@code amazonWait}, while the Amazon poll waits for Amazon's rate budget (or after it stopped on its time budget),
 * when Amazon allows the next page.
 */
public record SyncRun(
        long id,
        SyncMode mode,
        SyncTrigger trigger,
        boolean counted,
        String accountId,
        String node,
        Instant startedAt,
        Instant endedAt,
        String phase,
        Map<String, Progress> progress,
        Map<String, Integer> counts,
        List<String> errors,
        SyncOutcome outcome,
        String reason,
        String scope,
        AmazonWait amazonWait,
        /* the Quartz fire time a scheduled run was started for; null for a run a person started */
        Instant scheduledFireAt) {

    public record Progress(int done, int total) {
    }

    /**
     * The Amazon poll and Amazon's rate budget: {@code waiting} true while the poll waits for the next page of
     * {@code accountId} ({@code operation}, allowed at {@code nextPageAt}); false when the poll stopped on its time
     * budget, the rest (a backfill, a re-sweep) left to the next run, which Amazon lets read on from {@code nextPageAt}.
     * {@code ordersSoFar}: after such a stop in a backfill (a window read over several runs), the orders it has read so
     * far, counted across runs; 0 otherwise.
     */
    public record AmazonWait(String accountId, String operation, Instant nextPageAt, boolean waiting, int ordersSoFar) {
    }

    public boolean running() {
        return endedAt == null;
    }
}
