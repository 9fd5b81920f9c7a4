"""Reading a disc (or image) back and checking every file against a manifest: what is
missing, extra, changed or unreadable. Used right after burning, on every return, on demand,
and in the periodic fixity check.

The reference is the manifest the *register* holds (passed in by the service); the disc's
own ``MANIFEST.sha256`` must equal it too, so a disc rewritten with a forged manifest fails.
xorriso's ``-check_md5`` (the MD5s recorded in the image when it was burned) can be added as
a second, independent reading.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..domain.model import ManifestEntry
from . import BurnError
from .discread import DiscSource, open_disc
from .isoread import IsoFile
from .jobs import ProgressCallback
from .layout import LABEL_NAME, MANIFEST_NAME, code_from_volume_id, manifest_body, parse_manifest
from .xorriso import Drive, head, run_quick


@dataclass
class DiscIdentity:
    """What a disc says about itself: read from its volume id, LABEL.json and manifest."""

    volume_id: str
    code: str | None
    label: dict[str, Any] | None
    manifest_text: str | None
    problems: list[str] = field(default_factory=list)


@dataclass
class VerifyReport:
    drive: str
    volume_id: str = ""
    code: str | None = None
    label: dict[str, Any] | None = None
    files_checked: int = 0
    bytes_read: int = 0
    seconds: float = 0.0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    read_errors: int = 0  # sectors that could not be read
    problems: list[str] = field(default_factory=list)  # one line each, for people
    md5: str | None = None  # xorriso -check_md5: "match" / "mismatch" / None (not run)

    @property
    def ok(self) -> bool:
        return not (
            self.missing
            or self.extra
            or self.changed
            or self.unreadable
            or self.problems
            or self.md5 == "mismatch"
        )

    @property
    def result(self) -> str:
        return "match" if self.ok else "mismatch"

    @property
    def mb_per_s(self) -> float:
        return self.bytes_read / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        if self.ok:
            return (
                f"{self.files_checked} files match the manifest "
                f"({self.bytes_read / 1e6:,.1f} MB, {self.mb_per_s:,.0f} MB/s)"
            )
        parts = []
        for what, items in (
            ("missing", self.missing),
            ("extra", self.extra),
            ("changed", self.changed),
            ("unreadable", self.unreadable),
        ):
            if items:
                parts.append(
                    f"{len(items)} {what}: "
                    + ", ".join(items[:5])
                    + (" ..." if len(items) > 5 else "")
                )
        parts += self.problems
        if self.md5 == "mismatch":
            parts.append("the MD5 recorded in the image does not match")
        if self.read_errors:
            parts.append(f"{self.read_errors} unreadable sectors")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(ok=self.ok, result=self.result)
        return d


def _specials(files: list[IsoFile]) -> tuple[dict[str, IsoFile], IsoFile | None, IsoFile | None]:
    by_path = {f.path: f for f in files}
    return by_path, by_path.pop(MANIFEST_NAME, None), by_path.pop(LABEL_NAME, None)


def _identity(src: DiscSource, files: list[IsoFile]) -> DiscIdentity:
    _, mf, lf = _specials(files)
    ident = DiscIdentity(src.volume_id, code_from_volume_id(src.volume_id), None, None)
    if lf is None:
        ident.problems.append(f"{LABEL_NAME} is missing")
    else:
        try:
            data = json.loads(src.read_small(lf).decode("utf-8"))
            ident.label = data if isinstance(data, dict) else None
        except (ValueError, UnicodeDecodeError, BurnError) as exc:
            ident.problems.append(f"{LABEL_NAME} cannot be read: {exc}")
        if ident.label is None and not ident.problems:
            ident.problems.append(f"{LABEL_NAME} is not a JSON object")
    if mf is None:
        ident.problems.append(f"{MANIFEST_NAME} is missing")
    else:
        try:
            ident.manifest_text = src.read_small(mf).decode("utf-8")
        except (UnicodeDecodeError, BurnError) as exc:
            ident.problems.append(f"{MANIFEST_NAME} cannot be read: {exc}")
    if ident.label and ident.code and ident.label.get("medium_code") not in (None, ident.code):
        ident.problems.append(
            f"{LABEL_NAME} names {ident.label.get('medium_code')} but the "
            f"volume id names {ident.code}"
        )
    return ident


def identify(drive: Drive, via_xorriso: bool | None = None) -> DiscIdentity:
    """Read only the volume id, label and manifest: quick, for a disc just inserted."""
    with open_disc(drive, via_xorriso) as src:
        return _identity(src, src.files())


def check_md5(drive: Drive) -> tuple[bool, str]:
    """xorriso's own check: the session and every file against the MD5s it recorded."""
    rc, out = run_quick(
        head(md5=True)
        + [
            "-indev",
            drive.address,
            "-check_md5",
            "FAILURE",
            "--",
            "-check_md5_r",
            "FAILURE",
            "/",
            "--",
        ],
        timeout=24 * 3600,
    )
    if rc == 0:
        return True, "session and files match the MD5 recorded in the image"
    ev = out.first("SORRY")
    return False, ev.text if ev else f"xorriso -check_md5 failed (exit {rc})"


def verify_disc(
    drive: Drive,
    expected: Sequence[ManifestEntry] | None = None,
    *,
    expected_code: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    via_xorriso: bool | None = None,
    with_md5: bool = False,
) -> VerifyReport:
    """Check every file on the disc in ``drive`` against ``expected`` (the register's
    manifest; the disc's own manifest when None). Raises BurnError only when the disc cannot
    be read at all (no disc, not a data disc, cancelled); everything else is in the report."""
    t0 = time.monotonic()
    rep = VerifyReport(str(drive))
    with open_disc(drive, via_xorriso) as src:
        files = src.files()
        ident = _identity(src, files)
        rep.volume_id, rep.code, rep.label = ident.volume_id, ident.code, ident.label
        rep.problems += ident.problems
        if expected_code is not None and ident.code != expected_code:
            rep.problems.append(
                f"this is not disc {expected_code}: its volume id is {ident.volume_id or '(none)'}"
            )
        if expected is None:
            if ident.manifest_text is None:
                raise BurnError(
                    "no_manifest",
                    f"the disc in {drive} has no {MANIFEST_NAME}: it was not made by Keeper",
                )
            try:
                expected = parse_manifest(ident.manifest_text)
            except BurnError as exc:
                rep.problems.append(exc.message)
                expected = []
        elif ident.manifest_text is not None and ident.manifest_text != manifest_body(expected):
            rep.changed.append(MANIFEST_NAME)
        on_disc, _, _ = _specials(files)
        want = {e.path: e for e in expected}
        rep.missing = sorted(set(want) - set(on_disc))
        rep.extra = sorted(set(on_disc) - set(want))
        to_read = [f for p, f in on_disc.items() if p in want]
        for fh in src.hash_files(to_read, progress, cancel):
            rep.files_checked += 1
            rep.bytes_read += fh.bytes_read
            rep.read_errors += fh.bad_sectors
            e = want[fh.path]
            if fh.sha256 is None:
                rep.unreadable.append(fh.path)
                rep.problems.append(f"{fh.path}: {fh.error}")
            elif fh.size != e.size or fh.sha256 != e.sha256:
                rep.changed.append(fh.path)
    if with_md5:
        ok, _msg = check_md5(drive)
        rep.md5 = "match" if ok else "mismatch"
    rep.changed.sort()
    rep.unreadable.sort()
    rep.seconds = time.monotonic() - t0
    return rep
