"""A printed page witnesses the chain's head (issue 10, 1b): its footer prints the head and a
QR code holds it. An insider who cuts the last events off the file, or puts an older copy of
the file back, leaves a chain that verifies on its own — but the printout, scanned
(``keeper audit check-head`` with the QR code's text, or at the counter), says the history was
truncated or rolled back, and names the printout by the head it shows.

The QR codes are read from the PDF as a scanner reads the paper (pdftoppm, zbarimg); the
tampering is raw sqlite3; the command runs as its own process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Office
from insider import own_keeper
from witness_insider import copy_of, keeper, put_back, qr_texts, truncate

from keeper_app.services import catalogue, heads
from keeper_app.store import audit, open_database

pytestmark = pytest.mark.realtool


def keeper_session(office: Office):
    """K001 signed in once (a sign-in is recorded in the chain: signing in again between
    reading the head and printing would move the head)."""
    if not hasattr(office, "_keeper"):
        office._keeper = office.session("K001")  # type: ignore[attr-defined]
    return office._keeper  # type: ignore[attr-defined]


def print_receipt(office: Office, code: str, out: Path) -> Path:
    doc = catalogue.receipt(code)
    doc.make(keeper_session(office), catalogue.Options(lang="en"), out)
    return out


def head_now(office: Office) -> tuple[int, str]:
    keeper_session(office)
    return audit.head(office.db.conn)


def test_untouched_every_page_agrees_with_the_chain(office: Office, tmp_path: Path) -> None:
    o, d = office.handed_over_pair()
    seq, hash_ = head_now(office)
    pdf = print_receipt(office, o, tmp_path / "receipt.pdf")
    # each page carries the head it was read at; printing it is a logged reading (issue 14),
    # so the next page carries the next head
    reg_head = audit.head(office.db.conn)
    assert reg_head[0] == seq + 1
    day = office.clock().strftime("%Y-%m-%d")
    reg = tmp_path / "register.pdf"
    catalogue.register_pages(catalogue.RegisterRef(day, day)).make(
        keeper_session(office), catalogue.Options(), reg
    )
    texts = qr_texts(pdf, tmp_path / "scan")
    assert texts and set(texts) == {heads.head_text(seq, hash_)}
    assert set(qr_texts(reg, tmp_path / "scan")) == {heads.head_text(*reg_head)}
    r = keeper(office.path, "audit", "check-head", texts[0])
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith(f"printout of event {seq} ({hash_[:12]}…): event {seq} is on")
    # the same, typed from the footer: the event number and the hash
    r = keeper(office.path, "--json", "audit", "check-head", str(seq), hash_)
    assert r.returncode == 0 and json.loads(r.stdout)["ok"] is True


def test_a_truncation_is_named_by_the_printout(office: Office, tmp_path: Path) -> None:
    o, _d = office.handed_over_pair()
    keep, _ = head_now(office)
    office.new_pair(case_no="A2026-001", person="李某某")  # a second pair, registered
    seq, hash_ = head_now(office)
    (text,) = set(qr_texts(print_receipt(office, o, tmp_path / "r.pdf"), tmp_path / "scan"))
    assert heads.parse_head_text(text) == (seq, hash_)
    # the insider cuts the second pair off the file
    office.db.close()
    assert truncate(office.path, keep=keep)
    # the shorter chain verifies on its own (at another account, whose witness log never
    # saw it); this account's witness log says it was cut, and so does the printout
    v = keeper(office.path, "audit", "verify", state_dir=tmp_path / "elsewhere")
    assert v.returncode == 0, v.stdout + v.stderr
    assert keeper(office.path, "audit", "verify").returncode == 1
    r = keeper(office.path, "audit", "check-head", text)
    assert r.returncode == 1, r.stdout + r.stderr
    name = heads.printout_name(seq, hash_)
    assert r.stdout.startswith(
        f"DISAGREES: {name} saw event {seq}, but the chain ends at event {keep}"
    )
    assert "truncated or rolled back" in r.stdout
    office.db = open_database(office.path)


def test_a_rollback_is_named_by_the_printout(office: Office, tmp_path: Path) -> None:
    o, _d = office.handed_over_pair()
    kept, _ = head_now(office)
    old = copy_of(office.path, tmp_path / "older-copy.sqlite")
    office.new_pair(case_no="A2026-001", person="李某某")
    seq, hash_ = head_now(office)
    (text,) = set(qr_texts(print_receipt(office, o, tmp_path / "r.pdf"), tmp_path / "scan"))
    office.db.close()
    put_back(old, office.path)  # the older copy over the live file
    assert keeper(office.path, "audit", "verify", state_dir=tmp_path / "elsewhere").returncode == 0
    r = keeper(office.path, "--json", "audit", "check-head", text)
    assert r.returncode == 1
    got = json.loads(r.stdout)
    assert (got["ok"], got["problem"], got["seq"], got["chain_seq"]) == (
        False,
        "truncated",
        seq,
        kept,
    )
    assert got["witness"] == heads.printout_name(seq, hash_) and "rolled back" in got["message"]
    # the insider works on until the chain is as long again: the printout's event now has
    # another hash
    office.db = open_database(office.path)
    with own_keeper():  # his own copy of Keeper: the running one's self-check would refuse
        while head_now(office)[0] < seq:
            office.new_pair(case_no="A2026-001", person=f"某{head_now(office)[0]}")
    r = keeper(office.path, "audit", "check-head", str(seq), hash_)
    assert r.returncode == 1 and "the history was rewritten" in r.stdout, r.stdout


def test_input_that_is_no_head_is_refused_as_bad_input(office: Office) -> None:
    r = keeper(office.path, "audit", "check-head", "31012026000001D8")
    assert r.returncode == 2 and "is not a printed head" in r.stderr
    r = keeper(office.path, "audit", "check-head", "12", "xyz")
    assert r.returncode == 2 and "64 hexadecimal digits" in r.stderr
