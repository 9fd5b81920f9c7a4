"""Write the counter's three sounds (keeper_app/ui/sounds/*.wav): accepted, refused and
duplicate scans must sound different, so a keeper hears which without looking up.

Run once (the WAVs are committed): python3 scripts/make_sounds.py"""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path

RATE = 16000
OUT = Path(__file__).resolve().parent.parent / "keeper_app" / "ui" / "sounds"


def tone(freq: float, ms: int, amp: float = 0.6) -> list[int]:
    n = RATE * ms // 1000
    fade = max(1, n // 6)
    return [
        int(32767 * amp * math.sin(2 * math.pi * freq * i / RATE) * min(1.0, i / fade, (n - i) / fade))
        for i in range(n)
    ]


def silence(ms: int) -> list[int]:
    return [0] * (RATE * ms // 1000)


def wav(samples: list[int]) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buf.getvalue()


SOUNDS = {
    "accepted": tone(1320, 80),  # one short high beep
    "refused": tone(330, 160) + silence(60) + tone(262, 220),  # two low falling tones
    "duplicate": tone(880, 60) + silence(50) + tone(880, 60),  # two quick mid beeps
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, samples in SOUNDS.items():
        (OUT / f"{name}.wav").write_bytes(wav(samples))
        print(OUT / f"{name}.wav")
