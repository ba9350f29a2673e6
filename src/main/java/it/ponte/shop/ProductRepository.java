package it.ponte.shop;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The shop's catalogue, as far as the order flows need it. */
@Repository
public class ProductRepository {

    private final NamedParameterJdbcTemplate shop;

    public ProductRepository(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** Product ids by SKU (a variant's SKU names its product), in one query for the whole order. */
    public Map<String, Long> idsBySku(Collection<String> skus) {
        Map<String, Long> ids = new HashMap<>();
        if (skus.isEmpty()) {
            return ids;
        }
        shop.query("""
                SELECT sku, id FROM product WHERE sku IN (:skus)
                UNION ALL
                SELECT v.sku, v.product_id FROM product_variant v WHERE v.sku IN (:skus)
                """, Map.of("skus", skus), rs -> {
            ids.putIfAbsent(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    /** ERP item codes by shop product id (products without one travel under their SKU). */
    public Map<Long, String> erpItemCodes(Collection<Long> productIds) {
        Map<Long, String> codes = new HashMap<>();
        if (productIds.isEmpty()) {
            return codes;
        }
        shop.query("SELECT id, erp_item_code FROM product WHERE id IN (:ids) AND erp_item_code IS NOT NULL",
                Map.of("ids", productIds), rs -> {
                    codes.put(rs.getLong(1), rs.getString(2));
                });
        return codes;
    }
}
