"""Who has the database open: a lock file next to it (``keeper.sqlite.lock``).

Every Keeper process holds a shared ``flock`` on it for as long as it has the database open;
``keeper restore`` takes it exclusively, so it refuses while any other Keeper (a window, a
counter, a command) has the file open, and no Keeper opens the file while it is being
replaced.

The lock is on a separate file, never on the database itself: opening and closing a
descriptor of the database outside sqlite drops every POSIX lock the process holds on it,
sqlite's own included (sqlite's "how to corrupt", 2.2). ``flock`` locks belong to one open
file description, so closing another descriptor of the lock file drops nothing either. The
lock file is never removed (removing it would let two processes lock two different files)."""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path

#: How long opening waits for a restore that is replacing the file.
OPEN_WAIT_SECONDS = 60.0


class InUseError(Exception):
    """The lock could not be had; the message says why."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _open(db_path: Path) -> int:
    path = lock_path(db_path)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise InUseError(
            f"cannot open the lock file {path} next to the database: {exc.strerror}"
        ) from exc


def _try(fd: int, how: int) -> bool:
    try:
        fcntl.flock(fd, how | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise


class InUse:
    """This process's shared hold on the database (one per open connection)."""

    def __init__(self, fd: int):
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops its flock
            self._fd = None


def hold_shared(db_path: Path, wait: float = OPEN_WAIT_SECONDS) -> InUse:
    """Mark the database as open in this process; waits (up to ``wait`` seconds) while a
    restore is replacing it."""
    fd = _open(db_path)
    deadline = time.monotonic() + wait
    try:
        while not _try(fd, fcntl.LOCK_SH):
            if time.monotonic() >= deadline:
                raise InUseError(
                    f"the database {db_path} is being replaced (a backup is being restored); "
                    "try again when the restore has finished"
                )
            time.sleep(0.05)
    except BaseException:
        os.close(fd)
        raise
    return InUse(fd)


def hold_exclusive(db_path: Path) -> InUse | None:
    """The database for this process alone, or None when another Keeper (or this process)
    has it open. Never waits."""
    fd = _open(db_path)
    try:
        if not _try(fd, fcntl.LOCK_EX):
            os.close(fd)
            return None
    except BaseException:
        os.close(fd)
        raise
    return InUse(fd)


def hold_shared_if_present(db_path: Path) -> InUse | None:
    """For a reader that writes nothing (``keeper audit verify``): the database marked as
    open in this process, or None when it has no lock file (no Keeper ever opened it: the
    lock file is not created, so nothing is written next to it), or when it is being
    replaced (a restore holds it exclusively). Never waits."""
    return _hold_if_present(db_path, fcntl.LOCK_SH)


def hold_exclusive_if_present(db_path: Path) -> InUse | None:
    """Like :func:`hold_exclusive` without creating the lock file: None when it is missing
    or another Keeper has the database open."""
    return _hold_if_present(db_path, fcntl.LOCK_EX)


def _hold_if_present(db_path: Path, mode: int) -> InUse | None:
    """The existing lock file held in ``mode`` without waiting; None when it is missing or
    held the other way."""
    try:
        fd = os.open(lock_path(db_path), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        if not _try(fd, mode):
            os.close(fd)
            return None
    except BaseException:
        os.close(fd)
        raise
    return InUse(fd)
