package it.ponte.amazon;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What Amazon did when its circuit opened, so that the run's report says it rightly: "non raggiungibile" only when
 * Amazon could not be reached (refused connection, reset, timeout); when it answered with errors (503, 429…) the line
 * names the answer instead. It listens to the failures the {@code amazonCircuitBreaker} recorded.
 */
@Component
public class AmazonAvailability {

    private static final String TAIL = ": circuito aperto dopo troppi errori; i comandi per Amazon restano in attesa per la prossima sincronizzazione";

    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

    public AmazonAvailability(@Qualifier("amazonCircuitBreaker") CircuitBreaker amazonCircuitBreaker) {
        amazonCircuitBreaker.getEventPublisher().onError(event -> lastFailure.set(event.getThrowable()));
    }

    /** The run's one line for the commands that could not go because the circuit is open. */
    public String commandsWaitLine() {
        return cause() + TAIL;
    }

    /** "Amazon non raggiungibile (…)" or "Amazon risponde con errori (HTTP …)", from the last failure the circuit counted. */
    public String cause() {
        for (Throwable t = lastFailure.get(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SpApiException amazon) {
                if (amazon.status() > 0) {
                    return "Amazon risponde con errori (HTTP " + amazon.status() + (amazon.code() == null ? "" : " " + amazon.code()) + ")";
                }
                return "Amazon non raggiungibile (" + (amazon.getCause() == null ? "nessuna risposta" : amazon.getCause().getClass().getSimpleName()) + ")";
            }
            if (t instanceof IOException io) {
                return "Amazon non raggiungibile (" + io.getClass().getSimpleName() + ")";
            }
        }
        return "Amazon non disponibile";
    }
}
