package it.ponte.amazon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.remote.FailureClass;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Login with Amazon access tokens, one cached per account and refreshed a margin before expiry, so a run asks LWA
 * once an hour rather than once a call. The {@code amazon-http} route calls {@link #authorize} as a step; the token
 * request itself goes out through the {@code amazon-lwa} route on camel-http. Credentials travel only in the form
 * body, never in a header, a log line or an exception.
 */
@Component("lwaTokenProvider")
public class LwaTokenProvider {

    public static final String LWA_ROUTE = "direct:amazon-lwa";
    public static final String ENDPOINT_PROPERTY = "lwaEndpoint";
    private static final String OPERATION = "LWA token";

    private final AmazonProperties properties;
    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();

    public LwaTokenProvider(AmazonProperties properties, ProducerTemplate camel, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.camel = camel;
        this.json = json;
        this.clock = clock;
    }

    /** LWA's answer to a good refresh token, as the {@code amazon-lwa} route unmarshals it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }

    /** The authorising step of an SP-API call: its account's token in {@code x-amz-access-token}. */
    public void authorize(@ExchangeProperty(SpApiCall.PROPERTY) SpApiCall call, Message message) {
        if (!call.isPresigned()) {
            message.setHeader(SpApiCalls.ACCESS_TOKEN_HEADER, accessToken(call.account()));
        }
    }

    public String accessToken(AmazonProperties.Account account) {
        AccessToken cached = cache.get(account.id());
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expiresAt().minus(properties.client().tokenRefreshMargin()))) {
            return cached.value();
        }
        AccessToken fresh = requestToken(account);
        cache.put(account.id(), fresh);
        return fresh.value();
    }

    /**
     * A fresh token from Login with Amazon, whatever is cached: the go-live check proves the refresh token works now
     * (one call), and the cache keeps the new token for the next run.
     */
    public String renewedAccessToken(AmazonProperties.Account account) {
        invalidate(account.id());
        return accessToken(account);
    }

    /** Forgets the account's token, e.g. after Amazon answered 403 to it. */
    public void invalidate(String accountId) {
        cache.remove(accountId);
    }

    private AccessToken requestToken(AmazonProperties.Account account) {
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
        Exchange answer = camel.send(LWA_ROUTE, exchange -> {
            exchange.setProperty(ENDPOINT_PROPERTY, properties.lwaEndpoint());
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded;charset=UTF-8");
            exchange.getMessage().setHeader("Accept", "application/json");
            exchange.getMessage().setBody(body);
        });
        if (answer.getException() != null) {
            Throwable cause = answer.getException();
            String unreadable = unreadableAnswer(cause);
            if (unreadable != null) {
                // an answer came, one that cannot be read or is too large: asking again brings the same (permanent)
                throw new SpApiException(account.id(), OPERATION, 200, "UnreadableAnswer", "Login with Amazon at " + properties.lwaEndpoint()
                        + ": " + unreadable, FailureClass.PERMANENT, null, cause);
            }
            throw new SpApiException(account.id(), OPERATION, 0, "IOError", "Login with Amazon at " + properties.lwaEndpoint()
                    + " not reachable (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")",
                    cause instanceof IOException || cause.getCause() instanceof IOException ? FailureClass.TRANSIENT : FailureClass.PERMANENT,
                    null, cause);
        }
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int code = status == null ? 0 : status;
        Object result = answer.getMessage().getBody();
        if (code == 200 && result instanceof TokenAnswer token && token.accessToken() != null) {
            long expiresIn = token.expiresIn() == null ? 3600 : token.expiresIn();
            return new AccessToken(token.accessToken(), clock.instant().plusSeconds(expiresIn));
        }
        JsonNode error = parse(answer.getMessage().getBody(String.class));
        String errorCode = error.path("error").asText("");
        if (!errorCode.isEmpty() && (code == 400 || code == 401)) {
            throw new AmazonAuthorizationException(account.id(), code, errorCode, error.path("error_description").asText(null));
        }
        boolean transientFailure = code == 429 || code >= 500;
        throw new SpApiException(account.id(), OPERATION, code, errorCode.isEmpty() ? null : errorCode,
                "Login with Amazon at " + properties.lwaEndpoint() + " did not answer with a token (ponte.amazon.lwa-endpoint)",
                transientFailure, null);
    }

    private static String unreadableAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof it.ponte.remote.AnswerTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                return it.ponte.remote.FailurePolicy.unreadable(json);
            }
        }
        return null;
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
