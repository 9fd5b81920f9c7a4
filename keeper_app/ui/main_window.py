"""The main window: who is signed in, the counter and the lists their role allows, the idle
lock, the language. Scans anywhere in it go to the counter's queue."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ..domain.lifecycle import Action, allowed
from ..services import clockwatch, heads
from ..services.clockwatch import ClockJump
from ..store import StoreError
from ..timeutil import show
from . import actions
from .context import UiContext
from .counter import CounterView
from .dialogs.base import WorkflowDialog
from .disc_tools import DiscTools
from .labels import roles_text
from .live import LiveRefresh
from .lock import LockPage
from .ops import worker_session
from .record_view import with_shortcut
from .seized_tools import SeizedTools
from .settings import LANGUAGES
from .views.cases_view import CasesView
from .views.due_view import DueView
from .views.inbox_view import InboxView
from .views.media_view import MediaView
from .views.people_view import PeopleView
from .views.reads_view import ReadsView
from .views.register_view import RegisterView
from .views.seized_view import SeizedView
from .widgets.banner import Banner
from .window_extras import WindowExtras

#: How often the main window looks at the computer's clock.
CLOCK_CHECK_MS = 15_000


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, ctx: UiContext, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.locked = False
        self._was_enabled: dict[QAction, bool] = {}
        self.dialog: WorkflowDialog | None = None
        self.setObjectName("main_window")
        self.resize(1280, 800)
        roles = ctx.me.roles
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.counter = CounterView(ctx) if allowed(roles, Action.VIEW_MEDIA) else None
        self.media = MediaView(ctx) if allowed(roles, Action.VIEW_MEDIA) else None
        self.seized = SeizedView(ctx) if allowed(roles, Action.VIEW_MEDIA) else None
        self.register = RegisterView(ctx) if allowed(roles, Action.VIEW_REGISTER) else None
        self.cases = CasesView(ctx) if allowed(roles, Action.VIEW_MEDIA) else None
        self.due = DueView(ctx) if allowed(roles, Action.VIEW_DUE) else None
        self.inbox = InboxView(ctx) if allowed(roles, Action.VIEW_INBOX) else None
        self.reads = ReadsView(ctx) if allowed(roles, Action.VIEW_READS) else None
        self.people = PeopleView(ctx) if allowed(roles, Action.MANAGE_PEOPLE) else None
        self.nothing = Banner(self)  # shown only as the one tab of a role with no views
        for name, view in (
            ("counter", self.counter),
            ("media", self.media),
            ("seized", self.seized),
            ("register", self.register),
            ("cases", self.cases),
            ("due", self.due),
            ("inbox", self.inbox),
            ("reads", self.reads),
            ("people", self.people),
        ):
            if view is not None:
                view.setObjectName(name)
        for tab in self.views():
            self.tabs.addTab(tab, "")
        if self.tabs.count() == 0:
            self.tabs.addTab(self.nothing, "")
        self.lock_page = LockPage(ctx)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)
        self._toolbar(language)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        # the office server: lost and reconnecting, said plainly until it is back
        self.server_alarm = QLabel()
        self.server_alarm.setObjectName("server_alarm")
        self.server_alarm.setStyleSheet("color:#b00020; font-weight:bold")
        self.server_alarm.hide()
        # permanent: a message shown after a workflow does not hide it
        self.statusBar().addPermanentWidget(self.server_alarm, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.db_label = QLabel(ctx.db.shown)
        self.db_label.setStyleSheet("color:#777")
        self.statusBar().addPermanentWidget(self.db_label)
        # the computer's clock, watched: a jump is shown here and recorded for the heads
        self.clock_alarm = QLabel()
        self.clock_alarm.setObjectName("clock_alarm")
        self.clock_alarm.setStyleSheet("color:#b00020; font-weight:bold")
        self.clock_alarm.setWordWrap(True)
        self.clock_alarm.hide()
        self.statusBar().addWidget(self.clock_alarm, 1)
        self.server_up = True
        self._missed = False  # another desk's change heard while locked
        #: the other desks' changes, heard (an office server; nothing on a sqlite file)
        self.live = LiveRefresh(ctx.db, self)
        self.live.refresh_due.connect(self.refresh_live)
        self.live.connection.connect(self.server_state)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_CHECK_MS)
        self.clock_timer.timeout.connect(self.check_clock)
        self.clock_timer.start()
        ctx.ops.busy.connect(self.busy.setVisible)
        self._connect()
        self.find_code = QAction(self)
        self.find_code.setShortcut(QKeySequence("Ctrl+F"))
        self.find_code.triggered.connect(self.focus_code_field)
        self.addAction(self.find_code)
        self.discs = DiscTools(self, ctx)  # burn, ingest, drive hotplug
        self.extras = WindowExtras(self)  # printing, documents after workflows, settings
        self.seized_tools = SeizedTools(self)  # seized storage media (issue 15)
        self.settings_button.clicked.connect(self.extras.open_settings)
        self.password_button.clicked.connect(self.extras.open_change_password)
        for table in self.findChildren(QAbstractItemView):
            table.setTabKeyNavigation(False)  # Tab moves on to the next widget, never traps
        self.retranslate()

    def check_clock(self) -> ClockJump | None:
        """A jump of the computer's clock since the last look: shown, and recorded (signed,
        for the department heads' inbox)."""
        jump = self.ctx.session.watch.check()
        if jump is None:
            return None
        way = self.tr("forward") if jump.seconds > 0 else self.tr("back")
        self.clock_alarm.setText(
            self.tr(
                "The computer's clock jumped %1 (now %2, expected %3): times recorded now may "
                "be wrong — have the clock checked. The department heads are told."
            )
            .replace("%1", way)
            .replace("%2", show(jump.after))
            .replace("%3", show(jump.before))
        )
        self.clock_alarm.show()
        s = self.ctx.session
        self.ctx.ops.run(
            lambda db: clockwatch.report(worker_session(db, s), jump),
            success=lambda _r: None,
            failure=lambda exc: self.statusBar().showMessage(str(exc)),
            owner=self,
        )
        return jump

    def views(self) -> list[QWidget]:
        return [
            w
            for w in (
                self.counter,
                self.media,
                self.seized,
                self.register,
                self.cases,
                self.due,
                self.inbox,
                self.reads,
                self.people,
            )
            if w is not None
        ]

    def _toolbar(self, language: str) -> None:
        bar = self.toolbar = QToolBar()
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.app_title = QLabel()
        self.who = QLabel()
        self.who.setObjectName("who")
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lock_button")
        self.lock_button.clicked.connect(self.lock)
        self.out_button = QPushButton()
        self.out_button.clicked.connect(self.sign_out_requested)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("settings_button")
        self.password_button = QPushButton()  # everyone: their own password and key
        self.password_button.setObjectName("password_button")
        for w in (
            self.app_title,
            spacer,
            self.who,
            self.language,
            self.settings_button,
            self.password_button,
            self.lock_button,
            self.out_button,
        ):
            bar.addWidget(w)

    def _connect(self) -> None:
        if self.counter is not None:
            self.counter.record.action_requested.connect(self.run_action)
        for v in (self.media, self.seized, self.register, self.due):
            if v is not None:
                v.open_code.connect(self.open_code)
        if self.cases is not None:
            self.cases.show_media.connect(self.show_case_media)
            self.cases.case_action.connect(
                lambda key, row: self._open(actions.case_dialog(self.ctx, key, row, self))
            )
        if self.inbox is not None:
            self.inbox.decide.connect(
                lambda what, row: self._open(actions.inbox_dialog(self.ctx, what, row, self))
            )
            self.inbox.counts.connect(lambda _n: self._tab_titles())
        if self.due is not None:
            self.due.counts.connect(lambda _late, _n: self._tab_titles())
            self.due.checkpoint_requested.connect(lambda: self.extras.open_checkpoint())
        if self.people is not None:
            self.people.edit.connect(
                lambda what, row: self._open(actions.people_dialog(self.ctx, what, row, self))
            )
        self.lock_page.unlocked.connect(self.unlock)
        self.lock_page.sign_out.connect(self.sign_out_requested)

    # ------------------------------------------------------------------ language
    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.statusBar().clearMessage()  # said in the language left behind
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        me = self.ctx.me
        self.setWindowTitle(self.tr("Keeper — custody of interrogation recordings"))
        self.app_title.setText("<b>" + self.tr("Interrogation recordings: custody") + "</b>")
        self.who.setText(
            self.tr("Signed in: %1 (%2) · %3")
            .replace("%1", me.name)
            .replace("%2", me.badge)
            .replace("%3", roles_text(me.roles))
            + "  "
        )
        with_shortcut(self.lock_button, self.tr("Lock"), "Ctrl+L")
        self.out_button.setText(self.tr("Sign out"))
        self.settings_button.setText(self.tr("Settings…"))
        self.password_button.setText(self.tr("Change password…"))
        if self.tabs.indexOf(self.nothing) >= 0:
            text = self.tr("Your role has nothing to do in this application.")
            self.nothing.say(
                "info",
                text,
                again=lambda: (self.tr("Your role has nothing to do in this application."), ""),
            )
        for v in self.views():
            v.retranslate()  # type: ignore[attr-defined]
        self.lock_page.retranslate()
        self.server_alarm.setText(self.tr("Connection to the office server lost; reconnecting…"))
        self._tab_titles()

    def _tab_titles(self) -> None:
        titles = {
            id(self.counter): self.tr("Counter"),
            id(self.media): self.tr("Media"),
            id(self.seized): self.tr("Seized items"),
            id(self.register): self.tr("Retrieval register"),
            id(self.cases): self.tr("Cases"),
            id(self.people): self.tr("People"),
            id(self.reads): self.tr("Who read what"),
            id(self.nothing): self.tr("Keeper"),
        }
        if self.due is not None:
            late = sum(1 for r in self.due.model.rows if r["late"])
            titles[id(self.due)] = self.tr("Due and late") + (f" ({late})" if late else "")
        if self.inbox is not None:
            n = (
                len(self.inbox.incidents.rows)
                + len(self.inbox.approvals.rows)
                + len(self.inbox.retrievals.rows)
                + len(self.inbox.alarms)
                + self.inbox.seized_count()
            )
            titles[id(self.inbox)] = self.tr("Inbox") + (f" ({n})" if n else "")
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, titles.get(id(self.tabs.widget(i)), ""))

    # ------------------------------------------------------------------ scans
    def handle_scan(self, text: str) -> None:
        """A scan anywhere in the main window: queued for the counter (or, in a search
        field for disc codes, the search)."""
        if self.locked:
            self.lock_page.scan_ignored(text)
            return
        w = QApplication.focusWidget()
        if (
            isinstance(w, QLineEdit)
            and w.property("takes_scans")
            and self.isAncestorOf(w)
            and heads.parse_head_text(text) is None  # a printout's head: for the counter
        ):
            w.setText(text.strip())  # a search field for codes takes the scan
            w.returnPressed.emit()
            return
        if self.counter is None:
            self.ctx.feedback.refused()
            return
        self.tabs.setCurrentWidget(self.counter)
        self.counter.enqueue(text)

    def focus_code_field(self) -> None:
        """Ctrl+F: the counter's code field, for a code typed from a damaged label."""
        if self.counter is not None and not self.locked:
            self.tabs.setCurrentWidget(self.counter)
            self.counter.manual.setFocus()
            self.counter.manual.selectAll()

    def open_code(self, code: str) -> None:
        if self.counter is not None:
            self.tabs.setCurrentWidget(self.counter)
            self.counter.enqueue(code, "list")

    def show_case_media(self, case_no: str) -> None:
        if self.media is not None:
            self.tabs.setCurrentWidget(self.media)
            self.media.show_case(case_no)

    # ------------------------------------------------------------------ workflows
    def run_action(self, action: str) -> None:
        if self.counter is None or self.counter.current() is None:
            return
        self._open(actions.record_dialog(self.ctx, action, self.counter.current(), self))

    def _open(self, d: WorkflowDialog) -> None:
        d.completed.connect(self._completed)
        d.completed.connect(lambda _text, d=d: self.extras.after(d))
        d.finished.connect(lambda _r: d.deleteLater())
        self.dialog = d
        d.open()

    def _completed(self, text: str) -> None:
        if self.counter is not None:
            self.counter.confirm(text)
        self.statusBar().showMessage(text, 15_000)
        for v in (self.due, self.inbox, self.cases, self.people, self.seized):
            if v is not None:
                v.refresh()

    # ------------------------------------------------------------------ other desks
    def refresh_live(self) -> None:
        """Another desk changed the register (or the server is back, and hints may have been
        missed): the inbox, the due board, the media list and the open record as they are
        now. The lists keep what the user selected; open forms are left alone (what is typed
        in them is the user's, and their submit reads the register again); a locked window
        catches up when unlocked."""
        if self.locked:
            self._missed = True
            return
        for v in (self.inbox, self.due, self.media):
            if v is not None:
                v.refresh()
        if self.counter is not None:
            try:
                self.counter.refresh()
            except StoreError as exc:  # the server lost meanwhile: said in the status bar
                self.counter.banner.refuse(exc)

    def server_state(self, up: bool, why: str) -> None:
        """The office server lost (the listener reconnects by itself) or back."""
        was_up, self.server_up = self.server_up, up
        self.server_alarm.setToolTip(why)
        self.server_alarm.setVisible(not up)
        if up and not was_up:
            self.statusBar().showMessage(self.tr("Connected to the office server again."), 10_000)

    # ------------------------------------------------------------------ lock
    def lock(self) -> None:
        """Hide case data: close open forms (nothing in them was registered yet), show the
        lock page."""
        if self.locked:
            return
        for d in self.findChildren(QDialog):
            if d.isVisible():
                d.reject()
        for w in QApplication.topLevelWidgets():  # previews, pickers: anything else open
            if w is not self and w.isVisible() and not w.isAncestorOf(self):
                w.close()
        if self.counter is not None:
            self.counter.queue.clear()
        # locked means locked: no toolbar button, menu or shortcut works until unlocked
        self._was_enabled = {a: a.isEnabled() for a in self.findChildren(QAction)}
        for a in self._was_enabled:
            a.setEnabled(False)
        self.toolbar.setEnabled(False)
        self.tabs.setEnabled(False)
        self.locked = True
        self.lock_page.reset()
        self.stack.setCurrentWidget(self.lock_page)

    def unlock(self) -> None:
        self.locked = False
        for a, enabled in self._was_enabled.items():
            if shiboken6.isValid(a):
                a.setEnabled(enabled)
        self._was_enabled = {}
        self.toolbar.setEnabled(True)
        self.tabs.setEnabled(True)
        self.stack.setCurrentWidget(self.tabs)
        # others may have written meanwhile (and a form closed by the lock may have been
        # registering): show the register as it is now
        if self.counter is not None:
            self.counter.refresh()
        for v in (self.due, self.inbox, self.cases, self.seized):
            if v is not None:
                v.refresh()
        if self._missed and self.media is not None:
            self.media.refresh()  # another desk changed the register meanwhile
        self._missed = False

    def closeEvent(self, ev: Any) -> None:  # noqa: N802 - Qt override
        self.live.stop()
        for d in self.findChildren(QDialog):
            d.reject()
        super().closeEvent(ev)
