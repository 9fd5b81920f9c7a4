"""Qt translators: Keeper's own (``translations/keeper_<lang>.qm``, built from
``resources/translations/*.ts`` by ``make translations``) and Qt's own for standard buttons.
Installing or removing a translator sends LanguageChange to every widget."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QM_DIR = Path(__file__).resolve().parent / "translations"
log = logging.getLogger(__name__)


class Translations:
    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, language: str) -> bool:
        """Switch to ``language`` ("zh_CN" or "en"); False if its .qm file is missing."""
        for t in self._installed:
            self._app.removeTranslator(t)
        self._installed.clear()
        self.language = "en"
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return True
        ours = QTranslator(self._app)
        if not ours.load(f"keeper_{language}", str(QM_DIR)):
            log.warning(
                "no translation keeper_%s.qm in %s; run 'make translations'", language, QM_DIR
            )
            return False
        qt = QTranslator(self._app)
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._app.installTranslator(qt)
            self._installed.append(qt)
        extra = QTranslator(self._app)  # what qtbase leaves in English (file dialogs)
        if extra.load(f"keeper_qt_{language}", str(QM_DIR)):
            self._app.installTranslator(extra)
            self._installed.append(extra)
        self._app.installTranslator(ours)
        self._installed.append(ours)
        QLocale.setDefault(QLocale(language))
        self.language = language
        return True
