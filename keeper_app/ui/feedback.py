"""Sounds at the counter, behind a small interface: a short tone for an accepted scan
(played with the first of paplay/pw-play/aplay that exists), the system beep for a refusal.
Without a player the accepted scan is silent; the visible confirmation is always shown."""

from __future__ import annotations

import io
import logging
import math
import shutil
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QStandardPaths, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
PLAYERS = ("paplay", "pw-play", "aplay")


def tone_wav(freq: float = 1320.0, ms: int = 70, rate: int = 16000) -> bytes:
    n = rate * ms // 1000
    frames = b"".join(
        struct.pack(
            "<h", int(9000 * math.sin(2 * math.pi * freq * i / rate) * min(1.0, (n - i) / (n / 4)))
        )
        for i in range(n)
    )
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return buf.getvalue()


class Feedback(QObject):
    #: "accepted" or "refused", each time a sound is due (whether or not a player exists)
    played = Signal(str)

    def __init__(self, sound: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.sound = sound
        self._player: str | None = None
        self._wav: Path | None = None
        self._broken = False

    def refused(self) -> None:
        self.played.emit("refused")
        QApplication.beep()

    def accepted(self) -> None:
        self.played.emit("accepted")
        if not self.sound or self._broken or not self._prepare():
            return
        proc = QProcess(self)
        proc.errorOccurred.connect(lambda _e: self._give_up(proc))
        proc.finished.connect(proc.deleteLater)
        proc.start(self._player or "", [str(self._wav)])

    def _prepare(self) -> bool:
        if self._player is None:
            self._player = next((p for p in PLAYERS if shutil.which(p)), "")
            if not self._player:
                log.info("no sound player (%s): accepted scans are silent", ", ".join(PLAYERS))
        if not self._player:
            return False
        if self._wav is None:
            cache = Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
                or "/tmp"
            )
            cache.mkdir(parents=True, exist_ok=True)
            self._wav = cache / "keeper-scan-ok.wav"
            if not self._wav.exists():
                self._wav.write_bytes(tone_wav())
        return True

    def _give_up(self, proc: QProcess) -> None:
        log.warning(
            "sound player %s failed: %s; accepted scans are now silent",
            self._player,
            proc.errorString(),
        )
        self._broken = True
        proc.deleteLater()
