package it.ponte.amazon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import it.ponte.amazon.model.AmazonOrder;
import it.ponte.amazon.model.SearchOrdersPage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Orders API 2026-01-01: {@code searchOrders} and {@code getOrder}, with the datasets an import needs. The calls are
 * built here and sent by the {@code amazon-api} route.
 */
@Component
public class AmazonOrdersApi {

    static final String SEARCH_PATH = "/orders/2026-01-01/orders";
    /**
     * Buyer e-mail, ship-to address, prices and fulfilment status travel only when asked for; TAX brings a business
     * buyer's VAT registration, PROMOTION the promotions behind a discount.
     */
    static final List<String> INCLUDED_DATA = List.of("BUYER", "RECIPIENT", "PROCEEDS", "FULFILLMENT", "TAX", "PROMOTION");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final SpApiGateway gateway;
    private final AmazonOrderReader reader;

    public AmazonOrdersApi(SpApiGateway gateway, AmazonOrderReader reader) {
        this.gateway = gateway;
        this.reader = reader;
    }

    /** The parameters of one window's first request, repeated unchanged on every later page. */
    public record SearchQuery(Instant lastUpdatedAfter, Instant lastUpdatedBefore, List<String> marketplaceIds, int pageSize) {

        Map<String, List<String>> parameters(String paginationToken) {
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("lastUpdatedAfter", List.of(UTC.format(lastUpdatedAfter.truncatedTo(ChronoUnit.SECONDS))));
            p.put("lastUpdatedBefore", List.of(UTC.format(lastUpdatedBefore.truncatedTo(ChronoUnit.SECONDS))));
            p.put("marketplaceIds", marketplaceIds);
            p.put("maxResultsPerPage", List.of(Integer.toString(pageSize)));
            p.put("includedData", INCLUDED_DATA);
            if (paginationToken != null) {
                p.put("paginationToken", List.of(paginationToken));
            }
            return p;
        }
    }

    /** getOrder's answer: the order, read record by record by the import. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GetOrderAnswer(com.fasterxml.jackson.databind.JsonNode order) {
    }

    public static SpApiCall searchOrdersCall(AmazonProperties.Account account, SearchQuery query, String paginationToken) {
        return SpApiCall.api(account, SpApiOperation.SEARCH_ORDERS, "GET", SEARCH_PATH, query.parameters(paginationToken), null);
    }

    /**
     * The go-live check's one search: the account's merchant-fulfilled orders updated since {@code after} that Amazon
     * shows with personal data when the application has the roles for it (due to ship, or shipped).
     */
    public static SpApiCall recentMerchantOrdersCall(AmazonProperties.Account account, Instant after, Instant before, int pageSize) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("lastUpdatedAfter", List.of(UTC.format(after.truncatedTo(ChronoUnit.SECONDS))));
        p.put("lastUpdatedBefore", List.of(UTC.format(before.truncatedTo(ChronoUnit.SECONDS))));
        p.put("marketplaceIds", account.marketplaces());
        p.put("fulfilledBy", List.of("MERCHANT"));
        p.put("fulfillmentStatuses", List.of("UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED"));
        p.put("maxResultsPerPage", List.of(Integer.toString(pageSize)));
        p.put("includedData", List.of("BUYER", "RECIPIENT", "FULFILLMENT"));
        return SpApiCall.api(account, SpApiOperation.SEARCH_ORDERS, "GET", SEARCH_PATH, p, null);
    }

    public static SpApiCall getOrderCall(AmazonProperties.Account account, String orderId) {
        return SpApiCall.api(account, SpApiOperation.GET_ORDER, "GET", SEARCH_PATH + "/" + SpApiCall.encode(orderId),
                Map.of("includedData", INCLUDED_DATA), null);
    }

    public SearchOrdersPage searchOrders(AmazonProperties.Account account, SearchQuery query, String paginationToken) {
        return gateway.call(searchOrdersCall(account, query, paginationToken), SearchOrdersPage.class);
    }

    /** The order as Amazon has it now, still as JSON: the import reads it order by order. */
    public com.fasterxml.jackson.databind.JsonNode getOrderJson(AmazonProperties.Account account, String orderId) {
        return gateway.call(getOrderCall(account, orderId), GetOrderAnswer.class).order();
    }

    public AmazonOrder getOrder(AmazonProperties.Account account, String orderId) {
        return reader.read(getOrderJson(account, orderId));
    }
}
