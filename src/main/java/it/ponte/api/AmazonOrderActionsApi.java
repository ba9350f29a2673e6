package it.ponte.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.amazon.AdjustmentReason;
import it.ponte.amazon.AmazonOrderTransitions;
import it.ponte.amazon.CancelReason;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The administrator's buttons in "Amazon – Ordini": Annulla, Spedizione, Rimborso. */
@Component("amazonOrderActionsApi")
public class AmazonOrderActionsApi {

    private final AmazonOrderTransitions transitions;
    private final ObjectMapper json;

    public AmazonOrderActionsApi(AmazonOrderTransitions transitions, ObjectMapper json) {
        this.transitions = transitions;
        this.json = json;
    }

    public Map<String, Object> cancel(@Header("id") String id, @Body String body) {
        JsonNode request = parse(body);
        CancelReason reason = enumValue(CancelReason.class, request.path("reason").asText(""), "reason");
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestCancellation(order, reason);
        return answer(id);
    }

    public Map<String, Object> ship(@Header("id") String id, @Body String body) {
        JsonNode request = parse(body);
        String carrier = required(request, "carrier");
        String tracking = required(request, "trackingNumber");
        Instant shipDate;
        try {
            shipDate = OffsetDateTime.parse(required(request, "shipDate")).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("Campo \"shipDate\" non valido: usare una data ISO-8601 con fuso, es. 2026-11-25T10:00:00+01:00.");
        }
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestShipment(order, carrier, shipDate, tracking);
        return answer(id);
    }

    public Map<String, Object> refund(@Header("id") String id, @Body String body) {
        JsonNode request = parse(body);
        AdjustmentReason reason = enumValue(AdjustmentReason.class, request.path("reason").asText(""), "reason");
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestRefund(order, reason);
        return answer(id);
    }

    private Map<String, Object> answer(String id) {
        AmazonOrderTransitions.AmazonOrderRef now = order(id);
        return Map.of("orderId", now.orderId(), "amazonOrderId", now.amazonOrderId(), "state", now.state().name());
    }

    private AmazonOrderTransitions.AmazonOrderRef order(String id) {
        return transitions.find(id).orElseThrow(() -> ApiProblem.notFound("Ordine Amazon " + id + " inesistente."));
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!node.isObject()) {
                throw ApiProblem.badRequest("Il corpo della richiesta deve essere un oggetto JSON.");
            }
            return node;
        } catch (IOException e) {
            throw ApiProblem.badRequest("Il corpo della richiesta non è un JSON valido.");
        }
    }

    private static String required(JsonNode request, String field) {
        String value = request.path(field).asText("").trim();
        if (value.isEmpty()) {
            throw ApiProblem.badRequest("Campo \"" + field + "\" obbligatorio.");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("Campo \"" + field + "\" non valido: '" + value + "'. Valori ammessi: "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
