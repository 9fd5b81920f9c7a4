"""The catalogue of printable documents (services.catalogue): one period rule, one entry per
document with who may print it, and the application's titles for every entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import catalogue
from keeper_app.timeutil import BadTime, parse_user, show


def test_a_date_alone_as_the_end_includes_that_day() -> None:
    p = catalogue.period("2026-11-20", "2026-11-20")
    assert p.since == parse_user("2026-11-20")
    assert p.until == parse_user("2026-11-21")
    assert p.shown() == ("2026-11-20", "2026-11-20")
    exact = catalogue.period("2026-11-20 08:00", "2026-11-20 12:30")
    assert exact.until == parse_user("2026-11-20 12:30")
    assert catalogue.period("", "2026-12-31").since is None
    assert catalogue.period(None, None) == catalogue.Period()


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(RuleViolation) as e:
        catalogue.period("2026-11-21", "2026-11-20")
    assert e.value.code == "bad_time"
    with pytest.raises(BadTime):
        catalogue.period("20.11.2026", "")


def test_every_document_has_an_application_title() -> None:
    from keeper_app.ui import labels

    assert set(catalogue.CATALOGUE) == set(labels.values("PrintDocs"))
    for key, entry in catalogue.CATALOGUE.items():
        assert entry.title == labels._GROUPS["PrintDocs"][key], key


def test_who_may_print_is_checked_by_the_entry(office: Office, tmp_path: Path) -> None:
    o, d = office.handed_over_pair()  # a case of H001's department
    office.retrieve(
        office.session("K001"),
        d,
        office.cred("H001"),
        office.cred("K001"),
        "D001",
        "case_handling",
        8,
    )
    day = show(office.clock())[:10]
    pages = catalogue.register_pages(catalogue.RegisterRef(day, day))
    assert pages.filename == f"register-{day}---{day}.pdf"
    made = pages.make(office.session("K001"), catalogue.Options(), tmp_path / "r.pdf")
    assert made.pages == 1
    with pytest.raises(RuleViolation) as e:  # a case handler does not print the register
        pages.make(office.session("H001"), catalogue.Options(), tmp_path / "h.pdf")
    assert e.value.code == "role_refused"
    labels = catalogue.disc_labels(d)
    assert labels.on_sheet and labels.key == "labels"
    assert labels.make(office.session("H001"), catalogue.Options(), tmp_path / "l.pdf").pages
    with pytest.raises(RuleViolation) as e:  # not a handler of this case
        labels.make(office.session("H003"), catalogue.Options(), tmp_path / "x.pdf")
    assert e.value.code == "not_your_case"
    assert not (tmp_path / "h.pdf").exists() and not (tmp_path / "x.pdf").exists()
    sheet = catalogue.calibration_sheet()
    assert not sheet.needs_db
    assert sheet.make(None, catalogue.Options(), tmp_path / "c.pdf").pages == 1
