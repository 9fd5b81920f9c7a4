"""Adding a person (administrators): badge, name, roles, department. No password: Keeper
makes a one-time enrolment code, shown once when the person is added (see
:class:`EnrolmentCodeBox`), for the person to choose their own password at first sign-in.
A custody role (any but the administrator's) is countersigned by a department head (issue
10: separation of duties)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QMessageBox, QWidget

from ...services import enrolment, lookup
from ...services.session import Session
from ...timeutil import show
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog


class PersonDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Add a person"), parent)
        self.badge = QLineEdit()
        self.name = QLineEdit()
        self.role_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, r in enumerate(values("Role")):
            box = QCheckBox(label("Role", r))
            self.role_boxes[r] = box
            grid.addWidget(box, i // 3, i % 3)
        self.department = QComboBox()
        self.department.addItem(self.tr("(none)"), None)
        for d in lookup.departments(ctx.session):
            self.department.addItem(d["name"], d["id"])
        self.org_name = QLineEdit()
        self.org_name.setPlaceholderText(self.tr("court/procuratorate staff only"))
        self.form.addRow(self.tr("Badge number"), self.badge)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Roles"), grid)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow(self.tr("Court or procuratorate"), self.org_name)
        self.set_summary(
            self.tr(
                "The person gets a one-time enrolment code, shown once when you add them. "
                "At their first sign-in they give it and choose their own password."
            )
        )
        self.signers.add("head", self.tr("Department head (countersigns)"), role="dept_head")
        for box in self.role_boxes.values():
            box.toggled.connect(self._roles_changed)
        self._roles_changed()

    def _roles_changed(self) -> None:
        chosen = {r for r, b in self.role_boxes.items() if b.isChecked()}
        self.signers.set_required("head", bool(chosen - {"admin"}))

    def submit_text(self) -> str:
        return self.tr("Add")

    def values(self) -> dict[str, Any]:
        return {
            "badge": self.badge.text(),
            "name": self.name.text(),
            "roles": [r for r, b in self.role_boxes.items() if b.isChecked()],
            "dept": self.department.currentData(),
            "org": self.org_name.text(),
            "head": self.signers.credential("head")
            if self.signers.slots["head"].required
            else None,
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return enrolment.add_person(
            s, v["badge"], v["name"], v["roles"], v["dept"], v["org"], head=v["head"]
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("%1 added.").replace("%1", self.name.text().strip())


class EnrolmentCodeBox(QMessageBox):
    """The enrolment code of a person just added, shown this once to the administrator."""

    def __init__(self, issued: enrolment.Issued, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("enrolment_code")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Enrolment code"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who = html.escape(f"{issued.name} ({issued.badge})")
        self.setText(
            self.tr("Enrolment code of %1:").replace("%1", who)
            + f"<p style='font-family:monospace;font-size:20pt'><b>{issued.shown}</b></p>"
            + self.tr(
                "Hand it to the person. It is shown only now, is used once, and expires on "
                "%1. At their first sign-in they choose “First sign-in with an enrolment "
                "code”, give it, and choose their own password."
            ).replace("%1", show(issued.expires_at))
        )
        self.code = issued.shown
        self.addButton(QMessageBox.StandardButton.Ok)
