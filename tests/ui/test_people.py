"""Administrators manage people: add, change roles, deactivate; the services refuse what the
rules forbid and the dialog says so."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, lockout, lookup
from keeper_app.services.session import sign_in


def still_to_sign(dlg) -> None:
    """Submitting without the head's countersignature asks for it and writes nothing."""
    dlg.submit_button.click()
    assert dlg.banner.kind == "warn" and dlg.signers.missing()
    assert dlg.signers.dialog is not None
    dlg.signers.dialog.reject()


def test_admin_adds_a_keeper_who_enrols_with_the_code(
    ui, keeper_app, office: Office, qtbot
) -> None:
    m = ui.sign_in("ADMIN")
    view = m.people
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    view.add.click()
    dlg = m.dialog
    assert not hasattr(dlg, "password")  # the administrator chooses no password
    dlg.badge.setText("K003")
    dlg.name.setText("钱保管")
    dlg.role_boxes["keeper"].setChecked(True)
    dlg.department.setCurrentIndex(dlg.department.findText("法制大队"))
    still_to_sign(dlg)  # a custody role: a department head countersigns
    ui.sign(dlg, "head", "D001")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: m.extras.code_box is not None and m.extras.code_box.isVisible())
    box = m.extras.code_box
    code = box.code
    assert code in box.text() and "钱保管 (K003)" in box.text()
    box.accept()
    qtbot.waitUntil(lambda: view.model.rowCount() == 12)
    keeper_app.sign_out()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    w = keeper_app.sign_in_window
    # the code typed as a password: the window says so and offers the first sign-in
    w.badge.setText("K003")
    w.password.setText(code)
    w.button.click()
    qtbot.waitUntil(lambda: w.banner.kind == "error")
    assert w.enrol_mode and w.code.isVisible() and not w.password.isVisible()
    assert "K003" in w.banner.text()
    w.code.setText(code)
    w.new_password.setText("my-own-choice-1")
    w.new_password2.setText("my-own-choice-1")
    w.button.click()
    qtbot.waitUntil(lambda: keeper_app.main_window is not None, timeout=10_000)
    k = keeper_app.main_window
    assert "钱保管" in k.who.text()
    # the key form is offered at once
    qtbot.waitUntil(lambda: k.extras.offer is not None and k.extras.offer.isVisible())
    k.extras.offer_print.click()
    qtbot.waitUntil(lambda: k.extras.print_dialog is not None, timeout=5_000)
    pd = k.extras.print_dialog
    assert pd.doc.key == "key_form" and pd.doc.shown == "K003"
    qtbot.waitUntil(lambda: pd.pdf is not None or pd.banner.kind == "error", timeout=30_000)
    assert pd.banner.kind != "error", pd.banner.text()
    assert any(p["badge"] == "K003" for p in lookup.people_brief(office.session("K001"), "keeper"))
    assert admin.verify_audit(office.db).ok


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
