package it.ponte.shop;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who is logged in to the shop: the {@code PONTE_SHOP_SESSION} cookie (or header) names a {@code shop_session} row.
 * A stand-in for the real shop's sessions, just enough for the cart recovery link to tell a logged-in customer.
 */
@Repository
public class ShopSessions {

    public static final String COOKIE = "PONTE_SHOP_SESSION";

    private final NamedParameterJdbcTemplate jdbc;

    public ShopSessions(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> customerOf(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        List<Long> customers = jdbc.queryForList("SELECT customer_id FROM shop_session WHERE id = :id AND expires_at > CURRENT_TIMESTAMP(3)",
                Map.of("id", sessionId), Long.class);
        return customers.stream().findFirst();
    }

    /** Opens a session for a customer (the shop's login does this; tests and the sandbox use it too). */
    public String open(long customerId, Duration validity) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO shop_session (id, customer_id, expires_at) VALUES (:id, :customer, :expires)",
                new MapSqlParameterSource("id", id).addValue("customer", customerId).addValue("expires", Timestamp.from(Instant.now().plus(validity))));
        return id;
    }
}
