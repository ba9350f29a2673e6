package it.ponte.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * A statement with named parameters ({@code :name}, or camel-jdbc's {@code :?name}) sent as a JDBC batch of rows whose
 * values come positionally, in the order the caller declares. Built once per statement: the names found in the text must
 * be the declared ones in that order, so a statement file edited without its caller fails at start, not with rows
 * bound to the wrong columns. A large batch (the ERP insert's rows, tens of thousands per run) spends no map per row
 * and no type lookup per value, which with named parameters took a third of the batch's time.
 */
public final class PositionalBatch {

    /** A parameter outside quotes: {@code :name} or {@code :?name} (no {@code ::} casts in these statements). */
    private static final Pattern NAMED = Pattern.compile("'[^']*'|:\\??([A-Za-z][A-Za-z0-9_]*)");

    private final String sql;
    private final List<String> names;

    private PositionalBatch(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    /** The statement with its named parameters, which must be {@code expected} in that order. */
    public static PositionalBatch of(String namedSql, List<String> expected) {
        // comment lines go: their words (an apostrophe, a colon) are not the statement's
        String statement = namedSql.lines().filter(line -> !line.strip().startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
        Matcher m = NAMED.matcher(statement);
        StringBuilder positional = new StringBuilder();
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (m.group(1) == null) {
                m.appendReplacement(positional, Matcher.quoteReplacement(m.group()));
            } else {
                found.add(m.group(1));
                m.appendReplacement(positional, "?");
            }
        }
        m.appendTail(positional);
        if (!found.equals(expected)) {
            throw new IllegalStateException("statement parameters " + found + " are not the expected " + expected + ": " + namedSql);
        }
        return new PositionalBatch(positional.toString(), List.copyOf(found));
    }

    public String sql() {
        return sql;
    }

    public List<String> names() {
        return names;
    }

    /** Sends the rows as one batch on the caller's connection (its transaction): each row's values in the declared order. */
    public void execute(JdbcOperations jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = names.size();
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                if (row.length != width) {
                    throw new IllegalArgumentException("a row of " + row.length + " values for " + width + " parameters " + names);
                }
                for (int k = 0; k < width; k++) {
                    ps.setObject(k + 1, row[k]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
