package it.ponte.sandbox.amazon;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulated Amazon's switches over REST: faults, the request log, revoked refresh tokens, rate limits. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/amazon")
public class AmazonSwitchesController {

    private final AmazonSandbox sandbox;

    public AmazonSwitchesController(AmazonSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public record FaultRequest(String operation, Integer status, Integer times, String code, Integer retryAfterSeconds) {
    }

    public record Revocation(String sellerId, String refreshToken) {
    }

    public record RateLimitSettings(boolean enabled, double timeScale, Map<String, OperationQuota> quotas) {
    }

    @PostMapping("/faults")
    public List<AmazonFault> addFault(@RequestBody FaultRequest request) {
        sandbox.faults().add(new AmazonFault(request.operation(), request.status() == null ? 500 : request.status(),
                request.times() == null ? 1 : request.times(), request.code(), request.retryAfterSeconds()));
        return sandbox.faults().list();
    }

    @GetMapping("/faults")
    public List<AmazonFault> faults() {
        return sandbox.faults().list();
    }

    @DeleteMapping("/faults")
    public ResponseEntity<Void> clearFaults() {
        sandbox.faults().clear();
        return ResponseEntity.noContent().build();
    }

    /**
     * Faults at random on every SP-API, LWA and feed document call: {@code {"rate": 0.2, "seed": 7, "kinds": [...],
     * "stallMillis": 1500, "retryAfterSeconds": 1}} (kinds: every kind when absent); the answer says what was injected.
     */
    @PutMapping("/random-faults")
    public it.ponte.sandbox.faults.RandomFaults.Status randomFaults(@RequestBody it.ponte.sandbox.faults.RandomFaults.Settings settings) {
        sandbox.faults().random().configure(settings);
        return sandbox.faults().random().status();
    }

    @GetMapping("/random-faults")
    public it.ponte.sandbox.faults.RandomFaults.Status randomFaults() {
        return sandbox.faults().random().status();
    }

    @DeleteMapping("/random-faults")
    public ResponseEntity<Void> randomFaultsOff() {
        sandbox.faults().random().off();
        return ResponseEntity.noContent().build();
    }

    /**
     * Malformed answers: {@code {"method": "GET", "pathPattern": "/orders/2026-01-01/orders$", "kind": "MISSING_FIELD",
     * "field": "pagination", "size": 0, "times": 1}} (kinds: MISSING_FIELD, NULL_FIELD, WRONG_TYPE, HTML, EMPTY,
     * HUGE_BODY); times 0: until cleared.
     */
    @PostMapping("/malformed-answers")
    it.ponte.sandbox.faults.MalformedAnswers.Status malformed(@RequestBody it.ponte.sandbox.faults.MalformedAnswers.Rule rule) {
        sandbox.faults().malformed().add(rule);
        return sandbox.faults().malformed().status();
    }

    @GetMapping("/malformed-answers")
    it.ponte.sandbox.faults.MalformedAnswers.Status malformed() {
        return sandbox.faults().malformed().status();
    }

    @DeleteMapping("/malformed-answers")
    public ResponseEntity<Void> malformedOff() {
        sandbox.faults().malformed().clear();
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code {"tokenRepeated": true, "pageSizeIgnored": false}}: searchOrders answers a page asked with a token with that
     * same token again (a pagination that never ends), or every matching order in one page whatever maxResultsPerPage asks.
     */
    @PutMapping("/pagination")
    public ResponseEntity<Void> pagination(@RequestBody Map<String, Boolean> pagination) {
        sandbox.pagination(Boolean.TRUE.equals(pagination.get("tokenRepeated")), Boolean.TRUE.equals(pagination.get("pageSizeIgnored")));
        return ResponseEntity.noContent().build();
    }

    /** {"on": true}: searchOrders answers orders of every marketplace of the seller, whatever marketplaceIds asks. */
    @PutMapping("/marketplace-filter-ignored")
    public ResponseEntity<Void> ignoreMarketplaceFilter(@RequestBody Map<String, Boolean> on) {
        sandbox.answerOrdersOfEveryMarketplace(Boolean.TRUE.equals(on.get("on")));
        return ResponseEntity.noContent().build();
    }

    /** {"sellerId": "A1…", "granted": false}: the seller's application loses (or gets back) the roles for personal data. */
    @PutMapping("/personal-data-role")
    public ResponseEntity<Void> personalDataRole(@RequestBody Map<String, Object> role) {
        Object sellerId = role.get("sellerId");
        if (!(sellerId instanceof String id) || !sandbox.sellers().isKnown(id)) {
            throw new IllegalArgumentException("name a known sellerId");
        }
        sandbox.personalDataRole(id, !Boolean.FALSE.equals(role.get("granted")));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/requests")
    public List<RecordedRequest> requests() {
        return sandbox.requests().all();
    }

    @DeleteMapping("/requests")
    public ResponseEntity<Void> clearRequests() {
        sandbox.requests().clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sellers")
    public List<Map<String, Object>> sellers() {
        return sandbox.sellers().all().stream()
                .map(s -> LwaTokenController.describe(s, sandbox.sellers().isRevoked(s.refreshToken())))
                .toList();
    }

    /** Revokes a refresh token, by seller or by token, as a seller removing the app's authorisation would. */
    @PostMapping("/lwa/revocations")
    public ResponseEntity<Void> revoke(@RequestBody Revocation revocation) {
        if (revocation.refreshToken() != null) {
            sandbox.sellers().revoke(revocation.refreshToken());
        } else if (revocation.sellerId() == null || !sandbox.sellers().revokeSeller(revocation.sellerId())) {
            throw new IllegalArgumentException("name a known sellerId or a refreshToken to revoke");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/lwa/revocations")
    public ResponseEntity<Void> restore() {
        sandbox.sellers().restoreAll();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/rate-limits")
    public RateLimitSettings rateLimits() {
        return new RateLimitSettings(sandbox.rateLimiter().isEnabled(), sandbox.rateLimiter().timeScale(), OperationQuotas.all());
    }

    /** Changes the limiter at run time; every bucket starts full again. */
    @PutMapping("/rate-limits")
    public RateLimitSettings configureRateLimits(@RequestBody RateLimitSettings settings) {
        sandbox.rateLimiter().configure(settings.enabled(), settings.timeScale() == 0 ? 1 : settings.timeScale());
        return rateLimits();
    }

    @DeleteMapping("/rate-limits/buckets")
    public ResponseEntity<Void> refillBuckets() {
        sandbox.rateLimiter().reset();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
