"""Uncaught exceptions: logged to a file, and a dialog that says what happened and where the
log is. The database is never left half-written: every change is one transaction."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from ..store import StoreError

log = logging.getLogger("keeper")


def log_file() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base or Path.home() / ".local" / "share" / "keeper")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / "keeper.log"


def setup_logging() -> Path:
    path = log_file()
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))  # private
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def error_box(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None, path: Path
) -> QMessageBox:
    """What the person is shown for an exception nothing caught. The database failing (the
    office server lost, the disk full, a lock held too long) is said as a refusal says it:
    what happened and whether the change was recorded; anything else is an unexpected error."""
    text = "".join(traceback.format_exception(kind, exc, tb))
    if isinstance(exc, StoreError):
        from .errors import refusal

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Crash", "Keeper: the database"),
            refusal(exc).text(),
        )
    else:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Crash", "Keeper: unexpected error"),
            QCoreApplication.translate(
                "Crash",
                "Something unexpected went wrong. Whatever was being "
                "registered was either saved completely or not at all. "
                "Details are in the log:\n%1",
            ).replace("%1", str(path)),
        )
    box.setDetailedText(text)
    return box


def install_crash_handler(path: Path) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.critical("uncaught exception\n%s", text)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        error_box(kind, exc, tb, path).exec()

    sys.excepthook = hook
