"""Canonical JSON: the one byte form that hashes and signatures are computed over."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any


def _default(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    raise TypeError(f"not canonical JSON: {type(value).__name__}")


def dumps(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept as is, bytes as hex; floats refused upstream."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    )


def sha256_hex(value: Any) -> str:
    return hashlib.sha256(dumps(value).encode("utf-8")).hexdigest()


def row_hash(table: str, row: Mapping[str, Any]) -> str:
    """The hash that anchors one stored row in the audit chain."""
    return sha256_hex({"table": table, "row": dict(row)})
