package it.ponte.db;

import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * One {@code INSERT … VALUES (…), (…) … RETURNING …} for many rows, its values bound by position: a page of the import
 * stores its buyers, addresses and orders each in one round trip, and answers them as stored. With named parameters the
 * binding (a map entry and a type lookup for each of a page's ~1,500 values) cost more than the statement itself.
 */
public final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /**
     * {@code head} is the statement up to {@code VALUES} (e.g. {@code INSERT INTO t (a, b)}); every row has the same number of
     * values, in the order of its columns; {@code each} sees the rows {@code returning} names, as the server answered them.
     */
    public static void returning(JdbcOperations jdbc, String head, List<Object[]> rows, String returning, RowCallbackHandler each) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        String sql = head + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), tuple)) + " RETURNING " + returning;
        jdbc.query(sql, ps -> {
            int p = 1;
            for (Object[] row : rows) {
                if (row.length != width) {
                    throw new IllegalArgumentException("rows of " + width + " and " + row.length + " values in one insert");
                }
                for (Object value : row) {
                    ps.setObject(p++, value);
                }
            }
        }, each);
    }
}
