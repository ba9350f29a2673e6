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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manual Mailchimp operations for the administrator: sync all customers, all products, the order history already
 * in the ERP (placed since a date), and the parked records (list, retry). Each sync answers with its report.
 */
@RestController
@RequestMapping("/api/mailchimp")
class MailchimpApiController {

    /** The answer to a retry: the record as it stands now, and the report of the attempt. */
    record RetryResult(MailchimpOutboxEntry record, MailchimpReport report) {
    }

    private final ProducerTemplate producer;
    private final MailchimpOutbox outbox;
    private final ApiMessages messages;

    MailchimpApiController(ProducerTemplate producer, MailchimpOutbox outbox, ApiMessages messages) {
        this.producer = producer;
        this.outbox = outbox;
        this.messages = messages;
    }

    @PostMapping("/sync/customers")
    MailchimpReport syncCustomers() {
        return sync(MailchimpScope.CUSTOMERS, null);
    }

    @PostMapping("/sync/products")
    MailchimpReport syncProducts() {
        return sync(MailchimpScope.PRODUCTS, null);
    }

    /** History backfill: orders already inserted into the ERP, placed since {@code since} (all when absent). */
    @PostMapping("/sync/orders")
    MailchimpReport syncOrders(@RequestParam(required = false) String since) {
        return sync(MailchimpScope.ORDERS, since == null || since.isBlank() ? null : parse(since));
    }

    @GetMapping("/parked")
    List<MailchimpOutboxEntry> parked() {
        return outbox.parked();
    }

    @PostMapping("/parked/{id}/retry")
    RetryResult retry(@PathVariable long id) {
        MailchimpOutboxEntry entry = outbox.unpark(id).orElseThrow(() -> new ApiProblem(404, messages.notParked(id)));
        Map<String, Object> headers = new HashMap<>();
        headers.put("syncMode", "TOTAL");
        headers.put("mailchimpReportMail", "false");
        MailchimpReport report = producer.requestBodyAndHeaders("direct:mailchimp-retry-parked", entry, headers, MailchimpReport.class);
        return new RetryResult(outbox.find(id).orElse(entry), report);
    }

    private MailchimpReport sync(MailchimpScope scope, Instant since) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("syncMode", "TOTAL");
        headers.put("mailchimpScope", scope.name());
        if (since != null) {
            headers.put("since", since);
        }
        return producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);
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
