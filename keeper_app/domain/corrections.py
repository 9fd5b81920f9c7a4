"""Who may correct what (issue 14, point 1): a correction is a new, signed entry that points to
the wrong one — and it is made only by the people of *that case* whose duty the entry was.

- The people of a case (Art. 16, 21): its keepers (a keeper who is not one of its handlers,
  Art. 16), its case handlers, the head of its department. Nobody else corrects its entries.
- Each kind of correction by the duty that made the entry (:data:`CORRECTORS`): the keeper
  keeps the retrieval register (Art. 20), the case handler makes the discs and their label
  (Art. 17) with the head of the department in charge of the case.
- A retriever never changes his own estimated usage time: a longer use is a new approval
  (Art. 20), not a correction.
- An incident's description is never rewritten (Art. 20: damage, replacement and loss are
  recorded truthfully): what is learnt later is added as a signed supplement.
- A label correction applies to both discs of the pair (Art. 17: the two copies carry the
  same label), which the service does in one transaction.
"""

from __future__ import annotations

from .access import case_duties
from .errors import RuleViolation
from .model import Case, Person, Role

K, H, D = Role.KEEPER, Role.CASE_HANDLER, Role.DEPT_HEAD

#: (table, field) -> the duties that may correct it, and the article that makes it theirs
CORRECTORS: dict[tuple[str, str], tuple[frozenset[Role], str]] = {
    ("retrievals", "purpose"): (frozenset({K}), "Art. 20"),
    ("retrievals", "retriever_unit"): (frozenset({K}), "Art. 20"),
    ("retrievals", "est_usage_hours"): (frozenset({K}), "Art. 20"),
    ("returns", "note"): (frozenset({K}), "Art. 20"),
    ("handovers", "note"): (frozenset({K, H}), "Art. 17"),
    ("media", "label.person_interrogated"): (frozenset({H, D}), "Art. 17"),
    ("media", "label.case_name"): (frozenset({H, D}), "Art. 17"),
    ("media", "label.producer"): (frozenset({H, D}), "Art. 17"),
    ("media", "label.production_unit"): (frozenset({H, D}), "Art. 17"),
}

#: who adds a signed supplement to an incident (Art. 20: the keeper who found it, the case
#: handlers, the head it is reported to)
SUPPLEMENTERS = frozenset({K, H, D})

_DUTY_NAMES = {K: "a keeper", H: "a case handler", D: "the head of its department"}


def correctable_fields(table: str) -> frozenset[str]:
    """The fields of ``table`` a correction may change."""
    return frozenset(f for t, f in CORRECTORS if t == table)


def correctable_tables() -> frozenset[str]:
    return frozenset(t for t, _ in CORRECTORS)


def is_label_field(table: str, field: str) -> bool:
    """Art. 17: a field of the disc label (corrected on both discs of the pair)."""
    return table == "media" and field.startswith("label.")


def check_correctable(table: str, field: str) -> None:
    """Art. 20: an incident's description is never rewritten; other tables and fields:
    only those of :data:`CORRECTORS`."""
    if table == "incidents":
        raise RuleViolation(
            "incident_supplement_only",
            "an incident's description is never rewritten: add a signed supplement to the "
            "incident instead (keeper supplement)",
            "Art. 20",
        )
    if table not in correctable_tables():
        raise RuleViolation(
            "not_correctable",
            f"entries of {table} cannot be corrected; "
            "correctable: " + ", ".join(sorted(correctable_tables())),
        )


def check_corrector(
    person: Person, case: Case, head_id: int | None, table: str, field: str
) -> None:
    """Art. 16, 17, 20, 21: only the keepers, handlers and head of ``case`` correct its
    entries, each kind only in the duty whose entry it is (:data:`CORRECTORS`)."""
    check_correctable(table, field)
    duties = case_duties(person, case, head_id)
    if not duties:
        raise RuleViolation(
            "not_of_the_case",
            f"{person.name} is neither a keeper nor a case handler or the department head of "
            f"case {case.case_no} and may not correct its entries",
            "Art. 16, 21",
        )
    need, article = CORRECTORS.get((table, field), (frozenset(), ""))
    if not duties & need:
        who = " or ".join(_DUTY_NAMES[r] for r in (K, H, D) if r in need)
        raise RuleViolation(
            "not_your_duty",
            f"{field} of a {table} entry of case {case.case_no} is corrected by {who} of the "
            f"case; {person.name} acts here as "
            + " and ".join(_DUTY_NAMES[r] for r in (K, H, D) if r in duties),
            article,
        )


def check_not_own_usage_time(person: Person, retriever_id: int) -> None:
    """Art. 20: the estimated usage time is approved with the retrieval; the retriever never
    changes his own — a longer use needs a new approval."""
    if person.id == retriever_id:
        raise RuleViolation(
            "own_usage_time",
            f"{person.name} retrieved this disc and may not change his own estimated usage "
            "time: a longer use needs a new approval by the head of the case's department",
            "Art. 20",
        )


def check_supplementer(person: Person, case: Case, head_id: int | None) -> None:
    """Art. 20: a supplement to an incident is added by a keeper, a case handler or the
    head of the case's department."""
    if not case_duties(person, case, head_id) & SUPPLEMENTERS:
        raise RuleViolation(
            "not_of_the_case",
            f"{person.name} is neither a keeper nor a case handler or the department head of "
            f"case {case.case_no} and may not add to its incidents",
            "Art. 16, 20, 21",
        )
