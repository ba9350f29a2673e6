package it.ponte.preflight;

import java.time.Instant;
import java.util.List;

/**
 * The go-live preflight's answer: every check in order, and {@code ready} when none is {@code MISSING} or {@code FAILED}
 * (a check that is only {@code NOT_VERIFIABLE} does not stop a go-live, its message says what to look at by hand).
 */
public record PreflightReport(Instant checkedAt, boolean ready, List<PreflightCheck> checks) {

    public static PreflightReport of(Instant checkedAt, List<PreflightCheck> checks) {
        boolean ready = checks.stream().noneMatch(c -> c.status() == PreflightStatus.MISSING || c.status() == PreflightStatus.FAILED);
        return new PreflightReport(checkedAt, ready, List.copyOf(checks));
    }
}
