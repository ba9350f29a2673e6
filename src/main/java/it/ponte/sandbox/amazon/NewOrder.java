package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order to put into the simulated Amazon, as tests and the admin REST call describe it. Everything but the
 * items is optional: the default seller, a generated Amazon order id, UNSHIPPED, MERCHANT, Amazon.it, EUR, now.
 */
public record NewOrder(
        String sellerId,
        String orderId,
        FulfillmentStatus status,
        FulfilledBy fulfilledBy,
        String marketplaceId,
        String buyerName,
        String buyerEmail,
        SandboxAddress shipTo,
        List<Item> items,
        BigDecimal shippingAmount,
        Instant createdTime,
        Instant lastUpdatedTime,
        List<String> programs,
        SandboxBusinessBuyer business,
        SandboxCharges charges) {

    /** A consumer's order without programs or charges beyond shipping. */
    public NewOrder(String sellerId, String orderId, FulfillmentStatus status, FulfilledBy fulfilledBy, String marketplaceId,
                    String buyerName, String buyerEmail, SandboxAddress shipTo, List<Item> items, BigDecimal shippingAmount,
                    Instant createdTime, Instant lastUpdatedTime) {
        this(sellerId, orderId, status, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items, shippingAmount,
                createdTime, lastUpdatedTime, null, null, null);
    }

    /** {@code asin} and {@code orderItemId} are generated when missing. */
    public record Item(String sku, String title, int quantity, BigDecimal unitPrice, String asin, String orderItemId) {

        public Item(String sku, String title, int quantity, BigDecimal unitPrice) {
            this(sku, title, quantity, unitPrice, null, null);
        }
    }

    /** A merchant-fulfilled, unshipped order of the default seller, created now. */
    public static NewOrder unshipped(String buyerName, String buyerEmail, SandboxAddress shipTo, List<Item> items, BigDecimal shipping) {
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, buyerName, buyerEmail,
                shipTo, items, shipping, null, null);
    }

    public NewOrder withStatus(FulfillmentStatus newStatus) {
        return new NewOrder(sellerId, orderId, newStatus, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, charges);
    }

    public NewOrder withFulfilledBy(FulfilledBy by) {
        return new NewOrder(sellerId, orderId, status, by, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, charges);
    }

    public NewOrder withOrderId(String id) {
        return new NewOrder(sellerId, id, status, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, charges);
    }

    public NewOrder withSellerId(String id) {
        return new NewOrder(id, orderId, status, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, charges);
    }

    public NewOrder at(Instant created, Instant lastUpdated) {
        return new NewOrder(sellerId, orderId, status, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, created, lastUpdated, programs, business, charges);
    }

    /**
     * An Amazon Business / Invoicing-by-Amazon order: Amazon shows the shared name and e-mail, the company and VAT
     * number (either may be null) and the programs AMAZON_BUSINESS and INVOICE_BY_AMAZON.
     */
    public NewOrder asBusiness(String companyName, String vatNumber) {
        return new NewOrder(sellerId, orderId, status, fulfilledBy, marketplaceId, SandboxBusinessBuyer.SHARED_NAME,
                SandboxBusinessBuyer.SHARED_EMAIL, shipTo, items, shippingAmount, createdTime, lastUpdatedTime,
                List.of("AMAZON_BUSINESS", "INVOICE_BY_AMAZON"), new SandboxBusinessBuyer(companyName, vatNumber), charges);
    }

    public NewOrder withPrograms(List<String> newPrograms) {
        return new NewOrder(sellerId, orderId, status, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, newPrograms, business, charges);
    }

    public NewOrder withMarketplaceId(String id) {
        return new NewOrder(sellerId, orderId, status, fulfilledBy, id, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, charges);
    }

    public NewOrder withCharges(SandboxCharges newCharges) {
        return new NewOrder(sellerId, orderId, status, fulfilledBy, marketplaceId, buyerName, buyerEmail, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, newCharges);
    }

    public NewOrder withBuyer(String name, String email) {
        return new NewOrder(sellerId, orderId, status, fulfilledBy, marketplaceId, name, email, shipTo, items,
                shippingAmount, createdTime, lastUpdatedTime, programs, business, charges);
    }
}
