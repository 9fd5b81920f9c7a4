"""What intake checks about a recording beyond its record, and a major case's review
submission (issue 14). Plain Python: the services read the register and call these.

- Art. 17(3): hard-drive recordings are uploaded to the dedicated storage device "at once"
  after the interrogation — an upload later than a configured number of hours is flagged.
- Art. 10, 13: a recording shows *its* interrogation — a file whose SHA-256 another
  recording has already is the same footage registered twice, and is flagged.
- Art. 4, 22(2): for a major case, the recordings go with the case when it is submitted for
  review; until a submission has carried each of them, the due board says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from .errors import RuleViolation
from .model import Due

#: Art. 17(3) "at once": an upload this long after the interrogation ended is flagged late.
DEFAULT_LATE_UPLOAD = timedelta(hours=24)
#: the longest a setting may allow before an upload counts as late
MAX_LATE_UPLOAD_HOURS = 24 * 30


def check_late_upload_hours(hours: object) -> timedelta:
    """Art. 17(3): the setting "an upload is late after N hours" — a whole number of hours,
    1 to 720."""
    try:
        n = int(str(hours).strip())
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_LATE_UPLOAD_HOURS:
        raise RuleViolation(
            "bad_late_upload_hours",
            f"an upload counts as late after 1 to {MAX_LATE_UPLOAD_HOURS} whole hours, "
            f"not {hours!r}",
            "Art. 17",
        )
    return timedelta(hours=n)


def late_upload(ended_at: datetime, uploaded_at: datetime, limit: timedelta) -> timedelta | None:
    """Art. 17(3): how long after the interrogation ended the upload came, when that is more
    than ``limit`` (else None: on time)."""
    after = uploaded_at - ended_at
    return after if after > limit else None


def same_footage(new_hashes: Iterable[str], registered: Mapping[str, int]) -> list[tuple[str, int]]:
    """Art. 10, 13: the other recordings a new recording's files repeat (``registered``:
    SHA-256 → the first recording holding it), as (the first repeated file's sha256, that
    recording's id): one per other recording, in the order of the files."""
    out: list[tuple[str, int]] = []
    seen: set[int] = set()
    for h in new_hashes:
        other = registered.get(h)
        if other is not None and int(other) not in seen:
            seen.add(int(other))
            out.append((h, int(other)))
    return out


def check_review_submission(
    major: bool, case_recordings: Sequence[int], submitted: Sequence[int], to: str
) -> list[int]:
    """Art. 22(2): a case submitted for review names to whom, and which of *its* recordings
    go with it; for a major case (Art. 4) every recording of the case goes with it. Returns
    the recording ids, sorted."""
    to = (to or "").strip()
    if not to:
        raise RuleViolation(
            "missing_field", "say to whom the case is submitted for review", "Art. 22", "to"
        )
    ids = sorted({int(r) for r in submitted})
    foreign = [r for r in ids if r not in set(case_recordings)]
    if foreign:
        raise RuleViolation(
            "not_case_recording",
            "not recordings of this case: " + ", ".join(f"#{r}" for r in foreign),
            "Art. 22",
        )
    missing = sorted(set(case_recordings) - set(ids))
    if major and missing:
        raise RuleViolation(
            "major_case_recordings_missing",
            "a major case goes to review with all its recordings; missing: "
            + ", ".join(f"#{r}" for r in missing),
            "Art. 4, 22",
        )
    if major and not ids:
        raise RuleViolation(
            "major_case_recordings_missing",
            "a major case goes to review with its recordings, and it has none registered",
            "Art. 4, 22",
        )
    return ids


def major_review_items(
    now: datetime,
    cases: Iterable[tuple[str, datetime | None, datetime, int]],
) -> list[Due]:
    """Art. 4, 22(2): one due item per major case with recordings no review submission has
    carried yet — "recordings to accompany the review submission" — until one does.

    cases: (case_no, concluded_at or None, registered_at of the first such recording, how
    many). Due when the investigation is concluded (the case goes to review then); before
    that, shown from the first recording on and not late."""
    out = []
    for case_no, concluded_at, first_at, count in cases:
        due_at = concluded_at or first_at
        out.append(
            Due(
                "major_review",
                due_at,
                None,
                case_no,
                "major case: recordings to accompany the review submission",
                late=concluded_at is not None and now > concluded_at,
                extra={"recordings": str(count)},
            )
        )
    return out
