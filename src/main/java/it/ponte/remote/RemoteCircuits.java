package it.ponte.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per remote, shared by every {@code circuitBreaker} step that calls it (the routes name them
 * {@code amazonCircuitBreaker} and {@code mailchimpCircuitBreaker}). Only transient failures count: a remote that
 * refuses one record's data is up, and must not be cut off for it.
 */
@Configuration(proxyBeanMethods = false)
public class RemoteCircuits {

    public static final String AMAZON = "amazon";
    public static final String MAILCHIMP = "mailchimp";

    @Bean
    CircuitBreakerRegistry remoteCircuitBreakerRegistry(FailurePolicy policy,
            @Value("${ponte.remote.circuit.failure-rate-threshold:50}") float failureRate,
            @Value("${ponte.remote.circuit.minimum-calls:10}") int minimumCalls,
            @Value("${ponte.remote.circuit.sliding-window:20}") int window,
            @Value("${ponte.remote.circuit.open-for:60s}") Duration openFor) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .minimumNumberOfCalls(minimumCalls)
                .slidingWindowSize(window)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(t -> policy.classify(t) == FailureClass.TRANSIENT)
                .build();
        return CircuitBreakerRegistry.of(config);
    }

    @Bean
    CircuitBreaker amazonCircuitBreaker(CircuitBreakerRegistry remoteCircuitBreakerRegistry) {
        return remoteCircuitBreakerRegistry.circuitBreaker(AMAZON);
    }

    @Bean
    CircuitBreaker mailchimpCircuitBreaker(CircuitBreakerRegistry remoteCircuitBreakerRegistry) {
        return remoteCircuitBreakerRegistry.circuitBreaker(MAILCHIMP);
    }

    /** The state of every remote's circuit, for the run record, the report and health. */
    public static Map<String, String> states(CircuitBreakerRegistry registry) {
        Map<String, String> states = new LinkedHashMap<>();
        registry.getAllCircuitBreakers().forEach(cb -> states.put(cb.getName(), cb.getState().name()));
        return states;
    }
}
