"""A burned disc witnesses the chain's head (issue 10, 1a): its LABEL.json carries the head as
it was when the disc was burned, and a disc is write-once. An insider who cuts the last events
off the file, or puts an older copy of the file back, leaves a chain that verifies on its own —
but the disc, read back (``keeper verify --drive``, or identified when inserted), says the
history was truncated or rolled back, and names itself.

The discs are burned for real (xorriso, file-backed drives); the tampering is raw sqlite3."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PASSWORD, Office
from insider import own_keeper
from witness_insider import add_recording, copy_of, keeper, put_back, truncate, write_creds

from keeper_app.burning.discread import ImageSource
from keeper_app.burning.layout import LABEL_NAME
from keeper_app.domain import codes
from keeper_app.services import burning, intake
from keeper_app.services.burning import PairBurn
from keeper_app.services.session import Session
from keeper_app.services.storage import StorageSettings
from keeper_app.store import audit, open_database
from keeper_app.timeutil import now_utc

pytestmark = pytest.mark.realtool


@dataclass
class Disc:
    code: str
    iso: Path
    seq: int  # the head its LABEL.json carries
    hash: str

    @property
    def drive(self) -> str:
        return f"stdio:{self.iso}"

    @property
    def name(self) -> str:
        return f"disc {codes.parse(self.code).pretty}"


def burn_pair(office: Office, tmp_path: Path, person: str = "王某某") -> tuple[Disc, Disc]:
    """A pair burned by H001 onto two file-backed drives; the head read off each image."""
    st = StorageSettings(tmp_path / "storage", tmp_path / "backup")
    h = office.session("H001")
    rid = add_recording(h, st, "A2026-001", person, f"A2026-001/{person}-{len(person)}.bin")
    folder = tmp_path / f"discs-{rid}"
    folder.mkdir()
    o_iso, d_iso = folder / "o.iso", folder / "d.iso"
    r = PairBurn(h, [rid], [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    out = []
    for code, iso in ((r.original, o_iso), (r.duplicate, d_iso)):
        with ImageSource(iso) as src:
            files = {f.path: f for f in src.files()}
            label = json.loads(src.read_small(files[LABEL_NAME]))
        out.append(Disc(code, iso, int(label["audit_head"]["seq"]), label["audit_head"]["hash"]))
    return out[0], out[1]


def reopen(office: Office) -> None:
    """Keeper started again on the (tampered) file."""
    office.db = open_database(office.path)


def test_untouched_the_disc_agrees_with_the_chain(office: Office, tmp_path: Path) -> None:
    o, d = burn_pair(office, tmp_path)
    assert (o.seq, o.hash) == (d.seq, d.hash)
    # the head after the pair's code was reserved, before the pair's registration
    reserved = office.db.conn.execute(
        "SELECT seq, hash FROM audit_events WHERE action='reserve_pair_code'"
    ).fetchone()
    assert (o.seq, o.hash) == (reserved[0], reserved[1])
    assert audit.head(office.db.conn)[0] > o.seq  # the registration came after
    check = burning.verify_medium(office.session("K001"), d.drive)
    assert check.result == "match" and check.head is not None and check.head.ok and check.ok
    ident = burning.identify_disc(office.session("K001"), o.drive)
    assert ident["head"]["ok"] and ident["head"]["witness"] == o.name
    creds = write_creds(tmp_path, PASSWORD, "K001")
    r = keeper(office.path, "--as", "K001", "verify", "--drive", d.drive, creds=creds)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"the head this disc witnessed (event {d.seq}) is on the chain" in r.stdout


def test_a_truncation_is_named_by_the_disc(office: Office, tmp_path: Path) -> None:
    first, _ = burn_pair(office, tmp_path)
    intake.handover(
        office.session("K001"),
        first.code,
        office.cred("H001"),
        office.cred("K001"),
        "S-1",
        "柜A-01",
        "柜B-01",
    )
    o, d = burn_pair(office, tmp_path, person="李某某")
    assert burning.verify_medium(office.session("K001"), d.drive).ok
    k = office.session("K001")  # signed in before the cut (a sign-in is recorded too)
    # the insider cuts the second pair off: from its code's reservation on
    office.db.close()
    gone = truncate(office.path, keep=o.seq - 1)
    assert o.seq in gone
    reopen(office)
    v = audit.verify(office.db.conn)
    assert v.ok and v.events == o.seq - 1, v.problems  # the shorter chain verifies on its own
    k = Session(office.db, k.person, office.clock, office.cache, k.key)
    check = burning.verify_medium(k, d.drive)
    assert check.head is not None and not check.head.ok and not check.ok
    assert check.head.problem == "truncated" and check.head.witness == d.name
    assert check.head.message.startswith(f"{d.name} saw event {d.seq}, but the chain ends")
    assert "truncated or rolled back" in check.head.message
    ident = burning.identify_disc(k, o.drive)
    assert ident["head"]["problem"] == "truncated" and ident["head"]["witness"] == o.name
    creds = write_creds(tmp_path, PASSWORD, "K001")
    r = keeper(office.path, "--as", "K001", "verify", "--drive", d.drive, creds=creds)
    assert r.returncode == 1
    # the command's own sign-in is recorded first, so the chain has grown back past the
    # cut by then: the disc's event is there again, with another hash
    assert f"HISTORY DISAGREES: {d.name} saw event {d.seq}" in r.stdout
    # the command ran on the computer's clock, and its sign-in is a signed event (issue
    # 14): the office's clock goes on from there
    office.clock.t = max(office.clock.t, now_utc())
    # the running Keeper will not sign on this history any more (its self-check); the
    # insider's own copy goes on: the first pair's disc witnessed an older head, still on
    # the chain
    with own_keeper():
        assert burning.verify_medium(office.session("K001"), first.drive).ok
        # that check was recorded: the chain grows past the cut again, with other hashes
        assert audit.head(office.db.conn)[0] >= d.seq
        again = burning.verify_medium(office.session("K001"), d.drive)
    assert again.head is not None and again.head.problem == "rewritten"


def test_a_rollback_is_named_by_the_disc_and_a_rebuilt_chain_by_its_hash(
    office: Office, tmp_path: Path
) -> None:
    old = copy_of(office.path, tmp_path / "older-copy.sqlite")
    o, d = burn_pair(office, tmp_path)
    office.db.close()
    put_back(old, office.path)  # the older copy over the live file
    reopen(office)
    assert audit.verify(office.db.conn).ok
    check = burning.verify_medium(office.session("K001"), o.drive)
    assert check.head is not None and check.head.problem == "truncated"
    assert check.head.witness == o.name and "rolled back" in check.head.message
    # the insider goes on working on the old copy until the chain is as long again: the
    # disc's event now has another hash
    k = office.session("K001")
    while audit.head(office.db.conn)[0] < o.seq:
        office.new_pair(person=f"某{audit.head(office.db.conn)[0]}")
    assert audit.verify(office.db.conn).ok
    check = burning.verify_medium(k, d.drive)
    assert check.head is not None and check.head.problem == "rewritten" and not check.ok
    assert check.head.message.startswith(f"{d.name} saw event {d.seq} with hash {d.hash[:16]}")
    creds = write_creds(tmp_path, PASSWORD, "K001")
    r = keeper(office.path, "--as", "K001", "--json", "verify", "--drive", o.drive, creds=creds)
    assert r.returncode == 1
    assert json.loads(r.stdout)["head"]["problem"] == "rewritten"
