package it.ponte.sandbox.amazon;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Access tokens the simulated Login with Amazon has handed out, and which seller each one stands for.
 * The count of issued tokens lets tests prove that a client caches its token instead of asking every call.
 */
@Component
@Profile("sandbox")
public class LwaTokens {

    public static final Duration LIFETIME = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AmazonSandboxClock clock;

    public LwaTokens(AmazonSandboxClock clock) {
        this.clock = clock;
    }

    public IssuedToken issue(SandboxSeller seller) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String value = "Atza|IwEB" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IssuedToken token = new IssuedToken(value, seller.sellerId(), clock.now().plus(LIFETIME));
        tokens.put(value, token);
        issued.incrementAndGet();
        return token;
    }

    public Optional<IssuedToken> find(String accessToken) {
        return accessToken == null ? Optional.empty() : Optional.ofNullable(tokens.get(accessToken));
    }

    public int issuedCount() {
        return issued.get();
    }

    /** Forgets every token and the count, as if the service had restarted. */
    public void reset() {
        tokens.clear();
        issued.set(0);
    }

    public record IssuedToken(String value, String sellerId, Instant expiresAt) {

        public boolean isExpired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
