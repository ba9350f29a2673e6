package it.ponte.api;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What the API's beans ask of a request body the REST binding read into its declared type ({@link RestJsonDataFormat}
 * already refused what is not one JSON object of that type): the body itself, an empty one when none was sent, and its
 * required text fields, trimmed and within the shop's column widths. Refusals are 400 problem documents naming the
 * field, in the caller's language.
 */
@Component
class JsonRequests {

    /** The bound body; {@code empty} when the request had none (a bodiless POST is not bound). */
    <T> T body(Object body, Class<T> type, Supplier<T> empty) {
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (body == null || body instanceof String text && text.isBlank() || body instanceof byte[] bytes && bytes.length == 0) {
            return empty.get();
        }
        throw ApiProblem.badRequestKey("api.notJsonObject");
    }

    /** A required text field, trimmed, at most {@code maxLength} characters (the shop's column width). */
    String required(String value, String field, int maxLength) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw ApiProblem.badRequestKey("api.fieldRequired", field);
        }
        if (trimmed.length() > maxLength) {
            throw ApiProblem.badRequestKey("api.fieldTooLong", field, maxLength);
        }
        return trimmed;
    }
}
