package it.ponte.amazon.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of an Orders API 2026-01-01 {@code Order} that Ponte imports. Optional datasets (buyer,
 * recipient, proceeds, fulfillment) are null when Amazon did not send them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AmazonOrder(
        String orderId,
        Instant createdTime,
        Instant lastUpdatedTime,
        List<String> programs,
        SalesChannel salesChannel,
        Buyer buyer,
        Recipient recipient,
        Proceeds proceeds,
        Tax tax,
        Fulfillment fulfillment,
        List<OrderItem> orderItems) {

    public List<String> programsOrEmpty() {
        return programs == null ? List.of() : programs;
    }

    /** The buyer's VAT registration number, when Amazon gives one (business orders, dataset TAX). */
    public Optional<String> buyerVatNumber() {
        if (tax == null || tax.taxRegistrations() == null) {
            return Optional.empty();
        }
        return tax.taxRegistrations().stream()
                .filter(r -> r.entityType() == null || "BUYER".equals(r.entityType()))
                .map(TaxRegistration::taxRegistrationNumber).filter(n -> n != null && !n.isBlank()).findFirst();
    }

    public Optional<String> buyerCompanyName() {
        return Optional.ofNullable(buyer).map(Buyer::buyerCompanyName).filter(c -> !c.isBlank());
    }

    public String fulfillmentStatus() {
        return fulfillment == null || fulfillment.fulfillmentStatus() == null ? null : fulfillment.fulfillmentStatus();
    }

    public boolean merchantFulfilled() {
        return fulfillment == null || fulfillment.fulfilledBy() == null || "MERCHANT".equals(fulfillment.fulfilledBy());
    }

    public String marketplaceId() {
        return salesChannel == null ? null : salesChannel.marketplaceId();
    }

    public Optional<String> buyerEmail() {
        return Optional.ofNullable(buyer).map(Buyer::buyerEmail).filter(e -> !e.isBlank());
    }

    public Optional<Address> shipTo() {
        return Optional.ofNullable(recipient).map(Recipient::deliveryAddress);
    }

    public List<OrderItem> items() {
        return orderItems == null ? List.of() : orderItems;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SalesChannel(String channelName, String marketplaceId, String marketplaceName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Buyer(String buyerName, String buyerEmail, String buyerCompanyName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(Address deliveryAddress) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String name, String companyName, String addressLine1, String addressLine2, String addressLine3,
                          String city, String districtOrCounty, String stateOrRegion, String postalCode,
                          String countryCode, String phone) {

        public boolean isComplete() {
            return notBlank(name) && notBlank(addressLine1) && notBlank(city) && notBlank(countryCode);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(BigDecimal amount, String currencyCode) {
    }

    /** A proceeds category; for TAX (and DISCOUNT) items, {@code detailedBreakdowns} says what the amount belongs to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Breakdown(String type, Money subtotal, List<Detail> detailedBreakdowns) {

        public List<Detail> details() {
            return detailedBreakdowns == null ? List.of() : detailedBreakdowns;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String subtype, Money value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(List<TaxRegistration> taxRegistrations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaxRegistration(String entityType, String legalName, String taxRegistrationType, String taxRegistrationNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proceeds(Money grandTotal, List<Breakdown> breakdowns) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fulfillment(String fulfillmentStatus, String fulfilledBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderItem(String orderItemId, Integer quantityOrdered, Product product, ItemProceeds proceeds, Promotion promotion) {

        /** Every proceeds breakdown of one type (ITEM, SHIPPING, GIFT_WRAP, DISCOUNT, TAX…) of this item. */
        public List<Breakdown> breakdownsOf(String type) {
            if (proceeds == null || proceeds.breakdowns() == null) {
                return List.of();
            }
            // a loop, not a stream: the amounts of every item of every order ask for each kind (a tenth of a page's store)
            List<Breakdown> of = List.of();
            for (Breakdown b : proceeds.breakdowns()) {
                if (b != null && type.equals(b.type())) {
                    if (of.isEmpty()) {
                        of = new java.util.ArrayList<>(2);
                    }
                    of.add(b);
                }
            }
            return of.isEmpty() ? of : java.util.Collections.unmodifiableList(of);
        }

        public List<String> promotionIds() {
            if (promotion == null || promotion.breakdowns() == null) {
                return List.of();
            }
            return promotion.breakdowns().stream().map(PromotionBreakdown::promotionId).filter(p -> p != null && !p.isBlank()).toList();
        }

        /** Proceeds of one type (ITEM, SHIPPING…) for this item; null when Amazon has no prices yet. */
        public Money proceedsOf(String type) {
            if (proceeds == null || proceeds.breakdowns() == null) {
                return null;
            }
            return proceeds.breakdowns().stream().filter(b -> type.equals(b.type())).map(Breakdown::subtotal)
                    .findFirst().orElse(null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Promotion(List<PromotionBreakdown> breakdowns) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PromotionBreakdown(String promotionId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(String asin, String title, String sellerSku, ItemPrice price) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemPrice(Money unitPrice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemProceeds(Money proceedsTotal, List<Breakdown> breakdowns) {
    }
}
