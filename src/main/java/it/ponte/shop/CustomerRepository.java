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

    // --- a page of orders at a time (the batched Amazon import) ------------------------------------------------------

    /** The key a customer's e-mail is unique by, as the batch compares them (the column's collation ignores case). */
    public static String emailKey(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The customers these e-mails identify, by {@link #emailKey} (business buyers are never among them), and in the same
     * query those of their addresses whose match key is among {@code matchKeys}, put into {@code addresses} by
     * {@link #addressKey}: a page of the import learns its known buyers and their known ship-to addresses in one round trip.
     */
    public Map<String, Customer> findByEmails(java.util.Collection<String> emails, java.util.Collection<String> matchKeys,
                                              Map<String, Address> addresses) {
        Map<String, Customer> found = new java.util.HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        shop.query("""
                SELECT c.*, a.id AS a_id, a.customer_id AS a_customer_id, a.name AS a_name, a.company AS a_company,
                       a.line1 AS a_line1, a.line2 AS a_line2, a.city AS a_city, a.province AS a_province,
                       a.postal_code AS a_postal_code, a.country_code AS a_country_code, a.phone AS a_phone,
                       a.erp_ship_to_code AS a_erp_ship_to_code, a.match_key AS a_match_key
                FROM customer c LEFT JOIN address a ON a.customer_id = c.id AND a.match_key IN (:keys)
                WHERE c.email_key IN (:emails)
                """, Map.of("emails", emails.stream().map(String::trim).distinct().toList(),
                "keys", matchKeys.isEmpty() ? List.of("") : matchKeys.stream().distinct().toList()), (java.sql.ResultSet rs) -> {
                    Customer c = CUSTOMER.mapRow(rs, 0);
                    found.putIfAbsent(emailKey(c.email()), c);
                    long addressId = rs.getLong("a_id");
                    if (!rs.wasNull()) {
                        addresses.put(c.id() + "|" + rs.getString("a_match_key"), new Address(addressId, rs.getLong("a_customer_id"),
                                rs.getString("a_name"), rs.getString("a_company"), rs.getString("a_line1"), rs.getString("a_line2"),
                                rs.getString("a_city"), rs.getString("a_province"), rs.getString("a_postal_code"),
                                rs.getString("a_country_code"), rs.getString("a_phone"), rs.getString("a_erp_ship_to_code")));
                    }
                });
        return found;
    }

    /** A customer without login credentials to open, as {@link #insertAll} takes them. */
    public record NewCustomer(String email, String firstName, String lastName, String company, String phone, String origin) {
    }

    /**
     * Opens these customers in one multi-row statement, in the caller's transaction, and answers them as stored (by
     * {@link #emailKey}) from the same statement ({@code RETURNING}): one round trip, no read-back. Unlike
     * {@link #insertOrFind} a customer opened meanwhile by another writer fails the statement (its caller then goes
     * order by order).
     */
    public Map<String, Customer> insertAll(java.util.Collection<NewCustomer> customers) {
        Map<String, Customer> stored = new java.util.HashMap<>();
        if (customers.isEmpty()) {
            return stored;
        }
        List<Object[]> rows = new java.util.ArrayList<>(customers.size());
        for (NewCustomer c : customers) {
            rows.add(new Object[] {c.email().trim(), c.firstName(), c.lastName(), c.company(), c.phone(), c.origin()});
        }
        it.ponte.db.MultiRowInsert.returning(shop.getJdbcOperations(), "INSERT INTO customer (email, first_name, last_name, company, phone, origin)",
                rows, "*", (java.sql.ResultSet rs) -> {
            Customer c = CUSTOMER.mapRow(rs, 0);
            stored.put(emailKey(c.email()), c);
        });
        return stored;
    }

    /** The key an address is found by in the import's maps: its customer and its match key. */
    public static String addressKey(Address address) {
        return address.customerId() + "|" + address.matchKey();
    }

    /**
     * Adds these addresses in one multi-row statement, in the caller's transaction, and answers them as stored (by
     * {@link #addressKey}) from the same statement ({@code RETURNING}); one stored meanwhile fails the statement.
     */
    public Map<String, Address> insertAddresses(java.util.Collection<Address> addresses) {
        Map<String, Address> stored = new java.util.HashMap<>();
        if (addresses.isEmpty()) {
            return stored;
        }
        List<Object[]> rows = new java.util.ArrayList<>(addresses.size());
        for (Address a : addresses) {
            rows.add(new Object[] {a.customerId(), a.name(), a.company(), a.line1(), a.line2(), a.city(), a.province(), a.postalCode(),
                    a.countryCode(), a.phone(), a.matchKey()});
        }
        it.ponte.db.MultiRowInsert.returning(shop.getJdbcOperations(), "INSERT INTO address (customer_id, name, company, line1, line2, city, "
                + "province, postal_code, country_code, phone, match_key)", rows, "*", (java.sql.ResultSet rs) -> {
            Address a = ADDRESS.mapRow(rs, 0);
            stored.put(a.customerId() + "|" + rs.getString("match_key"), a);
        });
        return stored;
    }

    /** Customers by id, in one query. */
    public Map<Long, Customer> findAll(java.util.Collection<Long> ids) {
        Map<Long, Customer> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            shop.query("SELECT * FROM customer WHERE id IN (:ids)", Map.of("ids", ids), (java.sql.ResultSet rs) -> {
                Customer c = CUSTOMER.mapRow(rs, 0);
                found.put(c.id(), c);
            });
        }
        return found;
    }

    /** Addresses by id, in one query. */
    public Map<Long, Address> findAddressesById(java.util.Collection<Long> ids) {
        Map<Long, Address> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            shop.query("SELECT * FROM address WHERE id IN (:ids)", Map.of("ids", ids), (java.sql.ResultSet rs) -> {
                Address a = ADDRESS.mapRow(rs, 0);
                found.put(a.id(), a);
            });
        }
        return found;
    }

    /**
     * The ERP codes of customers and ship-to addresses just stored, each set only where none was: one statement each
     * for the whole batch (the codes travel as one bound JSON array).
     */
    public void setErpCodes(Map<Long, String> customerCodes, Map<Long, String> shipToCodes) {
        if (!customerCodes.isEmpty()) {
            shop.update("""
                    UPDATE JSON_TABLE(:codes, '$[*]' COLUMNS (id BIGINT PATH '$.id', code VARCHAR(30) PATH '$.code')) AS m
                    STRAIGHT_JOIN customer c ON c.id = m.id
                    SET c.erp_code = m.code
                    WHERE c.erp_code IS NULL
                    """, Map.of("codes", Json.idsAndCodes(customerCodes)));
        }
        if (!shipToCodes.isEmpty()) {
            shop.update("""
                    UPDATE JSON_TABLE(:codes, '$[*]' COLUMNS (id BIGINT PATH '$.id', code VARCHAR(30) PATH '$.code')) AS m
                    STRAIGHT_JOIN address a ON a.id = m.id
                    SET a.erp_ship_to_code = m.code
                    WHERE a.erp_ship_to_code IS NULL
                    """, Map.of("codes", Json.idsAndCodes(shipToCodes)));
        }
    }
}

