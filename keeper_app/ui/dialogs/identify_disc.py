"""A disc just inserted (or an image): what it says it is — volume id, ``LABEL.json``,
``MANIFEST.sha256`` — matched to the register (its code, status, copy role, shelf, whether its
manifest is the registered one, its earlier read-backs); then, on request, every file read and
checked against the register's manifest (recorded on the disc's history)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ...burning.jobs import Progress
from ...services import burning
from ...services.burning import MediumCheck
from ...services.session import Session
from ..context import UiContext
from ..labels import label, pretty
from ..ops import Ops
from ..witness import agreed, disagreed, no_head
from .task_base import TaskDialog


def quick_identify(s: Session, address: str) -> dict[str, Any]:
    """Identify without starting xorriso: the volume descriptor, the label and the manifest
    are a few sectors, read directly from the device (or image) — no drive lock, seconds."""
    return burning.identify_disc(s, address, via_xorriso=False)


class IdentifyDialog(TaskDialog):
    open_code = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        runner: Ops,
        address: str,
        drive_name: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(ctx, runner, "", parent)
        self.address = address
        self.drive_name = drive_name or address
        self.identity: dict[str, Any] | None = None
        self.check: MediumCheck | None = None
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counter_button = QPushButton()
        self.counter_button.setObjectName("open_at_counter")
        self.counter_button.hide()
        self.counter_button.clicked.connect(self._open_counter)
        self.body.addWidget(self.info, 1)
        self.body.addWidget(self.counter_button)
        self.go_button.clicked.connect(self.check_every_file)
        self.go_button.setEnabled(False)
        self.retranslate()
        address_ = address
        self.start(lambda s: quick_identify(s, address_))

    def retranslate(self) -> None:
        self.retranslate_task()
        title = self.tr("Disc in %1").replace("%1", self.drive_name)
        self.setWindowTitle(title)
        self.heading.setText(f"<h3>{title}</h3>")
        self.go_button.setText(self.tr("Check every file"))
        self.counter_button.setText(self.tr("Open at the counter"))

    def check_every_file(self) -> None:
        if self.identity is None:
            return
        address, cancel = self.address, self.cancel_event
        self.start(
            lambda s: burning.verify_medium(
                s, address, "on_demand", progress=self.report, cancel=cancel
            )
        )

    def stage_text(self, p: Progress) -> str:
        return self.tr("Reading the disc, checking every file… %1%").replace(
            "%1", str(round((p.fraction or 0) * 100))
        )

    def set_editable(self, on: bool) -> None:
        self.counter_button.setEnabled(on)

    def _open_counter(self) -> None:
        if self.identity and self.identity.get("code"):
            self.open_code.emit(str(self.identity["code"]))
            self.accept()

    # ------------------------------------------------------------------ results
    def succeeded(self, result: Any) -> str:
        if isinstance(result, MediumCheck):
            return self._show_check(result)
        self.identity = result
        self.progress_box.hide()
        self.info.setText(self.identity_html(result))
        registered = bool(result.get("registered"))
        self.counter_button.setVisible(registered)
        self.go_button.setEnabled(True)
        if registered and result.get("manifest_matches"):
            self.banner.say("ok", self.tr("This disc is in the register."))
        elif registered:
            self.banner.say(
                "error", self.tr("The manifest on this disc is not the one registered for it.")
            )
        else:
            self.banner.say("warn", self.tr("This disc is not in the register."))
        head = result.get("head")
        if head is not None and not head["ok"]:  # the register's history: above all else
            self.banner.say("error", disagreed("disc", head), head["message"])
        return ""

    def identity_html(self, r: dict[str, Any]) -> str:
        code = r.get("code")
        lab = r.get("label") or {}
        lines = [
            self.tr("Volume id: %1").replace("%1", str(r.get("volume_id") or "—")),
            self.tr("Code: %1").replace("%1", f"<b>{pretty(code) if code else '—'}</b>"),
        ]
        if lab:
            lines.append(
                self.tr("Case %1 · person interrogated: %2")
                .replace("%1", f"{lab.get('case_number', '')} {lab.get('case_name', '')}")
                .replace("%2", str(lab.get("person_interrogated", "")))
            )
        if r.get("registered"):
            lines.append(
                self.tr("In the register: %1, %2, shelf %3")
                .replace("%1", label("CopyRole", r.get("copy_role")))
                .replace("%2", label("Status", r.get("status")))
                .replace("%3", str(r.get("location") or "—"))
            )
            lines.append(
                self.tr("Manifest: %1").replace(
                    "%1",
                    self.tr("the registered one")
                    if r.get("manifest_matches")
                    else self.tr("DIFFERS from the register"),
                )
            )
            checks = r.get("verifications") or []
            if checks:
                last = checks[-1]
                lines.append(
                    self.tr("Last read back: %1, %2")
                    .replace("%1", str(last["at"]))
                    .replace("%2", label("Verification", last["result"]))
                )
        head = r.get("head")
        if head is None:
            lines.append(no_head())
        elif head["ok"]:
            lines.append(agreed("disc", head))
        else:
            lines.append(f"<b style='color:#8a1c12'>{disagreed('disc', head)}</b>")
        for p in r.get("problems") or []:
            lines.append(f"<span style='color:#8a1c12'>{p}</span>")
        return "<br>".join(lines)

    def _show_check(self, c: MediumCheck) -> str:
        self.check = c
        rep = c.report
        text = self.tr("%1 files, %2 MB read; %3 read errors.")
        text = text.replace("%1", str(rep.files_checked))
        text = text.replace("%2", f"{rep.bytes_read / 1e6:,.1f}").replace(
            "%3", str(rep.read_errors)
        )
        detail = "; ".join(
            f"{name}: {', '.join(items)}"
            for name, items in (
                (self.tr("missing"), rep.missing),
                (self.tr("not in the manifest"), rep.extra),
                (self.tr("changed"), rep.changed),
                (self.tr("unreadable"), rep.unreadable),
            )
            if items
        )
        if c.head is not None and not c.head.ok:
            self.banner.say("error", disagreed("disc", c.head), c.head.message)
        elif c.result == "match":
            self.banner.say("ok", self.tr("Every file matches the register."), text)
        else:
            self.banner.say(
                "error",
                self.tr("The disc does NOT match the register."),
                "; ".join(x for x in (text, detail, *rep.problems) if x),
            )
        return (
            self.tr("Disc %1 checked: %2")
            .replace("%1", pretty(c.code) if c.code else "—")
            .replace("%2", label("Verification", c.result))
        )
