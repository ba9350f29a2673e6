package it.ponte.sandbox.amazon;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin REST of the simulated Amazon's orders, outside the SP-API paths: what a rehearsal needs to stage. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/amazon/orders")
public class SandboxOrdersAdminController {

    private final AmazonSandbox sandbox;

    public SandboxOrdersAdminController(AmazonSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public record StatusChange(FulfillmentStatus status, Instant lastUpdatedTime) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SandboxOrder add(@RequestBody NewOrder order) {
        return sandbox.addOrder(order);
    }

    @PatchMapping("/{orderId}")
    public SandboxOrder change(@PathVariable String orderId, @RequestBody StatusChange change) {
        if (change.status() == null) {
            throw new IllegalArgumentException("status is required");
        }
        return change.lastUpdatedTime() == null ? sandbox.setStatus(orderId, change.status())
                : sandbox.setStatus(orderId, change.status(), change.lastUpdatedTime());
    }

    /** An order Amazon surfaces late: hidden from searchOrders and getOrder until surfaced. */
    @PostMapping("/late")
    @ResponseStatus(HttpStatus.CREATED)
    public SandboxOrder addLate(@RequestBody NewOrder order) {
        return sandbox.addLateOrder(order);
    }

    @PostMapping("/{orderId}/surface")
    public ResponseEntity<Void> surface(@PathVariable String orderId) {
        sandbox.surface(orderId);
        return ResponseEntity.noContent().build();
    }

    /** Every order with its shipments, cancellations and refunds. */
    @GetMapping
    public List<SandboxOrderView> list() {
        return sandbox.orders().stream().map(sandbox::view).toList();
    }

    @GetMapping("/{orderId}")
    public SandboxOrderView get(@PathVariable String orderId) {
        return sandbox.order(orderId).map(sandbox::view)
                .orElseThrow(() -> new IllegalArgumentException("no sandbox Amazon order " + orderId));
    }

    @DeleteMapping
    public ResponseEntity<Void> clear() {
        sandbox.clear();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        HttpStatus status = e.getMessage() != null && e.getMessage().startsWith("no sandbox Amazon order") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
