package it.ponte.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * The configuration Ponte runs with ({@code GET /api/config}, ADMIN): every {@code ponte.*}, {@code camel.main.*} and
 * {@code server.*} key as resolved from files, environment and command line, secrets masked.
 */
@Component("effectiveConfigurationApi")
public class EffectiveConfigurationApi {

    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|api-?key|credential|hash).*");
    private static final String[] PREFIXES = {"ponte.", "camel.main.", "server.", "spring.profiles.active", "management.endpoints."};

    /** Every key with its value (secrets masked), sorted, written as one flat JSON object: the answer's declared type. */
    @Schema(description = "Every ponte.*, camel.main.*, server.* key with its effective value; secrets masked as ****",
            additionalPropertiesSchema = String.class)
    public static final class EffectiveConfiguration {

        private final Map<String, String> settings = new TreeMap<>();

        @JsonAnyGetter
        @Schema(hidden = true)
        public Map<String, String> getSettings() {
            return settings;
        }

        boolean containsKey(String key) {
            return settings.containsKey(key);
        }

        void put(String key, String value) {
            settings.put(key, value);
        }
    }

    private final ConfigurableEnvironment environment;

    public EffectiveConfigurationApi(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    public EffectiveConfiguration effective() {
        EffectiveConfiguration effective = new EffectiveConfiguration();
        for (var source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                String key = canonical(name);
                if (key == null || effective.containsKey(key)) {
                    continue;
                }
                String value;
                try {
                    value = environment.getProperty(name);
                } catch (RuntimeException e) {
                    value = "(unresolved)";
                }
                effective.put(key, SECRET.matcher(key).matches() && value != null && !value.isEmpty() ? "****" : value);
            }
        }
        return effective;
    }

    /** The dotted lower-case form of a key (PONTE_DB_URL → ponte.db.url), or null when it is not one to show. */
    private static String canonical(String name) {
        String key = name.contains("_") && name.equals(name.toUpperCase()) ? name.toLowerCase().replace('_', '.') : name;
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return key;
            }
        }
        return null;
    }
}
