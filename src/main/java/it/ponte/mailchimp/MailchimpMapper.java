package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpResources.Address;
import it.ponte.mailchimp.MailchimpResources.Cart;
import it.ponte.mailchimp.MailchimpResources.Customer;
import it.ponte.mailchimp.MailchimpResources.Line;
import it.ponte.mailchimp.MailchimpResources.Order;
import it.ponte.mailchimp.MailchimpResources.Product;
import it.ponte.mailchimp.MailchimpResources.Variant;
import it.ponte.mailchimp.ShopRecords.LineTarget;
import it.ponte.mailchimp.ShopRecords.ShopAddress;
import it.ponte.mailchimp.ShopRecords.ShopCart;
import it.ponte.mailchimp.ShopRecords.ShopCartRow;
import it.ponte.mailchimp.ShopRecords.ShopCustomer;
import it.ponte.mailchimp.ShopRecords.ShopOrder;
import it.ponte.mailchimp.ShopRecords.ShopOrderRow;
import it.ponte.mailchimp.ShopRecords.ShopProduct;
import it.ponte.mailchimp.ShopRecords.ShopVariant;
import it.ponte.shop.CartRecoveryTokens;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Shop records to Mailchimp resources, following DESIGN.md's status mapping: an order in the ERP is
 * {@code pending}; delivered (Bollato) adds {@code fulfillment_status: shipped}; invoiced (Fatturato) is {@code paid};
 * cancelled (Annullato) is {@code cancelled} with {@code cancelled_at_foreign}, the time the ERP cancelled it.
 */
@Component
public class MailchimpMapper {

    /** A row naming a product the shop does not know: the order cannot be described to Mailchimp. */
    public static class UnknownProductException extends RuntimeException {
        public UnknownProductException(String sku) {
            super("Articolo sconosciuto nel sito: " + sku);
        }
    }

    private final MailchimpProperties properties;
    private final MailchimpShopReader shop;
    private final CartRecoveryTokens tokens;

    public MailchimpMapper(MailchimpProperties properties, MailchimpShopReader shop, CartRecoveryTokens tokens) {
        this.properties = properties;
        this.shop = shop;
        this.tokens = tokens;
    }

    /**
     * Mailchimp never changes a customer's e-mail, so the id carries it: a shop customer whose e-mail changed is a
     * new Mailchimp customer, as Mailchimp requires.
     */
    public static String customerId(ShopCustomer customer) {
        return customer.id() + "-" + MailchimpJson.subscriberHash(customer.email()).substring(0, 8);
    }

    public Customer customer(ShopCustomer c) {
        ShopAddress a = c.address();
        Address address = a == null ? null : address(a);
        // opt_in_status true subscribes the address: only with the customer's marketing consent (GDPR)
        return new Customer(customerId(c), c.email().trim(), c.marketingConsent(), c.firstName(), c.lastName(), c.company(), address);
    }

    public Product product(ShopProduct p) {
        String url = p.url() != null ? p.url() : properties.shopBaseUrl() + "/product/" + p.sku().toLowerCase(Locale.ROOT);
        List<Variant> variants = new ArrayList<>();
        for (ShopVariant v : p.variants()) {
            variants.add(new Variant(String.valueOf(v.id()), v.title(), v.sku(), v.price(), v.stock(), url));
        }
        if (variants.isEmpty()) {
            // Mailchimp wants at least one variant: a product without variants is its own
            variants.add(new Variant(String.valueOf(p.id()), p.title(), p.sku(), p.price(), null, url));
        }
        return new Product(String.valueOf(p.id()), p.title(), p.sku().toLowerCase(Locale.ROOT), url, p.description(), p.vendor(),
                p.imageUrl(), variants);
    }

    /** The order as it should stand in Mailchimp now. */
    public Order order(ShopOrder o, ShopCustomer customer) {
        List<Line> lines = new ArrayList<>();
        for (ShopOrderRow row : o.rows()) {
            LineTarget target = shop.lineTarget(row.sku(), row.productId()).orElseThrow(() -> new UnknownProductException(row.sku()));
            lines.add(new Line(String.valueOf(row.id()), String.valueOf(target.productId()), target.variantId(), row.quantity(), row.unitPrice()));
        }
        String financial = switch (o.status()) {
            case "INVOICED" -> "paid";
            case "CANCELLED" -> "cancelled";
            default -> "pending";
        };
        // shipped only when the delivery note says so; an invoiced order keeps what Mailchimp already has (PATCH)
        String fulfillment = "DELIVERED".equals(o.status()) ? "shipped" : null;
        // the time the ERP cancelled it, when the state diff saw it; else the shop order's last change
        OffsetDateTime cancelledAt = "CANCELLED".equals(o.status()) ? utc(o.erpCancelledAt() != null ? o.erpCancelledAt() : o.updatedAt()) : null;
        return new Order(String.valueOf(o.id()), customer(customer), currency(o.currency()), o.orderTotal(), o.shippingTotal(),
                financial, fulfillment, utc(o.orderDate()), utc(o.updatedAt()), cancelledAt, o.trackingNumber(), o.carrier(),
                o.shipAddress() == null ? null : address(o.shipAddress()), lines);
    }

    public Cart cart(ShopCart c, ShopCustomer customer) {
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ShopCartRow row : c.rows()) {
            LineTarget target = shop.lineTarget(row.sku(), null).orElseThrow(() -> new UnknownProductException(row.sku()));
            lines.add(new Line(String.valueOf(row.id()), String.valueOf(target.productId()), target.variantId(), row.quantity(), row.unitPrice()));
            total = total.add(row.unitPrice().multiply(BigDecimal.valueOf(row.quantity())));
        }
        String checkoutUrl = properties.shopBaseUrl() + "/cart/recover/" + tokens.tokenFor(c.id());
        return new Cart(String.valueOf(c.id()), customer(customer), properties.currency(), total, checkoutUrl, lines);
    }

    private String currency(String shopCurrency) {
        return shopCurrency == null || shopCurrency.isBlank() ? properties.currency() : shopCurrency.trim();
    }

    private static Address address(ShopAddress a) {
        return new Address(a.line1(), a.line2(), a.city(), a.province(), a.postalCode(), a.countryCode());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
