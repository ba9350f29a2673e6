package it.ponte.amazon;

/**
 * Login with Amazon refused the account's credentials (invalid_grant, invalid_client…): a configuration
 * error for the merchant to fix, never retried in a loop.
 */
public class AmazonAuthorizationException extends SpApiException {

    public AmazonAuthorizationException(String accountId, int status, String error, String description) {
        super(accountId, "LWA token", status, error,
                "Login with Amazon rejected the account credentials (" + error + (description == null ? "" : ": " + description)
                        + "). Check client id, client secret and refresh token of account " + accountId + ".",
                false, null);
    }
}
