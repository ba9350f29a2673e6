package it.ponte.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The bodies of Ponte's REST API that are the API's own (the others are the domain's records: runs, orders, parked
 * records, reports): declared as {@code type} and {@code outType} of the verbs in {@code rest-api.camel.yaml}, bound by
 * the REST binding ({@link RestJsonDataFormat}), and described in the OpenAPI document from these declarations.
 */
public final class ApiBodies {

    private ApiBodies() {
    }

    @Schema(description = "Starts a sync run")
    public record SyncRequest(
            @Schema(description = "TOTAL (re-reads everything), CHANGED (what changed since the last run) or PARTIAL (new Amazon orders only)",
                    requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"TOTAL", "CHANGED", "PARTIAL"}) String mode) {
    }

    @Schema(description = "Annulla: cancels an Amazon order")
    public record CancelRequest(
            @Schema(description = "Amazon's CancelReason", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "Rimborso: refunds a shipped Amazon order")
    public record RefundRequest(
            @Schema(description = "Amazon's AdjustmentReason", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "Spedizione: ships an Amazon order")
    public record ShipRequest(
            @Schema(description = "The carrier", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String carrier,
            @Schema(description = "When the transport starts: ISO-8601 date-time with offset, 2000–2037",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-25T10:00:00+01:00") String shipDate,
            @Schema(description = "The tracking number", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String trackingNumber) {
    }

    @Schema(description = "No fields: an empty JSON object, or no body at all")
    public record NoBody() {
    }

    @Schema(description = "A run started in the background: follow it at status (also the Location header)")
    public record RunStarted(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long runId,
            @Schema(description = "Where the run's progress is read", requiredMode = Schema.RequiredMode.REQUIRED) String status) {

        static RunStarted of(long runId) {
            return new RunStarted(runId, "/api/sync/runs/" + runId);
        }
    }

    @Schema(description = "The Amazon order after the action: its state now")
    public record OrderActionResult(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long orderId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String amazonOrderId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String state) {
    }

    @Schema(description = "The calling user")
    public record Caller(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"VIEWER", "OPERATOR", "ADMIN"}) String role) {
    }

    @Schema(description = "An RFC 9457 problem document (application/problem+json), Italian by default, English on Accept-Language: en")
    public record Problem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String detail,
            String instance,
            @Schema(description = "409 of a run refused because one of its kind is in progress: that run's id") Long runningRunId) {
    }
}
