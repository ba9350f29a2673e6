package it.ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the API tried with what a careless or hostile caller sends: malformed JSON, wrong content types,
 * wrong field types, missing fields, a 10 MB body, unknown and odd ids, negative and huge limits, invalid enums and
 * dates, no credentials, the wrong role. None may answer 5xx, none may leak a stack trace or a class name.
 */
class BadInputSweepTest extends SyncTestBase {

    private static final List<String> GETS = List.of("/api/me", "/api/reports", "/api/mailchimp/parked", "/api/amazon/parked",
            "/api/erp/parked", "/api/amazon/held",
            "/api/config", "/api/amazon/accounts", "/api/sync/runs", "/api/sync/runs/{id}", "/api/orders", "/api/orders/{id}");
    private static final List<String> POSTS = List.of("/api/mailchimp/sync/customers", "/api/mailchimp/sync/products",
            "/api/mailchimp/sync/orders", "/api/mailchimp/parked/{id}/retry", "/api/amazon/parked/{id}/retry",
            "/api/erp/parked/{id}/retry",
            "/api/amazon/orders/{id}/cancel", "/api/amazon/orders/{id}/ship", "/api/amazon/orders/{id}/refund",
            "/api/amazon/accounts/{id}/order-sync", "/api/sync", "/api/preflight");
    private static final List<String> IDS = List.of("999999", "-1", "0", "abc", "9999999999999999999999", "%2e%2e", "%00", "a%20b",
            "it-main%27%20OR%201=1");
    /** Fewer ids for the changing requests: each that passes the checks does real work (a manual sync, a run). */
    private static final List<String> POST_IDS = List.of("999999", "abc", "%00");
    private static final List<String> QUERIES = List.of("", "?limit=-1", "?limit=999999999999", "?offset=-5", "?limit=abc",
            "?since=ieri", "?since=2026-13-45", "?status=NESSUNO", "?origin=%27", "?limit=1&limit=2");
    private static final List<String> BODIES = List.of("", "{", "[]", "null", "42", "\"x\"", "{\"mode\":7}", "{\"mode\":\"NONE\"}",
            "{\"reason\":\"Nope\"}", "{\"reason\":[1,2]}", "{\"carrier\":{},\"shipDate\":\"domani\",\"trackingNumber\":1}",
            "{\"carrier\":\"BRT\",\"shipDate\":\"+999999999-12-31T23:59:59Z\",\"trackingNumber\":\"T\"}", "{\"a\":1} {\"b\":2}",
            "{\"mode\":\"PARTIAL\",\"mode\":\"TOTAL\"}");
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat it\\.ponte|\\bat org\\.|java\\.lang|org\\.apache|springframework");

    @Test
    void noBadInputGetsA5xxOrLeaksAnInternal() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (String path : GETS) {
            for (String id : path.contains("{id}") ? IDS : List.of("")) {
                for (String query : QUERIES) {
                    tried += check(failures, get(path.replace("{id}", id) + query, null));
                }
                tried += check(failures, get(path.replace("{id}", id), ""));
                tried += check(failures, get(path.replace("{id}", id), Http.as("nessuno:niente")));
            }
        }
        for (String path : POSTS) {
            for (String id : path.contains("{id}") ? POST_IDS : List.of("")) {
                String url = path.replace("{id}", id);
                for (String body : BODIES) {
                    tried += check(failures, post(url, "application/json", body, null));
                }
                tried += check(failures, post(url, "text/plain", "{\"mode\":\"PARTIAL\"}", null));
                tried += check(failures, post(url, "application/x-www-form-urlencoded", "mode=PARTIAL", null));
                tried += check(failures, post(url, "application/json", "{\"mode\":\"PARTIAL\"}", Http.as(Http.VIEWER)));
                tried += check(failures, post(url, "application/json", "{\"mode\":\"PARTIAL\"}", ""));
            }
            tried += check(failures, post(path.replace("{id}", "1"), "application/json", "{\"x\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}", null));
        }
        System.out.println("BAD INPUT: " + tried + " requests tried, " + failures.size() + " answered 5xx or leaked an internal");
        assertThat(failures).isEmpty();
    }

    private static int check(List<String> failures, HttpResponse<String> answer) {
        String body = answer.body() == null ? "" : answer.body();
        if (answer.statusCode() >= 500 || LEAK.matcher(body).find()) {
            failures.add(answer.request().method() + " " + answer.request().uri().getRawPath() + " -> " + answer.statusCode() + " "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return 1;
    }

    /** {@code authorization}: null for the administrator (Http's default), "" for none, else that header. */
    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        return send(request, authorization);
    }

    private HttpResponse<String> post(String path, String contentType, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, authorization);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
        if (authorization == null) {
            return Http.send(request.build());
        }
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return Http.anonymous(request.build());
    }
}
