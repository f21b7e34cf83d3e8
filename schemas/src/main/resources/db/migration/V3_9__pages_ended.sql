-- when the exporter put the job's end-of-pages marker (PagesEnded) on crawl.pages: once per job
ALTER TABLE jobs ADD COLUMN pages_ended_at TIMESTAMPTZ;
-- the jobs ended before the marker existed get none
UPDATE jobs SET pages_ended_at = finished_at WHERE status IN ('completed', 'failed', 'cancelled');
CREATE INDEX jobs_pages_not_ended ON jobs (finished_at)
    WHERE status IN ('completed', 'failed', 'cancelled') AND pages_ended_at IS NULL;
