package it.ponte.shop;

import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The identity of a delivery address: the same place typed with other capitals, spacing or punctuation is one
 * address, so an import never adds a customer's address twice. {@code name|line1|postal_code|city|country_code},
 * cut to the 191 characters a utf8mb4 unique index allows.
 */
public final class AddressMatchKey {

    public static final int MAX_LENGTH = 191;

    private AddressMatchKey() {
    }

    public static String of(String name, String line1, String postalCode, String city, String countryCode) {
        String key = Stream.of(name, line1, postalCode, city, countryCode)
                .map(AddressMatchKey::normalise)
                .collect(Collectors.joining("|"));
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

    private static String normalise(String part) {
        if (part == null) {
            return "";
        }
        String plain = Normalizer.normalize(part, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return plain.replaceAll("[\\s,.]+", " ").strip();
    }
}
