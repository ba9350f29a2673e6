package it.ponte.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code mariadbd} left behind by a Ponte that was killed ({@code kill -9}, an OOM kill): it keeps the data folder's
 * Aria and InnoDB locks, so a new server on the same folder would never start. Before starting its server, Ponte looks
 * for one on the same data folder (the pid files MariaDB writes there, then the process list) and stops it: cleanly
 * (SIGTERM, MariaDB flushes and releases its locks), forcibly only if it does not stop in time. A server whose parent is
 * a live Java process belongs to a running Ponte: that one is never touched, the start is refused with the reason.
 */
final class OrphanServers {

    private static final Logger log = LoggerFactory.getLogger(OrphanServers.class);
    private static final Duration CLEAN_STOP = Duration.ofSeconds(60);

    private OrphanServers() {
    }

    /** Stops every orphan server of this data folder; the answer is how many were stopped. */
    static int stopOrphansOf(Path dataDir) {
        List<ProcessHandle> servers = serversOf(dataDir);
        for (ProcessHandle server : servers) {
            Optional<ProcessHandle> parent = server.parent().filter(ProcessHandle::isAlive);
            if (parent.isPresent() && isJava(parent.get())) {
                throw new IllegalStateException("The embedded MariaDB of " + dataDir + " is already run by another Ponte (process "
                        + parent.get().pid() + "): stop that one first, or point this node at its server with ponte.db.url");
            }
            log.warn("A MariaDB server (process {}) left behind by a Ponte that stopped abruptly still holds {}: stopping it",
                    server.pid(), dataDir);
            stop(server);
        }
        return servers.size();
    }

    static List<ProcessHandle> serversOf(Path dataDir) {
        List<ProcessHandle> found = new ArrayList<>();
        for (long pid : pidFiles(dataDir)) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanServers::isMariaDb).ifPresent(found::add);
        }
        List<String> names = folderNames(dataDir);
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(OrphanServers::isMariaDb)
                .filter(p -> p.info().commandLine().map(cmd -> names.stream().anyMatch(n -> servesFolder(cmd, n))).orElse(false))
                .filter(p -> found.stream().noneMatch(f -> f.pid() == p.pid()))
                .forEach(found::add);
        return found;
    }

    /** {@code --datadir=<folder>} or {@code --datadir <folder>}, with the folder as the whole value (not a prefix). */
    static boolean servesFolder(String commandLine, String folder) {
        for (String form : List.of("--datadir=" + folder, "--datadir " + folder)) {
            int at = commandLine.indexOf(form);
            while (at >= 0) {
                int end = at + form.length();
                if (end == commandLine.length() || commandLine.charAt(end) == ' ' || commandLine.charAt(end) == '/'
                        && (end + 1 == commandLine.length() || commandLine.charAt(end + 1) == ' ')) {
                    return true;
                }
                at = commandLine.indexOf(form, end);
            }
        }
        return false;
    }

    private static List<String> folderNames(Path dataDir) {
        List<String> names = new ArrayList<>();
        names.add(dataDir.toAbsolutePath().normalize().toString());
        try {
            String real = dataDir.toRealPath().toString();
            if (!names.contains(real)) {
                names.add(real);
            }
        } catch (IOException missing) {
            // a folder that does not exist yet has no server either
        }
        return names;
    }

    private static List<Long> pidFiles(Path dataDir) {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path file : files) {
                try {
                    pids.add(Long.parseLong(Files.readString(file).trim()));
                } catch (IOException | NumberFormatException unreadable) {
                    // a half-written pid file: the process list still finds the server
                }
            }
        } catch (IOException e) {
            log.debug("Cannot list pid files in {}: {}", dataDir, e.toString());
        }
        return pids;
    }

    private static boolean isMariaDb(ProcessHandle p) {
        return p.info().command().map(c -> {
            String name = Path.of(c).getFileName().toString();
            return name.equals("mariadbd") || name.equals("mysqld");
        }).orElse(false);
    }

    private static boolean isJava(ProcessHandle p) {
        return p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("java")).orElse(false);
    }

    private static void stop(ProcessHandle server) {
        server.destroy();
        try {
            server.onExit().get(CLEAN_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notInTime) {
            log.warn("MariaDB server {} did not stop within {} s: killing it", server.pid(), CLEAN_STOP.toSeconds());
            server.destroyForcibly();
            try {
                server.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The MariaDB server left behind (process " + server.pid() + ") cannot be stopped", e);
            }
        }
    }
}
