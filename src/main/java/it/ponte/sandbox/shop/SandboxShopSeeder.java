package it.ponte.sandbox.shop;

import it.ponte.sandbox.SandboxAmazonBuyers;
import it.ponte.sandbox.SandboxCatalogue;
import it.ponte.sandbox.SandboxPlaces;
import it.ponte.shop.AddressMatchKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty shop database with a small Italian demo shop: customers (two of them earlier Amazon buyers),
 * their addresses, the catalogue and the shipping methods. A shop that already has customers is left alone,
 * so a kept {@code ./data/mariadb} is never seeded twice.
 */
@Component
@Profile("sandbox")
public class SandboxShopSeeder {

    private static final Logger log = LoggerFactory.getLogger(SandboxShopSeeder.class);
    private static final long RANDOM_SEED = 20260101L;
    private static final int WEB_CUSTOMERS = 8;
    private static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.net", "example.org");

    record Customer(String email, String firstName, String lastName, String phone, String loginName, String passwordHash,
                    boolean marketingConsent, String origin, String line1, String city, String postalCode, String province) {
    }

    record ShippingMethod(String code, String name, String carrierName) {
    }

    static final List<ShippingMethod> SHIPPING_METHODS = List.of(
            new ShippingMethod("BRT", "Corriere espresso BRT", "BRT"),
            new ShippingMethod("GLS", "Corriere GLS", "GLS"),
            new ShippingMethod("POSTE", "Poste Italiane - Posta Raccomandata", "Poste Italiane"));

    private final NamedParameterJdbcTemplate shopJdbc;
    private final TransactionTemplate shopTx;

    public SandboxShopSeeder(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shopJdbc, @Qualifier("shopTx") TransactionTemplate shopTx) {
        this.shopJdbc = shopJdbc;
        this.shopTx = shopTx;
    }

    /** Seeds the shop unless it already has customers or products; returns whether it did. */
    public boolean seedIfEmpty() {
        Boolean seeded = shopTx.execute(status -> {
            Integer present = shopJdbc.queryForObject("SELECT (SELECT COUNT(*) FROM customer) + (SELECT COUNT(*) FROM product)",
                    Map.of(), Integer.class);
            if (present != null && present > 0) {
                return false;
            }
            customers().forEach(this::insertCustomer);
            SandboxCatalogue.PRODUCTS.forEach(this::insertProduct);
            SHIPPING_METHODS.forEach(this::insertShippingMethod);
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Sandbox shop seeded with demo customers, {} products and {} shipping methods",
                    SandboxCatalogue.PRODUCTS.size(), SHIPPING_METHODS.size());
        }
        return Boolean.TRUE.equals(seeded);
    }

    static List<Customer> customers() {
        Random random = new Random(RANDOM_SEED);
        Faker faker = new Faker(Locale.ITALY, random);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < WEB_CUSTOMERS; i++) {
            String first = faker.name().firstName();
            String last = faker.name().lastName();
            String local = ascii(first) + "." + ascii(last) + (i + 1);
            SandboxPlaces.Place place = SandboxPlaces.PLACES.get(random.nextInt(SandboxPlaces.PLACES.size()));
            boolean canLogIn = i % 2 == 0;
            customers.add(new Customer(local + "@" + EMAIL_DOMAINS.get(i % EMAIL_DOMAINS.size()), first, last,
                    faker.phoneNumber().cellPhone(),
                    canLogIn ? local : null, canLogIn ? passwordHash(local) : null,
                    i % 3 != 2, "WEB",
                    faker.address().streetName() + " " + (1 + random.nextInt(180)), place.city(), place.postalCode(), place.province()));
        }
        for (SandboxAmazonBuyers.Buyer b : SandboxAmazonBuyers.RETURNING) {
            customers.add(new Customer(b.email(), b.firstName(), b.lastName(), b.phone(), null, null, false, "AMAZON",
                    b.line1(), b.city(), b.postalCode(), b.province()));
        }
        return customers;
    }

    private void insertCustomer(Customer c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shopJdbc.update("""
                INSERT INTO customer (email, first_name, last_name, phone, login_name, password_hash, marketing_consent, origin)
                VALUES (:email, :firstName, :lastName, :phone, :loginName, :passwordHash, :marketingConsent, :origin)""",
                new MapSqlParameterSource()
                        .addValue("email", c.email()).addValue("firstName", c.firstName()).addValue("lastName", c.lastName())
                        .addValue("phone", c.phone()).addValue("loginName", c.loginName()).addValue("passwordHash", c.passwordHash())
                        .addValue("marketingConsent", c.marketingConsent()).addValue("origin", c.origin()),
                key, new String[] {"id"});
        String name = c.firstName() + " " + c.lastName();
        shopJdbc.update("""
                INSERT INTO address (customer_id, name, line1, city, province, postal_code, country_code, phone, match_key)
                VALUES (:customerId, :name, :line1, :city, :province, :postalCode, 'IT', :phone, :matchKey)""",
                new MapSqlParameterSource()
                        .addValue("customerId", key.getKey().longValue()).addValue("name", name).addValue("line1", c.line1())
                        .addValue("city", c.city()).addValue("province", c.province()).addValue("postalCode", c.postalCode())
                        .addValue("phone", c.phone())
                        .addValue("matchKey", AddressMatchKey.of(name, c.line1(), c.postalCode(), c.city(), "IT")));
    }

    private void insertProduct(SandboxCatalogue.Product p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shopJdbc.update("INSERT INTO product (sku, title, price, vendor) VALUES (:sku, :title, :price, :vendor)",
                new MapSqlParameterSource().addValue("sku", p.sku()).addValue("title", p.title()).addValue("price", p.price())
                        .addValue("vendor", "Ponte Demo"),
                key, new String[] {"id"});
        shopJdbc.update("""
                INSERT INTO product_variant (product_id, sku, title, price, stock)
                VALUES (:productId, :sku, :title, :price, :stock)""",
                new MapSqlParameterSource().addValue("productId", key.getKey().longValue()).addValue("sku", p.sku())
                        .addValue("title", p.title()).addValue("price", p.price()).addValue("stock", 50));
    }

    private void insertShippingMethod(ShippingMethod m) {
        shopJdbc.update("INSERT INTO shipping_method (code, name, carrier_name) VALUES (:code, :name, :carrierName)",
                Map.of("code", m.code(), "name", m.name(), "carrierName", m.carrierName()));
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    /** Demo password = login name; the shop's real hashing is not Ponte's business, only that the column is filled. */
    private static String passwordHash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{sha256}" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
