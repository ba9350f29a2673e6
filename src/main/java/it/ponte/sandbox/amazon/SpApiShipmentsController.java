package it.ponte.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code confirmShipment} of the Orders API v0 (the one v0 operation not deprecated) of the simulated SP-API. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/amazon/sp-api/orders/v0")
public class SpApiShipmentsController {

    private final SpApiGate gate;
    private final SandboxShipments shipments;

    public SpApiShipmentsController(SpApiGate gate, SandboxShipments shipments) {
        this.gate = gate;
        this.shipments = shipments;
    }

    /** The body is read as text so a malformed one is Amazon's 400 InvalidInput, after the token and quota checks. */
    @PostMapping("/orders/{orderId}/shipmentConfirmation")
    public ResponseEntity<Object> confirmShipment(@PathVariable String orderId, @RequestBody(required = false) String body,
                                                  HttpServletRequest request) {
        return gate.call(request, OperationQuotas.CONFIRM_SHIPMENT, 204, seller -> shipments.confirm(seller, orderId, body));
    }
}
