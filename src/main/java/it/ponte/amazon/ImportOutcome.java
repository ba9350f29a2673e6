package it.ponte.amazon;

import java.math.BigDecimal;
import java.time.Instant;

/** What importing one Amazon order did, for the run's counts and the notification mail. */
public record ImportOutcome(
        Kind kind,
        String accountId,
        String amazonOrderId,
        Instant purchaseDate,
        String marketplaceId,
        Long shopOrderId,
        String customer,
        BigDecimal total,
        String currency,
        HoldReason holdReason,
        String error,
        boolean customerCreated,
        boolean addressCreated) {

    public enum Kind {
        IMPORTED,
        UPDATED,
        UNCHANGED,
        SKIPPED_STATUS,
        HELD,
        FAILED
    }

    static ImportOutcome of(Kind kind, String accountId, String orderId) {
        return new ImportOutcome(kind, accountId, orderId, null, null, null, null, null, null, null, null, false, false);
    }

    static ImportOutcome held(String accountId, String orderId, Instant purchaseDate, String marketplaceId, HoldReason reason) {
        return new ImportOutcome(Kind.HELD, accountId, orderId, purchaseDate, marketplaceId, null, null, null, null, reason, null, false, false);
    }

    static ImportOutcome failed(String accountId, String orderId, String error) {
        return new ImportOutcome(Kind.FAILED, accountId, orderId, null, null, null, null, null, null, null, error, false, false);
    }
}
