"""Issue 16: the chain-of-custody report shows what was signed. An insider who rewrites a
signed return behind Keeper (a damaged disc made "intact") does not get a clean report: the
entry's content hash is no longer the one its signatures cover, and the printed page says so
next to each signature."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import insider
import pytest
from conftest import Office
from integration.printing_tools import pdf_text, squash

from keeper_app.services import admin, custody
from keeper_app.services.custody_report import custody_report
from printing.custody import custody_report_pdf

pytestmark = pytest.mark.realtool


def test_a_rewritten_signed_entry_shows_the_content_its_signatures_cover(
    office: Office, tmp_path: Path
) -> None:
    o, d = office.handed_over_pair()
    k = office.session("K001")
    office.retrieve(k, d, office.cred("H001"), office.cred("K001"), "D001", "case_handling", 4)
    office.clock.advance(hours=1)
    xid = custody.return_medium(
        k, d, office.cred("H001"), office.cred("K001"), "damaged", note="盘面划伤"
    )
    [ret] = [x for e in custody_report(k, d).events for x in e.entries if x.table == "returns"]
    signed = ret.content_sha256
    assert [g.content_sha256 for g in ret.signatures] == [signed, signed]

    with insider.raw(office.path, "*") as con:
        con.execute("UPDATE returns SET inspection='intact', note='' WHERE id=?", (xid,))

    rep = custody_report(office.session("K001"), d)
    [ret] = [x for e in rep.events for x in e.entries if x.table == "returns"]
    assert ret.content_sha256 != signed
    assert {f.label: f.value for f in ret.facts}["col_inspection"] == "intact"
    assert [g.content_sha256 for g in ret.signatures] == [signed, signed]
    pdf = tmp_path / "custody.pdf"
    custody_report_pdf(asdict(rep), pdf)
    text = squash(pdf_text(pdf))
    assert text.count("签名所针对的内容哈希（与现内容不符）" + signed) == 2
    assert ret.content_sha256 in text
    assert not admin.verify_audit(office.db).ok
