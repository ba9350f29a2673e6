package it.ponte.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two databases Ponte keeps in step, each with its own pool, Flyway history and transactions:
 * no transaction ever spans both, even when they share a server.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourcesConfig {

    /** Pool names, which Hikari puts in every "connection not available" message: how a failure tells which database. */
    public static final String SHOP_POOL = "ponte-shop";
    public static final String ERP_POOL = "ponte-erp";

    @Bean
    DatabaseLocations databaseLocations(DatabaseProperties configured, Environment env) {
        DatabaseProperties props = withSpringDatasource(configured, env);
        if (props.isEmbedded()) {
            if (!props.embedded().enabled()) {
                throw new IllegalStateException("No database configured: set ponte.db.url (PONTE_DB_URL), e.g. jdbc:mariadb://db:3306, "
                        + "or spring.datasource.url; or ask for the embedded server with ponte.db.embedded.enabled=true");
            }
            EmbeddedMariaDb.Server embedded = EmbeddedMariaDb.start(props.embedded());
            String server = "jdbc:mariadb://127.0.0.1:" + embedded.port();
            createDatabases(server, embedded.username(), embedded.password(), props.shopName(), props.erpName());
            return new DatabaseLocations(server + "/" + props.shopName(), server + "/" + props.erpName(), true,
                    embedded.username(), embedded.password());
        }
        String shopUrl = blankToNull(props.shopUrl());
        String erpUrl = blankToNull(props.erpUrl());
        if (shopUrl == null || erpUrl == null) {
            String server = stripSlash(props.url());
            if (server == null) {
                throw new IllegalStateException("ponte.db.url (PONTE_DB_URL) is required unless both ponte.db.shop-url and ponte.db.erp-url are set");
            }
            createDatabases(server, props.username(), props.password(), shopUrl == null ? props.shopName() : null,
                    erpUrl == null ? props.erpName() : null);
            shopUrl = shopUrl == null ? server + "/" + props.shopName() : shopUrl;
            erpUrl = erpUrl == null ? server + "/" + props.erpName() : erpUrl;
        }
        return new DatabaseLocations(shopUrl, erpUrl, false, props.username(), props.password());
    }

    /**
     * This context's use of the embedded server, closed among the last beans: the server's stop waits for it, so a
     * graceful stop ends the run (recorded, lock released) and closes the pools before the database goes away.
     */
    @Bean(destroyMethod = "close")
    EmbeddedMariaDb.Use embeddedServerUse(DatabaseLocations locations, DatabaseProperties configured) {
        return locations.embedded() ? EmbeddedMariaDb.use(configured.embedded()) : () -> { };
    }

    @Bean
    @Primary
    ShopDatabaseGuard shopDataSource(DatabaseLocations locations, EmbeddedMariaDb.Use embeddedServerUse, DatabaseProperties configured,
                                     java.time.Clock clock) {
        HikariDataSource pool = pool(SHOP_POOL, locations.shopUrl(), locations, 12, configured.connectionTimeout());
        return new ShopDatabaseGuard(pool, SHOP_POOL, configured.connectionTimeout(), clock);
    }

    @Bean
    DataSource erpDataSource(DatabaseLocations locations, EmbeddedMariaDb.Use embeddedServerUse, DatabaseProperties configured) {
        return pool(ERP_POOL, locations.erpUrl(), locations, 8, configured.connectionTimeout());
    }

    /**
     * The ERP as camel-jdbc sees it: inside a {@code transacted} route every {@code jdbc:erpTransactionalDataSource}
     * step gets the connection of the route's ERP transaction (and its close leaves it open), outside one a pooled
     * connection as usual. Its endpoints say {@code resetAutoCommit=false}, so the transaction manager alone commits.
     */
    @Bean
    DataSource erpTransactionalDataSource(@Qualifier("erpDataSource") DataSource dataSource, @Qualifier("erpFlyway") Flyway migrated) {
        return new TransactionAwareDataSourceProxy(dataSource);
    }

    @Bean
    Flyway shopFlyway(@Qualifier("shopDataSource") DataSource dataSource) {
        return migrate(dataSource, "classpath:db/shop");
    }

    @Bean
    Flyway erpFlyway(@Qualifier("erpDataSource") DataSource dataSource) {
        return migrate(dataSource, "classpath:db/erp");
    }

    @Bean
    @Primary
    NamedParameterJdbcTemplate shopJdbc(@Qualifier("shopDataSource") DataSource dataSource, @Qualifier("shopFlyway") Flyway migrated) {
        return new NamedParameterJdbcTemplate(dataSource);
    }

    @Bean
    NamedParameterJdbcTemplate erpJdbc(@Qualifier("erpDataSource") DataSource dataSource, @Qualifier("erpFlyway") Flyway migrated) {
        return new NamedParameterJdbcTemplate(dataSource);
    }

    @Bean
    @Primary
    PlatformTransactionManager shopTransactionManager(@Qualifier("shopDataSource") DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    PlatformTransactionManager erpTransactionManager(@Qualifier("erpDataSource") DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    @Primary
    TransactionTemplate shopTx(@Qualifier("shopTransactionManager") PlatformTransactionManager tm) {
        return readCommitted(tm);
    }

    @Bean
    TransactionTemplate erpTx(@Qualifier("erpTransactionManager") PlatformTransactionManager tm) {
        return readCommitted(tm);
    }

    /** The {@code transacted} policy of the ERP routes: one ERP transaction, read committed as {@link #erpTx}. */
    @Bean
    SpringTransactionPolicy erpTransactionPolicy(@Qualifier("erpTx") TransactionTemplate erpTx) {
        return new SpringTransactionPolicy(erpTx);
    }

    /**
     * Read committed: after losing an insert race on a unique key, the loser must see the winner's committed row
     * when it reads again, which repeatable read's snapshot would hide.
     */
    private static TransactionTemplate readCommitted(PlatformTransactionManager tm) {
        TransactionTemplate template = new TransactionTemplate(tm);
        template.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
        return template;
    }

    /**
     * {@code spring.datasource.url} (with its username and password) names the shop database as Spring users expect;
     * the ERP then lives on the same server under {@code ponte.db.erp-name}, unless {@code ponte.db.erp-url} says otherwise.
     */
    static DatabaseProperties withSpringDatasource(DatabaseProperties props, Environment env) {
        String springUrl = env.getProperty("spring.datasource.url");
        if (springUrl == null || springUrl.isBlank() || !DatabaseProperties.isBlank(props.shopUrl())) {
            return props;
        }
        String erpUrl = props.erpUrl();
        if (DatabaseProperties.isBlank(erpUrl)) {
            int slash = springUrl.indexOf('/', springUrl.indexOf("//") + 2);
            if (slash < 0) {
                throw new IllegalStateException("spring.datasource.url must name the shop database, e.g. jdbc:mariadb://host:3306/shop");
            }
            int query = springUrl.indexOf('?', slash);
            erpUrl = springUrl.substring(0, slash + 1) + props.erpName() + (query < 0 ? "" : springUrl.substring(query));
        }
        return new DatabaseProperties(props.url(), env.getProperty("spring.datasource.username", props.username()),
                env.getProperty("spring.datasource.password", props.password()), props.shopName(), props.erpName(),
                springUrl, erpUrl, props.embedded(), props.connectionTimeout());
    }

    private static Flyway migrate(DataSource dataSource, String location) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(location).load();
        flyway.migrate();
        return flyway;
    }

    private static HikariDataSource pool(String name, String url, DatabaseLocations props, int size, java.time.Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(props.username());
        config.setPassword(props.password());
        config.setMaximumPoolSize(size);
        // short: with the database gone every record would otherwise wait this long before the run learns it
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // Ponte works in UTC (the JVM is set to UTC at start); keep the session in step so NOW() agrees with Java.
        config.setConnectionInitSql("SET time_zone = '+00:00'");
        return new HikariDataSource(config);
    }

    private static void createDatabases(String serverUrl, String username, String password, String... names) {
        try (Connection c = DriverManager.getConnection(serverUrl + "/", username, password);
             Statement s = c.createStatement()) {
            for (String name : names) {
                if (name == null) {
                    continue;
                }
                if (!name.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalStateException("Database name '" + name + "' (ponte.db.shop-name / erp-name) may hold only letters, digits and _");
                }
                s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the MariaDB server at " + serverUrl + " (ponte.db.url): " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String stripSlash(String s) {
        String v = blankToNull(s);
        return v != null && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** JDBC URLs and credentials actually in use; {@code embedded} tells whether Ponte runs the server itself. */
    public record DatabaseLocations(String shopUrl, String erpUrl, boolean embedded, String username, String password) {

        @Override
        public String toString() {
            return "DatabaseLocations[shopUrl=" + shopUrl + ", erpUrl=" + erpUrl + ", embedded=" + embedded + ", username=" + username
                    + ", password=****]";
        }
    }
}
