package it.ponte.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run as recorded: what the REST API and the JMX bean show. */
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
        /* the Quartz fire time a scheduled run was started for; null for a run a person started */
        Instant scheduledFireAt) {

    public record Progress(int done, int total) {
    }

    public boolean running() {
        return endedAt == null;
    }
}
