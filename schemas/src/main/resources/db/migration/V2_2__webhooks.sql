-- A job's webhook subscription as JSON {url, secret, events}; the secret never leaves the gateway.
ALTER TABLE jobs ADD COLUMN webhook TEXT;
