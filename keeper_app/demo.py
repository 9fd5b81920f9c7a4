"""A realistic demo office on an empty database, made only through the services.

:func:`make_demo` sets up a public-security sub-bureau (unit, departments, ~15 people), opens
20 cases, registers their interrogation and questioning recordings, and plays ~90 days of
custody history through the same service calls the counter uses: pairs burned and handed
over (a few late, with the reason), retrievals and returns, one damaged duplicate, one
original opened and resealed, procuratorate and court transfers, one case concluded and
archived; seized storage media (issue 15) in each state of their life — entered, sealed,
in safekeeping (one whose sealing period is about to end, its extension waiting for the head),
out on a temporary transfer, released. It ends with a few things still due, so the due board
and a head's inbox are not empty. Every change is therefore audited and every entry signed by
the people concerned.

The clock the sessions read is moved forward event by event, so the audit chain is in time
order. Everyone shares :data:`DEMO_PASSWORD`; a :class:`KdfCache` derives each person's key
once. Deterministic for a given ``now``.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import partial
from typing import Any

from .domain.errors import RuleViolation
from .domain.model import DeptKind, ManifestEntry
from .services import custody, intake, lookup, retrieval_requests, reviews, seized, transfers
from .services import people as people_svc
from .services.session import Credential, KdfCache, Session, sign_in
from .services.storage import StorageSettings, add_sample_recordings
from .store import Database
from .timeutil import now_utc, to_db

DEMO_PASSWORD = "keeper-demo-1"
UNIT_CODE = "3101"
UNIT_NAME = "某某市公安局某某分局"
COURT = "某某市中级人民法院"
PROCURATORATE = "某某区人民检察院"
CST = timezone(timedelta(hours=8), "CST")  # the office's wall clock (China Standard Time)

# department key -> (name, kind)
DEPARTMENTS = {
    "crim": ("刑事侦查大队", DeptKind.CASE_HANDLING),
    "drug": ("禁毒大队", DeptKind.CASE_HANDLING),
    "econ": ("经济犯罪侦查大队", DeptKind.CASE_HANDLING),
    "legal": ("法制大队", DeptKind.LEGAL),
    "arch": ("档案室", DeptKind.ARCHIVES),
}
# badge, name, roles, department key (None: no department); the administrator is bootstrapped
ADMIN = ("010001", "黄志刚")
PEOPLE = [
    ("010102", "周建国", ("dept_head",), "crim"),
    ("010117", "张伟", ("case_handler",), "crim"),
    ("010123", "王磊", ("case_handler",), "crim"),
    ("010402", "吴海涛", ("dept_head",), "drug"),
    ("010411", "杨帆", ("case_handler",), "drug"),
    ("010415", "赵鹏", ("case_handler",), "drug"),
    ("010502", "徐国平", ("dept_head",), "econ"),
    ("010512", "马俊", ("case_handler",), "econ"),
    ("010518", "朱明", ("case_handler",), "econ"),
    ("010231", "刘芳", ("keeper",), "legal"),
    ("010232", "陈静", ("keeper",), "legal"),
    ("010215", "孙立新", ("reviewer",), "legal"),
    ("010301", "郑丽华", ("case_handler",), "arch"),  # archivist: receives concluded cases
    ("FY0317", "何晓燕", ("outside_retriever",), None),  # court clerk
    ("JC0522", "林志远", ("outside_retriever",), None),  # procuratorate officer
]
ORG = {"FY0317": COURT, "JC0522": PROCURATORATE}
HEADS = {"crim": "010102", "drug": "010402", "econ": "010502"}
#: the department whose head is made with the administrator at the first run
FIRST_DEPT = "crim"
HANDLERS = {
    "crim": ("010117", "010123"),
    "drug": ("010411", "010415"),
    "econ": ("010512", "010518"),
}
KEEPERS = ("010231", "010232")
REVIEWER = "010215"
ARCHIVIST = "010301"

# name, department, major, suspects, victims or witnesses (first one questioned on day 0)
CASES = [
    ("王某某故意伤害案", "crim", False, ["王某某"], ["李某(被害人)", "赵某某(证人)"]),
    ("刘某某故意杀人案", "crim", True, ["刘某某"], ["陈某(证人)", "周某某(证人)"]),
    ("马某某贩卖毒品案", "drug", True, ["马某某", "白某"], ["胡某(证人)"]),
    ("孙某某抢劫案", "crim", True, ["孙某某"], ["钱某(被害人)", "吴某(证人)"]),
    ("周某某盗窃案", "crim", False, ["周某某"], ["郭某某(被害人)", "罗某(证人)"]),
    ("杨某某容留他人吸毒案", "drug", False, ["杨某某"], ["高某(证人)", "梁某某(证人)"]),
    ("韩某某合同诈骗案", "econ", False, ["韩某某"], ["宋某某(被害人)", "唐某(证人)"]),
    ("郑某某寻衅滋事案", "crim", False, ["郑某某", "冯某"], ["于某某(被害人)"]),
    ("黄某某走私、贩卖毒品案", "drug", True, ["黄某某", "邱某某"], ["曾某(证人)"]),
    ("曹某某非法吸收公众存款案", "econ", True, ["曹某某"], ["彭某某(被害人)", "董某(证人)"]),
    ("钱某某强奸案", "crim", True, ["钱某某"], ["苏某(被害人)", "蒋某某(证人)"]),
    ("林某某非法持有毒品案", "drug", False, ["林某某"], ["潘某(证人)", "田某(证人)"]),
    ("邓某某职务侵占案", "econ", False, ["邓某某"], ["袁某某(被害人)", "傅某(证人)"]),
    ("冯某某等人聚众斗殴案", "crim", False, ["冯某某", "贾某"], ["夏某某(证人)"]),
    ("许某某运输毒品案", "drug", True, ["许某某"], ["姚某(证人)", "方某某(证人)"]),
    ("彭某某集资诈骗案", "econ", True, ["彭某某"], ["石某某(被害人)", "廖某(证人)"]),
    ("蒋某某虚开增值税专用发票案", "econ", False, ["蒋某某", "侯某"], ["秦某(证人)"]),
    ("谢某某贩卖毒品案", "drug", False, ["谢某某"], ["叶某(证人)", "崔某(证人)"]),
    ("吕某某抢夺案", "crim", False, ["吕某某"], ["程某某(被害人)", "魏某(证人)"]),
    ("唐某某信用卡诈骗案", "econ", False, ["唐某某"], ["薛某某(被害人)", "阎某(证人)"]),
]
# the cases with a part to play in the story (indices into CASES)
ARCHIVED, COURT_SERVED, COURT_OPEN, DAMAGED, UNSEALED, OVERDUE = 0, 1, 2, 3, 4, 5
LATE_OPEN, CURRENT, OUT_NOW = 18, 19, 12
#: the major case whose review submission is still due (Art. 22: the due board shows it)
PENDING_REVIEW = 15
REVIEW_DEPT = "某某市公安局法制大队"
CASE_SPACING_DAYS = 4
FIRST_CASE_DAYS_AGO = 88

LATE_REASONS = [
    "办案民警连夜押解犯罪嫌疑人赴外地指认现场，未能在24小时内移交",
    "值班期间连续处置突发警情，办案民警未能按时移交",
    "刻录后复核光盘时发现标签信息有误，重新制作标签后移交",
]
INTERRUPTION_REASONS = [
    "犯罪嫌疑人要求如厕",
    "犯罪嫌疑人身体不适，短暂休息",
    "更换录音录像设备电池",
]
PURPOSES = {
    "case_handling": [
        "补充侦查，核对讯问笔录与录像内容",
        "制作起诉意见书前核对供述",
        "核对辨认过程",
        "审查犯罪嫌疑人供述前后是否一致",
    ],
    "case_review": ["法制审核：审查讯问过程是否合法"],
    "supervision": ["执法质量考评抽查"],
}
BITRATE = 250_000  # bytes per second of a 2 Mbit/s recording
DVD_CAPACITY = 4_300_000_000


@dataclass
class DemoInfo:
    password: str
    unit_code: str
    unit_name: str
    people: list[tuple[str, str, tuple[str, ...], str]]  # badge, name, roles, department
    samples: dict[str, str]  # what -> medium code
    counts: dict[str, int]
    #: real short recordings (ffmpeg), stored and registered, ready to burn as a pair
    recordings: list[int] = field(default_factory=list)
    #: where they are and how to burn them, or why there are none (no ffmpeg)
    recordings_note: str = ""


@dataclass
class _Recording:
    kind: str
    start: datetime
    end: datetime
    place: str
    interruptions: list[dict[str, str]]
    files: list[ManifestEntry]
    rec_id: int = 0


@dataclass
class _Pair:
    case: int
    person: str
    role: str
    handler: str
    recordings: list[_Recording]
    burned_at: datetime
    original: str = ""
    duplicate: str = ""
    handed_over_at: datetime | None = None
    story: bool = False  # has a part in the story: no routine retrievals


@dataclass
class _Case:
    index: int
    case_no: str
    name: str
    dept: str
    major: bool
    handlers: tuple[str, ...]
    opened_at: datetime
    pairs: list[_Pair] = field(default_factory=list)
    #: routine retrievals end before this (conclusion, transfer)
    busy_until: datetime | None = None


class _Clock:
    def __init__(self, t: datetime):
        self.t = t

    def __call__(self) -> datetime:
        return self.t


class _Demo:
    def __init__(self, db: Database, now: datetime):
        self.db = db
        self.now = now.astimezone(UTC).replace(microsecond=0)
        self.today = self.now.astimezone(CST).date()
        self.clock = _Clock(self.now)
        self.cache = KdfCache()
        self.rng = random.Random(20141001)
        self.sessions: dict[str, Session] = {}
        self.events: list[tuple[datetime, int, Callable[[], object]]] = []
        self.dept_ids: dict[str, int] = {}
        self.cases: list[_Case] = []
        self.counts: dict[str, int] = dict.fromkeys(
            (
                "recordings",
                "retrievals",
                "returns",
                "incidents",
                "incident_acks",
                "handovers",
                "late_handovers",
                "late_returns",
                "court_requests",
                "court_transfers",
                "unseals",
                "reseals",
                "archive_handovers",
                "seizures",
                "seized_items",
            ),
            0,
        )
        self.seal_serial = 0
        self.samples: dict[str, str] = {}
        self.real_recordings: list[int] = []
        self.recordings_note = ""

    # ------------------------------------------------------------ time and people
    def day(self, days_ago: int, hour: int, minute: int = 0) -> datetime:
        d: date = self.today - timedelta(days=days_ago)
        return datetime.combine(d, time(hour, minute), tzinfo=CST).astimezone(UTC)

    def at(self, t: datetime, fn: Callable[..., object], *args: object) -> None:
        """Plan ``fn(*args)`` at ``t``: the events run in time order once all are planned."""
        self.events.append((t, len(self.events), partial(fn, *args)))

    def session(self, badge: str) -> Session:
        if badge not in self.sessions:
            self.sessions[badge] = sign_in(self.db, badge, DEMO_PASSWORD, self.clock, self.cache)
        return self.sessions[badge]

    @staticmethod
    def cred(badge: str) -> Credential:
        return Credential(badge, DEMO_PASSWORD)

    def keeper_on_duty(self, t: datetime) -> str:
        return KEEPERS[t.astimezone(CST).date().toordinal() % 2]

    def seal_no(self, t: datetime) -> str:
        self.seal_serial += 1
        return f"FC{UNIT_CODE}-{t.astimezone(CST).year}-{self.seal_serial:05d}"

    def working_hours(self, t: datetime) -> datetime:
        """Move a time that falls at night to the next morning."""
        local = t.astimezone(CST)
        if 8 <= local.hour < 21:
            return t
        d = local.date() + timedelta(days=1 if local.hour >= 21 else 0)
        return datetime.combine(d, time(8, 40 + self.rng.randrange(0, 20)), tzinfo=CST).astimezone(
            UTC
        )

    # ------------------------------------------------------------ the plan
    def plan_setup(self) -> None:
        t = self.day(95, 8, 30)
        self.clock.t = t
        first_head = HEADS[FIRST_DEPT]
        head_name = next(p[1] for p in PEOPLE if p[0] == first_head)
        people_svc.bootstrap(
            self.db,
            UNIT_CODE,
            UNIT_NAME,
            ADMIN[0],
            ADMIN[1],
            DEMO_PASSWORD,
            people_svc.FirstHead(first_head, head_name, DEMO_PASSWORD, DEPARTMENTS[FIRST_DEPT][0]),
            clock=self.clock,
        )
        admin = self.session(ADMIN[0])
        self.dept_ids[FIRST_DEPT] = next(
            int(d["id"])
            for d in lookup.departments(admin)
            if d["name"] == DEPARTMENTS[FIRST_DEPT][0]
        )
        for key, (name, kind) in DEPARTMENTS.items():
            if key == FIRST_DEPT:
                continue
            self.clock.t += timedelta(minutes=2)
            self.dept_ids[key] = people_svc.add_department(admin, name, kind)
        for badge, name, roles, dept in PEOPLE:
            if badge == first_head:
                continue
            self.clock.t += timedelta(minutes=3)
            people_svc.add_person(
                admin,
                badge,
                name,
                roles,
                DEMO_PASSWORD,
                self.dept_ids[dept] if dept else None,
                org_name=ORG.get(badge, ""),
                head=self.cred(first_head),  # custody roles: a department head countersigns
            )
        for dept, badge in HEADS.items():
            if dept == FIRST_DEPT:
                continue
            self.clock.t += timedelta(minutes=1)
            people_svc.set_head(admin, self.dept_ids[dept], badge)

    def plan_cases(self) -> None:
        month_serial: dict[tuple[int, int], int] = {}
        for i, (name, dept, major, suspects, others) in enumerate(CASES):
            days_ago = FIRST_CASE_DAYS_AGO - CASE_SPACING_DAYS * i
            opened = self.day(days_ago, 8, 10 + self.rng.randrange(0, 40))
            local = opened.astimezone(CST)
            n = month_serial[(local.year, local.month)] = (
                month_serial.get((local.year, local.month), 0) + 1
            )
            case_no = f"A{UNIT_CODE}00{local.year}{local.month:02d}{n:04d}"
            c = _Case(i, case_no, name, dept, major, HANDLERS[dept], opened)
            self.cases.append(c)
            self.at(opened, self._create_case, c)
            s1 = suspects[0]
            s2 = suspects[1] if len(suspects) > 1 else s1
            w1, w2 = others[0], others[-1]
            # (person, days after opening, start hour, hours, place)
            slots = [
                (s1, 0, 9, (2.0, 3.5), f"讯问室{self.rng.randint(1, 3)}"),
                (w1, 0, 14, (1.0, 2.0), f"询问室{self.rng.randint(1, 2)}"),
                (s2, 1, 9, (1.5, 3.0), f"某某市看守所讯问室{self.rng.randint(1, 4)}"),
                (
                    w2 if w2 != w1 else s1,
                    2,
                    10,
                    (1.0, 2.0),
                    "询问室1" if w2 != w1 else f"某某市看守所讯问室{self.rng.randint(1, 4)}",
                ),
            ]
            for person, offset, hour, (lo, hi), place in slots:
                start = self.day(days_ago - offset, hour, self.rng.randrange(0, 50))
                recs = [self._recording(c, person, start, lo, hi, place)]
                self._plan_pair(c, person, recs)
            # the fifth pair: a later interrogation in the detention centre (two sessions)
            place = f"某某市看守所讯问室{self.rng.randint(1, 4)}"
            if i == CURRENT:
                start = self.now - timedelta(hours=8)
                recs = [self._recording(c, s1, start, 2.0, 2.5, place)]
                self._plan_pair(c, s1, recs, burned_at=self.now - timedelta(hours=5))
            elif i == LATE_OPEN:
                start = self.now - timedelta(hours=58)
                recs = [self._recording(c, s1, start, 2.0, 2.5, place)]
                self._plan_pair(c, s1, recs, burned_at=self.now - timedelta(hours=54))
            else:
                morning = self.day(days_ago - 6, 9, self.rng.randrange(0, 30))
                afternoon = self.day(days_ago - 6, 14, self.rng.randrange(0, 30))
                recs = [
                    self._recording(c, s1, morning, 1.5, 2.5, place, sitting=1),
                    self._recording(c, s1, afternoon, 1.0, 2.0, place, sitting=2),
                ]
                self._plan_pair(c, s1, recs)
            # a major case goes to review with all its recordings (Art. 4, 22): done a week
            # after the last interrogation, except for the latest one, which is still due
            review_at = self.day(days_ago - 7, 15, 10)
            if major and i != PENDING_REVIEW and review_at < self.now - timedelta(days=1):
                self.at(review_at, self._submit_review, c)

    def _recording(
        self,
        c: _Case,
        person: str,
        start: datetime,
        lo: float,
        hi: float,
        place: str,
        sitting: int = 0,
    ) -> _Recording:
        name, role = _split_person(person)
        kind = "interrogation" if role == "suspect" else "questioning"
        end = start + timedelta(minutes=round(self.rng.uniform(lo, hi) * 60))
        interruptions = []
        if kind == "interrogation" and self.rng.random() < 0.3:
            a = start + (end - start) / 2
            interruptions.append(
                {
                    "start": to_db(a),
                    "end": to_db(a + timedelta(minutes=8)),
                    "reason": self.rng.choice(INTERRUPTION_REASONS),
                }
            )
        local = start.astimezone(CST)
        label = ("讯问" if kind == "interrogation" else "询问") + (f"{sitting}" if sitting else "")
        folder = f"{local:%Y%m%d}_{name}_{label}"
        files = []
        seconds = int((end - start).total_seconds())
        part = 0
        while seconds > 0:
            chunk = min(seconds, 3600)
            part += 1
            path = f"{folder}/{place}_{local:%Y%m%d_%H%M%S}_{part:02d}.mp4"
            size = chunk * BITRATE + self.rng.randrange(0, 4_000_000)
            sha = hashlib.sha256(f"{c.case_no}|{path}|{size}".encode()).hexdigest()
            files.append(ManifestEntry(path, size, sha))
            seconds -= chunk
        return _Recording(kind, start, end, place, interruptions, files)

    def _plan_pair(
        self, c: _Case, person: str, recs: list[_Recording], burned_at: datetime | None = None
    ) -> None:
        name, role = _split_person(person)
        handler = c.handlers[len(c.pairs) % len(c.handlers)]
        burned = burned_at or recs[-1].end + timedelta(minutes=self.rng.randrange(25, 70))
        p = _Pair(c.index, name, role, handler, recs, burned)
        c.pairs.append(p)
        for r in recs:
            self.at(r.end + timedelta(minutes=10), self._register, c, p, r)
        self.at(burned + timedelta(minutes=8), self._register_pair, p)

    def plan_handovers(self) -> None:
        normal = [
            p
            for c in self.cases
            for p in c.pairs
            if c.index not in (CURRENT, LATE_OPEN) or p is not c.pairs[-1]
        ]
        old = [
            p
            for p in normal
            if p.burned_at < self.now - timedelta(days=12)
            and p.case not in (ARCHIVED, COURT_SERVED, DAMAGED, UNSEALED)
        ]
        late = self.rng.sample(old, len(LATE_REASONS))
        for p in normal:
            if p in late:
                t = p.burned_at + timedelta(hours=self.rng.uniform(26, 30))
                reason = LATE_REASONS[late.index(p)]
                self.at(t, self._handover, p, reason)
                head = HEADS[self.cases[p.case].dept]
                ack = self.working_hours(t + timedelta(hours=self.rng.uniform(16, 22)))
                self.at(
                    ack,
                    self._ack,
                    head,
                    p,
                    "late_handover",
                    "已知悉，已提醒办案人员严格落实24小时内移交的规定",
                )
            else:
                t = self.working_hours(p.burned_at + timedelta(hours=self.rng.uniform(0.5, 4)))
                self.at(t, self._handover, p)
            p.handed_over_at = t
        # case 18: handed over 30 h after burning; the head has not yet acknowledged it
        p = self.cases[LATE_OPEN].pairs[-1]
        p.handed_over_at = self.now - timedelta(hours=24)
        self.at(
            p.handed_over_at,
            self._handover,
            p,
            "犯罪嫌疑人突发疾病送医，办案民警全程看护，未能按时移交",
        )

    def plan_story(self) -> None:
        """The cases with a part to play: archive, courts, damage, unseal, overdue."""
        # case 0: concluded, duplicates to the procuratorate, originals to the archives
        c = self.cases[ARCHIVED]
        c.busy_until = self.day(52, 8)
        head = HEADS[c.dept]
        self.at(self.day(50, 10, 5), self._conclude, head, c, "侦查终结，移送审查起诉")
        self._plan_court(
            c,
            "procuratorate",
            PROCURATORATE,
            "JC0522",
            self.day(48, 9, 40),
            self.day(47, 15, 10),
            "某检刑调〔{y}〕17号",
        )
        self.at(self.day(30, 10, 20), self._archive, c)
        # case 1: concluded; the court asked for the recordings and was served
        c = self.cases[COURT_SERVED]
        c.busy_until = self.day(47, 8)
        self.at(self.day(45, 16, 30), self._conclude, c.handlers[0], c, "侦查终结，移送审查起诉")
        self._plan_court(
            c,
            "court",
            COURT,
            "FY0317",
            self.day(20, 10, 20),
            self.day(19, 14, 45),
            "（{y}）某01刑初45号调取证据通知书",
        )
        # case 2: concluded; a court request is open since 40 h
        c = self.cases[COURT_OPEN]
        c.busy_until = self.day(12, 8)
        self.at(self.day(10, 11, 0), self._conclude, HEADS[c.dept], c, "侦查终结，移送审查起诉")
        self._plan_court(
            c,
            "court",
            COURT,
            "FY0317",
            self.now - timedelta(hours=40),
            None,
            "（{y}）某01刑初112号调取证据通知书",
        )
        # case 3: a duplicate comes back damaged; the head acknowledges the report
        c = self.cases[DAMAGED]
        p = c.pairs[0]
        p.story = True
        self._plan_retrieval(
            p,
            self.day(25, 9, 35),
            "case_handling",
            c.handlers[0],
            48,
            self.day(23, 16, 10),
            "damaged",
            "光盘数据面有明显划痕，第2段视频读取失败，校验值与清单不符",
        )
        self.at(
            self.day(22, 9, 50),
            self._ack,
            HEADS[c.dept],
            p,
            "damaged",
            "已知悉，责成办案人员书面说明情况",
        )
        # case 4: the defence doubts a duplicate; the original is opened and resealed
        self._plan_unseal(self.cases[UNSEALED], self.cases[UNSEALED].pairs[0])
        # case 5: a duplicate out since 50 h for 24 h: overdue
        c = self.cases[OVERDUE]
        p = c.pairs[1]
        p.story = True
        self._plan_retrieval(
            p, self.now - timedelta(hours=50), "case_handling", c.handlers[1], 24, None
        )
        # case 12: a duplicate out for review since 3 h, due tomorrow
        c = self.cases[OUT_NOW]
        p = c.pairs[2]
        p.story = True
        self._plan_retrieval(p, self.now - timedelta(hours=3), "case_review", REVIEWER, 24, None)

    def plan_routine_retrievals(self) -> None:
        limit_all = self.now - timedelta(days=2)
        for c in self.cases:
            limit = min(c.busy_until or limit_all, limit_all)
            for p in c.pairs:
                if p.story or p.handed_over_at is None:
                    continue
                start = p.handed_over_at + timedelta(days=1)
                for _ in range(2):
                    if self.rng.random() > 0.45 or start >= limit:
                        break
                    out_day = start + timedelta(days=self.rng.uniform(0, 12))
                    local = out_day.astimezone(CST)
                    out_at = datetime.combine(
                        local.date(),
                        time(self.rng.randint(9, 16), self.rng.randrange(0, 60)),
                        tzinfo=CST,
                    ).astimezone(UTC)
                    if out_at <= start:
                        out_at += timedelta(days=1)
                    roll = self.rng.random()
                    reason = (
                        "case_handling"
                        if roll < 0.75
                        else "case_review"
                        if roll < 0.9
                        else "supervision"
                    )
                    who = self.rng.choice(c.handlers) if reason == "case_handling" else REVIEWER
                    est = self.rng.choice([4, 8, 24, 48, 72])
                    back = self.working_hours(
                        out_at + timedelta(hours=est * self.rng.uniform(0.3, 0.95))
                    )
                    if back >= limit:
                        break
                    self._plan_retrieval(p, out_at, reason, who, est, back, "intact")
                    start = back + timedelta(days=2)

    def _plan_retrieval(
        self,
        p: _Pair,
        out_at: datetime,
        reason: str,
        who: str,
        est: int,
        back: datetime | None,
        inspection: str = "intact",
        note: str = "",
    ) -> None:
        c = self.cases[p.case]
        purpose = self.rng.choice(PURPOSES.get(reason, [""]))
        box: dict[str, int] = {}
        # Art. 20: the retriever asks, the head of the case's department approves in his
        # inbox, then the keeper gives the disc out under that approval
        self.at(out_at - timedelta(hours=2), self._ask, c, p, who, reason, est, purpose, box)
        self.at(out_at - timedelta(hours=1), self._approve, c, box)
        self.at(out_at, self._retrieve, c, p, who, box)
        if back is not None:
            # no disc is read back in the demo: each return says why it was not (issue 14)
            why = (
                "盘面划伤，无法上机回读"
                if inspection == "damaged"
                else self.rng.choice(
                    ["目视检查完好，未上机回读", "目视检查完好，未上机回读", "光驱占用，未回读"]
                )
            )
            late = back > out_at + timedelta(hours=est)  # reported by the return (issue 14)
            self.at(back, self._return, p, who, inspection, why, note, late)

    def _plan_court(
        self,
        c: _Case,
        kind: str,
        org: str,
        recipient: str,
        requested_at: datetime,
        served_at: datetime | None,
        doc: str,
    ) -> None:
        box: dict[str, int] = {}
        doc_no = doc.format(y=requested_at.astimezone(CST).year)

        def register() -> None:
            k = self.keeper_on_duty(self.clock.t)
            box["id"] = transfers.register_court_request(
                self.session(k), c.case_no, kind, org, doc_no, requested_at, whole_case=True
            )
            self.counts["court_requests"] += 1

        def serve() -> None:
            k = self.keeper_on_duty(self.clock.t)
            # all the case's interrogation recordings were asked for: the duplicates
            # carrying them go; a witness's questioning disc was not asked for
            for p in c.pairs:
                if not any(r.kind == "interrogation" for r in p.recordings):
                    continue
                transfers.court_transfer(
                    self.session(k), box["id"], p.duplicate, self.cred(recipient), self.cred(k)
                )
                self.counts["court_transfers"] += 1

        self.at(requested_at + timedelta(minutes=25), register)
        if served_at is not None:
            self.at(served_at, serve)

    # ------------------------------------------------------------ the service calls
    def _create_case(self, c: _Case) -> None:
        intake.create_case(
            self.session(c.handlers[0]),
            c.case_no,
            c.name,
            self.dept_ids[c.dept],
            list(c.handlers),
            major=c.major,
        )

    def _register(self, c: _Case, p: _Pair, r: _Recording) -> None:
        r.rec_id = intake.register_recording(
            self.session(p.handler),
            c.case_no,
            p.person,
            p.role,
            r.start,
            r.end,
            r.place,
            r.files,
            r.kind,
            r.interruptions,
        )
        self.counts["recordings"] += 1

    def _register_pair(self, p: _Pair) -> None:
        files = [f for r in p.recordings for f in r.files]
        disc = "DVD-R" if sum(f.size for f in files) <= DVD_CAPACITY else "BD-R"
        p.original, p.duplicate = intake.register_pair(
            self.session(p.handler), [r.rec_id for r in p.recordings], files, p.burned_at, disc
        )

    def _handover(self, p: _Pair, late_reason: str | None = None) -> None:
        k = self.keeper_on_duty(self.clock.t)
        n = int(p.original[8:14])
        intake.handover(
            self.session(k),
            p.original,
            self.cred(p.handler),
            self.cred(k),
            self.seal_no(self.clock.t),
            f"封存柜A-{(n - 1) // 40 + 1:02d}-{(n - 1) % 40 + 1:02d}",
            f"副本柜B-{(n - 1) // 40 + 1:02d}-{(n - 1) % 40 + 1:02d}",
            late_reason=late_reason,
        )
        self.counts["handovers"] += 1
        if late_reason:
            self.counts["late_handovers"] += 1
            self.counts["incidents"] += 1

    def _ask(
        self,
        c: _Case,
        p: _Pair,
        who: str,
        reason: str,
        est: int,
        purpose: str,
        box: dict[str, int],
    ) -> None:
        box["id"] = retrieval_requests.request_retrieval(
            self.session(who), p.duplicate, who, reason, est, purpose
        )

    def _approve(self, c: _Case, box: dict[str, int]) -> None:
        head = HEADS[c.dept]
        retrieval_requests.decide_retrieval(
            self.session(head), box["id"], self.cred(head), True, "同意调取"
        )

    def _retrieve(self, c: _Case, p: _Pair, who: str, box: dict[str, int]) -> None:
        k = self.keeper_on_duty(self.clock.t)
        dept = DEPARTMENTS["legal" if who == REVIEWER else c.dept][0]
        custody.retrieve(
            self.session(k),
            p.duplicate,
            self.cred(who),
            self.cred(k),
            box["id"],
            retriever_unit=f"{UNIT_NAME}{dept}",
        )
        self.counts["retrievals"] += 1

    def _return(
        self, p: _Pair, who: str, inspection: str, unchecked: str, note: str, late: bool
    ) -> None:
        k = self.keeper_on_duty(self.clock.t)
        custody.return_medium(
            self.session(k),
            p.duplicate,
            self.cred(who),
            self.cred(k),
            inspection,
            "not_checked",
            note,
            unchecked_reason=unchecked,
        )
        self.counts["returns"] += 1
        if inspection != "intact":
            self.counts["incidents"] += 1
        if late:
            self.counts["incidents"] += 1
            self.counts["late_returns"] += 1
        elif p.case not in (ARCHIVED, COURT_SERVED):
            self.samples["returned_duplicate"] = p.duplicate

    def _ack(self, head: str, p: _Pair, kind: str, note: str) -> None:
        s = self.session(head)
        found = [
            i
            for i in lookup.inbox(s)["incidents"]
            if i["kind"] == kind and i["code"] in (p.original, p.duplicate)
        ]
        for i in found:
            custody.acknowledge_incident(s, i["id"], self.cred(head), note)
            self.counts["incident_acks"] += 1

    def _submit_review(self, c: _Case) -> None:
        s = self.session(c.handlers[0])
        pending = reviews.review_status(s, c.case_no)["pending"]
        reviews.submit_for_review(
            s, c.case_no, pending, REVIEW_DEPT, "报请审核，随案移送讯问录音录像"
        )

    def _conclude(self, badge: str, c: _Case, note: str) -> None:
        transfers.conclude_case(self.session(badge), c.case_no, note)

    def _archive(self, c: _Case) -> None:
        k = self.keeper_on_duty(self.clock.t)
        s = self.session(k)
        scanned = [
            m["code"]
            for m in transfers.archive_expected(s, c.case_no)
            if m["status"] in ("sealed", "in_custody")
        ]
        transfers.archive_handover(s, c.case_no, scanned, self.cred(k), self.cred(ARCHIVIST))
        self.counts["archive_handovers"] += 1

    def _plan_unseal(self, c: _Case, p: _Pair) -> None:
        """Request (case handler) → approval (head) → unseal → reseal, within one day."""
        handler, head = c.handlers[0], HEADS[c.dept]
        box: dict[str, int] = {}

        def request() -> None:
            box["id"] = custody.request_unseal(
                self.session(handler),
                p.original,
                "check_duplicate",
                "辩护人对讯问录像副本的真实性提出异议，申请与原件比对",
                doubted_by="犯罪嫌疑人的辩护律师（某律师事务所）",
                doubt="辩护人称副本第二段录像时间码不连续，怀疑经过剪辑",
            )

        def approve() -> None:
            custody.decide_approval(
                self.session(head), box["id"], self.cred(head), True, "同意启封比对"
            )

        def unseal() -> None:
            k = self.keeper_on_duty(self.clock.t)
            custody.unseal(
                self.session(k),
                p.original,
                box["id"],
                self.cred(k),
                self.cred(handler),
                "启封原件，与副本逐一比对校验值",
            )
            self.counts["unseals"] += 1

        def reseal() -> None:
            k = self.keeper_on_duty(self.clock.t)
            custody.reseal(
                self.session(k),
                p.original,
                self.seal_no(self.clock.t),
                self.cred(k),
                self.cred(handler),
                "比对一致，重新封存",
                inspection="intact",
            )
            self.counts["reseals"] += 1

        self.at(self.day(15, 9, 30), request)
        self.at(self.day(15, 10, 15), approve)
        self.at(self.day(15, 14, 30), unseal)
        self.at(self.day(15, 16, 50), reseal)

    # ------------------------------------------------------------ seized media (issue 15)
    def plan_seized(self) -> None:
        """Seized storage media of the economic crimes cases (supervision Art. 123-134): one
        seizure in each state; the first one's sealing period (set to 70 days) ends in about
        ten days, its extension waiting for the head."""
        econ = [c for c in self.cases if c.dept == "econ"]
        a, b, c3, d = econ[0], econ[1], econ[-2], econ[-1]
        h1, h2 = HANDLERS["econ"]
        head = HEADS["econ"]
        box: dict[str, Any] = {}

        def items(*spec: tuple[str, str, str, str]) -> list[dict[str, object]]:
            return [
                {"media_type": t, "content": what, "capacity": cap, "file_formats": fmt}
                for t, what, cap, fmt in spec
            ]

        def take(
            key: str, c: _Case, days_ago: int, its: list[dict[str, object]], **kw: object
        ) -> None:
            at = self.day(days_ago, 10, 0)
            name = c.name.split("某某")[0] + "某某"

            def run() -> None:
                res = seized.intake(
                    self.session(c.handlers[0]),
                    c.case_no,
                    {
                        "cause": "涉嫌" + c.name.split("某某", 1)[1].removesuffix("案"),
                        "persons": name,
                        "record_ref": f"搜查笔录（{at.astimezone(CST):%Y年%m月%d日}）",
                        "seized_at": at,
                        "place": f"{name}住所",
                        "possessor": name,
                        "witnesses": "社区工作人员李某、王某",
                        "notice_no": f"扣押决定书〔{at.astimezone(CST):%Y}〕{len(box) + 11}号",
                        **kw,
                    },
                    its,
                )
                box[key] = res
                self.counts["seizures"] += 1
                self.counts["seized_items"] += len(res["codes"])

            self.at(at + timedelta(hours=3), run)

        def video(c: _Case, start: datetime, what: str) -> int:
            f = ManifestEntry(
                f"{start.astimezone(CST):%Y%m%d}_{what}/{what}_{start.astimezone(CST):%H%M%S}.mp4",
                30 * 60 * BITRATE,
                hashlib.sha256(f"{c.case_no}|{what}|{start}".encode()).hexdigest(),
            )
            self.counts["recordings"] += 1  # the sealing and handovers are recorded (Art. 56)
            return intake.register_recording(
                self.session(c.handlers[0]),
                c.case_no,
                c.name.split("某某")[0] + "某某",
                "suspect",
                start,
                start + timedelta(minutes=30),
                "现场" if what == "封存" else "涉案财物保管室",
                [f],
                "sealing",
            )

        def seal(key: str, c: _Case, days_ago: int) -> None:
            at = self.day(days_ago, 15, 0)

            def run() -> None:
                z = box[key]
                assert isinstance(z, dict)
                rec = video(c, self.day(days_ago, 10, 10), "封存")
                seized.seal(
                    self.session(c.handlers[0]),
                    z["seizure_id"],
                    {code: self.seal_no(self.clock.t) for code in z["codes"]},
                    [self.cred(h1), self.cred(h2)],
                    self.day(days_ago, 10, 40),
                    rec,
                    "signed" if key != "b" else "refused",
                    "" if key != "b" else "持有人拒绝在清单上签名，已在清单中注明",
                )

            self.at(at, run)

        def receive(key: str, days_ago: int, where: str) -> None:
            at = self.day(days_ago, 9, 30)

            def run() -> None:
                z = box[key]
                assert isinstance(z, dict)
                k = self.keeper_on_duty(self.clock.t)
                seized.receive(
                    self.session(k), z["seizure_id"], z["codes"], self.cred(h1), self.cred(k), where
                )

            self.at(at, run)

        take(
            "a",
            a,
            60,
            items(
                ("usb_stick", "公司财务账目电子表格", "64GB", "xlsx"),
                ("phone", "犯罪嫌疑人手机（含聊天记录）", "128GB", "—"),
            )
            + [
                {
                    "kind": "extracted",
                    "media_type": "hard_drive",
                    "content": "公司业务服务器合同数据（提取）",
                    "capacity": "12GB",
                    "file_formats": "sql",
                    "not_seized_reason": "服务器为在用业务系统，无法扣押",
                    "original_location": "某某公司机房2号机柜",
                    "data_source": "某某公司业务服务器",
                }
            ],
            period_days=70,
        )
        seal("a", a, 60)
        receive("a", 58, "涉案财物保管室 柜S-01")
        take(
            "b",
            b,
            50,
            items(
                ("usb_stick", "集资台账", "32GB", "xlsx, docx"),
                ("memory_card", "监控录像（与案件无关）", "16GB", "mp4"),
            ),
        )
        seal("b", b, 50)
        receive("b", 45, "涉案财物保管室 柜S-02")
        take("c", c3, 5, items(("hard_drive", "开票软件数据备份", "1TB", "db")))
        seal("c", c3, 5)
        take("d", d, 1, items(("phone", "犯罪嫌疑人手机", "256GB", "—")))

        def code(key: str, n: int) -> str:
            z = box[key]
            assert isinstance(z, dict)
            return str(z["codes"][n])

        def keeper() -> str:
            return self.keeper_on_duty(self.clock.t)

        def ask_unseal() -> None:
            box["qa"] = seized.request_unseal(
                self.session(h1), code("a", 0), "制作电子数据检验报告"
            )

        def approve(q: str, note: str) -> Callable[[], object]:
            return lambda: seized.decide(
                self.session(head), int(box[q]), self.cred(head), True, note
            )

        def unseal_a() -> None:
            seized.unseal(
                self.session(keeper()), code("a", 0), int(box["qa"]), [self.cred(h1), self.cred(h2)]
            )

        def reseal_a() -> None:
            seized.reseal(
                self.session(keeper()),
                code("a", 0),
                self.seal_no(self.clock.t),
                [self.cred(h1), self.cred(h2)],
                "检验完毕重新封存",
            )

        self.at(self.day(40, 9, 0), ask_unseal)
        self.at(self.day(40, 9, 30), approve("qa", "同意启封"))
        self.at(self.day(40, 14, 0), unseal_a)
        self.at(self.day(40, 16, 30), reseal_a)

        def find_b() -> None:
            box["qb"] = seized.find_unrelated(
                self.session(h1), [code("b", 1)], "经审查，监控录像与案件无关"
            )

        def release_b() -> None:
            k = keeper()
            seized.release(
                self.session(k),
                int(box["qb"]),
                [code("b", 1)],
                self.cred(h2),
                self.cred(k),
                b.name.split("某某")[0] + "某某",
                "signed",
            )

        self.at(self.day(20, 10, 0), find_b)
        self.at(self.day(20, 11, 0), approve("qb", "同意解除扣押并退还"))
        self.at(self.day(19, 10, 0), release_b)

        def ask_transfer_b() -> None:
            box["qt"] = seized.request_transfer(self.session(h1), [code("b", 0)], "送司法会计鉴定")

        def transfer_b() -> None:
            k = keeper()
            rec = video(b, self.clock.t - timedelta(minutes=40), "调用交接")
            seized.transfer_out(
                self.session(k), int(box["qt"]), [code("b", 0)], self.cred(h2), self.cred(k), rec
            )

        self.at(self.day(2, 9, 0), ask_transfer_b)
        self.at(self.day(2, 9, 30), approve("qt", "同意调用"))
        self.at(self.day(2, 11, 0), transfer_b)

        def extend_a() -> None:
            z = box["a"]
            assert isinstance(z, dict)
            seized.request_extension(
                self.session(h1), z["seizure_id"], 180, "电子数据鉴定尚未完成，需继续扣押"
            )

        self.at(self.day(1, 16, 0), extend_a)
        self.at(
            self.day(1, 17, 0),
            lambda: seized.inspect(
                self.session(head), self.cred(head), "抽查扣押物品登记与实物相符，封条完好"
            ),
        )
        self.seized_box = box

    # ------------------------------------------------------------ running it
    def run(self) -> DemoInfo:
        self.plan_setup()
        self.plan_cases()
        self.plan_handovers()
        self.plan_story()
        self.plan_routine_retrievals()
        self.plan_seized()
        for t, _, fn in sorted(self.events, key=lambda e: (e[0], e[1])):
            if t > self.now:
                raise AssertionError(f"demo event planned after now: {t}")
            self.clock.t = t
            fn()
        self.add_real_recordings()
        return self.info()

    def add_real_recordings(self, count: int = 2, seconds: float = 4.0) -> None:
        """A few seconds of real recordings (ffmpeg's test picture and a tone) with their
        interrogation records, stored beside the database, so that a new user can burn a
        pair at once. Without ffmpeg the demo is made all the same, without them."""
        c = self.cases[CURRENT]
        handler = c.handlers[0]
        person = _split_person(CASES[CURRENT][3][0])[0]
        st = StorageSettings.for_database(self.db.path)
        self.clock.t = self.now
        try:
            self.real_recordings = add_sample_recordings(
                self.session(handler),
                st,
                c.case_no,
                person,
                self.now - timedelta(hours=4),
                count=count,
                seconds=seconds,
                gap=timedelta(hours=1),
                place="某某市看守所讯问室2",
            )
        except (RuleViolation, OSError) as exc:
            why = exc.message if isinstance(exc, RuleViolation) else str(exc)
            self.recordings_note = (
                f"no real recordings were made ({why}); the demo works "
                "without them, but has nothing to burn"
            )
            return
        args = " ".join(f"--recording {r}" for r in self.real_recordings)
        self.recordings_note = (
            f"{len(self.real_recordings)} short real recordings of {person} in case "
            f"{c.case_no} are stored in {st.storage_root} (backup: {st.backup_root}). Burn "
            f"them as a pair: sign in as {handler}, 'Burn a pair…'; or keeper --as {handler} "
            f"burn {args} --drive stdio:/tmp/original.iso --drive stdio:/tmp/duplicate.iso"
        )

    def info(self) -> DemoInfo:
        dept_names = {k: v[0] for k, v in DEPARTMENTS.items()}
        rows: list[tuple[str, str, tuple[str, ...], str]] = [(ADMIN[0], ADMIN[1], ("admin",), "")]
        rows += [(b, n, r, dept_names[d] if d else ORG[b]) for b, n, r, d in PEOPLE]
        cases = self.cases
        plain = next(c for c in cases if c.index > OUT_NOW)
        samples = {
            "in_custody_duplicate": self.samples.get(
                "returned_duplicate", plain.pairs[1].duplicate
            ),
            "sealed_original": plain.pairs[1].original,
            "resealed_original": cases[UNSEALED].pairs[0].original,
            "out_overdue": cases[OVERDUE].pairs[1].duplicate,
            "out": cases[OUT_NOW].pairs[2].duplicate,
            "damaged_duplicate": cases[DAMAGED].pairs[0].duplicate,
            "burned_not_handed_over": cases[CURRENT].pairs[-1].original,
            "transferred_duplicate": cases[COURT_SERVED].pairs[0].duplicate,
            "archived_original": cases[ARCHIVED].pairs[0].original,
        }
        # seized media (issue 15): an item of each state
        box = getattr(self, "seized_box", {})
        for what, key, n in (
            ("seized_in_safekeeping", "a", 0),  # its sealing period ends in about ten days
            ("seized_extracted", "a", 2),
            ("seized_out", "b", 0),
            ("seized_released", "b", 1),
            ("seized_sealed", "c", 0),
            ("seized_entered", "d", 0),
        ):
            if key in box:
                samples[what] = box[key]["codes"][n]
        counts = {
            "people": len(rows),
            "departments": len(DEPARTMENTS),
            "cases": len(cases),
            "media": 2 * sum(len(c.pairs) for c in cases),
            "pairs": sum(len(c.pairs) for c in cases),
            **self.counts,
        }
        counts["real_recordings"] = len(self.real_recordings)
        return DemoInfo(
            DEMO_PASSWORD,
            UNIT_CODE,
            UNIT_NAME,
            rows,
            samples,
            counts,
            list(self.real_recordings),
            self.recordings_note,
        )


def _split_person(text: str) -> tuple[str, str]:
    """'李某(被害人)' -> ('李某', 'victim'); a bare name is a suspect."""
    if text.endswith("(被害人)"):
        return text[:-5], "victim"
    if text.endswith("(证人)"):
        return text[:-4], "witness"
    return text, "suspect"


def make_demo(db: Database, now: datetime | None = None) -> DemoInfo:
    """Fill an EMPTY database with the demo office (refused with ``not_empty`` otherwise,
    changing nothing). ``now`` is the end of the story (default: the real time)."""
    when = now or now_utc()
    if when.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return _Demo(db, when).run()
