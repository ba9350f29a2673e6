package it.ponte.amazon.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** One page of {@code searchOrders}: its orders, the token of the next page and the end Amazon applied. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchOrdersPage(List<AmazonOrder> orders, Pagination pagination, Instant lastUpdatedBefore) {

    public String nextToken() {
        return pagination == null || pagination.nextToken() == null || pagination.nextToken().isBlank() ? null : pagination.nextToken();
    }

    public List<AmazonOrder> ordersOrEmpty() {
        return orders == null ? List.of() : orders;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(String nextToken) {
    }
}
