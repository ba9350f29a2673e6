package it.ponte.health;

import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.CronExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the sync runs do their job: DOWN when the last {@value #FAILED_IN_A_ROW} runs all FAILED (Ponte cannot go
 * on, typically its own database); OUT_OF_SERVICE when no run has completed for three scheduled periods although the
 * schedules are on. Health that stays UP while every run fails would tell the operator nothing.
 */
@Component("runs")
public class RunsHealth implements HealthIndicator {

    static final int FAILED_IN_A_ROW = 3;

    private final SyncRuns runs;
    private final Clock clock;
    private final boolean schedulesEnabled;
    private final Duration period;

    public RunsHealth(SyncRuns runs, Clock clock, @Value("${ponte.schedules.enabled:true}") boolean schedulesEnabled,
                      @Value("${ponte.sync.cron}") String cron) throws ParseException {
        this.runs = runs;
        this.clock = clock;
        this.schedulesEnabled = schedulesEnabled;
        this.period = period(cron);
    }

    @Override
    public Health health() {
        try {
            return check();
        } catch (RuntimeException e) {
            // the shop database is what this reads: when it is gone, so is this part of Ponte
            return Health.down().withDetail("reason", String.valueOf(e.getMessage())).build();
        }
    }

    private Health check() {
        List<SyncRun> recent = runs.recent(20).stream().filter(r -> r.mode() != SyncMode.IMPORT && r.mode() != SyncMode.MAILCHIMP && !r.running()).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<SyncRun> lastGood = recent.stream().filter(r -> r.outcome() == SyncOutcome.SUCCEEDED || r.outcome() == SyncOutcome.PARTIAL)
                .findFirst();
        lastGood.ifPresent(r -> details.put("lastCompletedRun", Map.of("id", r.id(), "outcome", r.outcome().name(), "endedAt", r.endedAt().toString())));
        details.put("schedulePeriod", period.toString());
        List<SyncRun> latest = recent.stream().limit(FAILED_IN_A_ROW).toList();
        if (latest.size() == FAILED_IN_A_ROW && latest.stream().allMatch(r -> r.outcome() == SyncOutcome.FAILED)) {
            details.put("reason", "the last " + FAILED_IN_A_ROW + " runs failed: " + latest.get(0).reason());
            return Health.down().withDetails(details).build();
        }
        if (schedulesEnabled && !recent.isEmpty()) {
            Instant since = lastGood.map(SyncRun::endedAt).orElse(recent.get(recent.size() - 1).startedAt());
            if (since.plus(period.multipliedBy(3)).isBefore(clock.instant())) {
                details.put("reason", "no run completed since " + since);
                return Health.status(Status.OUT_OF_SERVICE).withDetails(details).build();
            }
        }
        return Health.up().withDetails(details).build();
    }

    /** The time between two firings of the CHANGED schedule. */
    static Duration period(String cron) throws ParseException {
        CronExpression expression = new CronExpression(cron);
        Date first = expression.getNextValidTimeAfter(new Date());
        Date second = expression.getNextValidTimeAfter(first);
        return Duration.ofMillis(second.getTime() - first.getTime());
    }
}
