-- Issue 15: seized storage media (supervision draft Art. 56, 123-134, 261, 267) as a second
-- kind of custody item beside the disc pairs: one seizure record (the Art. 128(4) inventory)
-- with its items, each with a Keeper barcode id (copy letter S); sealed on site by two or
-- more investigators who sign with the time (Art. 126, 128, 129), the sealing's recording
-- linked (Art. 56, 131); received into safekeeping (Art. 130); unsealed and resealed under
-- a head's approval by two or more investigators (Art. 129); lent out for the case's work
-- and back, checked item by item (Art. 131); the sealing period extended before it expires
-- (Art. 133); unrelated items released within three days of the finding (Art. 124, 134);
-- lateness and incidents reported to the head; the register inspected by the heads (Art. 261).

-- One seizure, the inventory's head (Art. 128(4)): cause of action, persons concerned, the
-- record (transcript) it belongs to, time and place of the measure.
CREATE TABLE seizures (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    cause TEXT NOT NULL,                    -- 案由
    persons TEXT NOT NULL,                  -- 当事人: the persons concerned
    record_ref TEXT NOT NULL,               -- the record (transcript) the seizure belongs to
    seized_at TEXT NOT NULL,                -- when the measure was taken (Art. 130, 133 count from it)
    place TEXT NOT NULL,
    possessor TEXT NOT NULL DEFAULT '',     -- the person in possession
    witnesses TEXT NOT NULL DEFAULT '',     -- authenticating witnesses (Art. 126)
    notice_no TEXT NOT NULL DEFAULT '',     -- the Notification of Sealing or Seizure (Art. 126)
    period_days INTEGER NOT NULL DEFAULT 365 CHECK (period_days BETWEEN 1 AND 365), -- Art. 133
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX seizures_case ON seizures(case_id);

-- One item of the inventory: the original storage medium seized (kind 'original'), or the
-- electronic data extracted where the original could not be seized (kind 'extracted', Art. 123:
-- why, where the original is, where the data came from). Only status, location and seal_no move.
CREATE TABLE seized_items (
    id INTEGER PRIMARY KEY,
    seizure_id INTEGER NOT NULL REFERENCES seizures(id),
    code TEXT NOT NULL UNIQUE,              -- Keeper barcode id, copy letter S
    serial TEXT NOT NULL UNIQUE,            -- unit + year + serial (the code's first 14 characters)
    kind TEXT NOT NULL CHECK (kind IN ('original', 'extracted')),
    media_type TEXT NOT NULL,               -- audio_tape, video_tape, usb_stick, hard_drive, ...
    content TEXT NOT NULL,
    specification TEXT NOT NULL DEFAULT '', -- make, model, serial number
    capacity TEXT NOT NULL DEFAULT '',      -- applicable length or capacity
    file_formats TEXT NOT NULL DEFAULT '',
    copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
    copy_length TEXT NOT NULL DEFAULT '',   -- length of the copies
    not_seized_reason TEXT NOT NULL DEFAULT '',
    original_location TEXT NOT NULL DEFAULT '',
    data_source TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'seized' CHECK (status IN
        ('seized', 'sealed', 'in_safekeeping', 'unsealed', 'out', 'missing', 'released')),
    location TEXT NOT NULL DEFAULT '',
    seal_no TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seized_items_seizure ON seized_items(seizure_id);
CREATE INDEX seized_items_status ON seized_items(status);

-- The sealing on site and the inventory registered (Art. 126, 128, 130): the time written on
-- the seals, the possessor's signature or its refusal/absence noted (Art. 126-127), the
-- sealing's recording (Art. 56); signed by ``signers`` (two or more) investigators.
CREATE TABLE seized_sealings (
    id INTEGER PRIMARY KEY,
    seizure_id INTEGER NOT NULL UNIQUE REFERENCES seizures(id),
    sealed_at TEXT NOT NULL,
    possessor_signature TEXT NOT NULL CHECK (possessor_signature IN ('signed', 'refused', 'absent')),
    possessor_note TEXT NOT NULL DEFAULT '',
    recording_id INTEGER REFERENCES recordings(id),
    signers INTEGER NOT NULL CHECK (signers >= 2),
    late_reason TEXT NOT NULL DEFAULT '',   -- registered after 20 days (Art. 130 para 2)
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);

-- Each item's seal: sealed (with the sealing), unsealed and resealed (Art. 129: two or more
-- investigators sign, the time noted; unsealing under an approved request).
CREATE TABLE seized_seal_events (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES seized_items(id),
    kind TEXT NOT NULL CHECK (kind IN ('seal', 'unseal', 'reseal')),
    seal_no TEXT NOT NULL,
    sealing_id INTEGER REFERENCES seized_sealings(id),   -- seal: the sealing that signs it
    request_id INTEGER REFERENCES seized_requests(id),   -- unseal: the approval it uses
    signers INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX seized_seal_events_item ON seized_seal_events(item_id);
CREATE UNIQUE INDEX seized_seal_events_request ON seized_seal_events(request_id)
    WHERE request_id IS NOT NULL;

-- Handed to safekeeping (Art. 130: within 30 days): the keeper receives every sealed item of
-- the seizure, scanned one by one; the investigator handing over and the keeper sign.
CREATE TABLE seized_receipts (
    id INTEGER PRIMARY KEY,
    seizure_id INTEGER NOT NULL UNIQUE REFERENCES seizures(id),
    location TEXT NOT NULL,
    investigator_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    late_reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);

-- What needs a head's approval: unsealing (Art. 129), a temporary transfer (Art. 131), the
-- period's extension (Art. 133), the release of items found unrelated (Art. 124, 134: the
-- request is the finding; it is due three days after it). ``items``: JSON list of item ids.
CREATE TABLE seized_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('unseal', 'transfer', 'extension', 'release')),
    seizure_id INTEGER NOT NULL REFERENCES seizures(id),
    items TEXT NOT NULL DEFAULT '[]',
    reason TEXT NOT NULL,
    days INTEGER,                             -- extension: by how many days
    requested_by INTEGER NOT NULL REFERENCES people(id),
    requested_at TEXT NOT NULL,
    approver_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX seized_requests_seizure ON seized_requests(seizure_id);
-- The head's signed decision; an approved extension carries the period's new end.
CREATE TABLE seized_decisions (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES seized_requests(id),
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
    decided_by INTEGER NOT NULL REFERENCES people(id),
    new_expiry TEXT,
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);

-- A temporary transfer out for the case's work and its return (Art. 131): the inventory
-- checked in person item by item, the handover's recording attached; the investigator and
-- the keeper sign.
CREATE TABLE seized_transfers (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES seized_requests(id),
    direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    out_id INTEGER UNIQUE REFERENCES seized_transfers(id),   -- in: the transfer out it closes
    recording_id INTEGER NOT NULL REFERENCES recordings(id),
    investigator_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE UNIQUE INDEX seized_transfers_out_once ON seized_transfers(request_id)
    WHERE direction = 'out';
CREATE TABLE seized_transfer_items (
    id INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES seized_transfers(id),
    item_id INTEGER NOT NULL REFERENCES seized_items(id),
    condition TEXT NOT NULL CHECK (condition IN ('intact', 'damaged', 'missing')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seized_transfer_items_transfer ON seized_transfer_items(transfer_id);

-- Items released to the possessor (Art. 124, 134) under an approved release request, with the
-- notice and the release inventory the possessor signs (or refuses to, or is absent).
CREATE TABLE seized_releases (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES seized_requests(id),
    recipient TEXT NOT NULL,
    possessor_signature TEXT NOT NULL CHECK (possessor_signature IN ('signed', 'refused', 'absent')),
    possessor_note TEXT NOT NULL DEFAULT '',
    investigator_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    late_reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);

-- Reported to the head of the case's department: damage or a discrepancy at a transfer,
-- a deadline missed (``late_kind``), the sealing period expired without extension.
CREATE TABLE seized_incidents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('damaged', 'missing', 'discrepancy', 'late_registration',
        'late_safekeeping', 'period_expired', 'late_release')),
    seizure_id INTEGER NOT NULL REFERENCES seizures(id),
    item_id INTEGER REFERENCES seized_items(id),
    description TEXT NOT NULL,
    at TEXT NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES people(id),
    reported_to INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX seized_incidents_to ON seized_incidents(reported_to);
CREATE TABLE seized_incident_acks (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL UNIQUE REFERENCES seized_incidents(id),
    by_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
-- A lateness marked once (``ref``: the extension decision whose period ran out, the release
-- request; 0 otherwise).
CREATE TABLE seized_late_marks (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('registration', 'safekeeping', 'period', 'release')),
    seizure_id INTEGER NOT NULL REFERENCES seizures(id),
    ref INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id),
    incident_id INTEGER NOT NULL UNIQUE REFERENCES seized_incidents(id)
);
CREATE UNIQUE INDEX seized_late_marks_once ON seized_late_marks(kind, seizure_id, ref);

-- A head's periodic inspection of the register of seized property (Art. 261), signed.
CREATE TABLE seized_inspections (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    items_checked INTEGER NOT NULL,
    findings TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);

CREATE TRIGGER seizures_no_update BEFORE UPDATE ON seizures BEGIN SELECT RAISE(ABORT, 'append-only: seizures'); END;
CREATE TRIGGER seizures_no_delete BEFORE DELETE ON seizures BEGIN SELECT RAISE(ABORT, 'append-only: seizures'); END;
CREATE TRIGGER seized_items_no_delete BEFORE DELETE ON seized_items BEGIN SELECT RAISE(ABORT, 'append-only: seized_items'); END;
CREATE TRIGGER seized_items_fixed_columns BEFORE UPDATE OF id, seizure_id, code, serial, kind, media_type, content, specification, capacity, file_formats, copies, copy_length, not_seized_reason, original_location, data_source ON seized_items
BEGIN SELECT RAISE(ABORT, 'seized_items: only status, location and seal_no may change'); END;
CREATE TRIGGER seized_sealings_no_update BEFORE UPDATE ON seized_sealings BEGIN SELECT RAISE(ABORT, 'append-only: seized_sealings'); END;
CREATE TRIGGER seized_sealings_no_delete BEFORE DELETE ON seized_sealings BEGIN SELECT RAISE(ABORT, 'append-only: seized_sealings'); END;
CREATE TRIGGER seized_seal_events_no_update BEFORE UPDATE ON seized_seal_events BEGIN SELECT RAISE(ABORT, 'append-only: seized_seal_events'); END;
CREATE TRIGGER seized_seal_events_no_delete BEFORE DELETE ON seized_seal_events BEGIN SELECT RAISE(ABORT, 'append-only: seized_seal_events'); END;
CREATE TRIGGER seized_receipts_no_update BEFORE UPDATE ON seized_receipts BEGIN SELECT RAISE(ABORT, 'append-only: seized_receipts'); END;
CREATE TRIGGER seized_receipts_no_delete BEFORE DELETE ON seized_receipts BEGIN SELECT RAISE(ABORT, 'append-only: seized_receipts'); END;
CREATE TRIGGER seized_requests_no_update BEFORE UPDATE ON seized_requests BEGIN SELECT RAISE(ABORT, 'append-only: seized_requests'); END;
CREATE TRIGGER seized_requests_no_delete BEFORE DELETE ON seized_requests BEGIN SELECT RAISE(ABORT, 'append-only: seized_requests'); END;
CREATE TRIGGER seized_decisions_no_update BEFORE UPDATE ON seized_decisions BEGIN SELECT RAISE(ABORT, 'append-only: seized_decisions'); END;
CREATE TRIGGER seized_decisions_no_delete BEFORE DELETE ON seized_decisions BEGIN SELECT RAISE(ABORT, 'append-only: seized_decisions'); END;
CREATE TRIGGER seized_transfers_no_update BEFORE UPDATE ON seized_transfers BEGIN SELECT RAISE(ABORT, 'append-only: seized_transfers'); END;
CREATE TRIGGER seized_transfers_no_delete BEFORE DELETE ON seized_transfers BEGIN SELECT RAISE(ABORT, 'append-only: seized_transfers'); END;
CREATE TRIGGER seized_transfer_items_no_update BEFORE UPDATE ON seized_transfer_items BEGIN SELECT RAISE(ABORT, 'append-only: seized_transfer_items'); END;
CREATE TRIGGER seized_transfer_items_no_delete BEFORE DELETE ON seized_transfer_items BEGIN SELECT RAISE(ABORT, 'append-only: seized_transfer_items'); END;
CREATE TRIGGER seized_releases_no_update BEFORE UPDATE ON seized_releases BEGIN SELECT RAISE(ABORT, 'append-only: seized_releases'); END;
CREATE TRIGGER seized_releases_no_delete BEFORE DELETE ON seized_releases BEGIN SELECT RAISE(ABORT, 'append-only: seized_releases'); END;
CREATE TRIGGER seized_incidents_no_update BEFORE UPDATE ON seized_incidents BEGIN SELECT RAISE(ABORT, 'append-only: seized_incidents'); END;
CREATE TRIGGER seized_incidents_no_delete BEFORE DELETE ON seized_incidents BEGIN SELECT RAISE(ABORT, 'append-only: seized_incidents'); END;
CREATE TRIGGER seized_incident_acks_no_update BEFORE UPDATE ON seized_incident_acks BEGIN SELECT RAISE(ABORT, 'append-only: seized_incident_acks'); END;
CREATE TRIGGER seized_incident_acks_no_delete BEFORE DELETE ON seized_incident_acks BEGIN SELECT RAISE(ABORT, 'append-only: seized_incident_acks'); END;
CREATE TRIGGER seized_late_marks_no_update BEFORE UPDATE ON seized_late_marks BEGIN SELECT RAISE(ABORT, 'append-only: seized_late_marks'); END;
CREATE TRIGGER seized_late_marks_no_delete BEFORE DELETE ON seized_late_marks BEGIN SELECT RAISE(ABORT, 'append-only: seized_late_marks'); END;
CREATE TRIGGER seized_inspections_no_update BEFORE UPDATE ON seized_inspections BEGIN SELECT RAISE(ABORT, 'append-only: seized_inspections'); END;
CREATE TRIGGER seized_inspections_no_delete BEFORE DELETE ON seized_inspections BEGIN SELECT RAISE(ABORT, 'append-only: seized_inspections'); END;
