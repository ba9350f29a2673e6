package it.ponte.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.RecordedRequest;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sync.SyncMode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request Ponte's own client sends to the SP-API conforms to Amazon's model of Orders API 2026-01-01. */
class ClientRequestsContractTest extends SyncTestBase {

    @Test
    void searchOrdersPagesAndGetOrderRequestsConformToAmazonsModel() {
        Instant at = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 7; i++) {
            amazon.addOrder(order("contratto" + i + "@marketplace.amazon.it", FulfilledBy.MERCHANT, at.plusSeconds(i)));
        }
        // Amazon-fulfilled: held for lack of an address, then asked about again with getOrder.
        amazon.addOrder(order("afn@marketplace.amazon.it", FulfilledBy.AMAZON, at));
        sync.run(SyncMode.PARTIAL);
        sync.run(SyncMode.PARTIAL);

        List<RecordedRequest> calls = amazon.requests().all().stream()
                .filter(r -> r.path().startsWith(AmazonContract.SANDBOX_BASE_PATH)).toList();
        assertThat(calls).anyMatch(r -> r.query() != null && r.query().contains("paginationToken="));
        assertThat(calls).anyMatch(r -> r.path().matches(".*/orders/2026-01-01/orders/[0-9-]+"));
        for (RecordedRequest call : calls) {
            URI uri = URI.create("http://127.0.0.1" + call.path() + (call.query() == null ? "" : "?" + call.query()));
            ValidationReport report = AmazonContract.orders().validateRequest(call.method(), uri, call.headers());
            assertThat(report.hasErrors()).as(call.method() + " " + uri + "\n" + AmazonContract.describe(report)).isFalse();
        }
    }

    private static NewOrder order(String email, FulfilledBy by, Instant at) {
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, by, null, "Carla Contratti", email,
                new SandboxAddress("Carla Contratti", "Via Modello 1", null, "Torino", "TO", "10121", "IT", null),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 1, new BigDecimal("24.50"))),
                new BigDecimal("4.90"), at, at);
    }
}
