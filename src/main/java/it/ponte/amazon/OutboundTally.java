package it.ponte.amazon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What one Amazon outbound phase did so far: commands Amazon accepted, commands that failed, feed problems. */
public final class OutboundTally {

    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    public void confirmed() {
        confirmed.incrementAndGet();
    }

    public void failed(int commands) {
        failed.addAndGet(commands);
    }

    /** A refusal read in a processing report (not a failure of a route step): the run's report shows it as is. */
    public void refused(String line) {
        failed.incrementAndGet();
        problems.add(line);
    }

    public void problem(String line) {
        problems.add(line);
    }

    public int confirmedCount() {
        return confirmed.get();
    }

    public int failedCount() {
        return failed.get();
    }

    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
