package it.ponte.sandbox.mailchimp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What stands in front of the simulated API, as Mailchimp's gateway does: HTTP basic auth with the API key as
 * password (401 otherwise), at most 10 simultaneous calls per key (429 beyond), and the fault switches.
 */
@Profile("sandbox")
@Configuration(proxyBeanMethods = false)
class SandboxMailchimpGate {

    static final int MAX_CONNECTIONS = 10;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sandboxMailchimpGateFilter(SandboxMailchimpFaults faults, SandboxMailchimpState state,
                                                                           @Value("${ponte.sandbox.mailchimp.api-key}") String apiKey) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Gate(faults, state, apiKey));
        registration.addUrlPatterns("/sandbox/mailchimp/3.0/*");
        return registration;
    }

    static final class Gate extends OncePerRequestFilter {

        private final SandboxMailchimpFaults faults;
        private final SandboxMailchimpState state;
        private final String apiKey;
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

        Gate(SandboxMailchimpFaults faults, SandboxMailchimpState state, String apiKey) {
            this.faults = faults;
            this.state = state;
            this.apiKey = apiKey;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = password(request.getHeader("Authorization"));
            if (key == null || !key.equals(apiKey) || faults.keyRevoked()) {
                SandboxMailchimpProblems.write(response, 401, "API Key Invalid", "Your API key may be invalid, or you've attempted to access the wrong datacenter.");
                return;
            }
            AtomicInteger counter = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
            try {
                int calls = counter.incrementAndGet();
                state.inFlight(calls);
                if (calls > MAX_CONNECTIONS) {
                    state.received("REFUSED 429 " + request.getMethod() + " " + request.getRequestURI());
                    SandboxMailchimpProblems.write(response, 429, "Too Many Requests",
                            "You have exceeded the limit of 10 simultaneous connections.");
                    return;
                }
                long latency = faults.latencyMillis();
                if (latency > 0) {
                    Thread.sleep(latency);
                }
                String call = request.getMethod() + " " + request.getRequestURI().substring("/sandbox/mailchimp/3.0".length());
                SandboxMailchimpFaults.Decision decision = faults.decide(call);
                if (decision.unreadable()) {
                    state.received("FAULT 200 " + call);
                    response.setStatus(200);
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>Service temporarily degraded</body></html>");
                    return;
                }
                if (decision.fails()) {
                    state.received("FAULT " + decision.status() + " " + call);
                    if (decision.retryAfterSeconds() != null) {
                        response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
                    }
                    fail(response, decision.status());
                    return;
                }
                state.received(request.getMethod() + " " + request.getRequestURI().substring("/sandbox/mailchimp/3.0".length()));
                chain.doFilter(request, response);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException(e);
            } finally {
                counter.decrementAndGet();
            }
        }

        private static void fail(HttpServletResponse response, int status) throws IOException {
            if (status == 403) {
                // the gateway's own refusal under load: an HTML page, not a Mailchimp problem document
                response.setStatus(403);
                response.setContentType("text/html");
                response.getWriter().write("<html><body><h1>403 Forbidden</h1></body></html>");
                return;
            }
            SandboxMailchimpProblems.write(response, status, status >= 500 ? "Service Unavailable" : "Error",
                    "The sandbox was told to fail this call (POST /sandbox/mailchimp/faults).");
        }

        private static String password(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
