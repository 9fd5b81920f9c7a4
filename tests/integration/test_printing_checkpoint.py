"""The daily checkpoint slip: one page with the unit, the times, the head's number and full
hash, both signers with their badges and key fingerprints, lines to sign by hand, and a QR
code of the head that a scanner reads — on the PDF and on what a real CUPS queue printed."""

from __future__ import annotations

import subprocess

import pytest
from cups_helpers import PRINTER
from cups_helpers import printed as _printed
from printing_tools import page_count, pdf_text, rasterise, squash, tool

from keeper_app import crypto
from keeper_app.services import catalogue, checkpoints
from keeper_app.timeutil import show
from printing import cups

pytestmark = pytest.mark.realtool


def qr_codes(image) -> list[str]:
    """Every QR code zbarimg reads in ``image``."""
    r = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode in (0, 4), r.stderr  # 4: nothing found
    return [line.strip() for line in r.stdout.splitlines() if line.strip()]


@pytest.fixture
def taken(office):
    office.handed_over_pair()
    k = office.session("K001")
    cid = checkpoints.take(k, office.cred("K001"), office.cred("D001"))
    return k, cid


def test_the_slip_shows_the_head_and_both_signers(office, taken, tmp_path):
    k, cid = taken
    row = office.db.conn.execute("SELECT * FROM checkpoints WHERE id=?", (cid,)).fetchone()
    pdf = tmp_path / "slip.pdf"
    doc = catalogue.checkpoint_slip(cid)
    assert doc.filename == f"checkpoint-{cid}.pdf"
    r = doc.make(k, catalogue.Options(), pdf)
    assert r.pages == 1 and page_count(pdf) == 1 and r.warnings == []
    flat = squash(pdf_text(pdf))
    keys = {
        b: crypto.fingerprint(
            bytes(
                office.db.conn.execute(
                    "SELECT public_key FROM people WHERE badge=?", (b,)
                ).fetchone()[0]
            )
        )
        for b in ("K001", "D001")
    }
    for word in (
        "审计链每日检查点单",
        "某市公安局",
        "3101",
        "李保管",
        "K001",
        "周大队长",
        "D001",
        "保管员",
        "部门负责人",
        "手写签名",
        squash(keys["K001"]),
        squash(keys["D001"]),
        row["hash"],  # the full hash (grouped on the page)
        squash(show(row["at"])),
        squash(show(row["head_at"])),
    ):
        assert word in flat, word
    assert f"链头事件序号{row['seq']}" in flat
    img = rasterise(pdf, tmp_path / "slip", dpi=200)
    assert f"KH1-{row['seq']}-{row['hash']}" in qr_codes(img)
    en = tmp_path / "slip-en.pdf"
    doc.make(k, catalogue.Options(lang="en"), en)
    assert "Daily checkpoint of the audit chain" in pdf_text(en)


def test_the_slip_is_printed_through_cups_and_its_qr_code_reads(
    office, taken, cups_server, tmp_path
):
    k, cid = taken
    row = office.db.conn.execute("SELECT seq, hash FROM checkpoints WHERE id=?", (cid,)).fetchone()
    pdf = tmp_path / "slip.pdf"
    r = catalogue.checkpoint_slip(cid).make(k, catalogue.Options(), pdf)
    job = cups.print_pdf(
        pdf, PRINTER, media=r.media, title="checkpoint slip", server=cups_server.socket
    )
    out = _printed(cups_server, job)
    img = rasterise(out, tmp_path / "printed", dpi=200)
    assert f"KH1-{row['seq']}-{row['hash']}" in qr_codes(img)


def test_a_reviewer_may_print_it_a_case_handler_may_not(office, taken, tmp_path):
    _k, cid = taken
    doc = catalogue.checkpoint_slip(cid)
    assert doc.make(office.session("R001"), catalogue.Options(), tmp_path / "r.pdf").pages == 1
    from keeper_app.domain.errors import RuleViolation

    with pytest.raises(RuleViolation) as e:
        doc.make(office.session("H001"), catalogue.Options(), tmp_path / "h.pdf")
    assert e.value.code == "role_refused"
