package it.ponte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Remote JMX over a real RMI connector: only ADMIN users with the right password get in. */
class JmxRemoteAccessTest {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private JmxRemoteAccess access;

    @BeforeEach
    void openConnector() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("amministratore").password(encoder.encode("giusta")).roles("ADMIN").build(),
                User.withUsername("lettore").password(encoder.encode("giusta")).roles("VIEWER").build());
        access = new JmxRemoteAccess(port, "127.0.0.1", users, encoder);
        access.afterPropertiesSet();
    }

    @AfterEach
    void closeConnector() throws Exception {
        access.destroy();
    }

    @Test
    void anAdministratorReadsTheMBeansWithThePassword() throws Exception {
        try (JMXConnector connector = connect("amministratore", "giusta")) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            assertThat(mbeans.isRegistered(new ObjectName("java.lang:type=Runtime"))).isTrue();
        }
    }

    @Test
    void withoutCredentialsAWrongPasswordOrALesserRoleNobodyGetsIn() {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(access.url()).close()).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("amministratore", "sbagliata").close()).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("nessuno", "giusta").close()).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("lettore", "giusta").close()).isInstanceOf(SecurityException.class)
                .hasMessageContaining("ADMIN");
    }

    private JMXConnector connect(String user, String password) throws Exception {
        JMXServiceURL url = access.url();
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }
}
