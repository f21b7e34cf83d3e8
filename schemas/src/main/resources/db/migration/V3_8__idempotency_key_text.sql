-- the stored key is "<owner>/<Idempotency-Key>", so a 200-character header did not fit in VARCHAR(200)
-- and answered 500 (found by ApiFuzzTest, seed 1072463478325234757); the header stays limited to 200
ALTER TABLE jobs ALTER COLUMN idempotency_key TYPE TEXT;
