package it.ponte.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ponte.sync.SyncAlreadyRunningException;
import it.ponte.sync.SyncQuotaExceededException;
import org.apache.camel.Exchange;
import it.ponte.security.ProblemResponses;
import java.util.Locale;
import org.apache.camel.Message;
import org.springframework.context.MessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sets the REST answers' status and content type; the REST binding writes the body, the verb's declared
 * {@code outType}, as JSON ({@link RestJsonDataFormat}: Spring's object mapper, dates as ISO-8601). A run started in the
 * background answers 202 with its {@code Location}. Every failure becomes an {@code application/problem+json} document
 * with the status it deserves, its words from the bundles in the caller's language when it has a message key. Nothing
 * internal leaks out.
 */
@Component("apiResponses")
public class ApiResponses {

    private static final Logger log = LoggerFactory.getLogger(ApiResponses.class);

    private final ObjectMapper json;
    private final MessageSource bundles;
    private final ProblemResponses languages;

    public ApiResponses(ObjectMapper json, MessageSource bundles, ProblemResponses languages) {
        this.json = json;
        this.bundles = bundles;
        this.languages = languages;
    }

    public void ok(Exchange exchange) {
        write(exchange.getMessage(), 200, "application/json", exchange.getMessage().getBody());
    }

    /** 202: the body names the run to follow ({@link ApiBodies.RunStarted}), which the Location header points at too. */
    public void accepted(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        write(message, 202, "application/json", body);
        if (body instanceof ApiBodies.RunStarted started) {
            message.setHeader("Location", started.status());
        }
    }

    public void problem(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiProblem problem = toProblem(failure);
        String instance = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        ObjectNode doc = json.createObjectNode();
        doc.put("type", "about:blank");
        if (problem.key() != null) {
            Locale locale = languages.locale(exchange.getMessage().getHeader("Accept-Language", String.class));
            doc.put("title", bundles.getMessage("api.error.badRequest.title", null, locale));
            doc.put("status", problem.status());
            doc.put("detail", bundles.getMessage(problem.key(), problem.args(), locale));
        } else {
            doc.put("title", problem.title());
            doc.put("status", problem.status());
            doc.put("detail", problem.getMessage());
        }
        doc.put("instance", instance);
        if (problem.extension() != null) {
            doc.setAll((ObjectNode) json.valueToTree(problem.extension()));
        }
        write(exchange.getMessage(), problem.status(), "application/problem+json", doc.toString());
    }

    ApiProblem toProblem(Throwable failure) {
        if (failure instanceof ApiProblem p) {
            return p;
        }
        if (failure instanceof SyncAlreadyRunningException running) {
            return new ApiProblem(409, "Sincronizzazione in corso", running.getMessage(),
                    running.runningRunId() == null ? null : java.util.Map.of("runningRunId", running.runningRunId()));
        }
        if (failure instanceof it.ponte.sync.NodeStoppingException stopping) {
            return new ApiProblem(503, "Ponte in arresto", stopping.getMessage());
        }
        if (failure instanceof SyncQuotaExceededException quota) {
            return new ApiProblem(409, "Monte sincronizzazioni esaurito", quota.getMessage());
        }
        if (failure instanceof it.ponte.amazon.ForbiddenTransitionException forbidden) {
            return new ApiProblem(409, "Transizione non ammessa", forbidden.getMessage());
        }
        if (failure instanceof JsonProcessingException) {
            return ApiProblem.badRequestKey("api.notJson");
        }
        log.error("Unexpected failure answering a REST call", failure);
        return new ApiProblem(500, "Errore interno", "Errore interno di Ponte; dettagli nel log del servizio.");
    }

    private static void write(Message message, int status, String contentType, Object body) {
        // Request headers must not echo back into the answer.
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
    }
}
