-- Keeper schema 2: burning, read-back checks of discs, and checks of recordings (issue 5).
-- All three tables are append-only, like the custody entries of schema 1.

-- A pair's medium id is reserved before its discs are burned, so that the volume id and
-- LABEL.json on the discs carry the code the register will give them. A reservation that
-- never becomes a pair (a failed or cancelled burn) stays: its serial is skipped, never reused.
CREATE TABLE pair_reservations (
    id INTEGER PRIMARY KEY,
    pair_no TEXT NOT NULL UNIQUE,       -- unit + year + serial, as media.pair_no
    case_id INTEGER NOT NULL REFERENCES cases(id),
    recordings TEXT NOT NULL,           -- JSON list of recording ids
    reserved_by INTEGER NOT NULL REFERENCES people(id),
    reserved_at TEXT NOT NULL
);

-- Every reading-back of a disc against its manifest: right after burning, on return, on
-- demand, and in the periodic fixity check. Read errors are kept per disc.
CREATE TABLE verifications (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER REFERENCES media(id),          -- NULL: the disc is not registered
    reservation_id INTEGER REFERENCES pair_reservations(id),
    disc_code TEXT NOT NULL DEFAULT '',               -- the code the disc itself carries
    purpose TEXT NOT NULL CHECK (purpose IN ('burn', 'return', 'on_demand', 'fixity')),
    result TEXT NOT NULL CHECK (result IN ('match', 'mismatch', 'unreadable')),
    files_checked INTEGER NOT NULL,
    bytes_read INTEGER NOT NULL,
    read_errors INTEGER NOT NULL DEFAULT 0,           -- sectors that could not be read
    details TEXT NOT NULL,                            -- JSON: missing, extra, changed, ...
    drive TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX verifications_medium ON verifications(medium_id, at);

-- A recording's real duration (ffprobe) against its record: start to end less the
-- interruptions (Art. 10, 13-15, 22(4)). Durations in milliseconds (no floats in the chain).
CREATE TABLE recording_checks (
    id INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id),
    result TEXT NOT NULL CHECK (result IN ('match', 'mismatch', 'unreadable')),
    media_ms INTEGER,
    record_ms INTEGER NOT NULL,
    tolerance_ms INTEGER NOT NULL,
    details TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX recording_checks_recording ON recording_checks(recording_id, at);

CREATE TRIGGER pair_reservations_no_update BEFORE UPDATE ON pair_reservations BEGIN SELECT RAISE(ABORT, 'append-only: pair_reservations'); END;
CREATE TRIGGER pair_reservations_no_delete BEFORE DELETE ON pair_reservations BEGIN SELECT RAISE(ABORT, 'append-only: pair_reservations'); END;
CREATE TRIGGER verifications_no_update BEFORE UPDATE ON verifications BEGIN SELECT RAISE(ABORT, 'append-only: verifications'); END;
CREATE TRIGGER verifications_no_delete BEFORE DELETE ON verifications BEGIN SELECT RAISE(ABORT, 'append-only: verifications'); END;
CREATE TRIGGER recording_checks_no_update BEFORE UPDATE ON recording_checks BEGIN SELECT RAISE(ABORT, 'append-only: recording_checks'); END;
CREATE TRIGGER recording_checks_no_delete BEFORE DELETE ON recording_checks BEGIN SELECT RAISE(ABORT, 'append-only: recording_checks'); END;
