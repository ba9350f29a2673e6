package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an SP-API request body as Amazon does: anything but a JSON object is a 400 InvalidInput, never a 500. */
final class SpApiRequestBody {

    private SpApiRequestBody() {
    }

    static JsonNode object(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw SpApiException.invalidInput("The request body is required.");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw SpApiException.invalidInput("The request body must be a JSON object.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw SpApiException.invalidInput("The request body is not valid JSON.");
        }
    }

    /** A string field's value; null when missing, null or blank; 400 when it is not a string. */
    static String text(JsonNode parent, String name, String path) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw SpApiException.invalidInput(path + " must be a string.");
        }
        return node.asText().isBlank() ? null : node.asText();
    }

    static String requiredText(JsonNode parent, String name, String path) {
        String value = text(parent, name, path);
        if (value == null) {
            throw SpApiException.invalidInput(path + " is required.");
        }
        return value;
    }
}
