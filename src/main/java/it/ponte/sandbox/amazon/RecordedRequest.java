package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulated Amazon received, as the client sent it: {@code query} is the raw, still encoded
 * query string; secrets in {@code headers} and {@code form} are masked.
 */
public record RecordedRequest(Instant receivedAt, String method, String path, String query,
                              Map<String, List<String>> headers, Map<String, List<String>> form, int status) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
