package it.ponte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API's OpenAPI document ({@code /api/openapi.json}) describes every endpoint with its role, its request and answer
 * bodies (the types the REST binding declares) and its problem documents; real requests of every endpoint and their
 * real answers conform to it, bodies included (Atlassian's swagger-request-validator, request and response validation).
 */
class OpenApiDocumentTest extends SyncTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEndpointIsDescribedWithItsRoleItsBodiesAndItsProblemDocuments() throws Exception {
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

        // every body has its schema: what a request sends, what each answer carries, problem documents included
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(ship.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/ShipRequest");
        assertThat(schemas.path("ShipRequest").path("required")).extracting(JsonNode::asText)
                .contains("carrier", "shipDate", "trackingNumber");
        assertThat(ship.path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/OrderActionResult");
        assertThat(ship.path("responses").path("409").path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .endsWith("/Problem");
        JsonNode start = paths.path("/api/sync").path("post");
        assertThat(schemas.path("SyncRequest").path("properties").path("mode").path("enum")).extracting(JsonNode::asText)
                .containsExactly("TOTAL", "CHANGED", "PARTIAL");
        assertThat(start.path("responses").path("202").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/RunStarted");
        assertThat(start.path("responses").path("202").path("headers").has("Location")).isTrue();
        assertThat(paths.path("/api/sync/runs").path("get").path("responses").path("200").path("content").path("application/json")
                .path("schema").path("items").path("$ref").asText()).endsWith("/SyncRun");
        assertThat(schemas.path("SyncRun").path("properties").path("amazonWait").path("$ref").asText()).endsWith("/AmazonWait");
        assertThat(schemas.path("AmazonWait").path("properties").path("nextPageAt").path("format").asText()).isEqualTo("date-time");
        // a manual sync takes no body, and may be sent without one
        JsonNode customers = paths.path("/api/mailchimp/sync/customers").path("post");
        assertThat(customers.path("requestBody").path("required").asBoolean(true)).isFalse();
        assertThat(customers.path("responses").path("202").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/RunStarted");
        int withBodies = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                JsonNode responses = operation.getValue().path("responses");
                JsonNode success = responses.has("200") ? responses.path("200") : responses.path("202");
                assertThat(success.path("content").path("application/json").path("schema").isMissingNode())
                        .as(operation.getKey() + " " + path.getKey() + " declares its answer's body").isFalse();
                if (operation.getKey().equals("post")) {
                    assertThat(operation.getValue().path("requestBody").path("content").path("application/json").path("schema").isMissingNode())
                            .as("post " + path.getKey() + " declares its request's body").isFalse();
                }
                withBodies++;
            }
        }
        assertThat(withBodies).isEqualTo(24);
        JsonNode erpRetry = paths.path("/api/erp/parked/{id}/retry").path("post");
        assertThat(erpRetry.path("summary").asText() + erpRetry.path("description").asText()).contains("OPERATOR");
        assertThat(erpRetry.path("responses").has("404")).isTrue();
    }

    @Test
    void realRequestsAndAnswersOfEveryEndpointConformToTheDocumentBodiesIncluded() throws Exception {
        String spec = Http.get(baseUrl() + "/api/openapi.json").body();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
        Exchanges exchanges = new Exchanges(validator);

        SandboxOrder shipped = fixtures.amazonOrder();
        SandboxOrder cancelled = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long shipId = fixtures.shopId(shipped.orderId());
        long cancelId = fixtures.shopId(cancelled.orderId());

        exchanges.get("/api/me");
        exchanges.get("/api/config");
        exchanges.get("/api/amazon/accounts");
        exchanges.get("/api/orders?origin=AMAZON&limit=10&offset=0");
        exchanges.get("/api/orders/" + shipId);
        exchanges.get("/api/orders/999999");
        exchanges.get("/api/reports?limit=5");

        exchanges.post("/api/amazon/orders/" + shipId + "/ship",
                "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-25T10:00:00+01:00\",\"trackingNumber\":\"BRT-1\"}");
        // refused by the server: a refund before Amazon confirmed the shipment (409), a field of the wrong type (400)
        exchanges.post("/api/amazon/orders/" + shipId + "/refund", "{\"reason\":\"CustomerReturn\"}");
        exchanges.outsideTheDocument("/api/amazon/orders/" + shipId + "/ship",
                "{\"carrier\":{},\"shipDate\":\"2026-11-25T10:00:00Z\",\"trackingNumber\":\"T\"}");
        exchanges.post("/api/amazon/orders/" + cancelId + "/cancel", "{\"reason\":\"NoInventory\"}");

        // a parked Amazon command, put back in line
        shopJdbc.update("UPDATE amazon_outbox SET status = 'PARKED', attempts = 5, last_error = 'HTTP 400 InvalidInput' WHERE order_id = :id",
                Map.of("id", shipId));
        long commandId = shopJdbc.queryForObject("SELECT id FROM amazon_outbox WHERE order_id = :id", Map.of("id", shipId), Long.class);
        exchanges.get("/api/amazon/parked");
        exchanges.post("/api/amazon/parked/" + commandId + "/retry", null);

        // a parked Mailchimp record, retried now
        long product = shopJdbc.queryForObject("SELECT MIN(id) FROM product", Map.of(), Long.class);
        shopJdbc.update("""
                INSERT INTO mailchimp_outbox (entity, entity_id, operation, attempts, last_error, status)
                VALUES ('PRODUCT', :product, 'UPSERT', 5, 'HTTP 400 Invalid Resource', 'PARKED')
                """, Map.of("product", product));
        long recordId = shopJdbc.queryForObject("SELECT id FROM mailchimp_outbox WHERE entity = 'PRODUCT' AND entity_id = :product",
                Map.of("product", product), Long.class);
        exchanges.get("/api/mailchimp/parked");
        exchanges.post("/api/mailchimp/parked/" + recordId + "/retry", "{}");
        exchanges.post("/api/mailchimp/parked/999999/retry", null);

        // runs: started (202 with the run to follow), refused while one of the kind runs (409), read back
        JsonNode run = json.readTree(exchanges.post("/api/sync", "{\"mode\":\"PARTIAL\"}").body());
        exchanges.outsideTheDocument("/api/sync", "{\"mode\":\"NONE\"}");
        awaitEnd(run.path("runId").asLong());
        JsonNode orderSync = json.readTree(exchanges.post("/api/amazon/accounts/it-main/order-sync", null).body());
        awaitEnd(orderSync.path("runId").asLong());
        for (String scope : List.of("customers", "products", "orders?since=2024-01-31")) {
            JsonNode manual = json.readTree(exchanges.post("/api/mailchimp/sync/" + scope, null).body());
            awaitEnd(manual.path("runId").asLong());
        }
        exchanges.get("/api/sync/runs?limit=20");
        exchanges.get("/api/sync/runs/" + run.path("runId").asLong());

        // orders parked for the ERP and held Amazon orders: read, and a retry of one that is not parked (404)
        exchanges.get("/api/erp/parked");
        exchanges.get("/api/amazon/held");
        exchanges.post("/api/erp/parked/999999/retry", "{}");

        // the go-live check: every piece tried once, each with its status and message
        exchanges.post("/api/preflight", "{}");

        // no credentials, the wrong role
        exchanges.send("GET", "/api/sync/runs", null, null);
        exchanges.send("POST", "/api/sync", "{\"mode\":\"PARTIAL\"}", Http.as(Http.VIEWER));

        assertThat(exchanges.statuses).contains(200, 202, 400, 401, 403, 404, 409);
        assertThat(exchanges.endpoints).hasSize(24);
        System.out.println("OPENAPI: " + exchanges.count + " real exchanges of " + exchanges.endpoints.size()
                + " endpoints validated against the document, request and answer bodies included; statuses " + exchanges.statuses);
        assertThat(exchanges.failures).isEmpty();
    }

    private void awaitEnd(long runId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body()).has("endedAt"));
    }

    /** Sends real requests and validates each request and its answer against the document. */
    private final class Exchanges {

        final OpenApiInteractionValidator validator;
        final List<String> failures = new ArrayList<>();
        final Set<Integer> statuses = new java.util.TreeSet<>();
        final Set<String> endpoints = new LinkedHashSet<>();
        int count;

        Exchanges(OpenApiInteractionValidator validator) {
            this.validator = validator;
        }

        HttpResponse<String> get(String path) {
            return send("GET", path, null, Http.as(Http.ADMIN));
        }

        HttpResponse<String> post(String path, String body) {
            return send("POST", path, body, Http.as(Http.ADMIN));
        }

        /** A request the document itself refuses (a field's type, a value outside its enum): the server says 400, as documented. */
        void outsideTheDocument(String path, String body) {
            HttpResponse<String> answer = send("POST", path, body, Http.as(Http.ADMIN), true);
            assertThat(answer.statusCode()).as(path + " " + body).isEqualTo(400);
        }

        HttpResponse<String> send(String method, String path, String body, String authorization) {
            return send(method, path, body, authorization, false);
        }

        HttpResponse<String> send(String method, String path, String body, String authorization, boolean badRequest) {
            HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/json");
            if (authorization != null) {
                http.header("Authorization", authorization);
            }
            if (method.equals("POST")) {
                http.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
            } else {
                http.GET();
            }
            HttpResponse<String> answer = Http.anonymous(http.build());

            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), bare)
                    .withHeader("Accept", "application/json");
            if (authorization != null) {
                request.withHeader("Authorization", authorization);
            }
            if (path.contains("?")) {
                for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    request.withQueryParam(kv[0], kv[1]);
                }
            }
            if (method.equals("POST")) {
                request.withContentType("application/json");
                if (body != null) {
                    request.withBody(body);
                }
            }
            SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
            answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
            answer.headers().firstValue("Location").ifPresent(location -> response.withHeader("Location", location));
            ValidationReport report;
            if (badRequest) {
                assertThat(validator.validateRequest(request.build()).hasErrors()).as("the document refuses " + body).isTrue();
                report = validator.validateResponse(bare, Request.Method.valueOf(method), response.build());
            } else {
                report = validator.validate(request.build(), response.build());
            }
            count++;
            statuses.add(answer.statusCode());
            endpoints.add(method + " " + bare.replaceAll("/(\\d+|it-main)(?=/|$)", "/{id}").replaceAll("/sync/(customers|products|orders)$", "/sync/$1"));
            if (report.hasErrors()) {
                failures.add(method + " " + path + " -> " + answer.statusCode() + " " + answer.body() + ": " + report.getMessages());
            }
            return answer;
        }
    }
}
