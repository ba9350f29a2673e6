package it.ponte.shop;

/** A customer's delivery address in the shop. */
public record Address(Long id, long customerId, String name, String company, String line1, String line2, String city,
                      String province, String postalCode, String countryCode, String phone, String erpShipToCode) {

    public String matchKey() {
        return AddressMatchKey.of(name, line1, postalCode, city, countryCode);
    }
}
