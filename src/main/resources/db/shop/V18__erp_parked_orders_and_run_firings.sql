-- Poison orders (issue 10): an order whose ERP insert keeps failing is tried ponte.erp.max-insert-attempts times
-- (an ERP outage never counts), then parked: left out of the runs, with its reason in erp_error, until a person
-- retries it (POST /api/erp/parked/{id}/retry).
ALTER TABLE shop_order
    ADD COLUMN erp_attempts  INT          NOT NULL DEFAULT 0,
    ADD COLUMN erp_parked_at TIMESTAMP(3) NULL;

-- The Quartz firing a scheduled run was started for (its trigger and scheduled fire time): one run per firing,
-- whichever node of the cluster was given it; NULL for the runs a person started.
ALTER TABLE sync_run
    ADD COLUMN scheduled_fire_at TIMESTAMP(3) NULL,
    ADD COLUMN firing            VARCHAR(200) NULL,
    ADD CONSTRAINT uq_sync_run_firing UNIQUE (firing);
