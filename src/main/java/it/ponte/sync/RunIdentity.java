package it.ponte.sync;

import java.time.Instant;

/**
 * Who a run is, fixed when it starts: id, mode, trigger, whether it counts toward the quota, the account of an
 * account-only run, where a CHANGED run (or an order history sent to Mailchimp) starts reading ({@code since}), the
 * token of the lock it holds, and what a Mailchimp manual sync covers ({@code scope}: CUSTOMERS, PRODUCTS, ORDERS).
 */
public record RunIdentity(long runId, SyncMode mode, SyncTrigger trigger, boolean counted, String accountId, Instant since,
                          String lockToken, String scope) {

    public RunIdentity(long runId, SyncMode mode, SyncTrigger trigger, boolean counted, String accountId, Instant since,
                       String lockToken) {
        this(runId, mode, trigger, counted, accountId, since, lockToken, null);
    }
}
