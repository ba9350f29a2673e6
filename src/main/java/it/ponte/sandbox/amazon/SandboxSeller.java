package it.ponte.sandbox.amazon;

/** A selling partner the simulator knows, with the LWA credentials that authenticate it. */
public record SandboxSeller(String sellerId, String clientId, String clientSecret, String refreshToken) {
}
