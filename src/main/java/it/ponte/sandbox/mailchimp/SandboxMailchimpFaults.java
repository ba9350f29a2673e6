package it.ponte.sandbox.mailchimp;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Switches that make the simulated Mailchimp misbehave, for rehearsals and tests: the next N calls fail with a
 * status, the service goes down (now, or after N more calls), every call is slowed down (to make the
 * 10-connection limit observable). A 403 is answered as Mailchimp's gateway does: an HTML page, no problem document.
 */
@Profile("sandbox")
@Component
public class SandboxMailchimpFaults {

    /** What the gate does with one call. */
    record Decision(int status) {
        static final Decision PASS = new Decision(0);

        boolean fails() {
            return status != 0;
        }
    }

    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(503);
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger downAfter = new AtomicInteger(-1);
    private final AtomicLong latencyMillis = new AtomicLong();

    public void failNext(int count, int status) {
        failStatus.set(status);
        failNext.set(count);
    }

    public void down(boolean isDown) {
        down.set(isDown);
        downAfter.set(-1);
    }

    /** Let {@code calls} more calls through, then answer 503 to everything until {@link #down(boolean) down(false)}. */
    public void downAfter(int calls) {
        downAfter.set(calls);
    }

    public void latency(long millis) {
        latencyMillis.set(Math.max(0, millis));
    }

    public long latencyMillis() {
        return latencyMillis.get();
    }

    public void reset() {
        failNext.set(0);
        failStatus.set(503);
        down.set(false);
        downAfter.set(-1);
        latencyMillis.set(0);
    }

    Decision decide() {
        if (down.get()) {
            return new Decision(503);
        }
        int after = downAfter.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (after == 0) {
            down.set(true);
            downAfter.set(-1);
            return new Decision(503);
        }
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return new Decision(failStatus.get());
        }
        return Decision.PASS;
    }
}
