package it.ponte.mailchimp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Mailchimp side of Ponte ({@code ponte.mailchimp.*}): the account, the e-commerce store and its linked
 * list, and how hard the client may push. The API key never leaves this object: {@link #toString()} masks it.
 */
@Validated
@ConfigurationProperties("ponte.mailchimp")
public record MailchimpProperties(
        @DefaultValue("false") boolean enabled,
        String apiKey,
        /* empty: derived from the data-centre suffix of the key ("...-us6" -> https://us6.api.mailchimp.com/3.0) */
        String baseUrl,
        String storeId,
        @DefaultValue("Ponte") String storeName,
        String listId,
        @DefaultValue("EUR") @NotBlank String currency,
        @DefaultValue({"subscribed", "unsubscribed", "pending", "transactional"}) @NotEmpty List<String> presentStatuses,
        @DefaultValue @Valid AbandonedCarts abandonedCarts,
        /* connections to Mailchimp at most (the endpoint's pool): it answers 429 beyond 10 simultaneous ones per user */
        @DefaultValue("10") @Min(1) @Max(10) int maxConcurrency,
        /* permanent refusals of one record, across runs, before it is parked */
        @DefaultValue("5") @Min(1) int maxAttempts,
        /* where product pages and cart recovery links point */
        @DefaultValue("http://localhost:8080") @NotBlank String shopBaseUrl,
        /* beyond this many e-mails to check in one run, page through the whole list instead of one call each */
        @DefaultValue("200") @Min(1) int bulkMemberThreshold,
        @DefaultValue @Valid Client client) {

    /**
     * {@code declaredActive}: the merchant's word that the abandoned-cart e-mail is active where the API cannot see it
     * (a Customer Journey / automation flow has no API); the shop's {@code setting} row of the same name wins.
     */
    public record AbandonedCarts(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean declaredActive) {
    }

    /**
     * The timeouts of the connections to Mailchimp (the pool of routes/mailchimp-api.camel.yaml). Retries of transient
     * failures are the transient-remote route configuration's, set under ponte.remote.retry.
     */
    public record Client(
            @DefaultValue("10s") Duration connectTimeout,
            /* Mailchimp itself gives up on a call after 120 s */
            @DefaultValue("120s") Duration requestTimeout) {
    }

    @AssertTrue(message = "ponte.mailchimp.api-key, ponte.mailchimp.store-id and ponte.mailchimp.list-id are required when ponte.mailchimp.enabled is true")
    public boolean isConfiguredWhenEnabled() {
        return !enabled || (notBlank(apiKey) && notBlank(storeId) && notBlank(listId));
    }

    @AssertTrue(message = "ponte.mailchimp.base-url is required when ponte.mailchimp.api-key has no data-centre suffix (like -us6)")
    public boolean isBaseUrlResolvable() {
        return !enabled || resolvedBaseUrl() != null;
    }

    /** The API root: the configured one, or the one of the key's data centre. */
    public String resolvedBaseUrl() {
        if (notBlank(baseUrl)) {
            return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
        if (apiKey == null) {
            return null;
        }
        int dash = apiKey.lastIndexOf('-');
        if (dash < 0 || dash == apiKey.length() - 1) {
            return null;
        }
        return "https://" + apiKey.substring(dash + 1).toLowerCase(Locale.ROOT) + ".api.mailchimp.com/3.0";
    }

    public boolean isPresent(String memberStatus) {
        return memberStatus != null && presentStatuses.stream().anyMatch(s -> s.equalsIgnoreCase(memberStatus));
    }

    @Override
    public String toString() {
        return "MailchimpProperties[enabled=" + enabled + ", apiKey=****, baseUrl=" + resolvedBaseUrl() + ", storeId=" + storeId
                + ", storeName=" + storeName + ", listId=" + listId + ", currency=" + currency + ", presentStatuses="
                + presentStatuses + ", abandonedCarts=" + abandonedCarts + ", maxConcurrency=" + maxConcurrency
                + ", maxAttempts=" + maxAttempts + ", shopBaseUrl=" + shopBaseUrl + ", client=" + client + "]";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
