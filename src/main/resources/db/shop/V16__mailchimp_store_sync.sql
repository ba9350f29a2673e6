-- What Ponte knows of each Mailchimp e-commerce store it writes into (issue 11).
-- first_total_at: when the store's first complete load (TOTAL) ended; until then a TOTAL is a history load and runs
-- with is_syncing set, so Mailchimp sends no order notifications for old orders and holds its automations.
-- syncing: the is_syncing Ponte last asked for (what a crashed run may have left set is cleared by the next run).
CREATE TABLE mailchimp_store_sync (
    store_id        VARCHAR(100) PRIMARY KEY,
    list_id         VARCHAR(100) NOT NULL,
    first_total_at  TIMESTAMP(3) NULL,
    syncing         BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
);
