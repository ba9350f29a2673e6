package it.ponte.sandbox.amazon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The simulator's notion of now. Tests move it forward to expire access tokens (1 hour) and page tokens
 * (24 hours) without waiting; it is not a {@link Clock} bean so it cannot be injected into production code by type.
 */
@Component
@Profile("sandbox")
public class AmazonSandboxClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
