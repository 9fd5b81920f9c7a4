"""Sounds at the counter, behind a small interface: three shipped WAVs — an accepted scan (one
short high beep), a refused one (two low falling tones) and the same disc twice (two quick
beeps) — played with the first of paplay/pw-play/aplay that exists, at the volume set in
Settings. Without a player a refusal still gives the system beep; the visible confirmation is
always shown."""

from __future__ import annotations

import array
import logging
import shutil
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QStandardPaths, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
PLAYERS = ("paplay", "pw-play", "aplay")
SOUNDS_DIR = Path(__file__).resolve().parent / "sounds"
KINDS = ("accepted", "refused", "duplicate")


def scaled_wav(source: Path, target: Path, volume: int) -> None:
    """``source`` with every sample scaled to ``volume`` per cent (16-bit mono/stereo PCM)."""
    with wave.open(str(source), "rb") as r:
        params = r.getparams()
        samples = array.array("h", r.readframes(r.getnframes()))
    factor = max(0, min(100, volume)) / 100
    scaled = array.array("h", (int(s * factor) for s in samples))
    tmp = target.with_suffix(".tmp")
    with wave.open(str(tmp), "wb") as w:
        w.setparams(params)
        w.writeframes(scaled.tobytes())
    tmp.replace(target)


class Feedback(QObject):
    #: "accepted", "refused" or "duplicate", each time a sound is due (player or not)
    played = Signal(str)

    def __init__(self, sound: bool = True, parent: QObject | None = None, volume: int = 80):
        super().__init__(parent)
        self.sound = sound
        self.volume = volume
        self._player: str | None = None
        self._files: dict[str, Path] = {}
        self._broken = False

    def set_volume(self, sound: bool, volume: int) -> None:
        self.sound, self.volume = sound, volume
        self._files.clear()  # made again at the new volume

    def accepted(self) -> None:
        self._play("accepted")

    def refused(self) -> None:
        self._play("refused", beep=True)

    def duplicate(self) -> None:
        self._play("duplicate")

    def _play(self, kind: str, beep: bool = False) -> None:
        self.played.emit(kind)
        if not self.sound or self.volume <= 0:
            return
        path = self._file(kind) if not self._broken and self._has_player() else None
        if path is None:
            if beep:
                QApplication.beep()
            return
        proc = QProcess(self)
        proc.errorOccurred.connect(lambda _e: self._give_up(proc))
        proc.finished.connect(proc.deleteLater)
        proc.start(self._player or "", [str(path)])

    def _has_player(self) -> bool:
        if self._player is None:
            self._player = next((p for p in PLAYERS if shutil.which(p)), "")
            if not self._player:
                log.info("no sound player (%s): the counter is silent", ", ".join(PLAYERS))
        return bool(self._player)

    def _file(self, kind: str) -> Path | None:
        if kind in self._files:
            return self._files[kind]
        source = SOUNDS_DIR / f"{kind}.wav"
        if self.volume >= 100:
            self._files[kind] = source
            return source
        cache = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or "/tmp"
        )
        target = cache / f"keeper-{kind}-{self.volume}.wav"
        try:
            cache.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                scaled_wav(source, target, self.volume)
        except (OSError, wave.Error) as exc:
            log.warning("cannot prepare the %s sound: %s", kind, exc)
            return None
        self._files[kind] = target
        return target

    def _give_up(self, proc: QProcess) -> None:
        log.warning(
            "sound player %s failed: %s; the counter is now silent",
            self._player,
            proc.errorString(),
        )
        self._broken = True
        proc.deleteLater()
