-- An account's incremental window read over several runs: a backfill (a first import, a catch-up after an outage) larger
-- than one run's poll time budget (ponte.amazon.polling.time-budget). After each stored page the window and the token of
-- its next page are kept here, so the next run goes on from that page instead of reading the window again from its
-- start; the row goes once the window is read to its last page (and the watermark moves). orders_read counts the
-- orders read in the window so far, across runs: what the run record and the console show.
CREATE TABLE amazon_window_progress (
    account_id     VARCHAR(40)   PRIMARY KEY,
    window_after   TIMESTAMP(3)  NOT NULL,
    window_before  TIMESTAMP(3)  NOT NULL,
    next_token     VARCHAR(2000) NOT NULL,
    initial_window BOOLEAN       NOT NULL DEFAULT FALSE,
    orders_read    INT           NOT NULL DEFAULT 0,
    saved_at       TIMESTAMP(3)  NOT NULL
);
