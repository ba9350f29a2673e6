package it.ponte.erp;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the ERP change log (filled by triggers, whoever writes) after a watermark. A sequence number is taken
 * when a row is written but becomes visible when its transaction commits, so a change committed late can sit
 * behind one already read: the watermark only moves over an unbroken run of numbers. A hole older than
 * {@code gapTimeout} is a rolled-back write and is stepped over. Re-reading a document is harmless: the diff
 * compares states.
 */
@Repository
public class ErpChangeLog {

    private final NamedParameterJdbcTemplate erp;

    public ErpChangeLog(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp) {
        this.erp = erp;
    }

    /** The changed documents after the watermark, and the watermark that is safe to keep afterwards. */
    public record Batch(Set<Long> documentIds, long safeWatermark, boolean more) {
    }

    public Batch after(long watermark, int limit, Duration gapTimeout) {
        Instant now = erp.queryForObject("SELECT CURRENT_TIMESTAMP(3)", Map.of(), Timestamp.class).toInstant();
        List<long[]> rows = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        erp.query("SELECT seq, document_id, changed_at FROM erp_change WHERE seq > :wm ORDER BY seq LIMIT :limit",
                Map.of("wm", watermark, "limit", limit), rs -> {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    times.add(rs.getTimestamp(3).toInstant());
                });
        Set<Long> documents = new LinkedHashSet<>();
        long safe = watermark;
        boolean blocked = false;
        for (int i = 0; i < rows.size(); i++) {
            long seq = rows.get(i)[0];
            documents.add(rows.get(i)[1]);
            if (blocked) {
                continue;
            }
            if (seq == safe + 1 || times.get(i).isBefore(now.minus(gapTimeout))) {
                safe = seq;
            } else {
                // A number below this one is still missing: its transaction may not have committed yet.
                blocked = true;
            }
        }
        return new Batch(documents, safe, rows.size() == limit);
    }

    public long lastSeq() {
        Long max = erp.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM erp_change", Map.of(), Long.class);
        return max == null ? 0 : max;
    }
}
