package it.ponte.amazon;

import it.ponte.remote.FailureClass;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The poll's time budget ({@code ponte.amazon.polling.time-budget}) would run out before Amazon allows the next call:
 * the account's poll ends for this run, its watermark unmoved, and the next run goes on from there. Not a refusal and
 * not an outage: never retried within the run, never counted by the circuit breaker.
 */
public class SpApiBudgetSpentException extends SpApiException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Rome"));

    private final Instant allowedAt;

    public SpApiBudgetSpentException(String accountId, String operation, Instant allowedAt) {
        super(accountId, operation, 0, "PollTimeBudget", "Amazon allows the next call at " + allowedAt
                + ", after this run's poll time budget (ponte.amazon.polling.time-budget)", FailureClass.PERMANENT, null, null);
        this.allowedAt = allowedAt;
    }

    public Instant allowedAt() {
        return allowedAt;
    }

    @Override
    public String reason() {
        return "tempo del polling esaurito (" + operation() + "): Amazon consente la prossima chiamata alle " + TIME.format(allowedAt)
                + "; la lettura riprende da qui alla prossima sincronizzazione";
    }
}
