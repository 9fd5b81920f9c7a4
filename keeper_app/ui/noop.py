"""``QT_TRANSLATE_NOOP`` typed: PySide6's stub says it returns ``object``, so every table of
translatable strings failed mypy. lupdate finds the strings by the call's name, wherever the
function comes from."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``source`` for translation in ``context``; returns it unchanged."""
    del context
    return source
