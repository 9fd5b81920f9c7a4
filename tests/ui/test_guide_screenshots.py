"""The screenshots of the user guide (docs/guide.zh_CN.md, docs/guide.en.md), taken from the
real application on a demo office: the real widgets, offscreen, driven as a keeper, a case
handler and a department head drive them — signing in, scanning at the counter, a retrieval
and its return, a handover, printing labels and register pages, an unseal request, its
approval, unsealing and resealing, the due board, burning a pair (real xorriso onto image
files), the settings with the scheduled backups.

Each language gets its own set, from its own copy of one demo database. A test run writes
them to its temporary folder and checks them there — each one taken, of a sane size, not
blank, and one the guide already has — leaving docs/ as it is. ``make guide-screenshots``
(which sets KEEPER_WRITE_GUIDE_IMAGES=1) writes them into docs/images/guide/<language>/,
where they are committed. The images are reduced to 256 colours, so that all of them stay
under ~3 MB; the test checks that too, and that every image the guides name exists.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from keeper_app.demo import DEMO_PASSWORD, make_demo
from keeper_app.store import open_database
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.base import WorkflowDialog
from keeper_app.ui.i18n import Translations
from keeper_app.ui.main_window import MainWindow
from keeper_app.ui.settings import (
    IDLE_LOCK_SECONDS,
    LABEL_SHEET,
    LANGUAGE,
    PRINTER,
    SOUND,
    Settings,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDE_IMAGES = DOCS / "images" / "guide"
LANGUAGES = ("zh_CN", "en")
NOW = datetime(2026, 11, 26, 3, 30, tzinfo=UTC)  # 11:30 in the office (UTC+8)
WINDOW = (1280, 800)
MAX_TOTAL_BYTES = 3_000_000
#: set by ``make guide-screenshots``: the screenshots go into docs/ (else a temporary folder)
WRITE_DOCS = os.environ.get("KEEPER_WRITE_GUIDE_IMAGES") == "1"


# --------------------------------------------------------------------- the demo office
@pytest.fixture(scope="module")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo office (database and its stored recordings), copied for each language."""
    base = tmp_path_factory.mktemp("guide-demo")
    db = open_database(base / "keeper.sqlite")
    try:
        info = make_demo(db, NOW)
    finally:
        db.close()
    assert info.recordings, f"the demo has no real recordings to burn: {info.recordings_note}"
    return base


def query(path: Path, sql: str, *args: Any) -> Any:
    con = sqlite3.connect(path)
    try:
        row = con.execute(sql, args).fetchone()
    finally:
        con.close()
    assert row is not None, (sql, args)
    return row[0] if len(row) == 1 else row


class Office:
    """Who is who in the demo, read from its database."""

    def __init__(self, path: Path):
        self.path = path
        self.keeper, self.keeper2 = [
            r[0]
            for r in sqlite3.connect(path).execute(
                "SELECT badge FROM people WHERE ',' || roles || ',' LIKE '%,keeper,%' "
                "ORDER BY badge"
            )
        ][:2]

    def code(self, status: str, role: str, *, offset: int = 0) -> str:
        return str(
            query(
                self.path,
                "SELECT code FROM media WHERE status=? AND copy_role=? "
                "ORDER BY code LIMIT 1 OFFSET ?",
                status,
                role,
                offset,
            )
        )

    def producer(self, code: str) -> str:
        return str(
            query(
                self.path,
                "SELECT p.badge FROM media m JOIN people p ON p.id=m.producer_id WHERE m.code=?",
                code,
            )
        )

    def head(self, code: str) -> str:
        return str(
            query(
                self.path,
                "SELECT h.badge FROM media m JOIN cases c ON c.id=m.case_id"
                " JOIN departments d ON d.id=c.department_id JOIN people h "
                "ON h.id=d.head_id WHERE m.code=?",
                code,
            )
        )

    def unburned(self) -> tuple[str, str, list[int]]:
        """The handler, the case and the stored interrogation recordings not yet on a disc
        (the demo's sealing videos of seized media are registered without stored files)."""
        rows = (
            sqlite3.connect(self.path)
            .execute(
                "SELECT r.id, p.badge, c.case_no FROM recordings r JOIN people p "
                "ON p.id=r.registered_by JOIN cases c ON c.id=r.case_id "
                "WHERE r.kind IN ('interrogation', 'questioning') AND NOT EXISTS "
                "(SELECT 1 FROM medium_recordings mr WHERE mr.recording_id=r.id) ORDER BY r.id"
            )
            .fetchall()
        )
        assert rows, "no recording waits to be burned"
        return rows[0][1], rows[0][2], [r[0] for r in rows if r[2] == rows[0][2]]


# --------------------------------------------------------------------- driving
class Guide:
    """The application on one language's copy of the demo, and the camera."""

    def __init__(
        self, qtbot: Any, app: KeeperApp, out: Path, office: Office, clock: list[datetime]
    ):
        self.qtbot, self.app, self.out, self.office = qtbot, app, out, office
        self.clock = clock
        self.taken: list[str] = []
        # the test's folder is shown as where an installed Keeper keeps its data
        self.shown_paths = {str(office.path.parent): "~/.local/share/keeper"}

    def advance(self, **kw: float) -> None:
        self.clock[0] += timedelta(**kw)

    def tidy(self, widget: QWidget) -> None:
        """Labels and hints naming the test's folder name the user's data folder instead
        (what a reader's Keeper shows); nothing a person typed is changed."""
        for w in [widget, *widget.findChildren(QWidget)]:
            for get, put in (("text", "setText"), ("placeholderText", "setPlaceholderText")):
                if isinstance(w, QLineEdit) and get == "text":
                    continue
                value = getattr(w, get, None)
                if not callable(value):
                    continue
                text = value()
                if not isinstance(text, str):
                    continue
                new = text
                for old, shown in self.shown_paths.items():
                    new = new.replace(old, shown)
                if new != text:
                    getattr(w, put)(new)

    def shot(self, widget: QWidget, name: str) -> Path:
        """The widget as it is on screen, reduced to 256 colours, optimised."""
        QApplication.processEvents()
        self.tidy(widget)
        self.qtbot.wait(150)
        pix = widget.grab()
        assert pix.width() > 200 and pix.height() > 100, (name, pix.size())
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        assert pix.save(buf, "PNG")
        img = Image.open(io.BytesIO(bytes(buf.data()))).convert("RGB")
        small = img.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        path = self.out / f"{name}.png"
        small.save(path, optimize=True)
        self.taken.append(name)
        return path

    def sign_in(self, badge: str) -> MainWindow:
        w = self.app.sign_in_window
        if w is None:
            self.qtbot.waitUntil(lambda: self.app.sign_in_window is not None)
            w = self.app.sign_in_window
        assert w is not None
        self.qtbot.keyClicks(w.badge, badge, delay=40)
        self.qtbot.keyClicks(w.password, DEMO_PASSWORD, delay=40)
        self.qtbot.waitUntil(lambda: w.password.text() == DEMO_PASSWORD)
        w.button.click()
        self.qtbot.waitUntil(lambda: self.app.main_window is not None, timeout=20_000)
        m = self.app.main_window
        assert m is not None
        m.resize(*WINDOW)
        return m

    def sign_out(self, m: MainWindow) -> None:
        m.out_button.click()
        self.qtbot.waitUntil(
            lambda: self.app.sign_in_window is not None and self.app.main_window is None
        )

    def scan(self, m: MainWindow, code: str) -> None:
        """What a USB scanner does: the characters in a burst, then Enter."""
        assert m.counter is not None
        m.tabs.setCurrentWidget(m.counter)
        seen = m.counter.log.count()
        self.qtbot.keyClicks(m.counter.manual, code)
        self.qtbot.keyClick(m.counter.manual, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: m.counter.log.count() == seen + 1, timeout=10_000)
        self.qtbot.waitUntil(
            lambda: m.counter.record.record is not None and m.counter.record.record.code == code,
            timeout=10_000,
        )

    def action(self, m: MainWindow, key: str) -> Any:
        assert m.counter is not None
        buttons = m.counter.record.buttons
        assert key in buttons, (key, sorted(buttons))
        buttons[key].click()
        dlg = m.dialog
        assert dlg is not None and dlg.isVisible()
        return dlg

    def sign(self, dialog: WorkflowDialog, key: str, badge: str | None = None) -> None:
        box = dialog.signers
        sd = box.open_dialog(key)
        if badge is not None:
            sd.handle_scan(badge)
        sd.password.setText(DEMO_PASSWORD)
        sd.sign_button.click()
        self.qtbot.waitUntil(
            lambda: (
                box.credential(key) is not None
                or (shiboken6.isValid(sd) and sd.banner.kind == "error")
            ),
            timeout=20_000,
        )
        assert box.credential(key) is not None, sd.banner.text()

    def submit(self, dialog: WorkflowDialog) -> None:
        done: list[str] = []
        dialog.completed.connect(done.append)
        dialog.submit_button.click()
        self.qtbot.waitUntil(
            lambda: bool(done) or (shiboken6.isValid(dialog) and dialog.banner.kind == "error"),
            timeout=20_000,
        )
        assert done, dialog.banner.text()

    def fit(self, dialog: QWidget, width: int = 720) -> None:
        dialog.resize(max(width, dialog.sizeHint().width()), dialog.sizeHint().height())

    def dismiss_offer(self, m: MainWindow) -> None:
        """The question after a handover ("print the receipt?"): not now."""
        self.qtbot.wait(100)
        box = m.extras.offer
        if box is not None and shiboken6.isValid(box) and box.isVisible():
            box.reject()

    def print_dialog(self, m: MainWindow) -> Any:
        self.qtbot.waitUntil(lambda: m.extras.print_dialog is not None, timeout=5_000)
        dlg = m.extras.print_dialog
        self.qtbot.waitUntil(
            lambda: (
                dlg.banner.kind == "error" or (dlg.pdf is not None and dlg.save_button.isEnabled())
            ),
            timeout=60_000,
        )
        assert dlg.banner.kind != "error", dlg.banner.text()
        self.qtbot.waitUntil(lambda: dlg.preview.has_page(1), timeout=20_000)
        return dlg


@pytest.fixture
def guide_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cups_server: Any) -> Any:
    """Printing to the tests' private cupsd (its PDF queue is the printer shown); printer
    calibrations in the test's own folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    return cups_server


@pytest.fixture
def guide(
    qapp: QApplication,
    qtbot: Any,
    demo_office: Path,
    tmp_path: Path,
    guide_env: Any,
    request: pytest.FixtureRequest,
) -> Iterator[Guide]:
    language = request.param
    office_dir = tmp_path / "office"
    shutil.copytree(demo_office, office_dir)
    db = open_database(office_dir / "keeper.sqlite")
    settings = Settings.in_file(str(tmp_path / "keeper.ini"))
    settings.set(LANGUAGE, language)
    settings.set(SOUND, False)
    settings.set(IDLE_LOCK_SECONDS, 3600)
    settings.set(PRINTER, guide_env.printer)
    settings.set(LABEL_SHEET, "avery-l7676")
    tr = Translations(qapp)
    assert tr.use(language), f"no translation for {language}: run make translations"
    clock_t = [NOW + timedelta(minutes=10)]

    def clock() -> datetime:
        return clock_t[0]

    app = KeeperApp(db, settings, clock=clock, translations=tr)
    app.start()
    out = (GUIDE_IMAGES if WRITE_DOCS else tmp_path / "guide-images") / language
    out.mkdir(parents=True, exist_ok=True)
    g = Guide(qtbot, app, out, Office(office_dir / "keeper.sqlite"), clock_t)
    yield g
    app.shutdown()
    tr.use("en")
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    db.close()


# --------------------------------------------------------------------- the tour
@pytest.mark.slow
@pytest.mark.realtool
@pytest.mark.parametrize("guide", LANGUAGES, indirect=True)
def test_guide_screenshots(guide: Guide, qtbot: Any, request: pytest.FixtureRequest) -> None:
    g, office = guide, guide.office
    request_cleanup = request.addfinalizer
    docs_before = docs_images()

    # signing in
    w = g.app.sign_in_window
    assert w is not None
    qtbot.keyClicks(w.badge, office.keeper, delay=20)
    g.shot(w, "sign-in")
    w.badge.clear()
    m = g.sign_in(office.keeper)

    # the counter: a scanned duplicate in custody
    dup = office.code("in_custody", "duplicate")
    g.scan(m, dup)
    g.shot(m, "counter")

    # retrieval: the keeper asks for the case handler, the head approves in his inbox
    # (Art. 20), then the case handler takes the duplicate out under that approval
    dlg = g.action(m, "retrieve")
    dlg.ask.click()
    req = dlg.request_dialog
    qtbot.waitUntil(lambda: req is not None and req.isVisible())
    req.retriever.setCurrentIndex(req.retriever.findData(office.producer(dup)))
    req.reason.setCurrentIndex(req.reason.findData("case_handling"))
    req.hours.setValue(48)
    req.purpose.setText("补充侦查，核对讯问笔录")
    g.submit(req)
    dlg.reject()
    g.sign_out(m)
    head = g.sign_in(office.head(dup))
    assert head.inbox is not None
    head.tabs.setCurrentWidget(head.inbox)
    asked = head.inbox.retrievals
    qtbot.waitUntil(
        lambda: any(asked.row(i)["code"] == dup for i in range(asked.rowCount())),
        timeout=10_000,
    )
    head.inbox.retrieval_table.selectRow(
        next(i for i in range(asked.rowCount()) if asked.row(i)["code"] == dup)
    )
    head.inbox.approve_retrieval.click()
    dec = head.dialog
    g.sign(dec, "head")
    g.submit(dec)
    g.sign_out(head)
    m = g.sign_in(office.keeper)
    g.scan(m, dup)
    dlg = g.action(m, "retrieve")
    assert dlg.request.count() >= 1
    g.sign(dlg, "retriever", badge=office.producer(dup))
    g.sign(dlg, "keeper")
    g.fit(dlg)
    g.shot(dlg, "retrieval")
    g.submit(dlg)
    qtbot.waitUntil(lambda: m.counter.record.record.status == "out")
    g.shot(m, "counter-out")

    # ... and its return, inspected
    g.advance(hours=3)
    dlg = g.action(m, "return")
    dlg.unchecked.setText("目视检查完好，未上机回读")  # no read-back: the reason (issue 14)
    g.sign(dlg, "returner")
    g.sign(dlg, "keeper")
    g.fit(dlg)
    g.shot(dlg, "return")
    g.submit(dlg)
    qtbot.waitUntil(lambda: m.counter.record.record.status == "in_custody")

    # handover of a pair burned today: sealed original, duplicate, both signatures
    new = office.code("burned", "original")
    g.scan(m, new)
    dlg = g.action(m, "handover")
    dlg.seal_no.setText("FC3101-2026-00120")
    dlg.original_location.setText("封存柜A-03-01")
    dlg.duplicate_location.setText("副本柜B-03-01")
    g.sign(dlg, "handler", badge=office.producer(new))
    g.sign(dlg, "keeper")
    g.fit(dlg)
    g.shot(dlg, "handover")
    g.submit(dlg)
    g.dismiss_offer(m)
    qtbot.waitUntil(lambda: m.counter.record.record.status == "sealed")

    # printing the pair's labels
    m.counter.record.print_button.click()
    pd = g.print_dialog(m)
    pd.resize(1100, 760)
    g.shot(pd, "print-labels")
    pd.close_button.click()

    # unsealing: the keeper asks, the head approves, the keeper opens and reseals
    sealed = office.code("sealed", "original", offset=3)
    g.scan(m, sealed)
    dlg = g.action(m, "request_unseal")
    dlg.reason.setCurrentIndex(dlg.reason.findData("check_duplicate"))
    dlg.doubted_by.setText("辩护律师王某（某律师事务所）")
    dlg.doubt.setPlainText("副本播放出现跳帧，怀疑经过剪辑")
    dlg.note.setPlainText("副本播放出现跳帧，需与正本核对")
    g.fit(dlg)
    g.shot(dlg, "unseal-request")
    g.submit(dlg)
    g.sign_out(m)
    head = g.sign_in(office.head(sealed))
    assert head.inbox is not None
    head.tabs.setCurrentWidget(head.inbox)
    approvals = head.inbox.approvals
    qtbot.waitUntil(
        lambda: any(approvals.row(i)["code"] == sealed for i in range(approvals.rowCount())),
        timeout=10_000,
    )
    mine = next(i for i in range(approvals.rowCount()) if approvals.row(i)["code"] == sealed)
    head.inbox.approval_table.selectRow(mine)
    g.shot(head, "inbox")
    head.inbox.approve.click()
    dec = head.dialog
    g.sign(dec, "head")
    g.submit(dec)
    g.sign_out(head)
    g.advance(minutes=40)
    m = g.sign_in(office.keeper)
    g.scan(m, sealed)
    dlg = g.action(m, "unseal")
    g.sign(dlg, "keeper")
    g.sign(dlg, "witness", badge=office.keeper2)
    g.fit(dlg)
    g.shot(dlg, "unseal")
    g.submit(dlg)
    qtbot.waitUntil(lambda: m.counter.record.record.status == "unsealed")
    g.advance(hours=2)  # the original is compared with the duplicate, then resealed
    dlg = g.action(m, "reseal")
    dlg.seal_no.setText("FC3101-2026-00121")
    g.sign(dlg, "keeper")
    g.sign(dlg, "witness", badge=office.keeper2)
    g.fit(dlg)
    g.shot(dlg, "reseal")
    g.submit(dlg)
    qtbot.waitUntil(lambda: m.counter.record.record.status == "sealed")
    g.shot(m, "counter-resealed")

    # the retrieval register, and its pages printed
    assert m.register is not None
    m.tabs.setCurrentWidget(m.register)
    m.register.search.click()
    qtbot.waitUntil(lambda: m.register.model.rowCount() > 5, timeout=10_000)
    g.shot(m, "register")
    m.register.print_button.click()
    pd = g.print_dialog(m)
    pd.resize(1100, 760)
    g.shot(pd, "print-register")
    pd.close_button.click()

    # the due board
    assert m.due is not None
    m.tabs.setCurrentWidget(m.due)
    qtbot.waitUntil(lambda: m.due.model.rowCount() > 0, timeout=10_000)
    g.shot(m, "due")

    # settings: language, printing, scheduled backups
    sd = m.extras.open_settings()
    g.fit(sd, 640)
    g.shot(sd, "settings")
    sd.reject()
    g.sign_out(m)

    # burning a pair: the case handler picks the recordings, two drives (image files here)
    handler, case_no, recordings = office.unburned()
    h = g.sign_in(handler)
    bd = h.discs.open_burn()
    qtbot.waitUntil(lambda: bd.case.count() > 0, timeout=10_000)
    bd.choose_case(case_no)
    discs = Path(tempfile.mkdtemp(prefix="discs-"))  # a short path, as shown
    request_cleanup(lambda: shutil.rmtree(discs, ignore_errors=True))
    (discs / "1").mkdir()
    (discs / "2").mkdir()
    bd.original.use_image(str(discs / "1" / "original.iso"))
    bd.duplicate.use_image(str(discs / "2" / "duplicate.iso"))

    def chosen() -> bool:
        """The recordings ticked (again, if a reload of the list came after the ticks)."""
        if bd.case.currentData() != case_no:
            bd.choose_case(case_no)
            return False
        ticked = {r["id"] for r in bd.table.checked()}
        if not set(recordings) <= ticked:
            listed = {r["id"] for r in bd.table.rows}
            for rid in set(recordings) & listed:
                bd.table.set_checked(rid)
            return False
        for picker, name in ((bd.original, "1/original.iso"), (bd.duplicate, "2/duplicate.iso")):
            if picker.address() != f"stdio:{discs / name}":
                picker.use_image(str(discs / name))  # a drive list arrived after the choice
        bd.validate()  # the button follows the selection as it is now
        return bd.go_button.isEnabled()

    def state() -> str:
        return (
            f"case={bd.case.currentData()!r} rows={[r['id'] for r in bd.table.rows]} "
            f"ticked={bd.table.checked_ids()} want={recordings} drives={bd.drives()} "
            f"running={bd.running} ops={h.ctx.ops.running} banner={bd.banner.text()!r} "
            f"rule={bd.rule.text()!r} selection={bd.selection.text()!r} space={bd.space.text()!r}"
        )

    try:
        qtbot.waitUntil(chosen, timeout=60_000)  # a loaded machine lists drives slowly
    except Exception as exc:
        raise AssertionError(f"the burn dialog never became ready: {state()}") from exc
    bd.resize(1100, 760)
    g.shot(bd, "burn")
    bd.go_button.click()
    qtbot.waitUntil(lambda: not bd.running, timeout=240_000)
    assert bd.error is None, bd.banner.text()
    g.shot(bd, "burn-done")

    expected = {
        "sign-in",
        "counter",
        "retrieval",
        "counter-out",
        "return",
        "handover",
        "print-labels",
        "unseal-request",
        "inbox",
        "unseal",
        "reseal",
        "counter-resealed",
        "register",
        "print-register",
        "due",
        "settings",
        "burn",
        "burn-done",
    }
    assert set(g.taken) == expected
    for name in expected:
        assert_sane_screenshot(g.out / f"{name}.png")
    # the guide has every one of them (a new screenshot: make guide-screenshots, then commit)
    committed = GUIDE_IMAGES / g.out.name
    missing = sorted(n for n in expected if not (committed / f"{n}.png").is_file())
    assert not missing, f"not in {committed}: {missing} (run make guide-screenshots)"
    if not WRITE_DOCS:  # a test run leaves docs/ as it found it
        assert docs_images() == docs_before


def docs_images() -> dict[str, tuple[int, str]]:
    """Each committed guide image: when it was last written, and its SHA-256."""
    return {
        str(p.relative_to(DOCS)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(GUIDE_IMAGES.rglob("*.png"))
    }


def assert_sane_screenshot(path: Path) -> None:
    """A screenshot worth showing: there, of a window's size, and not one flat colour."""
    assert path.is_file(), path
    assert path.stat().st_size > 2_000, (path.name, path.stat().st_size)
    with Image.open(path) as img:
        assert 200 < img.width <= 1400 and 100 < img.height <= 1000, (path.name, img.size)
        grey = img.convert("L")
        low, high = grey.getextrema()
        assert high - low >= 100, (path.name, "blank", low, high)  # text on a background
        colours = grey.getcolors(256) or []
        assert len(colours) >= 8, (path.name, "blank", len(colours))


# --------------------------------------------------------------------- the guides
def guide_images(doc: Path) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_image_a_guide_shows_exists(language: str) -> None:
    doc = DOCS / f"guide.{language}.md"
    assert doc.exists(), doc
    images = guide_images(doc)
    assert len(images) >= 15, images
    missing = [i for i in images if not (doc.parent / i).is_file()]
    assert not missing, f"{doc.name} shows images that are not there: {missing}"
    # in its own language
    assert all(f"images/guide/{language}/" in i for i in images), images


def test_the_guide_images_stay_small() -> None:
    files = sorted(GUIDE_IMAGES.rglob("*.png"))
    assert files, "no guide images: run make guide-screenshots"
    total = sum(f.stat().st_size for f in files)
    assert total < MAX_TOTAL_BYTES, f"{total} bytes of guide images (keep them under 3 MB)"
    shown = {
        (DOCS / i).resolve() for lang in LANGUAGES for i in guide_images(DOCS / f"guide.{lang}.md")
    }
    unused = [str(f.relative_to(DOCS)) for f in files if f.resolve() not in shown]
    assert not unused, f"images no guide shows (remove them): {unused}"
