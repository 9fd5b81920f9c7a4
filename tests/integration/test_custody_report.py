"""Issue 16: the chain-of-custody report of a disc, its pair and a case, on a real office —
a pair burned with the real xorriso on file-backed drives, handed over, the duplicate taken
out and returned damaged, the original unsealed to reproduce it, resealed, the new duplicate
transferred to a court. The report's data lists every event in order with its signers and
capacities; the PDF, read back with pdftotext, shows them with the hashes; the head's QR
code, decoded with zbarimg, is the chain's head; Art. 21 refusals write nothing."""

from __future__ import annotations

import json
import subprocess
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import keeper_cmd, register_file_recording, settings, write_creds
from conftest import PASSWORD, Office
from printing_tools import page_count, pdf_text, rasterise, squash, tool

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, catalogue, custody, heads, intake, reproduction, transfers
from keeper_app.services.burning import PairBurn
from keeper_app.services.custody_report import CustodyReport, custody_report
from keeper_app.store import audit
from printing import custody as custody_pdf

pytestmark = pytest.mark.realtool

DATA = bytes(range(256)) * 300


def _life(office: Office, tmp_path: Path) -> tuple[str, str, str]:
    """The pair's whole life; returns (original, damaged duplicate, new duplicate)."""
    h = office.session("H001")
    st = settings(tmp_path)
    rid = register_file_recording(h, st, "A2026-001", "王某某", "A2026-001/r1.bin", DATA)
    o_iso, d_iso, new_iso = tmp_path / "o.iso", tmp_path / "d.iso", tmp_path / "new.iso"
    r = PairBurn(h, [rid], [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    o, d = r.original, r.duplicate
    office.clock.advance(hours=1)
    k = office.session("K001")
    intake.handover(k, o, office.cred("H001"), office.cred("K001"), "S-0001", "柜A-01", "柜B-01")
    office.clock.advance(hours=1)
    office.retrieve(k, d, office.cred("H002"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=2)
    custody.return_medium(
        k, d, office.cred("H002"), office.cred("K001"), "damaged", note="盘面严重划伤，无法读取"
    )
    office.clock.advance(hours=1)
    aid = custody.request_unseal(k, o, "reproduce_duplicate")
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True, "同意")
    office.clock.advance(minutes=10)
    custody.unseal(
        office.session("K001"),
        o,
        aid,
        office.cred("K001"),
        office.cred("K002"),
        user=office.cred("H001"),
        est_usage_hours=2,
    )
    office.clock.advance(minutes=10)
    rep = reproduction.reproduce_duplicate(
        office.session("K001"),
        o,
        f"stdio:{o_iso}",
        f"stdio:{new_iso}",
        office.cred("K001"),
        office.cred("K002"),
        "柜B-02",
    )
    office.clock.advance(minutes=30)
    custody.reseal(
        office.session("K001"),
        o,
        "S-0002",
        office.cred("K001"),
        office.cred("K002"),
        "复制完毕",
        inspection="intact",
    )
    office.clock.advance(hours=1)
    qid = transfers.register_court_request(
        office.session("H001"),
        "A2026-001",
        "court",
        "某市中级人民法院",
        "(2026)刑调字第1号",
        office.clock() - timedelta(hours=1),
        whole_case=True,
    )
    office.clock.advance(hours=1)
    transfers.court_transfer(
        office.session("K001"), qid, rep.duplicate, office.cred("C001"), office.cred("K001")
    )
    return o, d, rep.duplicate


def _signed(rep: CustodyReport, action: str, table: str) -> list[tuple[str, str]]:
    [ev] = [e for e in rep.events if e.action == action]
    [entry] = [e for e in ev.entries if e.table == table]
    return [(g.badge, g.capacity) for g in entry.signatures]


def test_the_pair_s_life_is_reported_in_order_with_its_signers_and_hashes(
    office: Office, tmp_path: Path
) -> None:
    o, d, new = _life(office, tmp_path)
    rep = custody_report(office.session("K001"), o, pair=True)
    assert [x.code for x in rep.discs] == [o, d, new]
    assert [(x.copy_role, x.status) for x in rep.discs] == [
        ("original", "sealed"),
        ("duplicate", "retired"),
        ("duplicate", "transferred"),
    ]
    assert [e.action for e in rep.events] == [
        "register_pair",
        "handover",
        "request_retrieval",
        "decide_retrieval",
        "retrieve",
        "return",
        "request_unseal",
        "decide_approval",
        "unseal",
        "reproduce_duplicate",
        "reseal",
        "register_court_request",
        "court_transfer",
    ]
    seqs = [e.seq for e in rep.events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert [e.at for e in rep.events] == sorted(e.at for e in rep.events)
    # who signed what, in which capacity
    assert _signed(rep, "handover", "handovers") == [("H001", "case_handler"), ("K001", "keeper")]
    assert _signed(rep, "decide_retrieval", "retrieval_decisions") == [("D001", "approver")]
    assert _signed(rep, "retrieve", "retrievals") == [("H002", "retriever"), ("K001", "keeper")]
    assert _signed(rep, "return", "returns") == [("H002", "returner"), ("K001", "keeper")]
    assert _signed(rep, "decide_approval", "approval_decisions") == [("D001", "approver")]
    assert _signed(rep, "unseal", "seal_events") == [("K001", "keeper"), ("K002", "witness")]
    assert _signed(rep, "unseal", "original_uses") == [("H001", "retriever"), ("K001", "keeper")]
    assert _signed(rep, "reproduce_duplicate", "reproductions") == [
        ("K001", "keeper"),
        ("K002", "witness"),
    ]
    assert _signed(rep, "reseal", "seal_events") == [("K001", "sealer"), ("K002", "sealer")]
    assert _signed(rep, "reseal", "reseal_inspections") == [("K001", "keeper"), ("K002", "witness")]
    assert _signed(rep, "court_transfer", "court_transfers") == [
        ("C001", "recipient"),
        ("K001", "keeper"),
    ]
    # the damage: the return's inspection and the incident raised to the head, in one event
    [ret] = [e for e in rep.events if e.action == "return"]
    assert [x.table for x in ret.entries][:1] == ["returns"]
    assert "incidents" in [x.table for x in ret.entries]
    facts = {f.label: f.value for f in ret.entries[0].facts}
    assert facts["col_inspection"] == "damaged" and facts["note"] == "盘面严重划伤，无法读取"
    # the burn: both discs registered with the manifest, both read back after burning
    [burn] = [e for e in rep.events if e.action == "register_pair"]
    assert burn.codes == tuple(sorted((o, d)))
    assert sorted(
        (x.codes, {f.label: f.value for f in x.facts}["result"])
        for x in burn.entries
        if x.table == "verifications"
    ) == sorted([((o,), "match"), ((d,), "match")])
    # every hash is the chain's and the entries' own
    conn = office.db.conn
    for ev in rep.events:
        assert ev.hash == audit.hash_at(conn, ev.seq)
        for e in ev.entries:
            if e.table != "media":
                assert e.content_sha256 == audit.content_sha256(conn, e.table, e.id)
            assert all(g.content_sha256 == e.content_sha256 for g in e.signatures)
    assert heads.check_printout(conn, rep.head["qr"]).ok
    # one disc: only its own events
    single = custody_report(office.session("K001"), d)
    assert [e.action for e in single.events] == [
        "register_pair",
        "handover",
        "request_retrieval",
        "decide_retrieval",
        "retrieve",
        "return",
        "request_unseal",  # its damage is the ground of the unsealing (unseal_grounds)
        "reproduce_duplicate",
    ]
    assert all(e.codes == (d,) for e in single.events)
    assert admin.verify_audit(office.db).ok


def test_the_pdf_shows_the_events_signers_hashes_and_the_head_as_qr(
    office: Office, tmp_path: Path
) -> None:
    o, d, new = _life(office, tmp_path)
    k = office.session("K001")
    data = custody_report(k, o, pair=True)
    pdf = tmp_path / "custody.pdf"
    result = custody_pdf.custody_report_pdf(asdict(data), pdf)
    assert result.pages == page_count(pdf) >= 2
    text = squash(pdf_text(pdf))
    assert "讯问录音录像光盘保管链报告" in text
    for word in ("刻录登记", "移交保管", "调取", "归还", "启封", "重新封存", "移送法院/检察院"):
        assert word in text, word
    for name in ("张办案", "刘办案", "李保管", "赵保管", "周大队长", "郑书记员"):
        assert name in text, name
    for capacity in (
        "办案人",
        "保管员",
        "调取人",
        "归还人",
        "见证人",
        "封存人",
        "批准人",
        "接收人",
    ):
        assert capacity in text, capacity
    assert "损毁" in text and "盘面严重划伤" in text
    for ev in data.events:
        assert ev.hash in text, ev.seq
        for e in ev.entries:
            if e.content_sha256:
                assert e.content_sha256 in text, (e.table, e.id)
            for g in e.signatures:
                assert g.signed_at.replace(" ", "") in text
    for n in range(1, result.pages + 1):
        assert f"第{n}页共{result.pages}页" in squash(pdf_text(pdf, n))
    # the head: in every footer, and the QR code of the first and last pages decodes to it
    head = data.head
    for page in (1, result.pages):
        assert head["hash"] in squash(pdf_text(pdf, page))
        assert _qr(pdf, tmp_path, page) == head["qr"]
    assert _qr(pdf, tmp_path, 1) == head["qr"]
    # as the application and the command make it: the head when it was made
    made = tmp_path / "made.pdf"
    catalogue.custody_report(o, pair=True).make(k, catalogue.Options(), made)
    check = heads.check_printout(office.db.conn, _qr(made, tmp_path, 1))
    assert check.ok and check.seq > head["seq"]  # the first report's reading came after
    assert data.events[-1].hash in squash(pdf_text(made))
    # in English too
    en = tmp_path / "custody-en.pdf"
    catalogue.custody_report(o, pair=True).make(k, catalogue.Options(lang="en"), en)
    text_en = squash(pdf_text(en))
    assert "Chain-of-custodyreport" in text_en and "Resealed" in text_en
    assert "Keeper" in text_en and data.events[-1].hash in text_en


def _qr(pdf: Path, tmp_path: Path, page: int) -> str:
    """The one QR code on a page, decoded by zbarimg from the page rasterised at 300 dpi."""
    image = rasterise(pdf, tmp_path / f"{pdf.stem}-p{page}", dpi=300, page=page)
    out = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    [text] = out.stdout.split()
    return text


def _refused(office: Office, badge: str, code: str, fn: object) -> None:
    s = office.session(badge)
    before = office.snapshot(sign_ins=True)
    with pytest.raises(RuleViolation) as e:
        fn(s)  # type: ignore[operator]
    assert e.value.code == code and e.value.article == "Art. 21"
    assert office.snapshot(sign_ins=True) == before  # not even a logged reading


def test_a_person_who_may_not_see_the_case_is_refused_and_nothing_is_written(
    office: Office, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    pdf = tmp_path / "x.pdf"
    doc = catalogue.custody_report(o, pair=True)
    for badge, code in (("D002", "not_your_department"), ("H003", "not_your_case")):
        _refused(office, badge, code, lambda s: custody_report(s, o))
        _refused(office, badge, code, lambda s: custody_report(s, None, case_no="A2026-001"))
        _refused(office, badge, code, lambda s: doc.make(s, catalogue.Options(), pdf))
        assert not pdf.exists()
    # a disc or a case, not both, not neither
    for args, kw in (((o,), {"case_no": "A2026-001"}), ((None,), {})):
        s = office.session("K001")
        before = office.snapshot(sign_ins=True)
        with pytest.raises(RuleViolation) as e:
            custody_report(s, *args, **kw)  # type: ignore[arg-type]
        assert e.value.code == "bad_scope" and office.snapshot(sign_ins=True) == before
    # a handler of the case and the head of its department see it; the reading is logged
    for badge in ("H002", "D001"):
        s = office.session(badge)
        before = office.db.conn.execute(
            "SELECT count(*) FROM audit_events WHERE action='read'"
        ).fetchone()[0]
        assert custody_report(s, o).events
        [(details,)] = office.db.conn.execute(
            "SELECT payload FROM audit_events WHERE action='read' ORDER BY seq DESC LIMIT 1"
        ).fetchall()
        assert json.loads(details)["details"]["doc"] == "custody_report"
        after = office.db.conn.execute(
            "SELECT count(*) FROM audit_events WHERE action='read'"
        ).fetchone()[0]
        assert after == before + 1


def test_a_case_report_covers_both_discs_of_each_pair(office: Office) -> None:
    o1, d1 = office.handed_over_pair()
    o2, d2 = office.handed_over_pair(person="李某某")
    o3, d3 = office.handed_over_pair("B2026-002", "H003", "赵某")  # another case
    k = office.session("K001")
    office.retrieve(k, d2, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    rep = custody_report(k, None, case_no="A2026-001")
    assert rep.scope == "case" and rep.case_no == "A2026-001"
    assert sorted(x.code for x in rep.discs) == sorted([o1, d1, o2, d2])
    registered = [e for e in rep.events if e.action == "register_pair"]
    assert [e.codes for e in registered] == [tuple(sorted((o1, d1))), tuple(sorted((o2, d2)))]
    handed = [e for e in rep.events if e.action == "handover"]
    assert [e.codes for e in handed] == [tuple(sorted((o1, d1))), tuple(sorted((o2, d2)))]
    [out] = [e for e in rep.events if e.action == "retrieve"]
    assert out.codes == (d2,)
    assert not {o3, d3} & {c for e in rep.events for c in e.codes}


def test_keeper_report_custody_lists_saves_and_refuses(office: Office, tmp_path: Path) -> None:
    o, d = office.handed_over_pair()
    creds = write_creds(tmp_path, PASSWORD, "K001", "D002")

    def run(badge: str, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = keeper_cmd(office.location, *args, creds=creds, as_badge=badge)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    r = run("K001", "report", "custody", d)
    assert r.returncode == 0, r.stderr
    assert "register_pair" in r.stdout and "handover" in r.stdout
    assert "signed by 张办案 (H001) as case_handler" in r.stdout
    pdf = tmp_path / "pair.pdf"
    r = run("K001", "report", "custody", o, "--pair", "--pdf", str(pdf), "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"saved {pdf}")
    assert "Handedover" in squash(pdf_text(pdf))
    r = run("K001", "--json", "report", "custody", "--case", "A2026-001")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["scope"] == "case" and sorted(x["code"] for x in data["discs"]) == sorted([o, d])
    before = office.snapshot(sign_ins=False)
    r = run("D002", "report", "custody", o)
    assert r.returncode == 1 and "heads another department" in r.stderr, r.stderr
    assert office.snapshot(sign_ins=False) == before
    r = run("K001", "report", "custody")
    assert r.returncode == 1 and "--case" in r.stderr


def test_an_event_taller_than_a_page_is_split_at_a_line_with_the_header_repeated(
    tmp_path: Path,
) -> None:
    """Rows never break across pages, but one event with more entries than a page holds
    goes on at a line of the next page; every page repeats the column headers."""
    h = "ab" * 32
    entries = [
        {
            "table": "corrections",
            "id": i,
            "codes": ["31012026000001D8"],
            "facts": [{"label": "new_value", "value": f"值{i}", "enum": False}],
            "content_sha256": f"{i:064x}",
            "signatures": [
                {
                    "name": "李保管",
                    "badge": "K001",
                    "capacity": "corrector",
                    "signed_at": "2026-11-20 09:00:00",
                    "content_sha256": f"{i:064x}",
                    "drawn": False,
                }
            ],
        }
        for i in range(1, 121)
    ]
    small = {**entries[0], "id": 999, "content_sha256": "f" * 64, "signatures": []}
    data = {
        "scope": "disc",
        "ref": "31012026000001D8",
        "case_no": "A2026-001",
        "case_name": "王某某故意伤害案",
        "department": "刑事侦查大队",
        "discs": [],
        "events": [
            {
                "seq": 7,
                "hash": h,
                "action": "correct",
                "at": "2026-11-20 09:00:00",
                "actor_name": "李保管",
                "actor_badge": "K001",
                "codes": ["31012026000001D8"],
                "entries": entries,
            },
            {**_event(8, "c" * 64), "entries": [small]},
        ],
        "head": {"seq": 9, "hash": "d" * 64, "qr": heads.head_text(9, "d" * 64)},
    }
    pdf = tmp_path / "tall.pdf"
    result = custody_pdf.custody_report_pdf(data, pdf)
    assert result.pages == page_count(pdf) >= 3
    text = squash(pdf_text(pdf))
    assert all(f"{i:064x}" in text for i in range(1, 121))
    assert "f" * 64 in text and "c" * 64 in text
    for n in range(1, result.pages + 1):
        page = squash(pdf_text(pdf, n))
        assert "登记、内容哈希及签名" in page and f"第{n}页共{result.pages}页" in page
        assert _qr(pdf, tmp_path, n) == data["head"]["qr"]  # type: ignore[index]


def _event(seq: int, h: str) -> dict[str, object]:
    return {
        "seq": seq,
        "hash": h,
        "action": "set_location",
        "at": "2026-11-20 10:00:00",
        "actor_name": "李保管",
        "actor_badge": "K001",
        "codes": ["31012026000001D8"],
        "entries": [],
    }
