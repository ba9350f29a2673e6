package it.ponte.api;

import it.ponte.amazon.AdjustmentReason;
import it.ponte.amazon.AmazonOrderTransitions;
import it.ponte.amazon.CancelReason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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

    public ApiBodies.OrderActionResult cancel(@Header("id") String id, @Body Object body) {
        ApiBodies.CancelRequest request = requests.body(body, ApiBodies.CancelRequest.class, () -> new ApiBodies.CancelRequest(null));
        CancelReason reason = enumValue(CancelReason.class, request.reason(), "reason");
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestCancellation(order, reason);
        return answer(id);
    }

    public ApiBodies.OrderActionResult ship(@Header("id") String id, @Body Object body) {
        ApiBodies.ShipRequest request = requests.body(body, ApiBodies.ShipRequest.class, () -> new ApiBodies.ShipRequest(null, null, null));
        String carrier = requests.required(request.carrier(), "carrier", FIELD_WIDTH);
        String tracking = requests.required(request.trackingNumber(), "trackingNumber", FIELD_WIDTH);
        Instant shipDate;
        try {
            shipDate = OffsetDateTime.parse(requests.required(request.shipDate(), "shipDate", FIELD_WIDTH)).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequestKey("api.shipDateInvalid");
        }
        if (shipDate.isBefore(EARLIEST_SHIP_DATE) || !shipDate.isBefore(LATEST_SHIP_DATE)) {
            throw ApiProblem.badRequestKey("api.shipDateOutOfRange");
        }
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestShipment(order, carrier, shipDate, tracking);
        return answer(id);
    }

    public ApiBodies.OrderActionResult refund(@Header("id") String id, @Body Object body) {
        ApiBodies.RefundRequest request = requests.body(body, ApiBodies.RefundRequest.class, () -> new ApiBodies.RefundRequest(null));
        AdjustmentReason reason = enumValue(AdjustmentReason.class, request.reason(), "reason");
        AmazonOrderTransitions.AmazonOrderRef order = order(id);
        transitions.requestRefund(order, reason);
        return answer(id);
    }

    private ApiBodies.OrderActionResult answer(String id) {
        AmazonOrderTransitions.AmazonOrderRef now = order(id);
        return new ApiBodies.OrderActionResult(now.orderId(), now.amazonOrderId(), now.state().name());
    }

    private AmazonOrderTransitions.AmazonOrderRef order(String id) {
        return transitions.find(id).orElseThrow(() -> ApiProblem.notFound("Ordine Amazon " + id + " inesistente."));
    }



    private static <E extends Enum<E>> E enumValue(Class<E> type, String given, String field) {
        String value = given == null ? "" : given;
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequestKey("api.fieldNotAllowed", field, value,
                        Arrays.toString(type.getEnumConstants())));
    }
}
