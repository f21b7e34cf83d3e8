-- when a page of the job was last written (the exporter's watchdog measures stalls from it),
-- and since when the job has made no progress, while the watchdog sees it stalled
ALTER TABLE jobs ADD COLUMN last_progress_at TIMESTAMPTZ;
ALTER TABLE jobs ADD COLUMN stalled_since TIMESTAMPTZ;
CREATE INDEX jobs_open ON jobs (status) WHERE status IN ('pending', 'running');
