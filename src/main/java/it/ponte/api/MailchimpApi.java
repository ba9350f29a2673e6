package it.ponte.api;

import it.ponte.mailchimp.MailchimpOutbox;
import it.ponte.mailchimp.MailchimpOutboxEntry;
import it.ponte.mailchimp.MailchimpReport;
import it.ponte.mailchimp.MailchimpScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncTrigger;
import org.springframework.stereotype.Component;

/**
 * Manual Mailchimp operations for the administrator: all customers, all products, the order history already in the
 * ERP placed since a date, each a run of its own in the background (the answer is the run to follow; one at a time per
 * kind), and the parked records (list, retry now).
 */
@Component("mailchimpApi")
public class MailchimpApi {

    /** The answer to a retry: the record as it stands now, and the report of the attempt. */
    public record RetryResult(MailchimpOutboxEntry record, MailchimpReport report) {
    }

    private final MailchimpOutbox outbox;
    private final ApiMessages messages;
    private final SyncLauncher launcher;

    public MailchimpApi(MailchimpOutbox outbox, ApiMessages messages, SyncLauncher launcher) {
        this.outbox = outbox;
        this.messages = messages;
        this.launcher = launcher;
    }

    /**
     * Starts the manual sync of one scope as a run: a TOTAL pass over it (orders: placed since the date given, if any).
     * A second one of the same scope while it runs is a 409 naming it.
     */
    public ApiBodies.RunStarted start(@Header("mailchimpScope") String scope, @Header("since") String since) {
        Instant from = since == null || since.isBlank() ? null : parse(since);
        return ApiBodies.RunStarted.of(launcher.launchMailchimp(MailchimpScope.valueOf(scope).name(), SyncTrigger.REST, from));
    }

    public List<MailchimpOutboxEntry> parked() {
        return outbox.parked();
    }

    /** Puts a parked record back in line; the body becomes the entry to write, alone and now. */
    public MailchimpOutboxEntry unpark(@Header("id") String id, Message message) {
        long recordId = SyncApi.parseId(id);
        MailchimpOutboxEntry entry = outbox.unpark(recordId).orElseThrow(() -> new ApiProblem(404, messages.notParked(recordId)));
        message.setHeader("syncMode", "TOTAL");
        message.setHeader("mailchimpReportMail", "false");
        return entry;
    }

    public RetryResult retried(@Body MailchimpReport report, @Header("id") String id,
                               @ExchangeProperty("parkedEntry") MailchimpOutboxEntry entry) {
        return new RetryResult(outbox.find(SyncApi.parseId(id)).orElse(entry), report);
    }

    private Instant parse(String since) {
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ApiProblem(400, messages.badSince(since));
            }
        }
    }
}
