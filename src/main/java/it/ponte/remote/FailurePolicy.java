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
            if (t instanceof JsonProcessingException) {
                return FailureClass.PERMANENT;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException) {
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

    /** The reason a merchant reads: the remote's own words where it gave some, else the exception's message. */
    public String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteFailure remote) {
                return remote.reason();
            }
        }
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
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
