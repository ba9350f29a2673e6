package it.ponte.sandbox.mailchimp;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Switches that make the simulated Mailchimp misbehave, for rehearsals and tests: the next N calls fail with a
 * status (a 429 with its Retry-After, if asked), the service goes down (now, or after N more calls), every call is
 * slowed down (to make the 10-connection limit observable), the next call to one path is answered 200 with a body
 * that is not JSON. A 403 is answered as Mailchimp's gateway does: an HTML page, no problem document.
 */
@Profile("sandbox")
@Component
public class SandboxMailchimpFaults {

    /** What the gate does with one call. */
    record Decision(int status, Long retryAfterSeconds, boolean unreadable) {
        static final Decision PASS = new Decision(0, null, false);

        Decision(int status) {
            this(status, null, false);
        }

        boolean fails() {
            return status != 0;
        }
    }

    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(503);
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger downAfter = new AtomicInteger(-1);
    private final AtomicLong latencyMillis = new AtomicLong();
    private final AtomicReference<Long> retryAfterSeconds = new AtomicReference<>();
    private final AtomicReference<String> unreadableAnswerFor = new AtomicReference<>();
    private final AtomicBoolean keyRevoked = new AtomicBoolean();
    private final it.ponte.sandbox.faults.RandomFaults random = new it.ponte.sandbox.faults.RandomFaults();
    private final it.ponte.sandbox.faults.MalformedAnswers malformed = new it.ponte.sandbox.faults.MalformedAnswers();
    /** The members page answers every member from the offset on, whatever {@code count} asks (Mailchimp's limit is 1000). */
    private final AtomicBoolean membersCountIgnored = new AtomicBoolean();
    /** The members page answers the first page, whatever {@code offset} asks: an offset that never advances. */
    private final AtomicBoolean membersOffsetIgnored = new AtomicBoolean();

    /** Faults at random, at a rate, on every API call (off until configured; {@link #reset()} turns it off). */
    public it.ponte.sandbox.faults.RandomFaults random() {
        return random;
    }

    /** Malformed answers on chosen calls (none until added; {@link #reset()} clears them). */
    public it.ponte.sandbox.faults.MalformedAnswers malformed() {
        return malformed;
    }

    public void membersCountIgnored(boolean on) {
        membersCountIgnored.set(on);
    }

    boolean membersCountIgnored() {
        return membersCountIgnored.get();
    }

    public void membersOffsetIgnored(boolean on) {
        membersOffsetIgnored.set(on);
    }

    boolean membersOffsetIgnored() {
        return membersOffsetIgnored.get();
    }

    public void failNext(int count, int status) {
        failNext(count, status, null);
    }

    /** The next {@code count} calls fail with {@code status}, telling the client to wait (Retry-After) when given. */
    public void failNext(int count, int status, Long retryAfterSeconds) {
        failStatus.set(status);
        this.retryAfterSeconds.set(retryAfterSeconds);
        failNext.set(count);
    }

    /** The next call whose path contains {@code pathFragment} is answered 200 with an HTML page instead of JSON. */
    public void unreadableAnswerOnce(String pathFragment) {
        unreadableAnswerFor.set(pathFragment);
    }

    /** The API key is revoked in Mailchimp's account settings: every call answers 401 "API Key Invalid". */
    public void keyRevoked(boolean revoked) {
        keyRevoked.set(revoked);
    }

    boolean keyRevoked() {
        return keyRevoked.get();
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
        retryAfterSeconds.set(null);
        unreadableAnswerFor.set(null);
        keyRevoked.set(false);
        random.off();
        malformed.clear();
        membersCountIgnored.set(false);
        membersOffsetIgnored.set(false);
    }

    Decision decide(String path) {
        String unreadable = unreadableAnswerFor.get();
        if (unreadable != null && path.contains(unreadable) && unreadableAnswerFor.compareAndSet(unreadable, null)) {
            return new Decision(200, null, true);
        }
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
            return new Decision(failStatus.get(), retryAfterSeconds.get(), false);
        }
        return Decision.PASS;
    }
}
