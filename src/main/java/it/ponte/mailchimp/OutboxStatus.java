package it.ponte.mailchimp;

/** Where a write owed to Mailchimp stands. PENDING is retried by every run; PARKED waits for a person. */
public enum OutboxStatus {
    PENDING, DONE, PARKED
}
