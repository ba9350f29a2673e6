package it.ponte.remote;

/**
 * Where a phase keeps its failed records (the Amazon outbox, the Mailchimp outbox, the held Amazon orders…). The
 * per-record routes name their sink in the exchange property {@value #PROPERTY}; the {@code record-failure}
 * route configuration hands every failed record to it.
 */
public interface RecordFailureSink {

    String PROPERTY = "ponteRecordSink";
    /** The record a per-record route works on, kept aside because the body changes on the way (HTTP answers). */
    String RECORD_PROPERTY = "ponteRecord";

    /** Keeps the failure with the record; the answer is the line the run report shows for it. */
    String recordFailed(RecordFailure failure);
}
