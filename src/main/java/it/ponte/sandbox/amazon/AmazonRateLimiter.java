package it.ponte.sandbox.amazon;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * One token bucket per (seller, operation) at Amazon's documented rate and burst, as the SP-API meters
 * each selling partner. Enabled and time scale can be changed at run time (tests); either change starts
 * every bucket full again.
 */
@Component
@Profile("sandbox")
public class AmazonRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private volatile double timeScale;

    public AmazonRateLimiter(AmazonSandboxProperties properties) {
        this.enabled = properties.rateLimits().enabled();
        this.timeScale = properties.rateLimits().timeScale();
        if (timeScale <= 0) {
            throw new IllegalStateException("ponte.sandbox.amazon.rate-limits.time-scale must be greater than 0, not " + timeScale);
        }
    }

    /** Takes one token for the call; false when the seller is over the operation's quota. */
    public boolean tryAcquire(String sellerId, String operation) {
        if (!enabled) {
            return true;
        }
        OperationQuota quota = OperationQuotas.of(operation);
        return buckets.computeIfAbsent(sellerId + "|" + operation, key -> newBucket(quota)).tryConsume(1);
    }

    /** The rate in force, for {@code x-amzn-RateLimit-Limit}: a client honouring it paces at the scaled speed. */
    public String rateHeader(String operation) {
        double rate = OperationQuotas.of(operation).rate();
        return OperationQuota.headerValue(enabled ? rate * timeScale : rate);
    }

    public void reset() {
        buckets.clear();
    }

    public void configure(boolean enabled, double timeScale) {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("time scale must be greater than 0");
        }
        this.enabled = enabled;
        this.timeScale = timeScale;
        buckets.clear();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public double timeScale() {
        return timeScale;
    }

    private Bucket newBucket(OperationQuota quota) {
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1_000_000_000d / (quota.rate() * timeScale))));
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(quota.burst()).refillGreedy(1, perToken).build())
                .build();
    }
}
