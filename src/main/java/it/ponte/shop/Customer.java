package it.ponte.shop;

/** A shop customer ("Anagrafica"). No login name means the customer cannot log in to the shop. */
public record Customer(long id, String email, String firstName, String lastName, String company, String phone,
                       String loginName, boolean marketingConsent, String erpCode) {

    public String displayName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (!full.isEmpty()) {
            return full;
        }
        return company != null && !company.isBlank() ? company : email;
    }
}
