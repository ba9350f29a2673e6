package it.ponte.sandbox.amazon;

import java.util.List;

/** Amazon's error body, {@code {"errors":[{"code","message","details"}]}}, for the status codes the SP-API uses. */
public record AmazonErrors(List<Error> errors) {

    public record Error(String code, String message, String details) {
    }

    public static AmazonErrors of(String code, String message, String details) {
        return new AmazonErrors(List.of(new Error(code, message, details == null ? "" : details)));
    }

    public static AmazonErrors quotaExceeded() {
        return of("QuotaExceeded", "You exceeded your quota for the requested resource.", "");
    }

    public static AmazonErrors forStatus(int status) {
        return switch (status) {
            case 400 -> of("InvalidInput", "Invalid input.", "");
            case 403 -> of("Unauthorized", "Access to requested resource is denied.", "");
            case 404 -> of("NotFound", "The requested resource was not found.", "");
            case 429 -> quotaExceeded();
            case 503 -> of("ServiceUnavailable", "Service temporarily unavailable. Please try again later.", "");
            default -> of("InternalFailure", "We encountered an internal error. Please try again.", "");
        };
    }
}
