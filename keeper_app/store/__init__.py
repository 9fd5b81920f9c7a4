"""Keeper's storage: the sqlite file of a single counter, or an office's PostgreSQL server;
connection, migrations, repositories, the audit chain. No Qt here.

:func:`open` is the one way in for the UI and the CLI: a ``postgresql://`` URL opens the
office server, anything else is the path of a sqlite file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .connection import Database, StoreError, latest_version, open_database

__all__ = [
    "Database",
    "StoreError",
    "is_server",
    "latest_version",
    "local_path",
    "open",
    "open_database",
    "shown",
]


def is_server(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` names an office server (a postgresql:// URL)."""
    from .pg import is_url

    return is_url(str(location)) if isinstance(location, str) else False


def local_path(location: str | os.PathLike[str]) -> Path:
    """The file at ``location``; for an office server, the desk's local folder's stand-in
    for it (its folder holds this desk's storage settings and default backup folder)."""
    if isinstance(location, str) and is_server(location):
        from .pg import local_anchor

        return local_anchor(location)
    return Path(location)


def shown(location: str | os.PathLike[str]) -> str:
    """``location`` as a person may see it: a server's URL without its password, a file's
    full path."""
    if isinstance(location, str) and is_server(location):
        from .pg import safe_url

        return safe_url(location)
    return str(Path(location).resolve())


def open(location: str | os.PathLike[str], create: bool = True, **kw: Any) -> Database:  # noqa: A001
    """The database at ``location``: an office server's URL, or a sqlite file's path
    (``create``, ``backup_dir`` and ``check`` apply to a file)."""
    if isinstance(location, str) and is_server(location):
        from .pgdb import open_server

        # check=False: a worker's own connection, the schema checked by the app's at open
        return open_server(
            location,
            migrate=bool(kw.get("migrate", False)),
            check_schema=bool(kw.get("check", True)),
        )
    kw.pop("migrate", None)
    return open_database(Path(location), create, **kw)
