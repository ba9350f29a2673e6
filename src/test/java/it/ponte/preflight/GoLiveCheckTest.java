package it.ponte.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.amazon.AmazonOrdersApi;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.mailchimp.SandboxMailchimpFaults;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The go-live check (POST /api/preflight) against the sandbox, with each piece broken in turn: the broken piece is
 * named, in the merchant's words, and the others stay OK.
 */
class GoLiveCheckTest extends SyncTestBase {

    private static final String MAIN = "amazon.it-main";
    private static final String ITALY = "APJ6JRA9NG5V4";
    private static final String MAIN_SELLER = "A1PONTESANDBOX";
    /** The checks the test configuration can pass (the schedules are off in tests, the other accounts have no orders). */
    private static final List<String> CORE = List.of(MAIN + ".lwa", MAIN + ".searchOrders." + ITALY, MAIN + ".personalData",
            "amazon.it-pending.lwa", "amazon.it-pending.searchOrders." + ITALY, "amazon.it-off.lwa",
            "mailchimp.apiKey", "mailchimp.list", "mailchimp.store", "mailchimp.storeList", "mailchimp.abandonedCart",
            "smtp", "database.shop", "database.erp");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    SandboxMailchimpFaults mailchimpFaults;
    @Autowired
    MailchimpProperties mailchimpProperties;
    @Autowired
    CamelContext camel;

    @BeforeEach
    void configurationInPlace() {
        mailchimp.reset();
        mailchimpFaults.reset();
        // the store a first Mailchimp sync leaves behind, linked to the configured list
        mailchimp.putStore(mailchimpProperties.storeId(), mailchimpProperties.listId());
        // a recent merchant-fulfilled order of it-main, due to ship: Amazon shows its buyer to an application with the role
        fixtures.amazonOrder();
    }

    @AfterEach
    void repaired() {
        amazon.faults().clear();
        mailchimp.reset();
        mailchimpFaults.reset();
        if (!mail.isRunning()) {
            mail.start();
        }
    }

    @Test
    void aConfigurationInPlaceIsOkPieceByPieceSpendingOneCallPerOperation() throws Exception {
        amazon.requests().clear();

        Map<String, JsonNode> checks = preflight(null);

        assertOk(checks);
        assertThat(checks.get(MAIN + ".personalData").path("message").asText()).contains("e-mail").contains("1 ordini su 1");
        assertThat(checks.get(MAIN + ".searchOrders." + ITALY).path("name").asText()).contains("Amazon.it");
        assertThat(checks.get("database.shop").path("message").asText()).contains("schema aggiornato");
        // the schedules are off in the test configuration: each is named, none is forgotten
        assertThat(checks.get("schedule.sync-schedule-changed").path("status").asText()).isEqualTo("MISSING");
        assertThat(checks.get("schedule.sync-schedule-changed").path("message").asText()).contains("ponte.schedules.enabled=false");
        assertThat(checks).containsKeys("schedule.sync-schedule-total", "schedule.amazon-account-schedule-it-main");

        List<RecordedRequest> calls = amazon.requests().all();
        assertThat(calls.stream().filter(r -> r.path().contains("/lwa/"))).as("one token per account").hasSize(3);
        assertThat(calls.stream().filter(r -> r.path().endsWith("/orders/2026-01-01/orders"))).as("one search per account").hasSize(3);
        for (String call : List.of("GET /ping", "GET /lists/" + mailchimpProperties.listId(),
                "GET /ecommerce/stores/" + mailchimpProperties.storeId(), "GET /automations")) {
            assertThat(mailchimp.requests().stream().filter(r -> r.equals(call))).as(call).hasSize(1);
        }
    }

    @Test
    void aRevokedRefreshTokenIsNamedAsInvalidGrant() throws Exception {
        amazon.sellers().revokeSeller(MAIN_SELLER);

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, MAIN + ".lwa", "MISSING", "invalid_grant", "refresh token", "Seller Central");
        assertStatus(checks, MAIN + ".searchOrders." + ITALY, "NOT_VERIFIABLE", "token");
        assertStatus(checks, MAIN + ".personalData", "NOT_VERIFIABLE", "token");
        assertOk(checks, MAIN + ".lwa", MAIN + ".searchOrders." + ITALY, MAIN + ".personalData");
    }

    @Test
    void anApplicationAmazonDoesNotRecogniseIsNamedAsInvalidClient() throws Exception {
        amazon.faults().add(new AmazonFault(AmazonFault.LWA_OPERATION, 401, 1, "invalid_client"));

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, MAIN + ".lwa", "MISSING", "invalid_client", "client secret");
        assertOk(checks, MAIN + ".lwa", MAIN + ".searchOrders." + ITALY, MAIN + ".personalData");
    }

    @Test
    void ordersWithoutBuyerEmailAndAddressNameTheMissingRoleForPersonalData() throws Exception {
        amazon.personalDataRole(MAIN_SELLER, false);

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, MAIN + ".personalData", "MISSING", "dati personali", "PII");
        assertOk(checks, MAIN + ".personalData");
    }

    @Test
    void anOrderSearchAmazonDeniesIsNamedWithAmazonsWords() throws Exception {
        // 403 to every search, also after the fresh token Ponte asks for once
        amazon.faults().add(AmazonFault.of("searchOrders", 403, 0));

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, MAIN + ".searchOrders." + ITALY, "MISSING", "nega la lettura degli ordini", "ruolo", "HTTP 403");
        assertStatus(checks, MAIN + ".personalData", "NOT_VERIFIABLE", "ricerca degli ordini");
        assertOk(checks, MAIN + ".searchOrders." + ITALY, MAIN + ".personalData", "amazon.it-pending.searchOrders." + ITALY);
    }

    @Test
    void aSpentRateBudgetIsNotWaitedForTheSearchIsNotCheckedNow() throws Exception {
        // Amazon's last answer was a 429: Ponte's searchOrders bucket of it-main is empty (a token every ~3 minutes)
        spApiRateLimiter.observe(AmazonOrdersApi.recentMerchantOrdersCall(amazonProperties.account("it-main"), Instant.now().minusSeconds(3600),
                Instant.now(), 1), null, 429);
        amazon.requests().clear();
        long started = System.nanoTime();

        Map<String, JsonNode> checks = preflight(null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertStatus(checks, MAIN + ".searchOrders." + ITALY, "NOT_VERIFIABLE", "budget", "consentita alle");
        // the time Amazon allows the next search: one token of searchOrders (~3 minutes) away
        Instant allowedAt = Instant.parse(checks.get(MAIN + ".searchOrders." + ITALY).path("at").asText());
        assertThat(allowedAt).isBetween(Instant.now().plusSeconds(60), Instant.now().plusSeconds(200));
        assertStatus(checks, MAIN + ".personalData", "NOT_VERIFIABLE", "budget");
        assertThat(amazon.requests().all().stream().filter(r -> r.path().endsWith("/orders/2026-01-01/orders")))
                .as("only the other two accounts searched").hasSize(2);
        assertOk(checks, MAIN + ".searchOrders." + ITALY, MAIN + ".personalData");
    }

    @Test
    void aRevokedMailchimpKeyIsNamedAndWhatNeedsItIsNotVerifiable() throws Exception {
        mailchimpFaults.keyRevoked(true);

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, "mailchimp.apiKey", "MISSING", "chiave API", "ponte.mailchimp.api-key");
        for (String after : List.of("mailchimp.list", "mailchimp.store", "mailchimp.storeList", "mailchimp.abandonedCart")) {
            assertStatus(checks, after, "NOT_VERIFIABLE", "chiave API");
        }
        assertOk(checks, "mailchimp.apiKey", "mailchimp.list", "mailchimp.store", "mailchimp.storeList", "mailchimp.abandonedCart");
    }

    @Test
    void mailchimpDownIsAFailureNotAWrongKey() throws Exception {
        mailchimpFaults.down(true);

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, "mailchimp.apiKey", "FAILED", "non ha risposto");
        assertStatus(checks, "mailchimp.list", "NOT_VERIFIABLE", "non ha risposto");
        assertThat(checks.get("mailchimp.list").path("message").asText()).doesNotContain("chiave");
        assertOk(checks, "mailchimp.apiKey", "mailchimp.list", "mailchimp.store", "mailchimp.storeList", "mailchimp.abandonedCart");
    }

    @Test
    void aListIdTheAccountDoesNotHaveIsNamed() throws Exception {
        mailchimp.removeList(mailchimpProperties.listId());

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, "mailchimp.list", "MISSING", mailchimpProperties.listId(), "ponte.mailchimp.list-id");
        assertOk(checks, "mailchimp.list");
    }

    @Test
    void aStoreLinkedToAnotherListIsNamedWithBothLists() throws Exception {
        mailchimp.reset();
        mailchimp.putStore(mailchimpProperties.storeId(), "altralista01");

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, "mailchimp.storeList", "MISSING", "altralista01", mailchimpProperties.listId());
        assertOk(checks, "mailchimp.storeList");
    }

    @Test
    void aStoreNotCreatedYetIsNamedWithWhatCreatesIt() throws Exception {
        mailchimp.reset();

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, "mailchimp.store", "MISSING", "prima sincronizzazione");
        assertStatus(checks, "mailchimp.storeList", "NOT_VERIFIABLE", "store");
        assertOk(checks, "mailchimp.store", "mailchimp.storeList");
    }

    @Test
    void aPausedAbandonedCartAutomationIsNamedAJourneyIsNotVerifiable() throws Exception {
        mailchimp.abandonedCartAutomation("paused");
        assertStatus(preflight(null), "mailchimp.abandonedCart", "MISSING", "paused");

        mailchimp.abandonedCartAutomation(SandboxMailchimpState.JOURNEY);
        Map<String, JsonNode> checks = preflight(null);
        assertStatus(checks, "mailchimp.abandonedCart", "NOT_VERIFIABLE", "Customer Journey", "declared-active");
        assertOk(checks, "mailchimp.abandonedCart");
    }

    @Test
    void anSmtpServerThatDoesNotAnswerIsNamed() throws Exception {
        mail.stop();

        Map<String, JsonNode> checks = preflight(null);

        assertStatus(checks, "smtp", "FAILED", "non risponde", "ponte.report.smtp.host");
        assertOk(checks, "smtp");
    }

    @Test
    void anSmtpLoginTheServerRefusesIsNamedWithoutThePassword() throws Exception {
        assertStatus(preflight(null), "smtp", "OK", "accetta l'accesso di ponte");

        mail.changePassword("another-password");
        try {
            Map<String, JsonNode> checks = preflight(null);
            assertStatus(checks, "smtp", "FAILED", "rifiuta l'accesso di ponte", "ponte.report.smtp.username");
            assertThat(checks.get("smtp").toString()).doesNotContain("sandbox-smtp-password");
            assertStatus(preflight("en"), "smtp", "FAILED", "refuses the login of ponte");
        } finally {
            mail.changePassword(null);
        }
        assertStatus(preflight(null), "smtp", "OK", "accetta l'accesso di ponte");
    }

    @Test
    void aScheduleOnShowsItsNextFiringOneSwitchedOffIsNamed() throws Exception {
        // the nightly TOTAL run (02:30): on for this test only, so nothing fires meanwhile
        camel.getRouteController().startRoute("sync-schedule-total");
        try {
            Map<String, JsonNode> on = preflight(null);
            assertStatus(on, "schedule.sync-schedule-total", "OK", "prossima esecuzione");
            Instant next = Instant.parse(on.get("schedule.sync-schedule-total").path("at").asText());
            assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
            assertStatus(on, "schedule.sync-schedule-changed", "MISSING", "Disattivata");
        } finally {
            camel.getRouteController().stopRoute("sync-schedule-total");
        }
        assertStatus(preflight(null), "schedule.sync-schedule-total", "MISSING", "Disattivata");
    }

    @Test
    void theChecksSpeakEnglishWhenAsked() throws Exception {
        mail.stop();

        Map<String, JsonNode> checks = preflight("en");

        assertStatus(checks, "smtp", "FAILED", "does not answer", "ponte.report.smtp.host");
        assertThat(checks.get(MAIN + ".personalData").path("message").asText()).contains("buyer's e-mail");
        assertThat(checks.get("mailchimp.apiKey").path("name").asText()).isEqualTo("Mailchimp: API key");
    }

    @Test
    void onlyAnAdministratorRunsTheCheck() {
        for (String user : List.of(Http.OPERATOR, Http.VIEWER)) {
            assertThat(post(Http.as(user), null).statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> anonymous = Http.anonymous(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/preflight"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void everyWordOfTheCheckExistsInItalianAndEnglish() throws Exception {
        java.util.Properties it = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var itIn = getClass().getResourceAsStream("/i18n/messages.properties");
             var enIn = getClass().getResourceAsStream("/i18n/messages_en.properties")) {
            it.load(new java.io.InputStreamReader(itIn, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(enIn, java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.Set<String> itKeys = new java.util.TreeSet<>(it.stringPropertyNames());
        itKeys.removeIf(k -> !k.startsWith("preflight."));
        java.util.Set<String> enKeys = new java.util.TreeSet<>(en.stringPropertyNames());
        enKeys.removeIf(k -> !k.startsWith("preflight."));
        assertThat(itKeys).hasSizeGreaterThan(50).isEqualTo(enKeys);
    }

    // ---- helpers

    private Map<String, JsonNode> preflight(String language) throws Exception {
        HttpResponse<String> answer = post(Http.as(Http.ADMIN), language);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        assertThat(report.has("ready")).isTrue();
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        report.path("checks").forEach(c -> checks.put(c.path("id").asText(), c));
        return checks;
    }

    private HttpResponse<String> post(String authorization, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/preflight"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return Http.anonymous(request.build());
    }

    private static void assertStatus(Map<String, JsonNode> checks, String id, String status, String... words) {
        assertThat(checks).containsKey(id);
        JsonNode check = checks.get(id);
        assertThat(check.path("status").asText()).as(id + ": " + check).isEqualTo(status);
        assertThat(check.path("message").asText()).as(id).contains(words);
        assertThat(check.path("name").asText()).as(id).isNotBlank();
    }

    /** Every check the test configuration can pass is OK, but the broken ones. */
    private static void assertOk(Map<String, JsonNode> checks, String... broken) {
        List<String> skip = Arrays.asList(broken);
        for (String id : CORE) {
            if (!skip.contains(id)) {
                assertThat(checks).containsKey(id);
                assertThat(checks.get(id).path("status").asText()).as(id + ": " + checks.get(id)).isEqualTo("OK");
            }
        }
    }
}
