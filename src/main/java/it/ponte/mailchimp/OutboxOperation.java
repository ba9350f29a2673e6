package it.ponte.mailchimp;

/** The write owed: bring Mailchimp's copy up to date with the shop, or remove it (a cart that became an order). */
public enum OutboxOperation {
    UPSERT, DELETE
}
