package it.ponte.erp;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reads the ERP change log (filled by triggers, whoever writes) after a watermark; the {@code erp-changed-documents}
 * route reads it page by page on camel-jdbc and hands each page here. A sequence number is taken when a row is
 * written but becomes visible when its transaction commits, so a change committed late can sit behind one already
 * read: the watermark only moves over an unbroken run of numbers. A hole older than {@code gapTimeout} is a
 * rolled-back write and is stepped over. Re-reading a document is harmless: the diff compares states.
 */
@Component("erpChangeLog")
public class ErpChangeLog {

    /** The exchange property holding the scan in progress. */
    public static final String SCAN = "erpChangeScan";

    private final ErpProperties properties;
    private final ProducerTemplate routes;

    public ErpChangeLog(ErpProperties properties, @Lazy ProducerTemplate routes) {
        this.properties = properties;
        this.routes = routes;
    }

    /** The changed documents of one page, and the watermark that is safe to keep afterwards. */
    public record Batch(Set<Long> documentIds, long safeWatermark, boolean more) {
    }

    /**
     * The gap-safe reading of one page of the change log: rows of {@code seq}, {@code document_id}, {@code changed_at}
     * and {@code read_at} (the ERP's clock when it answered), in {@code seq} order, at most {@code limit} of them.
     */
    public static Batch after(long watermark, List<Map<String, Object>> rows, int limit, Duration gapTimeout) {
        Set<Long> documents = new LinkedHashSet<>();
        long safe = watermark;
        boolean blocked = false;
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            documents.add(((Number) row.get("document_id")).longValue());
            if (blocked) {
                continue;
            }
            Instant now = instant(row.get("read_at"));
            if (seq == safe + 1 || instant(row.get("changed_at")).isBefore(now.minus(gapTimeout))) {
                safe = seq;
            } else {
                // A number below this one is still missing: its transaction may not have committed yet.
                blocked = true;
            }
        }
        return new Batch(documents, safe, rows.size() == limit);
    }

    /** The changes after the watermark, page after page, as the {@code erp-changed-documents} route reads them. */
    public Scan changesAfter(long watermark, Collection<Long> alsoDocuments) {
        Scan scan = new Scan(watermark, properties.changePageSize(), watermark);
        scan.documentIds.addAll(alsoDocuments);
        return scan;
    }

    /** Every document, page after page (TOTAL); the watermark then moves to {@code lastSeq}, read before the pages. */
    public Scan allDocuments(@Body Number lastSeq) {
        return new Scan(0, properties.documentPageSize(), lastSeq == null ? 0 : lastSeq.longValue());
    }

    /** A step of the change-log loop: one page read, the watermark moved as far as it safely may. */
    public void changesRead(@Body List<Map<String, Object>> rows, @ExchangeProperty(SCAN) Scan scan) {
        Batch batch = after(scan.cursor, rows, scan.limit, properties.changeGapTimeout());
        scan.documentIds.addAll(batch.documentIds());
        boolean moved = batch.safeWatermark() > scan.cursor;
        scan.cursor = batch.safeWatermark();
        scan.nextWatermark = scan.cursor;
        scan.open = moved && batch.more();
    }

    /** A step of the TOTAL loop: one page of document ids. */
    public void documentsRead(@Body List<Map<String, Object>> rows, @ExchangeProperty(SCAN) Scan scan) {
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            scan.documentIds.add(id);
            scan.cursor = id;
        }
        scan.open = rows.size() == scan.limit;
    }

    /** The last number of the change log, through the route (the sandbox's tests read it too). */
    public long lastSeq() {
        Number last = routes.requestBody("direct:erp-change-log-last", null, Number.class);
        return last == null ? 0 : last.longValue();
    }

    /**
     * One reading of the ERP, carried through the loop of the route: where it is ({@code cursor}: the change-log
     * watermark, or the last document id of a TOTAL run), what it found, and whether to read another page.
     */
    public static final class Scan {

        private final int limit;
        private final Set<Long> documentIds = new LinkedHashSet<>();
        private long cursor;
        private long nextWatermark;
        private boolean open = true;

        Scan(long cursor, int limit, long nextWatermark) {
            this.cursor = cursor;
            this.limit = limit;
            this.nextWatermark = nextWatermark;
        }

        public long getCursor() {
            return cursor;
        }

        public int getLimit() {
            return limit;
        }

        public boolean isOpen() {
            return open;
        }

        public List<Long> getDocumentIds() {
            return new ArrayList<>(documentIds);
        }

        /** The watermark to keep once every document found was compared. */
        public long getNextWatermark() {
            return nextWatermark;
        }
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            // both clocks of a comparison come the same way from the session, which runs in UTC
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        throw new IllegalStateException("The ERP change log answered '" + value + "' where a time was expected");
    }
}
