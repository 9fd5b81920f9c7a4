"""Reading an ISO 9660 image (a disc image file or a disc's block device) without mounting
it: the volume id and every file with its Rock Ridge name, size and extents, so that the
files can be read in the order they lie on the disc.

Covers what xorriso writes: the primary volume descriptor, directory records spanning
sectors, Rock Ridge ``NM`` names with ``CE`` continuation areas, relocated directories
(``CL``/``RE``) and multi-extent files over 4 GiB. Names fall back to the ISO 9660 name when
an image has no Rock Ridge.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from . import BurnError

SECTOR = 2048
_FIRST_VD = 16
_MAX_DEPTH = 64


@dataclass(frozen=True)
class IsoFile:
    path: str  # relative, '/'-separated
    size: int
    extents: tuple[tuple[int, int], ...]  # (lba, bytes)

    @property
    def first_lba(self) -> int:
        return self.extents[0][0] if self.extents else 0


@dataclass(frozen=True)
class _Record:
    lba: int
    size: int
    flags: int
    name: bytes
    su: bytes

    @property
    def is_dir(self) -> bool:
        return bool(self.flags & 0x02)

    @property
    def more_extents(self) -> bool:
        return bool(self.flags & 0x80)


def _u32(b: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", b, at)[0])


def _record(raw: bytes) -> _Record:
    if len(raw) < 34:
        raise BurnError("bad_image", "a directory record is too short")
    name_len = raw[32]
    name = raw[33 : 33 + name_len]
    su_at = 33 + name_len + (1 if name_len % 2 == 0 else 0)
    return _Record(_u32(raw, 2), _u32(raw, 10), raw[25], name, raw[su_at : raw[0]])


class IsoImage:
    """An open image; ``close()`` it (or use ``with``)."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        try:
            self.fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise BurnError("no_disc", f"cannot open {self.path}: {exc.strerror}") from None
        try:
            self._read_descriptors()
        except BaseException:
            os.close(self.fd)
            raise
        self._skip = 0
        self._rr = False

    def __enter__(self) -> IsoImage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def read_at(self, offset: int, size: int) -> bytes:
        try:
            data = os.pread(self.fd, size, offset)
        except OSError as exc:
            raise BurnError(
                "unreadable_disc", f"cannot read {self.path} at byte {offset}: {exc.strerror}"
            ) from None
        if len(data) < size:
            raise BurnError(
                "bad_image",
                f"{self.path} ends at byte {offset + len(data)}, "
                f"inside its file system (a truncated or damaged image)",
            )
        return data

    def _read_descriptors(self) -> None:
        sector = _FIRST_VD
        while True:
            try:
                vd = self.read_at(sector * SECTOR, SECTOR)
            except BurnError:
                raise BurnError(
                    "not_iso",
                    f"{self.path} holds no ISO 9660 file system (blank, or not a data disc)",
                ) from None
            if vd[1:6] != b"CD001":
                raise BurnError(
                    "not_iso",
                    f"{self.path} holds no ISO 9660 file system (blank, or not a data disc)",
                )
            if vd[0] == 1:
                self.volume_id = vd[40:72].decode("ascii", "replace").strip()
                self.volume_blocks = _u32(vd, 80)
                self._root = _record(vd[156:190])
                return
            if vd[0] == 255 or sector > _FIRST_VD + 64:
                raise BurnError("not_iso", f"{self.path}: no primary volume descriptor")
            sector += 1

    def _records(self, lba: int, size: int) -> list[_Record]:
        data = self.read_at(lba * SECTOR, size)
        out, pos = [], 0
        while pos < len(data):
            n = data[pos]
            if n == 0:
                pos = (pos // SECTOR + 1) * SECTOR
                continue
            out.append(_record(data[pos : pos + n]))
            pos += n
        return out

    def _susp(self, su: bytes) -> dict[str, list[bytes]]:
        """The SUSP entries of one record (following CE continuations)."""
        found: dict[str, list[bytes]] = {}
        area = su[self._skip :]
        hops = 0
        while area:
            ce = None
            pos = 0
            while pos + 4 <= len(area):
                sig, n = area[pos : pos + 2], area[pos + 2]
                if n < 4:
                    break
                body = area[pos + 4 : pos + n]
                key = sig.decode("latin-1")
                if key == "ST":
                    break
                if key == "CE" and len(body) >= 24:
                    ce = (_u32(body, 0), _u32(body, 8), _u32(body, 16))
                else:
                    found.setdefault(key, []).append(body)
                pos += n
            hops += 1
            if ce is None or hops > 32:
                break
            area = self.read_at(ce[0] * SECTOR + ce[1], ce[2])
        return found

    def _name(self, rec: _Record, susp: dict[str, list[bytes]]) -> str:
        if "NM" in susp:
            parts = [b[1:] for b in susp["NM"] if not (b[0] & 0x06)]
            if parts:
                return b"".join(parts).decode("utf-8", "replace")
        name = rec.name.decode("latin-1")
        name = name.split(";", 1)[0]
        return name[:-1] if name.endswith(".") else name

    def files(self) -> list[IsoFile]:
        """Every regular file, sorted by where it starts on the disc."""
        root = self._records(self._root.lba, self._root.size)
        if root:
            sp = root[0].su
            if len(sp) >= 7 and sp[0:2] == b"SP" and sp[4:6] == b"\xbe\xef":
                self._skip = sp[6]
                self._rr = True
        out: list[IsoFile] = []
        self._walk(self._root.lba, self._root.size, "", out, set(), 0)
        return sorted(out, key=lambda f: (f.first_lba, f.path))

    def _walk(
        self, lba: int, size: int, prefix: str, out: list[IsoFile], seen: set[int], depth: int
    ) -> None:
        if lba in seen or depth > _MAX_DEPTH:
            raise BurnError("bad_image", "the directory tree of the image loops")
        seen.add(lba)
        pending: tuple[str, list[tuple[int, int]]] | None = None
        for rec in self._records(lba, size):
            if rec.name in (b"\x00", b"\x01"):
                continue
            susp = self._susp(rec.su) if self._rr else {}
            if "RE" in susp:
                continue  # shown at its original place through CL
            name = self._name(rec, susp)
            path = f"{prefix}{name}"
            if "CL" in susp:
                child = _u32(susp["CL"][0], 0)
                dot = self._records(child, SECTOR)[0]
                self._walk(child, dot.size, path + "/", out, seen, depth + 1)
                continue
            if rec.is_dir:
                self._walk(rec.lba, rec.size, path + "/", out, seen, depth + 1)
                continue
            if "SL" in susp:
                continue  # a symbolic link holds no data
            if pending is not None and pending[0] == path:
                pending[1].append((rec.lba, rec.size))
            else:
                pending = (path, [(rec.lba, rec.size)])
            if not rec.more_extents:
                ext = tuple(pending[1])
                out.append(IsoFile(path, sum(n for _, n in ext), ext))
                pending = None

    def read_file(self, f: IsoFile, limit: int = 16 << 20) -> bytes:
        """A small file's whole content (manifest, label)."""
        if f.size > limit:
            raise BurnError("bad_image", f"{f.path} is {f.size} bytes, larger than expected")
        return b"".join(self.read_at(lba * SECTOR, n) for lba, n in f.extents)
