package it.ponte;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that boot the whole of Ponte: the embedded MariaDB (or PONTE_DB_URL), the sandbox
 * simulators on a loopback port, the local SMTP server. Every subclass shares one Spring context, so keep
 * per-test configuration out of annotations and reset data with {@link TestDatabases}.
 */
@CamelSpringBootTest
@DisableJmx(false)
// Spring Boot's tests keep JMX off unless asked; Ponte's operators use it, so the tests drive it.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "spring.jmx.enabled=true")
@ActiveProfiles({"sandbox", "test"})
public abstract class PonteIntegrationTest {

    @Autowired
    @Qualifier("shopJdbc")
    protected NamedParameterJdbcTemplate shopJdbc;

    @Autowired
    @Qualifier("erpJdbc")
    protected NamedParameterJdbcTemplate erpJdbc;

    @Value("${server.port}")
    protected int port;

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
