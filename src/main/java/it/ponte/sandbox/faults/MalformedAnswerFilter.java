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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Puts {@link MalformedAnswers} in front of a simulated remote: the request is carried out, then its answer is
 * replaced by the malformed one the matching rule asks for. A field rule spoils only 2xx JSON answers that have the
 * field; the other kinds replace any answer.
 */
public final class MalformedAnswerFilter extends OncePerRequestFilter {

    private static final int CHUNK = 64 * 1024;

    private final MalformedAnswers answers;
    private final ObjectMapper json = new ObjectMapper();

    public MalformedAnswerFilter(MalformedAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<MalformedAnswers.Rule> rule = answers.take(request.getMethod(), request.getRequestURI());
        if (rule.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        byte[] body = held.getContentAsByteArray();
        MalformedAnswers.Rule r = rule.get();
        try {
            switch (r.kind()) {
                case HTML -> replace(response, "text/html;charset=UTF-8",
                        "<html><head><title>Service</title></head><body><h1>Temporarily degraded</h1></body></html>".getBytes(StandardCharsets.UTF_8));
                case EMPTY -> replace(response, "application/json", new byte[0]);
                case HUGE_BODY -> huge(response, body, r.size());
                default -> {
                    byte[] spoiled = held.getStatus() / 100 == 2 ? spoil(r, body) : null;
                    if (spoiled == null) {
                        held.copyBodyToResponse();
                        return;
                    }
                    replace(response, "application/json", spoiled);
                }
            }
        } catch (IOException clientGone) {
            // the client stopped reading (a huge answer it refused): that is the point of the switch
        }
    }

    private void replace(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        answers.injected();
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** {"padding":"xxx…", then the real answer's fields: streamed, with no Content-Length, so only reading tells its size. */
    private void huge(HttpServletResponse response, byte[] body, long size) throws IOException {
        answers.injected();
        response.setStatus(200);
        response.setContentType("application/json");
        OutputStream out = response.getOutputStream();
        out.write("{\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
        for (long left = size; left > 0; left -= CHUNK) {
            out.write(chunk, 0, (int) Math.min(CHUNK, left));
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{") && text.length() > 2) {
            out.write(("\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8));
        } else {
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        response.flushBuffer();
    }

    private byte[] spoil(MalformedAnswers.Rule rule, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (tree == null) {
            return null;
        }
        List<ObjectNode> parents = new ArrayList<>();
        String[] steps = rule.field().split("\\.");
        collect(tree, steps, 0, parents);
        String name = steps[steps.length - 1];
        boolean spoiled = false;
        for (ObjectNode parent : parents) {
            if (!parent.has(name)) {
                continue;
            }
            JsonNode value = parent.get(name);
            switch (rule.kind()) {
                case MISSING_FIELD -> parent.remove(name);
                case NULL_FIELD -> parent.putNull(name);
                case WRONG_TYPE -> {
                    if (value.isTextual()) {
                        parent.putObject(name).put("unexpected", value.asText());
                    } else {
                        parent.put(name, "not a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                default -> throw new IllegalStateException(rule.kind().name());
            }
            spoiled = true;
        }
        if (!spoiled) {
            return null;
        }
        try {
            answers.injected();
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            return null;
        }
    }

    /** The objects that hold the path's last step: {@code *} walks every element of an array. */
    private static void collect(JsonNode node, String[] steps, int at, List<ObjectNode> parents) {
        if (at == steps.length - 1) {
            if (node instanceof ObjectNode object) {
                parents.add(object);
            } else if (node instanceof ArrayNode array) {
                array.forEach(child -> collect(child, steps, at, parents));
            }
            return;
        }
        if ("*".equals(steps[at])) {
            node.forEach(child -> collect(child, steps, at + 1, parents));
        } else if (node.has(steps[at])) {
            collect(node.get(steps[at]), steps, at + 1, parents);
        }
    }
}
