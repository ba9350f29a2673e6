package it.ponte.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Puts {@link RandomFaults} in front of a simulated remote: before the call is carried out (429 with or without
 * Retry-After, 500, 503, a connection closed mid-answer), or after (an answer later than the client's read timeout, a
 * JSON answer cut short, a field of the wrong type). Error bodies are the remote's own ({@code errorBody}).
 */
public final class RandomFaultFilter extends OncePerRequestFilter {

    private final RandomFaults faults;
    private final IntFunction<String> errorBody;
    private final ObjectMapper json = new ObjectMapper();

    public RandomFaultFilter(RandomFaults faults, IntFunction<String> errorBody) {
        this.faults = faults;
        this.errorBody = errorBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String call = request.getMethod() + " " + request.getRequestURI();
        Optional<RandomFaultKind> fault = faults.roll(call, true);
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RandomFaultKind kind = fault.get();
        switch (kind) {
            case TOO_MANY_REQUESTS -> refuse(response, kind, 429, false);
            case TOO_MANY_REQUESTS_RETRY_AFTER -> refuse(response, kind, 429, true);
            case SERVER_ERROR -> refuse(response, kind, 500, false);
            case UNAVAILABLE -> refuse(response, kind, 503, false);
            case CONNECTION_RESET -> {
                faults.injected(kind);
                // the headers promise more than ever comes, then the connection closes: the client's read ends early
                response.setStatus(200);
                response.setContentType("application/json");
                response.setHeader("Connection", "close");
                response.setContentLength(4096);
                response.getOutputStream().write("{\"payload\":{\"".getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
            }
            case READ_TIMEOUT -> {
                ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, held);
                faults.injected(kind);
                sleep(faults.settings().stallMillis());
                try {
                    held.copyBodyToResponse();
                } catch (IOException clientGone) {
                    // the client stopped waiting: that is the fault
                }
            }
            case TRUNCATED_JSON, WRONG_TYPE -> {
                ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, held);
                byte[] body = held.getContentAsByteArray();
                String type = held.getContentType();
                byte[] spoiled = held.getStatus() / 100 == 2 && body.length > 2 && type != null && type.contains("json")
                        ? spoil(kind, body, call) : null;
                if (spoiled == null) {
                    held.copyBodyToResponse();
                    return;
                }
                faults.injected(kind);
                response.setContentLength(spoiled.length);
                response.getOutputStream().write(spoiled);
                response.flushBuffer();
            }
            default -> chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletResponse response, RandomFaultKind kind, int status, boolean retryAfter) throws IOException {
        faults.injected(kind);
        response.setStatus(status);
        if (retryAfter) {
            response.setHeader("Retry-After", String.valueOf(faults.settings().retryAfterSeconds()));
        }
        response.setContentType("application/json");
        byte[] body = errorBody.apply(status).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] spoil(RandomFaultKind kind, byte[] body, String call) {
        if (kind == RandomFaultKind.TRUNCATED_JSON) {
            return Arrays.copyOf(body, body.length / 2);
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        List<Leaf> leaves = new ArrayList<>();
        collect(tree, leaves);
        if (leaves.isEmpty()) {
            return null;
        }
        Leaf leaf = leaves.get((int) Math.floorMod(faults.detail(call), (long) leaves.size()));
        JsonNode value = leaf.parent().get(leaf.name());
        if (value.isTextual()) {
            leaf.parent().putObject(leaf.name()).put("unexpected", value.asText());
        } else {
            leaf.parent().put(leaf.name(), "not a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, List<Leaf> leaves) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    leaves.add(new Leaf(object, e.getKey()));
                } else {
                    collect(e.getValue(), leaves);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collect(child, leaves));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Leaf(ObjectNode parent, String name) {
    }
}
