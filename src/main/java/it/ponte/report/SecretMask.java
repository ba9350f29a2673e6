package it.ponte.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last guard before a text leaves in a mail: any configured secret (LWA client secrets and refresh tokens, the
 * Mailchimp API key, the SMTP password) that an error message might quote is masked. Read from the environment by
 * key, so a new account or a reshaped properties class cannot slip past it.
 */
@Component
public class SecretMask {

    static final String MASK = "****";
    private static final int MIN_LENGTH = 6;

    private final List<String> secrets;

    public SecretMask(Environment env) {
        List<String> found = new ArrayList<>();
        add(found, env.getProperty("ponte.mailchimp.api-key"));
        add(found, env.getProperty("ponte.report.smtp.password"));
        add(found, env.getProperty("ponte.db.password"));
        for (int i = 0; env.containsProperty("ponte.amazon.accounts[" + i + "].id"); i++) {
            add(found, env.getProperty("ponte.amazon.accounts[" + i + "].lwa.client-secret"));
            add(found, env.getProperty("ponte.amazon.accounts[" + i + "].lwa.refresh-token"));
        }
        // longest first, so a secret containing another is masked whole
        found.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(found);
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static void add(List<String> secrets, String value) {
        // short values (an empty password, "root") would mask ordinary words
        if (value != null && value.length() >= MIN_LENGTH && !secrets.contains(value)) {
            secrets.add(value);
        }
    }
}
