"""The dedicated storage device of hard-drive recordings and its backup as custody items,
and access to the files they hold (issue 14). Plain Python: the services call these.

- Art. 17(3): hard-drive recordings go to a *dedicated* storage device, with a backup: each
  device is registered (label, storage or backup), with where it is and who keeps it.
- Art. 16: its keeper is a keeper and not a case handler (a device holds many cases'
  recordings; case-handling personnel do not keep them).
- Art. 19 para 1, 21: a stored recording is accessed through the system for one of the
  purposes a duplicate is retrieved for, by those whose duty it is, and each access is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import rules
from .errors import RuleViolation
from .model import RetrievalReason, Role

DEVICE_ROLES = ("storage", "backup")


def check_device(label: object, role: str, location: object) -> tuple[str, str]:
    """Art. 17(3): a device is a dedicated storage device or its backup, with a label and a
    place. Returns the label and the location as kept."""
    if role not in DEVICE_ROLES:
        raise RuleViolation(
            "bad_device_role",
            f"'{role}' is not a storage device's role; it is 'storage' or 'backup'",
            "Art. 17",
        )
    return (
        rules.require_text(label, "device label", "Art. 17", limit=60),
        check_location(location),
    )


def check_location(location: object) -> str:
    """Art. 16: where the device is kept (a room, a cabinet): required."""
    return rules.require_text(location, "location", "Art. 16", limit=100)


def check_device_keeper(name: str, roles: Iterable[Role], active: bool = True) -> None:
    """Art. 16: a storage device is kept by a keeper who is not a case handler."""
    roles = set(roles)
    if not active:
        raise RuleViolation("inactive", f"{name} has been deactivated", "Art. 16")
    if Role.KEEPER not in roles:
        raise RuleViolation(
            "not_keeper", f"{name} is not a keeper: a storage device is kept by a keeper", "Art. 16"
        )
    if Role.CASE_HANDLER in roles:
        raise RuleViolation(
            "keeper_is_handler",
            f"{name} is also a case handler: case-handling personnel do not keep recordings",
            "Art. 16",
        )


def check_export_purpose(purpose: str) -> RetrievalReason:
    """Art. 19 para 1: a stored recording is accessed for case handling, case review,
    law-enforcement supervision or a complaint — the purposes of a retrieval."""
    try:
        return RetrievalReason(purpose)
    except ValueError:
        raise RuleViolation(
            "bad_access_purpose",
            f"'{purpose}' is not a purpose to access a stored recording; allowed: "
            + ", ".join(r.value for r in RetrievalReason),
            "Art. 19",
        ) from None
