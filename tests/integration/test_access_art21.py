"""Art. 21 through every path that shows a disc: a case handler of another case and the head
of another department are refused a disc's record however they ask for it — scanning it,
identifying it in a drive, reading its verifications, printing its label — and the fixity
report shows each person only the discs they may see (a keeper: the whole shelf). Real
xorriso images on file-backed drives; a refusal changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from burning_helpers import register_file_recording, settings
from conftest import Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import custody, documents, intake, lookup
from keeper_app.services.burning import PairBurn, identify_disc, verifications, verify_medium
from keeper_app.services.fixity import fixity_report
from keeper_app.services.storage import StorageSettings

pytestmark = pytest.mark.realtool

#: (badge, what they are) -> the refusal they get for a disc of case A2026-001 (crim)
OUTSIDERS = {
    "H003": "not_your_case",  # handles B2026-002 only (drug)
    "D002": "not_your_department",
}  # heads the drug squad
INSIDERS = ("K001", "R001", "H001", "H002", "D001")


def _pair(
    office: Office, st: StorageSettings, tmp_path: Path, case_no: str, handler: str, name: str
) -> tuple[str, str, Path]:
    s = office.session(handler)
    rid = register_file_recording(
        s, st, case_no, name, f"{case_no}/{name}.mp4", data=os.urandom(40_000)
    )
    o_iso, d_iso = tmp_path / f"{name}-o.iso", tmp_path / f"{name}-d.iso"
    r = PairBurn(s, [rid], [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    intake.handover(
        office.session("K001"),
        r.original,
        office.cred(handler),
        office.cred("K001"),
        f"S-{name}",
        f"柜A-{name}",
        f"柜B-{name}",
    )
    return r.original, r.duplicate, d_iso


@pytest.fixture
def discs(office: Office, tmp_path: Path) -> dict[str, tuple[str, str, Path]]:
    st = settings(tmp_path)
    return {
        "crim": _pair(office, st, tmp_path, "A2026-001", "H001", "crim"),
        "drug": _pair(office, st, tmp_path, "B2026-002", "H003", "drug"),
    }


def test_identifying_a_disc_of_another_case_or_department_shows_nothing_of_it(
    office: Office, discs: dict[str, tuple[str, str, Path]]
) -> None:
    _o, d, iso = discs["crim"]
    for badge in INSIDERS:
        got = identify_disc(office.session(badge), f"stdio:{iso}")
        assert (got["code"], got["status"], got["location"]) == (d, "in_custody", "柜B-crim")
    for badge, code in OUTSIDERS.items():
        s = office.session(badge)
        before = office.snapshot()
        for call, arg in (
            (identify_disc, f"stdio:{iso}"),
            (verifications, d),
            (verify_medium, f"stdio:{iso}"),
            (lookup.scan, d),
            (documents.label_data, d),
            (documents.handover_of, d),
        ):
            with pytest.raises(RuleViolation) as ei:
                call(s, arg)
            assert ei.value.code == code, (badge, ei.value.message)
            assert "A2026-001" in ei.value.message and ei.value.article == "Art. 21"
            assert "柜B-crim" not in ei.value.message and "in_custody" not in ei.value.message
        assert office.snapshot() == before
    # each outsider still sees their own disc
    for badge in OUTSIDERS:
        got = identify_disc(office.session(badge), f"stdio:{discs['drug'][2]}")
        assert got["code"] == discs["drug"][1] and got["location"] == "柜B-drug"


def test_lists_show_a_head_their_department_and_a_handler_their_cases(
    office: Office, discs: dict[str, tuple[str, str, Path]]
) -> None:
    every = {discs[k][i] for k in discs for i in (0, 1)}
    crim = {discs["crim"][0], discs["crim"][1]}
    drug = every - crim
    for badge, seen in (
        ("K001", every),
        ("R001", every),
        ("D001", crim),
        ("H001", crim),
        ("D002", drug),
        ("H003", drug),
    ):
        s = office.session(badge)
        assert {r["code"] for r in lookup.media(s)} == seen, badge
        case_nos = (
            {"A2026-001"}
            if seen == crim
            else {"B2026-002"}
            if seen == drug
            else {"A2026-001", "B2026-002"}
        )
        assert {c["case_no"] for c in lookup.cases(s)} == case_nos, badge


def test_the_fixity_report_shows_each_person_only_the_discs_they_may_see(
    office: Office, tmp_path: Path, discs: dict[str, tuple[str, str, Path]]
) -> None:
    st = settings(tmp_path)
    office.clock.advance(days=731)  # every duplicate on the shelf is due
    crim_d, drug_d = discs["crim"][1], discs["drug"][1]
    for badge, due, sealed in (
        ("K001", {crim_d, drug_d}, 2),
        ("R001", {crim_d, drug_d}, 2),
        ("D001", {crim_d}, 1),
        ("H001", {crim_d}, 1),
        ("D002", {drug_d}, 1),
        ("H003", {drug_d}, 1),
    ):
        rep = fixity_report(office.session(badge), st)
        assert {i.code for i in rep.due} == due, badge
        assert rep.sealed_not_checked == sealed, badge
        text = rep.text()
        for other in {crim_d, drug_d} - due:
            assert (
                other not in text and "柜B-" + ("crim" if other == crim_d else "drug") not in text
            ), badge


def test_a_head_s_due_list_register_and_stocktaking_are_their_department_s(
    office: Office, discs: dict[str, tuple[str, str, Path]]
) -> None:
    k = office.session("K001")
    for dept, handler, head in (("crim", "H001", "D001"), ("drug", "H003", "D002")):
        office.retrieve(
            k, discs[dept][1], office.cred(handler), office.cred("K001"), head, "case_handling", 2
        )
    office.clock.advance(hours=3)  # both late
    for badge, mine in (
        ("K001", {"crim", "drug"}),
        ("R001", {"crim", "drug"}),
        ("D001", {"crim"}),
        ("D002", {"drug"}),
    ):
        s = office.session(badge)
        codes = {discs[d][1] for d in mine}
        assert {x["code"] for x in lookup.due(s) if x["kind"] == "return"} == codes, badge
        assert {r["code"] for r in lookup.register(s)} == codes, badge
        assert {r["code"] for r in documents.register_document(s)["rows"]} == codes, badge
        # the sealed originals stay on the shelf
        assert {r["code"] for r in lookup.inventory_expected(s)} == {discs[d][0] for d in mine}, (
            badge
        )


def test_entries_of_another_case_or_department_are_not_corrected(office: Office) -> None:
    """A correction reads the entry it corrects (and says its value when nothing would
    change): only for a case the person may see."""
    from keeper_app.services import admin

    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 2)
    custody.return_medium(k, d, office.cred("H001"), office.cred("K001"), "damaged", note="划伤")
    one = office.db.conn.execute
    ids = {
        t: one(f"SELECT max(id) FROM {t}").fetchone()[0]
        for t in ("handovers", "retrievals", "returns", "incidents")
    }
    ids["media"] = office.medium_id(o)
    fields = {
        "handovers": "note",
        "retrievals": "purpose",
        "returns": "note",
        "incidents": "description",
        "media": "label.producer",
    }
    for badge, code in OUTSIDERS.items():
        before = office.snapshot()
        for table, entry_id in ids.items():
            with pytest.raises(RuleViolation) as ei:
                admin.correct(
                    office.session(badge),
                    table,
                    entry_id,
                    fields[table],
                    "改",
                    "笔误",
                    office.cred(badge),
                )
            if table == "incidents":
                # never rewritten by anyone (issue 14): refused before the entry is read, so
                # it says nothing of the case either
                assert ei.value.code == "incident_supplement_only", (badge, ei.value.message)
                assert "A2026-001" not in ei.value.message
                continue
            assert ei.value.code == code, (badge, table, ei.value.message)
            assert "A2026-001" in ei.value.message
        assert office.snapshot() == before
    # the case's own handler and department head still may, each what is theirs to correct
    # (issue 14: the handler the handover's note, the head a label)
    for badge, table, field in (("H001", "handovers", "note"), ("D001", "media", "label.producer")):
        admin.correct(
            office.session(badge),
            table,
            ids[table],
            field,
            f"补记{badge}",
            "漏记",
            office.cred(badge),
        )


def test_a_court_request_is_registered_only_for_a_case_the_person_may_see(office: Office) -> None:
    from datetime import timedelta

    from keeper_app.services import transfers

    office.handed_over_pair()  # the request lists the case's recordings (issue 14)
    at = office.clock() - timedelta(hours=1)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as ei:
        transfers.register_court_request(
            office.session("H003"),
            "A2026-001",
            "court",
            "某市中级人民法院",
            "1号",
            at,
            whole_case=True,
        )
    assert ei.value.code == "not_your_case" and "A2026-001" in ei.value.message
    assert office.snapshot() == before
    assert transfers.register_court_request(
        office.session("H001"), "A2026-001", "court", "某市中级人民法院", "1号", at, whole_case=True
    )
