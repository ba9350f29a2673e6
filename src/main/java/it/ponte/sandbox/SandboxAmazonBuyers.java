package it.ponte.sandbox;

import java.util.List;

/**
 * Two people who bought on Amazon before and are already shop customers under their anonymised Amazon
 * e-mail: the demo's Amazon seed gives each a new order, so a rehearsal shows a returning customer being recognised.
 */
public final class SandboxAmazonBuyers {

    public record Buyer(String firstName, String lastName, String email, String line1, String city, String postalCode,
                        String province, String phone) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public static final List<Buyer> RETURNING = List.of(
            new Buyer("Giulia", "Ferri", "q4m7zk2x9hwd1vt@marketplace.amazon.it", "Via Garibaldi 12", "Milano", "20121", "MI",
                    "+39 347 512 8830"),
            new Buyer("Marco", "Esposito", "7f3nr0c1yb8kqsl@marketplace.amazon.it", "Via Toledo 256", "Napoli", "80134", "NA",
                    "+39 339 204 7715"));

    private SandboxAmazonBuyers() {
    }
}
