package it.ponte.sync;

import java.time.Instant;

/**
 * Who a run is, fixed when it starts: id, mode, trigger, whether it counts toward the quota, the account of an
 * account-only run, where a CHANGED run starts reading ({@code since}), and the token of the lock it holds.
 */
public record RunIdentity(long runId, SyncMode mode, SyncTrigger trigger, boolean counted, String accountId, Instant since,
                          String lockToken) {
}
