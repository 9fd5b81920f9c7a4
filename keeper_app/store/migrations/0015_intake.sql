-- Issue 14 (intake): what ingest found about a recording; a major case's review submissions
-- (Art. 4, 22: the recordings go with the case when it is submitted for review); the dedicated
-- storage devices and their backups as custody items (Art. 16, 17), and each access to their
-- stored files (Art. 19, 21).

-- A flag recorded with the recording, in the change that registers it: the same footage
-- (a file whose SHA-256 another recording has already), or an upload later than the
-- configured number of hours after the interrogation ended (Art. 17: "at once").
CREATE TABLE intake_flags (
    id INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id),
    kind TEXT NOT NULL CHECK (kind IN ('same_footage', 'late_upload')),
    other_recording_id INTEGER REFERENCES recordings(id),  -- same_footage: the one it repeats
    sha256 TEXT NOT NULL DEFAULT '',                        -- same_footage: the file's hash
    late_minutes INTEGER,                                   -- late_upload: after the end
    limit_hours INTEGER,                                    -- late_upload: the setting then
    at TEXT NOT NULL
);
CREATE INDEX intake_flags_recording ON intake_flags(recording_id);

-- A case submitted for review with its recordings (Art. 22): which recordings went, to whom.
CREATE TABLE review_submissions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    recordings TEXT NOT NULL,          -- JSON list of recording ids that accompanied it
    submitted_to TEXT NOT NULL,        -- the reviewing department or organ
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX review_submissions_case ON review_submissions(case_id);
CREATE INDEX recording_files_sha256 ON recording_files(sha256);

-- A dedicated storage device of hard-drive recordings, or its backup (Art. 17(3)).
CREATE TABLE storage_devices (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('storage', 'backup')),
    serial TEXT NOT NULL DEFAULT '',
    registered_at TEXT NOT NULL,
    registered_by INTEGER NOT NULL REFERENCES people(id)
);
-- Where a device is and who keeps it: its registration's first entry, then each move or
-- change of keeper (Art. 16); the latest entry is where it is now.
CREATE TABLE storage_device_moves (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES storage_devices(id),
    location TEXT NOT NULL,
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX storage_device_moves_device ON storage_device_moves(device_id);
-- A stored recording's files copied out (Art. 19: accessed through the system, for one of
-- its purposes; Art. 21: by those whose duty it is).
CREATE TABLE stored_file_access (
    id INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id),
    kind TEXT NOT NULL CHECK (kind IN ('export')),
    purpose TEXT NOT NULL,
    destination TEXT NOT NULL,
    files INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX stored_file_access_recording ON stored_file_access(recording_id);

CREATE TRIGGER intake_flags_no_update BEFORE UPDATE ON intake_flags BEGIN SELECT RAISE(ABORT, 'append-only: intake_flags'); END;
CREATE TRIGGER intake_flags_no_delete BEFORE DELETE ON intake_flags BEGIN SELECT RAISE(ABORT, 'append-only: intake_flags'); END;
CREATE TRIGGER review_submissions_no_update BEFORE UPDATE ON review_submissions BEGIN SELECT RAISE(ABORT, 'append-only: review_submissions'); END;
CREATE TRIGGER review_submissions_no_delete BEFORE DELETE ON review_submissions BEGIN SELECT RAISE(ABORT, 'append-only: review_submissions'); END;
CREATE TRIGGER storage_devices_no_update BEFORE UPDATE ON storage_devices BEGIN SELECT RAISE(ABORT, 'append-only: storage_devices'); END;
CREATE TRIGGER storage_devices_no_delete BEFORE DELETE ON storage_devices BEGIN SELECT RAISE(ABORT, 'append-only: storage_devices'); END;
CREATE TRIGGER storage_device_moves_no_update BEFORE UPDATE ON storage_device_moves BEGIN SELECT RAISE(ABORT, 'append-only: storage_device_moves'); END;
CREATE TRIGGER storage_device_moves_no_delete BEFORE DELETE ON storage_device_moves BEGIN SELECT RAISE(ABORT, 'append-only: storage_device_moves'); END;
CREATE TRIGGER stored_file_access_no_update BEFORE UPDATE ON stored_file_access BEGIN SELECT RAISE(ABORT, 'append-only: stored_file_access'); END;
CREATE TRIGGER stored_file_access_no_delete BEFORE DELETE ON stored_file_access BEGIN SELECT RAISE(ABORT, 'append-only: stored_file_access'); END;
