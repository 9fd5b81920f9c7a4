-- Issue 14 (intake): what ingest found about a recording, and a major case's review
-- submissions (Art. 4, 22: the recordings go with the case when it is submitted for review).

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

CREATE TRIGGER intake_flags_no_update BEFORE UPDATE ON intake_flags BEGIN SELECT RAISE(ABORT, 'append-only: intake_flags'); END;
CREATE TRIGGER intake_flags_no_delete BEFORE DELETE ON intake_flags BEGIN SELECT RAISE(ABORT, 'append-only: intake_flags'); END;
CREATE TRIGGER review_submissions_no_update BEFORE UPDATE ON review_submissions BEGIN SELECT RAISE(ABORT, 'append-only: review_submissions'); END;
CREATE TRIGGER review_submissions_no_delete BEFORE DELETE ON review_submissions BEGIN SELECT RAISE(ABORT, 'append-only: review_submissions'); END;
