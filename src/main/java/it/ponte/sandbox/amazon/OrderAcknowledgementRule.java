package it.ponte.sandbox.amazon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * {@code OrderAcknowledgement} with {@code StatusCode} Failure: the seller cancels the order (or the named items).
 * Amazon refuses it for an order of someone else, items not in the order, a reason outside its list, or an order
 * already shipped; an order already cancelled only earns a warning. {@code StatusCode} Success merely acknowledges.
 */
@Component
@Profile("sandbox")
class OrderAcknowledgementRule implements FeedMessageRule {

    static final Set<String> CANCEL_REASONS = Set.of("NoInventory", "ShippingAddressUndeliverable", "CustomerExchange",
            "BuyerCanceled", "GeneralAdjustment", "CarrierCreditDecision", "RiskAssessmentInformationNotValid",
            "CarrierCoverageFailure", "CustomerReturn", "MerchandiseNotReceived");

    private final SandboxOrderStore store;
    private final SandboxOrderActivity activity;
    private final AmazonSandboxClock clock;

    OrderAcknowledgementRule(SandboxOrderStore store, SandboxOrderActivity activity, AmazonSandboxClock clock) {
        this.store = store;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String messageType() {
        return "OrderAcknowledgement";
    }

    @Override
    public Optional<FeedMessageResult> apply(Feed feed, FeedEnvelope.Message message) {
        try {
            return cancel(feed, message);
        } catch (Refusal refusal) {
            return Optional.of(refusal.toResult(message.messageId()));
        }
    }

    private Optional<FeedMessageResult> cancel(Feed feed, FeedEnvelope.Message message) {
        Element body = message.body();
        String orderId = FeedXmlReader.text(body, "AmazonOrderID")
                .orElseThrow(() -> new Refusal(FeedMessageResult.INVALID_VALUE, "AmazonOrderID is required."));
        SandboxOrder order = store.find(feed.sellerId(), orderId).orElseThrow(() -> new Refusal(FeedMessageResult.ORDER_NOT_FOUND,
                "AmazonOrderID " + orderId + " is not an order of merchant " + feed.sellerId() + "."));
        String statusCode = FeedXmlReader.text(body, "StatusCode").orElse("");
        if (statusCode.equals("Success")) {
            return Optional.empty();
        }
        if (!statusCode.equals("Failure")) {
            throw new Refusal(FeedMessageResult.INVALID_VALUE, "StatusCode must be Success or Failure, not '" + statusCode + "'.");
        }
        List<SandboxCancellation.CancelledItem> items = items(order, body);
        if (order.status() == FulfillmentStatus.SHIPPED || order.status() == FulfillmentStatus.PARTIALLY_SHIPPED) {
            throw new Refusal(FeedMessageResult.WRONG_ORDER_STATE, "Order " + orderId + " is " + order.status()
                    + ": a shipped order cannot be cancelled, refund it instead.");
        }
        if (order.status() == FulfillmentStatus.CANCELLED) {
            return Optional.of(FeedMessageResult.warning(message.messageId(), FeedMessageResult.ALREADY_CANCELLED,
                    "Order " + orderId + " was already cancelled; nothing changed."));
        }
        Set<String> named = items.stream().map(SandboxCancellation.CancelledItem::orderItemId).collect(Collectors.toSet());
        boolean wholeOrder = items.isEmpty() || order.items().stream().allMatch(i -> named.contains(i.orderItemId()));
        activity.cancelled(new SandboxCancellation(orderId, feed.feedId(), message.messageId(), items, wholeOrder, clock.now()));
        if (wholeOrder) {
            store.changeStatus(orderId, FulfillmentStatus.CANCELLED, order.nextUpdateTime(clock.now()));
        }
        return Optional.empty();
    }

    private static List<SandboxCancellation.CancelledItem> items(SandboxOrder order, Element body) {
        List<SandboxCancellation.CancelledItem> items = new ArrayList<>();
        for (Element item : FeedXmlReader.children(body, "Item")) {
            String code = FeedXmlReader.text(item, "AmazonOrderItemCode")
                    .orElseThrow(() -> new Refusal(FeedMessageResult.INVALID_VALUE, "Item needs an AmazonOrderItemCode."));
            if (order.item(code).isEmpty()) {
                throw new Refusal(FeedMessageResult.ITEM_NOT_IN_ORDER,
                        "AmazonOrderItemCode " + code + " is not an item of order " + order.orderId() + ".");
            }
            String reason = FeedXmlReader.text(item, "CancelReason").orElse("");
            if (!CANCEL_REASONS.contains(reason)) {
                throw new Refusal(FeedMessageResult.INVALID_VALUE, "CancelReason '" + reason + "' of item " + code
                        + " is not one of Amazon's values " + CANCEL_REASONS.stream().sorted().toList() + ".");
            }
            items.add(new SandboxCancellation.CancelledItem(code, reason));
        }
        return items;
    }
}
