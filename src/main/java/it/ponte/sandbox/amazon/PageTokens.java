package it.ponte.sandbox.amazon;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Opaque {@code nextToken}s for {@code searchOrders}: they carry where the next page starts, the window end
 * applied to the first page and a fingerprint of the first request, signed so they cannot be forged.
 * They are standard Base64 that always contains {@code +}, {@code /} and {@code =}: a client that forgets
 * to URL-encode them breaks here as it would against Amazon.
 */
@Component
@Profile("sandbox")
public class PageTokens {

    public static final Duration LIFETIME = Duration.ofHours(24);
    // Base64 of these three bytes is "++//"; padding below adds the "=".
    private static final byte[] PREFIX = {(byte) 0xFB, (byte) 0xEF, (byte) 0xFF};

    private final byte[] key = new byte[32];

    public PageTokens() {
        new SecureRandom().nextBytes(key);
    }

    public record PageToken(String fingerprint, Instant appliedBefore, Instant cursorTime, String cursorOrderId, Instant issuedAt) {
    }

    public String encode(PageToken token) {
        String payload = String.join("|", hash(token.fingerprint()), token.appliedBefore().toString(),
                token.cursorTime().toString(), token.cursorOrderId(), token.issuedAt().toString());
        String signed = payload + "|" + sign(payload);
        byte[] body = signed.getBytes(StandardCharsets.UTF_8);
        int length = PREFIX.length + body.length;
        byte[] bytes = Arrays.copyOf(PREFIX, length + (length % 3 == 0 ? 1 : 0));
        System.arraycopy(body, 0, bytes, PREFIX.length, body.length);
        if (bytes.length > length) {
            bytes[length] = ' ';
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Reads a token back, refusing a forged, expired or foreign one with Amazon's InvalidInput. */
    public PageToken decode(String value, String fingerprint, Instant now) {
        String[] parts;
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            if (bytes.length <= PREFIX.length || !Arrays.equals(Arrays.copyOf(bytes, PREFIX.length), PREFIX)) {
                throw SpApiException.invalidInput("Invalid paginationToken.");
            }
            String signed = new String(bytes, PREFIX.length, bytes.length - PREFIX.length, StandardCharsets.UTF_8).strip();
            int cut = signed.lastIndexOf('|');
            if (cut < 0 || !MessageDigest.isEqual(sign(signed.substring(0, cut)).getBytes(StandardCharsets.UTF_8),
                    signed.substring(cut + 1).getBytes(StandardCharsets.UTF_8))) {
                throw SpApiException.invalidInput("Invalid paginationToken.");
            }
            parts = signed.substring(0, cut).split("\\|");
        } catch (IllegalArgumentException e) {
            throw SpApiException.invalidInput("Invalid paginationToken.");
        }
        PageToken token = new PageToken(parts[0], Instant.parse(parts[1]), Instant.parse(parts[2]), parts[3], Instant.parse(parts[4]));
        if (!now.isBefore(token.issuedAt().plus(LIFETIME))) {
            throw SpApiException.invalidInput("The paginationToken has expired.");
        }
        if (!token.fingerprint().equals(hash(fingerprint))) {
            throw SpApiException.invalidInput(
                    "paginationToken must be sent with the same parameters as the request that returned it; only maxResultsPerPage and includedData may change.");
        }
        return token;
    }

    private static String hash(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(signature, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
