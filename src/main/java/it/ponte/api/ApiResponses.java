package it.ponte.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ponte.sync.SyncAlreadyRunningException;
import it.ponte.sync.SyncQuotaExceededException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the REST answers: the body as JSON with Spring's object mapper (dates as ISO-8601), and every failure
 * as an {@code application/problem+json} document with the status it deserves. Nothing internal leaks out.
 */
@Component("apiResponses")
public class ApiResponses {

    private static final Logger log = LoggerFactory.getLogger(ApiResponses.class);

    private final ObjectMapper json;

    public ApiResponses(ObjectMapper json) {
        this.json = json;
    }

    public void ok(Exchange exchange) throws JsonProcessingException {
        write(exchange.getMessage(), 200, "application/json", json.writeValueAsString(exchange.getMessage().getBody()));
    }

    public void accepted(Exchange exchange) throws JsonProcessingException {
        write(exchange.getMessage(), 202, "application/json", json.writeValueAsString(exchange.getMessage().getBody()));
    }

    public void problem(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiProblem problem = toProblem(failure);
        String instance = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        ObjectNode doc = json.createObjectNode();
        doc.put("type", "about:blank");
        doc.put("title", problem.title());
        doc.put("status", problem.status());
        doc.put("detail", problem.getMessage());
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
        if (failure instanceof SyncQuotaExceededException quota) {
            return new ApiProblem(409, "Monte sincronizzazioni esaurito", quota.getMessage());
        }
        if (failure instanceof it.ponte.amazon.ForbiddenTransitionException forbidden) {
            return new ApiProblem(409, "Transizione non ammessa", forbidden.getMessage());
        }
        if (failure instanceof JsonProcessingException) {
            return ApiProblem.badRequest("Il corpo della richiesta non è un JSON valido.");
        }
        log.error("Unexpected failure answering a REST call", failure);
        return new ApiProblem(500, "Errore interno", "Errore interno di Ponte; dettagli nel log del servizio.");
    }

    private static void write(Message message, int status, String contentType, String body) {
        // Request headers must not echo back into the answer.
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
    }
}
