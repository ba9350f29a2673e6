package it.ponte.sandbox.shop;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.PonteIntegrationTest;
import it.ponte.TestDatabases;
import it.ponte.sandbox.SandboxCatalogue;
import it.ponte.shop.AddressMatchKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo shop: seeded once into an empty shop, never over existing customers. */
class SandboxShopSeederTest extends PonteIntegrationTest {

    @Autowired
    SandboxShopSeeder seeder;

    @Test
    void emptyShopIsSeededOnceWithItalianDemoData() {
        TestDatabases.truncateAll(shopJdbc, List.of("sync_lock"));
        assertThat(seeder.seedIfEmpty()).isTrue();
        assertThat(seeder.seedIfEmpty()).as("a shop with customers is left alone").isFalse();

        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE email LIKE '%@marketplace.amazon.it'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE login_name IS NOT NULL AND password_hash IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM customer WHERE marketing_consent")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM address WHERE country_code = 'IT' AND postal_code REGEXP '^[0-9]{5}$' AND province REGEXP '^[A-Z]{2}$'"))
                .isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM product")).isEqualTo(SandboxCatalogue.PRODUCTS.size());
        assertThat(count("SELECT COUNT(*) FROM product p JOIN product_variant v ON v.product_id = p.id AND v.sku = p.sku"))
                .isEqualTo(SandboxCatalogue.PRODUCTS.size());
        assertThat(shopJdbc.queryForList("SELECT carrier_name FROM shipping_method ORDER BY code", Map.of(), String.class))
                .containsExactly("BRT", "GLS", "Poste Italiane");

        Map<String, Object> address = shopJdbc.queryForMap(
                "SELECT name, line1, postal_code, city, country_code, match_key FROM address a JOIN customer c ON c.id = a.customer_id WHERE c.email = :email",
                Map.of("email", "q4m7zk2x9hwd1vt@marketplace.amazon.it"));
        assertThat(address.get("match_key")).isEqualTo("giulia ferri|via garibaldi 12|20121|milano|it");
        assertThat(address.get("match_key")).isEqualTo(AddressMatchKey.of((String) address.get("name"), (String) address.get("line1"),
                (String) address.get("postal_code"), (String) address.get("city"), (String) address.get("country_code")));
    }

    private int count(String sql) {
        return shopJdbc.queryForObject(sql, Map.of(), Integer.class);
    }
}
