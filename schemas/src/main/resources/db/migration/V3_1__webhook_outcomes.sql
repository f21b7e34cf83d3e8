-- What became of a job's webhook deliveries: delivered, given up (after every retry), and why the last one was given up.
CREATE TABLE webhook_outcomes (
    job_id UUID PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    delivered INT NOT NULL DEFAULT 0,
    failed INT NOT NULL DEFAULT 0,
    last_error TEXT
);
