package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Real HTTP calls to the sandbox Amazon, as a client would make them, for the tests. */
public final class SandboxAmazonHttp {

    public static final String MAIN_REFRESH_TOKEN = "Atzr|sandbox-refresh-it-main";
    public static final String OTHER_REFRESH_TOKEN = "Atzr|sandbox-refresh-other";
    public static final String CLIENT_ID = "amzn1.application-oa2-client.ponte-sandbox";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    public static final String ORDERS = "/sandbox/amazon/sp-api/orders/2026-01-01/orders";
    public static final String ORDERS_V0 = "/sandbox/amazon/sp-api/orders/v0/orders";
    public static final String FEEDS = "/sandbox/amazon/sp-api/feeds/2021-06-30";
    public static final String FEED_CONTENT_TYPE = "text/xml; charset=UTF-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public SandboxAmazonHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> lwa(String refreshToken, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/amazon/lwa/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public String accessToken(String refreshToken) {
        HttpResponse<String> response = lwa(refreshToken, CLIENT_ID, CLIENT_SECRET);
        if (response.statusCode() != 200) {
            throw new AssertionError("LWA refused " + refreshToken + ": " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    public String mainToken() {
        return accessToken(MAIN_REFRESH_TOKEN);
    }

    /** GET of an SP-API path with a query built from already URL-encoded parts; the token may be null. */
    public HttpResponse<String> get(String pathAndRawQuery, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndRawQuery)).GET();
        if (accessToken != null) {
            request.header("x-amz-access-token", accessToken);
        }
        return send(request.build());
    }

    public HttpResponse<String> searchOrders(String accessToken, Map<String, String> params) {
        return get(ORDERS + "?" + query(params), accessToken);
    }

    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** An SP-API call with a JSON body (or none) and the access token (or none). */
    public HttpResponse<String> spApi(String method, String path, String accessToken, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("x-amz-access-token", accessToken);
        }
        return send(request.build());
    }

    /** PUT of a feed to a presigned URL, as a client uploads it; the token is added only to show S3 refusing it. */
    public HttpResponse<String> upload(String presignedUrl, String contentType, String xml, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(presignedUrl)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
        if (accessToken != null) {
            request.header("x-amz-access-token", accessToken);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> download(String presignedUrl) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(presignedUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
