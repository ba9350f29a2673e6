package it.ponte.amazon;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Amazon side of Ponte: the LWA token endpoint, the polling window and one entry per seller account
 * ({@code ponte.amazon.accounts[i]}). Secrets are bound from configuration or the environment and never
 * leave this object: {@link Account#toString()} masks them.
 */
@Validated
@ConfigurationProperties("ponte.amazon")
public record AmazonProperties(
        @DefaultValue("https://api.amazon.com/auth/o2/token") @NotBlank String lwaEndpoint,
        @DefaultValue Polling polling,
        @DefaultValue Client client,
        @DefaultValue BusinessBuyers businessBuyers,
        /* Marketplaces whose prices include VAT (Amazon's EU ones and the UK): IT, DE, FR, ES, NL, BE, SE, PL, IE, UK. */
        @DefaultValue({"APJ6JRA9NG5V4", "A1PM4I4KVE4B5", "A13V1IB3VIYZZH", "A1RKKUPIHCS9HS", "A1805IZSGTT6HS", "AMEN7PMS3EDWL",
                "A2NODRKZP88ZB9", "A1C3SOZRARQ6R3", "A28R8C7NBKEWEA", "A1F83G8C2ARO7P"}) List<String> vatIncludedMarketplaces,
        @DefaultValue({}) @Valid List<Account> accounts) {

    /**
     * How Amazon Business / Invoicing-by-Amazon orders are recognised: by one of these order programs, or by one of
     * these e-mails, which Amazon gives every business buyer alike. Their customers are keyed on VAT number, company or
     * recipient, never on the e-mail.
     */
    public record BusinessBuyers(
            @DefaultValue({"AMAZON_BUSINESS", "INVOICE_BY_AMAZON"}) List<String> programs,
            @DefaultValue("no-reply-amazon-iba-buyer@marketplace.amazon.it") List<String> sharedEmails) {
    }

    /** How the order search windows are cut. */
    public record Polling(
            /* Amazon refuses *Before closer than 2 minutes to now; we stay a little further back. */
            @DefaultValue("3m") Duration endBeforeNow,
            @DefaultValue("5m") Duration overlap,
            /* Where the very first window of a new account starts. */
            @DefaultValue("7d") Duration initialLookback,
            @DefaultValue("100") int pageSize,
            @DefaultValue("200") int maxPages,
            /* The deep re-sweep for orders Amazon surfaces late: this often (0: never), over this span back from the window's end. */
            @DefaultValue("24h") Duration resweepEvery,
            @DefaultValue("48h") Duration resweepSpan,
            /* At most this many re-sweep pages per run, and only while the searchOrders bucket keeps this many tokens spare. */
            @DefaultValue("10") int resweepMaxPages,
            @DefaultValue("2") int resweepTokenReserve,
            /* How long one run's poll may wait for Amazon's rate budget: a wait beyond it ends the account's poll for this run. */
            @DefaultValue("60s") Duration timeBudget) {

        public boolean resweeps() {
            return resweepEvery != null && !resweepEvery.isZero() && !resweepEvery.isNegative();
        }
    }

    /**
     * How calls to Amazon pace themselves and how long they wait (the amazon-api routes read the timeouts as camel-http
     * endpoint options); redelivery is the transient-remote route configuration's ({@code ponte.remote.retry.*}).
     */
    public record Client(
            @DefaultValue("10000") long connectTimeoutMs,
            @DefaultValue("60000") long responseTimeoutMs,
            /* Refresh the LWA token this long before it expires. */
            @DefaultValue("60s") Duration tokenRefreshMargin,
            /* Token-bucket pacing; off only for benchmarks against the sandbox. */
            @DefaultValue("true") boolean rateLimited) {
    }

    public record Account(
            @NotBlank String id,
            @NotBlank String name,
            @DefaultValue("EU") String region,
            @NotBlank String endpoint,
            @NotBlank String sellerId,
            @DefaultValue("APJ6JRA9NG5V4") @NotEmpty List<String> marketplaces,
            @DefaultValue Lwa lwa,
            @DefaultValue("false") boolean createOrders,
            @DefaultValue({"UNSHIPPED", "PARTIALLY_SHIPPED"}) @NotEmpty List<String> importStatuses,
            @DefaultValue("AMZ") @NotBlank String orderSeries,
            @DefaultValue("501") @NotBlank String customerLedger,
            @DefaultValue("SPESE-TRASP") @NotBlank String shippingExpenseItem,
            /* ERP items of the other charge rows: gift wrap, cash-on-delivery fee and other charges, promotions and discounts */
            @DefaultValue("SPESE-REGALO") @NotBlank String giftWrapExpenseItem,
            @DefaultValue("SPESE-VARIE") @NotBlank String otherExpenseItem,
            @DefaultValue("SCONTO") @NotBlank String discountItem,
            /* hourly, daily, weekly, monthly, or a Quartz cron expression; empty: only with the sync runs */
            String schedule) {

        public String toString() {
            return "Account[id=" + id + ", name=" + name + ", region=" + region + ", endpoint=" + endpoint
                    + ", sellerId=" + sellerId + ", marketplaces=" + marketplaces + ", createOrders=" + createOrders
                    + ", importStatuses=" + importStatuses + ", orderSeries=" + orderSeries + ", customerLedger="
                    + customerLedger + ", schedule=" + schedule + ", lwa=" + lwa + "]";
        }
    }

    /** Login with Amazon credentials of an account. */
    public record Lwa(String clientId, String clientSecret, String refreshToken) {

        public boolean isConfigured() {
            return notBlank(clientId) && notBlank(clientSecret) && notBlank(refreshToken);
        }

        public String toString() {
            return "Lwa[clientId=" + (notBlank(clientId) ? clientId : "") + ", clientSecret=****, refreshToken=****]";
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    public Account account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }
}
