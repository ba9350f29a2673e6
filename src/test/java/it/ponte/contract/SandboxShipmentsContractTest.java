package it.ponte.contract;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.sandbox.amazon.SandboxAmazonTestBase;
import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.amazon.TestOrders;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every answer of the sandbox's confirmShipment, over real HTTP, checked against Amazon's ordersV0 model. */
class SandboxShipmentsContractTest extends SandboxAmazonTestBase {

    private static final AmazonContract CONTRACT = AmazonContract.ordersV0();

    @Test
    void acceptedShipmentConformsToTheModel() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String body = body(order, order.items().get(0).orderItemId(), "\"packageReferenceId\":\"1\"");

        HttpResponse<String> response = CONTRACT.assertConforms(confirm(order.orderId(), body, token), body);

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void refusalsConformToTheModel() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String unknownItem = body(order, "99999999999999", "\"packageReferenceId\":\"1\"");
        String good = body(order, order.items().get(0).orderItemId(), "\"packageReferenceId\":\"1\"");

        assertThat(CONTRACT.assertConforms(confirm(order.orderId(), unknownItem, token), unknownItem).statusCode()).isEqualTo(400);
        assertThat(CONTRACT.assertConforms(confirm("403-0000000-0000000", good, token), good).statusCode()).isEqualTo(404);
        assertThat(CONTRACT.assertConforms(confirm(order.orderId(), good, null), good).statusCode()).isEqualTo(403);
        HttpResponse<String> response;
        int calls = 0;
        do {
            response = confirm(order.orderId(), unknownItem, token);
            calls++;
        } while (response.statusCode() == 400 && calls < 30);
        assertThat(CONTRACT.assertConforms(response, unknownItem).statusCode()).isEqualTo(429);
    }

    @Test
    void theContractRejectsABodyWithoutPackageReference() {
        SandboxOrder order = amazon.addOrder(TestOrders.unshipped(Duration.ofHours(1)));
        String broken = body(order, order.items().get(0).orderItemId(), "\"packageReferenceIdentifier\":\"1\"");

        assertThat(CONTRACT.validate(confirm(order.orderId(), broken, token), broken).hasErrors()).isTrue();
    }

    private HttpResponse<String> confirm(String orderId, String body, String accessToken) {
        return http.spApi("POST", SandboxAmazonHttp.ORDERS_V0 + "/" + orderId + "/shipmentConfirmation", accessToken, body);
    }

    private static String body(SandboxOrder order, String itemId, String packageReference) {
        return "{\"marketplaceId\":\"" + order.marketplaceId() + "\",\"packageDetail\":{" + packageReference + ",\"carrierCode\":\"BRT\","
                + "\"trackingNumber\":\"TRK1\",\"shipDate\":\"2026-03-02T09:30:00Z\",\"orderItems\":[{\"orderItemId\":\"" + itemId
                + "\",\"quantity\":1}]}}";
    }
}
