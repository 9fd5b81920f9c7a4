"""Adding a person (administrators): badge, name, roles, department, and a first password
the person changes later. A custody role (any but the administrator's) is countersigned by a
department head (issue 10: separation of duties)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from ...domain.errors import RuleViolation
from ...services import lookup
from ...services import people as people_svc
from ...services.session import Session
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
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("Badge number"), self.badge)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Roles"), grid)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow(self.tr("Court or procuratorate"), self.org_name)
        self.form.addRow(self.tr("First password"), self.password)
        self.form.addRow(self.tr("Password again"), self.password2)
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
            "pw": self.password.text(),
            "pw2": self.password2.text(),
            "head": self.signers.credential("head")
            if self.signers.slots["head"].required
            else None,
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        if v["pw"] != v["pw2"]:
            raise RuleViolation("password_mismatch", "the two passwords differ")
        return people_svc.add_person(
            s,
            v["badge"],
            v["name"],
            v["roles"],
            v["pw"],
            v["dept"],
            org_name=v["org"],
            head=v["head"],
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("%1 added.").replace("%1", self.name.text().strip())
