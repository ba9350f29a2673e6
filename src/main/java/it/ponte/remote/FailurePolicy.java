package it.ponte.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import it.ponte.db.DataSourcesConfig;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Which class a failure belongs to. The {@code routeConfiguration}s of {@code routes/failure-policy.camel.yaml}
 * ask it in their {@code onWhen}; nothing else in Ponte decides what is retried, refused or reported.
 */
@Component("failurePolicy")
public class FailurePolicy {

    private final int maxRedeliveries;

    public FailurePolicy(@Value("${ponte.remote.retry.max-redeliveries:4}") int maxRedeliveries) {
        this.maxRedeliveries = maxRedeliveries;
    }

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 425, 429);
    /** MariaDB's "lock wait timeout exceeded" (1205) and "deadlock found" (1213): the transaction may simply be tried again. */
    private static final Set<Integer> LOCK_CONFLICTS = Set.of(1205, 1213);

    public FailureClass classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteFailure remote) {
                return remote.failureClass();
            }
            if (t instanceof CallNotPermittedException) {
                return FailureClass.REMOTE_DOWN;
            }
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status >= 500 || TRANSIENT_STATUSES.contains(status) ? FailureClass.TRANSIENT : FailureClass.PERMANENT;
            }
            if (t instanceof JsonProcessingException || t instanceof AnswerTooLargeException) {
                // an answer that cannot be read, or is larger than Ponte reads: asking again brings the same answer
                return FailureClass.PERMANENT;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    // SQLSTATE class 08, a connection exception, however the driver or Spring wrapped it (a rollback
                    // that failed because the connection was gone): the database, not the record
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                // the ERP is a remote like the others: its outage leaves the orders owed; only the shop database is Ponte's own
                return fromErpPool(failure) ? FailureClass.TRANSIENT : FailureClass.OWN_DATABASE;
            }
            if (t instanceof IOException) {
                // connect and read timeouts, resets, a truncated answer: the network, not the record
                return FailureClass.TRANSIENT;
            }
        }
        // only when nothing above named it: a lock wait timeout or a deadlock is not the record's fault but another
        // transaction's being in the way this time
        return lockConflict(failure) ? FailureClass.TRANSIENT : FailureClass.UNEXPECTED;
    }

    private static boolean lockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof SQLTransactionRollbackException
                    || (t instanceof SQLException sql && LOCK_CONFLICTS.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromErpPool(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(DataSourcesConfig.ERP_POOL + " - ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason a merchant reads: the remote's own words where it gave some, an unreadable or oversized answer said
     * as such, else the exception's message; never a class name or a stack trace ({@link #merchantSafe}).
     */
    public String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteFailure remote) {
                return merchantSafe(remote.reason());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AnswerTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
            if (t instanceof JsonProcessingException json) {
                return unreadable(json);
            }
        }
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "errore imprevisto" : merchantSafe(message);
    }

    /** A JSON answer that cannot be read, with the field where reading stopped (no class name, no parser dump). */
    public static String unreadable(JsonProcessingException failure) {
        StringBuilder field = new StringBuilder();
        if (failure instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        if (!field.isEmpty()) {
            return "risposta non leggibile: il campo " + field + " non è del tipo atteso";
        }
        return failure.getLocation() == null || failure.getLocation().getLineNr() < 0 ? "risposta non leggibile (non è JSON valido)"
                : "risposta non leggibile (non è JSON valido, riga " + failure.getLocation().getLineNr() + " colonna "
                        + failure.getLocation().getColumnNr() + ")";
    }

    private static final java.util.regex.Pattern QUALIFIED_NAME =
            java.util.regex.Pattern.compile("\\b(?:[a-z_$][a-z0-9_$]*\\.){2,}[A-Z][A-Za-z0-9_$.]*");
    private static final java.util.regex.Pattern EXCEPTION_NAME = java.util.regex.Pattern.compile("\\b[A-Za-z0-9_$]*Exception\\b|\\b(?:OutOfMemory|StackOverflow|NoClassDefFound|Assertion)Error\\b");

    /**
     * What the merchant may read of a failure's text: no stack trace (the first frame on), no class name (a qualified
     * name is left out, an exception's name becomes "errore").
     */
    public static String merchantSafe(String text) {
        if (text == null) {
            return "";
        }
        String s = text;
        int frame = s.indexOf("\n\tat ");
        if (frame < 0) {
            frame = s.indexOf("\tat ");
        }
        if (frame >= 0) {
            s = s.substring(0, frame);
        }
        s = QUALIFIED_NAME.matcher(s).replaceAll("");
        s = EXCEPTION_NAME.matcher(s).replaceAll("errore");
        return s.replaceAll(" {2,}", " ").strip();
    }

    // --- predicates for the route configurations' onWhen -----------------------------------------------------------

    public boolean isTransient(Exchange exchange) {
        return classify(failureOf(exchange)) == FailureClass.TRANSIENT;
    }

    /**
     * The {@code retryWhile} of {@code transient-remote}: Camel asks it before each redelivery (the onWhen only before
     * the first), so a failure that stops being transient, such as the circuit opening, ends the retries at once.
     */
    public boolean retryTransient(Exchange exchange) {
        Integer done = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        return isTransient(exchange) && done <= maxRedeliveries;
    }

    public boolean isRemoteDown(Exchange exchange) {
        return classify(failureOf(exchange)) == FailureClass.REMOTE_DOWN;
    }

    public boolean isOwnDatabase(Exchange exchange) {
        return classify(failureOf(exchange)) == FailureClass.OWN_DATABASE;
    }

    public static Throwable failureOf(Exchange exchange) {
        Throwable t = exchange.getException();
        return t != null ? t : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
