package it.ponte.shop;

import java.text.Normalizer;
import java.util.Locale;

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
        String key = normalise(name) + '|' + normalise(line1) + '|' + normalise(postalCode) + '|' + normalise(city) + '|'
                + normalise(countryCode);
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

    /**
     * NFKC, lower case, every run of whitespace, commas and full stops one space, stripped: what
     * {@code replaceAll("[\\s,.]+", " ").strip()} gives, without compiling a pattern for each part of each address of
     * an import (it was a fifth of a page's store).
     */
    static String normalise(String part) {
        if (part == null) {
            return "";
        }
        String plain = (isAscii(part) ? part : Normalizer.normalize(part, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        boolean inRun = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (separator(c)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().strip();
    }

    /** Regex {@code [\\s,.]}: {@code \\s} is [ \\t\\n\\x0B\\f\\r] in a Java pattern without UNICODE_CHARACTER_CLASS. */
    private static boolean separator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ',' || c == '.';
    }

    /** ASCII text is its own NFKC form. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
