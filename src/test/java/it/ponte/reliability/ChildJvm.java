package it.ponte.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A second JVM on this test's class path, whose output lines the test can wait for; killed with SIGKILL like a crash. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process died: that is what the tests do to it
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Duser.timezone=UTC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * A Ponte node in its own JVM on the test's databases and simulators (sandbox profile), under its own node name and
     * port, plus the given settings. It starts quickly on a shared two-core machine (the client compiler, the serial
     * collector), without JMX, and logs Ponte at INFO, the rest at WARN.
     */
    static ChildJvm ponteNode(it.ponte.db.DataSourcesConfig.DatabaseLocations databases, String sandboxUrl, String node, int port,
                              String... settings) throws IOException {
        return ponteNode(databases, sandboxUrl, node, port, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), settings);
    }

    /** The same with JVM options of the caller's choice (the benchmark's: a 256 MB heap, a GC log), after the default -Xmx512m. */
    public static ChildJvm ponteNode(it.ponte.db.DataSourcesConfig.DatabaseLocations databases, String sandboxUrl, String node, int port,
                                     List<String> jvmOptions, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=sandbox,test",
                "--server.port=" + port,
                "--ponte.sync.node=" + node,
                "--ponte.db.shop-url=" + databases.shopUrl(),
                "--ponte.db.erp-url=" + databases.erpUrl(),
                "--ponte.db.username=" + databases.username(),
                "--ponte.db.password=" + databases.password(),
                "--ponte.db.embedded.wipe-on-start=false",
                "--ponte.sandbox.base-url=" + sandboxUrl,
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--logging.level.it.ponte=INFO",
                "--logging.level.root=WARN"));
        args.addAll(List.of(settings));
        return start(it.ponte.PonteApplication.class, jvmOptions, args.toArray(String[]::new));
    }

    /**
     * This JVM's class path without its empty entries: the JVM reads an empty entry (Surefire's class path ends with a
     * separator) as the working directory, where the project's {@code routes/} folder would be found a second time.
     */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** The first output line that matches, waiting at most {@code timeout}. */
    public String await(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    throw new AssertionError("The child JVM did not say what was awaited within " + timeout + "; its last lines:\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
                lines.wait(Math.max(1, Math.min(500, left / 1_000_000)));
            }
        }
    }

    public int exitValue() {
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the child JVM printed so far (for a test's own report when something went wrong). */
    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** What {@code kill -9} does: no shutdown hook, no finally, children left behind. */
    public void killHard() throws Exception {
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** What a service manager's stop does: SIGTERM, the shutdown hooks run. */
    public int stopGracefully(Duration timeout) throws Exception {
        process.destroy();
        CompletableFuture<Process> exit = process.onExit();
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS).exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            killHard();
        }
    }
}
