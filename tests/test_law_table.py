"""docs/law.md is the conformance table of the domain: article -> rule -> test -> status.

It fails when a public function of ``keeper_app/domain/`` is neither a rule of some row nor
listed among the helpers, when a row names a rule or a test that does not exist, when a held
or partial obligation names no rule or no test, or when an article the issue lists has no row."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAW = ROOT / "docs" / "law.md"
DOMAIN = ROOT / "keeper_app" / "domain"

#: the articles whose every obligation the table must list (issue 14)
ARTICLES = [f"R{n}" for n in (3, 10, *range(13, 25))] + [
    f"S{n}" for n in (56, 123, *range(128, 135), 261, 267)
]
STATUSES = ("held 已落实", "partial 部分落实", "gap 未落实", "outside 不属本系统")
#: modules whose functions are not rules at all (data shapes, errors, replay's plumbing)
NOT_RULES = {"__init__", "model", "errors"}

ROW = re.compile(r"^\| ([RS]\d+) \| (.*)$")
NAME = re.compile(r"`([a-z_]+\.[a-z_][a-z0-9_]*)`")
TEST = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def domain_functions() -> set[str]:
    """``module.function`` for every public top-level function of the domain."""
    out = set()
    for f in sorted(DOMAIN.glob("*.py")):
        if f.stem in NOT_RULES:
            continue
        for node in ast.parse(f.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                out.add(f"{f.stem}.{node.name}")
    return out


def rows() -> list[tuple[str, list[str]]]:
    out = []
    for line in LAW.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            assert len(cells) == 6, f"a row of docs/law.md has {len(cells)} cells: {line}"
            out.append((m.group(1), cells))
    return out


def helpers_listed() -> set[str]:
    text = LAW.read_text(encoding="utf-8")
    _, _, tail = text.partition("## Helpers, not obligations")
    assert tail, "docs/law.md has lost its list of helpers"
    return set(NAME.findall(tail))


def test_every_rule_of_the_domain_has_a_row() -> None:
    named = {n for _, cells in rows() for n in NAME.findall(cells[3])}
    missing = domain_functions() - named - helpers_listed()
    assert not missing, f"rules of keeper_app/domain/ with no row in docs/law.md: {sorted(missing)}"


def test_every_rule_named_exists() -> None:
    known = domain_functions()
    named = {n for _, cells in rows() for n in NAME.findall(cells[3])} | helpers_listed()
    assert named - known == set(), f"docs/law.md names rules that do not exist: {named - known}"


def test_every_article_has_its_rows() -> None:
    have = {a for a, _ in rows()}
    assert set(ARTICLES) - have == set(), f"articles without a row: {set(ARTICLES) - have}"


@pytest.mark.parametrize("article,cells", rows(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_row_is_complete(article: str, cells: list[str]) -> None:
    _, obligation, chinese, rule, tests, status = cells
    assert obligation and chinese, f"{article}: the obligation in both languages"
    assert any(status.startswith(s) for s in STATUSES), f"{article}: status {status!r}"
    if status.startswith(("held", "partial")):
        assert NAME.findall(rule), f"{article} {obligation!r}: held or partial, but by which rule?"
        assert TEST.findall(tests), f"{article} {obligation!r}: shown by which test?"
    if status.startswith(("partial", "gap", "outside")):
        assert "(" in status or status.startswith("outside"), f"{article}: say what is missing"
    for path, name in TEST.findall(tests):
        f = ROOT / path
        assert f.is_file(), f"{article}: {path} does not exist"
        if name:
            assert re.search(rf"^(async )?def {name}\(", f.read_text(encoding="utf-8"), re.M), (
                f"{article}: {path} has no test {name}"
            )
