"""Setting up an office's PostgreSQL server (``keeper server init``): the database, its two
roles, the schema, and the application role's privileges.

- the **owner** role (default ``keeper_owner``, NOLOGIN unless given a password) owns the
  database, the schema's tables, sequences and the refusing function, and runs the
  migrations; the administrator acts as it (``SET ROLE``);
- the **application** role (default ``keeper_app``, LOGIN, SCRAM-SHA-256 password) is what
  every desk signs in to the server with. Its privileges are derived, mechanically, from the
  one schema source — the sqlite migrations' append-only triggers (:func:`derive_grants`):
  SELECT and INSERT on every table; UPDATE only on the columns no trigger refuses to change
  (none on a table refusing every UPDATE); DELETE only where no trigger refuses it; USAGE on
  the identity sequences; nothing else (no TRUNCATE, TRIGGER, REFERENCES, no CREATE on the
  schema, no ALTER or DROP: those are the owner's). The triggers refuse even the owner.

Running it again is harmless and is also the upgrade: it migrates to this Keeper's schema
and derives the grants again. Nothing here is used by a desk."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from . import fingerprints, pg, pgdb, pgsql
from .connection import StoreError, _migrations

DEFAULT_OWNER = "keeper_owner"
DEFAULT_APP = "keeper_app"
#: tables the application reads but never writes: the schema's own bookkeeping
SCHEMA_TABLES = (pg.VERSION_TABLE, fingerprints.TABLE)
#: a name Keeper accepts for a database or a role (no quoting needed, none surprising)
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class AdminError(StoreError):
    """The server cannot be set up as asked; nothing of this step was changed."""


@dataclass(frozen=True)
class TableGrant:
    """What the application role may do on one table."""

    table: str
    columns: frozenset[str]
    insert: bool
    update: frozenset[str]  # the columns it may UPDATE (empty: none; all: the whole table)
    delete: bool

    def privileges(self) -> set[tuple[str, str | None]]:
        """(privilege, column or None for the whole table), as :func:`granted` reads them."""
        out: set[tuple[str, str | None]] = {("SELECT", None)}
        if self.insert:
            out.add(("INSERT", None))
        if self.delete:
            out.add(("DELETE", None))
        if self.update == self.columns:
            out.add(("UPDATE", None))
        else:
            out |= {("UPDATE", c) for c in self.update}
        return out


def derive_grants(version: int | None = None) -> dict[str, TableGrant]:
    """The application role's privileges on every table of Keeper's schema ``version``
    (default: this Keeper's), from the migrations' append-only rules."""
    migrations = _migrations()
    want = pgdb._expected(tuple(migrations), len(migrations) if version is None else version)
    tables: dict[str, list[str]] = want["tables"]
    no_update: set[str] = set()
    fixed: dict[str, set[str]] = {}
    no_delete: set[str] = set()
    for rule in want["rules"]:
        if rule.event == "DELETE":
            no_delete.add(rule.table)
        elif rule.event == "UPDATE" and rule.columns:
            fixed.setdefault(rule.table, set()).update(rule.columns)
        elif rule.event == "UPDATE":
            no_update.add(rule.table)
    out: dict[str, TableGrant] = {}
    for t, cols in tables.items():
        every = frozenset(cols)
        if t in SCHEMA_TABLES:
            out[t] = TableGrant(t, every, False, frozenset(), False)
            continue
        movable = frozenset() if t in no_update else every - fixed.get(t, set())
        out[t] = TableGrant(t, every, True, movable, t not in no_delete)
    out[pg.VERSION_TABLE] = TableGrant(
        pg.VERSION_TABLE, frozenset({"version"}), False, frozenset(), False
    )
    return out


# -- URLs ---------------------------------------------------------------------------------


def database_of(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name:
        raise AdminError(f"{pg.safe_url(url)} names no database: add it, e.g. …:5432/keeper")
    return name


def with_database(url: str, name: str) -> str:
    p = urlsplit(url)
    return urlunsplit((p.scheme, p.netloc, "/" + name, p.query, p.fragment))


def as_role(url: str, role: str) -> str:
    """The administrator's URL acting as ``role`` from the start of each session (and of
    every reconnection): libpq's ``options=-c role=…``."""
    p = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(p.query) if k != "options"]
    query.append(("options", f"-c role={role}"))
    return urlunsplit((p.scheme, p.netloc, p.path, urlencode(query, quote_via=quote), p.fragment))


def app_url(url: str, app: str) -> str:
    """What each desk configures: the server and database of ``url``, the application
    role, no password (each desk is asked, or keeps it in its settings), the TLS settings
    of ``url`` kept."""
    p = urlsplit(url)
    host = p.hostname or ""
    if not host:  # the administrator on the server's own socket: the desks use its name
        given = dict(parse_qsl(p.query)).get("host", "")
        host = given if given and not given.startswith("/") else socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"
    port = p.port or dict(parse_qsl(p.query)).get("port")
    if port:
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(p.query) if k.startswith("ssl")]
    return urlunsplit((p.scheme, f"{app}@{host}", p.path, urlencode(query), ""))


# -- the set-up -----------------------------------------------------------------------------


@dataclass
class InitReport:
    database: str
    owner: str
    app: str
    created_database: bool = False
    created_roles: list[str] = field(default_factory=list)
    password_set: bool = False
    from_version: int = 0
    version: int = 0
    tables: int = 0
    app_url: str = ""
    done: list[str] = field(default_factory=list)


@contextmanager
def _connect(url: str) -> Iterator[Any]:
    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=pg.CONNECT_TIMEOUT_S)
    except psycopg.OperationalError as exc:
        raise pg.unreachable(url, exc, during="connect") from exc
    try:
        yield conn
    except psycopg.Error as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise AdminError(f"the server {pg.safe_url(url)} refused: {detail}") from exc
    finally:
        conn.close()


def _role(conn: Any, name: str) -> tuple[Any, ...] | None:
    r: tuple[Any, ...] | None = conn.execute(
        "SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication, rolcanlogin"
        " FROM pg_roles WHERE rolname = %s",
        (name,),
    ).fetchone()
    return r


def init(
    url: str,
    owner: str = DEFAULT_OWNER,
    app: str = DEFAULT_APP,
    app_password: Callable[[], str] | None = None,
    owner_password: str | None = None,
    ask_app_password: Callable[[], str] | None = None,
) -> InitReport:
    """Set up (or bring up to date) the office database ``url`` names, connecting with the
    administrator's ``url``. ``app_password``: given, it is the application role's password
    (a new one if the role exists); else ``ask_app_password`` is called, only when the role
    is new — before anything is changed."""
    from psycopg import sql

    db = database_of(url)
    for what, name in (("database", db), ("owner role", owner), ("application role", app)):
        if not _NAME.match(name):
            raise AdminError(
                f"the {what} name {name!r} is not one Keeper uses: lower-case letters, digits "
                "and _, starting with a letter or _"
            )
    if owner == app:
        raise AdminError("the owner and the application role must be two different roles")
    if db in ("postgres", "template0", "template1"):
        raise AdminError(f"{db} is the server's own database: name the office's, e.g. …/keeper")
    rep = InitReport(db, owner, app)
    maintenance = with_database(url, "postgres")
    with _connect(maintenance) as c:
        me = c.execute("SELECT current_user").fetchone()[0]
        mine = _role(c, me)
        assert mine is not None
        superuser = bool(mine[0])
        if not superuser and not (mine[1] and mine[2]):
            raise AdminError(
                f"the role {me} may not set up an office: connect as a superuser (postgres), "
                "or as a role with CREATEROLE and CREATEDB"
            )
        if me in (owner, app):
            raise AdminError(
                f"connect as the server's administrator, not as Keeper's own role {me}"
            )
        _check_app_role(c, app, owner)
        app_is_new = _role(c, app) is None
        source = app_password or (ask_app_password if app_is_new else None)
        if app_is_new and source is None:
            raise AdminError(f"the application role {app} is new: give its password")
        new_app_password = source() if source is not None else None
        # the roles
        if _role(c, owner) is None:
            login = (
                sql.SQL("LOGIN PASSWORD {}").format(sql.Literal(_scram(c, owner, owner_password)))
                if owner_password
                else sql.SQL("NOLOGIN")
            )
            c.execute(
                sql.SQL("CREATE ROLE {} {} NOSUPERUSER NOCREATEDB NOCREATEROLE").format(
                    sql.Identifier(owner), login
                )
            )
            rep.created_roles.append(owner)
            rep.done.append(f"created the owner role {owner}")
        elif owner_password:
            c.execute(
                sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(owner), sql.Literal(_scram(c, owner, owner_password))
                )
            )
            rep.done.append(f"set a new password for the owner role {owner}")
        if new_app_password is not None:
            verb = "CREATE" if app_is_new else "ALTER"
            c.execute(
                sql.SQL(
                    "{} ROLE {} LOGIN PASSWORD {} NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    "NOREPLICATION NOBYPASSRLS"
                ).format(
                    sql.SQL(verb),
                    sql.Identifier(app),
                    sql.Literal(_scram(c, app, new_app_password)),
                )
            )
            rep.password_set = True
            if app_is_new:
                rep.created_roles.append(app)
                rep.done.append(f"created the application role {app} (LOGIN, SCRAM-SHA-256)")
            else:
                rep.done.append(f"set a new password for the application role {app}")
        if (
            not superuser
            and not c.execute(
                "SELECT pg_has_role(current_user, %s, 'MEMBER')", (owner,)
            ).fetchone()[0]
        ):
            c.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(owner), sql.Identifier(me)))
            rep.done.append(f"made {me} a member of {owner} (to act as it)")
        # the database
        found = c.execute(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype, datlocprovider, "
            "pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s",
            (db,),
        ).fetchone()
        if found is None:
            c.execute(
                sql.SQL(
                    "CREATE DATABASE {} OWNER {} TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C' LC_CTYPE 'C'"
                ).format(sql.Identifier(db), sql.Identifier(owner))
            )
            rep.created_database = True
            rep.done.append(f"created the database {db} (UTF8, collation C: sqlite's byte order)")
        else:
            _check_collation(db, found)
            if found[4] != owner:
                c.execute(
                    sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                        sql.Identifier(db), sql.Identifier(owner)
                    )
                )
                rep.done.append(f"gave the database {db} to {owner} (it was {found[4]}'s)")
        c.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(db)))
        c.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(db), sql.Identifier(app)
            )
        )
    with _connect(url) as c:
        _give_to_owner(c, owner, rep)
        c.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        c.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(sql.Identifier(app)))
    # the schema, as the owner: migrated to this Keeper's, checked
    owner_url = as_role(url, owner)
    with _connect(owner_url) as c:
        rep.from_version = _version(c)
    database = pgdb.open_server(owner_url, migrate=True)
    try:
        rep.version = database.schema_version
    finally:
        database.close()
    if rep.version != rep.from_version:
        rep.done.append(
            f"migrated the schema from version {rep.from_version} to {rep.version}"
            if rep.from_version
            else f"made Keeper's schema, version {rep.version}"
        )
    with _connect(owner_url) as c:
        rep.tables = grant(c, app, rep.version)
    rep.done.append(
        f"granted {app} what the append-only rules allow on {rep.tables} tables, and revoked "
        "everything else"
    )
    rep.app_url = app_url(url, app)
    return rep


def _scram(conn: Any, role: str, password: str | None) -> str:
    """The SCRAM-SHA-256 verifier, computed here: the password itself never reaches the
    server (nor its log)."""
    if not password:
        raise AdminError(f"the password of {role} is empty")
    out: bytes = conn.pgconn.encrypt_password(
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256"
    )
    return out.decode("ascii")


def _check_app_role(conn: Any, app: str, owner: str) -> None:
    found = _role(conn, app)
    if found is None:
        return
    powers = [
        name
        for name, on in zip(
            ("SUPERUSER", "CREATEROLE", "CREATEDB", "BYPASSRLS", "REPLICATION"),
            found[:5],
            strict=False,
        )
        if on
    ]
    if powers:
        raise AdminError(
            f"the role {app} exists with {', '.join(powers)}: the desks' role must have none of "
            "these (the append-only rules would not hold against it); choose another name "
            "with --app-role, or remove them"
        )
    if (
        _role(conn, owner) is not None
        and conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (app, owner)).fetchone()[0]
    ):
        raise AdminError(
            f"the role {app} is a member of the owner role {owner}: the desks could then alter "
            "and drop the schema; revoke that membership first"
        )


def _check_collation(db: str, found: tuple[Any, ...]) -> None:
    encoding, collate, ctype, provider = found[:4]
    if (
        encoding != "UTF8"
        or provider != "c"
        or collate not in ("C", "POSIX")
        or ctype
        not in (
            "C",
            "POSIX",
        )
    ):
        raise AdminError(
            f"the database {db} exists with encoding {encoding}, collation {collate}, ctype "
            f"{ctype} (provider {'libc' if provider == 'c' else 'ICU'}): Keeper needs UTF8 with "
            "the C collation, so that text sorts and compares byte by byte as in a sqlite file "
            "(register lists, codes, the unique constraints); nothing was changed. Name a new "
            "database and Keeper creates it so, or create it with TEMPLATE template0 ENCODING "
            "'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        )


def _version(conn: Any) -> int:
    r = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name = %s",
        (pg.VERSION_TABLE,),
    ).fetchone()
    if r is None:
        return 0
    r = conn.execute(f"SELECT version FROM {pg.VERSION_TABLE}").fetchone()
    return 0 if r is None else int(r[0])


def _give_to_owner(conn: Any, owner: str, rep: InitReport) -> None:
    """Keeper's objects made by another role (a schema migrated by the administrator
    before ``server init``) become the owner's, and so does the schema ``public``."""
    from psycopg import sql

    want = set(derive_grants()) | {pg.VERSION_TABLE}
    rows = conn.execute(
        "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'"
    ).fetchall()
    moved = 0
    for name, who in rows:
        if name in want and who != owner:
            conn.execute(
                sql.SQL("ALTER TABLE {} OWNER TO {}").format(
                    sql.Identifier(name), sql.Identifier(owner)
                )
            )
            moved += 1
    fn = conn.execute(
        "SELECT pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n ON "
        "n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = %s",
        (pgsql.REFUSE_FUNCTION,),
    ).fetchone()
    if fn is not None and fn[0] != owner:
        conn.execute(
            sql.SQL("ALTER FUNCTION {}() OWNER TO {}").format(
                sql.Identifier(pgsql.REFUSE_FUNCTION), sql.Identifier(owner)
            )
        )
        moved += 1
    if moved:
        rep.done.append(f"gave {moved} of Keeper's objects made by other roles to {owner}")
    schema_owner = conn.execute(
        "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"
    ).fetchone()[0]
    if schema_owner not in (owner, "pg_database_owner"):
        conn.execute(sql.SQL("ALTER SCHEMA public OWNER TO {}").format(sql.Identifier(owner)))
        rep.done.append(f"gave the schema public to {owner} (it was {schema_owner}'s)")


def grant(conn: Any, app: str, version: int) -> int:
    """As the owner, in one transaction: revoke everything from PUBLIC and ``app`` on the
    schema's tables, sequences and function, then grant ``app`` what :func:`derive_grants`
    derives. Returns the number of tables."""
    from psycopg import sql

    grants = derive_grants(version)
    role = sql.Identifier(app)
    identity = dict(identity_columns(conn))
    with conn.transaction():
        for kind in ("TABLES", "SEQUENCES"):
            conn.execute(
                sql.SQL("REVOKE ALL ON ALL {} IN SCHEMA public FROM PUBLIC, {}").format(
                    sql.SQL(kind), role
                )
            )
        conn.execute(
            sql.SQL("REVOKE ALL ON FUNCTION {}() FROM PUBLIC").format(
                sql.Identifier(pgsql.REFUSE_FUNCTION)
            )
        )
        for t, g in sorted(grants.items()):
            table = sql.Identifier(t)
            privs = ["SELECT"] + (["INSERT"] if g.insert else []) + (["DELETE"] if g.delete else [])
            conn.execute(
                sql.SQL("GRANT {} ON {} TO {}").format(sql.SQL(", ".join(privs)), table, role)
            )
            if g.update == g.columns:
                conn.execute(sql.SQL("GRANT UPDATE ON {} TO {}").format(table, role))
            elif g.update:
                cols = sql.SQL(", ").join(sql.Identifier(c) for c in sorted(g.update))
                conn.execute(sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(cols, table, role))
            if g.insert and t in identity:
                seq = conn.execute(
                    "SELECT pg_get_serial_sequence(%s, %s)", (t, identity[t])
                ).fetchone()[0]
                conn.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(sql.SQL(seq), role))
    return len(grants)


def identity_columns(conn: Any) -> list[tuple[str, str]]:
    """(table, column) of every identity column of the schema (``conn``: a psycopg
    connection)."""
    rows = conn.execute(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
        "AND a.attidentity <> '' AND NOT a.attisdropped ORDER BY 1"
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def granted(conn: Any, role: str) -> dict[str, set[tuple[str, str | None]]]:
    """What ``role`` holds on the schema's tables, as the catalogs say: table -> {(privilege,
    None for the whole table or the column)}; and sequences under their own names."""
    out: dict[str, set[tuple[str, str | None]]] = {}
    for rel, priv in conn.execute(
        "SELECT c.relname, a.privilege_type FROM pg_class c JOIN pg_namespace n ON n.oid = "
        "c.relnamespace, aclexplode(c.relacl) a WHERE n.nspname = 'public' AND c.relkind IN "
        "('r', 'S') AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = %s)",
        (role,),
    ):
        out.setdefault(str(rel), set()).add((str(priv), None))
    for rel, col, priv in conn.execute(
        "SELECT c.relname, att.attname, a.privilege_type FROM pg_attribute att JOIN pg_class c "
        "ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, "
        "aclexplode(att.attacl) a WHERE n.nspname = 'public' AND att.attacl IS NOT NULL AND "
        "a.grantee = (SELECT oid FROM pg_roles WHERE rolname = %s)",
        (role,),
    ):
        out.setdefault(str(rel), set()).add((str(priv), str(col)))
    return out


# -- acting on a set-up office ----------------------------------------------------------


def owner_url(url: str) -> str:
    """``url`` (the administrator's, or the owner's) acting as the office database's owner:
    refused if the database has no Keeper schema yet, or the role may not act as it."""
    with _connect(url) as c:
        owner, me, member, version = c.execute(
            "SELECT pg_get_userbyid(d.datdba), current_user, "
            "pg_has_role(current_user, d.datdba, 'MEMBER') FROM pg_database d "
            "WHERE d.datname = current_database()"
        ).fetchone() + (_version(c),)
    if version == 0:
        raise AdminError(
            f"the database {pg.safe_url(url)} holds no Keeper schema: set it up first with "
            f"'keeper server init {pg.safe_url(url)}'"
        )
    if me == owner:
        return url
    if not member:
        raise AdminError(
            f"{me} may not act as the office database's owner {owner}: use the URL of the "
            "server's administrator (the one 'keeper server init' was run with)"
        )
    return as_role(url, owner)


def app_role_of(url: str) -> str:
    """The application role of the office database ``url`` names (the role other than its
    owner that may add audit events)."""
    with _connect(url) as c:
        r = c.execute(
            "SELECT pg_get_userbyid(a.grantee) FROM pg_class c JOIN pg_namespace n ON "
            "n.oid = c.relnamespace, aclexplode(c.relacl) a WHERE n.nspname = 'public' AND "
            "c.relname = 'audit_events' AND a.privilege_type = 'INSERT' AND a.grantee <> "
            "c.relowner ORDER BY 1 LIMIT 1"
        ).fetchone()
    return str(r[0]) if r is not None else DEFAULT_APP
