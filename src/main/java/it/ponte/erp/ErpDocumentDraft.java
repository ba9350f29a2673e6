package it.ponte.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A document Ponte asks the ERP to store: the customer account to use or open, the ship-to address, the rows.
 * {@code idempotencyRef} identifies the request, so asking twice stores it once. {@code pricesIncludeVat}: whether
 * the rows' prices contain their VAT (Amazon's EU marketplaces) or take it on top; null when not known.
 */
public record ErpDocumentDraft(
        String idempotencyRef,
        String series,
        LocalDate date,
        String currency,
        BigDecimal total,
        Boolean pricesIncludeVat,
        String externalRef,
        CustomerAccount customer,
        ShipTo shipTo,
        List<Row> rows) {

    /** A document whose VAT treatment is not known (web orders, Amazon orders imported before it was kept). */
    public ErpDocumentDraft(String idempotencyRef, String series, LocalDate date, String currency, BigDecimal total, String externalRef,
                            CustomerAccount customer, ShipTo shipTo, List<Row> rows) {
        this(idempotencyRef, series, date, currency, total, null, externalRef, customer, shipTo, rows);
    }

    /** What the rows add up to (quantity × unit price), with their VAT when it comes on top of the prices. */
    public BigDecimal rowsTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : rows) {
            sum = sum.add(r.quantity().multiply(r.unitPrice()));
            if (Boolean.FALSE.equals(pricesIncludeVat) && r.vatAmount() != null) {
                sum = sum.add(r.vatAmount());
            }
        }
        return sum.setScale(2, java.math.RoundingMode.HALF_UP);
    }

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

    /** An item, an expense item (shipping, gift wrap, other charges), a discount (negative unit price), a note. */
    public enum RowKind {
        ITEM,
        EXPENSE,
        DISCOUNT,
        NOTE
    }

    /** {@code vatAmount}: the VAT of the whole row as Amazon reported it; null when not known (and for notes). */
    public record Row(RowKind kind, String itemCode, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatAmount,
                      String externalRef) {

        public Row(RowKind kind, String itemCode, String description, BigDecimal quantity, BigDecimal unitPrice, String externalRef) {
            this(kind, itemCode, description, quantity, unitPrice, null, externalRef);
        }
    }
}
