package it.ponte.sandbox.amazon;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Amazon ({@code ponte.sandbox.amazon.*}): extra sellers besides the configured
 * {@code ponte.amazon.accounts}, the rate limits and the demo seed.
 */
@ConfigurationProperties("ponte.sandbox.amazon")
public record AmazonSandboxProperties(
        @DefaultValue({}) List<Seller> sellers,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Seed seed) {

    public record Seller(String sellerId, String clientId, String clientSecret, String refreshToken) {
    }

    /** {@code timeScale} greater than 1 refills the buckets that many times faster, so tests need not wait minutes. */
    public record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue("1") double timeScale) {
    }

    /** {@code randomSeed} is fixed so a restarted sandbox offers the same order ids again and re-imports dedupe. */
    public record Seed(@DefaultValue("0") int orders, @DefaultValue("20260101") long randomSeed) {
    }
}
