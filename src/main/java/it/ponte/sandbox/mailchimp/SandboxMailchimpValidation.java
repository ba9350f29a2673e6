package it.ponte.sandbox.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Mailchimp's checks on a submitted resource: required fields and their types, collected as {@code errors[{field,message}]}. */
final class SandboxMailchimpValidation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Set<String> FINANCIAL = Set.of("paid", "pending", "refunded", "cancelled");
    static final Set<String> FULFILLMENT = Set.of("shipped");

    private final List<Map<String, String>> errors = new ArrayList<>();
    private final JsonNode body;

    private SandboxMailchimpValidation(JsonNode body) {
        this.body = body;
        if (body == null || !body.isObject()) {
            throw SandboxMailchimpProblem.badRequest("We encountered an unspecified JSON parsing error.");
        }
    }

    static SandboxMailchimpValidation of(JsonNode body) {
        return new SandboxMailchimpValidation(body);
    }

    SandboxMailchimpValidation requiredString(String field) {
        return requiredString(body, field, field);
    }

    SandboxMailchimpValidation requiredString(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            missing(path);
        } else if (!value.isTextual() || value.asText().isBlank()) {
            error(path, "Schema describes string, " + type(value) + " found instead");
        }
        return this;
    }

    SandboxMailchimpValidation requiredBoolean(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            missing(path);
        } else if (!value.isBoolean()) {
            error(path, "Schema describes boolean, " + type(value) + " found instead");
        }
        return this;
    }

    SandboxMailchimpValidation requiredNumber(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            missing(path);
        } else {
            optionalNumber(node, field, path);
        }
        return this;
    }

    SandboxMailchimpValidation optionalNumber(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isNumber()) {
            error(path, "Schema describes number, " + type(value) + " found instead");
        }
        return this;
    }

    SandboxMailchimpValidation optionalBoolean(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            error(path, "Schema describes boolean, " + type(value) + " found instead");
        }
        return this;
    }

    SandboxMailchimpValidation email(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && !EMAIL.matcher(value.asText()).matches()) {
            error(path, "Please provide a valid email address.");
        }
        return this;
    }

    SandboxMailchimpValidation currency(String field) {
        JsonNode value = body.get(field);
        if (value != null && value.isTextual()) {
            try {
                Currency.getInstance(value.asText());
            } catch (IllegalArgumentException e) {
                error(field, "The currency code is not a valid ISO 4217 code.");
            }
        }
        return this;
    }

    SandboxMailchimpValidation oneOf(String field, Set<String> allowed) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !allowed.contains(value.asText())) {
            error(field, "Value must be one of: " + String.join(", ", allowed));
        }
        return this;
    }

    /** {@code lines} (orders, carts) or {@code variants} (products): a non-empty array of objects. */
    List<JsonNode> requiredArray(String field) {
        JsonNode value = body.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            missing(field);
        } else if (!value.isArray()) {
            error(field, "Schema describes array, " + type(value) + " found instead");
        } else if (value.isEmpty()) {
            error(field, "Required fields were not provided: " + field);
        } else {
            value.forEach(items::add);
        }
        return items;
    }

    void lines(List<JsonNode> lines) {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String p = "lines." + i + ".";
            requiredString(line, "id", p + "id");
            requiredString(line, "product_id", p + "product_id");
            requiredString(line, "product_variant_id", p + "product_variant_id");
            JsonNode quantity = line.get("quantity");
            if (quantity == null || quantity.isNull()) {
                missing(p + "quantity");
            } else if (!quantity.isIntegralNumber()) {
                error(p + "quantity", "Schema describes integer, " + type(quantity) + " found instead");
            }
            requiredNumber(line, "price", p + "price");
        }
    }

    void check() {
        if (!errors.isEmpty()) {
            throw SandboxMailchimpProblem.invalid(errors);
        }
    }

    private void missing(String path) {
        error(path, "This value should not be blank.");
    }

    private void error(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    private static String type(JsonNode v) {
        return v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isArray() ? "array" : v.isObject() ? "object" : "null";
    }
}
