-- Jobs: rows written by the gateway, progress columns kept by the exporter.
CREATE TABLE jobs (
    id               UUID PRIMARY KEY,
    url              TEXT        NOT NULL,
    status           VARCHAR(16) NOT NULL,
    format           VARCHAR(16) NOT NULL,
    -- the request as submitted, defaults filled in (JobSettings as JSON)
    request          TEXT        NOT NULL,
    idempotency_key  VARCHAR(200) UNIQUE,
    -- transactional outbox: null until the JobSubmitted record is acknowledged by Kafka
    published_at     TIMESTAMPTZ,
    pages_admitted   INTEGER     NOT NULL DEFAULT 0,
    -- set when the frontier reports the crawl finished: page records to write before completion
    pages_total      INTEGER,
    pages_crawled    INTEGER     NOT NULL DEFAULT 0,
    pages_failed     INTEGER     NOT NULL DEFAULT 0,
    bytes_downloaded BIGINT      NOT NULL DEFAULT 0,
    progress         INTEGER     NOT NULL DEFAULT 0,
    error            TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);

CREATE INDEX jobs_created_at ON jobs (created_at DESC);
CREATE INDEX jobs_status_created_at ON jobs (status, created_at DESC);
CREATE INDEX jobs_unpublished ON jobs (created_at) WHERE published_at IS NULL;

-- One row per page record the exporter has written: makes replayed records harmless.
CREATE TABLE exported_pages (
    job_id  UUID        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    url     TEXT        NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    bytes   BIGINT      NOT NULL,
    PRIMARY KEY (job_id, url)
);
