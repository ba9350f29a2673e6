package it.ponte.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The API's messages to the merchant: Italian by default, English with {@code ponte.report.language: en}. */
@Component
class ApiMessages {

    private final boolean english;

    ApiMessages(@Value("${ponte.report.language:it}") String language) {
        this.english = "en".equalsIgnoreCase(language);
    }

    String badRequestTitle() {
        return english ? "Bad request" : "Richiesta non valida";
    }

    String notFoundTitle() {
        return english ? "Not found" : "Risorsa non trovata";
    }

    String badSince(String value) {
        return english ? "Parameter 'since' is not an ISO-8601 date or date-time (e.g. 2024-01-31 or 2024-01-31T00:00:00Z): " + value
                : "Il parametro 'since' non è una data o data-ora ISO-8601 (es. 2024-01-31 oppure 2024-01-31T00:00:00Z): " + value;
    }

    String badParameter(String name, Object value) {
        return english ? "Parameter '" + name + "' is not valid: " + value : "Il parametro '" + name + "' non è valido: " + value;
    }

    String notParked(long id) {
        return english ? "No parked Mailchimp record with id " + id : "Nessun record Mailchimp sospeso con id " + id;
    }

    String amazonNotParked(long id) {
        return english ? "No parked Amazon command with id " + id : "Nessun comando Amazon parcheggiato con id " + id;
    }
}
