package it.ponte.shop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Small named values the shop keeps (watermarks and the like). */
@Repository
public class Settings {

    private final NamedParameterJdbcTemplate shop;

    public Settings(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    public Optional<String> get(String name) {
        List<String> values = shop.queryForList("SELECT value FROM setting WHERE name = :name", Map.of("name", name), String.class);
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public void put(String name, String value) {
        shop.update("INSERT INTO setting (name, value) VALUES (:name, :value) ON DUPLICATE KEY UPDATE value = VALUES(value)",
                Map.of("name", name, "value", value));
    }
}
