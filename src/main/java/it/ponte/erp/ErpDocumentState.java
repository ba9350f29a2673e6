package it.ponte.erp;

import java.time.Instant;

/**
 * What the state diff reads of an ERP document: its status, the header fields the accountant fills, and
 * whether every item row is marked not-to-fulfil ('N').
 */
public record ErpDocumentState(long id, String idempotencyRef, String series, int number, ErpStatus status,
                               String cancelReasonCode, String carrier, Instant transportStart, String trackingNumber,
                               boolean allRowsNotToFulfil) {

    /** Cancelled in the ERP: marked so, or a cancel reason in the header with every row at 'N'. */
    public boolean cancelled() {
        return status == ErpStatus.CANCELLED || (cancelReasonCode != null && !cancelReasonCode.isBlank() && allRowsNotToFulfil);
    }

    public String documentNumber() {
        return series + "/" + number;
    }
}
