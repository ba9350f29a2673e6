package it.ponte.erp;

import java.time.Instant;

/**
 * What the state diff reads of an ERP document: its status, the header fields the accountant fills, whether every
 * item row is marked not-to-fulfil ('N'), and when the document last changed (for a cancelled one: when it was
 * cancelled, as a cancelled document is not edited any more; null when the ERP did not say).
 */
public record ErpDocumentState(long id, String idempotencyRef, String series, int number, ErpStatus status,
                               String cancelReasonCode, String carrier, Instant transportStart, String trackingNumber,
                               boolean allRowsNotToFulfil, Instant updatedAt) {

    /** Cancelled in the ERP: marked so, or a cancel reason in the header with every row at 'N'. */
    public boolean cancelled() {
        return status == ErpStatus.CANCELLED || (cancelReasonCode != null && !cancelReasonCode.isBlank() && allRowsNotToFulfil);
    }

    public String documentNumber() {
        return series + "/" + number;
    }
}
