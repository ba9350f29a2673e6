package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxBusinessBuyer;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amazon Business / Invoicing-by-Amazon buyers on amazon.it all come as "Amazon Business EU SARL" with one shared
 * e-mail (issue 11): each business is its own customer, keyed on its VAT number, company or recipient, never on that
 * e-mail.
 */
class AmazonBusinessBuyersTest extends SyncTestBase {

    @Test
    void businessBuyersSharingAmazonsEmailBecomeOneCustomerPerVatNumberAlsoInTheErp() {
        SandboxOrder first = amazon.addOrder(order("Mario Bianchi", "Via Emilia 10", 30).asBusiness("Bianchi Ferramenta Srl", "IT01234567890"));
        SandboxOrder second = amazon.addOrder(order("Lucia Verdi", "Via Po 2", 29).asBusiness("Verdi Impianti Spa", "IT 0987 6543 210"));
        SandboxOrder again = amazon.addOrder(order("Carla Bianchi", "Via Emilia 12", 28).asBusiness("Bianchi Ferramenta S.r.l.", "IT01234567890"));

        assertThat(sync.run(SyncMode.PARTIAL).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

        List<Map<String, Object>> customers = shopJdbc.queryForList("SELECT * FROM customer ORDER BY id", Map.of());
        assertThat(customers).hasSize(2);
        assertThat(customers).extracting(c -> c.get("email")).containsOnly(SandboxBusinessBuyer.SHARED_EMAIL);
        assertThat(customers).extracting(c -> c.get("vat_number")).containsExactlyInAnyOrder("IT01234567890", "IT09876543210");
        assertThat(customers).extracting(c -> c.get("company")).containsExactlyInAnyOrder("Bianchi Ferramenta Srl", "Verdi Impianti Spa");
        assertThat(customerOf(first)).isEqualTo(customerOf(again)).isNotEqualTo(customerOf(second));
        List<Map<String, Object>> accounts = erpJdbc.queryForList("SELECT * FROM erp_customer ORDER BY name", Map.of());
        assertThat(accounts).extracting(a -> a.get("name")).containsExactly("Bianchi Ferramenta Srl", "Verdi Impianti Spa");
        assertThat(accounts).extracting(a -> a.get("vat_number")).containsExactly("IT01234567890", "IT09876543210");
        assertThat(count("SELECT COUNT(*) FROM shop_order WHERE status = 'STORED'")).isEqualTo(3);
    }

    @Test
    void aBusinessOrderIsNeverLinkedToTheCustomerWhoAlreadyHasTheSharedEmail() {
        // what linking by e-mail left behind: one customer holding Amazon's shared business address
        shopJdbc.update("INSERT INTO customer (email, first_name, last_name, origin) VALUES (:e, 'Amazon', 'Business EU SARL', 'AMAZON')",
                Map.of("e", SandboxBusinessBuyer.SHARED_EMAIL));
        long folded = count("SELECT id FROM customer");
        SandboxOrder order = amazon.addOrder(order("Giorgio Neri", "Via Roma 5", 20).asBusiness("Neri Costruzioni Srl", "IT05554443332"));

        sync.run(SyncMode.PARTIAL);

        assertThat(customerOf(order)).isNotEqualTo(folded);
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(2);
        assertThat(shopJdbc.queryForObject("SELECT company FROM customer WHERE id = :id", Map.of("id", customerOf(order)), String.class))
                .isEqualTo("Neri Costruzioni Srl");
        assertThat(shopJdbc.queryForObject("SELECT last_name FROM customer WHERE id = :id", Map.of("id", folded), String.class))
                .as("the old customer is left as it was").isEqualTo("Business EU SARL");
    }

    @Test
    void theSharedEmailAloneMarksABusinessBuyerAndWithoutCompanyOrVatItIsKeyedOnTheRecipient() {
        // no programs, no company, no VAT number: only Amazon's shared address tells it is a business order
        SandboxOrder rossi = amazon.addOrder(order("Anna Rossi", "Via Garibaldi 1", 30)
                .withBuyer(SandboxBusinessBuyer.SHARED_NAME, SandboxBusinessBuyer.SHARED_EMAIL));
        SandboxOrder gialli = amazon.addOrder(order("Bruno Gialli", "Via Mazzini 7", 29)
                .withBuyer(SandboxBusinessBuyer.SHARED_NAME, SandboxBusinessBuyer.SHARED_EMAIL));
        SandboxOrder rossiAgain = amazon.addOrder(order("Anna Rossi", "Via Garibaldi 1", 28)
                .withBuyer(SandboxBusinessBuyer.SHARED_NAME, SandboxBusinessBuyer.SHARED_EMAIL));

        sync.run(SyncMode.PARTIAL);

        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(2);
        assertThat(customerOf(rossi)).isEqualTo(customerOf(rossiAgain)).isNotEqualTo(customerOf(gialli));
        assertThat(shopJdbc.queryForList("SELECT company FROM customer ORDER BY company", Map.of(), String.class))
                .containsExactly("Anna Rossi", "Bruno Gialli");
    }

    @Test
    void aBusinessOrderWithCompanyButNoVatNumberIsKeyedOnTheCompany() {
        SandboxOrder a = amazon.addOrder(order("Piero Blu", "Via Dante 3", 30).asBusiness("Blu Ottica Snc", null));
        SandboxOrder b = amazon.addOrder(order("Sara Blu", "Via Dante 9", 29).asBusiness("Blu Ottica Snc", null));

        sync.run(SyncMode.PARTIAL);

        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(1);
        assertThat(customerOf(a)).isEqualTo(customerOf(b));
        assertThat(shopJdbc.queryForObject("SELECT vat_number FROM customer", Map.of(), String.class)).isNull();
    }

    private long customerOf(SandboxOrder order) {
        return shopJdbc.queryForObject("SELECT customer_id FROM shop_order WHERE amazon_order_id = :id", Map.of("id", order.orderId()), Long.class);
    }

    private long count(String sql) {
        return shopJdbc.queryForObject(sql, Map.of(), Long.class);
    }

    private static NewOrder order(String recipient, String street, int minutesAgo) {
        Instant at = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, recipient,
                "consumer" + minutesAgo + "@marketplace.amazon.it",
                new SandboxAddress(recipient, street, null, "Bologna", "BO", "40121", "IT", "+39 051 000000"),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 2, new BigDecimal("24.50"))),
                new BigDecimal("4.90"), at, at);
    }
}
