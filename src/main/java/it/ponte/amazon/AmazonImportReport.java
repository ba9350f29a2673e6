package it.ponte.amazon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one run's Amazon poll did: every order's outcome and every account that could not be read. */
public final class AmazonImportReport implements it.ponte.remote.RemoteWaitNotice {

    private final List<ImportOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<AccountFailure> accountFailures = Collections.synchronizedList(new ArrayList<>());

    public record AccountFailure(String accountId, String message, boolean configurationError) {
    }

    /**
     * The poll and Amazon's rate budget: {@code waiting} while the poll waits for the next page of an account (the
     * operation's token comes at {@code nextPageAt}); not waiting when the poll stopped on its time budget and the
     * next run goes on from there, which Amazon allows from {@code nextPageAt}.
     */
    public record RateWait(String accountId, String operation, Instant nextPageAt, boolean waiting, int ordersSoFar) {
    }

    private volatile RateWait waitingNow;
    private volatile RateWait stoppedOnBudget;
    private volatile Runnable rateWaitListener = () -> { };

    /** Who hears of every change of {@link #rateWait()} (the run record, which the console shows). */
    public void onRateWait(Runnable listener) {
        this.rateWaitListener = listener;
    }

    /** The poll waits for Amazon's rate budget until {@code nextPageAt}. */
    public void waitingForRate(String accountId, String operation, Instant nextPageAt) {
        waitingNow = new RateWait(accountId, operation, nextPageAt, true, 0);
        rateWaitListener.run();
    }

    /** Amazon asked the poll's call to wait (a Retry-After) before it goes out again: shown as a wait for the rate. */
    @Override
    public void remoteAskedToWait(org.apache.camel.Exchange exchange, Throwable failure, Instant until) {
        SpApiCall call = exchange.getProperty(SpApiCall.PROPERTY, SpApiCall.class);
        // Amazon's own answers only: a later phase's remote (Mailchimp) may ask to wait on an exchange that still
        // carries the poll's last call
        if (call != null && failure instanceof SpApiException) {
            waitingForRate(call.accountId(), call.operationName(), until);
        }
    }

    @Override
    public void remoteWaitOver() {
        rateWaitOver();
    }

    /** The wait is over: the call goes out. */
    public void rateWaitOver() {
        if (waitingNow != null) {
            waitingNow = null;
            rateWaitListener.run();
        }
    }

    /**
     * The poll of the account stopped on its time budget; Amazon allows its next page at {@code nextPageAt}; the window
     * under way has read {@code ordersSoFar} orders, across runs.
     */
    public void stoppedOnTimeBudget(String accountId, String operation, Instant nextPageAt, int ordersSoFar) {
        stoppedOnBudget = new RateWait(accountId, operation, nextPageAt, false, ordersSoFar);
        rateWaitListener.run();
    }

    /** The wait going on now, else where the poll stopped on its time budget, else null. */
    public RateWait rateWait() {
        RateWait now = waitingNow;
        return now != null ? now : stoppedOnBudget;
    }

    public void add(ImportOutcome outcome) {
        outcomes.add(outcome);
    }

    public void accountFailed(String accountId, String message, boolean configurationError) {
        accountFailures.add(new AccountFailure(accountId, message, configurationError));
    }

    public List<ImportOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    public List<ImportOutcome> outcomes(ImportOutcome.Kind kind) {
        return outcomes().stream().filter(o -> o.kind() == kind).toList();
    }

    public List<AccountFailure> accountFailures() {
        synchronized (accountFailures) {
            return List.copyOf(accountFailures);
        }
    }

    public Map<ImportOutcome.Kind, Integer> counts() {
        Map<ImportOutcome.Kind, Integer> counts = new EnumMap<>(ImportOutcome.Kind.class);
        for (ImportOutcome o : outcomes()) {
            counts.merge(o.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** Whether the merchant must hear of this poll: something imported, held for the first time, or failed. */
    public boolean isWorthMailing() {
        return outcomes().stream().anyMatch(o -> o.kind() == ImportOutcome.Kind.IMPORTED || o.kind() == ImportOutcome.Kind.HELD
                || o.kind() == ImportOutcome.Kind.FAILED) || !accountFailures().isEmpty();
    }
}
