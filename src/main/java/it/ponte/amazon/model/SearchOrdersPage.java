package it.ponte.amazon.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One page of {@code searchOrders}: its orders, the token of the next page and the end Amazon applied. The orders stay
 * JSON here: each is read on its own ({@code amazonOrderReader}), so one malformed order cannot fail its page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchOrdersPage(List<JsonNode> orders, Pagination pagination, Instant lastUpdatedBefore) {

    public String nextToken() {
        return pagination == null || pagination.nextToken() == null || pagination.nextToken().isBlank() ? null : pagination.nextToken();
    }

    public List<JsonNode> ordersOrEmpty() {
        return orders == null ? List.of() : orders;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(String nextToken) {
    }
}
