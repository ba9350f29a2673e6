package it.ponte.sandbox.amazon;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Failures queued for the simulated Amazon, used up in the order they were added. */
@Component
@Profile("sandbox")
public class AmazonFaults {

    private final List<Pending> pending = new ArrayList<>();
    private final it.ponte.sandbox.faults.RandomFaults random = new it.ponte.sandbox.faults.RandomFaults();
    private final it.ponte.sandbox.faults.MalformedAnswers malformed = new it.ponte.sandbox.faults.MalformedAnswers();

    /** Faults at random, at a rate, on every SP-API, LWA and feed document call (off until configured). */
    public it.ponte.sandbox.faults.RandomFaults random() {
        return random;
    }

    /** Malformed answers on chosen SP-API, LWA and feed document calls (none until added). */
    public it.ponte.sandbox.faults.MalformedAnswers malformed() {
        return malformed;
    }

    public synchronized void add(AmazonFault fault) {
        pending.add(new Pending(fault, fault.times() <= 0 ? -1 : fault.times()));
    }

    /** The fault this call of {@code operation} must answer with, if any; counts it as used. */
    public synchronized Optional<AmazonFault> take(String operation) {
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.fault.appliesTo(operation)) {
                if (p.remaining > 0 && --p.remaining == 0) {
                    it.remove();
                }
                return Optional.of(p.fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<AmazonFault> list() {
        return pending.stream().map(p -> new AmazonFault(p.fault.operation(), p.fault.status(), p.remaining, p.fault.code(), p.fault.retryAfterSeconds())).toList();
    }

    public synchronized void clear() {
        pending.clear();
        random.off();
        malformed.clear();
    }

    private static final class Pending {
        private final AmazonFault fault;
        private int remaining;

        private Pending(AmazonFault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
