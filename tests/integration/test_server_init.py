"""``keeper server init`` on a real PostgreSQL 15 server (issue 11, point 2): the database and
its two roles; the desks work as the application role, which may do exactly what the
append-only rules allow and nothing else; the triggers refuse even the owner; running it
again is harmless."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors, sql
from server_helpers import ServerOffice, drop_all, every_row, names_for, serving, with_user

from keeper_app.services import admin, custody, lookup
from keeper_app.store import StoreError, fingerprints, latest_version, pgadmin
from keeper_app.store import open as store_open
from keeper_app.store.connection import _migrations, _statements


@pytest.fixture
def server_office(pg_url: str) -> Iterator[ServerOffice]:
    with serving(pg_url) as so:
        yield so


@pytest.fixture
def office_location(server_office: ServerOffice) -> str:
    """The conftest ``office`` fixture, bootstrapped and used through the application
    role's URL: every service a desk calls runs with the desks' privileges."""
    return server_office.app_url


def workflow(office) -> str:
    """Intake, handover, a retrieval approved by the head, a damaged return, readings."""
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    office.clock.advance(hours=1)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="裂")
    assert lookup.scan(k, d).status == "damaged" or lookup.scan(k, d).status
    lookup.register(k)
    return d


def test_the_desks_work_as_the_application_role_and_the_chain_verifies(office, server_office):
    assert office.db.conn.execute("SELECT current_user").fetchone()[0] == server_office.app
    d = workflow(office)
    r = admin.verify_audit(office.db)
    assert r.ok, r.problems
    assert r.events > 20
    # the rows are there, as the owner sees them too
    with server_office.connect(server_office.owner_url) as c:
        assert c.execute("SELECT count(*) FROM media WHERE code = %s", (d,)).fetchone()[0] == 1
        assert c.execute("SELECT current_user").fetchone()[0] == server_office.owner


def _refused(c: psycopg.Connection, statement: str) -> str:
    with pytest.raises(psycopg.Error) as exc, c.transaction():
        c.execute(statement)
    return str(getattr(exc.value.diag, "sqlstate", "")) + " " + str(exc.value)


def test_the_application_role_cannot_change_what_the_rules_protect(office, server_office):
    workflow(office)
    before = every_row(server_office.admin_url)
    with server_office.connect() as c:
        denied = [
            "UPDATE media SET code = 'X' WHERE id = (SELECT min(id) FROM media)",
            "UPDATE audit_events SET hash = 'x' WHERE seq = 1",
            "DELETE FROM audit_events WHERE seq = 1",
            "DELETE FROM media",
            "TRUNCATE audit_events",
            "TRUNCATE media CASCADE",
            "ALTER TABLE media DISABLE TRIGGER ALL",
            "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update",
            "DROP TRIGGER media_fixed_columns ON media",
            "DROP TRIGGER audit_events_no_delete ON audit_events",
            "CREATE TRIGGER planted BEFORE INSERT ON audit_events FOR EACH ROW "
            "EXECUTE FUNCTION keeper_refuse('x')",
            "CREATE TABLE planted (id int)",
            "CREATE FUNCTION planted() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "DROP TABLE audit_events",
            "ALTER TABLE media ADD COLUMN planted int",
            "UPDATE keeper_schema_version SET version = 1",
            "INSERT INTO schema_migrations VALUES (99, 'x', 'x', NULL)",
            "SELECT setval(pg_get_serial_sequence('media', 'id'), 1)",
        ]
        for statement in denied:
            said = _refused(c, statement)
            assert said.startswith("42501"), (statement, said)  # insufficient_privilege
            assert "permission denied" in said or "must be owner" in said, (statement, said)
        # what may move does: a medium's status, location and seal (a no-op here)
        c.execute("UPDATE media SET status = status, location = location, seal_no = seal_no")
    assert every_row(server_office.admin_url) == before
    r = admin.verify_audit(office.db)
    assert r.ok, r.problems


def test_the_triggers_refuse_even_the_owner(office, server_office):
    workflow(office)
    before = every_row(server_office.admin_url)
    with server_office.connect(server_office.owner_url) as c:
        for statement in (
            "UPDATE media SET code = 'X' WHERE id = (SELECT min(id) FROM media)",
            "UPDATE audit_events SET hash = 'x' WHERE seq = 1",
            "DELETE FROM audit_events WHERE seq = 1",
            "DELETE FROM media",
            "TRUNCATE audit_events",
            "UPDATE cases SET case_no = 'X'",
            "DELETE FROM people",
        ):
            said = _refused(c, statement)
            assert said.startswith("23001"), (statement, said)  # keeper_refuse's
    assert every_row(server_office.admin_url) == before


def test_init_again_is_harmless_and_changes_no_row(office, server_office):
    workflow(office)
    before = every_row(server_office.admin_url)
    with server_office.connect(server_office.admin_url) as c:
        grants_before = pgadmin.granted(c, server_office.app)
    again = pgadmin.init(server_office.admin_url, server_office.owner, server_office.app)
    assert again.created_roles == [] and not again.created_database
    assert not again.password_set
    assert again.from_version == again.version == latest_version()
    with server_office.connect(server_office.admin_url) as c:
        assert pgadmin.granted(c, server_office.app) == grants_before
    assert every_row(server_office.admin_url) == before
    # the desk's connection (opened before) goes on working
    workflow(office)
    assert admin.verify_audit(office.db).ok


# -------------------------------------------------------------- the role matrix, derived
def _rules_from_the_migrations() -> tuple[dict[str, list[str]], dict[str, dict[str, object]]]:
    """The tables and the append-only rules as the sqlite migrations state them, read here
    with the test's own parsing (not pgadmin's): table -> columns; table -> {"update": None
    (no rule) | "all" | fixed columns, "delete": refused}."""
    mem = sqlite3.connect(":memory:")
    for _n, _name, text in _migrations():
        for statement in _statements(text):
            mem.execute(statement)
    mem.execute(fingerprints.CREATE)  # the migrations' fingerprints: the schema's bookkeeping
    tables = {
        t: [r[1] for r in mem.execute(f"PRAGMA table_info({t})")]
        for (t,) in mem.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    rules: dict[str, dict[str, object]] = {t: {"update": None, "delete": False} for t in tables}
    for tbl, text in mem.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type='trigger'"):
        assert "RAISE(ABORT" in text.replace(" ", ""), text
        m = re.search(r"BEFORE\s+(UPDATE|DELETE)(?:\s+OF\s+(.*?))?\s+ON\s", text, re.S | re.I)
        assert m is not None, text
        if m.group(1).upper() == "DELETE":
            rules[tbl]["delete"] = True
        elif m.group(2):
            fixed = {c.strip() for c in m.group(2).split(",")}
            prior = rules[tbl]["update"]
            if prior != "all":
                rules[tbl]["update"] = fixed | (prior if isinstance(prior, set) else set())
        else:
            rules[tbl]["update"] = "all"
    return tables, rules


def test_the_application_role_holds_exactly_the_derived_privileges(server_office):
    tables, rules = _rules_from_the_migrations()
    app = server_office.app
    with server_office.connect(server_office.admin_url) as admin_c:
        on_server = {
            r[0]
            for r in admin_c.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
        assert on_server == set(tables) | {"keeper_schema_version"}
        db = server_office.database
        # nothing on the database but CONNECT, nothing on the schema but USAGE
        for priv, want in (("CONNECT", True), ("CREATE", False), ("TEMPORARY", False)):
            assert (
                admin_c.execute(
                    "SELECT has_database_privilege(%s, %s, %s)", (app, db, priv)
                ).fetchone()[0]
                is want
            ), priv
        assert admin_c.execute(
            "SELECT has_schema_privilege(%s, 'public', 'USAGE'), "
            "has_schema_privilege(%s, 'public', 'CREATE')",
            (app, app),
        ).fetchone() == (True, False)
        # any other role of the cluster: not even CONNECT, nothing on any table
        admin_c.execute(f"CREATE ROLE nobody_{db} LOGIN")
        try:
            assert not admin_c.execute(
                "SELECT has_database_privilege(%s, %s, 'CONNECT')", (f"nobody_{db}", db)
            ).fetchone()[0]
            for t in on_server:
                for priv in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                    assert not admin_c.execute(
                        "SELECT has_table_privilege(%s, %s, %s)", (f"nobody_{db}", t, priv)
                    ).fetchone()[0], (t, priv)
        finally:
            admin_c.execute(f"DROP ROLE nobody_{db}")
        for t in on_server:
            for priv in ("TRUNCATE", "REFERENCES", "TRIGGER"):
                assert not admin_c.execute(
                    "SELECT has_table_privilege(%s, %s, %s)", (app, t, priv)
                ).fetchone()[0], (t, priv)
        sequences = [
            r[0]
            for r in admin_c.execute(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
            )
        ]
        assert len(sequences) >= len(tables) - 5
        for s in sequences:
            assert admin_c.execute(
                "SELECT has_sequence_privilege(%s, %s, 'USAGE'), "
                "has_sequence_privilege(%s, %s, 'UPDATE'), "
                "has_sequence_privilege(%s, %s, 'SELECT')",
                (app, s, app, s, app, s),
            ).fetchone() == (True, False, False), s

    # what the server lets the application role do, probed statement by statement
    bookkeeping = {"schema_migrations", "keeper_schema_version"}
    tables["keeper_schema_version"] = ["version"]
    with server_office.connect() as c:

        def allowed(statement: str) -> bool:
            try:
                with c.transaction():
                    c.execute(statement)
                return True
            except errors.InsufficientPrivilege:
                return False

        for t, cols in sorted(tables.items()):
            table = sql.Identifier(t).as_string(c)
            assert allowed(f"SELECT * FROM {table} LIMIT 0"), t
            rule = rules.get(t, {"update": "all", "delete": True})
            writes = t not in bookkeeping
            assert allowed(f"INSERT INTO {table} SELECT * FROM {table} WHERE false") is writes, t
            assert allowed(f"DELETE FROM {table} WHERE false") is (writes and not rule["delete"]), t
            for col in cols:
                if not writes or rule["update"] == "all":
                    want = False
                elif isinstance(rule["update"], set):
                    want = col not in rule["update"]
                else:
                    want = True
                column = sql.Identifier(col).as_string(c)
                got = allowed(f"UPDATE {table} SET {column} = {column} WHERE false")
                assert got is want, (t, col, want)
            assert not allowed(f"TRUNCATE {table}"), t
    # the tables a desk updates at all: what Keeper's code updates
    movable = {
        t: sorted(c for c in cols if rules[t]["update"] is None or c not in rules[t]["update"])
        for t, cols in tables.items()
        if t in rules and rules[t]["update"] != "all" and t not in bookkeeping
    }
    assert {"status", "location", "seal_no"} <= set(movable["media"])
    assert "code" not in movable["media"] and "case_no" not in movable["cases"]
    assert "audit_events" not in movable and "signatures" not in movable


# -------------------------------------------------------------- refusals, the command
def test_a_database_with_another_collation_is_refused_and_left_alone(pg_url):
    db, owner, app = names_for(pg_url)
    other = pgadmin.with_database(pg_url, db + "_r")
    with psycopg.connect(pgadmin.with_database(pg_url, "postgres"), autocommit=True) as c:
        c.execute(
            f"CREATE DATABASE {db}_r TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8'"
        )
    try:
        with pytest.raises(pgadmin.AdminError, match="collation C.utf8.*byte by byte"):
            pgadmin.init(other, owner, app, app_password=lambda: "a-long-password-1")
        with psycopg.connect(other, autocommit=True) as c:
            assert (
                c.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[
                    0
                ]
                == 0
            )
    finally:
        drop_all(pg_url, db, owner, app)


def test_the_server_s_own_database_is_refused(pg_url):
    with pytest.raises(pgadmin.AdminError, match="the server's own database"):
        pgadmin.init(pgadmin.with_database(pg_url, "postgres"), app_password=lambda: "x" * 12)


def test_an_application_role_with_powers_is_refused(pg_url):
    db, owner, app = names_for(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute(f"CREATE ROLE {app} LOGIN CREATEDB")
    try:
        with pytest.raises(pgadmin.AdminError, match="CREATEDB"):
            pgadmin.init(pg_url, owner, app, app_password=lambda: "a-long-password-1")
        with psycopg.connect(pg_url, autocommit=True) as c:
            assert (
                c.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (owner,)).fetchone() is None
            )
    finally:
        drop_all(pg_url, db, owner, app)


def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


def test_the_command_creates_the_database_and_prints_the_desks_url(pg_url, tmp_path):
    db, owner, app = names_for(pg_url)
    fresh = pgadmin.with_database(pg_url, db + "_r")  # not there yet: init creates it
    pwfile = tmp_path / "app-password"
    pwfile.write_text("the-desks-password-1\n")
    pwfile.chmod(0o644)
    refused = run(
        [sys.executable, "-m", "keeper_app.cli", "server", "init", fresh, "--app-role", app]
        + ["--owner", owner, "--app-password-file", str(pwfile)]
    )
    assert refused.returncode == 1 and "readable by others" in refused.stderr
    pwfile.chmod(0o600)
    cmd = [sys.executable, "-m", "keeper_app.cli", "server", "init", fresh]
    cmd += ["--owner", owner, "--app-role", app, "--app-password-file", str(pwfile)]
    try:
        out = subprocess.run(
            cmd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
        )
        assert out.returncode == 0, out.stderr
        assert f"created the database {db}_r" in out.stdout
        assert f"created the owner role {owner}" in out.stdout
        desk = re.search(r"--db (\S+)", out.stdout)
        assert desk is not None and desk.group(1).startswith(f"postgresql://{app}@127.0.0.1:")
        assert "the-desks-password-1" not in out.stdout + out.stderr
        assert desk.group(1).endswith(f"/{db}_r")
        with psycopg.connect(fresh, autocommit=True) as c:
            assert c.execute(
                "SELECT datcollate, datctype, pg_get_userbyid(datdba) FROM pg_database "
                "WHERE datname = current_database()"
            ).fetchone() == ("C", "C", owner)
        # the desk's URL with the password signs in (SCRAM over TCP)

        with psycopg.connect(with_user(fresh, app, "the-desks-password-1")) as c:
            assert c.execute("SELECT current_user").fetchone()[0] == app
        # again, without a password: the role exists, nothing is asked
        again = subprocess.run(
            cmd[:-2], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
        )
        assert again.returncode == 0, again.stderr
        assert "the schema was up to date" in again.stdout
        assert "created" not in again.stdout
        # a new role, and no password anywhere: refused, nothing made
        refused = run(cmd[:6] + ["--owner", owner, "--app-role", app + "_x"])
        assert refused.returncode != 0
        assert "--app-password-file" in refused.stderr
    finally:
        drop_all(pg_url, db, owner, app, app + "_x")


def test_a_desk_on_an_older_schema_is_told_to_run_server_init(server_office):
    with server_office.connect(server_office.owner_url) as c:
        c.execute("UPDATE keeper_schema_version SET version = version - 1")
    try:
        with pytest.raises(StoreError, match=r"keeper server init .*keeper_t_"):
            store_open(server_office.app_url)
    finally:
        with server_office.connect(server_office.owner_url) as c:
            c.execute("UPDATE keeper_schema_version SET version = version + 1")
    store_open(server_office.app_url).close()


def test_a_schema_made_before_by_the_administrator_is_given_to_the_owner(pg_url):
    """The database was migrated by the superuser (a desk opening it with migrate): init
    gives Keeper's objects to the owner, and the desks work with the application role."""
    store_open(pg_url, migrate=True).close()
    with serving(pg_url) as so:
        with so.connect(pg_url) as c:
            owners = {
                r[0]
                for r in c.execute(
                    "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class c JOIN "
                    "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                    "AND c.relkind IN ('r', 'S')"
                )
            }
        assert owners == {so.owner}
        assert any("gave" in line and "objects" in line for line in so.report.done)
        db = store_open(so.app_url)
        try:
            with db.transaction() as conn:  # a desk may write: a sign-in's bookkeeping row
                conn.execute("SELECT count(*) FROM people").fetchone()
            assert admin.verify_audit(db).ok
        finally:
            db.close()


def test_an_administrator_with_createrole_and_createdb_sets_up_the_same_grants(pg_url):
    """Not only a superuser: a role with CREATEROLE and CREATEDB sets up an office; it is made
    a member of the owner to act as it, and the grants are the derived ones."""
    db, owner, app = names_for(pg_url)
    dba = f"dba_{db}"
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute(f"CREATE ROLE {dba} LOGIN CREATEROLE CREATEDB PASSWORD 'dba-password-1'")
    try:
        url = with_user(pgadmin.with_database(pg_url, db + "_r"), dba, "dba-password-1")
        rep = pgadmin.init(url, owner, app, app_password=lambda: "a-long-password-1")
        assert rep.created_database and f"made {dba} a member of {owner} (to act as it)" in rep.done
        with psycopg.connect(pgadmin.as_role(url, owner), autocommit=True) as c:
            held = pgadmin.granted(c, app)
        for t, g in pgadmin.derive_grants().items():
            assert held.pop(t) == g.privileges(), t
        assert held and all(privs == {("USAGE", None)} for privs in held.values()), held
    finally:
        drop_all(pg_url, db, owner, app, dba)


def test_the_desks_url_keeps_the_server_and_tls_and_drops_the_administrator():
    assert (
        pgadmin.app_url(
            "postgresql://postgres:secret@db.office.lan:5433/keeper?sslmode=verify-full"
            "&sslrootcert=/etc/keeper/ca.crt&options=-c%20role%3Dx",
            "keeper_app",
        )
        == "postgresql://keeper_app@db.office.lan:5433/keeper?sslmode=verify-full"
        "&sslrootcert=%2Fetc%2Fkeeper%2Fca.crt"
    )
    # the administrator on the server's own socket: the desks use the server's name
    socket_url = pgadmin.app_url("postgresql://postgres@/keeper?host=/run/pg&port=5439", "k")
    assert re.fullmatch(r"postgresql://k@[^/@:]+:5439/keeper", socket_url), socket_url
    assert pgadmin.as_role("postgresql://a@h/k?sslmode=require", "o") == (
        "postgresql://a@h/k?sslmode=require&options=-c%20role%3Do"
    )
