"""The pinned schema: the tables, indexes, triggers and views a Keeper file must hold at each
schema version, known to the code and compared with the file's own ``sqlite_master``.

The expected schema of version v is not a hand-written list: it is what sqlite itself makes of
migrations 1..v, applied to an in-memory database (so an ``ALTER TABLE``'d table's text is the
text sqlite writes for it, like for like), plus the fingerprints table
(:mod:`.fingerprints`), which a file migrated before fingerprints were recorded may lack.
SQL is compared with its whitespace normalised.

A file whose schema differs is refused at open (:mod:`.connection`) and reported by
``keeper audit verify`` (:func:`problems`): a dropped append-only trigger, a planted trigger
(one that rewrites a row before it is signed), a changed table, or a ``user_version`` edited
to another version's number."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from functools import lru_cache

from . import fingerprints

Migration = tuple[int, str, str]
#: (type, name) -> (table it belongs to, normalised SQL or None for sqlite's own indexes)
Schema = dict[tuple[str, str], tuple[str, str | None]]

#: sqlite's own statistics tables (ANALYZE, PRAGMA optimize): not part of Keeper's schema
_IGNORED = re.compile(r"sqlite_stat\d+")


@lru_cache(maxsize=4096)
def normalise(sql: str | None) -> str | None:
    """A statement's SQL with runs of whitespace made one space."""
    if sql is None:
        return None
    return re.sub(r"\s+", " ", sql).strip().rstrip(";").strip()


def read(conn: sqlite3.Connection) -> Schema:
    """The schema a connection's main database holds."""
    found: Schema = {}
    for typ, name, tbl, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master"
    ):
        if _IGNORED.fullmatch(str(name)):
            continue
        found[(str(typ), str(name))] = (str(tbl), normalise(sql))
    return found


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for part in sql.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            out.append(buf)
            buf = ""
    return out


@lru_cache(maxsize=8)
def _expected_all(migrations: tuple[Migration, ...]) -> tuple[Schema, ...]:
    """The schema at each version 0..n, from sqlite applying the migrations in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        out = [read(conn)]
        for _num, _name, sql in migrations:
            for statement in _statements(sql):
                conn.execute(statement)
            out.append(read(conn))
        return tuple(out)
    finally:
        conn.close()


@lru_cache(maxsize=1)
def _fingerprints_table() -> Schema:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(fingerprints.CREATE)
        return read(conn)
    finally:
        conn.close()


def expected(migrations: Sequence[Migration], version: int) -> Schema:
    """Keeper's schema at ``version`` (without the fingerprints table)."""
    return dict(_expected_all(tuple(migrations[:version]))[version])


def differences(found: Schema, want: Schema) -> list[str]:
    """What differs between a file's schema and the expected one, each named."""
    out: list[str] = []
    for key in sorted(want.keys() - found.keys()):
        typ, name = key
        out.append(f"{typ} {name} is missing (dropped outside Keeper)")
    for key in sorted(found.keys() - want.keys()):
        typ, name = key
        on = f" on {found[key][0]}" if found[key][0] != name else ""
        out.append(f"{typ} {name}{on} is not Keeper's (planted outside Keeper)")
    for key in sorted(found.keys() & want.keys()):
        if found[key] != want[key]:
            typ, name = key
            out.append(f"{typ} {name} differs from Keeper's (changed outside Keeper)")
    return out


def mismatch(conn: sqlite3.Connection, migrations: Sequence[Migration], version: int) -> list[str]:
    """Empty when the file's schema is exactly Keeper's schema ``version``; else what
    differs, each named. A schema that is exactly another version's is a ``user_version``
    edited outside Keeper, and said so."""
    if 0 <= version <= len(migrations):
        mine: tuple[Schema, ...] = _expected_all(tuple(migrations[:version]))
    else:
        mine = ()
    found = read(conn)
    fp = _fingerprints_table()
    # the fingerprints table is recorded when a file is migrated; older files lack it
    plain = {k: v for k, v in found.items() if k not in fp}
    extra_fp = [k for k in fp if k in found and found[k] != fp[k]]
    problems = [f"{t} {n} differs from Keeper's (changed outside Keeper)" for t, n in extra_fp]
    if mine and plain == mine[version]:
        return problems
    try:
        allv = _expected_all(tuple(migrations))
    except sqlite3.Error:
        allv = mine  # a later migration that cannot run: the migration itself will say so
    for w, schema in enumerate(allv):
        if w != version and plain == schema:
            return [
                *problems,
                f"user_version says {version} but the tables are those of version {w} "
                "(user_version edited outside Keeper)",
            ]
    if not mine:
        return problems  # a newer schema than this Keeper's: refused as such elsewhere
    return problems + differences(plain, mine[version])


def problems(conn: sqlite3.Connection) -> list[str]:
    """For ``keeper audit verify``: the file's schema against its version's, each difference
    a line ("schema: trigger X is missing (dropped outside Keeper)")."""
    from .connection import _migrations  # the migrations as the running Keeper has them

    if getattr(conn, "engine", "sqlite") == "postgresql":
        from . import pgdb

        return pgdb.problems(conn.pg if hasattr(conn, "pg") else conn)  # type: ignore[arg-type]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    migrations = _migrations()
    if version > len(migrations):
        return [
            f"schema: version {version} is newer than this Keeper knows ({len(migrations)}); "
            "its schema cannot be checked"
        ]
    return [f"schema: {p}" for p in mismatch(conn, migrations, version)]
