package it.ponte.sandbox.amazon;

/**
 * A failure to inject: the next {@code times} calls of {@code operation} ({@code searchOrders}, {@code getOrder},
 * {@code lwaToken}, … or {@code *} for every one) answer {@code status}; {@code times} 0 or less means until cleared.
 * {@code code} overrides the error code of the body (e.g. {@code invalid_grant} for the LWA operation);
 * {@code retryAfterSeconds}, when set, is sent as {@code Retry-After}.
 */
public record AmazonFault(String operation, int status, int times, String code, Integer retryAfterSeconds) {

    public static final String LWA_OPERATION = "lwaToken";
    public static final String ANY_OPERATION = "*";

    public AmazonFault {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("a fault needs an operation");
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault needs an error status (400-599), not " + status);
        }
    }

    public AmazonFault(String operation, int status, int times, String code) {
        this(operation, status, times, code, null);
    }

    public static AmazonFault of(String operation, int status, int times) {
        return new AmazonFault(operation, status, times, null);
    }

    /** The fault answered with a {@code Retry-After} of so many seconds, as Amazon's gateways sometimes do. */
    public AmazonFault retryAfter(int seconds) {
        return new AmazonFault(operation, status, times, code, seconds);
    }

    boolean appliesTo(String op) {
        return operation.equals(ANY_OPERATION) || operation.equals(op);
    }
}
