"""Fuzzed input (issue 7, 6): arbitrary text at every parser — scan codes, badge numbers,
dates, free-text fields (through a real service call), JSON credential files, backup
records, xorriso output lines. Each one accepts or refuses with a message; none crashes,
and a refusal changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from keeper_app.burning import BurnError
from keeper_app.burning.xorriso import Drive, XorrisoOutput, classify_failure, parse_progress
from keeper_app.cli.auth import load_credentials_file
from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import custody, intake, lookup
from keeper_app.services.session import check_badge_text, parse_code
from keeper_app.store import backup_records
from keeper_app.timeutil import BadTime, parse_user

# the office fixture is set up once per test, not per example: each example either
# changes nothing (a refusal, checked) or makes a change the next one may see
DB = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PURE = settings(max_examples=300, deadline=None)

code_like = st.one_of(
    st.text(),
    st.text(alphabet="0123456789ODHX- \t", max_size=24),
    st.builds(
        lambda c, i, ch: c.text[:i] + ch + c.text[i + 1 :],
        st.builds(
            lambda n, cp: codes.make("3101", 2026, n, cp),
            st.integers(1, 999_999),
            st.sampled_from("OD"),
        ),
        st.integers(0, 15),
        st.characters(),
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


# ------------------------------------------------------------------ pure parsers
@PURE
@given(code_like)
@example("")
@example("3101-2026-000001-O-?")
def test_scan_codes(text):
    try:
        mc = codes.parse(text)
    except codes.CodeError as exc:
        assert str(exc) and exc.reason
        try:
            parse_code(text)
        except RuleViolation as rv:
            assert rv.code == f"code_{exc.reason}" and rv.message
        else:
            raise AssertionError("parse_code accepted what codes.parse refused")
        return
    assert codes.parse(mc.text) == mc and codes.parse(mc.pretty) == mc  # a fixed point


@PURE
@given(st.one_of(st.text(), st.none(), st.integers(), st.binary()))
@example("  k001 ")
@example("Ｋ００１")  # full-width letters and digits are not ASCII
def test_badge_numbers(badge):
    try:
        b = check_badge_text(badge)
    except RuleViolation as exc:
        assert exc.code in ("missing_field", "bad_badge") and exc.message
        return
    assert b == b.strip().upper() and b.isascii() and 1 <= len(b) <= 32
    assert all(ch.isalnum() or ch in "-_" for ch in b)
    assert check_badge_text(b) == b


DATE_LIKE = r"\A\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?\s*\Z"


@PURE
@given(st.one_of(st.text(), st.from_regex(DATE_LIKE)))
@example("2026-02-30 10:00:00")
@example("2026-11-26 24:00")
@example("0000-01-01")
def test_dates(text):
    try:
        dt = parse_user(text)
    except BadTime as exc:
        assert str(exc) and "YYYY-MM-DD" in str(exc) or "valid" in str(exc)
        return
    assert dt.tzinfo is not None and dt.utcoffset() == UTC.utcoffset(None)
    assert datetime(1, 1, 1, tzinfo=UTC) <= dt


@PURE
@given(st.text())
@example("libburn : UPDATE : 1.2.3% done")
@example("xorriso : UPDATE : Writing:  1024s  .%  fifo 100%")
@example("xorriso : UPDATE : 12 of 0 MB written")
@example("Media status : is blank")
@example("xorriso : UPDATE : " + "9" * 5000 + " of 1 MB written")
@example("Image size : " + "9" * 5000 + "s")
def test_xorriso_output_lines(line):
    out = XorrisoOutput()
    p = out.feed(line)
    assert p is None or 0.0 <= p.fraction <= 1.0
    progress = parse_progress(line)
    assert progress is None or 0.0 <= progress.fraction <= 1.0
    for key in ("Image size", "Media space", "After commit"):
        n = out.sectors(key)
        assert n is None or isinstance(n, int)
    code, message = classify_failure(out, 1)
    assert code and message


@PURE
@given(st.lists(st.text(), max_size=20), st.integers(-1, 255))
def test_xorriso_runs(lines, returncode):
    out = XorrisoOutput()
    for line in lines:
        out.feed(line)
    code, message = classify_failure(out, returncode)
    assert isinstance(code, str) and code and isinstance(message, str)


@PURE
@given(st.text())
@example("stdio:")
@example("/dev/sr0\x00")
def test_drive_names(text):
    try:
        d = Drive.parse(text)
    except BurnError as exc:
        assert str(exc)
        return
    assert str(d) and d.path


# ------------------------------------------------------------------ files
@PURE
@given(
    st.one_of(
        st.binary(max_size=200),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.dictionaries(st.text(), st.text(), max_size=4).map(lambda d: json.dumps(d).encode()),
    )
)
def test_credentials_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("creds") / "c.json"
    path.write_bytes(data)
    path.chmod(0o600)
    try:
        creds = load_credentials_file(path)
    except RuleViolation as exc:
        assert exc.code == "credentials_bad" and str(path) in exc.message
        return
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in creds.items())
    assert all(k == k.strip().upper() for k in creds)


@PURE
@given(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_backup_records(tmp_path_factory, data):
    copy = tmp_path_factory.mktemp("bk") / "keeper-x.sqlite"
    copy.write_bytes(b"")
    backup_records.record_path(copy).write_bytes(data)
    rec = backup_records.read_record(copy)  # None: not a record, never an exception
    [b] = backup_records.listing(copy.parent)
    assert b.verified is (rec is not None and rec.verified and rec.size == 0)
    assert backup_records.latest_verified(copy.parent) in (None, b)


# ------------------------------------------------------------------ through the services
@DB
@given(text=st.text(max_size=80))
@example(text="")
@example(text="   ")
@example(text="柜" * 61)
@example(text="柜A-01\x00")
def test_free_text_through_a_service(office, text):
    if not hasattr(office, "_pair"):
        office._pair = office.handed_over_pair()
    _o, d = office._pair
    before = office.snapshot()
    try:
        custody.set_location(office.session("K001"), d, text)
    except RuleViolation as exc:
        assert exc.code in ("missing_field", "field_too_long", "bad_field"), exc.code
        assert exc.message
        assert office.snapshot() == before
        return
    row = office.db.conn.execute("SELECT location FROM media WHERE code=?", (d,)).fetchone()
    assert row[0] == text.strip()


@DB
@given(case_no=st.text(max_size=50), name=st.text(max_size=120))
def test_new_case_fields(office, case_no, name):
    before = office.snapshot()
    try:
        intake.create_case(office.session("H001"), case_no, name, office.dept["crim"], ["H001"])
    except RuleViolation as exc:
        assert exc.code in ("missing_field", "field_too_long", "bad_field", "case_exists"), exc.code
        assert office.snapshot() == before
        return
    assert (
        office.db.conn.execute(
            "SELECT name FROM cases WHERE case_no=?", (case_no.strip(),)
        ).fetchone()[0]
        == name.strip()
    )


@DB
@given(text=code_like)
def test_scanning_anything_at_the_counter(office, text):
    before = office.snapshot()
    try:
        rec = lookup.scan(office.session("K001"), text)
    except RuleViolation as exc:
        assert exc.code.startswith("code_") or exc.code == "unknown_medium", exc.code
    else:
        assert rec.code == codes.parse(text).text
    assert office.snapshot() == before  # a scan never changes anything


@DB
@given(badge=st.text(max_size=40), password=st.text(max_size=40))
def test_signing_with_anything(office, badge, password):
    assume(
        badge.strip().upper()
        not in {
            "K001",
            "K002",
            "H001",
            "H002",
            "H003",
            "D001",
            "D002",
            "R001",
            "A001",
            "C001",
            "ADMIN",
        }
    )
    if not hasattr(office, "_pair"):
        office._pair = office.handed_over_pair()
        office._qid = office.approved_request(office._pair[1], "H001", "D001", "case_handling", 4)
    _o, d = office._pair
    before = office.snapshot()
    try:
        custody.retrieve(
            office.session("K001"),
            d,
            custody.Credential(badge, password),
            office.cred("K001"),
            office._qid,
        )
    except RuleViolation as exc:
        assert exc.code in (
            "missing_field",
            "bad_badge",
            "missing_password",
            "bad_credentials",  # an unknown badge is refused as a wrong password (issue 10)
        ), exc.code
    else:
        raise AssertionError("an unknown signer was accepted")
    assert office.snapshot() == before
