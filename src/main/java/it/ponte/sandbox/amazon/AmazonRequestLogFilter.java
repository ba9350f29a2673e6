package it.ponte.sandbox.amazon;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** Records the requests to the simulated SP-API, LWA and feed document URLs, with their secrets masked, before their answer leaves. */
@Component
@Profile("sandbox")
public class AmazonRequestLogFilter extends OncePerRequestFilter {

    static final String SP_API = "/sandbox/amazon/sp-api/";
    static final String LWA = "/sandbox/amazon/lwa/auth/";
    private static final Set<String> SECRET_HEADERS = Set.of("x-amz-access-token", "authorization", "cookie");
    private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "refresh_token", "code");

    private final AmazonRequestLog log;
    private final AmazonSandboxClock clock;

    public AmazonRequestLogFilter(AmazonRequestLog log, AmazonSandboxClock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith(SP_API) && !path.startsWith(LWA) && !path.startsWith(SandboxFeeds.UPLOAD_PATH)
                && !path.startsWith(SandboxFeeds.DOWNLOAD_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The answer is held back until the request is recorded, so a client that got its answer finds it in the log.
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            log.record(new RecordedRequest(clock.now(), request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    headers(request), form(request), held.getStatus()));
            held.copyBodyToResponse();
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String key = name.toLowerCase(Locale.ROOT);
            List<String> values = Collections.list(request.getHeaders(name));
            headers.put(key, SECRET_HEADERS.contains(key) ? values.stream().map(AmazonRequestLogFilter::mask).toList() : values);
        }
        return headers;
    }

    private static Map<String, List<String>> form(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name,
                SECRET_FIELDS.contains(name) ? List.of(values).stream().map(AmazonRequestLogFilter::mask).toList() : List.of(values)));
        return form;
    }

    /** Keeps the first characters so a test can tell which kind of token was sent, never the token itself. */
    private static String mask(String secret) {
        return secret.length() <= 5 ? "****" : secret.substring(0, 5) + "****";
    }
}
