package it.ponte.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The runs this node is executing now. The stop of the node ends them ({@link RunLifecycle}); a trace that concerns
 * every run in flight (the shop database froze) is written into them. The ids are also kept JVM-wide, so that a second
 * Spring context of the same JVM (tests) never mistakes a live run for a stale one of a previous start.
 */
@Component
public class ActiveRuns {

    private static final Set<Long> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Map<Long, SyncContext> runs = new ConcurrentHashMap<>();
    /**
     * Launches hold it shared from the lock's take to the run's registration here; the node's stop takes it alone to
     * close the door. Without it a run launched while the stop looked at the runs in flight would be recorded, locked and
     * then never run, its lock held until the lease expired (a REST call or a Quartz firing in the last moment).
     */
    private final java.util.concurrent.locks.ReadWriteLock door = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean closed;

    /** A launch, unless the node is stopping ({@link NodeStoppingException}, nothing taken or recorded). */
    <T> T admit(String node, java.util.function.Supplier<T> launch) {
        door.readLock().lock();
        try {
            if (closed) {
                throw new NodeStoppingException(node);
            }
            return launch.get();
        } finally {
            door.readLock().unlock();
        }
    }

    /** No run starts here any more; once it returns, every launch under way is registered (and {@link #all} names it). */
    void close() {
        door.writeLock().lock();
        try {
            closed = true;
        } finally {
            door.writeLock().unlock();
        }
    }

    /** Runs may start again (the context started, again). */
    void open() {
        closed = false;
    }

    void started(SyncContext ctx) {
        runs.put(ctx.getRunId(), ctx);
        IN_THIS_JVM.add(ctx.getRunId());
    }

    void ended(SyncContext ctx) {
        runs.remove(ctx.getRunId());
        IN_THIS_JVM.remove(ctx.getRunId());
    }

    public Collection<SyncContext> all() {
        return List.copyOf(runs.values());
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    static Set<Long> inThisJvm() {
        return Set.copyOf(IN_THIS_JVM);
    }
}
