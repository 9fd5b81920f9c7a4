"""Changing a person's roles (administrators). Giving a custody role is countersigned by a
department head (issue 10: separation of duties)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from ...services import people as people_svc
from ...services.session import Session
from ..context import UiContext
from ..labels import label, values
from .base import WorkflowDialog


class RolesDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, person: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Roles of %1").replace("%1", str(person["name"])), parent)
        self.person = person
        have = set(str(person["roles"]).split(","))
        self.role_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, r in enumerate(values("Role")):
            box = QCheckBox(label("Role", r))
            box.setChecked(r in have)
            self.role_boxes[r] = box
            grid.addWidget(box, i // 3, i % 3)
        self.form.addRow(self.tr("Roles"), grid)
        self.had = have
        self.signers.add("head", self.tr("Department head (countersigns)"), role="dept_head")
        for box in self.role_boxes.values():
            box.toggled.connect(self._roles_changed)
        self._roles_changed()

    def _roles_changed(self) -> None:
        chosen = {r for r, b in self.role_boxes.items() if b.isChecked()}
        self.signers.set_required("head", bool(chosen - self.had - {"admin"}))

    def submit_text(self) -> str:
        return self.tr("Save")

    def values(self) -> dict[str, Any]:
        required = self.signers.slots["head"].required
        return {
            "roles": [r for r, b in self.role_boxes.items() if b.isChecked()],
            "head": self.signers.credential("head") if required else None,
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return people_svc.set_roles(s, str(self.person["badge"]), v["roles"], v["head"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Roles of %1 saved.").replace("%1", str(self.person["name"]))
