"""zh_CN is complete: every window and dialog a keeper, a case handler, a department head and an
administrator can open is walked in Chinese, and any English left on screen fails the test
(codes, badges, units and file types are allowed). A refusal is in one language and names the
field; a language switch re-translates what is on screen."""

from __future__ import annotations

import re
from typing import Any

from conftest import Office
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QWidget,
)

from keeper_app.services import enrolment
from keeper_app.ui.widgets.file_dialogs import file_dialog

from .test_scan import scan

#: words that are the same in every language: file types, units, keys, programs, the name
ALLOWED = {
    "keeper",
    "pdf",
    "csv",
    "iso",
    "usb",
    "cups",
    "yyyy",
    "mm",
    "dd",
    "hh",
    "ss",
    "min",
    "ms",
    "gb",
    "mb",
    "kb",
    "avery",
    "code",
    "ctrl",
    "alt",
    "shift",
    "enter",
    "tab",
    "esc",
    "xorriso",
    "sqlite",
    "dpi",
    "wav",
    "json",
    "cd",
    "dvd",
    "bd",
    "ok",
    "id",
    "ffmpeg",
    "dt",
    "qt",
    "ffprobe",
    "english",  # the language chooser names each language in that language
}
_TAG = re.compile(r"<[^>]+>|&[a-z]+;")
# codes, badges, case numbers, paths, sheet names: anything with a digit, a slash or a dot
_TOKEN = re.compile(r"[^\s,，。:：;；()（）\[\]【】“”\"'·/|]+")


def english(text: str) -> list[str]:
    out = []
    plain = " ".join(
        chunk
        for chunk in _TAG.sub(" ", text or "").split()
        if "/" not in chunk  # a path
    )
    for tok in _TOKEN.findall(plain):
        if any(ch.isdigit() for ch in tok) or "/" in tok or "." in tok.strip(".…"):
            continue
        for word in re.findall(r"[A-Za-z]{2,}", tok):
            if word.lower() not in ALLOWED and not re.fullmatch(r"F\d{1,2}", word):
                out.append(word)
    return out


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person reads in ``root`` and its visible children."""
    out: list[tuple[str, str]] = [(type(root).__name__ + " title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        where = f"{type(root).__name__}/{type(w).__name__}:{w.objectName()}"
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            out.append((where, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QLineEdit):
            out.append((where + " placeholder", w.placeholderText()))
        elif isinstance(w, QPlainTextEdit):
            out.append((where + " placeholder", w.placeholderText()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QTabBar):
            out += [(where, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox) and not w.isEditable():
            out += [(where, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            from PySide6.QtCore import Qt

            out += [
                (where + " header", str(m.headerData(i, Qt.Orientation.Horizontal) or ""))
                for i in range(m.columnCount())
            ]
    return out


def untranslated(root: QWidget) -> list[str]:
    return [f"{where}: {text!r}" for where, text in texts(root) if english(text)]


class Walk:
    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.found: list[str] = []

    def look(self, w: QWidget) -> None:
        self.found += untranslated(w)

    def dialog(self, d: QDialog) -> None:
        self.qtbot.waitUntil(d.isVisible)
        self.qtbot.wait(50)
        self.look(d)
        signers = getattr(d, "signers", None)
        if signers is not None:
            for key in list(signers.slots):
                sd = signers.open_dialog(key)
                self.qtbot.waitUntil(sd.isVisible)
                self.look(sd)
                sd.reject()
        d.reject()


def test_every_window_a_keeper_opens_is_in_chinese(ui, office: Office, qtbot) -> None:
    o, d = office.handed_over_pair()
    _o2, d2 = office.handed_over_pair("B2026-002", "H003", "李某")
    new_o, _new_d = office.new_pair()
    office.retrieve(
        office.session("K001"),
        d2,
        office.cred("H003"),
        office.cred("K001"),
        "D002",
        "case_handling",
        4,
    )
    walk = Walk(qtbot)
    m = ui.sign_in("K001")
    for i in range(m.tabs.count()):
        m.tabs.setCurrentIndex(i)
        qtbot.wait(100)
        walk.look(m)
    # every action the counter offers for discs in several states
    for code in (o, d, d2, new_o):
        m.tabs.setCurrentWidget(m.counter)
        scan(qtbot, m.counter.manual, code)
        qtbot.waitUntil(
            lambda c=code: m.counter.current() is not None and m.counter.current().code == c
        )
        walk.look(m)
        for action in list(m.counter.record.buttons):
            m.run_action(action)
            walk.dialog(m.dialog)
    # a refusal: one language
    scan(qtbot, m.counter.manual, "31012026000001D9")
    qtbot.waitUntil(lambda: m.counter.banner.kind == "error")
    walk.look(m.counter)
    for opener in (m.extras.open_settings, m.extras.open_inventory):
        d_ = opener()
        walk.dialog(d_)
    walk.dialog(m.extras.open_change_password())
    scan(qtbot, m.counter.manual, o)
    qtbot.waitUntil(lambda: m.counter.current() is not None and m.counter.current().code == o)
    pd = m.extras.open(__import__("keeper_app.services.catalogue", fromlist=["x"]).disc_labels(o))
    walk.dialog(pd)
    fd = file_dialog(m, "x")
    fd.show()
    qtbot.wait(200)
    walk.found += [f for f in untranslated(fd) if "QFileDialog title" not in f]
    fd.reject()
    m.lock()
    walk.look(m)
    m.unlock()
    assert walk.found == [], "\n".join(walk.found)


def test_every_window_of_handler_head_and_admin_is_in_chinese(
    ui, keeper_app, office: Office, qtbot
) -> None:
    office.handed_over_pair()
    walk = Walk(qtbot)
    for badge in ("H001", "D001", "A001"):
        m = ui.sign_in(badge)
        for i in range(m.tabs.count()):
            m.tabs.setCurrentIndex(i)
            qtbot.wait(100)
            walk.look(m)
        for b in (m.discs.burn_button, m.discs.ingest_button):
            if b.isVisible():
                b.click()
                qtbot.wait(100)
                dlg = next(
                    w
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, QDialog) and w.isVisible()
                )
                walk.look(dlg)
                dlg.reject()
        walk.dialog(m.extras.open_settings())
        keeper_app.sign_out()
        qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
        walk.look(keeper_app.sign_in_window)
    # the administrator adds a person: the form, and the enrolment code shown once
    m = ui.sign_in("ADMIN")
    m.people.add.click()
    walk.dialog(m.dialog)
    box = m.extras.show_code(
        enrolment.Issued(1, "K009", "钱新人", "AB3D4FGH5JK6", "2026-11-27T01:00:00Z")
    )
    qtbot.waitUntil(box.isVisible)
    walk.look(box)
    box.accept()
    keeper_app.sign_out()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    keeper_app.sign_in_window.set_enrol_mode(True)  # the first sign-in with a code
    walk.look(keeper_app.sign_in_window)
    assert walk.found == [], "\n".join(walk.found)


def test_a_refusal_is_in_one_language_and_names_the_field(keeper_app) -> None:
    from keeper_app.domain import rules
    from keeper_app.domain.errors import RuleViolation
    from keeper_app.ui.errors import refusal

    try:
        rules.require_text("  ", "shelf location of the duplicate")
    except RuleViolation as exc:
        r = refusal(exc)
    assert r.headline == "必填项未填写：副本存放位置。"
    assert english(r.text()) == []
    out = refusal(
        RuleViolation(
            "already_out",
            "31012026000098D0 is out with 杨帆 (010411) since 2026-12-01 09:30:00",
            "Art. 20",
        )
    )
    assert english(out.text()) == []
    assert "杨帆 (010411)" in out.detail and "2026-12-01 09:30:00" in out.detail


def test_switching_language_retranslates_what_is_on_screen(
    ui, keeper_app, office: Office, qtbot
) -> None:
    m = ui.sign_in("K001")
    scan(qtbot, m.counter.manual, "31012026000001D9")  # refused: a red banner
    qtbot.waitUntil(lambda: m.counter.banner.kind == "error")
    m.statusBar().showMessage("已登记。")
    assert english(m.counter.banner.text()) == []
    keeper_app.set_language("en")
    try:
        qtbot.waitUntil(lambda: "check character" in m.counter.banner.text())
        assert m.statusBar().currentMessage() == ""
        assert m.counter.title.text() == "<b>Disc code</b>"
    finally:
        keeper_app.set_language("zh_CN")
    qtbot.waitUntil(lambda: english(m.counter.banner.text()) == [])
    assert m.counter.banner.kind == "error"
