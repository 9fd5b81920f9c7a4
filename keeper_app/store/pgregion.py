"""The regional copy (issue 11, the regional step): offices publish their database by
PostgreSQL 15's logical replication; a regional cluster subscribes, one database per office,
and only reads. ``keeper audit verify`` on a regional database verifies that office's chain.

Layout and why (docs/regional.md says it for the administrators):

- **One database per office on the regional cluster** (``keeper_<office>``). Logical
  replication matches tables by their schema-qualified name, and every office has the same
  tables (``public.media``…) with overlapping ids: two offices cannot share one table, nor
  one database. A schema per office would need each office to keep its tables under that
  schema's name at home as well; a database per office needs nothing of the kind, and each
  regional database is exactly an office database that ``keeper audit verify`` reads as it
  reads the office's own.
- **The schema is Keeper's**, made on the regional database by Keeper's own migrations
  (the same pinned schema, append-only triggers included), before the subscription copies
  the rows. Its schema bookkeeping (:data:`NOT_SENT`) is its own, so is never replicated.
- **Everything the chain anchors is sent, unfiltered.** Every row of every table is
  anchored by its hash over all its columns (``canonical.row_hash``), and the chain needs
  every event: a row filter or a column list on any of them (people's password verifiers
  and encrypted keys, the sign-in bookkeeping…) would make the copy fail verification by
  design. So no row filter, no column list: the regional copy must be guarded like the
  office database (it is a full copy, as a backup is).
- **Only INSERT and UPDATE are published** (``publish = 'insert, update'``). Keeper never
  deletes nor truncates a row; a DELETE or TRUNCATE at an office is always a change behind
  Keeper's back, and the region keeps the row as it was (the office's verify names the
  row; the regional copy still has it). UPDATEs must replicate: a medium's status, location
  and seal and a case's status move, each move anchored anew by its event.
- **The region never writes**: its readers' role has SELECT only; Keeper's append-only
  triggers stay on the regional tables for any local write (the replication apply worker
  runs with ``session_replication_role = replica``, so ordinary triggers — ENABLE, not
  ENABLE ALWAYS — do not fire for the office's rows, as they must not: the office's own
  triggers already judged them, and an insider's change that passed them there must arrive
  as it is, to be caught by verify).

Creating a publication for a list of tables needs the tables' owner or a superuser, a
REPLICATION role and a subscription need a superuser (PostgreSQL 15): both commands take
the administrator's URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from . import fingerprints, pg
from .connection import StoreError

#: the publication every office makes, of every table but :data:`NOT_SENT`
PUBLICATION = "keeper_region"
#: each side's own schema bookkeeping: the regional database's migrations write them
NOT_SENT = (pg.VERSION_TABLE, fingerprints.TABLE)
#: what the publication sends (no DELETE, no TRUNCATE: Keeper never does either)
PUBLISH = "insert, update"
#: the office's role the regional cluster connects as (REPLICATION, SELECT on the tables)
DEFAULT_SENDER = "keeper_region_sender"
#: the regional cluster's group role of the readers (SELECT only, on every office database)
DEFAULT_READER = "keeper_region_reader"
#: a regional database is this prefix and the office's name; its subscription, SUB_PREFIX
DB_PREFIX = "keeper_"
SUB_PREFIX = "keeper_region_"

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class RegionError(StoreError):
    """A regional set-up step refused, with why; nothing of that step was changed."""


def check_name(kind: str, name: str) -> str:
    if not _NAME.match(name):
        raise RegionError(
            f"{kind} {name!r}: lower-case letters, digits and _ only, starting with a letter, "
            "at most 40 characters"
        )
    return name


def regional_database(office: str) -> str:
    return DB_PREFIX + check_name("office name", office)


def subscription_name(office: str) -> str:
    return SUB_PREFIX + check_name("office name", office)


def with_database(url: str, dbname: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + quote(dbname, safe="")))


def with_user(url: str, user: str, password: str | None) -> str:
    """``url`` signing in as ``user`` (with ``password``)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port:
        host = f"{host}:{parts.port}"
    auth = quote(user, safe="")
    if password is not None:
        auth += ":" + quote(password, safe="")
    return urlunsplit(parts._replace(netloc=f"{auth}@{host}"))


def database_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/") or "postgres"


@contextmanager
def _connect(url: str) -> Iterator[Any]:
    try:
        with pg.raw_connection(url) as conn:
            yield conn
    except StoreError:
        raise
    except Exception as exc:
        import psycopg

        if isinstance(exc, psycopg.OperationalError):
            raise RegionError(f"cannot reach {pg.safe_url(url)}: {exc}".strip()) from exc
        raise


def _ident(name: str) -> Any:
    from psycopg import sql

    return sql.Identifier(name)


def _sql(text: str) -> Any:
    from psycopg import sql

    return sql.SQL(text)


def _require_superuser(conn: Any, url: str, why: str) -> None:
    if conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
        return
    raise RegionError(f"{pg.safe_url(url)} does not sign in as a superuser: {why}")


def _role_exists(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def _schema_version(conn: Any) -> int:
    found = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = %s",
        (pg.VERSION_TABLE,),
    ).fetchone()
    if found is None:
        return 0
    row = conn.execute(f"SELECT version FROM public.{pg.VERSION_TABLE}").fetchone()
    return 0 if row is None else int(row[0])


def published_tables(conn: Any) -> list[str]:
    """Every table of the office's schema but its schema bookkeeping."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname"
    ).fetchall()
    return [str(r[0]) for r in rows if str(r[0]) not in NOT_SENT]


# -- the office's side -------------------------------------------------------------------


@dataclass
class PublishReport:
    office: str
    tables: int
    created: bool
    sender: str | None
    sender_created: bool


def publish(url: str, sender: str | None, sender_password: str | None) -> PublishReport:
    """Publish the office database ``url`` names (the administrator's URL) for a regional
    copy: the publication :data:`PUBLICATION` of every Keeper table (created, or its table
    list set again after an upgrade), and the ``sender`` role the region connects as
    (LOGIN REPLICATION, SELECT on the published tables), made with ``sender_password`` when
    it is new. The database must be a Keeper office at this Keeper's schema version, on a
    server with ``wal_level = logical``."""
    from .connection import latest_version

    if sender is not None:
        check_name("role", sender)
    with _connect(url) as conn:
        _require_superuser(conn, url, "a REPLICATION role and a publication need one")
        level = str(conn.execute("SHOW wal_level").fetchone()[0])
        if level != "logical":
            raise RegionError(
                f"the office server {pg.safe_url(url)} runs with wal_level = {level}: logical "
                "replication needs 'logical' (ALTER SYSTEM SET wal_level = logical, then "
                "restart the server); nothing was changed"
            )
        version = _schema_version(conn)
        if version != latest_version():
            raise RegionError(
                f"{pg.safe_url(url)} is not a Keeper office at schema version "
                f"{latest_version()} (it has {version}): set it up or upgrade it with "
                "'keeper server init' first; nothing was changed"
            )
        tables = published_tables(conn)
        listed = _sql(", ").join(_sql("public.") + _ident(t) for t in tables)
        sender_created = False
        with conn.transaction():
            exists = (
                conn.execute(
                    "SELECT 1 FROM pg_publication WHERE pubname = %s", (PUBLICATION,)
                ).fetchone()
                is not None
            )
            if exists:
                conn.execute(
                    _sql("ALTER PUBLICATION {} SET TABLE {}").format(_ident(PUBLICATION), listed)
                )
                conn.execute(
                    _sql("ALTER PUBLICATION {} SET (publish = {})").format(
                        _ident(PUBLICATION), _lit(PUBLISH)
                    )
                )
            else:
                conn.execute(
                    _sql("CREATE PUBLICATION {} FOR TABLE {} WITH (publish = {})").format(
                        _ident(PUBLICATION), listed, _lit(PUBLISH)
                    )
                )
            if sender is not None:
                if not _role_exists(conn, sender):
                    if not sender_password:
                        raise RegionError(
                            f"the role {sender} is new: give its password; nothing was changed"
                        )
                    conn.execute(
                        _sql(
                            "CREATE ROLE {} LOGIN REPLICATION NOSUPERUSER NOCREATEDB "
                            "NOCREATEROLE PASSWORD {}"
                        ).format(_ident(sender), _lit(sender_password))
                    )
                    sender_created = True
                elif sender_password:
                    conn.execute(
                        _sql("ALTER ROLE {} PASSWORD {}").format(
                            _ident(sender), _lit(sender_password)
                        )
                    )
                conn.execute(
                    _sql("GRANT CONNECT ON DATABASE {} TO {}").format(
                        _ident(database_of(url)), _ident(sender)
                    )
                )
                conn.execute(_sql("GRANT USAGE ON SCHEMA public TO {}").format(_ident(sender)))
                conn.execute(_sql("GRANT SELECT ON {} TO {}").format(listed, _ident(sender)))
                # not sent, but read by 'subscribe' to hold the office's version against its own
                conn.execute(
                    _sql("GRANT SELECT ON public.{} TO {}").format(
                        _ident(pg.VERSION_TABLE), _ident(sender)
                    )
                )
        return PublishReport(pg.safe_url(url), len(tables), not exists, sender, sender_created)


def _lit(value: str) -> Any:
    from psycopg import sql

    return sql.Literal(value)


# -- the region's side -------------------------------------------------------------------


@dataclass
class SubscribeReport:
    office: str
    database: str
    subscription: str
    created: bool
    tables: int
    reader: str


def subscribe(
    regional_url: str, office: str, office_url: str, reader: str = DEFAULT_READER
) -> SubscribeReport:
    """The regional copy of ``office``: its database ``keeper_<office>`` on the regional
    cluster (``regional_url``: the administrator's URL), made if missing with Keeper's
    schema by Keeper's migrations; the readers' group role ``reader`` (NOLOGIN, SELECT only:
    make each reader a member); the subscription to the office's publication
    (``office_url``: the sender's URL), copying the rows there already. Run again after an
    upgrade (region first, then the office, then ``publish`` there): the regional
    database is migrated, the readers' grants renewed and the publication's new tables
    fetched."""
    from .connection import latest_version
    from .pgdb import open_server

    dbname = regional_database(office)
    sub = subscription_name(office)
    check_name("role", reader)
    with _connect(office_url) as oc:
        office_version = _schema_version(oc)
        if (
            oc.execute("SELECT 1 FROM pg_publication WHERE pubname = %s", (PUBLICATION,)).fetchone()
            is None
        ):
            raise RegionError(
                f"{pg.safe_url(office_url)} publishes nothing for the region: run 'keeper "
                "region publish' on the office first; nothing was changed"
            )
    if office_version == 0:
        raise RegionError(
            f"{pg.safe_url(office_url)} shows no Keeper schema to this role: not an office "
            "database, or not published by 'keeper region publish'; nothing was changed"
        )
    if office_version > latest_version():
        raise RegionError(
            f"the office {office} has schema version {office_version}, newer than this "
            f"Keeper's {latest_version()}: upgrade Keeper on the region first (the region is "
            "upgraded before the offices); nothing was changed"
        )
    with _connect(regional_url) as conn:
        _require_superuser(conn, regional_url, "a subscription needs one (PostgreSQL 15)")
        if (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone()
            is None
        ):
            conn.execute(
                _sql(
                    "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' "
                    "LC_CTYPE 'C'"
                ).format(_ident(dbname))
            )
        if not _role_exists(conn, reader):
            conn.execute(
                _sql("CREATE ROLE {} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE").format(
                    _ident(reader)
                )
            )
    url = with_database(regional_url, dbname)
    open_server(url, migrate=True).close()  # Keeper's schema, by Keeper's migrations
    with _connect(url) as conn:
        with conn.transaction():
            conn.execute(_sql("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(_ident(dbname)))
            conn.execute(
                _sql("GRANT CONNECT ON DATABASE {} TO {}").format(_ident(dbname), _ident(reader))
            )
            conn.execute(_sql("GRANT USAGE ON SCHEMA public TO {}").format(_ident(reader)))
            conn.execute(
                _sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(_ident(reader))
            )
        exists = (
            conn.execute("SELECT 1 FROM pg_subscription WHERE subname = %s", (sub,)).fetchone()
            is not None
        )
        if exists:
            conn.execute(
                _sql("ALTER SUBSCRIPTION {} CONNECTION {}").format(_ident(sub), _lit(office_url))
            )
            conn.execute(
                _sql("ALTER SUBSCRIPTION {} REFRESH PUBLICATION WITH (copy_data = true)").format(
                    _ident(sub)
                )
            )
        else:
            # outside a transaction: it creates the replication slot on the office
            conn.execute(
                _sql(
                    "CREATE SUBSCRIPTION {} CONNECTION {} PUBLICATION {} WITH (copy_data = true)"
                ).format(_ident(sub), _lit(office_url), _ident(PUBLICATION))
            )
        n = int(
            conn.execute(
                "SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s "
                "ON s.oid = r.srsubid WHERE s.subname = %s",
                (sub,),
            ).fetchone()[0]
        )
    return SubscribeReport(office, dbname, sub, not exists, n, reader)


@dataclass
class OfficeCopy:
    """One office's copy on the regional cluster, as the region sees it."""

    office: str
    database: str
    enabled: bool
    #: tables whose first copy is not finished ('r' = ready)
    tables_syncing: int
    apply_errors: int
    sync_errors: int
    #: when the last message from the office arrived (UTC, None before the first)
    last_message_at: str | None
    head_seq: int
    head_hash: str
    head_at: str | None


def status(regional_url: str) -> list[OfficeCopy]:
    """Each office's copy on the regional cluster: its subscription's state, errors and
    last message, and the head of the chain the region holds (to hold against the
    office's own head)."""
    out: list[OfficeCopy] = []
    with _connect(regional_url) as conn:
        dbs = [
            str(r[0])
            for r in conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s ORDER BY datname",
                (DB_PREFIX.replace("_", r"\_") + "%",),
            )
        ]
    for dbname in dbs:
        office = dbname[len(DB_PREFIX) :]
        sub = SUB_PREFIX + office
        with _connect(with_database(regional_url, dbname)) as conn:
            row = conn.execute(
                "SELECT s.subenabled, "
                "(SELECT count(*) FROM pg_subscription_rel r WHERE r.srsubid = s.oid "
                "AND r.srsubstate <> 'r'), "
                "COALESCE(st.apply_error_count, 0), COALESCE(st.sync_error_count, 0), "
                "(SELECT to_char(max(w.last_msg_receipt_time) AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD HH24:MI:SS') FROM pg_stat_subscription w WHERE w.subid = s.oid) "
                "FROM pg_subscription s LEFT JOIN pg_stat_subscription_stats st "
                "ON st.subid = s.oid WHERE s.subname = %s",
                (sub,),
            ).fetchone()
            if row is None:
                continue  # a database of that name that is no regional copy
            head = conn.execute(
                "SELECT seq, hash, at FROM audit_events ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            out.append(
                OfficeCopy(
                    office,
                    dbname,
                    bool(row[0]),
                    int(row[1]),
                    int(row[2]),
                    int(row[3]),
                    None if row[4] is None else str(row[4]),
                    0 if head is None else int(head[0]),
                    "" if head is None else str(head[1]),
                    None if head is None else str(head[2]),
                )
            )
    return out
