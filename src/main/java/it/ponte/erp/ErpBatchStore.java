package it.ponte.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a batch of documents in the ERP, the step of the {@code erp-batch-tx} route: it runs on the connection of
 * the route's ERP transaction (Spring binds it to the thread), so all of it commits together or not at all. The same
 * exactly-once keys as one document at a time ({@link ErpDocumentStore}): documents already stored for an idempotency
 * reference are found, not stored again; customer accounts and ship-to addresses are found by code or shop reference
 * before any is opened; the numbers of a series (and a ledger) are reserved with one statement for the whole batch,
 * locked until the transaction ends. Each kind of row goes in as one statement batch. A unique key refused (another
 * writer was first) fails the batch: the caller rolls it back and goes order by order, where the races are settled.
 */
@Component("erpBatchStore")
public class ErpBatchStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErpBatchStore.class);

    private final NamedParameterJdbcTemplate erp;
    private final ErpDocumentRows rows;
    private final Map<String, String> sql = new HashMap<>();
    // the batches of many rows: values by position (it.ponte.db.PositionalBatch), the statements' names checked at start
    private final it.ponte.db.PositionalBatch customerInsert;
    private final it.ponte.db.PositionalBatch shipToInsert;
    private final it.ponte.db.PositionalBatch documentInsert;

    public ErpBatchStore(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp, ErpDocumentRows rows) {
        this.erp = erp;
        this.rows = rows;
        this.customerInsert = it.ponte.db.PositionalBatch.of(sql("customer-insert.sql"), List.of("ledger", "code", "name", "email", "phone",
                "vatNumber", "address", "city", "province", "postalCode", "countryCode", "shopRef"));
        this.shipToInsert = it.ponte.db.PositionalBatch.of(sql("ship-to-insert.sql"), List.of("customerId", "code", "name", "line1", "line2",
                "city", "province", "postalCode", "countryCode", "shopRef"));
        this.documentInsert = it.ponte.db.PositionalBatch.of(sql("document-insert.sql"), List.of("series", "number", "date", "customerId",
                "shipToId", "currency", "total", "pricesIncludeVat", "ref", "externalRef"));
    }

    public void store(@Body ErpBatch batch) {
        long started = System.nanoTime();
        write(batch);
        log.debug("Stored {} in the ERP in {} ms", batch, (System.nanoTime() - started) / 1_000_000);
    }

    private void write(ErpBatch batch) {
        List<ErpBatch.Entry> entries = batch.getEntries();
        if (entries.isEmpty()) {
            return;
        }
        List<String> refs = entries.stream().map(e -> e.draft().idempotencyRef()).toList();
        Map<String, ErpDocumentRef> existing = documents(refs, false);
        batch.stored().putAll(existing);
        List<ErpDocumentDraft> todo = entries.stream().map(ErpBatch.Entry::draft)
                .filter(d -> !existing.containsKey(d.idempotencyRef())).toList();
        if (todo.isEmpty()) {
            return;
        }

        // customer accounts: found by code or shop reference, the others opened with numbers reserved per ledger
        Map<String, Keyed> customers = keyed("batch-customers.sql",
                todo.stream().map(d -> d.customer().existingCode()).toList(), todo.stream().map(d -> d.customer().shopRef()).toList());
        Map<String, ErpDocumentDraft.CustomerAccount> newCustomers = new LinkedHashMap<>();
        for (ErpDocumentDraft d : todo) {
            if (find(customers, d.customer().existingCode(), d.customer().shopRef()) == null) {
                newCustomers.putIfAbsent(d.customer().shopRef(), d.customer());
            }
        }
        if (!newCustomers.isEmpty()) {
            Map<String, List<ErpDocumentDraft.CustomerAccount>> byLedger = new LinkedHashMap<>();
            newCustomers.values().forEach(c -> byLedger.computeIfAbsent(c.ledger(), k -> new ArrayList<>()).add(c));
            List<Object[]> inserts = new ArrayList<>();
            byLedger.forEach((ledger, opened) -> {
                int first = reserve("ledger-counter-reserve.sql", "ledger-counter-read.sql", "erpLedger", ledger, opened.size());
                for (int k = 0; k < opened.size(); k++) {
                    ErpDocumentDraft.CustomerAccount c = opened.get(k);
                    inserts.add(new Object[] {ledger, ledger + "." + zeroPadded(first + k, 5), c.name(), c.email(), c.phone(), c.vatNumber(),
                            c.address(), c.city(), c.province(), c.postalCode(), c.countryCode(), c.shopRef()});
                }
            });
            customerInsert.execute(erp.getJdbcOperations(), inserts);
            customers.putAll(keyed("batch-customers.sql", List.of(), newCustomers.keySet()));
        }

        // ship-to addresses: the same, their codes going on from each customer's count
        List<ErpDocumentDraft> shipping = todo.stream().filter(d -> d.shipTo() != null).toList();
        Map<String, Keyed> shipTos = keyed("batch-ship-tos.sql", shipping.stream().map(d -> d.shipTo().existingCode()).toList(),
                shipping.stream().map(d -> d.shipTo().shopRef()).toList());
        Map<String, ErpDocumentDraft> newShipTos = new LinkedHashMap<>();
        for (ErpDocumentDraft d : shipping) {
            if (find(shipTos, d.shipTo().existingCode(), d.shipTo().shopRef()) == null) {
                newShipTos.putIfAbsent(d.shipTo().shopRef(), d);
            }
        }
        if (!newShipTos.isEmpty()) {
            Map<Long, Integer> counts = new HashMap<>();
            // an account opened by this batch has no ship-to yet: only the others are counted (none, in a first import)
            java.util.Set<Long> opened = new java.util.HashSet<>();
            newCustomers.keySet().stream().map(ref -> customers.get("ref:" + ref)).filter(java.util.Objects::nonNull)
                    .forEach(k -> opened.add(k.id()));
            List<Long> customerIds = newShipTos.values().stream().map(d -> customerOf(customers, d).id()).distinct()
                    .filter(id -> !opened.contains(id)).toList();
            if (!customerIds.isEmpty()) {
                erp.query(sql("batch-ship-to-counts.sql"), Map.of("customerIds", customerIds),
                        (java.sql.ResultSet rs) -> {
                            counts.put(rs.getLong("customer_id"), rs.getInt("n"));
                        });
            }
            List<Object[]> inserts = new ArrayList<>();
            for (ErpDocumentDraft d : newShipTos.values()) {
                Keyed customer = customerOf(customers, d);
                int n = counts.merge(customer.id(), 1, Integer::sum);
                ErpDocumentDraft.ShipTo s = d.shipTo();
                inserts.add(new Object[] {customer.id(), customer.code() + "-D" + zeroPadded(n, 2), s.name(), s.line1(), s.line2(), s.city(),
                        s.province(), s.postalCode(), s.countryCode(), s.shopRef()});
            }
            shipToInsert.execute(erp.getJdbcOperations(), inserts);
            shipTos.putAll(keyed("batch-ship-tos.sql", List.of(), newShipTos.keySet()));
        }

        // the documents: numbers reserved per series, one batch of headers, one of rows
        Map<String, List<ErpDocumentDraft>> bySeries = new LinkedHashMap<>();
        todo.forEach(d -> bySeries.computeIfAbsent(d.series(), k -> new ArrayList<>()).add(d));
        List<Object[]> documents = new ArrayList<>();
        bySeries.forEach((series, drafts) -> {
            int first = reserve("series-counter-reserve.sql", "series-counter-read.sql", "erpSeries", series, drafts.size());
            for (int k = 0; k < drafts.size(); k++) {
                ErpDocumentDraft d = drafts.get(k);
                Keyed shipTo = d.shipTo() == null ? null : find(shipTos, d.shipTo().existingCode(), d.shipTo().shopRef());
                documents.add(new Object[] {series, first + k, Date.valueOf(d.date()), customerOf(customers, d).id(),
                        shipTo == null ? null : shipTo.id(), d.currency(), d.total(), d.pricesIncludeVat(), d.idempotencyRef(), d.externalRef()});
            }
        });
        documentInsert.execute(erp.getJdbcOperations(), documents);
        Map<String, ErpDocumentRef> created = documents(todo.stream().map(ErpDocumentDraft::idempotencyRef).toList(), true);
        List<Object[]> documentRows = new ArrayList<>();
        for (ErpDocumentDraft d : todo) {
            ErpDocumentRef ref = created.get(d.idempotencyRef());
            if (ref == null) {
                throw new IllegalStateException("document " + d.idempotencyRef() + " not found after its insert");
            }
            documentRows.addAll(rows.parameters(d, ref.documentId()));
        }
        rows.insertAll(documentRows);
        batch.stored().putAll(created);
    }

    /** {@code String.format("%0" + width + "d", n)} for the non-negative numbers of codes, without a Formatter per code. */
    static String zeroPadded(int n, int width) {
        if (n < 0) {
            return String.format("%0" + width + "d", n);
        }
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** An account, ship-to or document the ERP has, by id and code. */
    private record Keyed(long id, String code) {
    }

    private static Keyed find(Map<String, Keyed> known, String existingCode, String shopRef) {
        Keyed byCode = existingCode == null ? null : known.get("code:" + existingCode);
        return byCode != null ? byCode : known.get("ref:" + shopRef);
    }

    private static Keyed customerOf(Map<String, Keyed> customers, ErpDocumentDraft d) {
        Keyed customer = find(customers, d.customer().existingCode(), d.customer().shopRef());
        if (customer == null) {
            throw new IllegalStateException("customer account " + d.customer().shopRef() + " not found after its insert");
        }
        return customer;
    }

    /** Rows (id, code, shop_ref) found by code or shop reference, keyed "code:…" and "ref:…". */
    private Map<String, Keyed> keyed(String file, Collection<String> codes, Collection<String> shopRefs) {
        Map<String, Keyed> found = new HashMap<>();
        erp.query(sql(file), new MapSqlParameterSource().addValue("codes", nonEmpty(codes)).addValue("shopRefs", nonEmpty(shopRefs)),
                (java.sql.ResultSet rs) -> {
                    Keyed k = new Keyed(rs.getLong("id"), rs.getString("code"));
                    found.put("code:" + k.code(), k);
                    if (rs.getString("shop_ref") != null) {
                        found.put("ref:" + rs.getString("shop_ref"), k);
                    }
                });
        return found;
    }

    /** The first of {@code count} numbers taken from a counter (one statement), read back in the same transaction. */
    private int reserve(String reserveFile, String readFile, String keyName, String key, int count) {
        erp.update(sql(reserveFile), new MapSqlParameterSource().addValue(keyName, key).addValue("count", count));
        Integer last = erp.queryForObject(sql(readFile), Map.of(keyName, key), Integer.class);
        if (last == null) {
            throw new IllegalStateException("counter " + key + " not found after its update");
        }
        return last - count + 1;
    }

    private Map<String, ErpDocumentRef> documents(Collection<String> refs, boolean created) {
        Map<String, ErpDocumentRef> found = new HashMap<>();
        erp.query(sql("batch-documents-by-ref.sql"), Map.of("refs", nonEmpty(refs)), (java.sql.ResultSet rs) -> {
            found.put(rs.getString("idempotency_ref"), new ErpDocumentRef(rs.getLong("id"), rs.getString("series"), rs.getInt("number"),
                    rs.getString("customer_code"), rs.getString("ship_to_code"), created));
        });
        return found;
    }

    /** A list an IN (…) can take: never empty (a lone NULL matches nothing), no nulls otherwise. */
    private static List<String> nonEmpty(Collection<String> values) {
        List<String> present = values.stream().filter(java.util.Objects::nonNull).distinct().toList();
        return present.isEmpty() ? Collections.singletonList(null) : present;
    }

    /** A statement of sql/erp/, its camel-jdbc placeholders ({@code :?name}) read as Spring's ({@code :name}). */
    private String sql(String file) {
        return sql.computeIfAbsent(file, f -> {
            try {
                return new ClassPathResource("sql/erp/" + f).getContentAsString(StandardCharsets.UTF_8).replace(":?", ":");
            } catch (IOException e) {
                throw new UncheckedIOException("sql/erp/" + f + " is missing from the classpath", e);
            }
        });
    }
}
