"""The regulations as checks. Each function cites its article and raises
:class:`RuleViolation` with a specific message; none touches Qt, SQL or the clock.

"Now" is always passed in, so deadlines are computed from the record and never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from .errors import RuleViolation
from .model import (
    LABEL_FIELDS,
    Case,
    CaseStatus,
    CopyRole,
    Department,
    Inspection,
    ManifestEntry,
    MediumStatus,
    Person,
    RetrievalReason,
    Role,
    UnsealReason,
)

HANDOVER_LIMIT = timedelta(hours=24)
COURT_LIMIT = timedelta(days=3)
COURT_WARN_BEFORE = timedelta(days=1)
DEFAULT_RESEAL_LIMIT = timedelta(hours=8)
MAX_USAGE_HOURS = 24 * 90
SEAL_NO_MAX = 40

_LABEL_NAMES = {
    "production_unit": "production unit",
    "producer": "producer",
    "production_time": "production time",
    "person_interrogated": "person interrogated",
    "case_name": "case name",
    "case_number": "case number",
}


def require_text(value: object, what: str, article: str = "", limit: int = 200) -> str:
    """A required free-text field: present, not blank, not absurdly long, no control chars."""
    if not isinstance(value, str) or not value.strip():
        raise RuleViolation("missing_field", f"{what} is required", article, field=what)
    text = value.strip()
    if len(text) > limit:
        raise RuleViolation(
            "field_too_long",
            f"{what} is {len(text)} characters; at most {limit}",
            article,
            field=what,
        )
    if any(ord(ch) < 32 and ch not in "\t" for ch in text):
        raise RuleViolation("bad_field", f"{what} contains control characters", article, field=what)
    return text


# ---------------------------------------------------------------- Art. 17: label, pair
def check_label(label: Mapping[str, object]) -> None:
    """Art. 17: the disc label or cover carries production unit, producer, production time,
    person interrogated, case name and case number. All six are required."""
    missing = [
        _LABEL_NAMES[f]
        for f in LABEL_FIELDS
        if label.get(f) is None or (isinstance(label.get(f), str) and not str(label[f]).strip())
    ]
    if missing:
        raise RuleViolation(
            "label_incomplete",
            "the disc label lacks: " + ", ".join(missing),
            "Art. 17",
        )
    for f in LABEL_FIELDS:
        if f != "production_time":
            require_text(label[f], _LABEL_NAMES[f], "Art. 17")


def check_manifest(entries: Sequence[ManifestEntry]) -> None:
    """Art. 17 (and Art. 121, 138 of the supervision seed): a disc's content is fixed by
    a manifest of every file with its size and SHA-256, so that any later change shows."""
    if not entries:
        raise RuleViolation("empty_manifest", "a disc must hold at least one file", "Art. 17")
    seen: set[str] = set()
    for e in entries:
        if not e.path or e.path.startswith("/") or ".." in e.path.split("/"):
            raise RuleViolation("bad_manifest", f"bad path in manifest: {e.path!r}", "Art. 17")
        if e.path in seen:
            raise RuleViolation("bad_manifest", f"file listed twice: {e.path}", "Art. 17")
        seen.add(e.path)
        if len(e.sha256) != 64 or any(c not in "0123456789abcdef" for c in e.sha256):
            raise RuleViolation(
                "bad_manifest", f"bad SHA-256 for {e.path}: {e.sha256!r}", "Art. 17"
            )
        if e.size < 0:
            raise RuleViolation("bad_manifest", f"negative size for {e.path}", "Art. 17")


def check_pair(original_manifest: str, duplicate_manifest: str) -> None:
    """Art. 17: two copies are made — the original and the duplicate — from the same
    recordings, so both discs must carry the very same manifest."""
    if original_manifest != duplicate_manifest:
        raise RuleViolation(
            "pair_mismatch",
            "the original and the duplicate do not carry the same manifest",
            "Art. 17",
        )


def check_recordings_one_person_one_case(recordings: Iterable[tuple[int, str]]) -> None:
    """Art. 17: several interrogations may share a disc only if they are of one person in
    one case. ``recordings`` yields ``(case_id, person_interrogated)``."""
    pairs = {(c, p.strip()) for c, p in recordings}
    if not pairs:
        raise RuleViolation("no_recordings", "choose at least one recording", "Art. 17")
    if len({c for c, _ in pairs}) > 1:
        raise RuleViolation(
            "mixed_cases", "recordings of different cases cannot share a disc", "Art. 17"
        )
    if len({p for _, p in pairs}) > 1:
        names = ", ".join(sorted(p for _, p in pairs))
        raise RuleViolation(
            "mixed_persons",
            f"recordings of different persons cannot share a disc ({names})",
            "Art. 17",
        )


# ---------------------------------------------------------------- Art. 16-17: handover
def handover_deadline(burned_at: datetime) -> datetime:
    """Art. 17: the case handler hands the discs to the keeper within 24 hours of burning."""
    return burned_at + HANDOVER_LIMIT


def check_handover(
    case: Case,
    handler: Person,
    keeper: Person,
    burned_at: datetime,
    now: datetime,
    late_reason: str | None = None,
    for_court_after_conclusion: bool = False,
) -> bool:
    """Art. 16-17: a case handler *of this case* hands the pair over; the keeper is a
    person other than the case handlers (Art. 16: "the case-handling personnel may not
    keep them themselves"); both sign; within 24 h of burning.

    A handover after 24 h is refused unless a reason for the delay is written; it is then
    registered as late (returns True) so the head of department is told. Refusing the
    late discs outright would leave them in nobody's custody, which is worse.

    Once the case is concluded only a pair transcribed for a court or procuratorate after
    the conclusion (``for_court_after_conclusion``, issue 14 point 4) is handed over.
    """
    if case.status != CaseStatus.OPEN and not (
        for_court_after_conclusion and case.status == CaseStatus.CONCLUDED
    ):
        raise RuleViolation(
            "case_not_open", f"case {case.case_no} is {case.status.value}", "Art. 16"
        )
    if handler.id == keeper.id:
        raise RuleViolation(
            "same_person",
            f"{handler.name} cannot hand over to themself: the keeper must be another person",
            "Art. 16",
        )
    if not handler.has(Role.CASE_HANDLER) or handler.id not in case.handler_ids:
        raise RuleViolation(
            "not_case_handler",
            f"{handler.name} ({handler.badge}) is not a case handler of case {case.case_no}",
            "Art. 17",
        )
    check_keeper_for_case(keeper, case)
    if now < burned_at:
        raise RuleViolation(
            "bad_time", "the handover time is before the discs were burned", "Art. 17"
        )
    deadline = handover_deadline(burned_at)
    if now > deadline:
        if not late_reason or not late_reason.strip():
            hours = (now - burned_at).total_seconds() / 3600
            raise RuleViolation(
                "handover_late",
                f"burned {hours:.1f} h ago: the 24 h limit passed at "
                f"{deadline:%Y-%m-%d %H:%M:%S}; give the reason for the delay to register "
                "it late (the department head is told)",
                "Art. 17",
            )
        require_text(late_reason, "reason for the late handover", "Art. 17", 500)
        return True
    return False


def check_keeper_for_case(keeper: Person, case: Case) -> None:
    """Art. 16: the keeper is designated personnel other than the case handlers."""
    if not keeper.has(Role.KEEPER):
        raise RuleViolation(
            "not_keeper", f"{keeper.name} ({keeper.badge}) is not a keeper", "Art. 16"
        )
    if keeper.id in case.handler_ids:
        raise RuleViolation(
            "keeper_is_handler",
            f"{keeper.name} is a case handler of case {case.case_no} and may not keep its "
            "recordings",
            "Art. 16",
        )


# ---------------------------------------------------------------- Art. 18: the original
def check_unseal_request(copy_role: CopyRole, status: MediumStatus, reason: str) -> UnsealReason:
    """Art. 18: the original is not unsealed except to reproduce a damaged or lost
    duplicate, or to check a duplicate whose authenticity is in doubt."""
    if copy_role != CopyRole.ORIGINAL:
        raise RuleViolation(
            "not_original", "only an original is sealed; this disc is not one", "Art. 18"
        )
    try:
        r = UnsealReason(reason)
    except ValueError:
        raise RuleViolation(
            "bad_unseal_reason",
            f"'{reason}' is not a reason to open the original; the only reasons are: "
            "reproduce_duplicate (duplicate damaged or lost), check_duplicate (duplicate's "
            "authenticity in doubt)",
            "Art. 18",
        ) from None
    if status != MediumStatus.SEALED:
        raise RuleViolation("not_sealed", f"the original is {status.value}, not sealed", "Art. 18")
    return r


def check_approver_is_head(approver: Person, case: Case, dept: Department) -> None:
    """Art. 18: retrieving the original is approved by the person in charge of the
    case-handling department — the head of *this case's* department."""
    if dept.id != case.department_id:
        raise RuleViolation("wrong_department", "department does not match the case", "Art. 18")
    if dept.head_id != approver.id or not approver.has(Role.DEPT_HEAD):
        raise RuleViolation(
            "not_head_of_case_dept",
            f"{approver.name} is not the head of {dept.name}, the department handling case "
            f"{case.case_no}; only that head may approve",
            "Art. 18",
        )


def check_two_signers(ids: Sequence[int], names: Sequence[str] = ()) -> None:
    """Art. 17, 20 (and Art. 129 of the supervision seed): two signatures on one entry are
    always two different people."""
    if len(ids) < 2:
        raise RuleViolation("missing_signature", "this entry needs two signatures", "Art. 20")
    if len(set(ids)) != len(ids):
        who = names[0] if names else "the same person"
        raise RuleViolation(
            "same_person",
            f"{who} cannot sign twice: the two signers must be two different people",
            "Art. 20; Art. 129 (supervision)",
        )


#: Art. 129 (supervision): the staff of the organ — who may sign an unsealing or a reseal
#: beside the keeper; never a court or procuratorate clerk, never an outside retriever
STAFF_ROLES = frozenset({Role.KEEPER, Role.CASE_HANDLER, Role.DEPT_HEAD, Role.REVIEWER})


def check_second_signer(signer: Person, what: str) -> None:
    """Art. 18 and Art. 129 (supervision): the second person who signs the opening or the
    resealing of an original is staff of the organ (keeper, case handler, department head,
    reviewer), active, and never an outside retriever (court or procuratorate staff)."""
    if signer.has(Role.OUTSIDE_RETRIEVER) or not (signer.roles & STAFF_ROLES):
        raise RuleViolation(
            "second_signer_not_staff",
            f"{signer.name} ({signer.badge}) is not staff of the organ and cannot sign the "
            f"{what}: the second signer is a keeper, case handler, department head or "
            "reviewer",
            "Art. 18; Art. 129 (supervision)",
        )
    if not signer.active:
        raise RuleViolation(
            "inactive", f"{signer.name} is not active and cannot sign the {what}", "Art. 18"
        )


def check_new_seal(new_seal_no: str, used_seal_nos: Iterable[str]) -> str:
    """Art. 18 (resealed promptly) and Art. 129 of the supervision seed: a reseal uses a
    new seal, whose number was never used before."""
    seal = require_text(new_seal_no, "seal number", "Art. 18", SEAL_NO_MAX)
    if seal in set(used_seal_nos):
        raise RuleViolation(
            "seal_reused",
            f"seal number {seal} was used before; a reseal needs a new seal",
            "Art. 18; Art. 129 (supervision)",
        )
    return seal


def reseal_deadline(unsealed_at: datetime, limit: timedelta = DEFAULT_RESEAL_LIMIT) -> datetime:
    """Art. 18: resealed promptly after use (default: within the same working day, 8 h)."""
    return unsealed_at + limit


#: Art. 18: a duplicate that can no longer serve (the reason to reproduce it).
UNUSABLE_DUPLICATE = frozenset({MediumStatus.DAMAGED, MediumStatus.REPLACED, MediumStatus.LOST})
#: Art. 18: the original is used only for as long as reproducing or checking takes.
MAX_ORIGINAL_USE_HOURS = 24
#: the estimated use of an original when none is given: the reseal limit
DEFAULT_ORIGINAL_USE_HOURS = 8
#: Art. 129 (supervision): people of the organ, who may use an unsealed original.
ORGAN_STAFF = frozenset({Role.KEEPER, Role.CASE_HANDLER, Role.DEPT_HEAD, Role.REVIEWER})


def unusable_duplicate(duplicates: Iterable[tuple[int, str, MediumStatus]]) -> int | None:
    """Art. 18: the pair's duplicate that is damaged, lost or replaced and not yet
    reproduced (``duplicates``: id, code, status of the pair's duplicates), or None. From the
    moment a duplicate is unusable until it is reproduced, the pair has no usable duplicate."""
    for mid, _code, status in duplicates:
        if status in UNUSABLE_DUPLICATE:
            return mid
    return None


def check_unseal_grounds(
    reason: UnsealReason,
    duplicates: Sequence[tuple[int, str, MediumStatus]],
    doubted_by: str | None = None,
    doubt: str | None = None,
) -> tuple[int | None, str, str]:
    """Art. 18: the original is opened only "to reproduce a damaged or lost duplicate" or
    "to check a duplicate whose authenticity is in doubt" — reasons backed by facts. To
    reproduce, the pair's duplicate must be recorded damaged, lost or replaced; to check,
    the request says who doubts the duplicate and why. Returns (the unusable duplicate's id,
    who doubts, why) as they are kept."""
    if reason == UnsealReason.REPRODUCE_DUPLICATE:
        bad = unusable_duplicate(duplicates)
        if bad is None:
            shown = ", ".join(f"{code} ({st.value})" for _mid, code, st in duplicates)
            raise RuleViolation(
                "duplicate_not_unusable",
                "the duplicate is not recorded damaged, lost or replaced"
                + (f" ({shown})" if shown else "")
                + ": there is nothing to reproduce, and the original stays sealed",
                "Art. 18",
            )
        return bad, "", ""
    who = require_text(doubted_by, "who doubts the duplicate", "Art. 18", 100)
    why = require_text(doubt, "why the duplicate is in doubt", "Art. 18", 1000)
    return None, who, why


def check_original_use(user: Person, keeper: Person, est_usage_hours: int) -> None:
    """Art. 18, 20 and Art. 129 (supervision): the use of an unsealed original is a register
    entry — who uses it (staff of the organ), the estimated time, the approver; the user and
    the keeper, two different people, sign it. It is short: resealed promptly after use."""
    if not user.active:
        raise RuleViolation("inactive", f"{user.name} is not active", "Art. 18")
    if not (ORGAN_STAFF & user.roles):
        raise RuleViolation(
            "user_not_staff",
            f"{user.name} ({user.badge}) is not staff of the organ: only a keeper, case "
            "handler, department head or reviewer uses an unsealed original",
            "Art. 18; Art. 129 (supervision)",
        )
    check_two_signers([user.id, keeper.id], [user.name])
    if (
        not isinstance(est_usage_hours, int)
        or isinstance(est_usage_hours, bool)
        or not 1 <= est_usage_hours <= MAX_ORIGINAL_USE_HOURS
    ):
        raise RuleViolation(
            "bad_usage_time",
            f"estimated usage time of the original must be 1 to {MAX_ORIGINAL_USE_HOURS} "
            f"hours, not {est_usage_hours}",
            "Art. 18",
        )


def check_reproduction(
    approval_reason: str | None,
    original_status: MediumStatus,
    replaced_status: MediumStatus | None,
) -> None:
    """Art. 18: a duplicate is reproduced only from the original opened for that very reason
    (an approval to reproduce, used by the unsealing), and only in place of a duplicate that
    is damaged, lost or replaced."""
    if original_status != MediumStatus.UNSEALED:
        raise RuleViolation(
            "not_unsealed",
            f"the original is {original_status.value}: it is unsealed, with the head's "
            "approval, before a duplicate is reproduced from it",
            "Art. 18",
        )
    if approval_reason != UnsealReason.REPRODUCE_DUPLICATE.value:
        raise RuleViolation(
            "not_unsealed_to_reproduce",
            "the original was opened "
            + (f"for {approval_reason}" if approval_reason else "without an approval")
            + ", not to reproduce the duplicate: ask the head for that reason",
            "Art. 18",
        )
    if replaced_status is None or replaced_status not in UNUSABLE_DUPLICATE:
        raise RuleViolation(
            "duplicate_not_unusable",
            "the pair has no duplicate recorded damaged, lost or replaced: there is nothing "
            "to reproduce",
            "Art. 18",
        )


# ---------------------------------------------------------------- Art. 19-20: retrieval
#: Art. 19, 21: who may take the duplicate out, by purpose.
RETRIEVER_ROLES: dict[RetrievalReason, frozenset[Role]] = {
    RetrievalReason.CASE_HANDLING: frozenset({Role.CASE_HANDLER}),
    RetrievalReason.CASE_REVIEW: frozenset({Role.REVIEWER, Role.DEPT_HEAD}),
    RetrievalReason.SUPERVISION: frozenset({Role.REVIEWER, Role.DEPT_HEAD}),
    RetrievalReason.COMPLAINT: frozenset({Role.REVIEWER, Role.DEPT_HEAD}),
}


def parse_retrieval_reason(reason: str) -> RetrievalReason:
    """Art. 19: the duplicate is retrieved for case handling, case review, law-enforcement
    supervision or complaint investigation; a court or procuratorate goes through the
    transfer (Art. 19 para 2)."""
    try:
        return RetrievalReason(reason)
    except ValueError:
        raise RuleViolation(
            "bad_retrieval_reason",
            f"'{reason}' is not a reason to retrieve a disc; allowed: "
            + ", ".join(r.value for r in RetrievalReason)
            + " (a court or procuratorate request is a transfer)",
            "Art. 19",
        ) from None


def check_retriever(case: Case, retriever: Person, reason: RetrievalReason) -> None:
    """Art. 16, 19, 21: a duplicate of a case not yet archived goes out to an active person
    whose duty fits the reason — a case handler only for a case they handle. Checked when a
    retrieval is asked for and again when the disc goes out."""
    if case.status == CaseStatus.ARCHIVED:
        raise RuleViolation("case_archived", f"case {case.case_no} is archived", "Art. 16")
    if not retriever.active:
        raise RuleViolation("inactive", f"{retriever.name} is not active", "Art. 21")
    if not (RETRIEVER_ROLES[reason] & retriever.roles):
        may = ", ".join(sorted(r.value for r in RETRIEVER_ROLES[reason]))
        raise RuleViolation(
            "retriever_not_allowed",
            f"{retriever.name} may not retrieve for {reason.value}: only {may}",
            "Art. 19, 21",
        )
    if reason == RetrievalReason.CASE_HANDLING and retriever.id not in case.handler_ids:
        raise RuleViolation(
            "not_case_handler",
            f"{retriever.name} is not a case handler of case {case.case_no}",
            "Art. 19, 21",
        )


def check_retrieval(
    case: Case,
    retriever: Person,
    approver: Person,
    keeper: Person,
    reason: RetrievalReason,
    est_usage_hours: int,
) -> None:
    """Art. 19-20: only the duplicate goes out (the state machine refuses the original);
    the register records retriever, time, reason, estimated usage time and approver;
    retriever and keeper both sign — two different people, the keeper not a handler of
    the case (Art. 16); the retriever's duty must fit the reason (Art. 21)."""
    check_retriever(case, retriever, reason)
    check_keeper_for_case(keeper, case)
    check_two_signers([retriever.id, keeper.id], [retriever.name])
    if not approver.has(Role.DEPT_HEAD):
        raise RuleViolation(
            "approver_not_head",
            f"{approver.name} is not a department head and cannot approve a retrieval",
            "Art. 20",
        )
    if approver.id == retriever.id:
        raise RuleViolation(
            "self_approval", f"{approver.name} cannot approve their own retrieval", "Art. 20"
        )
    if (
        not isinstance(est_usage_hours, int)
        or isinstance(est_usage_hours, bool)
        or not 1 <= est_usage_hours <= MAX_USAGE_HOURS
    ):
        raise RuleViolation(
            "bad_usage_time",
            f"estimated usage time must be 1 to {MAX_USAGE_HOURS} hours, not {est_usage_hours}",
            "Art. 20",
        )


def retrieval_due(out_at: datetime, est_usage_hours: int) -> datetime:
    """Art. 20: returned promptly after use — due at the end of the estimated usage time."""
    return out_at + timedelta(hours=est_usage_hours)


def parse_inspection(result: str) -> Inspection:
    """Art. 20: the keeper inspects and verifies a returned disc."""
    try:
        return Inspection(result)
    except ValueError:
        raise RuleViolation(
            "bad_inspection",
            f"'{result}' is not an inspection result; allowed: "
            + ", ".join(i.value for i in Inspection),
            "Art. 20",
        ) from None


def needs_incident(inspection: Inspection) -> bool:
    """Art. 20: damage, replacement or loss is recorded truthfully and reported to the
    person in charge of the case-handling department."""
    return inspection != Inspection.INTACT


def check_return(inspection: Inspection, description: str | None) -> None:
    """Art. 20: anything but intact must say what was found."""
    if needs_incident(inspection):
        what = "a description of what was found"
        if not isinstance(description, str) or not description.strip():
            raise RuleViolation(
                "missing_field", f"{what} ({inspection.value}) is required", "Art. 20", field=what
            )
        require_text(description, what, "Art. 20", 1000)


# ---------------------------------------------------------------- Art. 19 para 2: courts
def check_acknowledgement(
    what: str, acknowledged: bool, reported_to: int | None, head: Person
) -> None:
    """Art. 20: a report (damage, replacement, loss; a lateness) is received by the head of
    the case-handling department it was reported to, once (he signs it himself: the
    service's signer check). ``what`` names the report in the messages ("incident #3")."""
    if acknowledged:
        raise RuleViolation("already_acknowledged", f"{what} was already acknowledged")
    if reported_to != head.id:
        raise RuleViolation(
            "not_addressed", f"{what} is reported to another department head", "Art. 20"
        )


def court_deadline(requested_at: datetime) -> datetime:
    """Art. 19: the duplicate goes to the court or procuratorate within three days."""
    return requested_at + COURT_LIMIT


def check_court_request_registrar(person: Person, case: Case, head_id: int | None) -> None:
    """Art. 19 para 2, 21: a court or procuratorate request is registered by the people of
    the case — its keepers, one of its case handlers, or the head of the department handling
    it (``head_id``) — never by a handler of another case."""
    from .access import case_duties

    if not case_duties(person, case, head_id):
        raise RuleViolation(
            "not_of_the_case",
            f"{person.name} is neither a keeper nor a case handler or the department head of "
            f"case {case.case_no} and may not register requests for its recordings",
            "Art. 19, 21",
        )


def check_court_transfer(copy_role: CopyRole, recipient: Person) -> None:
    """Art. 19: the *duplicate optical disc* is transferred; recordings stored on a hard
    drive are transcribed to disc first. The recipient is court/procuratorate staff."""
    if copy_role == CopyRole.HARD_DRIVE:
        raise RuleViolation(
            "burn_first",
            "these recordings are on a hard drive: transcribe them to a disc pair first, "
            "then transfer the duplicate",
            "Art. 19",
        )
    if copy_role == CopyRole.ORIGINAL:
        raise RuleViolation(
            "original_not_retrievable",
            "only the duplicate is transferred; the original stays sealed",
            "Art. 18-19",
        )
    if not recipient.has(Role.OUTSIDE_RETRIEVER):
        raise RuleViolation(
            "not_outside_retriever",
            f"{recipient.name} is not registered as court or procuratorate staff",
            "Art. 19",
        )


# ---------------------------------------------------------------- Art. 16: archives
ARCHIVABLE = {MediumStatus.SEALED, MediumStatus.IN_CUSTODY}
ACCOUNTED = {
    MediumStatus.DAMAGED,
    MediumStatus.REPLACED,
    MediumStatus.LOST,
    MediumStatus.TRANSFERRED,
    MediumStatus.ARCHIVED,
    MediumStatus.RETIRED,
}


def check_archive(
    case: Case, media: Sequence[tuple[str, MediumStatus]], scanned: Iterable[str]
) -> list[str]:
    """Art. 16 para 3: after the investigation is concluded, the recordings go to the
    archives department with the case file. Every disc still held must be present (scanned)
    at the handover; none may be out or unsealed. Returns the codes to archive."""
    if case.status != CaseStatus.CONCLUDED:
        raise RuleViolation(
            "case_not_concluded",
            f"case {case.case_no} is {case.status.value}: only a concluded case goes to the "
            "archives",
            "Art. 16",
        )
    blocking = [
        f"{code} ({st.value})" for code, st in media if st not in ARCHIVABLE and st not in ACCOUNTED
    ]
    if blocking:
        raise RuleViolation(
            "media_not_in_custody",
            "these media are not back in custody: " + ", ".join(blocking),
            "Art. 16",
        )
    expected = {code for code, st in media if st in ARCHIVABLE}
    if not expected:
        raise RuleViolation("nothing_to_archive", f"case {case.case_no} holds no media", "Art. 16")
    got = set(scanned)
    unknown = sorted(got - expected)
    if unknown:
        raise RuleViolation(
            "not_of_case",
            "scanned media not held for this case: " + ", ".join(unknown),
            "Art. 16",
        )
    missing = sorted(expected - got)
    if missing:
        raise RuleViolation(
            "archive_missing",
            "not yet scanned for the handover: " + ", ".join(missing),
            "Art. 16",
        )
    return sorted(expected)


def check_archives_receiver(receiver: Person, receiver_dept: Department | None) -> None:
    """Art. 16: the media go to the archives management department."""
    from .model import DeptKind

    if receiver_dept is None or receiver_dept.kind != DeptKind.ARCHIVES:
        raise RuleViolation(
            "not_archives",
            f"{receiver.name} is not in the archives department",
            "Art. 16",
        )


# ---------------------------------------------------------------- corrections
def check_correction(reason: str | None, field: str, allowed_fields: Iterable[str]) -> None:
    """Corrections never edit history: a new entry points to the old one and says why."""
    require_text(reason, "the reason for the correction", "", 500)
    if field not in set(allowed_fields):
        raise RuleViolation(
            "not_correctable",
            f"'{field}' cannot be corrected; correctable: " + ", ".join(sorted(allowed_fields)),
        )


# ---------------------------------------------------------------- a recording's record
PERSON_ROLES = ("suspect", "victim", "witness")
RECORDING_KINDS = ("interrogation", "questioning", "search", "sealing")


def check_recording_record(
    person_name: object,
    person_role: object,
    kind: object,
    place: object,
    started_at: datetime,
    ended_at: datetime,
    interruptions: Iterable[object],
) -> tuple[str, str]:
    """One recording as its record gives it: the person interrogated and their role, the
    kind, the place, start before end (Art. 10), every interruption with its reason
    (Art. 14-15). Checked before anything is copied or written; returns the person's name
    and the place as they are kept."""
    name = require_text(person_name, "person interrogated", "Art. 17", 60)
    if person_role not in PERSON_ROLES:
        raise RuleViolation(
            "bad_person_role", "person role must be suspect, victim or witness", "Art. 25"
        )
    if kind not in RECORDING_KINDS:
        raise RuleViolation(
            "bad_kind", f"'{kind}' is not a kind of recording; kinds: " + ", ".join(RECORDING_KINDS)
        )
    where = require_text(place, "place", limit=100)
    if ended_at <= started_at:
        raise RuleViolation("bad_time", "the recording ends before it starts", "Art. 10")
    for it in interruptions:
        if not isinstance(it, Mapping):
            raise RuleViolation(
                "bad_interruption", "an interruption has a start, an end and a reason", "Art. 15"
            )
        require_text(it.get("reason"), "reason of the interruption", "Art. 15")
    return name, where
