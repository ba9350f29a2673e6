package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpReport.EntityCounts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link MailchimpReport} for the shop's administrator (Italian, or English with {@code ponte.report.language: en})
 * and sends it to {@code ponte.report.to}. Every skip and failure is listed with its reason, so nothing is dropped
 * without the merchant knowing why. A mail that cannot be sent is logged, never fails the run.
 */
@Component
public class MailchimpReportMailer {

    private static final Logger log = LoggerFactory.getLogger(MailchimpReportMailer.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private final JavaMailSender mailSender;
    private final String from;
    private final String to;
    private final String language;

    public MailchimpReportMailer(JavaMailSender mailSender, @Value("${ponte.report.from}") String from,
                                 @Value("${ponte.report.to}") String to, @Value("${ponte.report.language:it}") String language) {
        this.mailSender = mailSender;
        this.from = from;
        this.to = to;
        this.language = language;
    }

    /** Sends the report and hands it back, so the route's body stays the report. */
    public MailchimpReport send(MailchimpReport report) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject(report));
        mail.setText(render(report));
        try {
            mailSender.send(mail);
        } catch (MailException e) {
            log.warn("Mailchimp report mail not sent to {}: {}", to, e.getMessage());
        }
        return report;
    }

    public String subject(MailchimpReport report) {
        boolean problems = report.abortedBecause() != null || report.storeProblem() != null
                || report.entities().values().stream().anyMatch(c -> c.failedTotal() > 0);
        String base = en() ? "Ponte - Mailchimp sync report" : "Ponte - report sincronizzazione Mailchimp";
        return base + (report.syncRunId() == null ? "" : " #" + report.syncRunId()) + (problems ? (en() ? " (with errors)" : " (con errori)") : "");
    }

    public String render(MailchimpReport r) {
        StringBuilder s = new StringBuilder();
        line(s, en() ? "Mailchimp sync report" : "Report della sincronizzazione con Mailchimp");
        line(s, (en() ? "Sync run: " : "Sincronizzazione: ") + (r.syncRunId() == null ? (en() ? "manual" : "manuale") : "#" + r.syncRunId())
                + " - " + (en() ? "mode " : "modalità ") + r.syncMode() + (r.scope() == MailchimpScope.ALL ? "" : " (" + r.scope() + ")"));
        line(s, (en() ? "Started: " : "Inizio: ") + TIME.format(r.startedAt()) + (en() ? " - finished: " : " - fine: ") + TIME.format(r.finishedAt()));
        if (r.since() != null) {
            line(s, (en() ? "Changes since: " : "Variazioni dal: ") + TIME.format(r.since()));
        }
        if (!r.enabled()) {
            line(s, en() ? "Mailchimp is not enabled (ponte.mailchimp.enabled): nothing was sent." : "Mailchimp non è abilitato (ponte.mailchimp.enabled): non è stato inviato nulla.");
        }
        if (r.abortedBecause() != null) {
            line(s, (en() ? "RUN STOPPED: " : "SINCRONIZZAZIONE INTERROTTA: ") + r.abortedBecause());
        }
        if (r.storeProblem() != null) {
            String[] parts = r.storeProblem().split(": ", 2);
            line(s, MailchimpVerdict.valueOf(parts[0]).reason(language) + (parts.length > 1 ? " (" + parts[1] + ")" : ""));
        }
        s.append('\n');
        for (Map.Entry<MailchimpEntity, EntityCounts> e : r.entities().entrySet()) {
            EntityCounts c = e.getValue();
            line(s, e.getKey().label(language) + ": " + (en() ? "created " : "creati ") + c.created() + ", " + (en() ? "updated " : "aggiornati ")
                    + c.updated() + (e.getKey() == MailchimpEntity.CART ? ", " + (en() ? "deleted " : "eliminati ") + c.deleted() : "")
                    + ", " + (en() ? "skipped " : "non inviati ") + c.skippedTotal() + ", " + (en() ? "failed " : "in errore ") + c.failedTotal());
            c.skipped().forEach((reason, n) -> line(s, "  - " + (en() ? "skipped" : "non inviati") + " (" + reason.reason(language) + "): " + n));
            c.failed().forEach((reason, n) -> line(s, "  - " + (en() ? "failed" : "in errore") + " (" + reason + "): " + n));
            if (c.parked() > 0) {
                line(s, "  - " + (en() ? "parked in this run: " : "sospesi in questa sincronizzazione: ") + c.parked());
            }
        }
        s.append('\n');
        if (r.carts() != null) {
            line(s, (en() ? "Abandoned carts: " : "Carrelli abbandonati: ") + (r.carts() == MailchimpVerdict.SEND
                    ? (en() ? "sent" : "inviati") : (en() ? "not sent - " : "non inviati - ") + r.carts().reason(language)));
        }
        line(s, (en() ? "Abandoned-cart automation: " : "Automazione carrelli abbandonati: ")
                + (r.automationStatus() == null ? (en() ? "not found or not checked" : "non trovata o non verificata") : r.automationStatus()));
        if (!r.parked().isEmpty()) {
            s.append('\n');
            line(s, en() ? "Records parked after too many refusals (retry them from POST /api/mailchimp/parked/{id}/retry):"
                    : "Record sospesi dopo troppi rifiuti (si riprovano con POST /api/mailchimp/parked/{id}/retry):");
            r.parked().forEach(p -> line(s, "  #" + p.id() + " " + p.entity().label(language) + " " + p.entityId() + " ("
                    + p.attempts() + (en() ? " attempts): " : " tentativi): ") + p.lastError()));
        }
        return s.toString();
    }

    private boolean en() {
        return "en".equalsIgnoreCase(language);
    }

    private static void line(StringBuilder s, String text) {
        s.append(text).append('\n');
    }
}
