package it.ponte.amazon;

import it.ponte.remote.FailureClass;
import it.ponte.remote.RemoteCircuits;
import it.ponte.remote.RemoteFailure;
import java.time.Duration;

/**
 * An SP-API call that failed, naming the account and the operation, in the failure policy's terms: 429 (with
 * Retry-After, or the known rate as the wait), 5xx and I/O errors are transient and redelivered by the
 * {@code transient-remote} route configuration; other 4xx, refused credentials and an answer that cannot be read are
 * permanent. The message carries Amazon's own code and words, never a token or a secret.
 */
public class SpApiException extends RuntimeException implements RemoteFailure {

    private final String accountId;
    private final String operation;
    private final int status;
    private final String code;
    private final FailureClass failureClass;
    private final transient Duration retryAfter;

    public SpApiException(String accountId, String operation, int status, String code, String message, boolean transientFailure, Throwable cause) {
        this(accountId, operation, status, code, message, transientFailure ? FailureClass.TRANSIENT : FailureClass.PERMANENT, null, cause);
    }

    public SpApiException(String accountId, String operation, int status, String code, String message, FailureClass failureClass,
                          Duration retryAfter, Throwable cause) {
        super("Amazon " + operation + " for account " + accountId + " failed"
                + (status > 0 ? " (HTTP " + status + (code == null ? "" : " " + code) + ")" : "") + ": " + message, cause);
        this.accountId = accountId;
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.failureClass = failureClass;
        this.retryAfter = retryAfter;
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
        return failureClass == FailureClass.TRANSIENT;
    }

    @Override
    public String remote() {
        return RemoteCircuits.AMAZON;
    }

    @Override
    public FailureClass failureClass() {
        return failureClass;
    }

    @Override
    public String reason() {
        return getMessage();
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
