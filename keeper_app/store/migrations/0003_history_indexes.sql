-- A medium's history reads court transfers by medium (found by the scan benchmark: the
-- branch read the whole table).
CREATE INDEX IF NOT EXISTS court_transfers_medium ON court_transfers(medium_id);
