package it.ponte.preflight;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The words of one preflight, from the bundles ({@code preflight.*}) in the caller's language. */
final class PreflightTexts {

    private final MessageSource bundles;
    private final Locale locale;
    private final DateTimeFormatter time;

    PreflightTexts(MessageSource bundles, Locale locale) {
        this.bundles = bundles;
        this.locale = locale;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(ZoneId.systemDefault());
    }

    String get(String key, Object... args) {
        return bundles.getMessage(key, args, locale);
    }

    String getOrDefault(String key, String fallback, Object... args) {
        return bundles.getMessage(key, args, fallback, locale);
    }

    String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    /** A check named by {@code preflight.<nameKey>.name}, its message {@code preflight.<messageKey>}. */
    PreflightCheck check(String id, String area, String name, PreflightStatus status, String messageKey, Object... args) {
        return new PreflightCheck(id, area, name, status, get("preflight." + messageKey, args), null);
    }

    PreflightCheck check(String id, String area, String name, PreflightStatus status, Instant at, String messageKey, Object... args) {
        return new PreflightCheck(id, area, name, status, get("preflight." + messageKey, args), at);
    }
}
