package it.ponte.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CPU time spent by this JVM (split by thread: the embedded web server's, which serve the sandbox's Amazon and
 * Mailchimp; the rest, Ponte's routes and the test) and by the embedded MariaDB server, between two readings. On a
 * machine whose cores are all busy it tells the ratio of wall times apart from the share each part took.
 */
record CpuUse(long jvmNanos, long httpServerNanos, long mariadbNanos, long jitMillis, long gcMillis, Map<String, Long> byThread) {

    /** Clock ticks per second of /proc/PID/stat on Linux. */
    private static final long TICKS = 100;

    static CpuUse now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long http = 0;
        Map<String, Long> byThread = new java.util.HashMap<>();
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info == null) {
                continue;
            }
            long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            if (info.getThreadName().startsWith("http-nio")) {
                http += cpu;
            }
            byThread.merge(info.getThreadName().replaceAll("\\d+", "#"), cpu, Long::sum);
        }
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        return new CpuUse(jvm, http, mariadb(), ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc, byThread);
    }

    CpuUse since(CpuUse before) {
        Map<String, Long> threads = new java.util.HashMap<>();
        byThread.forEach((name, cpu) -> threads.put(name, cpu - before.byThread.getOrDefault(name, 0L)));
        return new CpuUse(jvmNanos - before.jvmNanos, httpServerNanos - before.httpServerNanos, mariadbNanos - before.mariadbNanos,
                jitMillis - before.jitMillis, gcMillis - before.gcMillis, threads);
    }

    /** The threads of this JVM that took the most CPU, numbers in their names folded ("#"), in seconds. */
    String busiestThreads(int n) {
        return byThread.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / 1e9)).collect(java.util.stream.Collectors.joining(", "));
    }

    double total() {
        return (jvmNanos + mariadbNanos) / 1e9;
    }

    @Override
    public String toString() {
        return String.format("%.2f CPU-s: JVM %.2f (web server threads, i.e. the sandbox, %.2f; the rest, Ponte with GC and JIT, %.2f; "
                        + "JIT compilers busy %.2f s, GC %.2f s; busiest threads: %s), MariaDB %.2f", total(), jvmNanos / 1e9, httpServerNanos / 1e9,
                (jvmNanos - httpServerNanos) / 1e9, jitMillis / 1e3, gcMillis / 1e3, busiestThreads(4), mariadbNanos / 1e9);
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
