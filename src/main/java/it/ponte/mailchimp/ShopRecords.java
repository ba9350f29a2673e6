package it.ponte.mailchimp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The shop's records as the Mailchimp sync reads them (read-only views of the shop database). */
public final class ShopRecords {

    private ShopRecords() {
    }

    public record ShopCustomer(long id, String email, String firstName, String lastName, String company,
                               boolean registered, boolean marketingConsent, ShopAddress address) {
    }

    public record ShopAddress(String line1, String line2, String city, String province, String postalCode, String countryCode) {
    }

    public record ShopVariant(long id, String sku, String title, BigDecimal price, int stock) {
    }

    public record ShopProduct(long id, String sku, String title, String description, BigDecimal price, String url,
                              String imageUrl, String vendor, List<ShopVariant> variants) {
    }

    /** Which Mailchimp product and variant a row names. */
    public record LineTarget(long productId, String variantId) {
    }

    public record ShopOrderRow(long id, int lineNo, String sku, int quantity, BigDecimal unitPrice, Long productId) {
    }

    public record ShopOrder(long id, String status, long customerId, Instant orderDate, String currency,
                            BigDecimal shippingTotal, BigDecimal orderTotal, String carrier, String trackingNumber,
                            Instant updatedAt, ShopAddress shipAddress, List<ShopOrderRow> rows, Instant erpCancelledAt) {
    }

    public record ShopCartRow(long id, String sku, int quantity, BigDecimal unitPrice) {
    }

    public record ShopCart(long id, Long customerId, String status, Long orderId, Instant updatedAt, List<ShopCartRow> rows) {
    }
}
