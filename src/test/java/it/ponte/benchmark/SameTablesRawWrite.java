package it.ponte.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second raw limit, to tell Ponte's own cost from the cost of the schemas it writes: the very rows a run left in the
 * shop's and the ERP's tables (every table that grew, the ERP's change log included, which its trigger writes),
 * written again by plain batched JDBC into copies of those tables with the same columns and keys
 * ({@code CREATE TABLE ... LIKE}: no triggers, no foreign keys), committing every {@value #ROWS_PER_COMMIT} rows.
 * What the run spent beyond this is Ponte's: its reads, its decisions, its round trips.
 */
final class SameTablesRawWrite {

    private static final int ROWS_PER_COMMIT = 300;
    private static final List<String> NOT_THE_RUNS = List.of("flyway_schema_history", "QRTZ_");

    private SameTablesRawWrite() {
    }

    /** How many rows each table of the database holds, before the run. */
    static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class)) {
            if (NOT_THE_RUNS.stream().noneMatch(table::startsWith)) {
                counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "`", Long.class));
            }
        }
        return counts;
    }

    /** The rows the run added to each table that grew, written again into a copy of it; seconds spent writing. */
    static Result measure(JdbcTemplate jdbc, Map<String, Long> before) {
        Map<String, Long> after = counts(jdbc);
        Map<String, Long> grown = after.entrySet().stream().filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - before.getOrDefault(e.getKey(), 0L), (a, b) -> a,
                        LinkedHashMap::new));
        long[] nanos = new long[1];
        long[] rows = new long[1];
        jdbc.execute((ConnectionCallback<Void>) c -> {
            for (Map.Entry<String, Long> table : grown.entrySet()) {
                String copy = "raw_copy_" + table.getKey();
                try (Statement ddl = c.createStatement()) {
                    ddl.execute("DROP TABLE IF EXISTS `" + copy + "`");
                    ddl.execute("CREATE TABLE `" + copy + "` LIKE `" + table.getKey() + "`");
                }
                // the columns a row is written with: generated ones are the server's
                List<String> written = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                        + "AND table_name = ? AND generation_expression IS NULL AND extra NOT LIKE '%GENERATED%' AND extra NOT LIKE '%VIRTUAL%' "
                        + "AND extra NOT LIKE '%PERSISTENT%' ORDER BY ordinal_position", String.class, table.getKey());
                String names = written.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
                List<Object[]> added = new ArrayList<>();
                int columns;
                // the newest rows, as many as the table grew by (every table here has an ascending first key column)
                try (Statement read = c.createStatement();
                     ResultSet rs = read.executeQuery("SELECT " + names + " FROM `" + table.getKey() + "` ORDER BY 1 DESC LIMIT " + table.getValue())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    columns = meta.getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        added.add(row);
                    }
                }
                java.util.Collections.reverse(added);
                String sql = "INSERT INTO `" + copy + "` (" + names + ") VALUES (" + "?,".repeat(columns - 1) + "?)";
                long t0 = System.nanoTime();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int pending = 0;
                    for (Object[] row : added) {
                        for (int i = 0; i < columns; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                        if (++pending == ROWS_PER_COMMIT) {
                            ps.executeBatch();
                            c.commit();
                            pending = 0;
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                } finally {
                    c.setAutoCommit(true);
                }
                nanos[0] += System.nanoTime() - t0;
                rows[0] += added.size();
                try (Statement ddl = c.createStatement()) {
                    ddl.execute("DROP TABLE `" + copy + "`");
                }
            }
            return null;
        });
        return new Result(nanos[0] / 1e9, rows[0], grown);
    }

    record Result(double seconds, long rows, Map<String, Long> tables) {

        Result plus(Result other) {
            Map<String, Long> all = new LinkedHashMap<>(tables);
            all.putAll(other.tables);
            return new Result(seconds + other.seconds, rows + other.rows, all);
        }
    }
}
