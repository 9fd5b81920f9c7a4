"""What goes on a disc (Art. 17): the recordings at their manifest paths, ``MANIFEST.sha256``
(one ``<sha256>  <path>`` line per file, readable by ``sha256sum -c``) and ``LABEL.json`` (the
label fields and which disc of which pair this is). The volume id is derived from the medium id.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import RuleViolation
from ..domain.model import ManifestEntry
from ..files import write_private
from . import BurnError

MANIFEST_NAME = "MANIFEST.sha256"
LABEL_NAME = "LABEL.json"
RESERVED_NAMES = frozenset({MANIFEST_NAME, LABEL_NAME})
LABEL_FORMAT = "keeper-disc-label/1"
VOLUME_PREFIX = "K"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_VOLID = re.compile(r"^[A-Z0-9_]{1,32}$")


def manifest_body(entries: Iterable[ManifestEntry]) -> str:
    """``MANIFEST.sha256``: one ``<sha256>  <path>`` line per file, sorted by path, the size
    kept in a trailing comment line so ``sha256sum -c`` still reads it."""
    ordered = sorted(entries, key=lambda e: e.path)
    lines = [f"{e.sha256}  {e.path}" for e in ordered]
    sizes = [f"# size {e.size} {e.path}" for e in ordered]
    return "\n".join(lines + sizes) + "\n"


def manifest_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def parse_manifest(text: str) -> list[ManifestEntry]:
    """The entries of a ``MANIFEST.sha256`` written by :func:`manifest_body`."""
    hashes: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        if raw.startswith("# size "):
            size_text, _, path = raw[7:].partition(" ")
            if not size_text.isdigit() or not path:
                raise BurnError("bad_manifest", f"MANIFEST.sha256 line {n}: bad size line")
            sizes[path] = int(size_text)
            continue
        if raw.startswith("#"):
            continue
        sha, sep, path = raw.partition("  ")
        if not sep or not _SHA.match(sha) or not path:
            raise BurnError("bad_manifest", f"MANIFEST.sha256 line {n} is not '<sha256>  <path>'")
        if path in hashes:
            raise BurnError("bad_manifest", f"MANIFEST.sha256 lists {path} twice")
        hashes[path] = sha
    if set(sizes) != set(hashes):
        raise BurnError(
            "bad_manifest", "MANIFEST.sha256: sizes and checksums do not list the same files"
        )
    return [ManifestEntry(p, sizes[p], hashes[p]) for p in sorted(hashes)]


def volume_id(code: str) -> str:
    """The ISO 9660 volume id of the disc with medium id ``code`` (e.g. ``K31012026000123O5``):
    d-characters only, at most 32, so every system shows it the same."""
    vol = VOLUME_PREFIX + code.strip().upper()
    if not _VOLID.match(vol):
        raise BurnError("bad_volume_id", f"cannot make a volume id from {code!r}")
    return vol


def code_from_volume_id(vol: str) -> str | None:
    vol = (vol or "").strip()
    if vol.startswith(VOLUME_PREFIX) and len(vol) == 17:
        return vol[1:]
    return None


def label_bytes(label: Mapping[str, Any]) -> bytes:
    return (json.dumps(dict(label), ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def check_disc_path(path: str) -> str:
    """A file's path on the disc: relative, '/'-separated, no '..', no control characters,
    not one of the names Keeper writes itself."""
    if (
        not path
        or path.startswith("/")
        or "\\" in path
        or any(part in ("", ".", "..") for part in path.split("/"))
        or any(ord(c) < 32 for c in path)
        or path in RESERVED_NAMES
    ):
        raise BurnError("bad_path", f"{path!r} cannot be a file's path on a disc")
    return path


@dataclass(frozen=True)
class DiscFile:
    path: str  # on the disc, = the manifest path
    source: Path
    size: int
    sha256: str

    @property
    def entry(self) -> ManifestEntry:
        return ManifestEntry(self.path, self.size, self.sha256)


@dataclass(frozen=True)
class DiscLayout:
    volume_id: str
    files: tuple[DiscFile, ...]
    label: Mapping[str, Any]

    @classmethod
    def build(cls, code: str, files: Sequence[DiscFile], label: Mapping[str, Any]) -> DiscLayout:
        if not files:
            raise BurnError("no_recordings", "nothing to burn: choose at least one recording")
        seen: set[str] = set()
        for f in files:
            check_disc_path(f.path)
            if f.path in seen:
                raise BurnError("bad_path", f"{f.path} is listed twice")
            seen.add(f.path)
        return cls(volume_id(code), tuple(sorted(files, key=lambda f: f.path)), dict(label))

    @property
    def manifest(self) -> list[ManifestEntry]:
        return [f.entry for f in self.files]

    @property
    def manifest_text(self) -> str:
        return manifest_body(self.manifest)

    @property
    def payload_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def check_sources(self) -> None:
        """Every source is there, a regular file, with the size the register has."""
        for f in self.files:
            try:
                st = f.source.stat()
            except OSError:
                raise BurnError(
                    "source_missing", f"the recording file {f.source} is missing from the storage"
                ) from None
            if not f.source.is_file():
                raise BurnError("source_missing", f"{f.source} is not a file")
            if st.st_size != f.size:
                raise BurnError(
                    "source_changed",
                    f"{f.source} has {st.st_size} bytes, the "
                    f"register says {f.size}: it is not the registered recording",
                )

    def stage(self, folder: Path) -> tuple[Path, Path]:
        """Write MANIFEST.sha256 and LABEL.json into ``folder``; return their paths."""
        folder.mkdir(parents=True, exist_ok=True)
        m = folder / MANIFEST_NAME
        lab = folder / LABEL_NAME
        # private (0600), never through a link; staged again, replaced in one step
        try:
            write_private(m, self.manifest_text, replace=True)
            write_private(lab, label_bytes(self.label), replace=True)
        except RuleViolation as exc:
            raise BurnError(exc.code, exc.message) from None
        return m, lab

    def map_args(self, manifest_path: Path, label_path: Path) -> list[str]:
        """xorriso ``-map disk_path iso_path`` for every file on the disc."""
        args: list[str] = []
        for f in self.files:
            args += ["-map", str(f.source), "/" + f.path]
        args += [
            "-map",
            str(manifest_path),
            "/" + MANIFEST_NAME,
            "-map",
            str(label_path),
            "/" + LABEL_NAME,
        ]
        return args
