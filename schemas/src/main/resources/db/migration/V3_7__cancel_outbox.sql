-- when Kafka acknowledged the job's JobCancelled command; the gateway's outbox relay sends it again
-- for a cancelled job without it, so a cancel made while Kafka was away still stops the crawl
ALTER TABLE jobs ADD COLUMN cancel_published_at TIMESTAMPTZ;
UPDATE jobs SET cancel_published_at = finished_at WHERE status = 'cancelled';
CREATE INDEX jobs_cancels_unpublished ON jobs (finished_at) WHERE status = 'cancelled' AND cancel_published_at IS NULL;
