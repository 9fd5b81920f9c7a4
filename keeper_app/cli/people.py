"""The `keeper` commands of people administration: ``unlock`` (an administrator lifts a
sign-in lock, countersigned by a department head)."""

from __future__ import annotations

from ..services import lockout
from .context import AddCommand, Context


def cmd_unlock(c: Context) -> int:
    a = c.args
    badge = a.badge.strip().upper()
    lockout.unlock(c.session, badge, c.other(a.head, f"countersigns lifting the lock of {badge}"))
    print(f"{badge} unlocked (countersigned by {a.head.strip().upper()})")
    return 0


def register(add: AddCommand) -> None:
    sp = add(
        "unlock",
        cmd_unlock,
        "lift a person's sign-in lock (administrators; a department head countersigns "
        "with their own password)",
    )
    sp.add_argument("badge", help="the locked person's badge number")
    sp.add_argument(
        "--head", required=True, metavar="BADGE", help="the department head who countersigns"
    )
