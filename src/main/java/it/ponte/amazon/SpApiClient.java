package it.ponte.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One SP-API call done right: paced by the account's token bucket, authenticated with the cached LWA token,
 * retried with exponential backoff and full jitter on 429, 5xx and I/O errors (never on 400-class answers),
 * and failed with an exception that names the account and the operation.
 */
@Component
public class SpApiClient {

    private static final Logger log = LoggerFactory.getLogger(SpApiClient.class);
    private static final String RATE_HEADER = "x-amzn-RateLimit-Limit";

    private final AmazonProperties properties;
    private final HttpClient http;
    private final LwaTokenProvider tokens;
    private final SpApiRateLimiter limiter;
    private final ObjectMapper json;

    public SpApiClient(AmazonProperties properties, HttpClient amazonHttpClient, LwaTokenProvider tokens,
                       SpApiRateLimiter limiter, ObjectMapper json) {
        this.properties = properties;
        this.http = amazonHttpClient;
        this.tokens = tokens;
        this.limiter = limiter;
        this.json = json;
    }

    /** A call's answer: status and body (JSON text, possibly empty). */
    public record Answer(int status, String body) {
    }

    public Answer get(AmazonProperties.Account account, SpApiOperation operation, String path, Map<String, List<String>> query) {
        return call(account, operation, "GET", path, query, null);
    }

    public Answer post(AmazonProperties.Account account, SpApiOperation operation, String path, String jsonBody) {
        return call(account, operation, "POST", path, Map.of(), jsonBody);
    }

    /** Query string with every value encoded: timestamps carry '+' and tokens carry '/', '+' and '='. */
    public static String queryString(Map<String, List<String>> query) {
        return query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(String.join(",", e.getValue())))
                .collect(Collectors.joining("&"));
    }

    private Answer call(AmazonProperties.Account account, SpApiOperation operation, String method, String path,
                        Map<String, List<String>> query, String body) {
        AmazonProperties.Client policy = properties.client();
        String qs = queryString(query);
        URI uri = URI.create(stripSlash(account.endpoint()) + path + (qs.isEmpty() ? "" : "?" + qs));
        boolean tokenRetried = false;
        for (int attempt = 1; ; attempt++) {
            int status = 0;
            String failure;
            try {
                limiter.acquire(account.id(), operation);
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .timeout(policy.requestTimeout())
                        .header("x-amz-access-token", tokens.accessToken(account))
                        .header("Accept", "application/json")
                        .header("User-Agent", "Ponte/0.1 (Language=Java)");
                if (body != null) {
                    request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                response.headers().firstValue(RATE_HEADER).ifPresent(rate -> observe(account, operation, rate));
                if (status >= 200 && status < 300) {
                    return new Answer(status, response.body());
                }
                ErrorInfo error = errorOf(response.body());
                if (status == 403 && !tokenRetried) {
                    // An access token revoked or expired early: fetch a new one once before giving up.
                    tokens.invalidate(account.id());
                    tokenRetried = true;
                    attempt--;
                    continue;
                }
                boolean retriable = status == 429 || status >= 500;
                if (!retriable || attempt >= policy.maxAttempts()) {
                    throw new SpApiException(account.id(), operation.operationId(), status, error.code(), error.message(), retriable, null);
                }
                failure = "HTTP " + status + " " + error.code();
            } catch (AmazonAuthorizationException e) {
                throw e;
            } catch (SpApiException e) {
                if (!e.isTransient() || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                failure = e.getMessage();
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new SpApiException(account.id(), operation.operationId(), 0, "IOError", e.toString(), true, e);
                }
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpApiException(account.id(), operation.operationId(), 0, "Interrupted", "interrupted", true, e);
            }
            Duration pause = backoff(attempt, status == 429 ? limiter.rate(account.id(), operation) : 0);
            log.warn("Amazon {} for account {}: {}; attempt {}/{}, next in {} ms", operation.operationId(), account.id(),
                    failure, attempt, policy.maxAttempts(), pause.toMillis());
            sleep(pause, account, operation);
        }
    }

    /** Exponential backoff with full jitter; after a 429 never sooner than one token of the known rate. */
    Duration backoff(int attempt, double knownRate) {
        AmazonProperties.Client policy = properties.client();
        long ceiling = Math.min(policy.maxBackoff().toMillis(), policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        long floor = knownRate > 0 ? (long) Math.ceil(1000d / knownRate) : 0;
        return Duration.ofMillis(Math.max(jittered, Math.min(floor, policy.maxBackoff().toMillis() * 5)));
    }

    private void observe(AmazonProperties.Account account, SpApiOperation operation, String header) {
        try {
            limiter.observeRate(account.id(), operation, Double.parseDouble(header.trim()));
        } catch (NumberFormatException ignored) {
            // A malformed header is no reason to fail the call; keep the last known rate.
        }
    }

    private ErrorInfo errorOf(String body) {
        try {
            JsonNode first = json.readTree(body == null || body.isBlank() ? "{}" : body).path("errors").path(0);
            return new ErrorInfo(first.path("code").asText("Unknown"), first.path("message").asText("no error message"));
        } catch (IOException e) {
            return new ErrorInfo("Unknown", "unreadable error body");
        }
    }

    private static void sleep(Duration pause, AmazonProperties.Account account, SpApiOperation operation) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException(account.id(), operation.operationId(), 0, "Interrupted", "interrupted while backing off", true, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private record ErrorInfo(String code, String message) {
    }
}
