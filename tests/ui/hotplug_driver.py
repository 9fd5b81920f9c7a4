"""Run under ``umockdev-wrapper`` by test_hotplug_ui: Keeper's real main window, signed in as
a keeper, with its real DeviceWatcher on a umockdev testbed (libumockdev through ctypes, as
tests/integration/umockdev_driver.py does). Then, as a person would: a burned Keeper disc is
put in the drive (the fake /dev/sr0 holds the real image burned by the test), the window
offers to identify it, the offer is accepted and the disc identified against the register; a
USB disk is plugged in; the disc is taken out. Prints one JSON line: what the window showed.

``python hotplug_driver.py DB IMAGE SETTINGS.ini BADGE PASSWORD``"""

from __future__ import annotations

import ctypes
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "integration"))

from umockdev_driver import SR0, Testbed  # noqa: E402 - the project's umockdev helper


def root_dir(tb: Testbed) -> Path:
    tb.lib.umockdev_testbed_get_root_dir.argtypes = [ctypes.c_void_p]
    tb.lib.umockdev_testbed_get_root_dir.restype = ctypes.c_char_p
    return Path(tb.lib.umockdev_testbed_get_root_dir(tb.tb).decode())


def main() -> int:
    db_path, image, ini, badge, password = sys.argv[1:6]
    tb = Testbed()
    tb.add("empty-drive.umockdev")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from keeper_app.burning.isoread import IsoImage
    from keeper_app.services.session import Signer, sign_in
    from keeper_app.store import open_database
    from keeper_app.ui.app import KeeperApp
    from keeper_app.ui.settings import SOUND, Settings

    app = QApplication(sys.argv[:1])
    db = open_database(db_path, create=False)
    settings = Settings.in_file(ini)
    settings.set(SOUND, False)
    keeper = KeeperApp(db, settings)
    keeper.start()
    s = sign_in(db, badge, password)
    w = keeper.open_main(Signer(s.person, s.key))
    hub = w.discs.hub
    out: dict[str, object] = {
        "watched": hub.watcher is not None,
        "state": hub.state.text(),
        "messages": [],
        "steps": [],
    }
    messages: list[str] = out["messages"]  # type: ignore[assignment]
    steps: list[str] = out["steps"]  # type: ignore[assignment]
    w.statusBar().messageChanged.connect(lambda m: messages.append(m) if m else None)
    with IsoImage(image) as iso:
        volume = iso.volume_id

    def insert_disc() -> None:
        shutil.copyfile(image, root_dir(tb) / "dev" / "sr0")  # what the drive reads
        tb.set_props(
            SR0,
            ID_CDROM_MEDIA="1",
            ID_CDROM_MEDIA_DVD_R="1",
            ID_CDROM_MEDIA_STATE="complete",
            ID_FS_TYPE="iso9660",
            ID_FS_LABEL=volume,
        )
        tb.uevent(SR0, "change")
        steps.append("insert_disc")

    def accept_offer() -> None:
        box = hub.offer_box
        assert box is not None
        out["offer"] = box.text()
        box.button(QMessageBox.StandardButton.Yes).click()  # "Identify"
        steps.append("identify")

    def identified() -> bool:
        d = hub.dialog
        return d is not None and not d.running and (d.identity is not None or d.error is not None)

    def note_identity() -> None:
        d = hub.dialog
        assert d is not None
        out["identity"] = d.identity
        out["error"] = repr(d.error) if d.error is not None else None
        out["banner"] = (d.banner.kind, d.banner.text())
        d.reject()
        plug_usb()

    def plug_usb() -> None:
        tb.add("usb-disk.umockdev")
        steps.append("plug_usb")

    def remove_disc() -> None:
        tb.set_props(
            SR0, ID_CDROM_MEDIA="0", ID_CDROM_MEDIA_STATE="", ID_FS_TYPE="", ID_FS_LABEL=""
        )
        tb.uevent(SR0, "change")
        steps.append("remove_disc")

    def said(text: str) -> bool:
        return any(text in m for m in messages)

    # each step once the window has shown the previous one; the events arrive through the
    # watcher's QSocketNotifier in the running event loop (no processEvents loop here)
    plan = [
        (insert_disc, lambda: True),
        (accept_offer, lambda: hub.offer_box is not None),
        (note_identity, identified),
        (remove_disc, lambda: said("/dev/sdb")),
        (app.quit, lambda: said("taken out")),
    ]

    def tick() -> None:
        while plan and plan[0][1]():
            plan.pop(0)[0]()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    timer.stop()
    out["left"] = len(plan)
    keeper.shutdown()
    db.close()
    print(json.dumps(out, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
