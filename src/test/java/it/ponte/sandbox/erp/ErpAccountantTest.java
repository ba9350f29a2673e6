package it.ponte.sandbox.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.PonteIntegrationTest;
import it.ponte.erp.ErpChangeLog;
import it.ponte.erp.ErpDocumentDraft;
import it.ponte.erp.ErpDocumentRef;
import it.ponte.erp.ErpDocumentState;
import it.ponte.erp.ErpDocumentStore;
import it.ponte.erp.ErpDocuments;
import it.ponte.erp.ErpStatus;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accountant's edits over real HTTP: they land in the ERP's tables as a person's would, the ERP's triggers log
 * each one in erp_change, and Ponte's own reader sees the result. Each test uses its own series, so no data is wiped.
 */
class ErpAccountantTest extends PonteIntegrationTest {

    @Autowired
    ErpDocumentStore store;

    @Autowired
    ErpDocuments erpDocuments;

    @Autowired
    ErpChangeLog changeLog;

    @Autowired
    ErpAccountant accountant;

    SandboxAmazonHttp http;
    String series;

    @BeforeEach
    void setUp() {
        http = new SandboxAmazonHttp(baseUrl());
        series = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void cancellingADocumentWritesTheReasonAndEveryRowAtNAndTheChangeLogRecordsIt() {
        ErpDocumentRef doc = storeDocument();
        long before = changeLog.lastSeq();

        HttpResponse<String> response = post(doc, "cancel", "{\"reasonCode\":\"ANN-CLIENTE\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SandboxAmazonHttp.json(response);
        assertThat(body.get("cancelReasonCode").asText()).isEqualTo("ANN-CLIENTE");
        assertThat(body.get("status").asText()).as("the cancellation is the reason and the rows, not the status").isEqualTo("STORED");
        assertThat(erpJdbc.queryForList("SELECT fulfil FROM erp_row WHERE document_id = :id", Map.of("id", doc.documentId()), String.class))
                .hasSize(3).containsOnly("N");
        assertThat(changesOf(doc, before)).as("header and three rows").isEqualTo(4);
        ErpDocumentState state = erpDocuments.states(List.of(doc.documentId())).get(0);
        assertThat(state.cancelled()).as("Ponte's own reader sees the cancellation").isTrue();
    }

    @Test
    void deliveryNoteAndInvoiceMoveTheStatusAndAreLogged() {
        ErpDocumentRef doc = storeDocument();
        long before = changeLog.lastSeq();

        assertThat(SandboxAmazonHttp.json(post(doc, "delivery-note", null)).get("status").asText()).isEqualTo("DELIVERED");
        long afterDelivery = changeLog.lastSeq();
        assertThat(SandboxAmazonHttp.json(post(doc, "invoice", null)).get("status").asText()).isEqualTo("INVOICED");

        assertThat(changesOf(doc, before)).isEqualTo(2);
        assertThat(changesOf(doc, afterDelivery)).isEqualTo(1);
        assertThat(erpDocuments.states(List.of(doc.documentId())).get(0).status()).isEqualTo(ErpStatus.INVOICED);
    }

    @Test
    void shippingFieldsAreWrittenAndLogged() {
        ErpDocumentRef doc = storeDocument();
        long before = changeLog.lastSeq();

        HttpResponse<String> response = post(doc, "shipping",
                "{\"carrier\":\"BRT\",\"transportStart\":\"2026-03-02T09:30:00Z\",\"trackingNumber\":\"BRT-123456\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        ErpDocumentState state = erpDocuments.states(List.of(doc.documentId())).get(0);
        assertThat(state.carrier()).isEqualTo("BRT");
        assertThat(state.transportStart()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
        assertThat(state.trackingNumber()).isEqualTo("BRT-123456");
        assertThat(changesOf(doc, before)).isEqualTo(1);
    }

    @Test
    void documentsAreListedWithTheirRowsAndFilteredBySeries() {
        ErpDocumentRef first = storeDocument();
        ErpDocumentRef second = storeDocument();

        JsonNode ofSeries = SandboxAmazonHttp.json(http.sendJson("GET", "/sandbox/erp/documents?series=" + series, null));
        JsonNode one = SandboxAmazonHttp.json(http.sendJson("GET", "/sandbox/erp/documents/" + series + "/" + second.number(), null));

        assertThat(ofSeries).hasSize(2);
        assertThat(ofSeries.get(0).get("number").asInt()).isEqualTo(first.number());
        assertThat(ofSeries.get(0).get("rows")).hasSize(3);
        assertThat(ofSeries.get(0).at("/rows/0/fulfil").asText()).isEqualTo("S");
        assertThat(one.get("id").asLong()).isEqualTo(second.documentId());
        assertThat(one.get("customerCode").asText()).isEqualTo(second.customerCode());
    }

    @Test
    void unknownDocumentsAndMalformedBodiesAreRefusedWithProblemDocumentsAndChangeNothing() {
        ErpDocumentRef doc = storeDocument();
        long before = changeLog.lastSeq();

        HttpResponse<String> unknown = http.sendJson("POST", "/sandbox/erp/documents/" + series + "/999999/invoice", null);
        HttpResponse<String> noReason = post(doc, "cancel", "{\"reasonCode\":\" \"}");
        HttpResponse<String> notJson = post(doc, "cancel", "{reasonCode");
        HttpResponse<String> badDate = post(doc, "shipping", "{\"carrier\":\"BRT\",\"transportStart\":\"domani\"}");
        HttpResponse<String> noCarrier = post(doc, "shipping", "{\"transportStart\":\"2026-03-02T09:30:00Z\"}");
        HttpResponse<String> badNumber = http.sendJson("GET", "/sandbox/erp/documents/" + series + "/abc", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = SandboxAmazonHttp.json(unknown);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(series + "/999999");
        for (HttpResponse<String> refused : List.of(noReason, notJson, badDate, noCarrier, badNumber)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(SandboxAmazonHttp.json(refused).get("detail").asText()).isNotBlank();
        }
        assertThat(SandboxAmazonHttp.json(badDate).get("detail").asText()).contains("transportStart");
        assertThat(changesOf(doc, before)).isZero();
    }

    @Test
    void theAccountantBeanEditsAsTheRestCallsDo() {
        ErpDocumentRef doc = storeDocument();

        accountant.shipping(series, doc.number(), new ShippingDetails("GLS", Instant.parse("2026-03-03T08:00:00Z"), null));
        ErpDocumentView cancelled = accountant.cancel(series, doc.number(), "NO-DISP");

        assertThat(cancelled.carrier()).isEqualTo("GLS");
        assertThat(cancelled.trackingNumber()).isNull();
        assertThat(cancelled.rows()).extracting(ErpDocumentView.Row::fulfil).containsOnly("N");
        assertThat(accountant.documents(series)).singleElement().satisfies(d -> assertThat(d.cancelReasonCode()).isEqualTo("NO-DISP"));
        assertThatThrownBy(() -> accountant.invoice(series, 999_999)).isInstanceOf(ErpDocumentNotFoundException.class);
    }

    private HttpResponse<String> post(ErpDocumentRef doc, String action, String json) {
        return http.sendJson("POST", "/sandbox/erp/documents/" + series + "/" + doc.number() + "/" + action, json);
    }

    private int changesOf(ErpDocumentRef doc, long afterSeq) {
        Integer count = erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_change WHERE seq > :after AND document_id = :id",
                Map.of("after", afterSeq, "id", doc.documentId()), Integer.class);
        return count == null ? 0 : count;
    }

    /** A document with two item rows and the shipping expense, as Ponte stores an Amazon order. */
    private ErpDocumentRef storeDocument() {
        String ref = "TEST:" + UUID.randomUUID();
        return store.store(new ErpDocumentDraft(ref, series, LocalDate.of(2026, 3, 1), "EUR", new BigDecimal("68.80"), "403-1234567-1234567",
                new ErpDocumentDraft.CustomerAccount(null, "501", ref, "Anna Rossi", "anna@example.it", null, "Via Roma 1", "Bologna",
                        "BO", "40121", "IT"),
                null,
                List.of(new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.ITEM, "PONTE-MOKA-3", "Moka 3 tazze", new BigDecimal("2"),
                                new BigDecimal("24.50"), "1"),
                        new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.ITEM, "PONTE-CAF-1000", "Caffè 1 kg", BigDecimal.ONE,
                                new BigDecimal("14.90"), "2"),
                        new ErpDocumentDraft.Row(ErpDocumentDraft.RowKind.EXPENSE, "SPESE-TRASP", "Spese di trasporto", BigDecimal.ONE,
                                new BigDecimal("4.90"), null))));
    }
}
