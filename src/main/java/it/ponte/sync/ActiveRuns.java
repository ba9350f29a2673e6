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
