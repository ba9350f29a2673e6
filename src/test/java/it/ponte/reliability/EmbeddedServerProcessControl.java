package it.ponte.reliability;

import java.io.File;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The embedded server's process, driven from outside as an outage does: killed for real ({@code kill -9}), then started
 * again with the very command line it had (same port, same data). The restarted server is stopped when the JVM ends.
 */
final class EmbeddedServerProcessControl {

    private final Path dataDir;
    private List<String> command;

    EmbeddedServerProcessControl(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    ProcessHandle server() {
        return OrphanDatabaseTest.serversOn(dataDir).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no mariadbd serves " + dataDir));
    }

    void kill() throws Exception {
        ProcessHandle server = server();
        List<String> cmd = new ArrayList<>();
        cmd.add(server.info().command().orElseThrow());
        cmd.addAll(List.of(server.info().arguments().orElseThrow()));
        command = cmd;
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
    }

    void restart(String jdbcUrl, String user, String password) throws Exception {
        File log = dataDir.resolveSibling(dataDir.getFileName() + "-restarted.log").toFile();
        Process restarted = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            restarted.destroy();
            try {
                restarted.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "restarted-mariadbd-stop"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    DriverManager.getConnection(jdbcUrl, user, password).close();
                    return true;
                });
    }
}
