package it.ponte.report;

/**
 * One mail for the administrator, as the {@code report-mail} route renders it: the template pair
 * ({@code templates/mail/<template>.html.ftl} and {@code .txt.ftl}), the subject, the report, and the messages in the
 * merchant's language, which the templates reach as {@code body.msg(key, args...)}.
 */
public record ReportMail(String template, String subject, RunReport report, MerchantMessages messages, ReportAttachment attachment) {

    public String msg(String key, Object... args) {
        return messages.get(key, args);
    }

    /** A count's label: its message, or the fallback label when the bundles do not know the count yet. */
    public String label(RunReport.Count count) {
        return messages.getOrDefault(count.key(), count.label());
    }

    public RunReport.Verdict verdict() {
        return report.verdict();
    }
}
