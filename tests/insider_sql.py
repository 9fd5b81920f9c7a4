"""An insider's edits behind Keeper's back, on either engine (issue 11): the few steps whose
SQL differs between a sqlite file and an office server."""

from __future__ import annotations

from typing import Any


def is_server(con: Any) -> bool:
    return getattr(con, "engine", "sqlite") == "postgresql"


def drop_trigger(con: Any, name: str, table: str) -> None:
    """Drop one append-only trigger (PostgreSQL names the table a trigger is on)."""
    con.execute(f"DROP TRIGGER {name} ON {table}" if is_server(con) else f"DROP TRIGGER {name}")
