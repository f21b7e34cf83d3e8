-- Pages not fetched by rule: disallowed by robots.txt, skipped (not HTML), links filtered as traps.
ALTER TABLE jobs ADD COLUMN robots_blocked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN pages_skipped  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN links_filtered INTEGER NOT NULL DEFAULT 0;
