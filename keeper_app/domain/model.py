"""Value types of the custody register: plain data, no Qt, no SQL, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    KEEPER = "keeper"
    CASE_HANDLER = "case_handler"
    DEPT_HEAD = "dept_head"
    REVIEWER = "reviewer"
    ADMIN = "admin"
    OUTSIDE_RETRIEVER = "outside_retriever"  # court or procuratorate staff


class DeptKind(StrEnum):
    CASE_HANDLING = "case_handling"
    LEGAL = "legal"
    ARCHIVES = "archives"


class CaseStatus(StrEnum):
    OPEN = "open"
    CONCLUDED = "concluded"
    ARCHIVED = "archived"


class CopyRole(StrEnum):
    ORIGINAL = "original"
    DUPLICATE = "duplicate"
    HARD_DRIVE = "hard_drive"


class MediumStatus(StrEnum):
    BURNED = "burned"  # made and verified, not yet handed to the keeper
    SEALED = "sealed"  # original, in custody, in its sealed bag
    UNSEALED = "unsealed"  # original, opened with approval, awaiting reseal
    IN_CUSTODY = "in_custody"  # duplicate (or hard-drive volume) on the shelf
    OUT = "out"  # duplicate retrieved, not yet returned
    DAMAGED = "damaged"
    REPLACED = "replaced"  # the disc returned is not the one issued
    LOST = "lost"
    TRANSFERRED = "transferred"  # given to a court or procuratorate (Art. 19)
    ARCHIVED = "archived"  # handed to the archives department (Art. 16)
    RETIRED = "retired"  # an unusable duplicate, replaced by one reproduced from the original


class RetrievalReason(StrEnum):
    """Art. 19 para 1: the four purposes for which the duplicate may be retrieved."""

    CASE_HANDLING = "case_handling"
    CASE_REVIEW = "case_review"
    SUPERVISION = "supervision"
    COMPLAINT = "complaint"


class UnsealReason(StrEnum):
    """Art. 18: the only two reasons to open the original."""

    REPRODUCE_DUPLICATE = "reproduce_duplicate"  # duplicate damaged or lost
    CHECK_DUPLICATE = "check_duplicate"  # doubt about the duplicate's authenticity


class Inspection(StrEnum):
    """Art. 20 para 3: what the keeper finds when a disc comes back."""

    INTACT = "intact"
    DAMAGED = "damaged"
    REPLACED = "replaced"
    LOST = "lost"


class Verification(StrEnum):
    NOT_CHECKED = "not_checked"
    MATCH = "match"
    MISMATCH = "mismatch"


class RequestingOrg(StrEnum):
    COURT = "court"
    PROCURATORATE = "procuratorate"


class Capacity(StrEnum):
    """In what capacity a person signs an entry."""

    CASE_HANDLER = "case_handler"
    KEEPER = "keeper"
    RETRIEVER = "retriever"
    RETURNER = "returner"
    APPROVER = "approver"
    SEALER = "sealer"
    WITNESS = "witness"
    RECIPIENT = "recipient"
    DEPT_HEAD = "dept_head"
    CORRECTOR = "corrector"
    #: a department head countersigning an administrator's act (a custody role, a lock lifted)
    COUNTERSIGN = "countersign"
    #: an investigator (a case handler of the case's department) sealing, unsealing,
    #: resealing, handing over or taking back seized media (supervision Art. 126-131)
    INVESTIGATOR = "investigator"


LABEL_FIELDS = (
    "production_unit",
    "producer",
    "production_time",
    "person_interrogated",
    "case_name",
    "case_number",
)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    badge: str
    name: str
    roles: frozenset[Role]
    unit_id: int
    department_id: int | None = None
    active: bool = True

    def has(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True, slots=True)
class Department:
    id: int
    name: str
    kind: DeptKind
    head_id: int | None
    unit_id: int = 0


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    case_no: str
    name: str
    department_id: int
    status: CaseStatus
    handler_ids: frozenset[int]
    major: bool = False
    concluded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """What Art. 17 requires on the disc label or cover."""

    production_unit: str
    producer: str
    production_time: datetime
    person_interrogated: str
    case_name: str
    case_number: str


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Medium:
    id: int
    code: str
    copy_role: CopyRole
    case_id: int
    status: MediumStatus
    burned_at: datetime
    manifest_sha256: str
    label: Label
    location: str = ""
    seal_no: str = ""


@dataclass(frozen=True, slots=True)
class Retrieval:
    id: int
    medium_id: int
    retriever_id: int
    approver_id: int
    keeper_id: int
    reason: RetrievalReason
    out_at: datetime
    est_usage_hours: int
    returned_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SealEvent:
    id: int
    medium_id: int
    kind: str  # seal / unseal / reseal
    seal_no: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CourtRequest:
    id: int
    case_id: int
    org_kind: RequestingOrg
    org_name: str
    requested_at: datetime
    served_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Due:
    """Something that must happen by ``due_at``; computed from the record, never stored."""

    kind: str  # handover / return / court_transfer / reseal
    due_at: datetime
    medium_code: str | None
    case_no: str | None
    what: str
    ref: int | None = None
    late: bool = False
    extra: dict[str, str] = field(default_factory=dict)
