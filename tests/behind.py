"""Steps an insider takes on the database behind Keeper's back that differ by engine: a
trigger dropped and put back. ``con`` is :func:`conftest.raw_connect`'s connection (sqlite3
to a file; Keeper's PgConnection, which reads sqlite's SQL, to a server, where the insider
holds the owner's role)."""

from __future__ import annotations

from typing import Any


def _on_server(con: Any) -> bool:
    return getattr(con, "engine", "") == "postgresql"


def trigger_sql(con: Any, name: str) -> str:
    """The statement that creates the trigger ``name`` as it is now."""
    if _on_server(con):
        sql = "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = %s AND NOT tgisinternal"
        [row] = con.run_raw(sql, (name,)).fetchall()
        return str(row[0])
    return str(con.execute("SELECT sql FROM sqlite_master WHERE name=?", (name,)).fetchone()[0])


def create_trigger(con: Any, sql: str) -> None:
    """Put back a trigger from :func:`trigger_sql`."""
    if _on_server(con):
        con.run_raw(sql)
    else:
        con.execute(sql)


def drop_trigger(con: Any, name: str) -> None:
    """``DROP TRIGGER name`` (on the server, on the table it belongs to)."""
    if _on_server(con):
        sql = (
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s AND NOT t.tgisinternal"
        )
        [row] = con.run_raw(sql, (name,)).fetchall()
        con.run_raw(f"DROP TRIGGER {name} ON {row[0]}")
    else:
        con.execute(f"DROP TRIGGER {name}")


def foreign_keys_off(con: Any) -> None:
    """As sqlite3's plain connection, which does not enforce foreign keys: on the server, the
    owner (a superuser) turns them off for the rest of the open transaction
    (``session_replication_role``, which stops the append-only triggers too)."""
    if _on_server(con):
        con.run_raw("SET LOCAL session_replication_role = replica")
