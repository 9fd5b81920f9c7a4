"""Printing through a real CUPS: a private ``cupsd`` (its own config, spool and socket in a
temporary folder; nothing of the system's CUPS is touched) with a cups-pdf queue. What comes
out of cups-pdf has lost its text layer, so it is checked as paper is: rasterised, barcodes
read, bars measured against the sheet template (no scaling)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cups_helpers import PRINTER
from cups_helpers import admin as _admin
from cups_helpers import printed as _printed
from printing_tools import dark_box, decode, rasterise, tool

from keeper_app.services import documents
from printing import PrintError, cups
from printing.barcodes import code128_modules, module_mm
from printing.labels import disc_label_pdf
from printing.layouts import HUB_CLEAR_DIAMETER_MM, sheet

pytestmark = pytest.mark.realtool

PASSWORD = "correct-horse-1"


@pytest.fixture
def pair(office):
    o, _d = office.handed_over_pair()
    return documents.pair_label_data(office.session("K001"), o)


def test_the_private_queue_is_listed(cups_server):
    printers = {p.name: p for p in cups.list_printers(cups_server.socket)}
    assert printers[PRINTER].ready and printers[PRINTER].accepting
    assert printers[PRINTER].state in ("idle", "printing")


def test_printed_labels_decode_and_are_not_scaled(cups_server, pair, tmp_path):
    sh = sheet("avery-l7676")
    pdf = tmp_path / "labels.pdf"
    r = disc_label_pdf(pair, pdf, sheet=sh)
    job = cups.print_pdf(
        pdf, PRINTER, media=r.media, title="keeper labels", server=cups_server.socket
    )
    assert job.startswith(f"{PRINTER}-")
    out = _printed(cups_server, job)
    img = rasterise(out, tmp_path / "printed")
    assert sorted(decode(img)) == sorted(d["code"] for d in pair)
    # the bars are where the template says and as wide as drawn: print-scaling=none held
    px = 25.4 / 300
    r_in = max(sh.hole_diameter_mm, HUB_CLEAR_DIAMETER_MM) / 2 + 1.5
    width = len(code128_modules(pair[0]["code"])) * module_mm(300)
    for p in sh.positions:
        crop = (p.cx_mm - 26, p.cy_mm + r_in - 1, 52, 14)
        box = dark_box(rasterise(out, tmp_path / f"bars{p.number}", crop_mm=crop))
        assert box is not None
        x0, y0 = int(crop[0] / px) * px, int(crop[1] / px) * px
        left, right, top = x0 + box[0] * px, x0 + box[2] * px, y0 + box[1] * px
        assert abs((left + right) / 2 - p.cx_mm) <= 0.5
        assert abs(top - (p.cy_mm + r_in + 1.0)) <= 0.5
        assert abs((right - left) - width) <= 0.5


def test_a_missing_printer_is_named(cups_server, pair, tmp_path):
    pdf = tmp_path / "l.pdf"
    disc_label_pdf(pair, pdf)
    with pytest.raises(PrintError) as e:
        cups.print_pdf(pdf, "NoSuchPrinter", server=cups_server.socket)
    assert e.value.code == "no_such_printer"
    assert "NoSuchPrinter" in str(e.value) and PRINTER in str(e.value)


def test_a_printer_that_rejects_jobs_says_so(cups_server, pair, tmp_path):
    pdf = tmp_path / "l.pdf"
    disc_label_pdf(pair, pdf)
    _admin(cups_server.socket, tool("cupsreject"), "-r", "out of labels", "KeeperReject")
    try:
        assert not {p.name: p for p in cups.list_printers(cups_server.socket)}[
            "KeeperReject"
        ].accepting
        with pytest.raises(PrintError) as e:
            cups.print_pdf(pdf, "KeeperReject", server=cups_server.socket)
        assert e.value.code == "printer_rejecting" and "KeeperReject" in str(e.value)
        # and lp's own refusal (if the state changed after the check) is read the same way
        job = cups.LpJob(pdf, "KeeperReject", server=cups_server.socket)
        job.argv = [tool("lp"), "-h", cups_server.socket, "-d", "KeeperReject", str(pdf)]
        with pytest.raises(PrintError) as e:
            job.run()
        assert e.value.code == "printer_rejecting"
    finally:
        _admin(cups_server.socket, tool("cupsaccept"), "KeeperReject")


def test_unreachable_cups_and_bad_files(tmp_path, pair):
    with pytest.raises(PrintError) as e:
        cups.list_printers(str(tmp_path / "no-such.sock"))
    assert e.value.code == "cups_unreachable"
    bad = tmp_path / "not.pdf"
    bad.write_text("hello")
    with pytest.raises(PrintError) as e:
        cups.print_pdf(bad, PRINTER, server=str(tmp_path / "no-such.sock"))
    assert e.value.code == "not_pdf"
    with pytest.raises(PrintError) as e:
        cups.print_pdf(tmp_path / "missing.pdf", PRINTER)
    assert e.value.code == "no_file"


def test_keeper_label_to_a_printer(cups_server, office, tmp_path):
    o, d = office.handed_over_pair()
    creds = tmp_path / "creds.json"
    creds.write_text(json.dumps({"K001": PASSWORD}))
    creds.chmod(0o600)
    env = dict(os.environ, CUPS_SERVER=cups_server.socket, XDG_CONFIG_HOME=str(tmp_path))
    base = [
        sys.executable,
        "-m",
        "keeper_app.cli",
        "--db",
        office.location,
        "--as",
        "K001",
        "--credentials",
        str(creds),
    ]
    r = subprocess.run(
        [*base, "label", o, "--printer", PRINTER],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    job = r.stdout.split("job ")[-1].strip()
    out = _printed(cups_server, job)
    assert sorted(decode(rasterise(out, tmp_path / "cli"))) == sorted([o, d])
    r = subprocess.run(
        [*base, "print", "printers"], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0 and PRINTER in r.stdout
    r = subprocess.run(
        [*base, "label", o, "--printer", "Nope"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 1 and "there is no printer 'Nope'" in r.stderr
