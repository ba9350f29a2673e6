package it.ponte.shop;

import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The identity of a delivery address: the same place typed with other capitals or spacing is one address,
 * so an import never adds a customer's address twice.
 */
public final class AddressMatchKey {

    private static final int MAX_LENGTH = 191;

    private AddressMatchKey() {
    }

    public static String of(String name, String line1, String postalCode, String city, String countryCode) {
        String key = Stream.of(name, line1, postalCode, city, countryCode)
                .map(AddressMatchKey::normalise)
                .collect(Collectors.joining("|"));
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }

    private static String normalise(String part) {
        if (part == null) {
            return "";
        }
        String plain = Normalizer.normalize(part, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return plain.replaceAll("[\\s,.]+", " ").trim();
    }
}
