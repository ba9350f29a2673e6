package it.ponte.amazon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one run's Amazon poll did: every order's outcome and every account that could not be read. */
public final class AmazonImportReport {

    private final List<ImportOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<AccountFailure> accountFailures = Collections.synchronizedList(new ArrayList<>());

    public record AccountFailure(String accountId, String message, boolean configurationError) {
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
