package it.ponte.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabaseLocationsTest {

    private static final DatabaseProperties DEFAULTS = new DatabaseProperties(null, "root", "", "shop", "erp", null, null,
            new DatabaseProperties.Embedded(false, "./data/mariadb", 0, false, "ponte", null, java.time.Duration.ofSeconds(90)), java.time.Duration.ofSeconds(3));

    @Test
    void springDatasourceNamesTheShopAndTheErpLivesBesideIt() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/negozio?useSsl=true")
                .withProperty("spring.datasource.username", "ponte")
                .withProperty("spring.datasource.password", "s3greto");

        DatabaseProperties props = DataSourcesConfig.withSpringDatasource(DEFAULTS, env);

        assertThat(props.isEmbedded()).isFalse();
        assertThat(props.shopUrl()).isEqualTo("jdbc:mariadb://db.example:3306/negozio?useSsl=true");
        assertThat(props.erpUrl()).isEqualTo("jdbc:mariadb://db.example:3306/erp?useSsl=true");
        assertThat(props.username()).isEqualTo("ponte");
        assertThat(props.toString()).doesNotContain("s3greto");
    }

    @Test
    void withoutAnyUrlPonteRunsItsEmbeddedServer() {
        assertThat(DataSourcesConfig.withSpringDatasource(DEFAULTS, new MockEnvironment()).isEmbedded()).isTrue();
    }
}
