package it.ponte.sandbox.erp;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The accountant's ERP screens over REST, for rehearsals: read documents, cancel, issue delivery note and invoice, ship. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/erp/documents")
public class ErpAccountantController {

    private final ErpAccountant accountant;

    public ErpAccountantController(ErpAccountant accountant) {
        this.accountant = accountant;
    }

    public record Cancellation(String reasonCode) {
    }

    /** {@code transportStart}: an ISO date-time; without an offset it is the ERP's local time. */
    public record Shipping(String carrier, String transportStart, String trackingNumber) {
    }

    @GetMapping
    public List<ErpDocumentView> documents(@RequestParam(required = false) String series) {
        return accountant.documents(series == null || series.isBlank() ? null : series);
    }

    @GetMapping("/{series}/{number}")
    public ErpDocumentView document(@PathVariable String series, @PathVariable int number) {
        return accountant.document(series, number);
    }

    @PostMapping("/{series}/{number}/cancel")
    public ErpDocumentView cancel(@PathVariable String series, @PathVariable int number, @RequestBody Cancellation body) {
        return accountant.cancel(series, number, body.reasonCode());
    }

    @PostMapping("/{series}/{number}/delivery-note")
    public ErpDocumentView deliveryNote(@PathVariable String series, @PathVariable int number) {
        return accountant.deliveryNote(series, number);
    }

    @PostMapping("/{series}/{number}/invoice")
    public ErpDocumentView invoice(@PathVariable String series, @PathVariable int number) {
        return accountant.invoice(series, number);
    }

    @PostMapping("/{series}/{number}/shipping")
    public ErpDocumentView shipping(@PathVariable String series, @PathVariable int number, @RequestBody Shipping body) {
        return accountant.shipping(series, number, new ShippingDetails(body.carrier(), instant(body.transportStart()), body.trackingNumber()));
    }

    @ExceptionHandler(ErpDocumentNotFoundException.class)
    public ProblemDetail notFound(ErpDocumentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Document not found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    public ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() + " must be a number, not '" + mismatch.getValue() + "'."
                : "The request body is missing or is not the JSON object expected.");
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("transportStart is required.");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("transportStart must be an ISO date-time such as 2026-03-02T09:30:00Z, not '" + value + "'.");
            }
        }
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
