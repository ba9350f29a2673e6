package it.ponte.api;

import it.ponte.erp.ErpParkedOrders;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The shop orders parked after {@code ponte.erp.max-insert-attempts} failed ERP inserts (REST {@code /api/erp/parked}):
 * each with the attempts counted and the last reason with its step; a retry puts it back in line for the next sync run,
 * with a fresh set of attempts. The order stays REGISTERED all along.
 */
@Component("erpParkedApi")
public class ErpParkedApi {

    private final ErpParkedOrders orders;
    private final ApiMessages messages;

    public ErpParkedApi(ErpParkedOrders orders, ApiMessages messages) {
        this.orders = orders;
        this.messages = messages;
    }

    public List<ErpParkedOrders.ParkedOrder> parked() {
        return orders.parked();
    }

    public ErpParkedOrders.ParkedOrder retry(@Header("id") String id) {
        long orderId = SyncApi.parseId(id);
        return orders.retry(orderId).orElseThrow(() -> ApiProblem.notFound(messages.text("api.erpNotParked", orderId)));
    }
}
