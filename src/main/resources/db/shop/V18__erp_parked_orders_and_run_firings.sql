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

-- Every Quartz firing of a sync schedule, once (whichever node fired it): the run it started, or why it started none
-- (another run in progress, the month's quota spent). A firing no node recorded is a firing lost.
CREATE TABLE sync_firing (
    firing            VARCHAR(200) PRIMARY KEY,
    trigger_name      VARCHAR(200) NOT NULL,
    scheduled_fire_at TIMESTAMP(3) NOT NULL,
    fired_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    node              VARCHAR(100) NOT NULL,
    outcome           VARCHAR(20)  NOT NULL,
    run_id            BIGINT       NULL,
    reason            VARCHAR(1000),
    INDEX ix_sync_firing_scheduled (scheduled_fire_at)
);
