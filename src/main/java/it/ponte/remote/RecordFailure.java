package it.ponte.remote;

/**
 * One record that failed in a phase: the record itself (an outbox entry, an order…), its failure's class, the
 * step it failed in and the reason as the remote (or the exception) gave it.
 */
public record RecordFailure(Object record, FailureClass failureClass, String step, String reason) {
}
