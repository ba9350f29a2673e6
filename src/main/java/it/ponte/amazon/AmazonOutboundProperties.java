package it.ponte.amazon;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What Ponte tells Amazon and how it paces it: the shop's carrier names mapped to Amazon's {@code carrierCode}
 * ({@code ponte.amazon.carrier-codes}; a carrier not listed goes as {@code Other} with its name in
 * {@code carrierName}) and Amazon's feed limits ({@code ponte.amazon.outbound.*}): at most one feed of a type per
 * account every {@code feed-interval}, each under {@code feed-max-bytes}.
 */
@Validated
@ConfigurationProperties("ponte.amazon")
public record AmazonOutboundProperties(
        @DefaultValue({}) Map<String, String> carrierCodes,
        @DefaultValue Outbound outbound) {

    public static final String OTHER_CARRIER = "Other";

    public record Outbound(
            /* Amazon asks for at most one feed of the same type per account in this time: the messages wait and travel together. */
            @DefaultValue("20m") Duration feedInterval,
            /* Amazon's limit is 10 MiB; the rest of the messages wait for the next feed. */
            @DefaultValue("10000000") @Positive long feedMaxBytes,
            /* A feed whose createFeed got no readable answer and that getFeeds still does not list this long after was never created. */
            @DefaultValue("2m") Duration unconfirmedFeedGrace) {
    }

    public AmazonOutboundProperties {
        // the keys compare without case and surrounding blanks: "Poste italiane" in the ERP is Amazon's "Poste Italiane"
        Map<String, String> normalised = new TreeMap<>();
        carrierCodes.forEach((name, code) -> normalised.put(key(name), code));
        carrierCodes = Map.copyOf(normalised);
    }

    /** Amazon's carrier code for the shop's carrier name, or null when it has none (then: Other + carrierName). */
    public String carrierCode(String shopCarrier) {
        return shopCarrier == null ? null : carrierCodes.get(key(shopCarrier));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
