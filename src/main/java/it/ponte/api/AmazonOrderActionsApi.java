package it.ponte.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.amazon.AdjustmentReason;
import it.ponte.amazon.AmazonOrderTransitions;
import it.ponte.amazon.CancelReason;
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

    /** Width of the shop's carrier and tracking columns. */
    private static final int FIELD_WIDTH = 100;
    /** What the shop's TIMESTAMP column holds, with a margin: a ship date outside this is a typing error. */
    private static final Instant EARLIEST_SHIP_DATE = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_SHIP_DATE = Instant.parse("2038-01-01T00:00:00Z");

    private final AmazonOrderTransitions transitions;
    private final JsonRequests requests;

    public AmazonOrderActionsApi(AmazonOrderTransitions transitions, JsonRequests requests) {
        this.transitions = transitions;
        this.requests = requests;
    }

    public Map<String, Object> cancel(@Header("id") String id, @Body String body) {
        JsonNode request = requests.object(body);
        CancelReason reason = enumValue(CancelReason.class, request.path("reason").asText(""), "reason");
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestCancellation(order, reason);
        return answer(id);
    }

    public Map<String, Object> ship(@Header("id") String id, @Body String body) {
        JsonNode request = requests.object(body);
        String carrier = requests.required(request, "carrier", FIELD_WIDTH);
        String tracking = requests.required(request, "trackingNumber", FIELD_WIDTH);
        Instant shipDate;
        try {
            shipDate = OffsetDateTime.parse(requests.required(request, "shipDate", FIELD_WIDTH)).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(requests.text("api.shipDateInvalid"));
        }
        if (shipDate.isBefore(EARLIEST_SHIP_DATE) || !shipDate.isBefore(LATEST_SHIP_DATE)) {
            throw ApiProblem.badRequest(requests.text("api.shipDateOutOfRange"));
        }
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestShipment(order, carrier, shipDate, tracking);
        return answer(id);
    }

    public Map<String, Object> refund(@Header("id") String id, @Body String body) {
        JsonNode request = requests.object(body);
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



    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("Campo \"" + field + "\" non valido: '" + value + "'. Valori ammessi: "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
