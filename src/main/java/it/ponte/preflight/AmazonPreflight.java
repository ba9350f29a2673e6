package it.ponte.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.amazon.AmazonAuthorizationException;
import it.ponte.amazon.AmazonOrdersApi;
import it.ponte.amazon.AmazonProperties;
import it.ponte.amazon.LwaTokenProvider;
import it.ponte.amazon.SpApiBudgetSpentException;
import it.ponte.amazon.SpApiException;
import it.ponte.amazon.SpApiGateway;
import it.ponte.amazon.SpApiOperation;
import it.ponte.amazon.SpApiRateLimiter;
import it.ponte.amazon.model.SearchOrdersPage;
import it.ponte.remote.FailureClass;
import it.ponte.remote.FailurePolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The Amazon half of the go-live check, per account: Login with Amazon gives a token (one call), {@code searchOrders}
 * answers for the account's marketplaces (one call, all of them at once, through the {@code amazon-api} route and its
 * pacing), and the recent merchant-fulfilled orders of that answer carry the buyer's e-mail and the ship-to address
 * (the roles for personal data). A search the rate budget cannot serve now is not waited for: "not checked now".
 */
@Component
class AmazonPreflight {

    /** How far back the search looks for merchant-fulfilled orders to read. */
    static final Duration LOOKBACK = Duration.ofDays(30);
    static final int PAGE_SIZE = 50;
    /** The search may wait this long for the rate budget at most, then it is "not checked now". */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);
    private static final Set<String> DUE_OR_SHIPPED = Set.of("UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED");
    private static final Map<String, String> MARKETPLACES = Map.of(
            "APJ6JRA9NG5V4", "Amazon.it", "A1PM4I4KVE4B5", "Amazon.de", "A13V1IB3VIYZZH", "Amazon.fr",
            "A1RKKUPIHCS9HS", "Amazon.es", "A1F83G8C2ARO7P", "Amazon.co.uk", "A1805IZSGTT6HS", "Amazon.nl",
            "AMEN7PMS3EDWL", "Amazon.com.be", "A2NODRKZP88ZB9", "Amazon.se", "A1C3SOZRARQ6R3", "Amazon.pl",
            "A28R8C7NBKEWEA", "Amazon.ie");

    private final AmazonProperties properties;
    private final LwaTokenProvider tokens;
    private final SpApiGateway gateway;
    private final SpApiRateLimiter limiter;
    private final FailurePolicy policy;
    private final ObjectMapper json;
    private final Clock clock;

    AmazonPreflight(AmazonProperties properties, LwaTokenProvider tokens, SpApiGateway gateway, SpApiRateLimiter limiter,
                    FailurePolicy policy, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.tokens = tokens;
        this.gateway = gateway;
        this.limiter = limiter;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
    }

    List<PreflightCheck> check(PreflightTexts t) {
        List<PreflightCheck> checks = new ArrayList<>();
        if (properties.accounts().isEmpty()) {
            checks.add(t.check("amazon.accounts", "amazon", t.get("preflight.amazon.accounts.name"), PreflightStatus.MISSING,
                    "amazon.accounts.none"));
        }
        for (AmazonProperties.Account account : properties.accounts()) {
            checks.addAll(account(account, t));
        }
        return checks;
    }

    private List<PreflightCheck> account(AmazonProperties.Account account, PreflightTexts t) {
        List<PreflightCheck> checks = new ArrayList<>();
        String prefix = "amazon." + account.id();
        String who = account.name() + " (" + account.id() + ")";
        PreflightCheck lwa = lwa(account, prefix, who, t);
        checks.add(lwa);
        String piiName = t.get("preflight.amazon.personalData.name", who);
        if (!lwa.ok()) {
            for (String marketplace : account.marketplaces()) {
                checks.add(t.check(prefix + ".searchOrders." + marketplace, "amazon", searchName(t, who, marketplace),
                        PreflightStatus.NOT_VERIFIABLE, "amazon.needsToken"));
            }
            checks.add(t.check(prefix + ".personalData", "amazon", piiName, PreflightStatus.NOT_VERIFIABLE, "amazon.needsToken"));
            return checks;
        }
        Instant now = clock.instant();
        Instant allowedAt = limiter.nextCallAllowedAt(account.id(), SpApiOperation.SEARCH_ORDERS);
        if (allowedAt.isAfter(now.plus(LONGEST_WAIT))) {
            checks.addAll(notCheckedNow(account, prefix, who, piiName, allowedAt, t));
            return checks;
        }
        SearchOrdersPage page;
        try {
            String answer = gateway.call(AmazonOrdersApi.recentMerchantOrdersCall(account, now.minus(LOOKBACK),
                    now.minus(properties.polling().endBeforeNow()), PAGE_SIZE), now.plus(LONGEST_WAIT)).getMessage().getBody(String.class);
            page = json.readValue(answer, SearchOrdersPage.class);
        } catch (SpApiBudgetSpentException budget) {
            checks.addAll(notCheckedNow(account, prefix, who, piiName, budget.allowedAt(), t));
            return checks;
        } catch (IOException unreadable) {
            checks.addAll(searchFailed(account, prefix, who, piiName, PreflightStatus.FAILED, "amazon.search.unreadable", t,
                    unreadable.getMessage()));
            return checks;
        } catch (SpApiException refused) {
            boolean refusal = !refused.isTransient() && refused.status() >= 400 && refused.status() < 500;
            checks.addAll(searchFailed(account, prefix, who, piiName, refusal ? PreflightStatus.MISSING : PreflightStatus.FAILED,
                    !refusal ? "amazon.search.noAnswer" : refused.status() == 403 ? "amazon.search.denied" : "amazon.search.refused",
                    t, refused.reason()));
            return checks;
        } catch (RuntimeException failure) {
            String key = policy.classify(failure) == FailureClass.REMOTE_DOWN ? "amazon.search.circuitOpen" : "amazon.search.noAnswer";
            checks.addAll(searchFailed(account, prefix, who, piiName, PreflightStatus.FAILED, key, t, policy.reason(failure)));
            return checks;
        }
        for (String marketplace : account.marketplaces()) {
            long orders = page.ordersOrEmpty().stream().filter(o -> marketplace.equals(o.path("salesChannel").path("marketplaceId").asText())).count();
            checks.add(t.check(prefix + ".searchOrders." + marketplace, "amazon", searchName(t, who, marketplace), PreflightStatus.OK,
                    "amazon.search.ok", orders, LOOKBACK.toDays()));
        }
        checks.add(personalData(page, prefix, piiName, t));
        return checks;
    }

    private PreflightCheck lwa(AmazonProperties.Account account, String prefix, String who, PreflightTexts t) {
        String name = t.get("preflight.amazon.lwa.name", who);
        String id = prefix + ".lwa";
        try {
            tokens.renewedAccessToken(account);
            return t.check(id, "amazon", name, PreflightStatus.OK, "amazon.lwa.ok");
        } catch (AmazonAuthorizationException refused) {
            String code = refused.code() == null ? "" : refused.code();
            return switch (code) {
                case "invalid_grant" -> t.check(id, "amazon", name, PreflightStatus.MISSING, "amazon.lwa.invalidGrant", account.id());
                case "invalid_client" -> t.check(id, "amazon", name, PreflightStatus.MISSING, "amazon.lwa.invalidClient", account.id());
                case "missing_credentials" -> t.check(id, "amazon", name, PreflightStatus.MISSING, "amazon.lwa.notConfigured", account.id());
                default -> t.check(id, "amazon", name, PreflightStatus.MISSING, "amazon.lwa.refused", code);
            };
        } catch (RuntimeException failure) {
            return t.check(id, "amazon", name, PreflightStatus.FAILED, "amazon.lwa.noAnswer", properties.lwaEndpoint(), policy.reason(failure));
        }
    }

    /**
     * Amazon shows the buyer's e-mail and the ship-to address of a merchant-fulfilled order due to ship (or shipped) only
     * to an application with the roles for personal data: an answer with such orders and none of them carrying both says
     * the role is missing; no such order at all leaves it unverifiable.
     */
    private PreflightCheck personalData(SearchOrdersPage page, String prefix, String name, PreflightTexts t) {
        List<JsonNode> merchantOrders = page.ordersOrEmpty().stream()
                .filter(o -> "MERCHANT".equals(o.path("fulfillment").path("fulfilledBy").asText("MERCHANT")))
                .filter(o -> DUE_OR_SHIPPED.contains(o.path("fulfillment").path("fulfillmentStatus").asText("UNSHIPPED")))
                .toList();
        String id = prefix + ".personalData";
        if (merchantOrders.isEmpty()) {
            return t.check(id, "amazon", name, PreflightStatus.NOT_VERIFIABLE, "amazon.personalData.noOrders", LOOKBACK.toDays());
        }
        long withBoth = merchantOrders.stream().filter(AmazonPreflight::carriesPersonalData).count();
        if (withBoth == 0) {
            return t.check(id, "amazon", name, PreflightStatus.MISSING, "amazon.personalData.missing", merchantOrders.size());
        }
        return t.check(id, "amazon", name, PreflightStatus.OK, "amazon.personalData.ok", withBoth, merchantOrders.size());
    }

    private static boolean carriesPersonalData(JsonNode order) {
        String email = order.path("buyer").path("buyerEmail").asText("");
        JsonNode address = order.path("recipient").path("deliveryAddress");
        return !email.isBlank() && address.isObject() && !address.path("addressLine1").asText("").isBlank();
    }

    private List<PreflightCheck> notCheckedNow(AmazonProperties.Account account, String prefix, String who, String piiName,
                                               Instant allowedAt, PreflightTexts t) {
        List<PreflightCheck> checks = new ArrayList<>();
        String key = allowedAt == null ? "amazon.rateBudget" : "amazon.rateBudgetUntil";
        for (String marketplace : account.marketplaces()) {
            checks.add(t.check(prefix + ".searchOrders." + marketplace, "amazon", searchName(t, who, marketplace),
                    PreflightStatus.NOT_VERIFIABLE, allowedAt, key, t.time(allowedAt)));
        }
        checks.add(t.check(prefix + ".personalData", "amazon", piiName, PreflightStatus.NOT_VERIFIABLE, allowedAt, key, t.time(allowedAt)));
        return checks;
    }

    private List<PreflightCheck> searchFailed(AmazonProperties.Account account, String prefix, String who, String piiName,
                                              PreflightStatus status, String key, PreflightTexts t, Object why) {
        List<PreflightCheck> checks = new ArrayList<>();
        for (String marketplace : account.marketplaces()) {
            checks.add(t.check(prefix + ".searchOrders." + marketplace, "amazon", searchName(t, who, marketplace), status, key,
                    String.join(", ", account.marketplaces()), why));
        }
        checks.add(t.check(prefix + ".personalData", "amazon", piiName, PreflightStatus.NOT_VERIFIABLE, "amazon.needsSearch"));
        return checks;
    }

    private static String searchName(PreflightTexts t, String who, String marketplace) {
        return t.get("preflight.amazon.search.name", who, MARKETPLACES.getOrDefault(marketplace, marketplace) + " (" + marketplace + ")");
    }
}
