package it.ponte.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each remote's circuit and the outcome of its last call, from what the calls already told the circuit breakers:
 * finding out never spends Amazon's rate budget. A remote that is down does not make Ponte DOWN (restarting Ponte
 * would not bring Amazon back); it shows here and in the report.
 */
@Component("remotes")
public class RemotesHealth implements HealthIndicator {

    private final CircuitBreakerRegistry circuits;
    private final Map<String, String> lastCall = new ConcurrentHashMap<>();

    public RemotesHealth(CircuitBreakerRegistry remoteCircuitBreakerRegistry, Clock clock) {
        this.circuits = remoteCircuitBreakerRegistry;
        remoteCircuitBreakerRegistry.getAllCircuitBreakers().forEach(cb -> watch(cb, clock));
        remoteCircuitBreakerRegistry.getEventPublisher().onEntryAdded(e -> watch(e.getAddedEntry(), clock));
    }

    private void watch(CircuitBreaker cb, Clock clock) {
        cb.getEventPublisher().onSuccess(e -> lastCall.put(cb.getName(), "OK " + clock.instant()));
        cb.getEventPublisher().onError(e -> lastCall.put(cb.getName(), "FAILED " + clock.instant() + " (" + e.getThrowable().getClass().getSimpleName() + ")"));
        cb.getEventPublisher().onCallNotPermitted(e -> lastCall.put(cb.getName(), "NOT CALLED " + clock.instant() + " (circuit open)"));
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (CircuitBreaker cb : circuits.getAllCircuitBreakers()) {
            Map<String, Object> remote = new LinkedHashMap<>();
            remote.put("circuit", cb.getState().name());
            remote.put("failureRate", cb.getMetrics().getFailureRate());
            remote.put("lastCall", lastCall.getOrDefault(cb.getName(), "none yet"));
            details.put(cb.getName(), remote);
        }
        return Health.up().withDetails(details).build();
    }
}
