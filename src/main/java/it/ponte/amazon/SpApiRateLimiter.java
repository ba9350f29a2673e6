package it.ponte.amazon;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import it.ponte.remote.RemoteCallMetrics;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Paces Ponte's own calls with one token bucket per (account, operation), as Amazon meters them, so the
 * client waits instead of drawing 429s. The rate follows {@code x-amzn-RateLimit-Limit} when Amazon sends it;
 * 429 answers carry no header, so the last known rate stays in force. A wait for the budget is logged with its length
 * (from a second up) and counted ({@code ponte_remote_rate_wait_seconds}).
 */
@Component
public class SpApiRateLimiter {

    public static final String RATE_HEADER = "x-amzn-RateLimit-Limit";
    /** Exchange property: the instant after which this run's Amazon poll must not wait for Amazon's rate budget. */
    public static final String POLL_DEADLINE = it.ponte.remote.RemoteBackoff.WAIT_DEADLINE;

    private static final Logger log = LoggerFactory.getLogger(SpApiRateLimiter.class);
    /** Waits shorter than this are counted but not logged: a page's pacing, not a wait anyone would notice. */
    private static final Duration NOTICEABLE_WAIT = Duration.ofSeconds(1);
    /** Below this a "wait" is the bucket's own bookkeeping: not counted as a wait for the budget. */
    private static final Duration WAIT_COUNTED = Duration.ofMillis(1);

    private final Map<String, Paced> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final Duration pollBudget;
    private final RemoteCallMetrics metrics;

    public SpApiRateLimiter(AmazonProperties properties, RemoteCallMetrics metrics) {
        this.enabled = properties.client().rateLimited();
        this.pollBudget = properties.polling().timeBudget();
        this.metrics = metrics;
    }

    /** The start of a run's Amazon poll: the instant its waits for Amazon's rate budget must end by. */
    public Instant pollDeadline() {
        return Instant.now().plus(pollBudget);
    }

    /**
     * The pacing step of the {@code amazon-http} route: waits for the call's token; presigned transfers are not metered.
     * Within a poll (property {@value #POLL_DEADLINE}) a wait that would end after the poll's deadline is not waited:
     * the call fails with {@link SpApiBudgetSpentException}, which ends the account's poll for this run.
     */
    public void pace(@ExchangeProperty(SpApiCall.PROPERTY) SpApiCall call, @ExchangeProperty(POLL_DEADLINE) Instant deadline)
            throws InterruptedException {
        if (call.operation() == null) {
            return;
        }
        if (!enabled) {
            return;
        }
        long waitNanos = paced(call.accountId(), call.operation()).bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill();
        Instant allowedAt = Instant.now().plusNanos(waitNanos);
        if (deadline != null && allowedAt.isAfter(deadline)) {
            throw new SpApiBudgetSpentException(call.accountId(), call.operationName(), allowedAt);
        }
        if (waitNanos >= NOTICEABLE_WAIT.toNanos()) {
            log.info("Waiting {} s for Amazon's rate budget: account {}, {} (next call allowed at {})",
                    String.format(java.util.Locale.ROOT, "%.1f", waitNanos / 1e9), call.accountId(), call.operationName(), allowedAt);
        }
        long started = System.nanoTime();
        acquire(call.accountId(), call.operation());
        long waited = System.nanoTime() - started;
        if (waited >= WAIT_COUNTED.toNanos()) {
            metrics.rateWait("amazon", call.operationName(), Duration.ofNanos(waited));
        }
    }

    /**
     * When Amazon's rate budget allows the next call of the operation (now when a token is there): how the go-live check
     * spends a call only when the budget has one (and says "not checked now, allowed at …" otherwise).
     */
    public Instant nextCallAllowedAt(String accountId, SpApiOperation operation) {
        Instant now = Instant.now();
        return enabled ? now.plusNanos(paced(accountId, operation).bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill()) : now;
    }

    /**
     * The step after the answer: adopts the rate Amazon announced in {@code x-amzn-RateLimit-Limit}, if it did. A 429
     * says Amazon's budget is spent whatever the local bucket thought: the bucket is emptied, so the next call waits a
     * whole token (and a poll that cannot wait that long ends instead of being redelivered into the same 429).
     */
    public void observe(@ExchangeProperty(SpApiCall.PROPERTY) SpApiCall call, @Header(RATE_HEADER) String header,
                        @Header(org.apache.camel.Exchange.HTTP_RESPONSE_CODE) Integer status) {
        if (call.operation() != null && enabled && status != null && status == 429) {
            paced(call.accountId(), call.operation()).bucket().tryConsumeAsMuchAsPossible();
        }
        if (call.operation() == null || header == null) {
            return;
        }
        try {
            observeRate(call.accountId(), call.operation(), Double.parseDouble(header.trim()));
        } catch (NumberFormatException ignored) {
            // A malformed header is no reason to fail the call; keep the last known rate.
        }
    }

    /** Blocks until the operation may be called for this account. */
    public void acquire(String accountId, SpApiOperation operation) throws InterruptedException {
        if (enabled) {
            paced(accountId, operation).bucket().asBlocking().consume(1);
        }
    }

    /**
     * Whether the operation could be called now without waiting, with {@code reserve} tokens still left for others:
     * how work that may wait for a later run (the deep re-sweep) spends only the spare budget.
     */
    public boolean spare(String accountId, SpApiOperation operation, int reserve) {
        return !enabled || paced(accountId, operation).bucket().getAvailableTokens() > reserve;
    }

    /** The rate (requests per second) currently assumed for the account and operation. */
    public double rate(String accountId, SpApiOperation operation) {
        return paced(accountId, operation).rate();
    }

    /** Forgets every bucket: each starts full again at Amazon's documented rate (an account re-configured, a test). */
    public void reset() {
        buckets.clear();
    }

    /** Adopts the rate Amazon announced in {@code x-amzn-RateLimit-Limit}. */
    public void observeRate(String accountId, SpApiOperation operation, double rate) {
        if (rate <= 0 || Double.isNaN(rate)) {
            return;
        }
        String key = key(accountId, operation);
        Paced current = paced(accountId, operation);
        if (Math.abs(current.rate() - rate) > current.rate() * 0.001) {
            current.bucket().replaceConfiguration(configuration(rate, operation.burst()), TokensInheritanceStrategy.PROPORTIONALLY);
            buckets.put(key, new Paced(current.bucket(), rate));
        }
    }

    private Paced paced(String accountId, SpApiOperation operation) {
        return buckets.computeIfAbsent(key(accountId, operation), k -> new Paced(
                Bucket.builder().addLimit(bandwidth(operation.defaultRate(), operation.burst())).build(), operation.defaultRate()));
    }

    private static BucketConfiguration configuration(double rate, int burst) {
        return BucketConfiguration.builder().addLimit(bandwidth(rate, burst)).build();
    }

    private static Bandwidth bandwidth(double rate, int burst) {
        long nanosPerToken = Math.max(1, Math.round(1_000_000_000d / rate));
        return Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos(nanosPerToken)).build();
    }

    private static String key(String accountId, SpApiOperation operation) {
        return accountId + "/" + operation.name();
    }

    private record Paced(Bucket bucket, double rate) {
    }
}
