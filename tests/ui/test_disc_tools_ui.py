"""The other disc and storage tools of the window: a disc (here an image, a file-backed
drive) identified and checked against the register; a recording ingested from a folder onto
the storage device and its backup, with its interrogation record read from the folder."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import Office

from keeper_app.burning.isoread import SECTOR, IsoImage
from keeper_app.domain.errors import RuleViolation
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import StorageSettings, add_sample_recordings
from keeper_app.timeutil import to_db
from keeper_app.ui.dialogs.identify_disc import IdentifyDialog
from keeper_app.ui.dialogs.ingest import IngestDialog
from keeper_app.ui.labels import pretty

pytestmark = pytest.mark.realtool


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _count(office: Office, table: str) -> int:
    return int(office.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_disc_is_identified_then_checked_file_by_file(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    st = StorageSettings.for_database(office.path)
    s = office.session("H001")
    rids = add_sample_recordings(
        s, st, "A2026-001", "王某某", office.clock() - timedelta(hours=6), count=1, seconds=2.0
    )
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    pair = PairBurn(s, rids, [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    m = ui.sign_in("K001")
    d = m.discs.hub.identify(f"stdio:{o_iso}", "image")
    assert isinstance(d, IdentifyDialog)
    qtbot.waitUntil(lambda: d.identity is not None or d.error is not None, timeout=20_000)
    assert d.error is None, d.banner.text()
    assert d.identity is not None
    assert (d.identity["code"], d.identity["registered"]) == (pair.original, True)
    assert d.identity["manifest_matches"] is True and d.banner.kind == "ok"
    assert pretty(pair.original) in d.info.text() and "王某某" in d.info.text()
    assert d.counter_button.isVisible()
    d.go_button.click()  # check every file
    qtbot.waitUntil(lambda: d.check is not None or d.error is not None, timeout=60_000)
    assert d.check is not None and d.check.result == "match" and d.banner.kind == "ok"
    assert _count(office, "verifications") == 3  # two at burning, this one
    # "open at the counter": the keeper's counter shows the disc
    d.counter_button.click()
    qtbot.waitUntil(lambda: m.counter.record.record is not None)
    assert m.counter.record.record.code == pair.original

    # a damaged duplicate (bytes of a recording flipped): identified, then caught
    with IsoImage(d_iso) as iso:
        rec_file = next(f for f in iso.files() if f.path.endswith(".mp4"))
    with open(d_iso, "r+b") as f:
        f.seek(rec_file.extents[0][0] * SECTOR + 1000)
        f.write(b"\xff" * 64)
    d2 = m.discs.hub.identify(f"stdio:{d_iso}")
    qtbot.waitUntil(lambda: d2.identity is not None or d2.error is not None, timeout=20_000)
    assert d2.identity is not None and d2.identity["code"] == pair.duplicate
    d2.go_button.click()
    qtbot.waitUntil(lambda: d2.check is not None or d2.error is not None, timeout=60_000)
    assert d2.check is not None and d2.check.result == "mismatch"
    assert d2.check.report.changed == [rec_file.path]
    assert d2.banner.kind == "error" and rec_file.path in d2.banner.text()
    # a disc that is not Keeper's: said so
    d3 = m.discs.hub.identify(f"stdio:{tmp_path / 'nothing.iso'}")
    qtbot.waitUntil(lambda: not d3.running, timeout=20_000)
    assert isinstance(d3.error, RuleViolation) and d3.banner.kind == "error"


def _source(tmp_path: Path, office: Office, record: bool = True) -> tuple[Path, dict[str, Any]]:
    src = tmp_path / "usb" / "interrogation"
    (src / "cam1").mkdir(parents=True)
    (src / "cam1" / "part1.mp4").write_bytes(os.urandom(3_000_000))
    (src / "cam1" / "part2.mp4").write_bytes(os.urandom(500_000))
    start = office.clock() - timedelta(hours=5)
    rec = {
        "case_no": "A2026-001",
        "person_name": "王某某",
        "person_role": "suspect",
        "started_at": to_db(start),
        "ended_at": to_db(start + timedelta(hours=1)),
        "place": "讯问室2",
        "interruptions": [
            {
                "start": to_db(start + timedelta(minutes=20)),
                "end": to_db(start + timedelta(minutes=25)),
                "reason": "犯罪嫌疑人要求如厕",
            }
        ],
    }
    if record:
        (src / "keeper-record.json").write_text(json.dumps(rec, ensure_ascii=False), "utf-8")
    return src, rec


def test_a_recording_is_ingested_with_its_record(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    src, rec = _source(tmp_path, office)
    m = ui.sign_in("H001")
    d = m.discs.open_ingest()
    assert isinstance(d, IngestDialog)
    qtbot.waitUntil(lambda: d.case.count() > 0)
    d.set_source(str(src))
    qtbot.waitUntil(lambda: d.person.text() == "王某某", timeout=10_000)
    assert d.place.text() == "讯问室2" and d.case.currentData() == "A2026-001"
    assert d.need == 3_500_000 and len(d.interruptions) == 1
    qtbot.waitUntil(lambda: "3.5 MB" in d.space.text() and d.space_facts is not None)
    d.go_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=60_000)
    assert d.error is None, d.banner.text()
    rid, entries, found = d.result_value
    assert found["flags"] == [] and found["duration"]["result"] == "unreadable"
    # random bytes are no video: the duration check at ingest says so (Art. 10, 22(4))
    assert d.banner.kind == "warn" and str(rid) in d.banner.text()
    st = StorageSettings.for_database(office.path)
    for e in entries:
        name = e.path.rsplit("/", 1)[-1]
        original = src / "cam1" / name
        assert _sha(st.storage_root / e.path) == _sha(st.backup_root / e.path) == _sha(original)
    row = office.db.conn.execute(
        "SELECT person_name, place, started_at, interruptions FROM recordings WHERE id=?", (rid,)
    ).fetchone()
    assert (row["person_name"], row["place"], row["started_at"]) == (
        "王某某",
        "讯问室2",
        rec["started_at"],
    )
    assert json.loads(row["interruptions"])[0]["reason"] == "犯罪嫌疑人要求如厕"

    # the same recording again: refused, nothing overwritten, nothing registered
    before = office.snapshot()
    d.go_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=60_000)
    assert isinstance(d.error, RuleViolation) and d.error.code == "exists"
    assert d.banner.kind == "error" and office.snapshot() == before


def test_an_ingest_without_times_is_refused_before_copying(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    src, _rec = _source(tmp_path, office, record=False)
    m = ui.sign_in("H001")
    d = m.discs.open_ingest()
    qtbot.waitUntil(lambda: d.case.count() > 0)
    d.set_source(str(src))
    qtbot.waitUntil(lambda: d.need == 3_500_000, timeout=10_000)
    d.person.setText("王某某")
    d.place.setText("讯问室2")
    d.started.setText("yesterday")
    d.go_button.click()
    assert not d.running and d.banner.kind == "error"
    assert not StorageSettings.for_database(office.path).storage_root.exists()
    assert _count(office, "recordings") == 0


def test_the_ingest_dialog_reads_the_file_systems_on_a_worker(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    """The free space of the two roots (statvfs), the roots themselves and the USB disks are
    read on a worker: the window has them only once the event loop delivered the result, so
    a storage device that does not answer keeps a worker waiting, never the window."""
    src, _rec = _source(tmp_path, office)
    m = ui.sign_in("H001")
    d = m.discs.open_ingest()
    # nothing of the file systems is known yet: no event was processed since it opened
    assert d.settings is None and d.space_facts is None
    assert "正在读取" in d.space.text()  # "reading the free space…"
    qtbot.waitUntil(lambda: d.space_facts is not None)
    st = StorageSettings.for_database(office.path)
    assert d.settings == st
    assert d.space_facts["storage_root"] == str(st.storage_root)
    assert str(st.storage_root) in d.space.text() and "可用" in d.space.text()  # "free"
    # the source's files and record, likewise
    d.set_source(str(src))
    assert d.need == 0 and d.person.text() == ""
    qtbot.waitUntil(lambda: d.need == 3_500_000, timeout=10_000)


def test_the_ingest_dialog_touches_no_file_system_itself() -> None:
    """The dialog calls services only, and every service call that reaches a file system
    is made inside the function it hands to a worker (a lambda or a nested def)."""
    import ast
    import inspect

    import keeper_app.ui.dialogs.ingest as mod

    tree = ast.parse(inspect.getsource(mod))
    imported = {(n.module or "") for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not imported & {"os", "shutil", "...burning.storage", "...devices.udev"}, imported
    assert "snapshot" not in {
        a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names
    }
    fs_calls = {
        "source_facts",
        "space",
        "usb_sources",
        "ingest",
        "for_database",
        "read_record_file",
        "free_bytes",
        "scan_source",
        "snapshot",
    }
    on_gui = []

    def visit(node: ast.AST, in_worker: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = (
                in_worker
                or isinstance(child, ast.Lambda)
                or (isinstance(child, ast.FunctionDef) and not isinstance(node, ast.ClassDef))
            )
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr in fs_calls
                and not nested
            ):
                on_gui.append(f"line {child.lineno}: {child.func.attr}")
            visit(child, nested)

    visit(tree, False)
    assert on_gui == [], on_gui
