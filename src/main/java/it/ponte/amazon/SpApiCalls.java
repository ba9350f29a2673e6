package it.ponte.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.remote.FailureClass;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bean steps of the {@code amazon-http} route around the {@code toD}: the request as camel-http sends it (method,
 * path and query headers, body restored from the call), and Amazon's answer read in the failure policy's terms.
 * Everything the route carries of its own stays in exchange properties; only the headers set here leave as HTTP headers.
 */
@Component("spApiCalls")
public class SpApiCalls {

    public static final String ACCESS_TOKEN_HEADER = "x-amz-access-token";
    private static final String RETRY_AFTER = "Retry-After";

    private final ObjectMapper json;
    private final SpApiRateLimiter limiter;
    private final LwaTokenProvider tokens;
    private final Duration longestKnownRateWait;

    public SpApiCalls(ObjectMapper json, SpApiRateLimiter limiter, LwaTokenProvider tokens,
                      @Value("${ponte.remote.retry.max-backoff-ms:60000}") long maxBackoffMs) {
        this.json = json;
        this.limiter = limiter;
        this.tokens = tokens;
        this.longestKnownRateWait = Duration.ofMillis(maxBackoffMs);
    }

    /** The HTTP request of the call in the exchange property; the message had only Camel's own headers left. */
    public void request(Exchange exchange) {
        SpApiCall call = call(exchange);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, call.method());
        message.setHeader(Exchange.HTTP_PATH, call.path());
        if (call.query() != null) {
            message.setHeader(Exchange.HTTP_QUERY, call.query());
        } else {
            message.removeHeader(Exchange.HTTP_QUERY);
        }
        if (!call.isPresigned()) {
            message.setHeader("Accept", SpApiCall.JSON);
            message.setHeader("User-Agent", "Ponte/0.1 (Language=Java)");
        }
        if (call.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, call.contentType());
        }
        message.setBody(call.body());
    }

    /**
     * A 2xx answer leaves the body for the caller to unmarshal. Anything else becomes an {@link SpApiException} with
     * Amazon's code and message: 429 and 5xx transient (Retry-After, or after a 429 the known rate, as the wait);
     * a 403 once transient with a fresh token (an access token revoked or expired early); other 4xx permanent.
     */
    public void answer(Exchange exchange) {
        SpApiCall call = call(exchange);
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int code = status == null ? 0 : status;
        if (code >= 200 && code < 300) {
            return;
        }
        ErrorInfo error = errorOf(message.getBody(String.class), call.isPresigned());
        if (code == 403 && !call.isPresigned() && call.renewTokenOnce()) {
            tokens.invalidate(call.accountId());
            throw new SpApiException(call.accountId(), call.operationName(), code, error.code(),
                    error.message() + " (the access token is renewed and the call tried once more)", FailureClass.TRANSIENT, Duration.ZERO, null);
        }
        if (call.operation() == SpApiOperation.CREATE_FEED && (code >= 500 || code == 408)) {
            // the feed may exist at Amazon all the same: never created a second time by a redelivery
            throw new FeedOutcomeUnknownException(call.accountId(), code, error.code() + ": " + error.message(), null);
        }
        boolean transientFailure = code == 429 || code >= 500 || code == 408;
        Duration wait = transientFailure ? retryAfter(message.getHeader(RETRY_AFTER, String.class), code, call) : null;
        throw new SpApiException(call.accountId(), call.operationName(), code, error.code(), error.message(),
                transientFailure ? FailureClass.TRANSIENT : FailureClass.PERMANENT, wait, null);
    }

    /**
     * The failure left after the attempts, thrown again from the {@code amazon-api} route as a failure of the caller's
     * step: the attempts' error handler has dealt with it (and Camel would not let the caller's handle it again), but
     * the record it belongs to is the caller's to keep.
     */
    public void failed(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getExchangeExtension().setFailureHandled(false);
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        exchange.removeProperty(Exchange.EXCEPTION_HANDLED);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        throw failure;
    }

    /** Amazon could not be reached (refused, reset, timed out): transient, named after the call. */
    public void unreachable(Exchange exchange) {
        SpApiCall call = call(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        it.ponte.remote.AnswerTooLargeException tooLarge = tooLarge(cause);
        if (tooLarge != null && call.operation() != SpApiOperation.CREATE_FEED) {
            // Amazon answered, too much to read: asking again brings the same, so permanent (the failure policy's rule)
            throw new SpApiException(call.accountId(), call.operationName(), 200, "AnswerTooLarge", tooLarge.getMessage(),
                    FailureClass.PERMANENT, null, tooLarge);
        }
        if (call.operation() == SpApiOperation.CREATE_FEED) {
            throw new FeedOutcomeUnknownException(call.accountId(), 0, "no answer from Amazon ("
                    + (cause == null ? "none" : cause.getClass().getSimpleName() + ": " + cause.getMessage()) + ")", cause);
        }
        throw new SpApiException(call.accountId(), call.operationName(), 0, "IOError",
                "Amazon not reachable (" + (cause == null ? "no answer" : cause.getClass().getSimpleName() + ": " + cause.getMessage()) + ")",
                FailureClass.TRANSIENT, null, cause);
    }

    private static it.ponte.remote.AnswerTooLargeException tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof it.ponte.remote.AnswerTooLargeException e) {
                return e;
            }
        }
        return null;
    }

    /** The wait Amazon asked for; after a 429 without one, one token of the rate Amazon last announced (bounded). */
    Duration retryAfter(String header, int status, SpApiCall call) {
        if (header != null && !header.isBlank()) {
            try {
                return Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(java.time.Instant.now(),
                            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (DateTimeParseException notADate) {
                    // an unreadable Retry-After: fall back to the known rate
                }
            }
        }
        if (status == 429 && call.operation() != null) {
            double rate = limiter.rate(call.accountId(), call.operation());
            if (rate > 0) {
                Duration oneToken = Duration.ofMillis((long) Math.ceil(1000d / rate));
                return oneToken.compareTo(longestKnownRateWait) > 0 ? longestKnownRateWait : oneToken;
            }
        }
        return null;
    }

    private ErrorInfo errorOf(String body, boolean presigned) {
        if (body == null || body.isBlank()) {
            return new ErrorInfo(null, "no error message");
        }
        if (presigned) {
            // S3 answers XML: <Error><Code>…</Code><Message>…</Message></Error>
            return new ErrorInfo(between(body, "<Code>", "</Code>"), String.valueOf(between(body, "<Message>", "</Message>")));
        }
        try {
            JsonNode first = json.readTree(body).path("errors").path(0);
            return new ErrorInfo(first.path("code").asText("Unknown"), first.path("message").asText("no error message"));
        } catch (IOException e) {
            return new ErrorInfo("Unknown", "unreadable error body");
        }
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = start < 0 ? -1 : text.indexOf(close, start);
        return start < 0 || end < 0 ? null : text.substring(start + open.length(), end);
    }

    private static SpApiCall call(Exchange exchange) {
        SpApiCall call = exchange.getProperty(SpApiCall.PROPERTY, SpApiCall.class);
        if (call == null) {
            throw new IllegalStateException("direct:amazon-api needs the exchange property " + SpApiCall.PROPERTY);
        }
        return call;
    }

    private record ErrorInfo(String code, String message) {
    }
}
