package it.ponte.shop;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The shop's shipping methods ("metodi di trasporto") and their carrier names ("Nome del Vettore"). */
@Repository
public class ShippingMethods {

    private final NamedParameterJdbcTemplate shop;

    public ShippingMethods(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    public Set<String> carrierNames() {
        return new HashSet<>(shop.queryForList("SELECT carrier_name FROM shipping_method", Map.of(), String.class));
    }
}
