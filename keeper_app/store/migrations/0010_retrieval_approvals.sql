-- Keeper schema 10: retrieval approval is an act of the approver (issue 14, point 2; Art. 20).
-- A retrieval request names the disc, the retriever, the reason, the estimated usage time and
-- the head it is addressed to (the head of the case's department). The head decides in his own
-- session, signing the decision. The checkout at the counter uses one approved request, once
-- (retrieval_request_uses: one row per request and per register entry at most).
CREATE TABLE retrieval_requests (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    retriever_id INTEGER NOT NULL REFERENCES people(id),
    reason TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    est_usage_hours INTEGER NOT NULL,
    requested_by INTEGER NOT NULL REFERENCES people(id),
    requested_at TEXT NOT NULL,
    approver_id INTEGER NOT NULL REFERENCES people(id)   -- the head it is addressed to
);
CREATE INDEX retrieval_requests_medium ON retrieval_requests(medium_id);
CREATE INDEX retrieval_requests_approver ON retrieval_requests(approver_id);

CREATE TABLE retrieval_decisions (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES retrieval_requests(id),
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
    decided_by INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE retrieval_request_uses (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES retrieval_requests(id),
    retrieval_id INTEGER NOT NULL UNIQUE REFERENCES retrievals(id)
);

CREATE TRIGGER retrieval_requests_no_update BEFORE UPDATE ON retrieval_requests BEGIN SELECT RAISE(ABORT, 'append-only: retrieval_requests'); END;
CREATE TRIGGER retrieval_requests_no_delete BEFORE DELETE ON retrieval_requests BEGIN SELECT RAISE(ABORT, 'append-only: retrieval_requests'); END;
CREATE TRIGGER retrieval_decisions_no_update BEFORE UPDATE ON retrieval_decisions BEGIN SELECT RAISE(ABORT, 'append-only: retrieval_decisions'); END;
CREATE TRIGGER retrieval_decisions_no_delete BEFORE DELETE ON retrieval_decisions BEGIN SELECT RAISE(ABORT, 'append-only: retrieval_decisions'); END;
CREATE TRIGGER retrieval_request_uses_no_update BEFORE UPDATE ON retrieval_request_uses BEGIN SELECT RAISE(ABORT, 'append-only: retrieval_request_uses'); END;
CREATE TRIGGER retrieval_request_uses_no_delete BEFORE DELETE ON retrieval_request_uses BEGIN SELECT RAISE(ABORT, 'append-only: retrieval_request_uses'); END;
