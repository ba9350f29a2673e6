package it.ponte.amazon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code amazon-api} route as a Java call, for the few beans that ask Amazon in the middle of their own work (held
 * orders asked about again) and for tests: the same camel-http route, redelivery and circuit breaker as every step.
 */
@Component
public class SpApiGateway {

    public static final String ROUTE = "direct:amazon-api";

    private final ProducerTemplate camel;
    private final ObjectMapper json;

    public SpApiGateway(ProducerTemplate camel, ObjectMapper json) {
        this.camel = camel;
        this.json = json;
    }

    /** The answer's body; the call's failure as thrown by the route (an {@link SpApiException} for Amazon's refusals). */
    public Exchange call(SpApiCall call) {
        return call(call, (java.time.Instant) null);
    }

    /**
     * As {@link #call(SpApiCall)}, never waiting for Amazon's rate budget past {@code waitDeadline} (null: no limit):
     * a call the budget cannot serve by then fails with {@link SpApiBudgetSpentException} instead.
     */
    public Exchange call(SpApiCall call, java.time.Instant waitDeadline) {
        Exchange answer = camel.send(ROUTE, exchange -> {
            exchange.setProperty(SpApiCall.PROPERTY, call);
            if (waitDeadline != null) {
                exchange.setProperty(SpApiRateLimiter.POLL_DEADLINE, waitDeadline);
            }
        });
        Exception failure = answer.getException();
        if (failure != null) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SpApiException amazon) {
                    throw amazon;
                }
            }
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return answer;
    }

    public <T> T call(SpApiCall call, Class<T> type) {
        String body = call(call).getMessage().getBody(String.class);
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new SpApiException(call.accountId(), call.operationName(), 200, "UnreadableResponse", e.getMessage(), false, e);
        }
    }
}
