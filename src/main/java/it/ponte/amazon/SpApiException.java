package it.ponte.amazon;

/**
 * An SP-API call that failed for good (after the retries it deserved), naming the account and operation.
 * {@code transientFailure} tells whether a later run may succeed without anyone changing anything.
 */
public class SpApiException extends RuntimeException {

    private final String accountId;
    private final String operation;
    private final int status;
    private final String code;
    private final boolean transientFailure;

    public SpApiException(String accountId, String operation, int status, String code, String message, boolean transientFailure, Throwable cause) {
        super("Amazon " + operation + " for account " + accountId + " failed"
                + (status > 0 ? " (HTTP " + status + (code == null ? "" : " " + code) + ")" : "") + ": " + message, cause);
        this.accountId = accountId;
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.transientFailure = transientFailure;
    }

    public String accountId() {
        return accountId;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
