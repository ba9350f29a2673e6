package it.ponte.mailchimp;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The resources Ponte writes to Mailchimp, as Mailchimp names them (serialised in snake_case by {@link MailchimpJson}).
 * Only the fields Ponte fills are modelled; null fields are not sent.
 */
public final class MailchimpResources {

    private MailchimpResources() {
    }

    /** {@code isSyncing} true holds Mailchimp's automations and order notifications while history is loaded; null: not sent. */
    public record Store(String id, String listId, String name, String currencyCode, String platform, String domain, Boolean isSyncing) {

        public Store(String id, String listId, String name, String currencyCode, String platform, String domain) {
            this(id, listId, name, currencyCode, platform, domain, null);
        }
    }

    public record Address(String address1, String address2, String city, String province, String postalCode,
                          String countryCode) {
    }

    public record Customer(String id, String emailAddress, Boolean optInStatus, String firstName, String lastName,
                           String company, Address address) {
    }

    public record Variant(String id, String title, String sku, BigDecimal price, Integer inventoryQuantity, String url) {
    }

    public record Product(String id, String title, String handle, String url, String description, String vendor,
                          String imageUrl, List<Variant> variants) {
    }

    public record Line(String id, String productId, String productVariantId, int quantity, BigDecimal price) {
    }

    public record Order(String id, Customer customer, String currencyCode, BigDecimal orderTotal,
                        BigDecimal shippingTotal, String financialStatus, String fulfillmentStatus,
                        OffsetDateTime processedAtForeign, OffsetDateTime updatedAtForeign,
                        OffsetDateTime cancelledAtForeign, String trackingNumber, String trackingCarrier,
                        Address shippingAddress, List<Line> lines) {

        /** The same order in another state: how a new order is created pending first and then moved on. */
        public Order withStatus(String financial, String fulfillment, OffsetDateTime cancelledAt) {
            return new Order(id, customer, currencyCode, orderTotal, shippingTotal, financial, fulfillment,
                    processedAtForeign, updatedAtForeign, cancelledAt, trackingNumber, trackingCarrier, shippingAddress, lines);
        }
    }

    public record Cart(String id, Customer customer, String currencyCode, BigDecimal orderTotal, String checkoutUrl,
                       List<Line> lines) {
    }

    /** One page of list members: status by lower-cased e-mail. */
    public record MemberPage(List<Member> members, int totalItems) {
    }

    public record Member(String emailAddress, String status) {
    }

    /** A classic automation as {@code GET /automations} lists it. */
    public record Automation(String id, String status, String workflowType, String storeId, String listId) {
    }
}
