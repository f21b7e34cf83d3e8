-- API keys made with `make api-key NAME=...` (only a SHA-256 hash of the key is kept), and job ownership.
CREATE TABLE api_keys (
    name       VARCHAR(100) PRIMARY KEY,
    key_sha256 CHAR(64)     NOT NULL UNIQUE,
    admin      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- the name of the API key that submitted the job; null in open single-user mode
ALTER TABLE jobs ADD COLUMN owner VARCHAR(100);
CREATE INDEX jobs_owner_created_at ON jobs (owner, created_at DESC);
