package it.ponte.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time spent by this JVM (split by thread: the embedded web server's, which serve the sandbox's Amazon and
 * Mailchimp; the rest, Ponte's routes and the test) and by the embedded MariaDB server, between two readings. On a
 * machine whose cores are all busy it tells the ratio of wall times apart from the share each part took.
 */
record CpuUse(long jvmNanos, long httpServerNanos, long mariadbNanos) {

    /** Clock ticks per second of /proc/PID/stat on Linux. */
    private static final long TICKS = 100;

    static CpuUse now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long http = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                http += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return new CpuUse(jvm, http, mariadb());
    }

    CpuUse since(CpuUse before) {
        return new CpuUse(jvmNanos - before.jvmNanos, httpServerNanos - before.httpServerNanos, mariadbNanos - before.mariadbNanos);
    }

    double total() {
        return (jvmNanos + mariadbNanos) / 1e9;
    }

    Map<String, Double> seconds() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("jvm", jvmNanos / 1e9);
        s.put("web server threads (sandbox)", httpServerNanos / 1e9);
        s.put("jvm others (Ponte, GC, JIT)", (jvmNanos - httpServerNanos) / 1e9);
        s.put("mariadb", mariadbNanos / 1e9);
        return s;
    }

    @Override
    public String toString() {
        return String.format("%.2f CPU-s: JVM %.2f (web server threads, i.e. the sandbox, %.2f; the rest, Ponte with GC and JIT, %.2f), MariaDB %.2f",
                total(), jvmNanos / 1e9, httpServerNanos / 1e9, (jvmNanos - httpServerNanos) / 1e9, mariadbNanos / 1e9);
    }

    /** The embedded MariaDB server started from this project's target folder (0 when there is none, e.g. an external server). */
    private static long mariadb() {
        String project = Path.of("").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") && c.startsWith(project)).orElse(false))
                .mapToLong(p -> {
                    try {
                        String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime and stime: fields 14 and 15 of the whole line, 12 and 13 after the command
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * (1_000_000_000L / TICKS);
                    } catch (java.io.IOException | RuntimeException e) {
                        return 0;
                    }
                }).sum();
    }
}
