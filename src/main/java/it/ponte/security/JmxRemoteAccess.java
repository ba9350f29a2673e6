package it.ponte.security;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.security.auth.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Remote JMX (Camel's route MBeans and {@code it.ponte:type=Sync}) only with authentication: when
 * {@code ponte.jmx.port} is set, Ponte opens its own RMI connector on that port, bound to {@code ponte.jmx.address}
 * (loopback by default), and lets in only the configured users with the ADMIN role. Without the port no remote
 * connector exists at all; the JVM's own {@code com.sun.management.jmxremote.*} flags should not be used.
 */
@Component
public class JmxRemoteAccess implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JmxRemoteAccess.class);

    private final int port;
    private final String address;
    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private Registry registry;
    private JMXConnectorServer server;

    public JmxRemoteAccess(@Value("${ponte.jmx.port:0}") int port, @Value("${ponte.jmx.address:127.0.0.1}") String address,
                           UserDetailsService users, PasswordEncoder passwords) {
        this.port = port;
        this.address = address;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (port <= 0) {
            return;
        }
        InetAddress bind = InetAddress.getByName(address);
        RMIServerSocketFactory sockets = new BoundServerSockets(bind);
        registry = LocateRegistry.createRegistry(port, null, sockets);
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
        env.put(JMXConnectorServer.AUTHENTICATOR, (JMXAuthenticator) this::authenticate);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + address + ":" + port + "/jndi/rmi://" + address + ":" + port + "/jmxrmi");
        server = JMXConnectorServerFactory.newJMXConnectorServer(url, env, ManagementFactory.getPlatformMBeanServer());
        server.start();
        log.info("Remote JMX on {} (ADMIN users of ponte.security.users only)", url);
    }

    /** The URL a JMX console connects to. */
    public JMXServiceURL url() {
        return server == null ? null : server.getAddress();
    }

    private Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            throw new SecurityException("JMX needs a user name and a password");
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(pair[0]);
        } catch (UsernameNotFoundException e) {
            throw new SecurityException("JMX: wrong user name or password");
        }
        if (!passwords.matches(pair[1], user.getPassword())) {
            throw new SecurityException("JMX: wrong user name or password");
        }
        boolean admin = user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
        if (!admin) {
            throw new SecurityException("JMX: only ADMIN users may manage Ponte's routes and runs");
        }
        return new Subject(true, Set.of(new JMXPrincipal(user.getUsername())), Set.of(), Set.of());
    }

    @Override
    public void destroy() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (registry != null) {
            UnicastRemoteObject.unexportObject(registry, true);
        }
    }

    /** RMI sockets bound to one address, so the connector is not reachable from other hosts unless asked for. */
    private record BoundServerSockets(InetAddress bind) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, bind);
        }
    }
}
