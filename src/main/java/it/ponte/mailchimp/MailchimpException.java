package it.ponte.mailchimp;

import it.ponte.remote.FailureClass;
import it.ponte.remote.RemoteCircuits;
import it.ponte.remote.RemoteFailure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A call to Mailchimp that did not succeed: the operation, Mailchimp's problem document (status, title, detail,
 * field errors) or, with status 0, the I/O failure. Never carries the API key. Its {@link #failureClass() class}
 * is what the failure policy ({@code routes/failure-policy.camel.yaml}) acts on.
 */
public class MailchimpException extends RuntimeException implements RemoteFailure {

    /** The reason the run and the report give when Mailchimp cannot be reached (circuit open, retries exhausted). */
    public static final String UNREACHABLE = "Mailchimp non raggiungibile";

    public record FieldError(String field, String message) {
    }

    private final String operation;
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final boolean problemDocument;
    private final Duration retryAfter;
    private final FailureClass failureClass;

    public MailchimpException(String operation, int status, String title, String detail, List<FieldError> errors,
                              boolean problemDocument, Throwable cause) {
        this(operation, status, title, detail, errors, problemDocument, null, null, cause);
    }

    private MailchimpException(String operation, int status, String title, String detail, List<FieldError> errors,
                               boolean problemDocument, Duration retryAfter, FailureClass failureClass, Throwable cause) {
        super(describe(operation, status, title, detail, errors), cause);
        this.operation = operation;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.problemDocument = problemDocument;
        this.retryAfter = retryAfter;
        this.failureClass = failureClass != null ? failureClass : classOf(status, problemDocument);
    }

    /** A refusal or an error status as Mailchimp answered it; {@code retryAfter} from its Retry-After header. */
    public static MailchimpException answered(String operation, int status, String title, String detail, List<FieldError> errors,
                                              boolean problemDocument, Duration retryAfter) {
        return new MailchimpException(operation, status, title, detail, errors, problemDocument, retryAfter, null, null);
    }

    /** A 2xx answer that is not the JSON Mailchimp documents: permanent, as asking again would get the same. */
    public static MailchimpException unreadable(String operation, int status, String contentType, Throwable cause) {
        String what = cause == null || cause.getMessage() == null ? "" : " - " + firstLine(cause.getMessage());
        return new MailchimpException(operation, status, "Unreadable answer",
                "risposta non leggibile (" + (contentType == null ? "senza Content-Type" : contentType) + ")" + what,
                List.of(), false, null, FailureClass.PERMANENT, cause);
    }

    /** A 2xx answer larger than Ponte reads (ponte.remote.max-answer-size): permanent, as asking again would get the same. */
    public static MailchimpException tooLarge(String operation, Throwable cause) {
        return new MailchimpException(operation, 200, "Answer too large", cause.getMessage(), List.of(), false, null, FailureClass.PERMANENT, cause);
    }

    /** A 2xx answer that is JSON but lacks what Mailchimp documents (a field missing, of another type): permanent. */
    public static MailchimpException malformed(String operation, String what) {
        return new MailchimpException(operation, 200, "Unreadable answer", "risposta non leggibile: " + what, List.of(), false, null,
                FailureClass.PERMANENT, null);
    }

    /** No answer at all (connection refused, reset, timeout), after the redeliveries. */
    public static MailchimpException noAnswer(String operation, Throwable cause) {
        return new MailchimpException(operation, 0, cause.getClass().getSimpleName(), cause.getMessage(), List.of(), false,
                null, FailureClass.TRANSIENT, cause);
    }

    /** Mailchimp's circuit is open, or this run already found it unreachable: the call was not even made. */
    public static MailchimpException unreachable(String operation, Throwable cause) {
        return new MailchimpException(operation, 0, null, UNREACHABLE, List.of(), false, null, FailureClass.REMOTE_DOWN, cause);
    }

    private static FailureClass classOf(int status, boolean problemDocument) {
        // a 403 without a problem document is the gateway shedding load; a real 403 is about the account
        boolean transientStatus = status == 0 || status == 429 || status >= 500 || (status == 403 && !problemDocument);
        return transientStatus ? FailureClass.TRANSIENT : FailureClass.PERMANENT;
    }

    private static String describe(String operation, int status, String title, String detail, List<FieldError> errors) {
        StringBuilder s = new StringBuilder(operation).append(": ");
        if (status == 0 && title == null) {
            return s.append(detail).toString();
        }
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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    @Override
    public String remote() {
        return RemoteCircuits.MAILCHIMP;
    }

    @Override
    public FailureClass failureClass() {
        return failureClass;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Mailchimp's reason, without the operation (so equal refusals of different records count together). */
    @Override
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
        return failureClass == FailureClass.TRANSIENT;
    }

    /** Mailchimp could not be reached (transient failures outlasting the redeliveries, or its circuit open). */
    public boolean isUnreachable() {
        return failureClass == FailureClass.TRANSIENT || failureClass == FailureClass.REMOTE_DOWN;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** "An order with the provided ID already exists in the account." and its siblings for carts. */
    public boolean isAlreadyExists() {
        return status == 400 && detail != null && detail.toLowerCase(Locale.ROOT).contains("already exists");
    }

    /** "A product with the provided ID does not exist in the account for this list." (or a variant). */
    /**
     * A line names a product or variant the store lacks. Mailchimp says so in {@code detail} ("Bad Request") or, as a
     * validation error ("Invalid Resource"), in one of the {@code errors[]} messages: both are recognised.
     */
    public boolean isMissingProduct() {
        if (status != 400) {
            return false;
        }
        return namesMissingProduct(detail) || errors.stream().anyMatch(e -> namesMissingProduct(e.message()));
    }

    private static boolean namesMissingProduct(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return (t.contains("product with the provided id") || t.contains("variant with the provided id")) && t.contains("not exist");
    }
}
