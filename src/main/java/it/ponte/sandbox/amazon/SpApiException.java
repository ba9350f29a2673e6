package it.ponte.sandbox.amazon;

/** A refusal of the simulated SP-API, carried to the gate that turns it into Amazon's error response. */
public class SpApiException extends RuntimeException {

    private final int status;
    private final AmazonErrors body;

    public SpApiException(int status, AmazonErrors body) {
        super(body.errors().get(0).code() + ": " + body.errors().get(0).message());
        this.status = status;
        this.body = body;
    }

    public static SpApiException invalidInput(String message) {
        return new SpApiException(400, AmazonErrors.of("InvalidInput", message, ""));
    }

    public static SpApiException notFound(String message) {
        return new SpApiException(404, AmazonErrors.of("NotFound", message, ""));
    }

    public int status() {
        return status;
    }

    public AmazonErrors body() {
        return body;
    }
}
