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
from ..services.session import Credential, Session, sign_in
from ..store import Database, is_server, local_path
from ..store import open as open_store
from .auth import CredentialSource

#: a command: given the context, returns the exit code
Command = Callable[["Context"], int]


class AddCommand(Protocol):
    """``add(name, command, help)``: one subcommand, whose options the group then adds."""

    def __call__(self, name: str, fn: Command, help_: str) -> argparse.ArgumentParser: ...


#: the environment variable naming the database (a file's path or an office server's URL)
DB_ENV = "KEEPER_DB"


def default_location() -> str:
    """``$KEEPER_DB`` when set (a desk of a server office sets it once), else the default
    file."""
    return os.environ.get(DB_ENV) or str(default_db())


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
        #: where the database is: a sqlite file's path or an office server's URL
        self.location: str = str(args.db) if args.db else default_location()
        #: given with --db or $KEEPER_DB (else the GUI may take its settings' office server)
        self.location_chosen = bool(args.db) or bool(os.environ.get(DB_ENV))
        #: the file, or for a server the desk's local folder standing for its office
        self.db_path: Path = local_path(self.location)
        self.json: bool = bool(args.json)
        self.creds = CredentialSource(args.credentials)
        self._db: Database | None = None
        self._session: Session | None = None
        self._my_password: str | None = None

    @property
    def is_server(self) -> bool:
        return is_server(self.location)

    @property
    def db(self) -> Database:
        if self._db is None:
            if not is_server(self.location):
                private_data_dir(self.db_path)
            self._db = open_store(self.location, create=self.command in ("init", "demo"))
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
