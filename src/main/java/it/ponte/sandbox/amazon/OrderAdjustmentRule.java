package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * {@code OrderAdjustment} with {@code ActionType} Refund: the seller gives money back on a shipped order. Amazon
 * refuses unknown orders and items, reasons and component types outside its lists, amounts that are not positive,
 * in another currency or above the item's price, and (the mistake this sandbox exists to show) a second refund of
 * an order already refunded.
 */
@Component
@Profile("sandbox")
class OrderAdjustmentRule implements FeedMessageRule {

    static final Set<String> ADJUSTMENT_REASONS = Set.of("NoInventory", "CustomerReturn", "GeneralAdjustment", "CouldNotShip",
            "DifferentItem", "Abandoned", "CustomerCancel", "PriceError", "ProductOutofStock", "CustomerAddressIncorrect",
            "Exchange", "Other", "CarrierCreditDecision", "RiskAssessmentInformationNotValid", "CarrierCoverageFailure",
            "TransactionRecord", "Undeliverable", "RefusedDelivery");

    /** The {@code Type} values of Amazon's adjustment components (amzn-base.xsd, AdjustmentBuyerPrice). */
    static final Set<String> COMPONENT_TYPES = Set.of("Principal", "Shipping", "Tax", "ShippingTax", "RestockingFee",
            "RestockingFeeTax", "GiftWrap", "GiftWrapTax", "Surcharge", "ReturnShipping", "Goodwill", "ExportCharge", "COD",
            "CODTax", "Other", "FreeReplacementReturnShipping");

    private final SandboxOrderStore store;
    private final SandboxOrderActivity activity;
    private final AmazonSandboxClock clock;

    OrderAdjustmentRule(SandboxOrderStore store, SandboxOrderActivity activity, AmazonSandboxClock clock) {
        this.store = store;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String messageType() {
        return "OrderAdjustment";
    }

    @Override
    public Optional<FeedMessageResult> apply(Feed feed, FeedEnvelope.Message message) {
        try {
            refund(feed, message);
            return Optional.empty();
        } catch (Refusal refusal) {
            return Optional.of(refusal.toResult(message.messageId()));
        }
    }

    private void refund(Feed feed, FeedEnvelope.Message message) {
        Element body = message.body();
        String orderId = FeedXmlReader.text(body, "AmazonOrderID")
                .orElseThrow(() -> new Refusal(FeedMessageResult.INVALID_VALUE, "AmazonOrderID is required."));
        SandboxOrder order = store.find(feed.sellerId(), orderId).orElseThrow(() -> new Refusal(FeedMessageResult.ORDER_NOT_FOUND,
                "AmazonOrderID " + orderId + " is not an order of merchant " + feed.sellerId() + "."));
        String action = FeedXmlReader.text(body, "ActionType").orElse("");
        if (!action.equals("Refund")) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "ActionType must be Refund, not '" + action + "'.");
        }
        if (order.status() != FulfillmentStatus.SHIPPED && order.status() != FulfillmentStatus.PARTIALLY_SHIPPED) {
            throw new Refusal(FeedMessageResult.WRONG_ORDER_STATE, "Order " + orderId + " is " + order.status()
                    + ": only a shipped order can be refunded; cancel it instead.");
        }
        List<SandboxRefund> earlier = activity.refundsOf(orderId);
        if (!earlier.isEmpty()) {
            SandboxRefund first = earlier.get(0);
            throw new Refusal(FeedMessageResult.ALREADY_REFUNDED, "Order " + orderId + " already refunded (feed "
                    + first.feedId() + ", message " + first.messageId() + ", " + first.total().toPlainString() + " " + order.currency() + ").");
        }
        List<Element> adjusted = FeedXmlReader.children(body, "AdjustedItem");
        if (adjusted.isEmpty()) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "A refund needs at least one AdjustedItem.");
        }
        List<SandboxRefund.AdjustedItem> items = new ArrayList<>();
        for (Element item : adjusted) {
            items.add(item(order, item));
        }
        activity.refunded(new SandboxRefund(orderId, feed.feedId(), message.messageId(), items, clock.now()));
    }

    private static SandboxRefund.AdjustedItem item(SandboxOrder order, Element item) {
        String code = FeedXmlReader.text(item, "AmazonOrderItemCode")
                .orElseThrow(() -> new Refusal(FeedMessageResult.INVALID_VALUE, "AdjustedItem needs an AmazonOrderItemCode."));
        SandboxOrderItem ordered = order.item(code).orElseThrow(() -> new Refusal(FeedMessageResult.ITEM_NOT_IN_ORDER,
                "AmazonOrderItemCode " + code + " is not an item of order " + order.orderId() + "."));
        String reason = FeedXmlReader.text(item, "AdjustmentReason").orElse("");
        if (!ADJUSTMENT_REASONS.contains(reason)) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "AdjustmentReason '" + reason + "' of item " + code
                    + " is not one of Amazon's values " + ADJUSTMENT_REASONS.stream().sorted().toList() + ".");
        }
        List<Element> components = FeedXmlReader.child(item, "ItemPriceAdjustments")
                .map(e -> FeedXmlReader.children(e, "Component")).orElse(List.of());
        if (components.isEmpty()) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Item " + code + " needs ItemPriceAdjustments with at least one Component.");
        }
        List<SandboxRefund.Component> read = new ArrayList<>();
        for (Element component : components) {
            read.add(component(order, code, component));
        }
        BigDecimal principal = read.stream().filter(c -> c.type().equals("Principal")).map(SandboxRefund.Component::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (principal.compareTo(ordered.total()) > 0) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Principal " + principal.toPlainString() + " of item " + code
                    + " exceeds its price " + ordered.total().toPlainString() + " " + order.currency() + ".");
        }
        return new SandboxRefund.AdjustedItem(code, reason, read);
    }

    private static SandboxRefund.Component component(SandboxOrder order, String code, Element component) {
        String type = FeedXmlReader.text(component, "Type").orElse("");
        if (!COMPONENT_TYPES.contains(type)) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Component Type '" + type + "' of item " + code
                    + " is not one of Amazon's values " + COMPONENT_TYPES.stream().sorted().toList() + ".");
        }
        Element amount = FeedXmlReader.child(component, "Amount")
                .orElseThrow(() -> new Refusal(FeedMessageResult.INVALID_VALUE, "Component " + type + " of item " + code + " has no Amount."));
        String currency = amount.getAttribute("currency");
        if (currency.isBlank()) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Amount of " + type + " of item " + code + " needs a currency attribute.");
        }
        if (!currency.equals(order.currency())) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Amount of " + type + " of item " + code + " is in " + currency
                    + ", the order is in " + order.currency() + ".");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.getTextContent().trim());
        } catch (NumberFormatException e) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Amount of " + type + " of item " + code + " is not a number.");
        }
        if (value.signum() <= 0) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "Amount of " + type + " of item " + code + " must be positive, not "
                    + value.toPlainString() + ".");
        }
        return new SandboxRefund.Component(type, value, currency);
    }
}
