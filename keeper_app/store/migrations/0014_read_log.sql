-- Keeper schema (issue 14, "reading is scoped and logged"): every view, list, print and
-- export of case data and every successful sign-in is a signed audit event ("read",
-- "sign_in") that writes no row. A department head's report of who read what reads those
-- events by action and date: this index keeps it from reading the whole chain.
CREATE INDEX IF NOT EXISTS audit_events_action_at ON audit_events(action, at);
