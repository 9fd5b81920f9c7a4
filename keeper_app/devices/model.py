"""Plain records of drives, discs and USB disks: what the code above ``devices`` sees (no
pyudev objects leave this package)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: udev's ID_CDROM_MEDIA_* flags, most specific first, and the names people know
MEDIA_TYPES: tuple[tuple[str, str], ...] = (
    ("BD_RE", "BD-RE"),
    ("BD_R", "BD-R"),
    ("BD", "BD-ROM"),
    ("DVD_PLUS_R_DL", "DVD+R DL"),
    ("DVD_PLUS_RW_DL", "DVD+RW DL"),
    ("DVD_PLUS_RW", "DVD+RW"),
    ("DVD_PLUS_R", "DVD+R"),
    ("DVD_RW_RO", "DVD-RW"),
    ("DVD_RW_SEQ", "DVD-RW"),
    ("DVD_RW", "DVD-RW"),
    ("DVD_R_DL_SEQ", "DVD-R DL"),
    ("DVD_R_DL", "DVD-R DL"),
    ("DVD_R", "DVD-R"),
    ("DVD_RAM", "DVD-RAM"),
    ("DVD", "DVD-ROM"),
    ("CD_RW", "CD-RW"),
    ("CD_R", "CD-R"),
    ("CD", "CD-ROM"),
)
#: media types a drive can write, from its ID_CDROM_* capability flags
WRITE_CAPS: tuple[tuple[str, str], ...] = (
    ("CD_R", "CD-R"),
    ("CD_RW", "CD-RW"),
    ("DVD_R", "DVD-R"),
    ("DVD_RW", "DVD-RW"),
    ("DVD_PLUS_R", "DVD+R"),
    ("DVD_PLUS_RW", "DVD+RW"),
    ("DVD_PLUS_R_DL", "DVD+R DL"),
    ("DVD_RAM", "DVD-RAM"),
    ("BD_R", "BD-R"),
    ("BD_RE", "BD-RE"),
)


@dataclass(frozen=True)
class Disc:
    media_type: str  # "DVD-R", "BD-R", ... ("" when the drive cannot tell)
    state: str  # "blank", "appendable", "complete" (udev's ID_CDROM_MEDIA_STATE)
    fs_type: str = ""  # "iso9660" for a data disc
    label: str = ""  # the volume id
    size_bytes: int = 0  # readable size; 0 for a blank disc
    sessions: int = 0

    @property
    def blank(self) -> bool:
        return self.state == "blank"

    @property
    def keeper_code(self) -> str | None:
        """The medium id when the volume id is Keeper's (``K`` + 16 characters)."""
        return self.label[1:] if self.label.startswith("K") and len(self.label) == 17 else None


@dataclass(frozen=True)
class OpticalDrive:
    devnode: str  # /dev/sr0: the address to give xorriso
    sys_path: str
    vendor: str
    model: str
    serial: str = ""
    writes: tuple[str, ...] = ()  # media types it can burn
    disc: Disc | None = None

    @property
    def can_burn(self) -> bool:
        return bool(self.writes)

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.vendor, self.model) if p) or self.devnode

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(
            can_burn=self.can_burn,
            name=self.name,
            blank=self.disc.blank if self.disc else None,
            keeper_code=self.disc.keeper_code if self.disc else None,
        )
        return d


@dataclass(frozen=True)
class Partition:
    devnode: str
    number: int
    size_bytes: int
    fs_type: str = ""
    label: str = ""
    uuid: str = ""
    mountpoint: str = ""


@dataclass(frozen=True)
class UsbDisk:
    devnode: str
    sys_path: str
    vendor: str
    model: str
    serial: str = ""
    size_bytes: int = 0
    removable: bool = True
    partitions: tuple[Partition, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.vendor, self.model) if p) or self.devnode

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["name"] = self.name
        return d


@dataclass(frozen=True)
class DeviceEvent:
    """Something happened to a drive or disk. ``what`` says it for people and for code:
    disc_inserted, disc_removed, drive_added, drive_removed, usb_added, usb_removed,
    partition_added, partition_removed, changed."""

    action: str  # udev's: add, remove, change
    what: str
    devnode: str
    sys_path: str
    drive: OpticalDrive | None = None
    usb: UsbDisk | None = None
    partition: Partition | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
