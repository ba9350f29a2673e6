package it.ponte.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** A batch's values as one JSON array, bound as one parameter and read by the statement with JSON_TABLE. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a batch as JSON", e);
        }
    }

    /** {@code [{"id": 1, "code": "501.00001"}, …]} */
    static String idsAndCodes(Map<Long, String> codes) {
        return write(codes.entrySet().stream().map(e -> Map.<String, Object>of("id", e.getKey(), "code", e.getValue())).toList());
    }

}
