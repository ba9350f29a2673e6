package it.ponte.api;

import it.ponte.report.MerchantMessages;
import org.springframework.stereotype.Component;

/** The API's problem messages to the merchant, from the message bundles in the language {@code ponte.report.language} chose. */
@Component
class ApiMessages {

    private final MerchantMessages messages;

    ApiMessages(MerchantMessages messages) {
        this.messages = messages;
    }

    /** Any message of the bundles by its key, in the configured language. */
    String text(String key, Object... args) {
        return messages.get(key, args);
    }

    String badRequestTitle() {
        return messages.get("api.badRequest.title");
    }

    String notFoundTitle() {
        return messages.get("api.notFound.title");
    }

    String badSince(String value) {
        return messages.get("api.badSince", value);
    }

    String badParameter(String name, Object value) {
        return messages.get("api.badParameter", name, String.valueOf(value));
    }

    String notParked(long id) {
        return messages.get("api.notParked", id);
    }

    String amazonNotParked(long id) {
        return messages.get("api.amazonNotParked", id);
    }
}
