"""What every `keeper` command is given: a typed :class:`Context` (the parsed options, the
database opened on first use, the signed-in session, the signers' passwords) — and the one
shape in which a command group registers its commands (:data:`AddCommand`)."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from ..domain.errors import RuleViolation
from ..services import server
from ..services.session import Credential, Session, sign_in
from ..store import Database, is_server, open_database
from ..store import open as store_open
from .auth import CredentialSource

#: a command: given the context, returns the exit code
Command = Callable[["Context"], int]


class AddCommand(Protocol):
    """``add(name, command, help)``: one subcommand, whose options the group then adds."""

    def __call__(self, name: str, fn: Command, help_: str) -> argparse.ArgumentParser: ...


def default_db() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "keeper" / "keeper.sqlite"


def private_data_dir(db_path: Path) -> None:
    """Keeper's own data folder (that of the default database) is private to its user
    (0700): made so when missing, and narrowed when an older Keeper or ``mkdir`` left it
    readable by others. A folder named with --db is the user's choice and is left alone."""
    folder = default_db().parent
    if Path(db_path).parent != folder:
        return
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = folder.stat()
    if st.st_uid == os.getuid() and st.st_mode & 0o077:
        folder.chmod(0o700)


class Context:
    """One run of the `keeper` command."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.command: str = args.command
        #: the database's location: a sqlite file's path, or an office server's URL
        self.location: str = str(args.db)
        #: the file's path; for a server, the path standing for it on this desk (its folder
        #: keeps the desk's own files about the office: witness log, backups, settings)
        self.db_path: Path = (
            server.local_anchor(self.location) if is_server(self.location) else Path(args.db)
        )
        self.json: bool = bool(args.json)
        self.creds = CredentialSource(args.credentials)
        self._db: Database | None = None
        self._session: Session | None = None
        self._my_password: str | None = None

    @property
    def db(self) -> Database:
        if self._db is None and is_server(self.location):
            self._db = store_open(self.location)
        if self._db is None:
            private_data_dir(self.db_path)
            self._db = open_database(self.db_path, create=self.command in ("init", "demo"))
        return self._db

    @property
    def session(self) -> Session:
        if self._session is None:
            badge = self.args.as_badge or os.environ.get("KEEPER_BADGE")
            if not badge:
                raise RuleViolation(
                    "not_signed_in", "sign in: give your badge number with --as BADGE"
                )
            pw = self.creds.password(badge, "sign in and sign")
            self._session = sign_in(self.db, badge, pw)
            self._my_password = pw
        return self._session

    def me(self, purpose: str) -> Credential:
        """The signed-in person's own signature: one command is one moment, so the password
        typed for this command signs its entry (checked again by the service)."""
        s = self.session
        assert self._my_password is not None
        return Credential(s.person.badge, self._my_password)

    def other(self, badge: str, purpose: str) -> Credential:
        return self.creds.credential(badge, purpose)

    def out(self, data: Any, human: Callable[[Any], str]) -> None:
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(human(data))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
