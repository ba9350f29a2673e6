package it.ponte.sandbox.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An ERP document as the accountant sees it on screen: the header, the fields they fill, and every row. */
public record ErpDocumentView(
        long id,
        String series,
        int number,
        LocalDate docDate,
        String customerCode,
        String shipToCode,
        String status,
        String currency,
        BigDecimal total,
        String idempotencyRef,
        String externalRef,
        String cancelReasonCode,
        String carrier,
        Instant transportStart,
        String trackingNumber,
        Instant updatedAt,
        List<Row> rows) {

    public ErpDocumentView {
        rows = List.copyOf(rows);
    }

    /** {@code fulfil} is 'S' (to fulfil) or 'N' (not to fulfil, e.g. cancelled). */
    public record Row(int lineNo, String kind, String itemCode, String description, BigDecimal quantity, BigDecimal unitPrice,
                      String fulfil, String externalRef) {
    }

    ErpDocumentView withRows(List<Row> documentRows) {
        return new ErpDocumentView(id, series, number, docDate, customerCode, shipToCode, status, currency, total, idempotencyRef,
                externalRef, cancelReasonCode, carrier, transportStart, trackingNumber, updatedAt, documentRows);
    }
}
