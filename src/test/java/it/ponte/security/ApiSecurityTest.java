package it.ponte.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.PonteIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every endpoint authenticated, by role; refusals are problem documents; health stays open; foreign hosts refused. */
class ApiSecurityTest extends PonteIntegrationTest {

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblemDocument() {
        HttpResponse<String> answer = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sync/runs")).GET().build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(answer.body()).contains("\"status\":401").contains("credenziali");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(get("/api/sync/runs", "amministratore:sbagliata").statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerReadsButCannotStartARun() {
        assertThat(get("/api/sync/runs", Http.VIEWER).statusCode()).isEqualTo(200);

        HttpResponse<String> start = post("/api/sync", "{\"mode\":\"PARTIAL\"}", Http.VIEWER);

        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(start.body()).contains("\"status\":403");
    }

    @Test
    void anOperatorRetriesAndStartsButCannotActOnAmazonOrders() {
        HttpResponse<String> cancel = post("/api/amazon/orders/999-0000000-0000000/cancel", "{\"reason\":\"NoInventory\"}", Http.OPERATOR);
        assertThat(cancel.statusCode()).isEqualTo(403);

        // the administrator passes the role check and meets the order's own rule instead (unknown order)
        assertThat(post("/api/amazon/orders/999-0000000-0000000/cancel", "{\"reason\":\"NoInventory\"}", Http.ADMIN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void healthIsOpenTheRestOfActuatorIsForAdministrators() {
        assertThat(Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).GET().build()).statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/metrics", Http.OPERATOR).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", Http.ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void theEffectiveConfigurationIsForAdministratorsWithEverySecretMasked() {
        assertThat(get("/api/config", Http.OPERATOR).statusCode()).isEqualTo(403);

        HttpResponse<String> config = get("/api/config", Http.ADMIN);

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"ponte.amazon.accounts[0].id\":\"it-main\"")
                .contains("\"ponte.amazon.accounts[0].lwa.client-secret\":\"****\"")
                .contains("\"ponte.mailchimp.api-key\":\"****\"")
                .doesNotContain("sandbox-client-secret").doesNotContain("Atzr|").doesNotContain("sandbox0000-us6")
                .doesNotContain("$2a$10$");
    }

    @Test
    void englishRefusalsOnAcceptLanguageEn() {
        HttpResponse<String> answer = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/orders"))
                .header("Accept-Language", "en").GET().build());

        assertThat(answer.body()).contains("Credentials are required");
    }

    @Test
    void aForeignHostHeaderIsRefusedOnTheLoopbackBinding() throws Exception {
        assertThat(rawStatusLine("evil.example:" + port)).contains(" 400 ");
        assertThat(rawStatusLine("127.0.0.1:" + port)).contains(" 200 ");
    }

    /** The JDK's client will not send a forged Host header: a plain socket does, as a rebinding page's browser would. */
    private String rawStatusLine(String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            String request = "GET /actuator/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private HttpResponse<String> get(String path, String user) {
        return Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", Http.as(user)).GET().build());
    }

    private HttpResponse<String> post(String path, String json, String user) {
        return Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", Http.as(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
