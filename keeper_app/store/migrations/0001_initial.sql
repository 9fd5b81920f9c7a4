-- Keeper schema 1. Custody entries are append-only (triggers below); the few mutable
-- columns (a medium's status, location and seal number; a case's status; people) are
-- changed only by services, each change anchored in the audit chain.

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 4),
    name TEXT NOT NULL
);

CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('case_handling', 'legal', 'archives')),
    head_id INTEGER REFERENCES people(id),
    UNIQUE (unit_id, name)
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    badge TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    department_id INTEGER REFERENCES departments(id),
    org_name TEXT NOT NULL DEFAULT '',          -- outside retrievers: their court/procuratorate
    roles TEXT NOT NULL,                        -- sorted, comma-separated
    active INTEGER NOT NULL DEFAULT 1,
    kdf_salt BLOB NOT NULL,
    kdf_n INTEGER NOT NULL,
    pw_verifier BLOB NOT NULL,
    public_key BLOB NOT NULL,
    sk_nonce BLOB NOT NULL,
    sk_enc BLOB NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    major INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('open', 'concluded', 'archived')),
    opened_at TEXT NOT NULL,
    concluded_at TEXT
);

CREATE TABLE case_handlers (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    UNIQUE (case_id, person_id)
);
CREATE INDEX case_handlers_person ON case_handlers(person_id);

CREATE TABLE recordings (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,                 -- interrogation, questioning, search, sealing
    person_name TEXT NOT NULL,
    person_role TEXT NOT NULL CHECK (person_role IN ('suspect', 'victim', 'witness')),
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    place TEXT NOT NULL,
    interruptions TEXT NOT NULL DEFAULT '[]',   -- JSON list of {start, end, reason}
    registered_by INTEGER NOT NULL REFERENCES people(id),
    registered_at TEXT NOT NULL
);
CREATE INDEX recordings_case ON recordings(case_id);

CREATE TABLE recording_files (
    id INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id),
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX recording_files_rec ON recording_files(recording_id);

-- One manifest per pair: both discs are made from it (Art. 17).
CREATE TABLE manifests (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,          -- sha256sum format: "<sha256>  <size>  <path>" per line
    sha256 TEXT NOT NULL
);

CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    pair_no TEXT NOT NULL,            -- unit+year+serial, shared by original and duplicate
    copy_role TEXT NOT NULL CHECK (copy_role IN ('original', 'duplicate', 'hard_drive')),
    kind TEXT NOT NULL DEFAULT 'disc',
    disc_type TEXT NOT NULL DEFAULT '',
    volume_id TEXT NOT NULL DEFAULT '',
    case_id INTEGER NOT NULL REFERENCES cases(id),
    manifest_id INTEGER NOT NULL REFERENCES manifests(id),
    label TEXT NOT NULL,              -- JSON of the Art. 17 label fields
    burned_at TEXT NOT NULL,
    producer_id INTEGER NOT NULL REFERENCES people(id),
    registered_at TEXT NOT NULL,
    status TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    seal_no TEXT NOT NULL DEFAULT ''
);
CREATE INDEX media_case ON media(case_id);
CREATE INDEX media_status ON media(status, copy_role);
CREATE INDEX media_pair ON media(pair_no);

CREATE TABLE medium_recordings (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    recording_id INTEGER NOT NULL REFERENCES recordings(id)
);
CREATE INDEX medium_recordings_medium ON medium_recordings(medium_id);

CREATE TABLE handovers (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    original_id INTEGER NOT NULL REFERENCES media(id),
    duplicate_id INTEGER NOT NULL REFERENCES media(id),
    handler_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    seal_no TEXT NOT NULL,
    original_location TEXT NOT NULL,
    duplicate_location TEXT NOT NULL,
    late_reason TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX handovers_original ON handovers(original_id);
CREATE INDEX handovers_duplicate ON handovers(duplicate_id);

CREATE TABLE approvals (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('unseal')),
    medium_id INTEGER NOT NULL REFERENCES media(id),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    requested_by INTEGER NOT NULL REFERENCES people(id),
    requested_at TEXT NOT NULL,
    approver_id INTEGER NOT NULL REFERENCES people(id)   -- the head it is addressed to
);
CREATE INDEX approvals_medium ON approvals(medium_id);
CREATE INDEX approvals_approver ON approvals(approver_id);

CREATE TABLE approval_decisions (
    id INTEGER PRIMARY KEY,
    approval_id INTEGER NOT NULL UNIQUE REFERENCES approvals(id),
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
    decided_by INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE seal_events (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    kind TEXT NOT NULL CHECK (kind IN ('seal', 'unseal', 'reseal')),
    seal_no TEXT NOT NULL,
    at TEXT NOT NULL,
    approval_id INTEGER REFERENCES approvals(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seal_events_medium ON seal_events(medium_id);
CREATE UNIQUE INDEX seal_events_seal_no ON seal_events(seal_no) WHERE kind IN ('seal', 'reseal');
CREATE UNIQUE INDEX seal_events_approval ON seal_events(approval_id) WHERE approval_id IS NOT NULL;

-- The special retrieval register (Art. 20).
CREATE TABLE retrievals (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    retriever_id INTEGER NOT NULL REFERENCES people(id),
    retriever_unit TEXT NOT NULL,
    out_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    est_usage_hours INTEGER NOT NULL,
    approver_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX retrievals_medium ON retrievals(medium_id);
CREATE INDEX retrievals_out_at ON retrievals(out_at);
CREATE INDEX retrievals_retriever ON retrievals(retriever_id);

CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    retrieval_id INTEGER NOT NULL UNIQUE REFERENCES retrievals(id),
    returned_at TEXT NOT NULL,
    returned_by INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    inspection TEXT NOT NULL CHECK (inspection IN ('intact', 'damaged', 'replaced', 'lost')),
    verification TEXT NOT NULL CHECK (verification IN ('not_checked', 'match', 'mismatch')),
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('damaged', 'replaced', 'lost', 'late_handover')),
    medium_id INTEGER NOT NULL REFERENCES media(id),
    return_id INTEGER REFERENCES returns(id),
    handover_id INTEGER REFERENCES handovers(id),
    description TEXT NOT NULL,
    at TEXT NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES people(id),
    reported_to INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX incidents_to ON incidents(reported_to);
CREATE INDEX incidents_medium ON incidents(medium_id);

CREATE TABLE incident_acks (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents(id),
    by_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE court_requests (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    org_kind TEXT NOT NULL CHECK (org_kind IN ('court', 'procuratorate')),
    org_name TEXT NOT NULL,
    document_no TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    registered_by INTEGER NOT NULL REFERENCES people(id),
    registered_at TEXT NOT NULL
);
CREATE INDEX court_requests_case ON court_requests(case_id);

CREATE TABLE court_transfers (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES court_requests(id),
    medium_id INTEGER NOT NULL REFERENCES media(id),
    recipient_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL
);
CREATE INDEX court_transfers_request ON court_transfers(request_id);

CREATE TABLE case_conclusions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    by_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE archive_handovers (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    receiver_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    media_codes TEXT NOT NULL          -- JSON list, the discs scanned and handed over
);

CREATE TABLE location_changes (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    location TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX location_changes_medium ON location_changes(medium_id);

-- A wrong entry is corrected by a new entry that points to it and says why.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    target_table TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX corrections_target ON corrections(target_table, target_id);

CREATE TABLE signatures (
    id INTEGER PRIMARY KEY,
    entry_table TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    signer_id INTEGER NOT NULL REFERENCES people(id),
    capacity TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    method TEXT NOT NULL DEFAULT 'password',
    signature BLOB NOT NULL,
    drawn_png BLOB,
    UNIQUE (entry_table, entry_id, signer_id)
);
CREATE INDEX signatures_entry ON signatures(entry_table, entry_id);

CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id INTEGER,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- Append-only: custody entries are never updated nor deleted, by anyone.
CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers BEGIN SELECT RAISE(ABORT, 'append-only: handovers'); END;
CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers BEGIN SELECT RAISE(ABORT, 'append-only: handovers'); END;
CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals BEGIN SELECT RAISE(ABORT, 'append-only: approvals'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals BEGIN SELECT RAISE(ABORT, 'append-only: approvals'); END;
CREATE TRIGGER approval_decisions_no_update BEFORE UPDATE ON approval_decisions BEGIN SELECT RAISE(ABORT, 'append-only: approval_decisions'); END;
CREATE TRIGGER approval_decisions_no_delete BEFORE DELETE ON approval_decisions BEGIN SELECT RAISE(ABORT, 'append-only: approval_decisions'); END;
CREATE TRIGGER seal_events_no_update BEFORE UPDATE ON seal_events BEGIN SELECT RAISE(ABORT, 'append-only: seal_events'); END;
CREATE TRIGGER seal_events_no_delete BEFORE DELETE ON seal_events BEGIN SELECT RAISE(ABORT, 'append-only: seal_events'); END;
CREATE TRIGGER retrievals_no_update BEFORE UPDATE ON retrievals BEGIN SELECT RAISE(ABORT, 'append-only: retrievals'); END;
CREATE TRIGGER retrievals_no_delete BEFORE DELETE ON retrievals BEGIN SELECT RAISE(ABORT, 'append-only: retrievals'); END;
CREATE TRIGGER returns_no_update BEFORE UPDATE ON returns BEGIN SELECT RAISE(ABORT, 'append-only: returns'); END;
CREATE TRIGGER returns_no_delete BEFORE DELETE ON returns BEGIN SELECT RAISE(ABORT, 'append-only: returns'); END;
CREATE TRIGGER incidents_no_update BEFORE UPDATE ON incidents BEGIN SELECT RAISE(ABORT, 'append-only: incidents'); END;
CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents BEGIN SELECT RAISE(ABORT, 'append-only: incidents'); END;
CREATE TRIGGER incident_acks_no_update BEFORE UPDATE ON incident_acks BEGIN SELECT RAISE(ABORT, 'append-only: incident_acks'); END;
CREATE TRIGGER incident_acks_no_delete BEFORE DELETE ON incident_acks BEGIN SELECT RAISE(ABORT, 'append-only: incident_acks'); END;
CREATE TRIGGER court_requests_no_update BEFORE UPDATE ON court_requests BEGIN SELECT RAISE(ABORT, 'append-only: court_requests'); END;
CREATE TRIGGER court_requests_no_delete BEFORE DELETE ON court_requests BEGIN SELECT RAISE(ABORT, 'append-only: court_requests'); END;
CREATE TRIGGER court_transfers_no_update BEFORE UPDATE ON court_transfers BEGIN SELECT RAISE(ABORT, 'append-only: court_transfers'); END;
CREATE TRIGGER court_transfers_no_delete BEFORE DELETE ON court_transfers BEGIN SELECT RAISE(ABORT, 'append-only: court_transfers'); END;
CREATE TRIGGER case_conclusions_no_update BEFORE UPDATE ON case_conclusions BEGIN SELECT RAISE(ABORT, 'append-only: case_conclusions'); END;
CREATE TRIGGER case_conclusions_no_delete BEFORE DELETE ON case_conclusions BEGIN SELECT RAISE(ABORT, 'append-only: case_conclusions'); END;
CREATE TRIGGER archive_handovers_no_update BEFORE UPDATE ON archive_handovers BEGIN SELECT RAISE(ABORT, 'append-only: archive_handovers'); END;
CREATE TRIGGER archive_handovers_no_delete BEFORE DELETE ON archive_handovers BEGIN SELECT RAISE(ABORT, 'append-only: archive_handovers'); END;
CREATE TRIGGER location_changes_no_update BEFORE UPDATE ON location_changes BEGIN SELECT RAISE(ABORT, 'append-only: location_changes'); END;
CREATE TRIGGER location_changes_no_delete BEFORE DELETE ON location_changes BEGIN SELECT RAISE(ABORT, 'append-only: location_changes'); END;
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections BEGIN SELECT RAISE(ABORT, 'append-only: corrections'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections BEGIN SELECT RAISE(ABORT, 'append-only: corrections'); END;
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures BEGIN SELECT RAISE(ABORT, 'append-only: signatures'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures BEGIN SELECT RAISE(ABORT, 'append-only: signatures'); END;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'append-only: audit_events'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'append-only: audit_events'); END;
CREATE TRIGGER recordings_no_update BEFORE UPDATE ON recordings BEGIN SELECT RAISE(ABORT, 'append-only: recordings'); END;
CREATE TRIGGER recordings_no_delete BEFORE DELETE ON recordings BEGIN SELECT RAISE(ABORT, 'append-only: recordings'); END;
CREATE TRIGGER recording_files_no_update BEFORE UPDATE ON recording_files BEGIN SELECT RAISE(ABORT, 'append-only: recording_files'); END;
CREATE TRIGGER recording_files_no_delete BEFORE DELETE ON recording_files BEGIN SELECT RAISE(ABORT, 'append-only: recording_files'); END;
CREATE TRIGGER manifests_no_update BEFORE UPDATE ON manifests BEGIN SELECT RAISE(ABORT, 'append-only: manifests'); END;
CREATE TRIGGER manifests_no_delete BEFORE DELETE ON manifests BEGIN SELECT RAISE(ABORT, 'append-only: manifests'); END;
CREATE TRIGGER medium_recordings_no_update BEFORE UPDATE ON medium_recordings BEGIN SELECT RAISE(ABORT, 'append-only: medium_recordings'); END;
CREATE TRIGGER medium_recordings_no_delete BEFORE DELETE ON medium_recordings BEGIN SELECT RAISE(ABORT, 'append-only: medium_recordings'); END;
CREATE TRIGGER case_handlers_no_delete BEFORE DELETE ON case_handlers BEGIN SELECT RAISE(ABORT, 'append-only: case_handlers'); END;
-- Media: only the current status, shelf location and seal number move; nothing is deleted.
CREATE TRIGGER media_no_delete BEFORE DELETE ON media BEGIN SELECT RAISE(ABORT, 'append-only: media'); END;
CREATE TRIGGER media_fixed_columns BEFORE UPDATE OF id, code, pair_no, copy_role, kind, disc_type, volume_id, case_id, manifest_id, label, burned_at, producer_id, registered_at ON media
BEGIN SELECT RAISE(ABORT, 'media: only status, location and seal_no may change'); END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases BEGIN SELECT RAISE(ABORT, 'append-only: cases'); END;
CREATE TRIGGER cases_fixed_columns BEFORE UPDATE OF id, case_no, name, department_id, major, opened_at ON cases
BEGIN SELECT RAISE(ABORT, 'cases: only status and concluded_at may change'); END;
CREATE TRIGGER people_no_delete BEFORE DELETE ON people BEGIN SELECT RAISE(ABORT, 'people are deactivated, never deleted'); END;
