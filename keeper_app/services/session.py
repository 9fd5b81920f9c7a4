"""Sign-in, the signed-in session, signers' credentials, and the one way to change data:
:meth:`Session.change` — permission check, then the state change and its audit event in
one sqlite transaction.

A service reads and checks first, then writes in :meth:`Session.change`; another counter
may write in between. Services that change data are wrapped in :func:`rerun_if_changed`:
the chain's head is noted before the first read and compared inside the write
transaction (BEGIN IMMEDIATE); if anything was written meanwhile, the transaction is
rolled back and the whole call runs again on the new state, so the checks that decide are
always those of the state the change commits on (two keepers scanning out the same disc:
the second is told who has it). The signers' keys are derived from their passwords before
the head is noted (:func:`_derive_ahead`): the slow part of a signed call is then not in the
span that must stay unchanged."""

from __future__ import annotations

import functools
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .. import crypto
from ..domain import codes
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, require_role
from ..domain.model import Capacity, Person
from ..store import Database, audit
from ..store import people as people_repo
from ..timeutil import now_utc, to_db
from . import clockwatch, self_check

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Credential:
    """A signer identifies by badge and types their own password at that moment.

    ``checked``: the key this very password unlocked when the signature dialog checked it
    (:func:`checked_credential`), so that the call it signs does not derive it a second time.
    It is found only under the key material it came from and this password: a password
    changed since, or another person's, is derived afresh. The call still records the
    attempt and refuses a person locked or deactivated since."""

    badge: str
    password: str = field(repr=False)
    drawn_png: bytes | None = field(default=None, repr=False)
    checked: KdfCache | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Signer:
    person: Person
    key: Ed25519PrivateKey = field(repr=False)
    drawn_png: bytes | None = field(default=None, repr=False)


class KdfCache:
    """Remembers derived keys for (salt, password) within one process: used by the demo
    generator only, where one person signs hundreds of entries."""

    def __init__(self) -> None:
        self._d: dict[tuple[bytes, str], Ed25519PrivateKey] = {}

    def unlock(self, km: crypto.KeyMaterial, password: str) -> Ed25519PrivateKey:
        k = (km.kdf_salt + km.pw_verifier, password)
        if k not in self._d:
            self._d[k] = crypto.unlock(km, password)
        return self._d[k]

    def get(self, km: crypto.KeyMaterial, password: str) -> Ed25519PrivateKey | None:
        """The key already unlocked with this password, else None (nothing derived)."""
        return self._d.get((km.kdf_salt + km.pw_verifier, password))

    def put(self, km: crypto.KeyMaterial, password: str, key: Ed25519PrivateKey) -> None:
        self._d[(km.kdf_salt + km.pw_verifier, password)] = key


class DerivedAhead(KdfCache):
    """The keys a call's signers' passwords unlocked before the call began
    (:func:`_derive_ahead`), and the passwords found wrong: nothing of either is told or
    written until the call reaches the signer and records the attempt
    (:func:`_authenticate`)."""

    def __init__(self) -> None:
        super().__init__()
        self._wrong: set[tuple[bytes, str]] = set()

    def unlock(self, km: crypto.KeyMaterial, password: str) -> Ed25519PrivateKey:
        if (km.kdf_salt + km.pw_verifier, password) in self._wrong:
            raise crypto.BadPassword()
        return super().unlock(km, password)

    def derive(self, km: crypto.KeyMaterial, password: str, via: KdfCache | None = None) -> None:
        """Derive and keep the key (``via``: a cache that may hold it already)."""
        try:
            self.put(km, password, via.unlock(km, password) if via else crypto.unlock(km, password))
        except crypto.BadPassword:
            self._wrong.add((km.kdf_salt + km.pw_verifier, password))


def checked_credential(
    conn: sqlite3.Connection, cred: Credential, clock: Clock = now_utc
) -> tuple[Credential, Person]:
    """Check a signer's password as they sign (:func:`authenticate`: the attempt recorded,
    a wrong password refused at once) and return the credential carrying the key it unlocked
    (``Credential.checked``), for the call it signs: that call records the attempt again but
    derives nothing. The GUI's signature dialog signs this way."""
    keys = KdfCache()
    person = authenticate(conn, cred, keys, clock).person
    return replace(cred, checked=keys), person


def _derive_ahead(s: Session, creds: Iterable[Credential]) -> DerivedAhead:
    """The signers' keys, derived from the passwords they typed before a call notes the
    chain's head (:func:`rerun_if_changed`). The derivations are the slow part of a signed
    call, and other desks write during them: done first, they are out of the span in which a
    change must find the register unchanged, so the call seldom has to run again (issue 11's
    benchmark). Nothing is written or told here: the call records each attempt when it
    reaches its signer (services.lockout) and only then uses what was found. An unknown
    badge, a person not enrolled or locked, are left to the call: no password of theirs is
    tried here."""
    from ..store import signins
    from . import lockout

    ready = DerivedAhead()
    tried: set[tuple[str, str]] = set()
    todo: list[tuple[crypto.KeyMaterial, str]] = []
    for cred in creds:
        try:
            badge = check_badge_text(cred.badge)
        except RuleViolation:
            continue
        if not isinstance(cred.password, str) or not cred.password:
            continue
        if (badge, cred.password) in tried:
            continue
        tried.add((badge, cred.password))
        found = people_repo.signer_by_badge(s.conn, badge)
        if found is None:
            continue
        person, km = found
        if km is None:
            continue
        if lockout.is_locked(signins.state(s.conn, person.id), s.now()):
            continue
        if cred.checked is not None and cred.checked.get(km, cred.password) is not None:
            continue  # the signature dialog's key: the call takes it from the credential
        todo.append((km, cred.password))
    spare = _spare_cores()
    if len(todo) > 1 and spare > 1:
        # two signers at a counter: their derivations at once, one a core (scrypt lets go of
        # Python's lock while it works), so the pair waits for one derivation, not two
        with ThreadPoolExecutor(min(len(todo), spare)) as pool:
            list(pool.map(lambda t: ready.derive(t[0], t[1], s.kdf_cache), todo))
    else:
        for km, password in todo:
            ready.derive(km, password, s.kdf_cache)
    return ready


def _spare_cores() -> int:
    """The cores a call's derivations may use now: the one it runs on, and those the
    computer has to spare (its load average of the last minute taken off its cores; this
    process's own work counts in that average). Derivations run at once only on spare
    cores: on a computer busy already (a terminal server of several desks) two at once finish
    no sooner and cost more, each evicting the other's memory from the caches (issue 11's
    benchmark: 8 desks on 2 cores did 3 % fewer cycles with them)."""
    n = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        return 1
    return max(1, min(n, int(n - busy + 0.5) + 1))


def credentials_in(args: Iterable[object]) -> list[Credential]:
    """The credentials among a call's arguments (and in lists or tuples of them)."""
    out: list[Credential] = []
    for a in args:
        if isinstance(a, Credential):
            out.append(a)
        elif isinstance(a, list | tuple):
            out.extend(x for x in a if isinstance(x, Credential))
    return out


def check_badge_text(badge: object) -> str:
    if not isinstance(badge, str) or not badge.strip():
        raise RuleViolation("missing_field", "badge number is required", field="badge number")
    b = badge.strip().upper()
    if len(b) > 32 or not all(ch.isalnum() or ch in "-_" for ch in b) or not b.isascii():
        raise RuleViolation("bad_badge", f"'{badge}' is not a badge number")
    return b


def authenticate(
    conn: sqlite3.Connection,
    cred: Credential,
    cache: KdfCache | None = None,
    clock: Clock = now_utc,
) -> Signer:
    """Check a badge and password (services.lockout): the attempt is recorded first, in a
    transaction of its own, then the password is checked. An unknown badge and a wrong
    password get the same refusal (``bad_credentials``) after the same work; a locked person
    is told so whatever the password; a deactivated one only after the right password."""
    return _authenticate(conn, cred, cache, clock)[0]


def _authenticate(
    conn: sqlite3.Connection,
    cred: Credential,
    cache: KdfCache | None,
    clock: Clock,
    checked: KdfCache | None = None,
) -> tuple[Signer, tuple[int, ...]]:
    """:func:`authenticate`, and the audit seqs the sign-in bookkeeping wrote. ``checked``:
    the keys whose passwords were checked already in this call (a call run again,
    :func:`rerun_if_changed`): such a password is not an attempt again -- nothing is
    written for it -- but the person is still refused when locked or deactivated since, and
    a password changed since is checked afresh."""
    from . import lockout

    badge = check_badge_text(cred.badge)
    if not isinstance(cred.password, str) or not cred.password:
        raise RuleViolation("missing_password", f"type the password for badge number {badge}")
    found = people_repo.signer_by_badge(conn, badge)
    if found is None:
        crypto.dummy_unlock(cred.password, lockout.latest_kdf_n(conn))
        raise lockout.bad_credentials()
    person, km = found
    now = clock().replace(microsecond=0)
    if km is None:  # (says that the badge exists: only while not enrolled)
        raise not_enrolled(person)
    known = checked.get(km, cred.password) if checked is not None else None
    ready = cache.get(km, cred.password) if cache is not None else None
    if ready is None and cred.checked is not None:  # the signature dialog's key
        ready = cred.checked.get(km, cred.password)
    seqs: tuple[int, ...]
    if known is not None:
        lockout.refuse_if_locked(conn, person, now)
        sk, seqs = known, ()
    elif ready is not None:
        # the password was checked before the call began (_derive_ahead): the attempt and
        # its clearing are recorded together, in one transaction -- or the person is
        # refused as locked, and the result is never used
        seqs = lockout.admit(conn, person, now, right=True).seqs
        sk = ready
        if checked is not None:
            checked.put(km, cred.password, sk)
    else:
        attempt = lockout.admit(conn, person, now)
        try:
            sk = cache.unlock(km, cred.password) if cache else crypto.unlock(km, cred.password)
        except crypto.BadPassword:
            raise lockout.wrong_password(conn, person, now) from None
        seqs = attempt.seqs + lockout.right_password(conn, person, attempt, now)
        if checked is not None:
            checked.put(km, cred.password, sk)
    if not person.active:
        raise RuleViolation("inactive", f"{person.name} ({badge}) is deactivated")
    return Signer(person, sk, cred.drawn_png), seqs


def not_enrolled(person: Person) -> RuleViolation:
    """A person added with an enrolment code has no password (and no key) until their first
    sign-in (issue 10): they can neither sign in with a password nor sign anything."""
    return RuleViolation(
        "not_enrolled",
        f"{person.name} ({person.badge}) has not enrolled yet: sign in with the enrolment code",
    )


class Change:
    """The rows one change writes; the audit event anchors them all."""

    def __init__(self, conn: sqlite3.Connection, at: str, details: dict[str, Any]):
        self.conn = conn
        self.at = at
        self.details = details
        self.rows: list[tuple[str, int]] = []

    def touch(self, table: str, row_id: int) -> int:
        self.rows.append((table, row_id))
        return row_id

    def sign(self, table: str, entry_id: int, *signed: tuple[Signer, Capacity]) -> None:
        ids = [s.person.id for s, _ in signed]
        if len(set(ids)) != len(ids):
            from ..domain.rules import check_two_signers

            check_two_signers(ids, [s.person.name for s, _ in signed])
        sig_ids = audit.sign_entry(
            self.conn,
            table,
            entry_id,
            [(s.person.id, s.person.badge, s.key, cap.value) for s, cap in signed],
            self.at,
            {s.person.id: s.drawn_png for s, _ in signed if s.drawn_png},
        )
        for sid in sig_ids:
            self.touch("signatures", sid)


class Session:
    """A signed-in person. Every service call takes one."""

    def __init__(
        self,
        db: Database,
        person: Person,
        clock: Clock = now_utc,
        kdf_cache: KdfCache | None = None,
        key: Ed25519PrivateKey | None = None,
    ):
        self.db = db
        self.person = person
        self.clock = clock
        self.kdf_cache = kdf_cache
        #: the person's private key, unlocked by their password at sign-in: every event
        #: this session writes is signed with it
        self.key = key
        #: the computer's clock, watched for jumps (recorded with the next change)
        self.watch = clockwatch.WATCH
        #: the audit head (seq) when the running rerun_if_changed call began, else None
        self._seen: int | None = None
        #: during a rerun_if_changed call: the keys its signers' passwords unlocked, so that
        #: a call run again checks them against the state again (lockout, key, active)
        #: without deriving the same key from the same password twice
        self._call_keys: KdfCache | None = None
        #: during a rerun_if_changed call: its signers' keys derived before it began
        self._ready: DerivedAhead | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def refresh(self) -> Person:
        """Re-read the signed-in person: a deactivation or role change applies at once."""
        p = people_repo.get(self.conn, self.person.id)
        if not p.active:
            raise RuleViolation("inactive", f"{p.name} has been deactivated; sign in again")
        self.person = p
        return p

    def require(self, action: Action) -> Person:
        p = self.refresh()
        require_role(p.roles, action, f"{p.name} ({p.badge})")
        return p

    def signer(self, cred: Credential) -> Signer:
        """A signer's credential checked. The sign-in bookkeeping it writes is not a change
        by another counter: a service that noted the head before goes on (rerun_if_changed)."""
        cache = self._ready if self._ready is not None else self.kdf_cache or self._call_keys
        signer, seqs = _authenticate(self.conn, cred, cache, self.clock, self._call_keys)
        if (
            self._seen is not None
            and seqs
            and seqs == tuple(range(self._seen + 1, self._seen + 1 + len(seqs)))
        ):
            self._seen = seqs[-1]
        return signer

    def keeper_signer(self, cred: Credential) -> Signer:
        """The keeper who signs at the counter is the keeper signed in."""
        s = self.signer(cred)
        if s.person.id != self.person.id:
            raise RuleViolation(
                "keeper_not_signed_in",
                f"the keeper signing ({s.person.name}) must be the person signed in "
                f"({self.person.name})",
            )
        return s

    @contextmanager
    def change(self, action: str, **details: Any) -> Iterator[Change]:
        """The write: one transaction holding the state change and its audit event. Disk
        full, an I/O error or a database kept locked raise StoreError (nothing written)."""
        at = to_db(self.now())
        quiet_to = None  # the chain's head up to which nothing but quiet events came
        if self.db.engine == "postgresql":
            # the other desks' new events are verified before the office's write lock is
            # taken, so that the check under it (below) has only the last few to do and
            # the other desks wait less
            pre = self_check.run(self.db)
            if self._seen is not None and pre.ok and pre.seq != self._seen:
                # the register has moved since this call read it: run it again now, without
                # taking the lock, unless only readings and sign-in bookkeeping came
                if not audit.only_quiet_since(self.conn, self._seen):
                    raise ChangedMeanwhile()
                quiet_to = pre.seq
        # what every change reads first, with its BEGIN and write lock (one round trip to a
        # server): the chain's end, and the signer's key
        ahead = [audit.HEAD_AND_LAST_SIGNED, people_repo.current_key_stmt(self.person.id)]
        with self.db.transaction(prefetch=ahead) as conn:
            known = audit.head_and_last_signed(conn)
            head, last = known
            if (
                self._seen is not None
                and head[0] not in (self._seen, quiet_to)
                # readings, and the sign-in bookkeeping of signers at other desks, change
                # nothing a check decides on (else two desks signing at once rerun each other
                # out, each one's signers' attempts moving the head under the other)
                and not audit.only_quiet_since(conn, self._seen)
            ):
                raise ChangedMeanwhile()
            # a person's first key (enrolment) is written by the change that it signs
            cur = people_repo.current_key(conn, self.person.id)
            key = None if cur is None else self._event_key(conn, cur)
            # nothing is signed on a broken history
            self_check.refuse_unless_verified(self.db, head)
            if last is not None and at < last[1]:
                raise RuleViolation("clock_behind", str(audit.ClockBehind(at, last[1], last[0])))
            jump = self.watch.check() if key is not None else None
            if jump is not None and key is not None and action != "clock_jump":
                audit.append(conn, at, self.person.id, "clock_jump", jump.details(), (), key)
            ch = Change(conn, at, dict(details))
            yield ch
            if key is None:
                key = self._event_key(conn)
            seq = audit.append(
                conn, at, self.person.id, action, ch.details, ch.rows, key, known=known
            )
        if self._seen is not None:
            self._seen = seq  # our own write: a second change in the same call goes on

    def note(self, action: str, **details: Any) -> None:
        """A signed event that changes nothing: a reading or a sign-in (services.reads,
        Art. 21). It writes no row, so the history need not verify first (a reading is
        logged even while the alarm is up; the next change checks the chain, these events
        included). A clock set before the register's last entry raises
        :class:`audit.ClockBehind` (nothing written)."""
        at = to_db(self.now())
        # the signer's key and the chain's end, read with the BEGIN (one round trip to a
        # server): what append reads before it writes
        ahead = [people_repo.current_key_stmt(self.person.id), audit.HEAD_AND_LAST_SIGNED]
        with self.db.transaction(prefetch=ahead) as conn:
            seq = self._append_note(conn, at, action, details)
        if self._seen is not None and self._seen == seq - 1:
            self._seen = seq  # our own note: a change in the same call goes on

    def note_in(self, conn: sqlite3.Connection, action: str, **details: Any) -> int:
        """:meth:`note`'s event, inside the caller's write transaction; returns its seq. A
        clock set before the register's last entry raises :class:`audit.ClockBehind`
        (nothing appended: the transaction may go on)."""
        return self._append_note(conn, to_db(self.now()), action, details)

    def _append_note(
        self, conn: sqlite3.Connection, at: str, action: str, details: dict[str, Any]
    ) -> int:
        return audit.append(conn, at, self.person.id, action, details, (), self._event_key(conn))

    def _event_key(
        self, conn: sqlite3.Connection, cur: tuple[int, bytes] | None = None
    ) -> audit.EventKey:
        """The key this session signs its events with: the person's current key (``cur``:
        as the caller has just read it)."""
        who = f"{self.person.name} ({self.person.badge})"
        if self.key is None:
            raise RuleViolation(
                "no_key", f"{who} is not signed in with a password: sign in again to sign"
            )
        if cur is None:
            cur = people_repo.current_key(conn, self.person.id)
        if cur is None or cur[1] != crypto.public_bytes(self.key):
            raise RuleViolation(
                "key_changed",
                f"{who}'s key has changed since signing in (a password change elsewhere): "
                "sign in again",
            )
        return audit.EventKey(cur[0], self.key)


class ChangedMeanwhile(Exception):
    """Internal: another connection wrote between a service's reads and its write."""


#: How often a call runs again when other counters keep writing in between.
MAX_RERUNS = 8
#: after this many attempts overtaken by other desks, a call holds the office's write lock
#: for its whole run (:meth:`Database.serialised`). One: the first attempt has checked the
#: signers' passwords (the slow part, during which other desks write), so the next one --
#: its reads, its signers found checked already, its write -- is short, and holding the
#: lock for it costs the other desks less than running it again and again (issue 11's
#: benchmark: reruns per cycle 5 -> 3)
SERIALISED_AFTER = 1
#: the longest random pause before a rerun (seconds)
RERUN_PAUSE_MAX_S = 0.5

P = ParamSpec("P")
T = TypeVar("T")


def rerun_if_changed(
    fn: Callable[Concatenate[Session, P], T],
) -> Callable[Concatenate[Session, P], T]:
    """For services that change data: the reads that decide and the write happen on one
    state. See the module docstring."""

    @functools.wraps(fn)
    def call(s: Session, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if s._seen is not None:  # called from another such service: its check covers this
            return fn(s, *args, **kwargs)
        s._call_keys = KdfCache()
        try:
            creds = credentials_in((*args, *kwargs.values()))
            if creds:
                s._ready = _derive_ahead(s, creds)
            for attempt in range(MAX_RERUNS):
                try:
                    if attempt < SERIALISED_AFTER:
                        s._seen = audit.head(s.conn)[0]
                        return fn(s, *args, **kwargs)
                    # overtaken again and again (a long check, signers typing, against
                    # desks writing quickly): this time other desks' writes wait for it
                    with s.db.serialised():
                        s._seen = audit.head(s.conn)[0]
                        return fn(s, *args, **kwargs)
                except ChangedMeanwhile:
                    # two desks whose changes keep meeting would rerun in step: a random
                    # pause, growing with each attempt, lets one of them through first
                    time.sleep(random.uniform(0, min(RERUN_PAUSE_MAX_S, 0.02 * 2**attempt)))
                    continue
        finally:
            s._seen = None
            s._call_keys = None
            s._ready = None
        raise RuleViolation(
            "busy_changing",
            f"other counters kept changing the register while this was being recorded "
            f"({MAX_RERUNS} attempts); nothing was recorded — try again",
        )

    return call


def sign_in(
    db: Database,
    badge: str,
    password: str,
    clock: Clock = now_utc,
    kdf_cache: KdfCache | None = None,
) -> Session:
    s = authenticate(db.conn, Credential(badge, password), kdf_cache, clock)
    return start(db, s, clock, kdf_cache)


def start(
    db: Database, signer: Signer, clock: Clock = now_utc, kdf_cache: KdfCache | None = None
) -> Session:
    """The session of a person who has just signed in; the sign-in is logged as their own
    signed event (Art. 21, issue 14: services.reads)."""
    from . import reads

    s = Session(db, signer.person, clock, kdf_cache, signer.key)
    reads.signed_in(s)
    return s


def parse_code(text: str) -> codes.MediumCode:
    """A scanned or typed medium id, or RuleViolation saying what is wrong with it."""
    try:
        return codes.parse(text)
    except codes.CodeError as exc:
        raise RuleViolation(f"code_{exc.reason}", str(exc)) from None
