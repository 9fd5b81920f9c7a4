"""``keeper audit verify`` of an office server checks it as it is (issue 11, with issue 10
point 6): a database behind this Keeper's schema is not migrated by the check."""

from __future__ import annotations

from keeper_app.services import admin
from keeper_app.store import pg, pgdb
from keeper_app.store.connection import _migrations


def test_verifying_a_server_behind_this_keepers_schema_migrates_nothing(pg_url: str) -> None:
    migrations = _migrations()
    db = pgdb.PgDatabase(pg.PgConnection(pg_url), pg_url)
    try:
        pgdb._migrate(db, migrations[:-1])  # an office one migration behind
        assert db.schema_version == len(migrations) - 1
        r = admin.verify_audit_file(pg_url)
        assert r.ok and r.events == 0, r.problems
        assert db.schema_version == len(migrations) - 1
    finally:
        db.close()
