package it.ponte.sandbox.amazon;

/** A ship-to address as the sandbox keeps it; {@code province} is the Italian two-letter sigla. */
public record SandboxAddress(String name, String line1, String line2, String city, String province,
                             String postalCode, String countryCode, String phone) {
}
