"""Live desks (issue 11): hints that another desk of the office changed the register, so a
desk shows the heads' inbox, the due board, the media list and an open record as they are
now, without anyone pressing Refresh.

On an office server every commit notifies (store.pglisten): :func:`watch` starts a
listener on its own connection and calls ``on_hint`` with a :class:`Hint` after other
desks' changes (not after mere readings) and with ``reread`` after every (re)connect;
``on_state(False, why)`` when the server cannot be reached (the listener reconnects by
itself), ``on_state(True, "")`` when it is back. The callbacks run in the listener's
thread.

A sqlite file is a single counter's: its desk sees its own changes, and another Keeper
opened on the same file is caught up by the due board's timer and at each unlock — there
is nothing to listen to (:func:`watch` returns None)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..store import Database
from ..store.pglisten import Hint, Listener

__all__ = ["Hint", "Watch", "watch"]


class Watch(Protocol):
    """What :func:`watch` returns: stop it when the desk closes."""

    connected: bool | None

    def stop(self, timeout: float = ...) -> None: ...


def watch(
    db: Database,
    on_hint: Callable[[Hint], None],
    on_state: Callable[[bool, str], None] | None = None,
) -> Watch | None:
    """Listen for the other desks' changes to the office at ``db`` (None: a sqlite file,
    nothing to listen to)."""
    url = getattr(db, "url", None)
    if getattr(db, "engine", "sqlite") != "postgresql" or not isinstance(url, str):
        return None
    return Listener(url, on_hint, on_state).start()
