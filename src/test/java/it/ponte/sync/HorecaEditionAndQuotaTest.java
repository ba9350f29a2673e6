package it.ponte.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.AmazonFault;
import it.ponte.sandbox.amazon.SandboxOrder;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A merchant on the Ho.Re.Ca. edition with a contract of three syncs a month: its own Ponte (a second context),
 * since edition and quota are fixed per installation.
 */
@TestPropertySource(properties = {"ponte.erp.edition=HORECA", "ponte.sync.quota-per-month=3", "spring.jmx.enabled=false"})
@org.apache.camel.test.spring.junit5.DisableJmx
class HorecaEditionAndQuotaTest extends SyncTestBase {

    @Autowired
    SyncLauncher launcher;

    @AfterEach
    void amazonBack() {
        amazon.faults().clear();
    }

    @Test
    void horecaShipsWithCarrierAndTransportStartWhenTheCarrierIsExactlyAShopCarrierName() {
        ensureShippingMethod("BRT", "BRT Corriere Espresso");
        SandboxOrder good = fixtures.amazonOrder();
        SandboxOrder typo = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL, SyncTrigger.ACCOUNT_ORDER_SYNC, "it-main");
        long goodId = fixtures.shopId(good.orderId());
        long typoId = fixtures.shopId(typo.orderId());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.shippingInErp(fixtures.documentOf(goodId), "BRT Corriere Espresso", start, null);
        fixtures.shippingInErp(fixtures.documentOf(typoId), "BRT corriere espresso", start, null);
        amazon.faults().add(AmazonFault.of("*", 503, 0));

        SyncRun run = sync.run(SyncMode.PARTIAL, SyncTrigger.ACCOUNT_ORDER_SYNC, "it-main");
        assertThat(run.mode()).isEqualTo(SyncMode.PARTIAL);
        run = sync.run(SyncMode.CHANGED, SyncTrigger.REST, null);

        Map<String, Object> shipped = fixtures.order(goodId);
        assertThat(shipped.get("amazon_state")).isEqualTo("PENDING_SHIPMENT");
        assertThat(shipped.get("carrier")).isEqualTo("BRT Corriere Espresso");
        assertThat(fixtures.order(typoId).get("amazon_state")).isEqualTo("STORED");
        assertThat(run.errors()).anyMatch(e -> e.contains(typo.orderId()) && e.contains("BRT corriere espresso"));
    }

    @Test
    void countedRunsBeyondTheMonthlyQuotaAreRefusedButAccountOrderSyncsNeverCount() {
        sync.run(SyncMode.PARTIAL);
        sync.run(SyncMode.PARTIAL);
        sync.run(SyncMode.PARTIAL);

        assertThatThrownBy(() -> launcher.launch(SyncMode.CHANGED, SyncTrigger.SCHEDULE, null))
                .isInstanceOf(SyncQuotaExceededException.class).hasMessageContaining("3 di 3");
        HttpResponse<String> refused = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"TOTAL\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Monte sincronizzazioni");

        HttpResponse<String> accountSync = Http.postJson(baseUrl() + "/api/amazon/accounts/it-main/order-sync", "");
        assertThat(accountSync.statusCode()).isEqualTo(202);
        sync.awaitEnd(Long.parseLong(accountSync.body().replaceAll(".*\"runId\":(\\d+).*", "$1")));
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE counted", Map.of(), Integer.class)).isEqualTo(3);
    }

    private void ensureShippingMethod(String code, String carrierName) {
        shopJdbc.update("DELETE FROM shipping_method WHERE code = :c", Map.of("c", code));
        shopJdbc.update("INSERT INTO shipping_method (code, name, carrier_name) VALUES (:c, :n, :n)", Map.of("c", code, "n", carrierName));
    }
}
