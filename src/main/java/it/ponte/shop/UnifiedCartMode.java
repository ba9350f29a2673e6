package it.ponte.shop;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the shop runs in unified cart mode. The merchant switches it in the shop's admin console, which writes
 * the {@code setting} table, so that row wins over the configured default.
 */
@Component
public class UnifiedCartMode {

    public static final String SETTING = "shop.unified-cart";

    private final NamedParameterJdbcTemplate shopJdbc;
    private final ShopProperties properties;

    public UnifiedCartMode(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shopJdbc, ShopProperties properties) {
        this.shopJdbc = shopJdbc;
        this.properties = properties;
    }

    public boolean isOn() {
        List<String> values = shopJdbc.queryForList("SELECT value FROM setting WHERE name = :name",
                Map.of("name", SETTING), String.class);
        if (values.isEmpty() || values.get(0) == null) {
            return properties.unifiedCart();
        }
        return Boolean.parseBoolean(values.get(0).trim());
    }
}
