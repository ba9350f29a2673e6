package it.ponte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.ponte.PonteIntegrationTest;
import it.ponte.db.DataSourcesConfig.DatabaseLocations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** The embedded server is safe by default: loopback only, grants on, Ponte's own password, never a temp folder. */
class EmbeddedDatabaseSafetyTest extends PonteIntegrationTest {

    @Autowired
    DatabaseLocations locations;

    @Test
    void theEmbeddedServerLetsNobodyInWithoutPontesPassword() throws Exception {
        assumeTrue(locations.embedded(), "runs on the embedded server only (PONTE_DB_URL names an external one)");
        String server = locations.shopUrl().substring(0, locations.shopUrl().lastIndexOf('/'));

        assertThatThrownBy(() -> DriverManager.getConnection(server + "/", "root", "").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server + "/", "chiunque", "qualsiasi").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(server + "/", locations.username(), "sbagliata").close())
                .isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(server + "/", locations.username(), locations.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT @@bind_address, @@skip_grant_tables")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rs.getInt(2)).isZero();
        }
        assertThat(locations.username()).isEqualTo("ponte");
        assertThat(locations.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(locations.toString()).doesNotContain(locations.password());
    }

    @Test
    void aDataFolderUnderTheTemporaryFolderIsRefusedWithTheReason() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assertThatThrownBy(() -> EmbeddedMariaDb.refuseTempFolder(tmp.resolve("ponte/data"), tmp))
                .hasMessageContaining("ponte.db.embedded.data-dir").hasMessageContaining("temporary folder");
        // also when written so that it only resolves there
        assertThatThrownBy(() -> EmbeddedMariaDb.refuseTempFolder(tmp.resolve("a/../b/data"), tmp))
                .hasMessageContaining("ponte.db.embedded.data-dir");
        EmbeddedMariaDb.refuseTempFolder(Path.of("./data/mariadb"), tmp);
    }

    @Test
    void withoutADatabaseAndWithoutAskingForTheEmbeddedOneTheStartStopsNamingTheProperty() {
        DatabaseProperties nothing = new DatabaseProperties(null, "root", "", "shop", "erp", null, null,
                new DatabaseProperties.Embedded(false, "./data/mariadb", 0, false, "ponte", null, java.time.Duration.ofSeconds(90)), java.time.Duration.ofSeconds(3));

        assertThatThrownBy(() -> new DataSourcesConfig().databaseLocations(nothing, new MockEnvironment()))
                .hasMessageContaining("ponte.db.url").hasMessageContaining("ponte.db.embedded.enabled=true");
    }
}
