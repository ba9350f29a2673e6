package it.ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API's OpenAPI document ({@code /api/openapi.json}) describes every endpoint with its role and its problem
 * documents, and real requests and answers conform to it (Atlassian's swagger-request-validator).
 */
class OpenApiDocumentTest extends SyncTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEndpointIsDescribedWithItsRoleAndItsProblemDocuments() throws Exception {
        HttpResponse<String> answer = Http.get(baseUrl() + "/api/openapi.json");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(answer.body());

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/api/sync", "/api/sync/runs", "/api/sync/runs/{id}", "/api/orders", "/api/orders/{id}",
                "/api/amazon/orders/{id}/ship", "/api/amazon/parked/{id}/retry", "/api/mailchimp/parked", "/api/config", "/api/me",
                "/api/erp/parked", "/api/erp/parked/{id}/retry", "/api/amazon/held")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode ship = paths.path("/api/amazon/orders/{id}/ship").path("post");
        assertThat(ship.path("summary").asText() + ship.path("description").asText()).contains("ADMIN");
        assertThat(ship.path("responses").has("409")).isTrue();
        assertThat(ship.path("responses").has("401")).isTrue();
        JsonNode erpRetry = paths.path("/api/erp/parked/{id}/retry").path("post");
        assertThat(erpRetry.path("summary").asText() + erpRetry.path("description").asText()).contains("OPERATOR");
        assertThat(erpRetry.path("responses").has("404")).isTrue();
    }

    @Test
    void realRequestsAndAnswersConformToTheDocument() {
        String spec = Http.get(baseUrl() + "/api/openapi.json").body();
        // the bodies have no declared types yet (REST binding is off): paths, methods, parameters and statuses are checked
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response.body.unexpected", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.body.schema.type", ValidationReport.Level.IGNORE).build())
                .build();

        assertConforms(validator, "GET", "/api/sync/runs", null, Http.get(baseUrl() + "/api/sync/runs"));
        assertConforms(validator, "GET", "/api/orders/999999", null, Http.get(baseUrl() + "/api/orders/999999"));
        assertConforms(validator, "POST", "/api/sync", "{\"mode\":\"NONE\"}", Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"NONE\"}"));
        assertConforms(validator, "POST", "/api/amazon/orders/999999/ship", "{}",
                Http.postJson(baseUrl() + "/api/amazon/orders/999999/ship", "{}"));
        assertConforms(validator, "GET", "/api/erp/parked", null, Http.get(baseUrl() + "/api/erp/parked"));
        assertConforms(validator, "GET", "/api/amazon/held", null, Http.get(baseUrl() + "/api/amazon/held"));
        assertConforms(validator, "POST", "/api/erp/parked/999999/retry", "{}",
                Http.postJson(baseUrl() + "/api/erp/parked/999999/retry", "{}"));
    }

    private static void assertConforms(OpenApiInteractionValidator validator, String method, String path, String body,
                                       HttpResponse<String> answer) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path)
                .withHeader("Authorization", Http.as(Http.ADMIN));
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        ValidationReport report = validator.validate(request.build(), response.build());
        assertThat(report.hasErrors()).as(method + " " + path + " -> " + answer.statusCode() + ": " + report.getMessages()).isFalse();
    }
}
