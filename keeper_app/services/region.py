"""The regional copy (issue 11, the regional step): an office publishes its database by
logical replication, the regional cluster subscribes, one database per office, and only
reads (store/pgregion.py has the SQL and the reasons). These are the server
administrators' steps: they take administrators' URLs and need no Keeper sign-in; no row
of any office is written by them."""

from __future__ import annotations

from ..domain.errors import RuleViolation
from ..store import pgregion
from ..store.pgregion import (
    DEFAULT_READER,
    DEFAULT_SENDER,
    PUBLICATION,
    OfficeCopy,
    PublishReport,
    SubscribeReport,
    with_user,
)

__all__ = [
    "DEFAULT_READER",
    "DEFAULT_SENDER",
    "PUBLICATION",
    "OfficeCopy",
    "PublishReport",
    "SubscribeReport",
    "publish",
    "status",
    "subscribe",
    "with_user",
]


def publish(url: str, sender: str | None, sender_password: str | None) -> PublishReport:
    """``keeper region publish URL``: the office's publication for the region, and the
    role the region connects as."""
    try:
        return pgregion.publish(url, sender, sender_password)
    except pgregion.RegionError as exc:
        raise RuleViolation("region_refused", str(exc)) from None


def subscribe(
    regional_url: str, office: str, office_url: str, reader: str = DEFAULT_READER
) -> SubscribeReport:
    """``keeper region subscribe REGIONAL_URL --office NAME OFFICE_URL``: the office's
    copy on the regional cluster, in its own database, read-only for the readers."""
    try:
        return pgregion.subscribe(regional_url, office, office_url, reader)
    except pgregion.RegionError as exc:
        raise RuleViolation("region_refused", str(exc)) from None


def status(regional_url: str) -> list[OfficeCopy]:
    """``keeper region status REGIONAL_URL``: each office's copy, its replication's state
    and the head of the chain the region holds."""
    try:
        return pgregion.status(regional_url)
    except pgregion.RegionError as exc:
        raise RuleViolation("region_refused", str(exc)) from None
