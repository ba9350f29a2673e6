package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The Orders 2026-01-01 response shapes the sandbox answers with, as named in Amazon's model. */
public final class SpApiOrderModel {

    private SpApiOrderModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchOrdersResponse(List<Order> orders, Pagination pagination, String lastUpdatedBefore, String createdBefore) {
    }

    public record Pagination(String nextToken) {
    }

    public record GetOrderResponse(Order order) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Order(String orderId, String createdTime, String lastUpdatedTime, List<String> programs, SalesChannel salesChannel,
                        Buyer buyer, Recipient recipient, OrderProceeds proceeds, OrderTax tax, OrderFulfillment fulfillment,
                        List<OrderItem> orderItems) {
    }

    public record SalesChannel(String channelName, String marketplaceId, String marketplaceName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Buyer(String buyerName, String buyerEmail, String buyerCompanyName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderTax(List<OrderTaxRegistration> taxRegistrations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderTaxRegistration(String entityType, String legalName, String taxRegistrationType, String taxRegistrationNumber) {
    }

    public record Recipient(CustomerAddress deliveryAddress) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerAddress(String name, String addressLine1, String addressLine2, String city, String stateOrRegion,
                                  String postalCode, String countryCode, String phone, String addressType) {
    }

    public record Money(String amount, String currencyCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProceedsBreakdown(String type, String status, Money subtotal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemProceedsBreakdown(String type, Money subtotal, List<DetailedBreakdown> detailedBreakdowns) {
    }

    public record DetailedBreakdown(String subtype, Money value) {
    }

    public record OrderProceeds(Money grandTotal, List<ProceedsBreakdown> breakdowns) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderFulfillment(String fulfillmentStatus, String fulfilledBy, String fulfillmentServiceLevel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderItem(String orderItemId, int quantityOrdered, ItemProduct product, ItemProceeds proceeds,
                            ItemPromotion promotion, ItemFulfillment fulfillment) {
    }

    public record ItemPromotion(List<PromotionBreakdown> breakdowns) {
    }

    public record PromotionBreakdown(String promotionId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemProduct(String asin, String title, String sellerSku, ItemPrice price) {
    }

    public record ItemPrice(Money unitPrice) {
    }

    public record ItemProceeds(Money proceedsTotal, List<ItemProceedsBreakdown> breakdowns) {
    }

    public record ItemFulfillment(int quantityFulfilled, int quantityUnfulfilled) {
    }
}
