"""Administrators manage people: add, change roles, deactivate; the services refuse what the
rules forbid and the dialog says so."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import lockout, lookup
from keeper_app.services.session import sign_in


def still_to_sign(dlg) -> None:
    """Submitting without the head's countersignature asks for it and writes nothing."""
    dlg.submit_button.click()
    assert dlg.banner.kind == "warn" and dlg.signers.missing()
    assert dlg.signers.dialog is not None
    dlg.signers.dialog.reject()


def test_admin_adds_a_keeper_who_can_then_sign_in(ui, keeper_app, office: Office, qtbot) -> None:
    m = ui.sign_in("ADMIN")
    view = m.people
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    view.add.click()
    dlg = m.dialog
    dlg.badge.setText("K003")
    dlg.name.setText("钱保管")
    dlg.role_boxes["keeper"].setChecked(True)
    dlg.department.setCurrentIndex(dlg.department.findText("法制大队"))
    dlg.password.setText(PASSWORD)
    dlg.password2.setText(PASSWORD + "x")
    still_to_sign(dlg)  # a custody role: a department head countersigns
    ui.sign(dlg, "head", "D001")
    assert ui.submit(dlg) is None and "不一致" in dlg.banner.text()
    dlg.password2.setText(PASSWORD)
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: view.model.rowCount() == 12)
    assert any(p["badge"] == "K003" for p in lookup.people_brief(office.session("K001"), "keeper"))


def test_admin_changes_roles_and_deactivates(ui, office: Office, qtbot) -> None:
    m = ui.sign_in("ADMIN")
    view = m.people
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "R001")
    view.table.selectRow(row)
    view.roles.click()
    dlg = m.dialog
    assert not dlg.signers.isVisible()  # nothing to countersign yet
    dlg.role_boxes["dept_head"].setChecked(True)
    still_to_sign(dlg)  # a custody role: the head's countersignature
    ui.sign(dlg, "head", "D002")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    assert office.session("R001").person.has("dept_head")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not view.loading)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "R001")
    view.table.selectRow(row)
    view.toggle.click()
    qtbot.waitUntil(lambda: view.banner.kind == "ok")
    people = {p["badge"]: p for p in lookup.people_brief(office.session("K001"))}
    assert "R001" not in people  # deactivated: no longer offered as a signer
    # an administrator cannot deactivate themself
    qtbot.waitUntil(lambda: not view.loading)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "ADMIN")
    view.table.selectRow(row)
    view.toggle.click()
    qtbot.waitUntil(lambda: view.banner.kind == "error")


def test_admin_unlocks_a_person_with_a_heads_countersignature(ui, office: Office, qtbot) -> None:
    for _ in range(lockout.MAX_FAILURES):
        with pytest.raises(RuleViolation):
            sign_in(office.db, "H002", "not-the-password", office.clock)
    m = ui.sign_in("ADMIN")
    view = m.people
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "H002")
    view.table.selectRow(row)
    view.unlock.click()
    dlg = m.dialog
    assert dlg.objectName() == "unlock_dialog"
    still_to_sign(dlg)  # the administrator alone cannot: the head's signature is to give
    ui.sign(dlg, "head", "D001")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    assert sign_in(office.db, "H002", PASSWORD, office.clock).person.badge == "H002"


def test_the_administrators_window_offers_no_case_data(ui, qtbot) -> None:
    m = ui.sign_in("ADMIN")
    assert m.people is not None
    for view in ("counter", "media", "register", "cases", "due", "inbox"):
        assert getattr(m, view) is None, view
