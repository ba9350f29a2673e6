package it.ponte.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.amazon.model.AmazonOrder;
import it.ponte.amazon.model.SearchOrdersPage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Orders API 2026-01-01: {@code searchOrders} and {@code getOrder}, with the datasets an import needs. */
@Component
public class AmazonOrdersApi {

    static final String SEARCH_PATH = "/orders/2026-01-01/orders";
    /** Buyer e-mail, ship-to address, prices and fulfilment status travel only when asked for. */
    static final List<String> INCLUDED_DATA = List.of("BUYER", "RECIPIENT", "PROCEEDS", "FULFILLMENT");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final SpApiClient client;
    private final ObjectMapper json;

    public AmazonOrdersApi(SpApiClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
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

    public SearchOrdersPage searchOrders(AmazonProperties.Account account, SearchQuery query, String paginationToken) {
        SpApiClient.Answer answer = client.get(account, SpApiOperation.SEARCH_ORDERS, SEARCH_PATH, query.parameters(paginationToken));
        return read(account, "searchOrders", answer.body(), SearchOrdersPage.class);
    }

    public AmazonOrder getOrder(AmazonProperties.Account account, String orderId) {
        String path = SEARCH_PATH + "/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
        SpApiClient.Answer answer = client.get(account, SpApiOperation.GET_ORDER, path, Map.of("includedData", INCLUDED_DATA));
        try {
            JsonNode order = json.readTree(answer.body()).path("order");
            return json.treeToValue(order, AmazonOrder.class);
        } catch (IOException e) {
            throw new SpApiException(account.id(), "getOrder", answer.status(), "UnreadableResponse", e.getMessage(), false, e);
        }
    }

    private <T> T read(AmazonProperties.Account account, String operation, String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new SpApiException(account.id(), operation, 200, "UnreadableResponse", e.getMessage(), false, e);
        }
    }
}
