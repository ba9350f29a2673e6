package it.ponte.report;

import it.ponte.amazon.AmazonImportReport;
import it.ponte.amazon.ImportOutcome;
import it.ponte.erp.ErpInsertOutcome;
import it.ponte.erp.ErpParkedOrders;
import it.ponte.mailchimp.MailchimpEntity;
import it.ponte.mailchimp.MailchimpReport;
import it.ponte.mailchimp.MailchimpScope;
import it.ponte.mailchimp.MailchimpVerdict;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import it.ponte.sync.SyncContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Composes the report of a run from its {@link SyncContext} (or of a Mailchimp sync started over REST from its
 * {@link MailchimpReport}) and decides its verdict: a FAILED run gets an alert, a run with something new a report,
 * a run with nothing new (unchanged records only) no mail at all.
 */
@Component("runReports")
public class RunReports {

    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    private static final Map<String, String> MARKETPLACES = Map.of(
            "APJ6JRA9NG5V4", "Amazon.it", "A1PA6795UKMFR9", "Amazon.de", "A13V1IB3VIYZZH", "Amazon.fr",
            "A1RKKUPIHCS9HS", "Amazon.es", "A1F83G8C2ARO7P", "Amazon.co.uk");
    /** Outbound counts that say what is still owed, not what this run settled: no news by themselves. */
    private static final Set<String> OUTBOUND_STILL_OWED = Set.of("in_flight", "pending", "still_pending", "owed");

    private final MerchantMessages messages;
    private final ShopOrderRepository orders;
    private final SecretMask secrets;
    private final ErpParkedOrders erpParked;
    private final int maxListedOrders;

    public RunReports(MerchantMessages messages, ShopOrderRepository orders, SecretMask secrets, ErpParkedOrders erpParked,
                      ReportProperties properties) {
        this.messages = messages;
        this.orders = orders;
        this.secrets = secrets;
        this.erpParked = erpParked;
        this.maxListedOrders = properties.maxListedOrders();
    }

    /** The mail a run owes, with its verdict; the run's outcome computed as the run will record it. */
    public ReportMail ofRun(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        Locale locale = messages.locale();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", locale).withZone(ITALY);
        // a phase's failure is noted for the report; a run that broke off where no phase could note it (its own error
        // handling failed too) has its failure in the ledger only: either way it is an alert, never "nothing new"
        Object failureNote = ctx.report("failure") != null ? ctx.report("failure") : ctx.ledger().failure();
        String failure = failureNote == null ? null : secrets.apply(failureNote.toString());
        List<String> errors = ctx.errors().stream().map(secrets::apply).toList();
        String outcome = failure != null ? "FAILED" : errors.isEmpty() ? "SUCCEEDED" : "PARTIAL";

        AmazonImportReport amazon = ctx.getAmazonReport();
        List<RunReport.ImportedOrder> imported = new ArrayList<>();
        List<RunReport.HeldOrder> held = new ArrayList<>();
        List<RunReport.FailedOrder> importFailed = new ArrayList<>();
        List<RunReport.AccountProblem> accounts = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int importedTotal = 0;
        ReportAttachment attachment = null;
        if (amazon != null) {
            // one pass over what Amazon gave: a first import of thousands of orders lists the first ones and counts the
            // others (the console and GET /api/orders show them all), so the mail's cost stays flat; every held and every
            // failed order is listed
            List<ImportOutcome> listed = new ArrayList<>();
            List<ImportOutcome> outcomes = amazon.outcomes();
            for (ImportOutcome o : outcomes) {
                switch (o.kind()) {
                    case IMPORTED -> {
                        if (importedTotal++ < maxListedOrders) {
                            listed.add(o);
                        }
                    }
                    case HELD -> held.add(new RunReport.HeldOrder(o.amazonOrderId(), format(dates, o.purchaseDate()),
                            o.holdReason() == null ? "report.amazon.held.UNKNOWN" : "report.amazon.held." + o.holdReason().name()));
                    case FAILED -> {
                        importFailed.add(new RunReport.FailedOrder(o.amazonOrderId(), secrets.apply(o.error())));
                        shown.add(o.error());
                    }
                    default -> {
                    }
                }
            }
            // the ERP documents of the listed ones in one query, not two per order
            Map<Long, String> documents = orders.erpDocumentNumbers(listed.stream().map(ImportOutcome::shopOrderId)
                    .filter(java.util.Objects::nonNull).toList());
            if (importedTotal > listed.size()) {
                // "tutti i dettagli dell'operazione" (seed 002): what the mail does not list goes with it, as a CSV
                attachment = importedOrdersCsv(outcomes, ctx.getRunId(), dates);
            }
            for (ImportOutcome o : listed) {
                imported.add(new RunReport.ImportedOrder(o.amazonOrderId(), format(dates, o.purchaseDate()),
                        MARKETPLACES.getOrDefault(o.marketplaceId(), o.marketplaceId()), o.customer(), o.customerCreated(),
                        money(o.total(), o.currency(), locale), o.shopOrderId() == null ? null : documents.get(o.shopOrderId())));
            }
            for (AmazonImportReport.AccountFailure f : amazon.accountFailures()) {
                accounts.add(new RunReport.AccountProblem(f.accountId(), f.configurationError(), secrets.apply(f.message())));
                shown.add(f.message());
            }
        }

        List<RunReport.ErpFailure> erpFailures = new ArrayList<>();
        for (ErpInsertOutcome o : ctx.erpInserts()) {
            if (o.kind() == ErpInsertOutcome.Kind.FAILED) {
                erpFailures.add(new RunReport.ErpFailure(o.amazonOrderId() != null ? o.amazonOrderId() : "#" + o.shopOrderId(),
                        secrets.apply(o.error())));
                shown.add(o.error());
            }
        }

        List<RunReport.ErpParked> parked = erpParked.parked().stream()
                .map(p -> new RunReport.ErpParked(p.amazonOrderId() != null ? p.amazonOrderId() : "#" + p.orderId(), p.orderId(),
                        p.attempts(), secrets.apply(p.lastError())))
                .toList();

        Map<String, Integer> counts = ctx.countsSnapshot();
        List<RunReport.Count> outbound = new ArrayList<>();
        counts.forEach((name, n) -> {
            if (name.startsWith("amazon.outbound.") && n != null && n > 0) {
                String kind = name.substring("amazon.outbound.".length());
                if (!OUTBOUND_STILL_OWED.contains(kind)) {
                    outbound.add(new RunReport.Count("report.outbound." + kind, kind.replace('_', ' '), n));
                }
            }
        });
        outbound.sort(java.util.Comparator.comparing(RunReport.Count::key));

        RunReport.MailchimpPart mailchimp = null;
        boolean mailchimpNews = false;
        if (ctx.report("mailchimp") instanceof MailchimpReport report && report.enabled()) {
            mailchimpNews = isNews(report);
            mailchimp = mailchimpPart(report, mailchimpNews);
            if (report.storeProblem() != null) {
                shown.add(report.storeProblem());
            }
            if (report.abortedBecause() != null) {
                shown.add(report.abortedBecause());
            }
        }

        boolean remoteDown = counts.getOrDefault("records.failed.remote_down", 0) > 0;
        List<String> problems = errors.stream()
                .filter(e -> shown.stream().noneMatch(s -> s != null && !s.isBlank() && e.contains(secrets.apply(s))))
                .filter(e -> failure == null || !e.contains(failure))
                .toList();

        boolean amazonNews = importedTotal > 0 || !held.isEmpty() || !importFailed.isEmpty() || !accounts.isEmpty();
        RunReport.Verdict verdict;
        String quiet = null;
        if (failure != null) {
            verdict = RunReport.Verdict.ALERT;
        } else if (amazonNews || !erpFailures.isEmpty() || !outbound.isEmpty() || mailchimpNews || remoteDown || !errors.isEmpty()) {
            verdict = RunReport.Verdict.REPORT;
        } else {
            verdict = RunReport.Verdict.NOTHING_NEW;
            quiet = "no Amazon order imported, held or failed; no ERP insert failed; no Amazon command settled; "
                    + (mailchimp == null ? "Mailchimp not reached" : "Mailchimp wrote, refused and parked nothing")
                    + "; no error";
        }
        RunReport report = new RunReport(RunReport.Kind.RUN, verdict, quiet, ctx.getRunId(), mode(String.valueOf(ctx.getMode())),
                String.valueOf(ctx.getTrigger()), outcome, failure, imported, importedTotal, held, importFailed, accounts, erpFailures, parked, outbound,
                mailchimp,
                remoteDown, problems);
        return mail(report, attachment);
    }

    /**
     * Every order the import stored, one line each (semicolon-separated, as spreadsheets in Italy read it), with its
     * ERP document when the ERP insert has made it: the attachment of a report that lists only the first ones.
     */
    private ReportAttachment importedOrdersCsv(List<ImportOutcome> outcomes, long runId, DateTimeFormatter dates) {
        List<ImportOutcome> all = outcomes.stream().filter(o -> o.kind() == ImportOutcome.Kind.IMPORTED).toList();
        Map<Long, String> documents = new java.util.HashMap<>();
        List<Long> ids = all.stream().map(ImportOutcome::shopOrderId).filter(java.util.Objects::nonNull).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            documents.putAll(orders.erpDocumentNumbers(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        StringBuilder csv = new StringBuilder(all.size() * 96);
        csv.append(messages.get("report.amazon.csv.header")).append("\r\n");
        for (ImportOutcome o : all) {
            csv.append(ReportAttachment.cell(o.amazonOrderId())).append(';')
                    .append(ReportAttachment.cell(format(dates, o.purchaseDate()))).append(';')
                    .append(ReportAttachment.cell(MARKETPLACES.getOrDefault(o.marketplaceId(), o.marketplaceId()))).append(';')
                    .append(ReportAttachment.cell(o.customer())).append(';')
                    .append(ReportAttachment.cell(messages.get(o.customerCreated() ? "report.amazon.csv.yes" : "report.amazon.csv.no"))).append(';')
                    .append(ReportAttachment.cell(o.total() == null ? null : o.total().toPlainString().replace('.', decimalSeparator()))).append(';')
                    .append(ReportAttachment.cell(o.currency())).append(';')
                    .append(ReportAttachment.cell(o.shopOrderId() == null ? null : documents.get(o.shopOrderId()))).append("\r\n");
        }
        return new ReportAttachment(messages.get("report.amazon.csv.name", runId), csv.toString());
    }

    private char decimalSeparator() {
        return java.text.DecimalFormatSymbols.getInstance(messages.locale()).getDecimalSeparator();
    }

    /** The report of a Mailchimp sync a person started over REST: the same mail, with only its Mailchimp part. */
    public ReportMail ofMailchimp(MailchimpReport report) {
        List<String> problems = new ArrayList<>();
        RunReport run = new RunReport(RunReport.Kind.MAILCHIMP_SYNC, RunReport.Verdict.REPORT, null, report.syncRunId(),
                mode(report.syncMode()) + (report.scope() == null || report.scope().name().equals("ALL") ? "" : " " + report.scope()),
                "REST", report.abortedBecause() == null ? "SUCCEEDED" : "PARTIAL", null,
                List.of(), 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), mailchimpPart(report, true), false, problems);
        return mail(run);
    }

    /** The mode as the seeds name it (Totale, per Variati, Parziale). */
    private String mode(String mode) {
        return messages.getOrDefault("report.mode." + mode, mode);
    }

    private ReportMail mail(RunReport report) {
        return mail(report, null);
    }

    private ReportMail mail(RunReport report, ReportAttachment attachment) {
        String template = report.verdict() == RunReport.Verdict.ALERT ? "run-alert" : "run-report";
        return new ReportMail(template, subject(report), report, messages, attachment);
    }

    String subject(RunReport r) {
        if (r.verdict() == RunReport.Verdict.ALERT) {
            String reason = r.failure() == null ? "" : r.failure();
            return messages.get("report.subject.alert", r.runId(), r.mode(), reason.length() > 120 ? reason.substring(0, 117) + "..." : reason);
        }
        List<String> topics = new ArrayList<>();
        if (r.hasAmazonImport()) {
            topics.add(messages.get("report.subject.amazon", r.importedTotal()));
        }
        if (!r.erpFailures().isEmpty()) {
            topics.add(messages.get("report.subject.erp", r.erpFailures().size()));
        }
        if (!r.outbound().isEmpty()) {
            topics.add(messages.get("report.subject.outbound", r.outboundTotal()));
        }
        if (r.mailchimp() != null && r.mailchimp().news()) {
            int written = r.mailchimp().entities().stream().mapToInt(e -> e.created() + e.updated() + e.deleted()).sum();
            int failed = r.mailchimp().entities().stream().mapToInt(RunReport.EntityLine::failed).sum();
            topics.add(messages.get("report.subject.mailchimp", written, failed));
        }
        if (!r.problems().isEmpty()) {
            topics.add(messages.get("report.subject.problems", r.problems().size()));
        }
        String what = String.join(", ", topics);
        String subject = r.kind() == RunReport.Kind.MAILCHIMP_SYNC
                ? messages.get("report.subject.mailchimpSync", r.runId() == null ? "" : "#" + r.runId(), what)
                : messages.get("report.subject.run", r.runId(), r.mode(), what);
        return troubled(r) ? messages.get("report.subject.withErrors", subject) : subject;
    }

    private static boolean troubled(RunReport r) {
        RunReport.MailchimpPart m = r.mailchimp();
        boolean mailchimpTrouble = m != null && (m.aborted() != null || m.storeProblemKey() != null || m.storeProblemDetail() != null
                || m.entities().stream().anyMatch(e -> e.failed() > 0));
        return !"SUCCEEDED".equals(r.outcome()) || mailchimpTrouble;
    }

    /**
     * Whether the Mailchimp phase did something the merchant did not know: written, refused, parked, or in trouble.
     * Skips (unchanged records, e-mails outside the list) and the cart verdict repeat run after run: they are shown
     * in a report the run sends anyway, never a reason to send one.
     */
    static boolean isNews(MailchimpReport r) {
        boolean counted = r.entities() != null && r.entities().values().stream()
                .anyMatch(c -> c.created() + c.updated() + c.deleted() + c.failedTotal() + c.parked() > 0);
        return counted || r.storeProblem() != null || r.abortedBecause() != null;
    }

    private RunReport.MailchimpPart mailchimpPart(MailchimpReport r, boolean news) {
        List<RunReport.EntityLine> entities = new ArrayList<>();
        boolean everything = r.scope() == null || r.scope() == MailchimpScope.ALL;
        if (r.entities() != null) {
            r.entities().forEach((entity, c) -> {
                boolean counted = c.created() + c.updated() + c.deleted() + c.skippedTotal() + c.failedTotal() + c.parked() > 0;
                if (!everything && !counted && !inScope(entity, r.scope())) {
                    // a manual sync speaks of what it was asked to send (and of what it touched on the way)
                    return;
                }
                List<RunReport.Count> skipped = new ArrayList<>();
                c.skipped().forEach((reason, n) -> skipped.add(new RunReport.Count("mailchimp.verdict." + reason.name(), reason.name(), n)));
                List<RunReport.Reason> failed = new ArrayList<>();
                c.failed().forEach((reason, n) -> failed.add(new RunReport.Reason(secrets.apply(reason), n)));
                entities.add(new RunReport.EntityLine("mailchimp.entity." + entity.name(), c.created(), c.updated(), c.deleted(),
                        entity == MailchimpEntity.CART, c.skippedTotal(), skipped, c.failedTotal(), failed, c.parked()));
            });
        }
        String storeKey = null;
        String storeDetail = null;
        if (r.storeProblem() != null) {
            String[] parts = r.storeProblem().split(": ", 2);
            boolean known = java.util.Arrays.stream(MailchimpVerdict.values()).anyMatch(v -> v.name().equals(parts[0]));
            storeKey = known ? "mailchimp.verdict." + parts[0] : null;
            storeDetail = secrets.apply(known ? (parts.length > 1 ? parts[1] : null) : r.storeProblem());
        }
        List<RunReport.ParkedLine> parked = r.parked() == null ? List.of() : r.parked().stream()
                .map(p -> new RunReport.ParkedLine(p.id(), "mailchimp.entity." + p.entity().name(), p.entityId(), p.attempts(),
                        secrets.apply(p.lastError())))
                .toList();
        String ordersSince = r.scope() != MailchimpScope.ORDERS ? null
                : r.since() == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", messages.locale()).withZone(ITALY).format(r.since());
        return new RunReport.MailchimpPart(news, storeKey, storeDetail, secrets.apply(r.abortedBecause()), entities,
                r.carts() == null ? null : "mailchimp.verdict." + r.carts().name(), r.carts() == MailchimpVerdict.SEND,
                r.automationStatus(), parked, everything, ordersSince);
    }

    private static boolean inScope(MailchimpEntity entity, MailchimpScope scope) {
        return switch (scope) {
            case CUSTOMERS -> entity == MailchimpEntity.CUSTOMER;
            case PRODUCTS -> entity == MailchimpEntity.PRODUCT;
            case ORDERS -> entity == MailchimpEntity.ORDER;
            case ALL -> true;
        };
    }

    private static String format(DateTimeFormatter f, Instant i) {
        return i == null ? "" : f.format(i);
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(2);
        nf.setMaximumFractionDigits(2);
        return nf.format(amount) + " " + (currency == null ? "EUR" : currency);
    }
}
