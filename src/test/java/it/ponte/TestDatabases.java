package it.ponte;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Empties the business tables of both databases between tests (Flyway's history, Quartz's tables and the kept ones stay). */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static void truncateAll(NamedParameterJdbcTemplate jdbc, List<String> keep) {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
                Map.of(), String.class);
        jdbc.getJdbcTemplate().execute("SET FOREIGN_KEY_CHECKS = 0");
        try {
            for (String table : tables) {
                // Flyway's history and the running Quartz scheduler's tables are infrastructure, not business data.
                if (!table.startsWith("flyway_") && !table.toUpperCase().startsWith("QRTZ_") && !keep.contains(table)) {
                    jdbc.getJdbcTemplate().execute("TRUNCATE TABLE `" + table + "`");
                }
            }
        } finally {
            jdbc.getJdbcTemplate().execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }
}
