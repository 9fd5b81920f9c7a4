"""The plain parts of burning and devices: xorriso's lines and exit codes, command lines,
manifests, volume ids, disc paths, udev properties to records, and the job runner (with
``sh`` as the external program)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from keeper_app.burning import BurnError
from keeper_app.burning.jobs import JobState, Preparation, ProcessJob, Progress
from keeper_app.burning.layout import (
    DiscFile,
    DiscLayout,
    check_disc_path,
    code_from_volume_id,
    manifest_body,
    parse_manifest,
    volume_id,
)
from keeper_app.burning.xorriso import (
    Drive,
    XorrisoOutput,
    burn_command,
    classify_failure,
    parse_progress,
)
from keeper_app.devices.udev import (
    disc_from,
    is_optical,
    is_usb_disk,
    mountpoints,
    optical_from,
    usb_disk_from,
)
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import intake

SHA = "ab" * 32


# ------------------------------------------------------------------ xorriso output
@pytest.mark.parametrize(
    "line, fraction",
    [
        ("xorriso : UPDATE : Writing:      15625s   10.7%   fifo   0%  buf  50%  114.2xD ", 0.107),
        ("xorriso : UPDATE : Writing:      84562s  100.0%   fifo  23%  buf  50%", 1.0),
        ("xorriso : UPDATE :  120 of 4000 MB written (fifo 100%) [buf  97%]  16.0x.", 0.03),
        ("xorriso : UPDATE :  42.50% done, estimate finish Tue Jul 15 20:13:28 2008", 0.425),
    ],
)
def test_progress_in_all_three_pacifier_formats(line: str, fraction: float) -> None:
    p = XorrisoOutput().feed(line)
    assert p is not None and p.fraction == pytest.approx(fraction)


def test_results_events_and_completion_are_collected() -> None:
    out = XorrisoOutput()
    for line in [
        "Drive current: -outdev 'stdio:/tmp/d.iso'",
        "Media current: stdio file, overwriteable",
        "Media status : is blank",
        "xorriso : UPDATE :       1 files added in 1 seconds",
        "xorriso : WARNING : Image size 24608s exceeds free space on media 4064s",
        "Image size   : 24640s",
        "Media space  : 4064s",
        "Writing to 'stdio:/tmp/d.iso' completed successfully.",
    ]:
        assert out.feed(line) is None
    assert out.media_status == "is blank"
    assert (out.sectors("Image size"), out.sectors("Media space")) == (24640, 4064)
    assert [e.severity for e in out.events] == ["WARNING"]  # pacifier UPDATEs not kept
    assert out.completed and out.worst("SORRY") is None


@pytest.mark.parametrize(
    "lines, rc, code",
    [
        (["xorriso : FAILURE : Cannot acquire drive '/dev/sr9'"], 5, "no_drive"),
        (
            ["libburn : SORRY : Failed to open device (a pseudo-drive) : Permission denied"],
            32,
            "no_drive",
        ),
        (["xorriso : FAILURE : Media current: is not present"], 5, "no_disc"),
        (
            [
                "xorriso : WARNING : Image size 24608s exceeds free space on media 4064s",
                "libburn : FATAL : Burn run failed",
            ],
            5,
            "too_small",
        ),
        (
            ["libburn : SORRY : Write error on stdio:/x.iso", "libburn : FATAL : Burn run failed"],
            5,
            "write_error",
        ),
        (["UNIX-SIGNAL:  SIGINT  errno= 2"], 1, "interrupted"),
        (["xorriso : SORRY : something else"], 32, "burn_failed"),
    ],
)
def test_failures_are_classified(lines: list[str], rc: int, code: str) -> None:
    out = XorrisoOutput()
    for line in lines:
        out.feed(line)
    got, message = classify_failure(out, rc)
    assert got == code and message


def test_parse_progress_ignores_other_lines() -> None:
    assert parse_progress("1 files added in 1 seconds") is None


# ------------------------------------------------------------------ drives, commands
def test_drive_addresses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    d = Drive.parse("stdio:disc.iso")
    assert d.is_file and d.address == f"stdio:{tmp_path}/disc.iso" and d.path.name == "disc.iso"
    assert not Drive.parse("/dev/sr0").is_file
    for bad in ("", "sr0", "stdio:", "C:\\disc"):
        with pytest.raises(BurnError) as ei:
            Drive.parse(bad)
        assert ei.value.code == "no_drive"


def test_burn_command_order(tmp_path: Path) -> None:
    layout = DiscLayout.build(
        "31012026000001O7", [DiscFile("a/b c.mp4", tmp_path / "x", 1, SHA)], {}
    )
    argv = burn_command(Drive.parse("/dev/sr0"), layout, tmp_path / "M", tmp_path / "L")
    assert argv[:3] == ["xorriso", "-abort_on", "FAILURE"]
    assert argv.index("-md5") < argv.index("-outdev") < argv.index("-commit")
    assert argv[argv.index("-volid") + 1] == "K31012026000001O7"
    assert ["-map", str(tmp_path / "x"), "/a/b c.mp4"] == argv[
        argv.index("-map") : argv.index("-map") + 3
    ]
    assert {"-joliet", "-rockridge", "-close"} <= set(argv)


# ------------------------------------------------------------------ layout
def test_volume_ids() -> None:
    assert volume_id("31012026000123o5") == "K31012026000123O5"
    assert code_from_volume_id("K31012026000123O5") == "31012026000123O5"
    assert code_from_volume_id("CDROM") is None
    with pytest.raises(BurnError):
        volume_id("3101-2026")


def test_manifest_round_trip_and_one_format_everywhere() -> None:
    entries = [ManifestEntry("b/讯问 1.mp4", 12, SHA), ManifestEntry("a/x  y.mp4", 0, "cd" * 32)]
    body = manifest_body(entries)
    assert body.splitlines()[0] == f"{'cd' * 32}  a/x  y.mp4"
    assert parse_manifest(body) == sorted(entries, key=lambda e: e.path)
    assert intake.manifest_body is manifest_body


@pytest.mark.parametrize(
    "text",
    [
        f"{SHA} one-space\n# size 1 one-space\n",
        f"{SHA}  a\n{SHA}  a\n# size 1 a\n",
        f"{SHA}  a\n",
        "# size x a\n",
    ],
)
def test_bad_manifests_are_refused(text: str) -> None:
    with pytest.raises(BurnError) as ei:
        parse_manifest(text)
    assert ei.value.code == "bad_manifest"


@pytest.mark.parametrize(
    "path", ["", "/abs", "a/../b", "a//b", "./a", "MANIFEST.sha256", "LABEL.json", "a\nb", "a\\b"]
)
def test_bad_disc_paths(path: str) -> None:
    with pytest.raises(BurnError) as ei:
        check_disc_path(path)
    assert ei.value.code == "bad_path"


def test_a_layout_needs_files_each_once(tmp_path: Path) -> None:
    with pytest.raises(BurnError) as ei:
        DiscLayout.build("31012026000001O7", [], {})
    assert ei.value.code == "no_recordings"
    f = DiscFile("a.mp4", tmp_path / "a", 1, SHA)
    with pytest.raises(BurnError) as ei:
        DiscLayout.build("31012026000001O7", [f, f], {})
    assert ei.value.code == "bad_path"


def test_sources_must_be_the_registered_files(tmp_path: Path) -> None:
    p = tmp_path / "a.mp4"
    p.write_bytes(b"12345")
    ok = DiscLayout.build("31012026000001O7", [DiscFile("a.mp4", p, 5, SHA)], {})
    ok.check_sources()
    for size, code in ((6, "source_changed"),):
        with pytest.raises(BurnError) as ei:
            DiscLayout.build(
                "31012026000001O7", [DiscFile("a.mp4", p, size, SHA)], {}
            ).check_sources()
        assert ei.value.code == code
    p.unlink()
    with pytest.raises(BurnError) as ei:
        ok.check_sources()
    assert ei.value.code == "source_missing"


# ------------------------------------------------------------------ udev properties
DRIVE = {
    "DEVNAME": "/dev/sr1",
    "DEVTYPE": "disk",
    "ID_CDROM": "1",
    "ID_CDROM_CD_R": "1",
    "ID_CDROM_DVD_R": "1",
    "ID_CDROM_BD_R": "1",
    "ID_VENDOR": "PIONEER",
    "ID_MODEL": "PIONEER_BD-RW_BDR-209D",
    "ID_SERIAL_SHORT": "S1",
}


def test_an_optical_drive_and_its_disc() -> None:
    assert is_optical(DRIVE) and not is_usb_disk(DRIVE)
    d = optical_from(DRIVE, {}, "/sys/x")
    assert (d.vendor, d.model, d.writes, d.disc) == (
        "PIONEER",
        "BD-RW BDR-209D",
        ("CD-R", "DVD-R", "BD-R"),
        None,
    )
    props = {
        **DRIVE,
        "ID_CDROM_MEDIA": "1",
        "ID_CDROM_MEDIA_BD_R": "1",
        "ID_CDROM_MEDIA_STATE": "complete",
        "ID_FS_LABEL": "K31012026000001O7",
        "ID_FS_TYPE": "iso9660",
        "ID_CDROM_MEDIA_SESSION_COUNT": "1",
    }
    disc = disc_from(props, {"size": "1000"})
    assert disc is not None
    assert (disc.media_type, disc.blank, disc.size_bytes, disc.keeper_code) == (
        "BD-R",
        False,
        512000,
        "31012026000001O7",
    )
    blank = disc_from(
        {
            **DRIVE,
            "ID_CDROM_MEDIA": "1",
            "ID_CDROM_MEDIA_DVD_PLUS_R_DL": "1",
            "ID_CDROM_MEDIA_STATE": "blank",
        },
        {},
    )
    assert blank is not None and (blank.media_type, blank.blank) == ("DVD+R DL", True)


def test_a_usb_disk() -> None:
    props = {
        "DEVNAME": "/dev/sdc",
        "DEVTYPE": "disk",
        "ID_BUS": "usb",
        "ID_VENDOR": "Kingston",
        "ID_MODEL": "DataTraveler_3.0",
    }
    assert is_usb_disk(props) and not is_optical(props)
    u = usb_disk_from(props, {"size": "100", "removable": "0"}, "/sys/y")
    assert (u.name, u.size_bytes, u.removable) == ("Kingston DataTraveler 3.0", 51200, False)
    assert not is_usb_disk({**props, "ID_BUS": "ata"})


def test_mount_points_are_unescaped(tmp_path: Path) -> None:
    m = tmp_path / "mounts"
    m.write_text("/dev/sdb1 /media/k/REC\\040USB vfat rw 0 0\nproc /proc proc rw 0 0\n")
    assert mountpoints(str(m)) == {"/dev/sdb1": "/media/k/REC USB"}


# ------------------------------------------------------------------ the job runner
class ShJob(ProcessJob):
    program = "sh"
    grace_seconds = 0.5

    def __init__(self, script: str):
        super().__init__()
        self.script = script
        self.lines: list[tuple[str, str]] = []

    def prepare(self) -> Preparation:
        return Preparation.ready(["sh", "-c", self.script])

    def on_line(self, stream: str, line: str) -> Progress | None:
        self.lines.append((stream, line))
        return parse_progress(line)


def test_both_streams_are_read_and_progress_reported() -> None:
    job = ShJob(
        "printf 'xorriso : UPDATE : Writing: 10s  25.0%%\\rxorriso : UPDATE : "
        "Writing: 20s  50.0%%\\n' >&2; echo 'Image size   : 5s'; printf tail"
    )
    seen: list[Progress] = []
    r = job.run(seen.append)
    assert r.state == JobState.DONE and r.returncode == 0
    assert [p.fraction for p in seen] == [0.25, 0.5]
    assert ("out", "Image size   : 5s") in job.lines and ("out", "tail") in job.lines
    assert len(r.tail) == 4 and "tail" in r.tail  # streams interleave in any order


def test_cancel_escalates_when_sigint_is_ignored() -> None:
    job = ShJob("trap '' INT; echo started; while :; do sleep 0.05; done")

    def progress(_p: Progress) -> None:
        pass

    import threading

    threading.Timer(0.3, job.cancel).start()
    r = job.run(progress)
    assert r.state == JobState.CANCELLED
    assert r.returncode == -signal.SIGTERM  # SIGINT ignored, SIGTERM after the grace period


def test_a_missing_program_is_not_started_with_a_message() -> None:
    class Missing(ShJob):
        def prepare(self) -> Preparation:
            return Preparation.ready(["/nonexistent/xorriso"])

    r = Missing("").run()
    assert r.state == JobState.NOT_STARTED and r.code == "no_program"
    assert "/nonexistent/xorriso" in r.message


def test_cancel_before_start_never_starts() -> None:
    job = ShJob("echo should-not-run")
    job.cancel()
    r = job.run()
    assert r.state == JobState.CANCELLED and job.lines == []
