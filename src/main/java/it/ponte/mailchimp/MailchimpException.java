package it.ponte.mailchimp;

import java.util.List;
import java.util.Locale;

/**
 * A call to Mailchimp that did not succeed: the operation, Mailchimp's problem document (status, title, detail,
 * field errors) or, with status 0, the I/O failure. Never carries the API key.
 */
public class MailchimpException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final String operation;
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final boolean problemDocument;

    public MailchimpException(String operation, int status, String title, String detail, List<FieldError> errors,
                              boolean problemDocument, Throwable cause) {
        super(describe(operation, status, title, detail, errors), cause);
        this.operation = operation;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.problemDocument = problemDocument;
    }

    private static String describe(String operation, int status, String title, String detail, List<FieldError> errors) {
        StringBuilder s = new StringBuilder(operation).append(": ");
        s.append(status == 0 ? "no answer" : "HTTP " + status);
        if (title != null) {
            s.append(' ').append(title);
        }
        if (detail != null) {
            s.append(" - ").append(detail);
        }
        for (FieldError e : errors == null ? List.<FieldError>of() : errors) {
            s.append(" [").append(e.field()).append(": ").append(e.message()).append(']');
        }
        return s.toString();
    }

    /** Mailchimp's reason, without the operation (so equal refusals of different records count together). */
    public String reason() {
        String full = describe("", status, title, detail, errors);
        return full.substring(2);
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * Worth trying again later: no answer, 429, 5xx, or a 403 from Mailchimp's gateway (one that is not a
     * Mailchimp problem document; a real 403 is about the account and stays permanent).
     */
    public boolean isTransient() {
        return status == 0 || status == 429 || status >= 500 || (status == 403 && !problemDocument);
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** "An order with the provided ID already exists in the account." and its siblings for carts. */
    public boolean isAlreadyExists() {
        return status == 400 && detail != null && detail.toLowerCase(Locale.ROOT).contains("already exists");
    }

    /** "A product with the provided ID does not exist in the account for this list." (or a variant). */
    public boolean isMissingProduct() {
        if (status != 400 || detail == null) {
            return false;
        }
        String d = detail.toLowerCase(Locale.ROOT);
        return (d.contains("product with the provided id") || d.contains("variant with the provided id")) && d.contains("not exist");
    }
}
