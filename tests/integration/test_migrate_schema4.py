"""Existing databases migrate to signed events (issue 10): the demo database of the previous
version (schema 4, made by `keeper demo` at the commit before schema 5, kept gzipped in
tests/data) opens, its old entries keep their old signatures and are marked as signed under
the earlier scheme, and what is written from then on is signed by its actor."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from keeper_app.demo import DEMO_PASSWORD
from keeper_app.services import admin, custody
from keeper_app.services import people as people_svc
from keeper_app.services.session import Credential, sign_in
from keeper_app.store import audit, open_database

DATA = Path(__file__).resolve().parents[1] / "data" / "demo-schema4.sqlite.gz"


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "keeper.sqlite"
    with gzip.open(DATA, "rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _facts(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(path)
    try:
        return (
            int(con.execute("PRAGMA user_version").fetchone()[0]),
            int(con.execute("SELECT count(*) FROM audit_events").fetchone()[0]),
            int(con.execute("SELECT count(*) FROM signatures").fetchone()[0]),
        )
    finally:
        con.close()


def test_the_previous_versions_demo_database_migrates_and_verifies(old_db: Path) -> None:
    version, events, signatures = _facts(old_db)
    assert version == 4 and events > 400 and signatures > 400
    db = open_database(old_db, create=False)
    try:
        assert db.schema_version >= 5
        # the file as it was is kept beside it
        assert len(list(old_db.parent.glob("keeper.sqlite.v4.*.bak"))) == 1
        v = admin.verify_audit(db)
        assert v.ok, v.problems
        # every old event is marked as written under the earlier (unsigned) scheme; the
        # migration's own event is the first of the new one
        assert v.earlier_scheme == events and v.events == events + 1
        assert v.signatures == signatures
        last = db.conn.execute(
            "SELECT action, actor_id, scheme, payload FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        assert (last[0], last[1], last[2]) == ("schema_migrated", None, audit.SCHEME)
        people = db.conn.execute("SELECT count(*) FROM people").fetchone()[0]
        keys = db.conn.execute(
            "SELECT count(*) FROM person_keys WHERE reason='earlier'"
        ).fetchone()[0]
        assert keys == people
    finally:
        db.close()


def test_after_migrating_every_change_is_signed_and_old_signatures_still_verify(
    old_db: Path,
) -> None:
    db = open_database(old_db, create=False)
    try:
        keeper = sign_in(db, "010231", DEMO_PASSWORD)
        code = db.conn.execute(
            "SELECT code FROM media WHERE status='in_custody' ORDER BY id LIMIT 1"
        ).fetchone()[0]
        custody.set_location(keeper, code, "柜Z-09")
        seq, _h = audit.head(db.conn)
        row = db.conn.execute(
            "SELECT action, scheme, key_id, actor_sig FROM audit_events WHERE seq=?", (seq,)
        ).fetchone()
        assert row[0] == "set_location" and row[1] == audit.SCHEME and row[2] is not None
        assert row[3] is not None and len(row[3]) == 64
        # a password change makes a new key; what the keeper signed before still verifies
        # with the key held then
        people_svc.change_password(keeper, Credential("010231", DEMO_PASSWORD), "new-pass-2026x")
        custody.set_location(keeper, code, "柜Z-10")
        v = admin.verify_audit(db)
        assert v.ok, v.problems
        # the keeper's sign-in (issue 14), set_location, change_password, set_location
        assert v.signed_events == 1 + 2 + 1
        keys = db.conn.execute(
            "SELECT reason FROM person_keys WHERE person_id=? ORDER BY id", (keeper.person.id,)
        ).fetchall()
        assert [k[0] for k in keys] == ["earlier", "password_change"]
    finally:
        db.close()
