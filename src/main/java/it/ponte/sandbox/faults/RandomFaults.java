package it.ponte.sandbox.faults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults at random, at a rate, for rehearsals and the reliability tests: each call of a simulated remote is given a fault
 * with probability {@code rate}, of a kind drawn from {@code kinds}. The draw is a function of the seed, the call (method
 * and path) and how many times that same call came before, never of the order in which concurrent calls arrive: the
 * same seed and the same client behaviour give the same faults, run after run.
 */
public final class RandomFaults {

    /** What the switch is set to; {@code rate} 0 is off. */
    public record Settings(double rate, long seed, Set<RandomFaultKind> kinds, long stallMillis, int retryAfterSeconds) {

        public static final Settings OFF = new Settings(0, 0, EnumSet.allOf(RandomFaultKind.class), 0, 1);

        public Settings {
            if (Double.isNaN(rate) || rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rate must be between 0 and 1, not " + rate);
            }
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(RandomFaultKind.class) : EnumSet.copyOf(kinds);
            if (stallMillis < 0 || stallMillis > 600_000) {
                throw new IllegalArgumentException("stallMillis must be between 0 and 600000, not " + stallMillis);
            }
            if (retryAfterSeconds < 0 || retryAfterSeconds > 3600) {
                throw new IllegalArgumentException("retryAfterSeconds must be between 0 and 3600, not " + retryAfterSeconds);
            }
        }
    }

    /** The switch's settings and what it has done since they were set. */
    public record Status(Settings settings, long calls, long injected, Map<RandomFaultKind, Long> byKind) {
    }

    private volatile Settings settings = Settings.OFF;
    private volatile List<RandomFaultKind> kinds = List.copyOf(Settings.OFF.kinds());
    private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    private final Map<RandomFaultKind, AtomicLong> injected = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public synchronized void configure(Settings settings) {
        this.settings = settings;
        this.kinds = new ArrayList<>(settings.kinds());
        seen.clear();
        injected.clear();
        calls.set(0);
    }

    public void off() {
        configure(Settings.OFF);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The fault this call gets, if any. {@code call} names it (method and path); {@code spoilable} says whether its answer
     * could be spoiled after it was carried out (a JSON answer): the kinds that need one are not drawn for the others.
     */
    public Optional<RandomFaultKind> roll(String call, boolean spoilable) {
        Settings s = settings;
        if (s.rate() <= 0) {
            return Optional.empty();
        }
        calls.incrementAndGet();
        long n = seen.computeIfAbsent(call, k -> new AtomicLong()).getAndIncrement();
        long h = mix(s.seed() ^ mix(call.hashCode() * 0x9E3779B97F4A7C15L + n));
        double draw = (h >>> 11) * 0x1.0p-53;
        if (draw >= s.rate()) {
            return Optional.empty();
        }
        List<RandomFaultKind> candidates = spoilable ? kinds
                : kinds.stream().filter(k -> k != RandomFaultKind.TRUNCATED_JSON && k != RandomFaultKind.WRONG_TYPE).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        RandomFaultKind kind = candidates.get((int) Math.floorMod(mix(h + 1), (long) candidates.size()));
        return Optional.of(kind);
    }

    /** Counts a fault that was injected (a spoiling kind is counted only once the answer could be spoiled). */
    public void injected(RandomFaultKind kind) {
        injected.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** A stable number for choices within one fault (which field to spoil). */
    public long detail(String call) {
        return mix(settings.seed() + call.hashCode());
    }

    public Status status() {
        Map<RandomFaultKind, Long> byKind = new EnumMap<>(RandomFaultKind.class);
        injected.forEach((k, v) -> byKind.put(k, v.get()));
        return new Status(settings, calls.get(), byKind.values().stream().mapToLong(Long::longValue).sum(), byKind);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
