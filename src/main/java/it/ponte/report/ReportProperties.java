package it.ponte.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who receives Ponte's mails, from whom, through which SMTP server, and the one language (it or en) of everything the
 * merchant reads: mails and the API's problem messages. The {@code report} routes read the same keys as
 * {@code {{ponte.report.*}}} placeholders; this record validates them at start and gives Java the language.
 */
@Validated
@ConfigurationProperties("ponte.report")
public record ReportProperties(
        @DefaultValue("ponte@localhost") @NotBlank(message = "ponte.report.from must name the sender of Ponte's mails") String from,
        @DefaultValue("amministratore@localhost") @NotBlank(message = "ponte.report.to must name the administrator's mailbox") String to,
        @DefaultValue("it") @Pattern(regexp = "it|en", message = "ponte.report.language must be it or en") String language,
        @DefaultValue @Valid Smtp smtp,
        /* imported orders a report lists one by one; the others are counted, with where to see them all. Held, failed and
           parked orders are always listed. */
        @DefaultValue("200") @Min(value = 0, message = "ponte.report.max-listed-orders must be 0 or more") int maxListedOrders) {

    /** The administrator's SMTP server; username and password only when it asks for a login. */
    public record Smtp(
            @DefaultValue("localhost") @NotBlank(message = "ponte.report.smtp.host must name the SMTP server") String host,
            @DefaultValue("25") @Min(value = 1, message = "ponte.report.smtp.port must be a TCP port")
            @Max(value = 65535, message = "ponte.report.smtp.port must be a TCP port") int port,
            String username,
            String password,
            /* connect and read timeout of the SMTP connection, milliseconds: an unreachable server never holds a run long */
            @DefaultValue("5000") @Min(value = 1, message = "ponte.report.smtp.connection-timeout must be positive") int connectionTimeout) {

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                    + ", connectionTimeout=" + connectionTimeout + "]";
        }
    }

    /** The merchant's language: Italian unless {@code ponte.report.language} says en. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
