package it.ponte.security;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every endpoint authenticated (HTTP basic for the API), by role: VIEWER reads, OPERATOR also starts runs and retries
 * parked records, ADMIN also acts on Amazon orders and reads actuator. Refusals are problem documents. Health stays
 * open for load balancers; the sandbox simulators stand for Amazon and Mailchimp and keep their own credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
    private static final Set<String> LOOPBACK_ADDRESSES = Set.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /**
     * Outside Ponte's own security: the sandbox simulators (present only in the sandbox profile) check the credentials
     * Amazon and Mailchimp would (an API key sent as HTTP basic among them), and the shop's cart recovery link is for
     * the shop's customers, who log in to the shop.
     */
    @Bean
    @Order(1)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**", "/cart/recover/**")
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurityChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/amazon/orders/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/config", "/api/config/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Ponte").authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Ponte\"");
                    boolean en = ProblemResponses.english(request.getHeader("Accept-Language"));
                    ProblemResponses.write(response, 401, en ? "Unauthorized" : "Non autenticato",
                            en ? "Credentials are required (HTTP basic)." : "Servono le credenziali (HTTP basic).");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    boolean en = ProblemResponses.english(request.getHeader("Accept-Language"));
                    ProblemResponses.write(response, 403, en ? "Forbidden" : "Non consentito",
                            en ? "Your role does not allow this operation." : "Il tuo ruolo non consente questa operazione.");
                }));
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = properties.users().stream().map(ApiSecurity::user).toList();
        if (users.isEmpty()) {
            log.warn("No user configured (ponte.security.users): the API and the console refuse every request");
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(SecurityProperties.User u) {
        if (u.name() == null || u.name().isBlank() || u.role() == null) {
            throw new IllegalStateException("ponte.security.users[]: every user needs a name and a role (VIEWER, OPERATOR, ADMIN)");
        }
        String hash = u.passwordHash() == null ? "" : u.passwordHash().trim();
        if (!hash.matches("^\\$2[aby]?\\$\\d\\d\\$.{53}$")) {
            throw new IllegalStateException("ponte.security.users[" + u.name() + "].password-hash must be a bcrypt hash ($2a$10$...), "
                    + "never the password itself");
        }
        return User.withUsername(u.name()).password(hash).roles(u.role().name()).build();
    }

    /**
     * Bound to loopback, Ponte answers only to loopback names: a page on another site that resolves its own name to
     * 127.0.0.1 (DNS rebinding) must not reach the API from the administrator's browser.
     */
    @Bean
    HttpFirewall httpFirewall(@Value("${server.address:}") String address) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        if (LOOPBACK_ADDRESSES.contains(address)) {
            firewall.setAllowedHostnames(LOOPBACK_NAMES::contains);
        }
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            boolean en = ProblemResponses.english(request.getHeader("Accept-Language"));
            ProblemResponses.write(response, 400, en ? "Bad request" : "Richiesta non valida",
                    en ? "Request refused: " + e.getMessage() : "Richiesta rifiutata: " + e.getMessage());
        };
    }
}
