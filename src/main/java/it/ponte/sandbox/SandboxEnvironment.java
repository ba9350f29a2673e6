package it.ponte.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Makes the sandbox the embedded default: with no profile chosen and no Amazon credentials configured,
 * the {@code sandbox} profile is switched on (and its configuration loaded). In the sandbox, ports left at 0
 * (the web server in tests, the local SMTP server) are fixed to free ones before any bean reads them, so the
 * simulators' URLs can be written in configuration.
 */
public class SandboxEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "sandbox";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getActiveProfiles().length == 0 && !amazonCredentialsConfigured(env)) {
            env.addActiveProfile(PROFILE);
            loadSandboxConfiguration(env);
        }
        if (!List.of(env.getActiveProfiles()).contains(PROFILE)) {
            return;
        }
        Map<String, Object> ports = new HashMap<>();
        if ("0".equals(env.getProperty("server.port"))) {
            ports.put("server.port", freePort());
        }
        if ("0".equals(env.getProperty("ponte.sandbox.smtp.port", "0"))) {
            ports.put("ponte.sandbox.smtp.port", freePort());
        }
        if (!ports.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("ponte-sandbox-ports", ports));
        }
    }

    private static boolean amazonCredentialsConfigured(ConfigurableEnvironment env) {
        for (int i = 0; i < 50; i++) {
            String token = env.getProperty("ponte.amazon.accounts[" + i + "].lwa.refresh-token");
            if (token != null && !token.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static void loadSandboxConfiguration(ConfigurableEnvironment env) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("sandbox-defaults", new ClassPathResource("application-sandbox.yaml"));
            String before = env.getPropertySources().stream()
                    .map(PropertySource::getName)
                    .filter(name -> name.contains("application.yaml") || name.contains("application.properties"))
                    .findFirst().orElse(null);
            for (PropertySource<?> source : sources) {
                if (before != null) {
                    env.getPropertySources().addBefore(before, source);
                } else {
                    env.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application-sandbox.yaml", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the sandbox", e);
        }
    }
}
