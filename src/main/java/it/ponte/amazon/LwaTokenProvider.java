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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Login with Amazon access tokens, one cached per account and refreshed a margin before expiry, so a run
 * asks LWA once an hour rather than once a call. Credentials are sent only in the form body.
 */
@Component
public class LwaTokenProvider {

    private final AmazonProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();

    public LwaTokenProvider(AmazonProperties properties, HttpClient amazonHttpClient, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.http = amazonHttpClient;
        this.json = json;
        this.clock = clock;
    }

    public String accessToken(AmazonProperties.Account account) throws IOException, InterruptedException {
        AccessToken cached = cache.get(account.id());
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expiresAt().minus(properties.client().tokenRefreshMargin()))) {
            return cached.value();
        }
        AccessToken fresh = requestToken(account);
        cache.put(account.id(), fresh);
        return fresh.value();
    }

    /** Forgets the account's token, e.g. after Amazon answered 403 to it. */
    public void invalidate(String accountId) {
        cache.remove(accountId);
    }

    private AccessToken requestToken(AmazonProperties.Account account) throws IOException, InterruptedException {
        if (!account.lwa().isConfigured()) {
            throw new AmazonAuthorizationException(account.id(), 0, "missing_credentials",
                    "ponte.amazon.accounts[].lwa.client-id, client-secret and refresh-token are required");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", account.lwa().refreshToken());
        form.put("client_id", account.lwa().clientId());
        form.put("client_secret", account.lwa().clientSecret());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.lwaEndpoint()))
                .timeout(properties.client().requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200 && answer.hasNonNull("access_token")) {
            long expiresIn = answer.path("expires_in").asLong(3600);
            return new AccessToken(answer.get("access_token").asText(), clock.instant().plusSeconds(expiresIn));
        }
        String error = answer.path("error").asText("");
        if (!error.isEmpty() && (response.statusCode() == 400 || response.statusCode() == 401)) {
            throw new AmazonAuthorizationException(account.id(), response.statusCode(), error.isEmpty() ? "unauthorized" : error,
                    answer.path("error_description").asText(null));
        }
        boolean transientFailure = response.statusCode() == 429 || response.statusCode() >= 500;
        throw new SpApiException(account.id(), "LWA token", response.statusCode(), error,
                "Login with Amazon at " + properties.lwaEndpoint() + " did not answer with a token (ponte.amazon.lwa-endpoint)",
                transientFailure, null);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private record AccessToken(String value, Instant expiresAt) {
    }
}
