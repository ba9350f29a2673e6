package it.ponte.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code routes/mailchimp-api.camel.yaml} that need Java: where a call goes, and what Mailchimp's answer
 * means (the JSON to read, or a {@link MailchimpException} of the right class). The connection pool it declares is
 * the endpoint's {@code clientConnectionManager}: never more than {@code ponte.mailchimp.max-concurrency} connections
 * to Mailchimp (it answers 429 beyond 10), with the configured connect and read timeouts.
 */
@Component("mailchimpHttp")
public class MailchimpHttp {

    /** Exchange properties of one call: what the caller asks ({@code direct:mailchimp-api}). */
    public static final String OPERATION = "mailchimpOperation";
    /** The operation without its record's id ({@code put customer}): how the remote-call metrics count it. */
    public static final String OPERATION_KIND = "mailchimpOperationKind";
    public static final String METHOD = "mailchimpMethod";
    public static final String PATH = "mailchimpPath";
    public static final String BODY = "mailchimpBody";

    private final MailchimpProperties properties;
    private final MailchimpJson json;

    public MailchimpHttp(MailchimpProperties properties, MailchimpJson json) {
        this.properties = properties;
        this.json = json;
    }

    @Bean(destroyMethod = "close")
    static PoolingHttpClientConnectionManager mailchimpConnectionManager(MailchimpProperties properties) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(properties.maxConcurrency())
                .setMaxConnPerRoute(properties.maxConcurrency())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.client().connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.client().requestTimeout()))
                        .build())
                .build();
    }

    /**
     * The endpoint of every call: the API root (configured, or the key's data centre). The call's own path goes in
     * {@link #path}: one endpoint for all calls, never one per record. (An endpoint per path piles up in Camel's
     * endpoint cache, and camel-http closes the connection manager of an endpoint the cache evicts: the pool every
     * Mailchimp call shares was shut down after about a thousand records, and every later call failed.)
     */
    public String url(Exchange exchange) {
        return properties.resolvedBaseUrl();
    }

    /** The call's path under the API root ({@code CamelHttpPath}), without its query. */
    public String path(Exchange exchange) {
        String path = exchange.getProperty(PATH, String.class);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The query of the call ({@code CamelHttpQuery}), kept apart from the endpoint's own options; null when none. */
    public String query(Exchange exchange) {
        String path = exchange.getProperty(PATH, String.class);
        int query = path.indexOf('?');
        return query < 0 ? null : path.substring(query + 1);
    }

    /**
     * Reads Mailchimp's answer: a 2xx leaves its JSON text to unmarshal (an empty one reads as an empty object);
     * anything else becomes a {@link MailchimpException} with Mailchimp's problem document and Retry-After.
     */
    public void read(Exchange exchange) {
        Message answer = exchange.getMessage();
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getBody(String.class);
        if (status >= 200 && status < 300) {
            answer.setBody(body == null || body.isBlank() ? "{}" : body);
            return;
        }
        throw refusal(operation(exchange), status, answer.getHeader(Exchange.CONTENT_TYPE, String.class), body,
                retryAfter(answer.getHeader("Retry-After", String.class)));
    }

    /** The unmarshal step's catch: a 2xx whose body is not JSON. */
    public void unreadable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message answer = exchange.getMessage();
        throw MailchimpException.unreadable(operation(exchange), answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                answer.getHeader(Exchange.CONTENT_TYPE, String.class), cause);
    }

    private MailchimpException refusal(String operation, int status, String contentType, String body, Duration retryAfter) {
        JsonNode doc = null;
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                doc = json.read(body);
            } catch (RuntimeException notJson) {
                // a gateway page pretending to be JSON: no problem document
            }
        }
        if (doc == null || !doc.has("title") || !doc.has("status")) {
            return MailchimpException.answered(operation, status, null, null, List.of(), false, retryAfter);
        }
        List<MailchimpException.FieldError> errors = new ArrayList<>();
        for (JsonNode e : doc.path("errors")) {
            errors.add(new MailchimpException.FieldError(e.path("field").asText(), e.path("message").asText()));
        }
        return MailchimpException.answered(operation, status, doc.path("title").asText(null), doc.path("detail").asText(null),
                errors, true, retryAfter);
    }

    private static String operation(Exchange exchange) {
        String operation = exchange.getProperty(OPERATION, String.class);
        return operation != null ? operation : "mailchimp call";
    }

    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
