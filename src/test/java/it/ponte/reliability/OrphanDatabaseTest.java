package it.ponte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.db.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After {@code kill -9} of Ponte its embedded {@code mariadbd} lives on, holding the data folder's locks ("Can't lock
 * aria control file"): the next start finds it by its data folder and stops it, then starts its own server on the data.
 */
@Timeout(240)
class OrphanDatabaseTest {

    private static final String PASSWORD = "orphan-test-password-0123456789";

    @Test
    void aServerLeftBehindByAKilledPonteIsStoppedAndTheNextStartKeepsTheData() throws Exception {
        Path folder = Path.of("target/mariadb-orphan").toAbsolutePath();
        long orphanPid;
        try (ChildJvm crashed = ChildJvm.start(EmbeddedServerProcess.class, List.of(), folder.toString(), PASSWORD)) {
            String ready = crashed.await(l -> l.startsWith("READY"), Duration.ofSeconds(120));
            int port = Integer.parseInt(ready.substring("READY port=".length()));
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "ponte", PASSWORD)) {
                c.createStatement().execute("CREATE DATABASE IF NOT EXISTS orphan_check");
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS orphan_check.kept (id INT PRIMARY KEY)");
                c.createStatement().execute("REPLACE INTO orphan_check.kept VALUES (42)");
            }
            crashed.killHard();
            orphanPid = serversOn(folder).stream().findFirst().orElseThrow(
                    () -> new AssertionError("the killed JVM's mariadbd should have outlived it")).pid();
        }

        long started = System.nanoTime();
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(EmbeddedServerProcess.embedded(folder.toString(), PASSWORD));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("the orphan is stopped").isFalse();
        assertThat(serversOn(folder)).hasSize(1);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/", "ponte", PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM orphan_check.kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the data written before the crash").isEqualTo(42);
        }
        System.out.println("RELIABILITY: orphan mariadbd (pid " + orphanPid + ") stopped and the embedded server restarted on its data in "
                + millis + " ms");
    }

    static List<ProcessHandle> serversOn(Path folder) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(folder.toString() + " ") || cmd.endsWith(folder.toString()))
                        .orElse(false))
                .toList();
    }
}
