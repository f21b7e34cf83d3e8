-- Page records the exporter has written for each job (for an open job, its rows in exported_pages), kept
-- incrementally by the exporter so that progress and completion never count exported_pages.
ALTER TABLE jobs ADD COLUMN pages_written INTEGER NOT NULL DEFAULT 0;
UPDATE jobs j SET pages_written = e.written
FROM (SELECT job_id, count(*) AS written FROM exported_pages GROUP BY job_id) e
WHERE e.job_id = j.id;
