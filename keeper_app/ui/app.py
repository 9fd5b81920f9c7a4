"""Starting the application: ``keeper gui --db PATH`` calls :func:`run_gui`.

:class:`KeeperApp` holds what lives as long as the program: the database, the background
runner, the scanner's event filter, the idle watcher, the translators; it switches between
the sign-in window and the main window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..services import people
from ..services.session import Signer
from ..services.session import start as start_session
from ..store import Database, is_server
from ..store import open as open_store
from ..timeutil import now_utc
from .backup_schedule import BackupSchedule, BackupStatus
from .context import UiContext
from .dialogs.first_run import FirstRunDialog
from .feedback import Feedback
from .i18n import Translations
from .idle import IdleWatcher
from .integrity import IntegrityCheck, IntegrityStatus
from .main_window import MainWindow
from .ops import Ops
from .print_queue import PrintQueue
from .probe import Probe
from .scanner import ScanDetector
from .settings import (
    LANGUAGE,
    OFFICE_SERVER,
    SCAN_MAX_GAP_MS,
    SCAN_MIN_LENGTH,
    SCAN_PREFIX,
    SCAN_SUFFIX,
    SOUND,
    SOUND_VOLUME,
    Settings,
)
from .signin import SignInWindow


class KeeperApp(QObject):
    """``db``: the open database; or None and ``db_path``: the file is opened (and checked,
    which takes seconds on a large register) off the GUI thread while the sign-in window is
    already shown, its sign-in button waiting for the check."""

    def __init__(
        self,
        db: Database | None,
        settings: Settings,
        *,
        db_path: str | None = None,
        clock: Callable[[], datetime] = now_utc,
        translations: Translations | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "create the QApplication first"
        self.qapp = app
        self.db, self.settings, self.clock = db, settings, clock
        self.db_path = db.location if db is not None else str(db_path)
        self.open_error: BaseException | None = None
        self.translations = translations
        self.ops = Ops(self.db_path, self)
        self.feedback = Feedback(settings.get(SOUND), self, volume=settings.get(SOUND_VOLUME))
        self.detector = ScanDetector(
            self,
            max_gap_ms=settings.get(SCAN_MAX_GAP_MS),
            min_length=settings.get(SCAN_MIN_LENGTH),
            prefix=settings.get(SCAN_PREFIX),
            suffix=settings.get(SCAN_SUFFIX),
        )
        self.idle = IdleWatcher(settings.idle_lock_ms, self)
        self.print_queue = PrintQueue(self.ops, self)  # one job at a time per printer
        self.backups = BackupSchedule(settings, self.db_path, clock, self)
        #: the running app checks its register (at start, off the GUI thread)
        self.integrity = IntegrityCheck(self.ops, self.backups.folder, self)
        self.probe = Probe.from_env(self)  # only for the desktop tests (KEEPER_PROBE)
        if self.probe is not None:
            self.probe.watch_detector(self.detector)
        # the idle watcher is installed last so it runs first and sees scanned keys too
        app.installEventFilter(self.detector)
        app.installEventFilter(self.idle)
        self.sign_in_window: SignInWindow | None = None
        self.first_run: FirstRunDialog | None = None
        self.main_window: MainWindow | None = None
        self.ctx: UiContext | None = None

    @property
    def language(self) -> str:
        return self.translations.language if self.translations else "en"

    def start(self) -> None:
        new_file = not is_server(self.db_path) and not Path(self.db_path).exists()
        if self.db is None and new_file:
            self.show_first_run()  # a new office: set it up instead of an error
            return
        w = self.show_sign_in()
        if self.db is not None:
            self.integrity.start()
        if self.db is None:
            w.set_ready(False)
            path = self.db_path
            self.ops.run(
                lambda _none: open_store(path, create=False),
                success=self._opened,
                failure=self._open_failed,
                with_db=False,
            )

    def _opened(self, db: Database) -> None:
        if people.needs_bootstrap(db):  # a file with nobody in it: set the office up
            db.close()
            if self.sign_in_window is not None:
                self.sign_in_window.close()
                self.sign_in_window.deleteLater()
                self.sign_in_window = None
            self.show_first_run()
            return
        self.db = db
        self.integrity.start()
        if self.sign_in_window is not None:
            self.sign_in_window.set_ready(True)

    def show_first_run(self) -> FirstRunDialog:
        d = FirstRunDialog(self.db_path, self.ops, self.settings)
        d.created.connect(self._office_created)
        d.rejected.connect(self.qapp.quit)
        # kept until its own slots have returned (it emits ``created`` from inside one)
        d.finished.connect(lambda _r: d.deleteLater())
        self.first_run = d
        d.show()
        d.activateWindow()
        return d

    def _office_created(self, badge: str) -> None:
        self.start()
        if self.sign_in_window is not None:
            self.sign_in_window.badge.setText(badge)
            self.sign_in_window.password.setFocus()

    def _open_failed(self, exc: BaseException) -> None:
        self.open_error = exc
        if self.sign_in_window is not None:
            self.sign_in_window.cannot_open(exc)

    def show_sign_in(self) -> SignInWindow:
        w = SignInWindow(self.ops, self.feedback, self.language, self.clock)
        w.signed_in.connect(self.open_main)
        w.language_chosen.connect(self.set_language)
        self.sign_in_window = w
        w.show()
        w.activateWindow()
        return w

    def open_main(self, signer: Signer) -> MainWindow:
        assert self.db is not None
        session = start_session(self.db, signer, self.clock)
        self.ctx = UiContext(
            self.db, session, self.ops, self.settings, self.feedback, self.print_queue
        )
        w = MainWindow(self.ctx, self.language)
        w.sign_out_requested.connect(self.sign_out)
        w.language_chosen.connect(self.set_language)
        w.extras.settings_changed.connect(self.apply_settings)
        w.statusBar().addPermanentWidget(BackupStatus(self.backups))
        w.statusBar().addPermanentWidget(IntegrityStatus(self.integrity))
        self.integrity.run()  # again, now that the witnesses of this session are known
        self.idle.idle.connect(w.lock)
        if self.probe is not None:
            self.probe.watch_main(w)
        self.main_window = w
        w.show()
        if self.sign_in_window is not None and self.sign_in_window.enrolled:
            w.extras.offer_key_form()  # a first sign-in: the new key's form to sign
        if self.sign_in_window is not None:
            self.sign_in_window.close()
            self.sign_in_window.deleteLater()
            self.sign_in_window = None
        # ask for the keyboard once the window is mapped and the sign-in window is gone, so
        # a scan at the counter reaches it even where no window manager hands focus over
        QTimer.singleShot(0, w.activateWindow)
        self.idle.start()
        self.backups.start()  # every ten minutes from now on, and now
        self.backups.run()
        return w

    def apply_settings(self) -> None:
        """The settings dialog saved: the idle lock takes its new time at once; the
        backups look at their folder and interval again."""
        s = self.settings
        self.idle.set_timeout(s.idle_lock_ms)
        self.feedback.set_volume(s.get(SOUND), s.get(SOUND_VOLUME))
        self.detector.configure(
            max_gap_ms=s.get(SCAN_MAX_GAP_MS),
            min_length=s.get(SCAN_MIN_LENGTH),
            prefix=s.get(SCAN_PREFIX),
            suffix=s.get(SCAN_SUFFIX),
        )
        self.backups.run()

    def sign_out(self) -> None:
        self.idle.stop()
        w, self.main_window, self.ctx = self.main_window, None, None
        if w is not None:
            self.idle.idle.disconnect(w.lock)
            w.close()
            w.deleteLater()
        self.show_sign_in()

    def set_language(self, language: str) -> None:
        self.settings.set(LANGUAGE, language)
        if self.translations is not None:
            self.translations.use(language)

    def shutdown(self) -> None:
        self.idle.stop()
        self.backups.stop()
        self.qapp.removeEventFilter(self.detector)
        self.qapp.removeEventFilter(self.idle)
        for w in (self.main_window, self.sign_in_window):
            if w is not None:
                w.close()
        self.ops.wait()
        self.print_queue.close()


def run_gui(db_path: str, chosen: bool = True) -> int:
    """Open the application on the database at ``db_path`` (a file's path or an office
    server's URL); the exit code of the event loop (2 when the database cannot be opened).
    ``chosen``: the location was given (--db, $KEEPER_DB); otherwise the office server of
    this desk's settings, when one is set, comes before the default file."""
    from .crash import install_crash_handler, setup_logging

    # every file dialog is Qt's own (see widgets/file_dialogs.py): a native one would sniff
    # files' contents inside this process and drop its locks on the database
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(["keeper"])  # X11 instance name (WM_CLASS)
    assert isinstance(app, QApplication)
    app.setApplicationName("keeper")
    app.setOrganizationName("Keeper")
    app.setApplicationDisplayName("Keeper")
    app.setDesktopFileName("keeper")  # matches keeper.desktop: the shell shows our icon
    if QIcon.hasThemeIcon("keeper"):
        app.setWindowIcon(QIcon.fromTheme("keeper"))
    settings = Settings()
    if not chosen and settings.get(OFFICE_SERVER):
        db_path = str(settings.get(OFFICE_SERVER))
    translations = Translations(app)
    translations.use(settings.language)
    install_crash_handler(setup_logging())
    keeper = KeeperApp(None, settings, db_path=db_path, translations=translations)
    keeper.start()
    try:
        rc = int(app.exec())
    finally:
        keeper.shutdown()
        if keeper.db is not None:
            keeper.db.close()
    return 2 if keeper.open_error is not None else rc
