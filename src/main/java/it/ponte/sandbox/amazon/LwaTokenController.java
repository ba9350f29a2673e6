package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated Login with Amazon token endpoint: a refresh token of a known seller, presented by its
 * application, buys a one-hour access token. Errors come in LWA's OAuth shape, not the SP-API's.
 */
@RestController
@Profile("sandbox")
public class LwaTokenController {

    private final SandboxSellers sellers;
    private final LwaTokens tokens;
    private final AmazonFaults faults;

    public LwaTokenController(SandboxSellers sellers, LwaTokens tokens, AmazonFaults faults) {
        this.sellers = sellers;
        this.tokens = tokens;
        this.faults = faults;
    }

    public record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken) {
    }

    public record LwaError(String error, @JsonProperty("error_description") String errorDescription) {
    }

    @PostMapping(path = "/sandbox/amazon/lwa/auth/o2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> token(@RequestParam MultiValueMap<String, String> form) {
        Optional<AmazonFault> fault = faults.take(AmazonFault.LWA_OPERATION);
        if (fault.isPresent()) {
            return faultResponse(fault.get());
        }
        String grantType = form.getFirst("grant_type");
        String refreshToken = form.getFirst("refresh_token");
        String clientId = form.getFirst("client_id");
        String clientSecret = form.getFirst("client_secret");
        if (clientId == null || clientSecret == null || refreshToken == null || grantType == null) {
            return error(400, "invalid_request", "The request is missing a required parameter : "
                    + (grantType == null ? "grant_type" : refreshToken == null ? "refresh_token" : clientId == null ? "client_id" : "client_secret"));
        }
        if (!"refresh_token".equals(grantType)) {
            return error(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
        }
        if (!sellers.isKnownClient(clientId, clientSecret)) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        Optional<SandboxSeller> seller = sellers.byRefreshToken(refreshToken)
                .filter(s -> s.clientId().equals(clientId))
                .filter(s -> !sellers.isRevoked(refreshToken));
        if (seller.isEmpty()) {
            return error(400, "invalid_grant",
                    "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.");
        }
        LwaTokens.IssuedToken token = tokens.issue(seller.get());
        return ResponseEntity.ok(new TokenResponse(token.value(), "bearer", LwaTokens.LIFETIME.toSeconds(), refreshToken));
    }

    private static ResponseEntity<Object> faultResponse(AmazonFault fault) {
        String code = fault.code() != null ? fault.code() : switch (fault.status()) {
            case 400 -> "invalid_grant";
            case 401 -> "invalid_client";
            case 429 -> "TooManyRequests";
            case 503 -> "TemporarilyUnavailable";
            default -> "ServerError";
        };
        return error(fault.status(), code, "Injected by the sandbox: " + code);
    }

    private static ResponseEntity<Object> error(int status, String code, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new LwaError(code, description));
    }

    /** Shown by the admin listing; never the secrets. */
    static Map<String, Object> describe(SandboxSeller seller, boolean revoked) {
        return Map.of("sellerId", seller.sellerId(), "clientId", seller.clientId(), "revoked", revoked);
    }
}
