package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code confirmShipment} body as ordersV0's {@code ConfirmShipmentRequest} defines it, refusing what Amazon
 * refuses with a message naming the field: a client learns what it got wrong from the 400, not from guessing.
 * Checks against the order itself (its items and quantities) belong to {@link SandboxShipments}.
 */
final class ConfirmShipmentReader {

    static final String OTHER_CARRIER = "Other";

    private final ObjectMapper json;

    ConfirmShipmentReader(ObjectMapper json) {
        this.json = json;
    }

    ShipmentConfirmation read(String orderId, String body) {
        JsonNode root = SpApiRequestBody.object(json, body);
        String marketplaceId = requiredText(root, "marketplaceId", "marketplaceId");
        JsonNode pkg = root.path("packageDetail");
        if (!pkg.isObject()) {
            throw SpApiException.invalidInput("packageDetail is required.");
        }
        String packageReferenceId = requiredText(pkg, "packageReferenceId", "packageDetail.packageReferenceId");
        if (!isPositiveNumber(packageReferenceId)) {
            throw SpApiException.invalidInput("packageDetail.packageReferenceId must be a positive number, not '" + packageReferenceId + "'.");
        }
        String carrierCode = requiredText(pkg, "carrierCode", "packageDetail.carrierCode");
        String carrierName = optionalText(pkg, "carrierName");
        if (OTHER_CARRIER.equalsIgnoreCase(carrierCode) && carrierName == null) {
            throw SpApiException.invalidInput("packageDetail.carrierName is required when carrierCode is 'Other'.");
        }
        String trackingNumber = requiredText(pkg, "trackingNumber", "packageDetail.trackingNumber");
        Instant shipDate = shipDate(requiredText(pkg, "shipDate", "packageDetail.shipDate"));
        return new ShipmentConfirmation(orderId, marketplaceId, packageReferenceId, carrierCode, carrierName,
                optionalText(pkg, "shippingMethod"), trackingNumber, shipDate, items(pkg.path("orderItems")), null);
    }

    private static List<ShipmentConfirmation.Item> items(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw SpApiException.invalidInput("packageDetail.orderItems is required and must list at least one item.");
        }
        List<ShipmentConfirmation.Item> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "packageDetail.orderItems[" + i + "]";
            String orderItemId = requiredText(item, "orderItemId", field + ".orderItemId");
            JsonNode quantity = item.path("quantity");
            if (!quantity.isIntegralNumber()) {
                throw SpApiException.invalidInput(field + ".quantity is required and must be an integer.");
            }
            if (quantity.asInt() <= 0) {
                throw SpApiException.invalidInput(field + ".quantity must be greater than 0, not " + quantity.asInt() + ".");
            }
            items.add(new ShipmentConfirmation.Item(orderItemId, quantity.asInt()));
        }
        return items;
    }

    private static Instant shipDate(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw SpApiException.invalidInput("packageDetail.shipDate must be an ISO 8601 date-time, not '" + value + "'.");
        }
    }

    private static boolean isPositiveNumber(String value) {
        return value.matches("\\d{1,18}") && new BigInteger(value).signum() > 0;
    }

    private static String requiredText(JsonNode parent, String name, String path) {
        return SpApiRequestBody.requiredText(parent, name, path);
    }

    /** Optional fields all sit in packageDetail. */
    private static String optionalText(JsonNode parent, String name) {
        return SpApiRequestBody.text(parent, name, "packageDetail." + name);
    }
}
