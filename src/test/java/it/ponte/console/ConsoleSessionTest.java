package it.ponte.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's session over plain HTTP (no browser): the login page and its form, the session's CSRF token on the
 * console's API calls (HTTP basic callers need none), who the user is, and the reports kept as they were mailed.
 */
class ConsoleSessionTest extends SyncTestBase {

    @Autowired
    ObjectMapper json;

    @Test
    void theConsoleAsksForTheLoginPageWithoutASession() {
        HttpResponse<String> console = session().get("/console/");

        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
        HttpResponse<String> login = session().get("/console/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"").contains("Accedi");
        assertThat(session().get("/console/login?lang=en").body()).contains("Sign in");
        assertThat(session().get("/console/index.html").statusCode()).as("the console's page too").isEqualTo(302);
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithItsReason() {
        Session s = session();
        HttpResponse<String> answer = s.logIn("amministratore", "sbagliata");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?error"));
        assertThat(s.get("/console/login?error").body()).contains("Utente o password errati.");
        assertThat(s.get("/console/").statusCode()).isEqualTo(302);
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefused() {
        Session s = session();
        HttpResponse<String> answer = s.post("/console/login", "application/x-www-form-urlencoded",
                "username=amministratore&password=demo-admin", null);

        assertThat(answer.statusCode()).isIn(302, 403);
        assertThat(s.get("/api/me").statusCode()).as("no session was opened").isEqualTo(401);
    }

    @Test
    void theSessionTellsTheUsersNameAndRole() throws Exception {
        Session s = session();
        s.logIn("operatore", "demo-operatore");

        HttpResponse<String> me = s.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("name").asText()).isEqualTo("operatore");
        assertThat(json.readTree(me.body()).path("role").asText()).isEqualTo("OPERATOR");
        assertThat(json.readTree(Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/me"))
                .header("Authorization", Http.as(Http.VIEWER)).GET().build()).body()).path("role").asText())
                .as("HTTP basic callers too").isEqualTo("VIEWER");
    }

    @Test
    void aChangeThatRidesOnTheSessionNeedsTheSessionsCsrfToken() throws Exception {
        Session s = session();
        s.logIn("operatore", "demo-operatore");

        HttpResponse<String> forged = s.post("/api/sync", "application/json", "{\"mode\":\"PARTIAL\"}", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("token di sicurezza");
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM sync_run", java.util.Map.of(), Integer.class)).isZero();

        JsonNode csrf = json.readTree(s.get("/console/csrf").body());
        HttpResponse<String> started = s.post("/api/sync", "application/json", "{\"mode\":\"PARTIAL\"}",
                new String[] {csrf.path("headerName").asText(), csrf.path("token").asText()});
        assertThat(started.statusCode()).isEqualTo(202);
        sync.awaitEnd(json.readTree(started.body()).path("runId").asLong());
    }

    @Test
    void aConsoleCallWithoutASessionGets401WithoutTheBrowsersPasswordPrompt() {
        HttpResponse<String> answer = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sync/runs"))
                .header("X-Ponte-Console", "1").GET().build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        Session s = session();
        s.logIn("amministratore", "demo-admin");
        assertThat(s.get("/api/me").statusCode()).isEqualTo(200);
        String token = hiddenCsrf(s.get("/console/login").body());

        HttpResponse<String> out = s.post("/console/logout", "application/x-www-form-urlencoded", "_csrf=" + enc(token), null);

        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login?logout"));
        assertThat(s.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void everyReportMailSentIsKeptAsTheAdministratorReceivedIt() throws Exception {
        fixtures.amazonOrder();
        SyncRun run = sync.run(SyncMode.PARTIAL);
        await().atMost(Duration.ofSeconds(10)).until(() -> !mail.messages().isEmpty());
        ReceivedMail received = mail.messages().get(0);

        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/reports"))
                .header("Authorization", Http.as(Http.VIEWER)).GET().build());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode reports = json.readTree(answer.body());
        assertThat(reports).hasSize(1);
        JsonNode kept = reports.get(0);
        assertThat(kept.path("runId").asLong()).isEqualTo(run.id());
        assertThat(kept.path("subject").asText()).isEqualTo(received.subject());
        assertThat(normalized(kept.path("html").asText())).isEqualTo(normalized(received.html()));
        assertThat(normalized(kept.path("text").asText())).isEqualTo(normalized(received.text()));

        Session s = session();
        s.logIn("lettore", "demo-lettore");
        HttpResponse<String> page = s.get("/console/reports/" + kept.path("id").asLong());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(normalized(page.body())).isEqualTo(normalized(received.html()));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .as("the mail is shown, never run").startsWith("default-src 'none'"));
    }

    @Test
    void aRunWithNothingNewKeepsNoReport() throws Exception {
        sync.run(SyncMode.PARTIAL);

        assertThat(json.readTree(Http.get(baseUrl() + "/api/reports").body())).isEmpty();
    }

    private static String normalized(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").strip();
    }

    private static String hiddenCsrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Session session() {
        return new Session();
    }

    /** A browser-like client: keeps its cookies, follows no redirects, sends no credentials of its own. */
    private final class Session {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
        }

        HttpResponse<String> post(String path, String contentType, String body, String[] header) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (header != null) {
                b.header(header[0], header[1]);
            }
            return send(b.build());
        }

        HttpResponse<String> logIn(String user, String password) {
            String token = hiddenCsrf(get("/console/login").body());
            return post("/console/login", "application/x-www-form-urlencoded",
                    "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token), null);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
