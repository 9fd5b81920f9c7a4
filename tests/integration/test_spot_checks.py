"""Spot checks (issue 16, part 4) through the services with the real xorriso on file-backed
drives: a keeper draws a sample of the shelf seeded by the chain's head, a reviewer or a
department head reads each drawn disc back and signs the outcome, a failing disc is marked
and reported to the head of its case's department, the check is closed with a signed
outcome; every refusal changes nothing and ``keeper audit verify`` stays clean."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from burning_helpers import file_extent, flip_bytes, shelf_of_discs
from conftest import Office

from keeper_app.domain import spot_checks as law
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, lookup, spot_checks
from keeper_app.store import audit, entries

pytestmark = pytest.mark.realtool


@contextmanager
def refused(office: Office, code: str) -> Iterator[pytest.ExceptionInfo[RuleViolation]]:
    """The body must raise RuleViolation(code) and change nothing at all."""
    before = office.snapshot()
    changes = office.changes()
    with pytest.raises(RuleViolation) as ei:
        yield ei
    assert ei.value.code == code, f"{ei.value.code}: {ei.value.message}"
    assert office.snapshot() == before
    assert office.changes() == changes


def drive(images: dict[str, Path], code: str) -> str:
    return f"stdio:{images[code]}"


def test_a_drawn_sample_checked_all_matching_is_closed_all_match(
    office: Office, tmp_path: Path
) -> None:
    images = shelf_of_discs(office, tmp_path)
    k = office.session("K001")
    seq, head = audit.head(office.db.conn)
    sid = spot_checks.draw(k)
    d = spot_checks.show(k, sid)
    # the sample is the draw from the head before the draw's own event, over the duplicates
    # in custody (the sealed originals stay sealed, Art. 18)
    assert (d["head_seq"], d["head_hash"]) == (seq, head)
    assert (d["population"], d["sample_size"], d["size_rule"]) == (4, 3, "default")
    assert d["population_sha256"] == law.population_digest(images)
    codes = [i["code"] for i in d["items"]]
    assert codes == law.draw(head, list(images), 3)
    assert all(i["outcome"] is None and i["location"].startswith("柜B") for i in d["items"])
    event = audit.events_of(office.db.conn, "draw_spot_check", "")[0]["details"]
    assert (event["codes"], event["head_hash"], event["population"]) == (codes, head, 4)

    r = office.session("R001")  # a reviewer checks
    for code in codes:
        got = spot_checks.check(r, sid, code, drive(images, code), office.cred("R001"))
        assert (got.outcome, got.incident_id) == ("match", None)
    assert spot_checks.close(r, sid, office.cred("R001")) == "all_match"
    d = spot_checks.show(r, sid)
    assert d["status"] == "closed" and d["closing"]["outcome"] == "all_match"
    assert (d["closing"]["checked"], d["closing"]["failed"], d["closing"]["unchecked"]) == (3, 0, 0)
    assert all(i["outcome"] == "match" and i["checker"].startswith("R001") for i in d["items"])
    assert all("(checker)" in i["signatures"][0] for i in d["items"])
    assert "R001" in d["closing"]["signatures"][0]
    assert all(lookup.scan(k, c).status == "in_custody" for c in images)
    assert entries.incidents(office.db.conn) == []
    assert [a for _, a in office.changes()][-4:] == ["spot_check"] * 3 + ["close_spot_check"]
    assert admin.verify_audit(office.db).ok
    # a new draw now: the head moved on, so another sample may come out (never picked)
    assert spot_checks.draw(k) == sid + 1


def test_an_altered_disc_is_a_mismatch_reported_to_the_head_and_marked_damaged(
    office: Office, tmp_path: Path
) -> None:
    images = shelf_of_discs(office, tmp_path, pairs=3)
    sid = spot_checks.draw(office.session("K001"), size=2)
    first, second = (i["code"] for i in spot_checks.show(office.session("K001"), sid)["items"])
    offset, _ = file_extent(images[first], f"rec/{sorted(images).index(first)}/cam1.mp4")
    flip_bytes(images[first], offset)
    # the head of another department (禁毒大队) checks a disc of 刑事侦查大队's case: the
    # spot-check duty lets him read it back; the finding goes to that case's head, D001
    d2 = office.session("D002")
    got = spot_checks.check(d2, sid, first, drive(images, first), office.cred("D002"))
    assert got.outcome == "mismatch" and got.incident_id is not None
    assert got.report.label is None  # the disc's label names the case: not handed back
    assert lookup.scan(office.session("K001"), first).status == "damaged"
    [inc] = lookup.inbox(office.session("D001"))["incidents"]
    assert (inc["kind"], inc["code"], inc["id"]) == ("fixity_failed", first, got.incident_id)
    assert f"抽查 #{sid}" in inc["description"]
    assert lookup.inbox(office.session("D002"))["incidents"] == []
    finding = office.db.conn.execute(
        "SELECT kind, verification_id, incident_id FROM medium_findings"
    ).fetchone()
    assert tuple(finding) == ("fixity_failed", got.verification_id, got.incident_id)
    # what the checker is shown names no case (Art. 21)
    shown = spot_checks.show(d2, sid)
    assert "A2026-001" not in json.dumps(shown, ensure_ascii=False)
    assert (
        spot_checks.check(d2, sid, second, drive(images, second), office.cred("D002")).outcome
        == "match"
    )
    assert spot_checks.close(d2, sid, office.cred("D002")) == "findings"
    assert admin.verify_audit(office.db).ok


def test_a_disc_that_cannot_be_read_at_all_is_recorded_unreadable(
    office: Office, tmp_path: Path
) -> None:
    images = shelf_of_discs(office, tmp_path, pairs=1)
    [code] = images
    sid = spot_checks.draw(office.session("K001"))
    images[code].write_bytes(b"\x5a" * 200_000)  # no longer a data disc
    got = spot_checks.check(
        office.session("R001"), sid, code, drive(images, code), office.cred("R001")
    )
    assert got.outcome == "unreadable" and got.incident_id is not None
    assert lookup.scan(office.session("K001"), code).status == "damaged"
    assert spot_checks.close(office.session("R001"), sid, office.cred("R001")) == "findings"
    assert admin.verify_audit(office.db).ok


def test_refusals_change_nothing(office: Office, tmp_path: Path) -> None:
    images = shelf_of_discs(office, tmp_path, pairs=3)
    office.add_person("X001", "钱双职", ["keeper", "reviewer"], "legal")
    k = office.session("K001")
    with refused(office, "bad_sample_size"):
        spot_checks.draw(k, size=4)
    with refused(office, "role_refused"):
        spot_checks.draw(office.session("R001"))
    sid = spot_checks.draw(k, size=2)
    drawn = [i["code"] for i in spot_checks.show(k, sid)["items"]]
    [other] = sorted(set(images) - set(drawn))
    with refused(office, "spot_check_open"):
        spot_checks.draw(k)
    # a keeper never checks: by role, nor someone who is also a keeper
    with refused(office, "role_refused"):
        spot_checks.check(k, sid, drawn[0], drive(images, drawn[0]), office.cred("K001"))
    x = office.session("X001")
    with refused(office, "checker_is_keeper"):
        spot_checks.check(x, sid, drawn[0], drive(images, drawn[0]), office.cred("X001"))
    with refused(office, "checker_is_keeper"):
        spot_checks.close(x, sid, office.cred("X001"), "想结束")
    r = office.session("R001")
    with refused(office, "checker_not_signed_in"):
        spot_checks.check(r, sid, drawn[0], drive(images, drawn[0]), office.cred("D001"))
    with refused(office, "not_in_sample"):
        spot_checks.check(r, sid, other, drive(images, other), office.cred("R001"))
    with refused(office, "wrong_disc"):
        spot_checks.check(r, sid, drawn[0], drive(images, drawn[1]), office.cred("R001"))
    with refused(office, "unknown_spot_check"):
        spot_checks.check(r, sid + 5, drawn[0], drive(images, drawn[0]), office.cred("R001"))
    with refused(office, "no_disc"):
        spot_checks.check(r, sid, drawn[0], f"stdio:{tmp_path / 'none.iso'}", office.cred("R001"))
    assert (
        spot_checks.check(r, sid, drawn[0], drive(images, drawn[0]), office.cred("R001")).outcome
        == "match"
    )
    with refused(office, "already_checked"):
        spot_checks.check(r, sid, drawn[0], drive(images, drawn[0]), office.cred("R001"))
    with refused(office, "unchecked_items") as ei:
        spot_checks.close(r, sid, office.cred("R001"))
    assert drawn[1] in ei.value.message
    assert spot_checks.close(r, sid, office.cred("R001"), "光驱故障，下次补查") == "incomplete"
    with refused(office, "spot_check_closed"):
        spot_checks.close(r, sid, office.cred("R001"), "again")
    with refused(office, "spot_check_closed"):
        spot_checks.check(r, sid, drawn[1], drive(images, drawn[1]), office.cred("R001"))
    closing = spot_checks.show(r, sid)["closing"]
    assert (closing["outcome"], closing["unchecked"], closing["reason"]) == (
        "incomplete",
        1,
        "光驱故障，下次补查",
    )
    assert admin.verify_audit(office.db).ok
