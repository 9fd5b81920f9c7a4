"""Art. 18, issue 14 point 5: the original is opened only to reproduce a damaged or lost
duplicate (or to check a doubted one) — reasons backed by facts; the duplicate is made again
from the unsealed original with the real xorriso (read back, burn, read back) on file-backed
drives; the use of the original is a register entry closed by the reseal's inspection; the
due board shows "no usable duplicate" until then. Refusals change nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from burning_helpers import (
    file_extent,
    flip_bytes,
    keeper_cmd,
    register_file_recording,
    settings,
    write_creds,
)
from conftest import PASSWORD, Office

from keeper_app.burning.verify import verify_disc
from keeper_app.burning.xorriso import Drive
from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, intake, lookup, reproduction
from keeper_app.services.burning import PairBurn

pytestmark = pytest.mark.realtool

DATA = bytes(range(256)) * 300  # 76,800 bytes: a recording small enough to burn in a second


def _pair(office: Office, tmp_path: Path) -> tuple[str, str, Path]:
    """A pair burned on two image files with the real xorriso, handed over and sealed."""
    h = office.session("H001")
    st = settings(tmp_path)
    rid = register_file_recording(h, st, "A2026-001", "王某某", "A2026-001/r1.bin", DATA)
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(h, [rid], [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    intake.handover(
        office.session("K001"),
        r.original,
        office.cred("H001"),
        office.cred("K001"),
        "S-0001",
        "柜A-01",
        "柜B-01",
    )
    return r.original, r.duplicate, o_iso


def _damage(office: Office, d: str) -> None:
    """The duplicate goes out and comes back damaged (an incident to the head)."""
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=1)
    custody.return_medium(
        k, d, office.cred("H001"), office.cred("K001"), "damaged", note="盘面严重划伤，无法读取"
    )


def _unsealed(office: Office, o: str, reason: str = "reproduce_duplicate", **kw: str) -> int:
    aid = custody.request_unseal(office.session("K001"), o, reason, **kw)
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True, "同意")
    return custody.unseal(
        office.session("K001"),
        o,
        aid,
        office.cred("K001"),
        office.cred("K002"),
        user=office.cred("H001"),
        est_usage_hours=2,
    )


def _refused(office: Office, code: str, fn: object) -> RuleViolation:
    """``fn`` is refused with ``code`` and changes nothing (but the sign-in bookkeeping)."""
    before, changes = office.snapshot(), office.changes()
    with pytest.raises(RuleViolation) as e:
        fn()  # type: ignore[operator]
    assert e.value.code == code, e.value
    assert office.snapshot() == before and office.changes() == changes
    return e.value


def test_unseal_reasons_are_backed_by_facts(office: Office, tmp_path: Path) -> None:
    o, d = office.handed_over_pair()
    k = office.session("K001")
    # the duplicate sits intact on the shelf: nothing to reproduce
    e = _refused(
        office,
        "duplicate_not_unusable",
        lambda: custody.request_unseal(k, o, "reproduce_duplicate"),
    )
    assert d in e.message and "in_custody" in e.message and e.article == "Art. 18"
    # a doubted duplicate: who doubts it and why, both
    _refused(office, "missing_field", lambda: custody.request_unseal(k, o, "check_duplicate"))
    _refused(
        office,
        "missing_field",
        lambda: custody.request_unseal(k, o, "check_duplicate", doubted_by="辩护律师王某"),
    )
    aid = custody.request_unseal(
        k, o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    [a] = lookup.inbox(office.session("D001"))["approvals"]
    assert (a["id"], a["doubted_by"], a["doubt"]) == (aid, "辩护律师王某", "副本时间码不连续")
    # once the duplicate is damaged, reproducing it is a reason
    o2, d2 = office.handed_over_pair(person="李某某")
    _damage(office, d2)
    aid2 = custody.request_unseal(office.session("K001"), o2, "reproduce_duplicate")
    g = office.db.conn.execute(
        "SELECT m.code, g.duplicate_status FROM unseal_grounds g JOIN media m "
        "ON m.id=g.duplicate_id WHERE g.approval_id=?",
        (aid2,),
    ).fetchone()
    assert tuple(g) == (d2, "damaged")


def test_no_usable_duplicate_on_the_due_board_until_reproduced(
    office: Office, tmp_path: Path
) -> None:
    o, d, o_iso = _pair(office, tmp_path)
    k = office.session("K001")
    assert not [x for x in lookup.due(k) if x["kind"] == "no_usable_duplicate"]
    _damage(office, d)
    [x] = [x for x in lookup.due(k) if x["kind"] == "no_usable_duplicate"]
    assert (x["code"], x["case_no"], x["late"]) == (o, "A2026-001", False)
    assert "no_usable_duplicate" in [x["kind"] for x in lookup.scan(k, o).due]
    # a disc of another pair, scanned, does not carry this pair's due
    o_other, _ = office.handed_over_pair(person="李某某")
    assert "no_usable_duplicate" not in [x["kind"] for x in lookup.scan(k, o_other).due]

    sid = _unsealed(office, o)
    rec = lookup.scan(k, o)
    assert rec.original_use is not None and rec.original_use["user_badge"] == "H001"
    use = office.db.conn.execute(
        "SELECT u.purpose, u.est_usage_hours, p.badge AS approver FROM original_uses u "
        "JOIN people p ON p.id=u.approver_id WHERE u.unseal_id=?",
        (sid,),
    ).fetchone()
    assert tuple(use) == ("reproduce_duplicate", 2, "D001")

    new_iso = tmp_path / "new.iso"
    r = reproduction.reproduce_duplicate(
        k,
        o,
        f"stdio:{o_iso}",
        f"stdio:{new_iso}",
        office.cred("K001"),
        office.cred("K002"),
        "柜B-02",
    )
    # a new disc of the same pair, with its own code; in custody on its shelf
    assert r.replaced == d and r.duplicate not in (o, d)
    new = codes.parse(r.duplicate)
    assert new.copy == "D" and new.serial != codes.parse(o).serial
    row = office.db.conn.execute(
        "SELECT pair_no, status, location, manifest_id FROM media WHERE code=?", (r.duplicate,)
    ).fetchone()
    orig = office.db.conn.execute(
        "SELECT pair_no, manifest_id, status FROM media WHERE code=?", (o,)
    ).fetchone()
    assert (row["pair_no"], row["manifest_id"]) == (orig["pair_no"], orig["manifest_id"])
    assert (row["status"], row["location"], orig["status"]) == ("in_custody", "柜B-02", "unsealed")
    assert lookup.scan(k, d).status == "retired"
    # the new disc itself: the recordings, its code, which disc it replaces
    rep = verify_disc(Drive.parse(f"stdio:{new_iso}"))
    assert rep.ok and rep.code == r.duplicate
    assert rep.label is not None and rep.label["replaces"] == d
    assert rep.label["reproduced_from"] == o
    # both read-backs recorded; the entry signed by keeper and witness
    checks = office.db.conn.execute(
        "SELECT m.code, v.purpose, v.result FROM reproductions r JOIN verifications v "
        "ON v.id IN (r.original_check_id, r.new_check_id) JOIN media m ON m.id=v.medium_id "
        "ORDER BY v.id"
    ).fetchall()
    assert [tuple(c) for c in checks] == [
        (o, "on_demand", "match"),
        (r.duplicate, "burn", "match"),
    ]
    sigs = office.db.conn.execute(
        "SELECT p.badge, s.capacity FROM signatures s JOIN people p ON p.id=s.signer_id "
        "WHERE s.entry_table='reproductions' ORDER BY p.badge"
    ).fetchall()
    assert [tuple(x) for x in sigs] == [("K001", "keeper"), ("K002", "witness")]
    # the due board: the pair has a usable duplicate again; the original awaits its reseal
    kinds = [x["kind"] for x in lookup.due(k)]
    assert "no_usable_duplicate" not in kinds and "reseal" in kinds
    assert lookup.scan(k, o).partner["code"] == r.duplicate  # type: ignore[index]
    # the new duplicate serves: it goes out and back like any duplicate
    office.retrieve(
        k, r.duplicate, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2
    )
    # the reseal's inspection closes the use of the original
    custody.reseal(
        k, o, "S-0002", office.cred("K001"), office.cred("K002"), "复制完毕", inspection="intact"
    )
    closed = office.db.conn.execute(
        "SELECT i.inspection FROM reseal_inspections i JOIN original_uses u ON u.id=i.use_id "
        "WHERE u.unseal_id=?",
        (sid,),
    ).fetchone()
    assert closed[0] == "intact" and lookup.scan(k, o).original_use is None
    # keeper audit verify passes on a register that used all of it
    res = admin.verify_audit_file(office.location)
    assert res.ok, res.problems


def test_refusals_of_a_reproduction_change_nothing(office: Office, tmp_path: Path) -> None:
    o, d, o_iso = _pair(office, tmp_path)
    k = office.session("K001")
    new = f"stdio:{tmp_path / 'new.iso'}"

    def rep(code: str = o, src: str = f"stdio:{o_iso}", witness: str = "K002") -> object:
        return reproduction.reproduce_duplicate(
            k, code, src, new, office.cred("K001"), office.cred(witness), "柜B-02"
        )

    _refused(office, "not_unsealed", rep)  # still sealed
    _refused(office, "not_original", lambda: rep(d))
    # opened to check a doubted duplicate, not to reproduce one
    _unsealed(office, o, "check_duplicate", doubted_by="辩护律师王某", doubt="时间码不连续")
    _refused(office, "not_unsealed_to_reproduce", rep)
    custody.reseal(k, o, "S-0002", office.cred("K001"), office.cred("K002"), inspection="intact")
    _damage(office, d)
    aid = custody.request_unseal(k, o, "reproduce_duplicate")
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)

    def unseal(user: str, hours: int = 2) -> object:
        return custody.unseal(
            k,
            o,
            aid,
            office.cred("K001"),
            office.cred("K002"),
            user=office.cred(user),
            est_usage_hours=hours,
        )

    # the use entry: its user is staff of the organ, not the keeper, for a short time
    _refused(office, "user_not_staff", lambda: unseal("C001"))
    _refused(office, "same_person", lambda: unseal("K001"))
    _refused(office, "bad_usage_time", lambda: unseal("H001", 0))
    _refused(office, "bad_usage_time", lambda: unseal("H001", 25))
    unseal("H001")
    _refused(office, "same_person", lambda: rep(witness="K001"))
    _refused(office, "same_drive", lambda: rep(src=new))
    assert not (tmp_path / "new.iso").exists()
    # a reseal needs an inspection; anything but intact says what was found
    _refused(
        office,
        "bad_inspection",
        lambda: custody.reseal(
            k, o, "S-0003", office.cred("K001"), office.cred("K002"), inspection="fine"
        ),
    )
    _refused(
        office,
        "missing_field",
        lambda: custody.reseal(
            k, o, "S-0003", office.cred("K001"), office.cred("K002"), inspection="damaged"
        ),
    )
    assert lookup.scan(k, d).status == "damaged"


def test_an_original_that_fails_its_read_back_is_not_copied(office: Office, tmp_path: Path) -> None:
    o, d, o_iso = _pair(office, tmp_path)
    _damage(office, d)
    _unsealed(office, o)
    off, _size = file_extent(o_iso, "A2026-001/r1.bin")
    flip_bytes(o_iso, off + 100)
    k = office.session("K001")
    media_before = office.db.conn.execute("SELECT count(*) FROM media").fetchone()[0]
    with pytest.raises(RuleViolation) as e:
        reproduction.reproduce_duplicate(
            k,
            o,
            f"stdio:{o_iso}",
            f"stdio:{tmp_path / 'new.iso'}",
            office.cred("K001"),
            office.cred("K002"),
            "柜B-02",
        )
    assert e.value.code == "original_mismatch" and "nothing was registered" in e.value.message
    assert office.db.conn.execute("SELECT count(*) FROM media").fetchone()[0] == media_before
    assert not (tmp_path / "new.iso").exists()
    # the failed read-back is on the record (audited), the duplicate still unusable
    last = office.db.conn.execute(
        "SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    assert last == "reproduction_failed"
    res = office.db.conn.execute(
        "SELECT result FROM verifications WHERE medium_id=? ORDER BY id DESC LIMIT 1",
        (office.medium_id(o),),
    ).fetchone()[0]
    assert res == "mismatch"
    assert lookup.scan(k, d).status == "damaged"
    v = admin.verify_audit_file(office.location)
    assert v.ok, v.problems


def test_keeper_reproduce_on_the_command_line(office: Office, tmp_path: Path) -> None:
    o, d, o_iso = _pair(office, tmp_path)
    _damage(office, d)
    _unsealed(office, o)
    creds = write_creds(tmp_path, PASSWORD, "K001", "K002")
    new_iso = tmp_path / "cli-new.iso"
    p = subprocess.run(
        keeper_cmd(
            office.location,
            "--json",
            "reproduce",
            o,
            "--original-drive",
            f"stdio:{o_iso}",
            "--drive",
            f"stdio:{new_iso}",
            "--witness",
            "K002",
            "--location",
            "柜B-03",
            creds=creds,
            as_badge="K001",
        ),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["replaced"] == d and out["original_check"]["ok"]
    assert new_iso.exists()
    p = subprocess.run(
        keeper_cmd(
            office.location,
            "reseal",
            o,
            "--seal-no",
            "S-0009",
            "--witness",
            "K002",
            "--inspection",
            "intact",
            creds=creds,
            as_badge="K001",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    p = subprocess.run(
        keeper_cmd(office.location, "audit", "verify", creds=creds, as_badge="K001"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stdout + p.stderr
