-- Keeper schema 11: what a court or procuratorate asks for (issue 14, point 3; Art. 19-20).
-- A request lists its items: recordings or discs of the case ("all the case's interrogation
-- recordings" is expanded to the list when it is registered, whole_case = 1). An item ends
-- once: by a transfer of a duplicate carrying it (transfer_id) or by a recorded reason; the
-- request stays open while an item is open. Past the 3 days the request is marked late for
-- good (court_late_marks, one row, written when Keeper first finds it late or at a late
-- transfer) and reported to the head of the case's department, who acknowledges it, signing
-- (court_late_acks, like incident_acks); an item closed late says so.
-- All append-only; the audit chain anchors every row.
CREATE TABLE court_request_items (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES court_requests(id),
    recording_id INTEGER REFERENCES recordings(id),
    medium_id INTEGER REFERENCES media(id),
    whole_case INTEGER NOT NULL DEFAULT 0 CHECK (whole_case IN (0, 1)),
    CHECK ((recording_id IS NULL) <> (medium_id IS NULL))
);
CREATE INDEX court_request_items_request ON court_request_items(request_id);

CREATE TABLE court_item_closures (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES court_request_items(id),
    transfer_id INTEGER REFERENCES court_transfers(id),
    reason TEXT,
    late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    by_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    CHECK ((transfer_id IS NULL) <> (reason IS NULL))
);
CREATE INDEX court_item_closures_transfer ON court_item_closures(transfer_id);

CREATE TABLE court_late_marks (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES court_requests(id),
    at TEXT NOT NULL,                                   -- when Keeper found it late
    by_id INTEGER NOT NULL REFERENCES people(id),       -- who was signed in then
    reported_to INTEGER REFERENCES people(id),          -- the head of the case's department
    open_items INTEGER NOT NULL                         -- items still open at that moment
);
CREATE INDEX court_late_marks_to ON court_late_marks(reported_to);

CREATE TABLE court_late_acks (
    id INTEGER PRIMARY KEY,
    mark_id INTEGER NOT NULL UNIQUE REFERENCES court_late_marks(id),
    by_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER court_request_items_no_update BEFORE UPDATE ON court_request_items BEGIN SELECT RAISE(ABORT, 'append-only: court_request_items'); END;
CREATE TRIGGER court_request_items_no_delete BEFORE DELETE ON court_request_items BEGIN SELECT RAISE(ABORT, 'append-only: court_request_items'); END;
CREATE TRIGGER court_item_closures_no_update BEFORE UPDATE ON court_item_closures BEGIN SELECT RAISE(ABORT, 'append-only: court_item_closures'); END;
CREATE TRIGGER court_item_closures_no_delete BEFORE DELETE ON court_item_closures BEGIN SELECT RAISE(ABORT, 'append-only: court_item_closures'); END;
CREATE TRIGGER court_late_marks_no_update BEFORE UPDATE ON court_late_marks BEGIN SELECT RAISE(ABORT, 'append-only: court_late_marks'); END;
CREATE TRIGGER court_late_marks_no_delete BEFORE DELETE ON court_late_marks BEGIN SELECT RAISE(ABORT, 'append-only: court_late_marks'); END;
CREATE TRIGGER court_late_acks_no_update BEFORE UPDATE ON court_late_acks BEGIN SELECT RAISE(ABORT, 'append-only: court_late_acks'); END;
CREATE TRIGGER court_late_acks_no_delete BEFORE DELETE ON court_late_acks BEGIN SELECT RAISE(ABORT, 'append-only: court_late_acks'); END;
