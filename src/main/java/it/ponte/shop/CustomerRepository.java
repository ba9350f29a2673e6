package it.ponte.shop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Shop customers and their addresses. Inserts are safe to race: the unique keys decide, the loser re-reads. */
@Repository
public class CustomerRepository {

    private static final RowMapper<Customer> CUSTOMER = (rs, i) -> new Customer(rs.getLong("id"), rs.getString("email"),
            rs.getString("first_name"), rs.getString("last_name"), rs.getString("company"), rs.getString("phone"),
            rs.getString("login_name"), rs.getBoolean("marketing_consent"), rs.getString("erp_code"),
            rs.getString("vat_number"), rs.getString("business_key"));
    private static final RowMapper<Address> ADDRESS = (rs, i) -> new Address(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("name"), rs.getString("company"), rs.getString("line1"), rs.getString("line2"), rs.getString("city"),
            rs.getString("province"), rs.getString("postal_code"), rs.getString("country_code"), rs.getString("phone"),
            rs.getString("erp_ship_to_code"));

    private final NamedParameterJdbcTemplate shop;

    public CustomerRepository(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** The customer this e-mail identifies; business buyers, who may share an e-mail, are never found by it. */
    public Optional<Customer> findByEmail(String email) {
        return shop.query("SELECT * FROM customer WHERE email_key = :email", Map.of("email", email.trim()), CUSTOMER).stream().findFirst();
    }

    public Optional<Customer> findByBusinessKey(String businessKey) {
        return shop.query("SELECT * FROM customer WHERE business_key = :key", Map.of("key", businessKey), CUSTOMER).stream().findFirst();
    }

    /**
     * Inserts a business buyer keyed on {@code businessKey} (its VAT number, company or recipient), or returns the one
     * that already has that key. The e-mail is kept as Amazon gave it, but it identifies no one.
     */
    public Customer insertOrFindBusiness(String businessKey, String email, String company, String vatNumber, String phone, String origin) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("key", businessKey).addValue("email", email.trim())
                .addValue("company", company).addValue("vat", vatNumber).addValue("phone", phone).addValue("origin", origin);
        try {
            shop.update("""
                    INSERT INTO customer (email, company, vat_number, business_key, phone, origin)
                    VALUES (:email, :company, :vat, :key, :phone, :origin)
                    """, p);
        } catch (DuplicateKeyException alreadyThere) {
            // Another run or node created it first: link that one.
        }
        return findByBusinessKey(businessKey).orElseThrow();
    }

    public Optional<Customer> find(long id) {
        return shop.query("SELECT * FROM customer WHERE id = :id", Map.of("id", id), CUSTOMER).stream().findFirst();
    }

    /** Inserts a customer without login credentials, or returns the one that already has this e-mail. */
    public Customer insertOrFind(String email, String firstName, String lastName, String company, String phone, String origin) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("email", email.trim()).addValue("firstName", firstName)
                .addValue("lastName", lastName).addValue("company", company).addValue("phone", phone).addValue("origin", origin);
        try {
            shop.update("""
                    INSERT INTO customer (email, first_name, last_name, company, phone, origin)
                    VALUES (:email, :firstName, :lastName, :company, :phone, :origin)
                    """, p);
        } catch (DuplicateKeyException alreadyThere) {
            // Another run or node created it first: link that one.
        }
        return findByEmail(email).orElseThrow();
    }

    public List<Address> addresses(long customerId) {
        return shop.query("SELECT * FROM address WHERE customer_id = :id ORDER BY id", Map.of("id", customerId), ADDRESS);
    }

    public Optional<Address> findAddress(long addressId) {
        return shop.query("SELECT * FROM address WHERE id = :id", Map.of("id", addressId), ADDRESS).stream().findFirst();
    }

    /** The customer's address matching this one, created when it is not among them yet; the boolean says which. */
    public AddressLookup addressFor(Address address) {
        String key = address.matchKey();
        Optional<Address> existing = findAddressByKey(address.customerId(), key);
        if (existing.isPresent()) {
            return new AddressLookup(existing.get(), false);
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        try {
            shop.update("""
                    INSERT INTO address (customer_id, name, company, line1, line2, city, province, postal_code, country_code, phone, match_key)
                    VALUES (:customerId, :name, :company, :line1, :line2, :city, :province, :postalCode, :countryCode, :phone, :key)
                    """, new MapSqlParameterSource().addValue("customerId", address.customerId()).addValue("name", address.name())
                    .addValue("company", address.company()).addValue("line1", address.line1()).addValue("line2", address.line2())
                    .addValue("city", address.city()).addValue("province", address.province())
                    .addValue("postalCode", address.postalCode()).addValue("countryCode", address.countryCode())
                    .addValue("phone", address.phone()).addValue("key", key), id, new String[] {"id"});
        } catch (DuplicateKeyException alreadyThere) {
            return new AddressLookup(findAddressByKey(address.customerId(), key).orElseThrow(), false);
        }
        return new AddressLookup(findAddress(id.getKey().longValue()).orElseThrow(), true);
    }

    public void setErpCode(long customerId, String erpCode) {
        shop.update("UPDATE customer SET erp_code = :code WHERE id = :id AND erp_code IS NULL",
                Map.of("id", customerId, "code", erpCode));
    }

    public void setErpShipToCode(long addressId, String code) {
        shop.update("UPDATE address SET erp_ship_to_code = :code WHERE id = :id AND erp_ship_to_code IS NULL",
                Map.of("id", addressId, "code", code));
    }

    private Optional<Address> findAddressByKey(long customerId, String key) {
        return shop.query("SELECT * FROM address WHERE customer_id = :id AND match_key = :key",
                Map.of("id", customerId, "key", key), ADDRESS).stream().findFirst();
    }

    public record AddressLookup(Address address, boolean created) {
    }
}
