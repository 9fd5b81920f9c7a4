"""Hearing the other desks of an office server (issue 11, "live desks").

Every committing write transaction notifies :data:`.pg.CHANNEL` with the new head's seq
(:meth:`.pgdb.PgDatabase.transaction`). A :class:`Listener` keeps its own connection doing
``LISTEN`` in a thread of its own and calls back with a :class:`Hint`:

- after each batch of notifications, the newest seq heard — unless everything committed
  since the last hint was a logged reading or sign-in bookkeeping (nobody's change: a desk
  that refreshes its lists logs a reading, which must not make every other desk refresh);
- after every connect and reconnect, ``reread``: a notification is a hint, not a log, and a
  desk that was away may have missed some, so it reads everything again.

When the server goes away (stopped, the network down, the backend terminated) the listener
says so (``on_state(False, why)``) and connects again by itself, waiting a little longer
after each failed attempt; ``on_state(True, "")`` once it is back. The callbacks run in the
listener's thread: a GUI hands them over to its own thread (the UI's ``live`` module)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import audit, pg

log = logging.getLogger(__name__)

#: how long one wait for notifications lasts: the longest a stop waits for the thread
POLL_S = 0.25
#: after this long without a notification the connection is checked with a query
IDLE_CHECK_S = 5.0
#: the waits between attempts to reconnect (the last one repeats)
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0)


@dataclass(frozen=True)
class Hint:
    """Another desk changed the register: ``seq`` is the newest head heard; ``reread``: the
    connection was (re)made, re-read everything shown (some notifications may be lost)."""

    seq: int
    reread: bool = False


class _ListenConnection(pg.PgConnection):
    """Keeper's connection with TCP keepalives and a user timeout: a listener waits on an
    idle socket, and a server gone without a word (a cable pulled) must be noticed."""

    def connect(self) -> None:
        import psycopg

        try:
            self.raw = psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=pg.CONNECT_TIMEOUT_S,
                row_factory=pg._row_factory,
                application_name="keeper-listen",
                keepalives=1,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=3,
                tcp_user_timeout=10_000,
            )
        except psycopg.OperationalError as exc:
            raise pg.unreachable(self.url, exc, during="connect") from exc


class Listener:
    """LISTEN on an office server in a thread; see the module's description."""

    def __init__(
        self,
        url: str,
        on_hint: Callable[[Hint], None],
        on_state: Callable[[bool, str], None] | None = None,
        *,
        backoff: Sequence[float] = BACKOFF_S,
        idle_check_s: float = IDLE_CHECK_S,
        skip_quiet: bool = True,
    ):
        self.url = url
        self.on_hint, self.on_state = on_hint, on_state
        self.backoff = tuple(backoff) or BACKOFF_S
        self.idle_check_s = idle_check_s
        self.skip_quiet = skip_quiet
        #: whether the listener is connected now (None: not tried yet)
        self.connected: bool | None = None
        #: the server process of the listening connection (for tests that kill it)
        self.backend_pid: int | None = None
        #: how many times the listener has connected
        self.connections = 0
        self._seen = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Listener:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"keeper-listen {pg.safe_url(self.url)}", daemon=True
            )
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening (within :data:`POLL_S` or a connection attempt); no callback
        comes after this returns, unless the thread is stuck in a connect."""
        self._stop.set()
        t, self._thread = self._thread, None
        if t is not None and t is not threading.current_thread():
            t.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the thread -------------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            conn: _ListenConnection | None = None
            try:
                conn = _ListenConnection(self.url)
                failures = 0
                self._serve(conn)
            except Exception as exc:  # noqa: BLE001 - any failure: say so, reconnect
                if self._stop.is_set():
                    break
                self._state(False, _why(exc))
                self._stop.wait(self.backoff[min(failures, len(self.backoff) - 1)])
                failures += 1
            finally:
                if conn is not None:
                    conn.close()

    def _serve(self, conn: _ListenConnection) -> None:
        raw = conn.raw
        heard: list[Any] = []
        # notifications that arrive during a query (the checks below) wait in psycopg's
        # backlog and come first from the next notifies() (psycopg 3.3, constraints.txt)
        raw.execute(f"LISTEN {pg.CHANNEL}")
        self.backend_pid = int(raw.info.backend_pid)
        self._seen = audit.head(conn)[0]  # type: ignore[arg-type]
        self.connections += 1
        self._state(True, "")
        self._emit(Hint(self._seen, reread=True))
        idle = 0.0
        while not self._stop.is_set():
            # back at the first notification (with any that came in the same packet), or
            # after POLL_S without one: the caller gathers bursts, not this wait
            heard.extend(raw.notifies(timeout=POLL_S, stop_after=1))
            if not heard:
                idle += POLL_S
                if idle >= self.idle_check_s:
                    raw.execute("SELECT 1")  # raises when the server is gone
                    idle = 0.0
                continue
            idle = 0.0
            seqs = [_seq(n.payload) for n in heard if n.channel == pg.CHANNEL]
            heard.clear()
            top = max(seqs, default=0)
            if top <= self._seen:
                continue  # committed before this connection read the head
            quiet = (
                self.skip_quiet and audit.only_quiet_since(conn, self._seen)  # type: ignore[arg-type]
            )
            self._seen = top
            if not quiet:
                self._emit(Hint(top))

    def _emit(self, hint: Hint) -> None:
        if not self._stop.is_set():
            self._call(self.on_hint, hint)

    def _state(self, up: bool, why: str) -> None:
        changed = self.connected is not up
        self.connected = up
        if changed and self.on_state is not None and not self._stop.is_set():
            self._call(self.on_state, up, why)

    def _call(self, fn: Callable[..., None], *args: Any) -> None:
        """A callback; one that fails (its window gone) ends the listening, not the
        connection."""
        try:
            fn(*args)
        except Exception:
            log.exception("a listener's callback failed: the listener stops")
            self._stop.set()


def _seq(payload: str) -> int:
    try:
        return int(payload)
    except (TypeError, ValueError):
        return 0


def _why(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
