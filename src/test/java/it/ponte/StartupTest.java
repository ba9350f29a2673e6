package it.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTest extends PonteIntegrationTest {

    @Test
    void bothDatabasesAreMigratedAtStart() {
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'shop_order'", Map.of(), Integer.class)).isEqualTo(1);
        assertThat(erpJdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'erp_document'", Map.of(), Integer.class)).isEqualTo(1);
        assertThat(shopJdbc.queryForObject("SELECT DATABASE()", Map.of(), String.class)).isNotEqualTo(erpJdbc.queryForObject("SELECT DATABASE()", Map.of(), String.class));
    }
}
