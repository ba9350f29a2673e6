package it.ponte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real HTTP calls to Ponte on its loopback port. Calls to Ponte's own API and actuator carry the sandbox
 * administrator's credentials unless the request sets its own (see {@link #as}); the sandbox simulators get none.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** The sandbox's demo users (application-sandbox.yaml). */
    public static final String ADMIN = "amministratore:demo-admin";
    public static final String OPERATOR = "operatore:demo-operatore";
    public static final String VIEWER = "lettore:demo-lettore";

    private Http() {
    }

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public static HttpResponse<String> postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The Authorization header of a user given as "name:password". */
    public static String as(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request as it is, without adding credentials. */
    public static HttpResponse<String> anonymous(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> send(HttpRequest request) {
        String path = request.uri().getPath();
        boolean ponte = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
        if (ponte && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", as(ADMIN)).build();
        }
        return anonymous(request);
    }
}
