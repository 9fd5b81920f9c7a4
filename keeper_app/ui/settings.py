"""One typed list of the application's settings, with defaults and translatable labels
(Vorta's ``store/settings.py``). Stored with QSettings; nothing is read at import time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from .noop import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str  # translatable (context "Settings")


LANGUAGE = Setting("ui/language", "zh_CN", QT_TRANSLATE_NOOP("Settings", "Language"))
IDLE_LOCK_SECONDS = Setting(
    "ui/idle_lock_seconds", 300, QT_TRANSLATE_NOOP("Settings", "Lock after idle (seconds)")
)
SCAN_MAX_GAP_MS = Setting(
    "scan/max_gap_ms", 30, QT_TRANSLATE_NOOP("Settings", "Scanner: most ms between characters")
)
SCAN_MIN_LENGTH = Setting(
    "scan/min_length", 4, QT_TRANSLATE_NOOP("Settings", "Scanner: shortest code")
)
SCAN_PREFIX = Setting("scan/prefix", "", QT_TRANSLATE_NOOP("Settings", "Scanner prefix"))
SCAN_SUFFIX = Setting("scan/suffix", "", QT_TRANSLATE_NOOP("Settings", "Scanner suffix"))
SOUND = Setting("scan/sound", True, QT_TRANSLATE_NOOP("Settings", "Sounds at the counter"))
SOUND_VOLUME = Setting("scan/volume", 80, QT_TRANSLATE_NOOP("Settings", "Volume"))
MEDIA_PAGE = Setting(
    "views/media_page", 200, QT_TRANSLATE_NOOP("Settings", "Rows fetched at a time in lists")
)

#: the office server this desk works on (a postgresql:// URL without password: that goes in
#: ~/.pgpass); empty: the database file on this computer. Used when Keeper is started without
#: --db and without $KEEPER_DB; takes effect at the next start.
OFFICE_SERVER = Setting("db/server", "", QT_TRANSLATE_NOOP("Settings", "Office server"))

LABEL_SHEET = Setting(
    "print/label_sheet", "avery-l7676", QT_TRANSLATE_NOOP("Settings", "Label sheet")
)
PRINTER = Setting("print/printer", "", QT_TRANSLATE_NOOP("Settings", "Default printer"))
SAVE_FOLDER = Setting("print/save_folder", "", QT_TRANSLATE_NOOP("Settings", "Save PDFs in"))
BACKUP_FOLDER = Setting(
    "backup/folder", "", QT_TRANSLATE_NOOP("Settings", "Backup folder")
)  # empty: the "backups" folder next to the database
BACKUP_KEEP = Setting("backup/keep", 14, QT_TRANSLATE_NOOP("Settings", "Backups to keep"))
BACKUP_INTERVAL_HOURS = Setting(
    "backup/interval_hours", 24, QT_TRANSLATE_NOOP("Settings", "Back up every (hours)")
)  # 0: no scheduled backups from this computer

ALL = (
    LANGUAGE,
    IDLE_LOCK_SECONDS,
    SCAN_MAX_GAP_MS,
    SCAN_MIN_LENGTH,
    SCAN_PREFIX,
    SCAN_SUFFIX,
    SOUND,
    SOUND_VOLUME,
    MEDIA_PAGE,
    OFFICE_SERVER,
    LABEL_SHEET,
    PRINTER,
    SAVE_FOLDER,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BACKUP_INTERVAL_HOURS,
)
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


class Settings:
    """Typed access to one QSettings store (the user's, or a file for tests)."""

    def __init__(self, store: QSettings | None = None):
        self._q = store if store is not None else QSettings("Keeper", "keeper")

    @classmethod
    def in_file(cls, path: str) -> Settings:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, s: Setting) -> Any:
        raw = self._q.value(s.key, s.default)
        if isinstance(s.default, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        if isinstance(s.default, int):
            try:
                return int(str(raw))
            except (TypeError, ValueError):
                return s.default
        return str(raw)

    def set(self, s: Setting, value: Any) -> None:
        self._q.setValue(s.key, value)
        self._q.sync()

    @property
    def language(self) -> str:
        lang = self.get(LANGUAGE)
        return lang if lang in LANGUAGES else LANGUAGE.default

    @property
    def idle_lock_ms(self) -> int:
        return max(1, self.get(IDLE_LOCK_SECONDS)) * 1000

    @property
    def document_language(self) -> str:
        """Printed documents follow the UI language: Chinese, or English."""
        return "zh" if self.language.startswith("zh") else "en"
