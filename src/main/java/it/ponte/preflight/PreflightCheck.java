package it.ponte.preflight;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One check of the go-live preflight: a stable {@code id} (e.g. {@code amazon.it-main.lwa}), the system it concerns
 * ({@code amazon}, {@code mailchimp}, {@code smtp}, {@code database}, {@code schedule}), its name and message in the
 * merchant's words, and, where one belongs to it, an instant ({@code at}: a schedule's next firing, the time Amazon's
 * rate budget allows the call).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreflightCheck(String id, String area, String name, PreflightStatus status, String message, Instant at) {

    public boolean ok() {
        return status == PreflightStatus.OK;
    }
}
