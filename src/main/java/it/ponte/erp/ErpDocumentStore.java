package it.ponte.erp;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes documents into the ERP exactly once: the document's idempotency reference, the customer's and the
 * ship-to's shop references are unique, numbers come from a locked per-series counter, and all of it commits
 * in one ERP transaction. A second writer (a retry, another node) finds what the first stored.
 */
@Repository
public class ErpDocumentStore {

    private final NamedParameterJdbcTemplate erp;
    private final TransactionTemplate erpTx;

    public ErpDocumentStore(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp, @Qualifier("erpTx") TransactionTemplate erpTx) {
        this.erp = erp;
        this.erpTx = erpTx;
    }

    public ErpDocumentRef store(ErpDocumentDraft draft) {
        try {
            return erpTx.execute(tx -> storeOnce(draft));
        } catch (DuplicateKeyException raced) {
            // Someone stored the same customer, ship-to or document meanwhile: the second pass finds theirs.
            return erpTx.execute(tx -> storeOnce(draft));
        }
    }

    public Optional<ErpDocumentRef> findByRef(String idempotencyRef) {
        return erp.query("""
                SELECT d.id, d.series, d.number, c.code AS customer_code, s.code AS ship_to_code
                FROM erp_document d JOIN erp_customer c ON c.id = d.customer_id LEFT JOIN erp_ship_to s ON s.id = d.ship_to_id
                WHERE d.idempotency_ref = :ref
                """, Map.of("ref", idempotencyRef), (rs, i) -> new ErpDocumentRef(rs.getLong("id"), rs.getString("series"),
                rs.getInt("number"), rs.getString("customer_code"), rs.getString("ship_to_code"), false)).stream().findFirst();
    }

    private ErpDocumentRef storeOnce(ErpDocumentDraft draft) {
        Optional<ErpDocumentRef> existing = findByRef(draft.idempotencyRef());
        if (existing.isPresent()) {
            return existing.get();
        }
        Account customer = customerAccount(draft.customer());
        Account shipTo = draft.shipTo() == null ? null : shipTo(customer.id(), customer.code(), draft.shipTo());
        int number = nextNumber("erp_series_counter", "series", draft.series());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        erp.update("""
                INSERT INTO erp_document (series, number, doc_date, customer_id, ship_to_id, status, currency, total, idempotency_ref, external_ref)
                VALUES (:series, :number, :date, :customerId, :shipToId, 'STORED', :currency, :total, :ref, :externalRef)
                """, new MapSqlParameterSource().addValue("series", draft.series()).addValue("number", number)
                .addValue("date", Date.valueOf(draft.date())).addValue("customerId", customer.id())
                .addValue("shipToId", shipTo == null ? null : shipTo.id()).addValue("currency", draft.currency())
                .addValue("total", draft.total()).addValue("ref", draft.idempotencyRef()).addValue("externalRef", draft.externalRef()),
                key, new String[] {"id"});
        long documentId = key.getKey().longValue();
        List<SqlParameterSource> rows = new ArrayList<>();
        int line = 1;
        for (ErpDocumentDraft.Row row : draft.rows()) {
            rows.add(new MapSqlParameterSource().addValue("documentId", documentId).addValue("lineNo", line++)
                    .addValue("kind", row.kind().name()).addValue("itemCode", row.itemCode())
                    .addValue("description", row.description()).addValue("quantity", row.quantity())
                    .addValue("unitPrice", row.unitPrice()).addValue("externalRef", row.externalRef()));
        }
        erp.batchUpdate("""
                INSERT INTO erp_row (document_id, line_no, kind, item_code, description, quantity, unit_price, fulfil, external_ref)
                VALUES (:documentId, :lineNo, :kind, :itemCode, :description, :quantity, :unitPrice, 'S', :externalRef)
                """, rows.toArray(SqlParameterSource[]::new));
        return new ErpDocumentRef(documentId, draft.series(), number, customer.code(), shipTo == null ? null : shipTo.code(), true);
    }

    private Account customerAccount(ErpDocumentDraft.CustomerAccount c) {
        if (c.existingCode() != null) {
            Optional<Account> byCode = account("SELECT id, code FROM erp_customer WHERE code = :v", c.existingCode());
            if (byCode.isPresent()) {
                return byCode.get();
            }
        }
        Optional<Account> byShop = account("SELECT id, code FROM erp_customer WHERE shop_ref = :v", c.shopRef());
        if (byShop.isPresent()) {
            return byShop.get();
        }
        int n = nextNumber("erp_ledger_counter", "ledger", c.ledger());
        String code = c.ledger() + "." + String.format("%05d", n);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        erp.update("""
                INSERT INTO erp_customer (ledger, code, name, email, phone, address, city, province, postal_code, country_code, shop_ref)
                VALUES (:ledger, :code, :name, :email, :phone, :address, :city, :province, :postalCode, :countryCode, :shopRef)
                """, new MapSqlParameterSource().addValue("ledger", c.ledger()).addValue("code", code).addValue("name", c.name())
                .addValue("email", c.email()).addValue("phone", c.phone()).addValue("address", c.address())
                .addValue("city", c.city()).addValue("province", c.province()).addValue("postalCode", c.postalCode())
                .addValue("countryCode", c.countryCode()).addValue("shopRef", c.shopRef()), key, new String[] {"id"});
        return new Account(key.getKey().longValue(), code);
    }

    private Account shipTo(long customerId, String customerCode, ErpDocumentDraft.ShipTo s) {
        if (s.existingCode() != null) {
            Optional<Account> byCode = account("SELECT id, code FROM erp_ship_to WHERE code = :v", s.existingCode());
            if (byCode.isPresent()) {
                return byCode.get();
            }
        }
        Optional<Account> byShop = account("SELECT id, code FROM erp_ship_to WHERE shop_ref = :v", s.shopRef());
        if (byShop.isPresent()) {
            return byShop.get();
        }
        Integer count = erp.queryForObject("SELECT COUNT(*) FROM erp_ship_to WHERE customer_id = :id", Map.of("id", customerId), Integer.class);
        String code = customerCode + "-D" + String.format("%02d", (count == null ? 0 : count) + 1);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        erp.update("""
                INSERT INTO erp_ship_to (customer_id, code, name, line1, line2, city, province, postal_code, country_code, shop_ref)
                VALUES (:customerId, :code, :name, :line1, :line2, :city, :province, :postalCode, :countryCode, :shopRef)
                """, new MapSqlParameterSource().addValue("customerId", customerId).addValue("code", code).addValue("name", s.name())
                .addValue("line1", s.line1()).addValue("line2", s.line2()).addValue("city", s.city()).addValue("province", s.province())
                .addValue("postalCode", s.postalCode()).addValue("countryCode", s.countryCode()).addValue("shopRef", s.shopRef()),
                key, new String[] {"id"});
        return new Account(key.getKey().longValue(), code);
    }

    /** The next number of a counter, locked until the ERP transaction ends so two writers never share one. */
    private int nextNumber(String table, String keyColumn, String keyValue) {
        // Table and column names are two constants of this class, never input.
        erp.update("INSERT IGNORE INTO " + table + " (" + keyColumn + ", last_number) VALUES (:k, 0)", Map.of("k", keyValue));
        Integer last = erp.queryForObject("SELECT last_number FROM " + table + " WHERE " + keyColumn + " = :k FOR UPDATE",
                Map.of("k", keyValue), Integer.class);
        int next = (last == null ? 0 : last) + 1;
        erp.update("UPDATE " + table + " SET last_number = :n WHERE " + keyColumn + " = :k", Map.of("n", next, "k", keyValue));
        return next;
    }

    private Optional<Account> account(String sql, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return erp.query(sql, Map.of("v", value), (rs, i) -> new Account(rs.getLong("id"), rs.getString("code"))).stream().findFirst();
    }

    private record Account(long id, String code) {
    }
}
