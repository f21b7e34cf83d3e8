-- When each page record was written, for the pages-per-second figure of GET /stats.
ALTER TABLE exported_pages ADD COLUMN exported_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX exported_pages_exported_at ON exported_pages (exported_at);
