package it.ponte.sync;

import it.ponte.amazon.AmazonImportReport;
import it.ponte.erp.ErpInsertOutcome;
import it.ponte.remote.FailureClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run did so far, the one place every phase writes to: counts, errors, progress, the time of each phase and
 * the phases' own reports. Safe for the parallel splitters of the phases.
 */
public final class RunLedger {

    private final AmazonImportReport amazonReport = new AmazonImportReport();
    private final List<ErpInsertOutcome> erpInserts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SyncRun.Progress> progress = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Object> phaseReports = new ConcurrentHashMap<>();
    private volatile SyncPhase phase;
    private volatile String failure;
    private volatile String interruption;

    public AmazonImportReport amazonReport() {
        return amazonReport;
    }

    /** The ERP inserts that failed (the others are counted, not kept: a first import of 100,000 orders keeps its heap flat). */
    public List<ErpInsertOutcome> erpInserts() {
        synchronized (erpInserts) {
            return List.copyOf(erpInserts);
        }
    }

    void erpInserted(ErpInsertOutcome outcome) {
        if (outcome.kind() == ErpInsertOutcome.Kind.FAILED) {
            erpInserts.add(outcome);
        }
        count("erp." + outcome.kind().name().toLowerCase(), 1);
    }

    public SyncPhase phase() {
        return phase;
    }

    void enter(SyncPhase next) {
        this.phase = next;
    }

    /** The time a phase took, kept among the counts ("phase.ERP_INSERT.ms") where the API and the report read it. */
    void phaseTook(SyncPhase of, long millis) {
        counts.put("phase." + of.name() + ".ms", (int) Math.min(Integer.MAX_VALUE, millis));
    }

    public void progress(SyncPhase of, int done, int total) {
        progress.put(of.name(), new SyncRun.Progress(done, total));
    }

    private final java.util.concurrent.atomic.AtomicInteger mailchimpDone = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mailchimpTotal = new java.util.concurrent.atomic.AtomicInteger();

    /** The Mailchimp phase owes {@code records} more (one entity's list): its progress total grows. */
    void mailchimpOwed(int records) {
        progress(SyncPhase.MAILCHIMP, mailchimpDone.get(), mailchimpTotal.addAndGet(records));
    }

    /** One owed record of the Mailchimp phase written or settled (its writers run in parallel). */
    SyncRun.Progress mailchimpWritten() {
        SyncRun.Progress now = new SyncRun.Progress(mailchimpDone.incrementAndGet(), mailchimpTotal.get());
        synchronized (progress) {
            SyncRun.Progress before = progress.get(SyncPhase.MAILCHIMP.name());
            if (before == null || before.done() < now.done()) {
                progress.put(SyncPhase.MAILCHIMP.name(), now);
            }
        }
        return now;
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

    /** One record failed: its line is an error of the run; a remote found down is said once. */
    public void recordFailed(FailureClass failureClass, String line) {
        count("records.failed." + failureClass.name().toLowerCase(), 1);
        synchronized (errors) {
            if (failureClass != FailureClass.REMOTE_DOWN || !errors.contains(line)) {
                errors.add(line);
            }
        }
    }

    /** The run cannot go on (Ponte's own database): the reason it ends FAILED. */
    void failed(String reason) {
        this.failure = reason;
    }

    /** Ponte is stopping: the phases still to come are skipped, and the run ends FAILED saying it was interrupted. */
    void interrupt(String reason) {
        this.interruption = reason;
    }

    public String interruption() {
        return interruption;
    }

    public String failure() {
        return failure;
    }

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

    /** SUCCEEDED, PARTIAL (some record or phase failed) or FAILED (the run could not go on). */
    public SyncOutcome outcome() {
        return failure != null ? SyncOutcome.FAILED : errors().isEmpty() ? SyncOutcome.SUCCEEDED : SyncOutcome.PARTIAL;
    }
}
