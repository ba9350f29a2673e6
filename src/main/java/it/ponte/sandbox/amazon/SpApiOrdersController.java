package it.ponte.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Orders API 2026-01-01 of the simulated SP-API. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox/amazon/sp-api/orders/2026-01-01")
public class SpApiOrdersController {

    private final SpApiGate gate;
    private final OrderSearchService orders;

    public SpApiOrdersController(SpApiGate gate, OrderSearchService orders) {
        this.gate = gate;
        this.orders = orders;
    }

    @GetMapping("/orders")
    public ResponseEntity<Object> searchOrders(HttpServletRequest request) {
        return gate.call(request, OperationQuotas.SEARCH_ORDERS,
                seller -> orders.search(seller, OrderSearchParser.split(request.getParameterMap())));
    }

    @GetMapping("/orders/{orderId}")
    public ResponseEntity<Object> getOrder(@PathVariable String orderId, HttpServletRequest request) {
        return gate.call(request, OperationQuotas.GET_ORDER,
                seller -> orders.get(seller, orderId, OrderSearchParser.split(request.getParameterMap())));
    }
}
