package it.ponte.report;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Everything the merchant reads (mails, the API's problem messages), from the message bundles
 * {@code i18n/messages*.properties} in the one language {@code ponte.report.language} chose.
 */
@Component
public class MerchantMessages {

    private final MessageSource bundles;
    private final ReportProperties properties;

    public MerchantMessages(MessageSource bundles, ReportProperties properties) {
        this.bundles = bundles;
        this.properties = properties;
    }

    public String get(String key, Object... args) {
        return bundles.getMessage(key, args, properties.locale());
    }

    /** A message that may be missing from the bundles (a count another phase added): the fallback then. */
    public String getOrDefault(String key, String fallback, Object... args) {
        return bundles.getMessage(key, args, fallback, properties.locale());
    }

    public java.util.Locale locale() {
        return properties.locale();
    }
}
