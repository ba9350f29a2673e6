package it.ponte.sync;

import it.ponte.amazon.AmazonImportReport;
import it.ponte.erp.ErpInsertOutcome;
import it.ponte.remote.FailureClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The run in progress as the routes carry it (exchange property {@value #PROPERTY}): its immutable
 * {@link RunIdentity} and its {@link RunLedger}. The getters below read through to the two, so that routes and
 * phase beans can say {@code ${exchangeProperty.syncContext.mode}} or {@code ctx.error(...)} without knowing the split.
 */
public final class SyncContext {

    public static final String PROPERTY = "syncContext";

    private final RunIdentity identity;
    private final RunLedger ledger = new RunLedger();

    public SyncContext(RunIdentity identity) {
        this.identity = identity;
    }

    public SyncContext(long runId, SyncMode mode, SyncTrigger trigger, boolean counted, String accountId, Instant since, String lockToken) {
        this(new RunIdentity(runId, mode, trigger, counted, accountId, since, lockToken));
    }

    public RunIdentity identity() {
        return identity;
    }

    public RunLedger ledger() {
        return ledger;
    }

    // --- identity ---------------------------------------------------------------------------------------------------

    public long getRunId() {
        return identity.runId();
    }

    public SyncMode getMode() {
        return identity.mode();
    }

    public SyncTrigger getTrigger() {
        return identity.trigger();
    }

    public boolean isCounted() {
        return identity.counted();
    }

    public String getAccountId() {
        return identity.accountId();
    }

    /** What a Mailchimp manual sync covers (CUSTOMERS, PRODUCTS, ORDERS); null for the other runs. */
    public String getScope() {
        return identity.scope();
    }

    /** Start of the previous finished run: CHANGED reads what changed after it. Null for TOTAL or a first run. */
    public Instant getSince() {
        return identity.since();
    }

    String lockToken() {
        return identity.lockToken();
    }

    // --- ledger -------------------------------------------------------------------------------------------------------

    public AmazonImportReport getAmazonReport() {
        return ledger.amazonReport();
    }

    /** The ERP inserts of this run that failed. */
    public List<ErpInsertOutcome> erpInserts() {
        return ledger.erpInserts();
    }

    public SyncPhase getPhase() {
        return ledger.phase();
    }

    public void progress(SyncPhase of, int done, int total) {
        ledger.progress(of, done, total);
    }

    public void count(String name, int delta) {
        ledger.count(name, delta);
    }

    public void setCount(String name, int value) {
        ledger.setCount(name, value);
    }

    public void error(String message) {
        ledger.error(message);
    }

    public void recordFailed(FailureClass failureClass, String line) {
        ledger.recordFailed(failureClass, line);
    }

    public void putReport(String name, Object report) {
        ledger.putReport(name, report);
    }

    public Object report(String name) {
        return ledger.report(name);
    }

    public List<String> errors() {
        return ledger.errors();
    }

    public Map<String, SyncRun.Progress> progressSnapshot() {
        return ledger.progressSnapshot();
    }

    public Map<String, Integer> countsSnapshot() {
        return ledger.countsSnapshot();
    }
}
