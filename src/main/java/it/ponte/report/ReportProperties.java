package it.ponte.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Who receives Ponte's mails, from whom, in which language (it or en). */
@ConfigurationProperties("ponte.report")
public record ReportProperties(
        @DefaultValue("ponte@localhost") String from,
        @DefaultValue("amministratore@localhost") String to,
        @DefaultValue("it") String language) {

    public boolean english() {
        return "en".equalsIgnoreCase(language);
    }
}
