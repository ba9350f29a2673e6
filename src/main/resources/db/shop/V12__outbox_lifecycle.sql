-- One outbox lifecycle for everything owed to Amazon and Mailchimp (it.ponte.outbox.OutboxLifecycle):
-- PENDING -> SENT -> DONE, or PARKED after ponte.outbox.max-refusals permanent refusals; outages never count.
-- attempts counts the remote's refusals, last_error keeps its reason, next_try_at says when the row is due again.
ALTER TABLE amazon_outbox ADD COLUMN next_try_at TIMESTAMP(3) NULL AFTER last_error;
ALTER TABLE mailchimp_outbox ADD COLUMN next_try_at TIMESTAMP(3) NULL AFTER last_error;
-- Amazon's attempts counted sends until now; from here on they count refusals, like Mailchimp's.
UPDATE amazon_outbox SET attempts = 0 WHERE status <> 'DONE';
