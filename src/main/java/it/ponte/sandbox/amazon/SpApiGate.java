package it.ponte.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every simulated SP-API operation goes through before and after its own work: injected faults, the
 * access token (which also names the seller), the per-seller rate limit, and Amazon's response headers:
 * {@code x-amzn-RequestId} always, {@code x-amzn-RateLimit-Limit} on successes, 400 and 404 only.
 */
@Component
@Profile("sandbox")
public class SpApiGate {

    public static final String ACCESS_TOKEN_HEADER = "x-amz-access-token";
    public static final String RATE_LIMIT_HEADER = "x-amzn-RateLimit-Limit";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private final AmazonFaults faults;
    private final LwaTokens tokens;
    private final AmazonRateLimiter limiter;
    private final AmazonSandboxClock clock;

    public SpApiGate(AmazonFaults faults, LwaTokens tokens, AmazonRateLimiter limiter, AmazonSandboxClock clock) {
        this.faults = faults;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
    }

    public ResponseEntity<Object> call(HttpServletRequest request, String operation, Function<String, Object> work) {
        return call(request, operation, 200, work);
    }

    /**
     * As {@link #call(HttpServletRequest, String, Function)}, answering {@code successStatus} (201, 202, 204…) when the
     * work succeeds; a 204 carries no body whatever the work returned.
     */
    public ResponseEntity<Object> call(HttpServletRequest request, String operation, int successStatus, Function<String, Object> work) {
        Optional<AmazonFault> fault = faults.take(operation);
        if (fault.isPresent()) {
            AmazonErrors body = fault.get().code() == null ? AmazonErrors.forStatus(fault.get().status())
                    : AmazonErrors.of(fault.get().code(), AmazonErrors.forStatus(fault.get().status()).errors().get(0).message(), "");
            ResponseEntity<Object> answer = respond(fault.get().status(), body, operation);
            if (fault.get().retryAfterSeconds() != null) {
                return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .header(HttpHeaders.RETRY_AFTER, fault.get().retryAfterSeconds().toString()).body(answer.getBody());
            }
            return answer;
        }
        Optional<LwaTokens.IssuedToken> token = tokens.find(request.getHeader(ACCESS_TOKEN_HEADER));
        if (token.isEmpty()) {
            return respond(403, AmazonErrors.of("Unauthorized", "Access to requested resource is denied.",
                    "The access token you provided is revoked, malformed or invalid."), operation);
        }
        if (token.get().isExpired(clock.now())) {
            return respond(403, AmazonErrors.of("Unauthorized", "Access to requested resource is denied.",
                    "The access token you provided has expired."), operation);
        }
        if (!limiter.tryAcquire(token.get().sellerId(), operation)) {
            return respond(429, AmazonErrors.quotaExceeded(), operation);
        }
        try {
            Object body = work.apply(token.get().sellerId());
            return respond(successStatus, successStatus == 204 ? null : body, operation);
        } catch (SpApiException e) {
            return respond(e.status(), e.body(), operation);
        }
    }

    private ResponseEntity<Object> respond(int status, Object body, String operation) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        headers.set(REQUEST_ID_HEADER, UUID.randomUUID().toString());
        if (status / 100 == 2 || status == 400 || status == 404) {
            headers.set(RATE_LIMIT_HEADER, limiter.rateHeader(operation));
        }
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
