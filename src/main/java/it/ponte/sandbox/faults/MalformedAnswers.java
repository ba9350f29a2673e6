package it.ponte.sandbox.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Malformed answers queued for a simulated remote, for the bad-input tests and rehearsals: the next {@code times}
 * calls whose method and path match (0 or less: until cleared) are carried out and answered with a {@link MalformedKind}.
 * Rules are tried in the order they were added; the first that matches is used.
 */
public final class MalformedAnswers {

    /**
     * One switch. {@code method} null: any; {@code pathPattern} a regular expression found in the path (not the query);
     * {@code field} a dotted path into the JSON answer ({@code pagination.nextToken}, {@code orders.*.orderId}, where
     * {@code *} is every element of an array); {@code size} the padding of {@link MalformedKind#HUGE_BODY} in bytes.
     */
    public record Rule(String method, String pathPattern, MalformedKind kind, String field, long size, int times) {

        public Rule {
            if (kind == null) {
                throw new IllegalArgumentException("a malformed answer needs a kind");
            }
            if (pathPattern == null || pathPattern.isBlank()) {
                throw new IllegalArgumentException("a malformed answer needs a pathPattern");
            }
            Pattern.compile(pathPattern);
            if ((kind == MalformedKind.MISSING_FIELD || kind == MalformedKind.NULL_FIELD || kind == MalformedKind.WRONG_TYPE)
                    && (field == null || field.isBlank())) {
                throw new IllegalArgumentException(kind + " needs a field");
            }
            if (kind == MalformedKind.HUGE_BODY && (size <= 0 || size > 512L * 1024 * 1024)) {
                throw new IllegalArgumentException("HUGE_BODY needs a size between 1 and 512 MB, not " + size);
            }
        }

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && Pattern.compile(pathPattern).matcher(path).find();
        }
    }

    /** What the switch holds and how many answers it spoiled since it was last cleared. */
    public record Status(List<Rule> rules, long injected) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final AtomicLong injected = new AtomicLong();

    public synchronized void add(Rule rule) {
        pending.add(new Pending(rule, rule.times() <= 0 ? -1 : rule.times()));
    }

    /** The rule this call gets, if any; counts it as used. */
    public synchronized Optional<Rule> take(String method, String path) {
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.rule.matches(method, path)) {
                if (p.remaining > 0 && --p.remaining == 0) {
                    it.remove();
                }
                return Optional.of(p.rule);
            }
        }
        return Optional.empty();
    }

    /** Counts an answer actually spoiled (a field rule finds no field to spoil in some answers). */
    public void injected() {
        injected.incrementAndGet();
    }

    public synchronized Status status() {
        return new Status(pending.stream().map(p -> new Rule(p.rule.method(), p.rule.pathPattern(), p.rule.kind(), p.rule.field(),
                p.rule.size(), p.remaining)).toList(), injected.get());
    }

    public synchronized void clear() {
        pending.clear();
        injected.set(0);
    }

    private static final class Pending {
        private final Rule rule;
        private int remaining;

        private Pending(Rule rule, int remaining) {
            this.rule = rule;
            this.remaining = remaining;
        }
    }
}
