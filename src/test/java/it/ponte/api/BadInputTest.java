package it.ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem document and starts or changes nothing. */
class BadInputTest extends SyncTestBase {

    @Test
    void aBodyThatIsNotUtf8IsA400OnEveryPost() {
        byte[] latin1 = "{\"mode\":\"TOTAL\",\"x\":\"perch\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        for (String path : new String[] {"/api/sync", "/api/amazon/orders/1/ship", "/api/amazon/orders/1/cancel", "/api/amazon/orders/1/refund"}) {
            HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("UTF-8");
        }
        assertThat(runs()).isZero();
    }

    @Test
    void trailingGarbageAfterTheJsonIsA400NotAStartedRun() {
        HttpResponse<String> answer = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"PARTIAL\"} rm -rf");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(runs()).isZero();
    }

    @Test
    void aFieldGivenTwiceIsA400NotARunOfEitherMode() {
        HttpResponse<String> answer = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"PARTIAL\",\"mode\":\"TOTAL\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(runs()).isZero();
    }

    @Test
    void aFieldOfTheWrongTypeOrMissingIsA400NamingItInItalianOrInEnglishWhenAsked() {
        HttpResponse<String> wrongType = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":7}");
        HttpResponse<String> english = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/amazon/orders/1/ship"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"carrier\":{},\"shipDate\":\"2026-11-25T10:00:00Z\",\"trackingNumber\":\"T1\"}")).build());
        HttpResponse<String> missing = Http.postJson(baseUrl() + "/api/amazon/orders/1/ship", "{\"carrier\":\"BRT\"}");
        HttpResponse<String> missingEnglish = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sync"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(wrongType.body()).contains("Richiesta non valida").contains("Campo 'mode' di tipo non valido: atteso string");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Bad request").contains("Field 'carrier' has the wrong type: string expected");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Campo 'trackingNumber' obbligatorio");
        assertThat(missingEnglish.body()).contains("Field 'mode' missing or not valid");
        assertThat(runs()).isZero();
    }

    @Test
    void aTextOrMultipartPostStartsNothing() {
        for (String type : new String[] {"text/plain", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sync")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"PARTIAL\"}")).build());
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        HttpResponse<String> english = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sync")).header("Content-Type", "text/plain")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"PARTIAL\"}")).build());
        assertThat(english.body()).contains("must be JSON");
        // a bodiless POST without a type is what any web page can send from the administrator's browser
        HttpResponse<String> none = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/mailchimp/sync/customers"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(runs()).isZero();
    }

    @Test
    void aShipDateOutsideWhatTheShopCanStoreOrAnOverlongCarrierIsA400() {
        SandboxOrder amazonOrder = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long order = fixtures.shopId(amazonOrder.orderId());
        String ship = baseUrl() + "/api/amazon/orders/" + order + "/ship";

        HttpResponse<String> farDate = Http.postJson(ship, "{\"carrier\":\"BRT\",\"shipDate\":\"2099-01-01T10:00:00Z\",\"trackingNumber\":\"T1\"}");
        HttpResponse<String> oldDate = Http.postJson(ship, "{\"carrier\":\"BRT\",\"shipDate\":\"1900-01-01T10:00:00Z\",\"trackingNumber\":\"T1\"}");
        HttpResponse<String> longCarrier = Http.postJson(ship,
                "{\"carrier\":\"" + "B".repeat(101) + "\",\"shipDate\":\"2026-11-25T10:00:00Z\",\"trackingNumber\":\"T1\"}");

        assertThat(farDate.statusCode()).isEqualTo(400);
        assertThat(oldDate.statusCode()).isEqualTo(400);
        assertThat(longCarrier.statusCode()).isEqualTo(400);
        assertThat(longCarrier.body()).contains("carrier");
        assertThat(fixtures.order(order).get("amazon_state")).isEqualTo("STORED");
    }

    private int runs() {
        return shopJdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM sync_run", Integer.class);
    }
}
