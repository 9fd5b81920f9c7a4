-- Keeper schema 12: late means reported, claims are checks (issue 14, points 8 and "late
-- means reported").
--
-- Incidents get the kinds a sweep or a check reports: a return or a reseal that became late
-- (Art. 18, 20), a failing fixity read-back and a disc found missing at an inventory. The
-- table is rebuilt only to widen its kinds: the columns and every row stay as they were
-- (their audit anchors still match).
-- incident_acks is rebuilt with it (same columns, same rows) so that no acknowledgement
-- ever points at a dropped table: both new tables are made and filled, the old child then
-- the old parent are dropped, and the new ones take the old names.
CREATE TABLE incidents_v12 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('damaged', 'replaced', 'lost', 'late_handover',
        'late_return', 'late_reseal', 'fixity_failed', 'missing')),
    medium_id INTEGER NOT NULL REFERENCES media(id),
    return_id INTEGER REFERENCES returns(id),
    handover_id INTEGER REFERENCES handovers(id),
    description TEXT NOT NULL,
    at TEXT NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES people(id),
    reported_to INTEGER NOT NULL REFERENCES people(id)
);
INSERT INTO incidents_v12(id, kind, medium_id, return_id, handover_id, description, at,
        reported_by, reported_to)
    SELECT id, kind, medium_id, return_id, handover_id, description, at, reported_by,
        reported_to FROM incidents ORDER BY id;
CREATE TABLE incident_acks_v12 (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents_v12(id),
    by_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
INSERT INTO incident_acks_v12(id, incident_id, by_id, at, note)
    SELECT id, incident_id, by_id, at, note FROM incident_acks ORDER BY id;
DROP TABLE incident_acks;
DROP TABLE incidents;
ALTER TABLE incidents_v12 RENAME TO incidents;
ALTER TABLE incident_acks_v12 RENAME TO incident_acks;
CREATE INDEX incidents_to ON incidents(reported_to);
CREATE INDEX incidents_medium ON incidents(medium_id);
CREATE TRIGGER incidents_no_update BEFORE UPDATE ON incidents BEGIN SELECT RAISE(ABORT, 'append-only: incidents'); END;
CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents BEGIN SELECT RAISE(ABORT, 'append-only: incidents'); END;
CREATE TRIGGER incident_acks_no_update BEFORE UPDATE ON incident_acks BEGIN SELECT RAISE(ABORT, 'append-only: incident_acks'); END;
CREATE TRIGGER incident_acks_no_delete BEFORE DELETE ON incident_acks BEGIN SELECT RAISE(ABORT, 'append-only: incident_acks'); END;

-- A lateness, marked for good the moment it is found (by the sweep, or by the late act
-- itself when no sweep found it before), with the incident it raised to the head of the
-- case's department. One per late thing: the pair not handed over within 24 h of burning
-- (Art. 16-17; entry_id: the original's media id), the retrieval not returned by its
-- estimated usage time (Art. 20; entry_id: retrievals.id), the original not resealed within
-- the limit after its unsealing (Art. 18; entry_id: the unseal's seal_events.id).
CREATE TABLE late_marks (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('handover', 'return', 'reseal')),
    entry_id INTEGER NOT NULL,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    due_at TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id),
    incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents(id)
);
CREATE UNIQUE INDEX late_marks_once ON late_marks(kind, entry_id);
CREATE INDEX late_marks_medium ON late_marks(medium_id);

-- How a return was verified (Art. 20): the read-back of that disc it rests on, or "not
-- checked" with the reason. Written with the return, in its change.
CREATE TABLE return_checks (
    id INTEGER PRIMARY KEY,
    return_id INTEGER NOT NULL UNIQUE REFERENCES returns(id),
    verification_id INTEGER UNIQUE REFERENCES verifications(id),  -- NULL: not checked
    reason TEXT NOT NULL DEFAULT ''                                 -- why not checked
);

-- What a check found on the shelf, which changes the disc's status: a failing fixity
-- read-back (in custody -> damaged) or a disc an inventory did not find (-> lost), each
-- reported to the head of the case's department by its incident.
CREATE TABLE medium_findings (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    kind TEXT NOT NULL CHECK (kind IN ('fixity_failed', 'missing')),
    verification_id INTEGER UNIQUE REFERENCES verifications(id),
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL DEFAULT '',
    incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents(id)
);
CREATE INDEX medium_findings_medium ON medium_findings(medium_id);

CREATE TRIGGER late_marks_no_update BEFORE UPDATE ON late_marks BEGIN SELECT RAISE(ABORT, 'append-only: late_marks'); END;
CREATE TRIGGER late_marks_no_delete BEFORE DELETE ON late_marks BEGIN SELECT RAISE(ABORT, 'append-only: late_marks'); END;
CREATE TRIGGER return_checks_no_update BEFORE UPDATE ON return_checks BEGIN SELECT RAISE(ABORT, 'append-only: return_checks'); END;
CREATE TRIGGER return_checks_no_delete BEFORE DELETE ON return_checks BEGIN SELECT RAISE(ABORT, 'append-only: return_checks'); END;
CREATE TRIGGER medium_findings_no_update BEFORE UPDATE ON medium_findings BEGIN SELECT RAISE(ABORT, 'append-only: medium_findings'); END;
CREATE TRIGGER medium_findings_no_delete BEFORE DELETE ON medium_findings BEGIN SELECT RAISE(ABORT, 'append-only: medium_findings'); END;
