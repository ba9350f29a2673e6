package it.ponte.sync;

import it.ponte.amazon.AmazonImportReport;
import it.ponte.erp.ErpInsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of the run in progress, carried through the routes as the exchange property {@code syncContext}:
 * which run, what it may touch, and what each phase did so far.
 */
public final class SyncContext {

    public static final String PROPERTY = "syncContext";

    private final long runId;
    private final SyncMode mode;
    private final SyncTrigger trigger;
    private final boolean counted;
    private final String accountId;
    private final Instant since;
    private final String lockToken;
    private final AmazonImportReport amazonReport = new AmazonImportReport();
    private final List<ErpInsertOutcome> erpInserts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SyncRun.Progress> progress = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Object> phaseReports = new ConcurrentHashMap<>();
    private volatile SyncPhase phase;
    private volatile long phaseStarted;

    public SyncContext(long runId, SyncMode mode, SyncTrigger trigger, boolean counted, String accountId, Instant since, String lockToken) {
        this.runId = runId;
        this.mode = mode;
        this.trigger = trigger;
        this.counted = counted;
        this.accountId = accountId;
        this.since = since;
        this.lockToken = lockToken;
    }

    public long getRunId() {
        return runId;
    }

    public SyncMode getMode() {
        return mode;
    }

    public SyncTrigger getTrigger() {
        return trigger;
    }

    public boolean isCounted() {
        return counted;
    }

    public String getAccountId() {
        return accountId;
    }

    /** Start of the previous finished run: CHANGED reads what changed after it. Null for TOTAL or a first run. */
    public Instant getSince() {
        return since;
    }

    String lockToken() {
        return lockToken;
    }

    public AmazonImportReport getAmazonReport() {
        return amazonReport;
    }

    public List<ErpInsertOutcome> erpInserts() {
        synchronized (erpInserts) {
            return List.copyOf(erpInserts);
        }
    }

    void erpInserted(ErpInsertOutcome outcome) {
        erpInserts.add(outcome);
        count("erp." + outcome.kind().name().toLowerCase(), 1);
    }

    public SyncPhase getPhase() {
        return phase;
    }

    void phase(SyncPhase next) {
        phaseTimed();
        this.phase = next;
        this.phaseStarted = System.nanoTime();
    }

    /** Closes the timing of the current phase into the counts ("phase.ERP_INSERT.ms"). */
    void phaseTimed() {
        if (phase != null && phaseStarted != 0) {
            counts.put("phase." + phase.name() + ".ms", (int) ((System.nanoTime() - phaseStarted) / 1_000_000));
            phaseStarted = 0;
        }
    }

    public void progress(SyncPhase of, int done, int total) {
        progress.put(of.name(), new SyncRun.Progress(done, total));
    }

    public void count(String name, int delta) {
        counts.merge(name, delta, Integer::sum);
    }

    public void setCount(String name, int value) {
        counts.put(name, value);
    }

    public void error(String message) {
        errors.add(message);
    }

    /**
     * One record failed (see {@code RecordFailures}): its line goes among the run's errors, so the run ends PARTIAL;
     * a remote found down is said once, not once per record that could not reach it.
     */
    public void recordFailed(it.ponte.remote.FailureClass failureClass, String line) {
        count("records.failed." + failureClass.name().toLowerCase(), 1);
        synchronized (errors) {
            if (failureClass != it.ponte.remote.FailureClass.REMOTE_DOWN || !errors.contains(line)) {
                errors.add(line);
            }
        }
    }

    /** Reports of later phases (Mailchimp…), kept by name so this class need not know them. */
    public void putReport(String name, Object report) {
        phaseReports.put(name, report);
    }

    public Object report(String name) {
        return phaseReports.get(name);
    }

    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public Map<String, SyncRun.Progress> progressSnapshot() {
        synchronized (progress) {
            return new LinkedHashMap<>(progress);
        }
    }

    public Map<String, Integer> countsSnapshot() {
        return new LinkedHashMap<>(counts);
    }
}
