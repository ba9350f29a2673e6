package it.ponte.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Reads a request body as one JSON object and nothing after it: {@code {"mode":"TOTAL"} garbage} is a 400, not a
 * started run. Missing or over-long fields are named in the problem document.
 */
@Component
class JsonRequests {

    private final ObjectReader reader;
    private final ApiMessages messages;

    JsonRequests(ObjectMapper json, ApiMessages messages) {
        // {"mode":"PARTIAL","mode":"TOTAL"} is ambiguous: refused rather than read as the last one
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.messages = messages;
    }

    JsonNode object(String body) {
        JsonNode node;
        try {
            node = reader.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw ApiProblem.badRequest(messages.text("api.notJson"));
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest(messages.text("api.notJsonObject"));
        }
        return node;
    }

    /** A required text field, trimmed, at most {@code maxLength} characters (the shop's column width). */
    String required(JsonNode request, String field, int maxLength) {
        String value = request.path(field).asText("").trim();
        if (value.isEmpty()) {
            throw ApiProblem.badRequest(messages.text("api.fieldRequired", field));
        }
        if (value.length() > maxLength) {
            throw ApiProblem.badRequest(messages.text("api.fieldTooLong", field, maxLength));
        }
        return value;
    }

    String text(String key, Object... args) {
        return messages.text(key, args);
    }
}
