package it.ponte.shop;

/**
 * A shop customer ("Anagrafica"). No login name means the customer cannot log in to the shop. A business buyer
 * (Amazon Business) has a {@code businessKey}: it is found by that, never by its e-mail, which other business
 * buyers share.
 */
public record Customer(long id, String email, String firstName, String lastName, String company, String phone,
                       String loginName, boolean marketingConsent, String erpCode, String vatNumber, String businessKey) {

    public String displayName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (!full.isEmpty()) {
            return full;
        }
        return company != null && !company.isBlank() ? company : email;
    }
}
