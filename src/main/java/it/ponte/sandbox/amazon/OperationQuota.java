package it.ponte.sandbox.amazon;

import java.math.BigDecimal;

/** Amazon's default usage plan of one operation: requests per second and burst. */
public record OperationQuota(String operation, double rate, int burst) {

    /** The rate as Amazon writes it in {@code x-amzn-RateLimit-Limit}: a plain decimal. */
    public static String headerValue(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }
}
