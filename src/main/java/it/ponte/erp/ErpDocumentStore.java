package it.ponte.erp;

import java.sql.Date;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Writes documents into the ERP exactly once, through the {@code erp-store-document} route: the document's idempotency
 * reference, the customer's and the ship-to's shop references are unique, numbers come from a locked per-series
 * counter, and all of it commits in one ERP transaction. A second writer (a retry, another node) finds what the
 * first stored. The methods below are the route's steps: they name the parameters of the ERP's statements
 * ({@code sql/erp/*.sql}) and read their answers; the SQL runs on camel-jdbc.
 */
@Component("erpDocumentStore")
public class ErpDocumentStore {

    /** The exchange properties the route fills while it works through one document. */
    static final String DRAFT = "erpDraft";
    static final String CUSTOMER_ID = "erpCustomerId";
    static final String CUSTOMER_CODE = "erpCustomerCode";
    static final String SHIP_TO_ID = "erpShipToId";
    static final String SHIP_TO_CODE = "erpShipToCode";
    static final String NUMBER = "erpNumber";
    /** What made the document's transaction roll back, kept aside by the erp-document-tx route. */
    static final String FAILURE = "erpDocumentFailure";
    /** MariaDB's "duplicate entry for key": another writer stored the same customer, ship-to or document first. */
    private static final int DUPLICATE_KEY = 1062;

    private final ProducerTemplate routes;

    public ErpDocumentStore(@Lazy ProducerTemplate routes) {
        this.routes = routes;
    }

    /** Stores the draft (or finds it stored already) through the route, as the ERP insert phase does. */
    public ErpDocumentRef store(ErpDocumentDraft draft) {
        return routes.requestBody("direct:erp-store-document", draft, ErpDocumentRef.class);
    }

    // --- steps of the erp-store-document routes ------------------------------------------------------------------

    /** The document found by its idempotency reference: stored before, by a retry's first attempt or another node. */
    public ErpDocumentRef existing(@Body List<Map<String, Object>> rows) {
        Map<String, Object> row = rows.get(0);
        return new ErpDocumentRef(number(row.get("id")).longValue(), (String) row.get("series"), number(row.get("number")).intValue(),
                (String) row.get("customer_code"), (String) row.get("ship_to_code"), false);
    }

    /** The code of a customer account opened now: the ledger, a dot and the ledger's next number ("501.00012"). */
    public String newCustomerCode(@ExchangeProperty(DRAFT) ErpDocumentDraft draft, @Body Object lastNumber) {
        return draft.customer().ledger() + "." + String.format("%05d", number(lastNumber).intValue());
    }

    public Map<String, Object> customerParameters(@ExchangeProperty(DRAFT) ErpDocumentDraft draft,
                                                  @ExchangeProperty(CUSTOMER_CODE) String code) {
        ErpDocumentDraft.CustomerAccount c = draft.customer();
        Map<String, Object> p = new HashMap<>();
        p.put("ledger", c.ledger());
        p.put("code", code);
        p.put("name", c.name());
        p.put("email", c.email());
        p.put("phone", c.phone());
        p.put("address", c.address());
        p.put("city", c.city());
        p.put("province", c.province());
        p.put("postalCode", c.postalCode());
        p.put("countryCode", c.countryCode());
        p.put("shopRef", c.shopRef());
        p.put("vatNumber", c.vatNumber());
        return p;
    }

    /** Ship-to codes are the customer's code plus a running number: 501.00012-D01, -D02… */
    public String newShipToCode(@ExchangeProperty(CUSTOMER_CODE) String customerCode, @Body Object shipTosSoFar) {
        return customerCode + "-D" + String.format("%02d", number(shipTosSoFar).intValue() + 1);
    }

    public Map<String, Object> shipToParameters(@ExchangeProperty(DRAFT) ErpDocumentDraft draft,
                                                @ExchangeProperty(CUSTOMER_ID) Long customerId,
                                                @ExchangeProperty(SHIP_TO_CODE) String code) {
        ErpDocumentDraft.ShipTo s = draft.shipTo();
        Map<String, Object> p = new HashMap<>();
        p.put("customerId", customerId);
        p.put("code", code);
        p.put("name", s.name());
        p.put("line1", s.line1());
        p.put("line2", s.line2());
        p.put("city", s.city());
        p.put("province", s.province());
        p.put("postalCode", s.postalCode());
        p.put("countryCode", s.countryCode());
        p.put("shopRef", s.shopRef());
        return p;
    }

    public Map<String, Object> documentParameters(@ExchangeProperty(DRAFT) ErpDocumentDraft draft,
                                                  @ExchangeProperty(NUMBER) Integer number,
                                                  @ExchangeProperty(CUSTOMER_ID) Long customerId,
                                                  @ExchangeProperty(SHIP_TO_ID) Long shipToId) {
        Map<String, Object> p = new HashMap<>();
        p.put("series", draft.series());
        p.put("number", number);
        p.put("date", Date.valueOf(draft.date()));
        p.put("customerId", customerId);
        p.put("shipToId", shipToId);
        p.put("currency", draft.currency());
        p.put("total", draft.total());
        p.put("pricesIncludeVat", draft.pricesIncludeVat());
        p.put("ref", draft.idempotencyRef());
        p.put("externalRef", draft.externalRef());
        return p;
    }

    /** What the ERP stored now, once the rows went in. */
    public ErpDocumentRef created(@Body List<Map<String, Object>> documentByRef, @ExchangeProperty(DRAFT) ErpDocumentDraft draft) {
        ErpDocumentRef stored = existing(documentByRef);
        return new ErpDocumentRef(stored.documentId(), stored.series(), stored.number(), stored.customerCode(), stored.shipToCode(), true);
    }

    /** Whether the transaction failed on a unique key, an insert race lost: the second pass then finds the winner's rows. */
    public boolean lostARace(@ExchangeProperty(FAILURE) Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException || (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY)) {
                return true;
            }
        }
        return false;
    }

    /** The rolled-back transaction's failure, thrown again outside it: the failure of the order being inserted. */
    public void rethrow(@ExchangeProperty(FAILURE) Exception failure) throws Exception {
        throw failure;
    }

    static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalStateException("The ERP answered '" + value + "' where a number was expected");
    }
}
