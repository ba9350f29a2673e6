package it.ponte.sandbox.amazon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The presigned S3-style URLs of feed documents. Like Amazon's, they carry their own signature and expire after
 * five minutes; the signature is an HMAC over the path and the issue time with a key made at start, so a URL
 * cannot be forged or stretched, and no state is kept per URL.
 */
@Component
@Profile("sandbox")
public class PresignedUrls {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final byte[] key = new byte[32];
    private final AmazonSandboxClock clock;

    public PresignedUrls(AmazonSandboxClock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Why a presented URL is refused, as S3 words it. */
    public record Refusal(String code, String message) {
    }

    public String sign(String baseUrl, String path) {
        return sign(baseUrl, path, clock.now());
    }

    /** A URL as if issued at {@code issuedAt}: one issued more than {@link #LIFETIME} ago is refused as expired. */
    public String sign(String baseUrl, String path, Instant issuedAt) {
        String date = AMZ_DATE.format(issuedAt);
        return baseUrl + path + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=" + URLEncoder.encode("AKIASANDBOX/" + date.substring(0, 8) + "/eu-west-1/s3/aws4_request", StandardCharsets.UTF_8)
                + "&X-Amz-Date=" + date + "&X-Amz-Expires=" + LIFETIME.toSeconds()
                + "&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature=" + signature(path, date);
    }

    /** Empty when the URL of {@code path} was issued here, with these parameters, and has not expired. */
    public Optional<Refusal> check(String path, String date, String signature) {
        if (date == null || signature == null) {
            return Optional.of(new Refusal("AccessDenied", "Query-string authentication requires the X-Amz-Date and X-Amz-Signature parameters"));
        }
        if (!MessageDigest.isEqual(signature(path, date).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new Refusal("SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided."));
        }
        try {
            Instant issued = AMZ_DATE.parse(date, Instant::from);
            if (clock.now().isAfter(issued.plus(LIFETIME))) {
                return Optional.of(new Refusal("AccessDenied", "Request has expired"));
            }
        } catch (DateTimeParseException e) {
            return Optional.of(new Refusal("AuthorizationQueryParametersError", "X-Amz-Date must be in the ISO8601 Long Format"));
        }
        return Optional.empty();
    }

    private String signature(String path, String date) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((path + "\n" + date).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
