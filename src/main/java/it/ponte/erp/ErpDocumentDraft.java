package it.ponte.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A document Ponte asks the ERP to store: the customer account to use or open, the ship-to address, the rows.
 * {@code idempotencyRef} identifies the request, so asking twice stores it once.
 */
public record ErpDocumentDraft(
        String idempotencyRef,
        String series,
        LocalDate date,
        String currency,
        BigDecimal total,
        String externalRef,
        CustomerAccount customer,
        ShipTo shipTo,
        List<Row> rows) {

    /** The customer account: an existing code, or the data to open one under {@code ledger}. */
    public record CustomerAccount(String existingCode, String ledger, String shopRef, String name, String email, String phone,
                                  String address, String city, String province, String postalCode, String countryCode,
                                  String vatNumber) {

        /** An account without VAT number (a consumer). */
        public CustomerAccount(String existingCode, String ledger, String shopRef, String name, String email, String phone,
                               String address, String city, String province, String postalCode, String countryCode) {
            this(existingCode, ledger, shopRef, name, email, phone, address, city, province, postalCode, countryCode, null);
        }
    }

    public record ShipTo(String existingCode, String shopRef, String name, String line1, String line2, String city, String province,
                         String postalCode, String countryCode) {
    }

    public enum RowKind {
        ITEM,
        EXPENSE,
        NOTE
    }

    public record Row(RowKind kind, String itemCode, String description, BigDecimal quantity, BigDecimal unitPrice, String externalRef) {
    }
}
