package it.ponte.report;

import java.util.List;

/**
 * What one run has to tell the shop's administrator, ready for the mail templates: the orders Amazon gave (imported,
 * held, failed), the ERP inserts that failed, the commands Amazon settled, the Mailchimp counts and refusals with the
 * cart verdict, and every other problem of the run. Texts the merchant reads come from the message bundles: the
 * fields ending in {@code Key} name a message; dates and amounts are formatted in the merchant's language.
 */
public record RunReport(
        Kind kind,
        Verdict verdict,
        /* why no mail is sent, for the log, when the verdict is NOTHING_NEW */
        String quietReason,
        Long runId,
        String mode,
        String trigger,
        /* SUCCEEDED, PARTIAL or FAILED, as the run will be recorded */
        String outcome,
        /* why the run could not go on, when FAILED */
        String failure,
        /* the imported orders listed, the first ponte.report.max-listed-orders of them */
        List<ImportedOrder> imported,
        /* how many orders Amazon gave in all (listed or not) */
        int importedTotal,
        List<HeldOrder> held,
        List<FailedOrder> importFailed,
        List<AccountProblem> accountProblems,
        List<ErpFailure> erpFailures,
        /* the shop orders parked after their failed ERP inserts, so far (not news by themselves) */
        List<ErpParked> erpParked,
        /* Amazon commands settled by the run: confirmed, refused, parked (message key and count) */
        List<Count> outbound,
        /* null when the run did not reach Mailchimp or Mailchimp is not enabled */
        MailchimpPart mailchimp,
        /* a remote was found down in this run (its circuit opened): what it was owed waits for a later run */
        boolean remoteDown,
        /* the run's other errors, state changes that could not be applied first among them */
        List<String> problems) {

    /** A report of a sync run, or of a Mailchimp sync a person started over REST. */
    public enum Kind { RUN, MAILCHIMP_SYNC }

    /** What the {@code report} route does with it. */
    public enum Verdict {
        /** Something new to tell: one report mail. */
        REPORT,
        /** The run failed: an alert with the reason. */
        ALERT,
        /** Nothing new (unchanged records only, nothing imported, no error): no mail. */
        NOTHING_NEW
    }

    public record ImportedOrder(String amazonOrderId, String purchased, String marketplace, String customer, boolean newCustomer,
                                String total, String erpDocument) {
    }

    public record HeldOrder(String amazonOrderId, String purchased, String reasonKey) {
    }

    public record FailedOrder(String amazonOrderId, String reason) {
    }

    public record AccountProblem(String accountId, boolean configuration, String reason) {
    }

    public record ErpFailure(String order, String reason) {
    }

    /** An order parked for the ERP: its Amazon order id or #shop id, the shop id to retry it with, attempts, last reason. */
    public record ErpParked(String order, long orderId, int attempts, String reason) {
    }

    /** A count the merchant reads: its message key, a fallback label when the bundles lack it, the number. */
    public record Count(String key, String label, int count) {
    }

    /** A refusal and how many records it hit. */
    public record Reason(String reason, int count) {
    }

    /**
     * {@code news}: the phase wrote, refused or parked something, or was in trouble (else it only rides along).
     * {@code cartsInScope}: the run covered abandoned carts (a manual sync of customers, products or orders does not,
     * and says nothing of them). {@code ordersSince}: the history backfill's date (orders placed since), "" for all
     * of them, null when the run was no backfill.
     */
    public record MailchimpPart(boolean news, String storeProblemKey, String storeProblemDetail, String aborted, List<EntityLine> entities,
                                String cartsKey, boolean cartsSent, String automationStatus, List<ParkedLine> parked,
                                boolean cartsInScope, String ordersSince) {
    }

    public record EntityLine(String labelKey, int created, int updated, int deleted, boolean carts, int skipped,
                             List<Count> skippedBecause, int failed, List<Reason> failedBecause, int parked) {
    }

    public record ParkedLine(long id, String labelKey, long entityId, int attempts, String reason) {
    }

    public boolean hasAmazonImport() {
        return importedTotal > 0 || !held.isEmpty() || !importFailed.isEmpty() || !accountProblems.isEmpty();
    }

    /** The imported orders the mail does not list (beyond ponte.report.max-listed-orders): counted, shown in the console. */
    public int importedNotListed() {
        return Math.max(0, importedTotal - imported.size());
    }

    public int outboundTotal() {
        return outbound.stream().mapToInt(Count::count).sum();
    }
}
