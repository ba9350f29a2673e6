package it.ponte.security;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every endpoint authenticated (HTTP basic for the API, a login page and a session for the console), by role: VIEWER reads, OPERATOR also starts runs and retries
 * parked records, ADMIN also acts on Amazon orders and reads actuator. Refusals are problem documents. Health stays
 * open for load balancers; the sandbox simulators stand for Amazon and Mailchimp and keep their own credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
    private static final Set<String> LOOPBACK_ADDRESSES = Set.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String CONSOLE_LOGIN = "/console/login";
    /** The request attribute holding the authenticated caller ({@link Authentication}) of an API call. */
    public static final String CALLER_ATTRIBUTE = "it.ponte.security.caller";
    /** The header the console's scripts send with every API call. */
    public static final String CONSOLE_CALL_HEADER = "X-Ponte-Console";
    /** The console loads only its own scripts and styles, and talks only to Ponte. */
    private static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";

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

    /**
     * The console: a login page (form login, a session), logout, CSRF tokens on every form. The console's pages call
     * {@code /api/**} with the session cookie; the API chain below checks the CSRF token of those calls.
     */
    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/login", "/console/console.css").permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .formLogin(form -> form.loginPage(CONSOLE_LOGIN).loginProcessingUrl(CONSOLE_LOGIN)
                        .defaultSuccessUrl("/console/", true).failureUrl(CONSOLE_LOGIN + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(CONSOLE_LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers.frameOptions(frames -> frames.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiSecurityChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        // HTTP basic callers (scripts, other services) send their credentials on every request: no CSRF risk. A call that
        // rides on the console's session cookie is what a foreign page could forge, so it must carry the session's token.
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(ApiSecurity::ridesOnSession))
                // Camel's platform-http answers on its own thread, where Spring's security context is not: the caller
                // travels with the request instead (GET /api/me reads it)
                .addFilterAfter((request, response, chain) -> {
                    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                    if (caller != null && caller.isAuthenticated()) {
                        request.setAttribute(CALLER_ATTRIBUTE, caller);
                    }
                    chain.doFilter(request, response);
                }, AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/amazon/orders/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/config", "/api/config/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/preflight").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Ponte").authenticationEntryPoint((request, response, e) -> {
                    // the console's scripts handle a 401 themselves (back to the login page): no browser credential prompt
                    if (request.getHeader(CONSOLE_CALL_HEADER) == null) {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"Ponte\"");
                    }
                    problems.write(request, response, 401, "api.error.unauthorized.title", "api.error.unauthorized");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    problems.write(request, response, 403, "api.error.forbidden.title",
                            e instanceof CsrfException ? "api.error.csrf" : "api.error.forbidden");
                }));
        return http.build();
    }

    /** A request that changes something, without HTTP basic credentials of its own, sent with a live session cookie. */
    static boolean ridesOnSession(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return !SAFE_METHODS.contains(request.getMethod()) && !basic
                && request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
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
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> {
            problems.write(request, response, 400, "api.error.badRequest.title", "api.error.requestRejected", e.getMessage());
        };
    }
}
