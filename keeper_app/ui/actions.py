"""Which dialog each action opens. The record view offers only the actions that
``lookup.scan(...).actions`` lists (state and role); the cases view and the inbox offer the
case-level and head's actions the role allows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from .context import UiContext
from .dialogs.approval_decision import ApprovalDecisionDialog
from .dialogs.archive import ArchiveDialog
from .dialogs.base import WorkflowDialog
from .dialogs.conclude_case import ConcludeCaseDialog
from .dialogs.court_item_reason import CourtItemReasonDialog
from .dialogs.court_late_ack import CourtLateAckDialog
from .dialogs.court_request import CourtRequestDialog
from .dialogs.court_transfer import CourtTransferDialog
from .dialogs.handover import HandoverDialog
from .dialogs.incident_ack import IncidentAckDialog
from .dialogs.inventory_resolve import InventoryResolveDialog
from .dialogs.location import LocationDialog
from .dialogs.person import PersonDialog
from .dialogs.reproduce import ReproduceDialog
from .dialogs.reseal import ResealDialog
from .dialogs.retrieval import RetrievalDialog
from .dialogs.retrieval_decision import RetrievalDecisionDialog
from .dialogs.return_ import ReturnDialog
from .dialogs.review_submission import ReviewSubmissionDialog
from .dialogs.roles import RolesDialog
from .dialogs.seized_actions import SeizedAckDialog, SeizedDecisionDialog
from .dialogs.transfer_package import TransferPackageDialog
from .dialogs.unlock import UnlockDialog
from .dialogs.unseal import UnsealDialog
from .dialogs.unseal_request import UnsealRequestDialog

RECORD_DIALOGS: dict[str, type[WorkflowDialog]] = {
    "handover": HandoverDialog,
    "retrieve": RetrievalDialog,
    "return": ReturnDialog,
    "request_unseal": UnsealRequestDialog,
    "unseal": UnsealDialog,
    "reseal": ResealDialog,
    "reproduce_duplicate": ReproduceDialog,
    "court_transfer": CourtTransferDialog,
    "set_location": LocationDialog,
    "transfer_package": TransferPackageDialog,
}


def record_dialog(ctx: UiContext, action: str, rec: Any, parent: QWidget) -> WorkflowDialog:
    if action == "archive_handover":
        return ArchiveDialog(ctx, rec.case_no, parent)
    return RECORD_DIALOGS[action](ctx, rec, parent)  # type: ignore[call-arg]


def case_dialog(ctx: UiContext, key: str, case: dict[str, Any], parent: QWidget) -> WorkflowDialog:
    if key == "court_request":
        return CourtRequestDialog(ctx, case["case_no"], parent)
    if key == "court_item":
        return CourtItemReasonDialog(ctx, case["case_no"], parent)
    if key == "conclude":
        return ConcludeCaseDialog(ctx, case["case_no"], case.get("name", ""), parent)
    if key == "archive":
        return ArchiveDialog(ctx, case["case_no"], parent)
    if key == "review":
        return ReviewSubmissionDialog(ctx, case["case_no"], case.get("name", ""), parent)
    raise KeyError(key)


def inbox_dialog(ctx: UiContext, what: str, row: dict[str, Any], parent: QWidget) -> WorkflowDialog:
    if what == "ack":
        return IncidentAckDialog(ctx, row, parent)
    if what in ("approve_retrieval", "refuse_retrieval"):
        return RetrievalDecisionDialog(ctx, row, what == "approve_retrieval", parent)
    if what == "ack_court_late":
        return CourtLateAckDialog(ctx, row, parent)
    if what == "resolve_inventory":
        return InventoryResolveDialog(ctx, row, parent)
    if what in ("seized_approve", "seized_refuse"):
        return SeizedDecisionDialog(ctx, row, what == "seized_approve", parent)
    if what == "seized_ack":
        return SeizedAckDialog(ctx, row, parent)
    return ApprovalDecisionDialog(ctx, row, what == "approve", parent)


def people_dialog(
    ctx: UiContext, what: str, row: dict[str, Any] | None, parent: QWidget
) -> WorkflowDialog:
    if what == "add" or row is None:
        return PersonDialog(ctx, parent)
    if what == "unlock":
        return UnlockDialog(ctx, row, parent)
    return RolesDialog(ctx, row, parent)
