package it.ponte.sandbox.amazon;

import java.util.random.RandomGenerator;

/** Identifiers in Amazon's formats, drawn from the given generator so a seeded one repeats them. */
public final class AmazonIds {

    public static final String ORDER_ID_PATTERN = "\\d{3}-\\d{7}-\\d{7}";

    private AmazonIds() {
    }

    /** {@code 403-1234567-1234567}, the shape of Amazon.it order ids. */
    public static String orderId(RandomGenerator random) {
        return "40" + random.nextInt(2, 8) + "-" + digits(random, 7) + "-" + digits(random, 7);
    }

    public static String orderItemId(RandomGenerator random) {
        return digits(random, 14);
    }

    /** ASINs of the sandbox: B0 and eight upper-case letters or digits. */
    public static String asinFor(String sku) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        long h = Integer.toUnsignedLong(sku.hashCode()) * 2654435761L;
        StringBuilder asin = new StringBuilder("B0");
        for (int i = 0; i < 8; i++) {
            asin.append(alphabet.charAt((int) Math.floorMod(h, alphabet.length())));
            h = h / alphabet.length() + (long) (i + 1) * 7919;
        }
        return asin.toString();
    }

    private static String digits(RandomGenerator random, int n) {
        StringBuilder s = new StringBuilder(n);
        s.append(random.nextInt(1, 10));
        for (int i = 1; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }
}
