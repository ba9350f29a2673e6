package it.ponte.sandbox.mailchimp;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own switches, outside the simulated API (no API key needed): fault injection, list members with a
 * status, the abandoned-cart automation's state, the store emptied, deleted or recreated behind Ponte's back, a product
 * refused, a reset, and the log of received calls.
 */
@Profile("sandbox")
@RestController
class SandboxMailchimpAdminController {

    /**
     * Any combination: {@code {"failNext": 3, "status": 503}}, {@code {"failNext": 1, "status": 429, "retryAfter": 2}},
     * {@code {"down": true}}, {@code {"downAfter": 5}}, {@code {"latencyMs": 200}},
     * {@code {"unreadableAnswerFor": "/customers/12"}}, {@code {"reset": true}}.
     */
    record Faults(Integer failNext, Integer status, Long retryAfter, Boolean down, Integer downAfter, Long latencyMs,
                  String unreadableAnswerFor, Boolean reset) {
    }

    record MemberRequest(String email, String status) {
    }

    record AutomationRequest(String status) {
    }

    private final SandboxMailchimpState state;
    private final SandboxMailchimpFaults faults;

    SandboxMailchimpAdminController(SandboxMailchimpState state, SandboxMailchimpFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    @PostMapping("/sandbox/mailchimp/faults")
    ResponseEntity<Map<String, Object>> faults(@RequestBody Faults request) {
        if (Boolean.TRUE.equals(request.reset())) {
            faults.reset();
        }
        if (request.failNext() != null) {
            faults.failNext(request.failNext(), request.status() == null ? 503 : request.status(), request.retryAfter());
        }
        if (request.down() != null) {
            faults.down(request.down());
        }
        if (request.downAfter() != null) {
            faults.downAfter(request.downAfter());
        }
        if (request.latencyMs() != null) {
            faults.latency(request.latencyMs());
        }
        if (request.unreadableAnswerFor() != null) {
            faults.unreadableAnswerOnce(request.unreadableAnswerFor());
        }
        return ResponseEntity.ok(Map.of("latencyMs", faults.latencyMillis()));
    }

    /**
     * Faults at random: {@code {"rate": 0.2, "seed": 7, "kinds": ["UNAVAILABLE", "READ_TIMEOUT"], "stallMillis": 1500,
     * "retryAfterSeconds": 1}} (kinds: every kind when absent); the answer says what was injected so far.
     */
    @org.springframework.web.bind.annotation.PutMapping("/sandbox/mailchimp/random-faults")
    it.ponte.sandbox.faults.RandomFaults.Status randomFaults(@RequestBody it.ponte.sandbox.faults.RandomFaults.Settings settings) {
        faults.random().configure(settings);
        return faults.random().status();
    }

    @org.springframework.web.bind.annotation.GetMapping("/sandbox/mailchimp/random-faults")
    it.ponte.sandbox.faults.RandomFaults.Status randomFaults() {
        return faults.random().status();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/sandbox/mailchimp/random-faults")
    ResponseEntity<Void> randomFaultsOff() {
        faults.random().off();
        return ResponseEntity.noContent().build();
    }

    /**
     * Malformed answers: {@code {"method": "GET", "pathPattern": "/members/", "kind": "MISSING_FIELD", "field": "status",
     * "size": 0, "times": 1}} (kinds: MISSING_FIELD, NULL_FIELD, WRONG_TYPE, HTML, EMPTY, HUGE_BODY); times 0: until cleared.
     */
    @PostMapping("/sandbox/mailchimp/malformed-answers")
    it.ponte.sandbox.faults.MalformedAnswers.Status malformed(@RequestBody it.ponte.sandbox.faults.MalformedAnswers.Rule rule) {
        faults.malformed().add(rule);
        return faults.malformed().status();
    }

    @GetMapping("/sandbox/mailchimp/malformed-answers")
    it.ponte.sandbox.faults.MalformedAnswers.Status malformed() {
        return faults.malformed().status();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/sandbox/mailchimp/malformed-answers")
    ResponseEntity<Void> malformedOff() {
        faults.malformed().clear();
        return ResponseEntity.noContent().build();
    }

    /** {@code {"countIgnored": true, "offsetIgnored": false}}: the members page ignores count (a huge page) or offset (never advances). */
    @org.springframework.web.bind.annotation.PutMapping("/sandbox/mailchimp/admin/members-paging")
    ResponseEntity<Void> membersPaging(@RequestBody Map<String, Boolean> paging) {
        faults.membersCountIgnored(Boolean.TRUE.equals(paging.get("countIgnored")));
        faults.membersOffsetIgnored(Boolean.TRUE.equals(paging.get("offsetIgnored")));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sandbox/mailchimp/admin/members")
    ResponseEntity<Map<String, String>> member(@RequestBody MemberRequest request) {
        List<String> statuses = List.of("subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived");
        if (request.email() == null || request.status() == null || !statuses.contains(request.status())) {
            return ResponseEntity.badRequest().body(Map.of("error", "email and status (one of " + statuses + ") are required"));
        }
        state.putMember(request.email(), request.status());
        return ResponseEntity.ok(Map.of("email", request.email(), "status", request.status()));
    }

    /** {@code sending}, {@code paused}, {@code save}, {@code journey} (a Customer Journey the API cannot see) or {@code absent}. */
    @PostMapping("/sandbox/mailchimp/admin/automations/abandoned-cart")
    ResponseEntity<Map<String, String>> abandonedCart(@RequestBody AutomationRequest request) {
        state.abandonedCartAutomation(request.status());
        return ResponseEntity.ok(Map.of("status", request.status() == null ? "absent" : request.status()));
    }

    /**
     * What an administrator does to the store in Mailchimp behind Ponte's back: {@code empty} (customers, products,
     * orders and carts removed, the store kept), {@code delete} (the store gone), {@code recreate} (deleted and created
     * again under the same id: empty, with a new {@code created_at}).
     */
    @PostMapping("/sandbox/mailchimp/admin/stores/{storeId}/{action}")
    ResponseEntity<Map<String, String>> store(@PathVariable String storeId, @PathVariable String action) {
        if (!List.of("empty", "delete", "recreate").contains(action)) {
            return ResponseEntity.badRequest().body(Map.of("error", "action is empty, delete or recreate, not " + action));
        }
        boolean done = switch (action) {
            case "empty" -> state.store(storeId).map(s -> {
                s.empty();
                return true;
            }).orElse(false);
            case "delete" -> state.deleteStore(storeId);
            default -> state.recreateStore(storeId);
        };
        return done ? ResponseEntity.ok(Map.of("store", storeId, "done", action))
                : ResponseEntity.status(404).body(Map.of("error", "no store " + storeId));
    }

    record RefuseRequest(Boolean refused) {
    }

    /** {@code {"refused": true}}: every write of this product is refused (400 Invalid Resource) until {@code false}. */
    @PostMapping("/sandbox/mailchimp/admin/products/{productId}/refuse")
    ResponseEntity<Map<String, Object>> refuseProduct(@PathVariable String productId, @RequestBody RefuseRequest request) {
        boolean refused = request.refused() == null || request.refused();
        state.refuseProduct(productId, refused);
        return ResponseEntity.ok(Map.of("product", productId, "refused", refused));
    }

    @PostMapping("/sandbox/mailchimp/admin/reset")
    ResponseEntity<Void> reset() {
        state.reset();
        faults.reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/mailchimp/inspect/requests")
    List<String> requests() {
        return state.requests();
    }
}
