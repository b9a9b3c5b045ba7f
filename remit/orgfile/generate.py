"""Deterministic workload generator: a whole, realistic organisation from a size and a seed.

``generate("M", 7)`` builds an :class:`~remit.domain.Organization` of about 1,000
positions with everything around them; ``generate_with_truth`` also returns a
:class:`Truth` listing the flaws planted on purpose, so that checks can be tested
against a known answer. The same size, seed and ``today`` always give an equal
organisation: one ``random.Random(seed)`` drives every choice, dates are computed
from ``today`` (default 2026-01-01), never from the clock.

Sizes (``SIZES``): S ~60 positions, M ~1,000, L ~10,000 (≈400,000 responsibilities,
≈50,000 employees). Everything else scales with the positions: departments in a tree
(positions / 8), 8 grades, a few hundred skills, 3 stages with staffing, objectives
(5 + positions / 200), plan items (positions × 1.5, goals → stages → projects →
tasks, dependencies forming a DAG), resources, needs and acquisitions, check-ins,
problems, 12 months of finance lines per category, relations with contacts and
interactions, risks with controls, runs and contingency plans, lessons, procedures
with steps, training records, handovers, openings with candidates, the owner's values.

Planted flaws (``Truth``), in known shares:

- near-duplicate responsibilities: ``DUPLICATE_SHARE`` (2 %) of the responsibility
  slots, at random places, hold a near-duplicate of a responsibility of another,
  earlier position: the same sentence with one word swapped for a synonym, one
  adverb added in front, or the frequency phrase moved to the front. Each original
  is copied at most once. ``Truth.duplicates`` lists (original, copy) keys.
- vague responsibilities ("Other duties as assigned" …): max(3, positions / 250),
  at most 40, each in a different position and all worded differently.
- positions without a purpose: max(2, positions / 300), never heads or leads.
- positions whose result-area weights do not add to 100: max(2, positions / 200).
- objectives carried by no position (no purpose or target refers to them):
  max(1, objectives / 20).
- overdue controls (last run more than one period ago): max(1, controls / 40).
- plan: max(1, plan items / 500) each of dependency conflicts (a task starting
  before a prerequisite is due), overdue open tasks, and tasks without an owner.

Outside ``Truth`` the organisation is clean for these checks: every other position
has a purpose and weights adding to 100 (in steps of 5), every other objective is
carried, every other control, active relation, procedure review and drill is within
its cadence, every other dependency is due before its dependent starts, every other
plan item has an owner, and every other item due before ``today`` is done or
cancelled.

Near-duplicates are measured on word sets (:func:`statement_words`, :func:`similarity`:
the Jaccard index) against ``NEAR_DUPLICATE_SIMILARITY`` (0.8). A planted copy is at
least that similar to its original (a swap trades one word, an adverb adds one, a
move keeps the same words). Natural statements are composed so that they stay below
it (see ``_projections``): with an exact similarity join, no natural pair reached 0.8
at S (all pairs, 20 seeds), M (a tenth of the statements against all, 14 seeds) or
L (a fiftieth against all, 2 seeds). Exact duplicates never occur.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from random import Random

from remit.domain.cadence import Cadence, CadenceUnit, add_months
from remit.domain.common import child_key
from remit.domain.control import (
    ContingencyPlan,
    Control,
    ControlKind,
    ControlRun,
    Risk,
    RiskCategory,
    RiskResponse,
    RiskSource,
    RunResult,
)
from remit.domain.duties import (
    Authority,
    Frequency,
    JDStatus,
    Period,
    Purpose,
    Responsibility,
    ResultArea,
    Target,
)
from remit.domain.methods import (
    Lesson,
    Procedure,
    ProcedureStatus,
    ProcedureStep,
    TrainingRecord,
)
from remit.domain.organization import Organization
from remit.domain.people import (
    Assignment,
    Candidate,
    CandidateStage,
    Department,
    Employee,
    EmployeeSkill,
    EmployeeStatus,
    EventKind,
    Grade,
    Handover,
    HandoverItem,
    HandoverItemKind,
    Opening,
    OpeningStatus,
    PersonnelEvent,
    Position,
    PositionSkill,
    PositionStatus,
    Skill,
    StaffingLine,
    Stage,
)
from remit.domain.plan import PlanItem, PlanKind, PlanStatus
from remit.domain.relations import (
    Contact,
    Interaction,
    InteractionKind,
    Level,
    PartyKind,
    Relation,
    RelationStatus,
)
from remit.domain.resources import (
    Acquisition,
    AcquisitionMethod,
    AcquisitionStatus,
    Resource,
    ResourceCategory,
    ResourceNeed,
)
from remit.domain.strategy import Measurement, Objective, ObjectiveStatus
from remit.domain.transparency import CheckIn, FinanceKind, FinanceLine, Problem, ProblemStatus
from remit.domain.values import Value, ValueChoice, ValueOrientation, Visibility

from . import _vocabulary as V

SIZES: dict[str, int] = {"S": 60, "M": 1_000, "L": 10_000}
REFERENCE_DATE = dt.date(2026, 1, 1)
RESPONSIBILITIES_PER_POSITION = 40  # on average: ≈400,000 at L
DUPLICATE_SHARE = 0.02
NEAR_DUPLICATE_SIMILARITY = 0.8

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Truth:
    """What the generator planted on purpose, by key, for the checks to find."""

    duplicates: tuple[tuple[str, str], ...]  # (original, near-duplicate) responsibility keys
    vague: tuple[str, ...]  # responsibility keys
    positions_without_purpose: tuple[str, ...]
    unbalanced_weights: tuple[str, ...]  # positions whose area weights do not add to 100
    uncarried_objectives: tuple[str, ...]
    overdue_controls: tuple[str, ...]
    plan_conflicts: tuple[tuple[str, str], ...]  # (item, prerequisite due after it starts)
    overdue_plan_items: tuple[str, ...]
    unowned_plan_items: tuple[str, ...]


def statement_words(text: str) -> frozenset[str]:
    """The lower-cased words of a statement: what near-duplicates are measured on."""
    return frozenset(_WORD.findall(text.lower()))


def similarity(a: str, b: str) -> float:
    """The Jaccard index of two statements' word sets (1.0: the same words)."""
    wa, wb = statement_words(a), statement_words(b)
    union = len(wa | wb)
    return len(wa & wb) / union if union else 1.0


def generate(size: str, seed: int, *, today: dt.date | None = None) -> Organization:
    """A whole organisation of ``size`` (S, M or L), the same for the same seed and day."""
    return generate_with_truth(size, seed, today=today)[0]


def generate_with_truth(
    size: str, seed: int, *, today: dt.date | None = None
) -> tuple[Organization, Truth]:
    """The organisation of :func:`generate` and the flaws planted in it."""
    if size.upper() not in SIZES:
        raise ValueError(f"unknown size {size!r}: use one of {', '.join(SIZES)}")
    return _Builder(SIZES[size.upper()], seed, today or REFERENCE_DATE).build()


# --- small helpers ---------------------------------------------------------------------

_DECIMALS: dict[object, Decimal] = {}


def _dec(value: int | str) -> Decimal:
    """A shared Decimal per value: hundreds of thousands of weights and shares are few values."""
    d = _DECIMALS.get(value)
    if d is None:
        d = _DECIMALS[value] = Decimal(value)
    return d


def _apportion(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    wsum = sum(weights)
    raw = [total * w / wsum for w in weights]
    out = [int(r) for r in raw]
    rest = total - sum(out)
    # Ties broken by index, so the result never depends on anything but the inputs.
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[:rest]:
        out[i] += 1
    return out


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def _lower_title(title: str) -> str:
    """'HR Director' -> 'HR director': a title inside a sentence."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title.split())


_IT = re.compile(r"\bit\b")


def _plural(phrase: str) -> bool:
    """'supplier invoices' and 'accruals and deferrals' are plural; 'the price list' is not."""
    last = phrase.rsplit(" ", 1)[-1]
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _width(count: int) -> int:
    return max(3, len(str(count)))


_CADENCE = {
    "monthly": Cadence(1, CadenceUnit.MONTH),
    "quarterly": Cadence(3, CadenceUnit.MONTH),
    "half-yearly": Cadence(6, CadenceUnit.MONTH),
    "yearly": Cadence(1, CadenceUnit.YEAR),
}

# Templates by kind, each with the placeholder it holds (at most one).
_SLOT = re.compile(r"\{(\w+)\}")


def _template(text: str) -> tuple[str, str | None]:
    m = _SLOT.search(text)
    return text, (m.group(1) if m else None)


_QUALIFIERS = [_template(q) for q, _ in V.QUALIFIERS]
_QUALIFIERS_BY_KIND = {
    kind: [i for i, (_, kinds) in enumerate(V.QUALIFIERS) if kinds == "*" or kind in kinds.split()]
    for kind in V.VERBS
}
# Follow-ups (which take a deadline) and standards (which stand alone) share one id space.
# One id per text: "so that {outcome}" is a standard of several kinds, and two
# statements using it must meet in the projection keys whatever their objects' kinds.
_STANDARD_IDS: dict[str, int] = {}
for _kind in V.VERBS:
    for _text in (*V.FOLLOW_UPS[_kind], *V.STANDARDS[_kind]):
        _STANDARD_IDS.setdefault(_text, len(_STANDARD_IDS))
_STANDARDS = [_template(text) for text in _STANDARD_IDS]
_FOLLOW_UPS_BY_KIND = {k: [_STANDARD_IDS[t] for t in V.FOLLOW_UPS[k]] for k in V.VERBS}
_STANDARDS_BY_KIND = {k: [_STANDARD_IDS[t] for t in V.STANDARDS[k]] for k in V.VERBS}
_DEADLINES = [_template(d) for d in V.DEADLINES]
_FREQ_PHRASES: list[tuple[str, Frequency]] = [
    (phrase, Frequency(code)) for code, phrases in V.FREQUENCY_PHRASES.items() for phrase in phrases
]
_FREQ_PHRASES_BY_CODE = {
    code: [i for i, (_, f) in enumerate(_FREQ_PHRASES) if f.value == code]
    for code in V.FREQUENCY_PHRASES
}
# Templates are drawn with weight (number of values of their slot) ** 0.8: a template
# without a slot yields one sentence per object, one with a site or a meeting many;
# drawn uniformly, the slot-free ones would run out first and crowd the retries.
_SLOT_SIZES = {**{k: len(v) for k, v in V.SLOT_VALUES.items()}, "site": len(V.SITES)}
_SLOT_SIZES.update(team=10, boss=20, outcome=3)


def _cumulative(ids: list[int], templates: list) -> tuple[list[int], list[float]]:
    total, cum = 0.0, []
    for i in ids:
        slot = templates[i][1]
        total += _SLOT_SIZES[slot] ** 0.8 if slot else 1.0
        cum.append(total)
    return ids, cum


_QUALIFIER_DRAW = {k: _cumulative(ids, _QUALIFIERS) for k, ids in _QUALIFIERS_BY_KIND.items()}
_FOLLOW_UP_DRAW = {k: _cumulative(ids, _STANDARDS) for k, ids in _FOLLOW_UPS_BY_KIND.items()}
_STANDARD_DRAW = {k: _cumulative(ids, _STANDARDS) for k, ids in _STANDARDS_BY_KIND.items()}
_DEADLINE_DRAW = _cumulative(list(range(len(_DEADLINES))), _DEADLINES)
_VERB_IDS = {
    verb: i for i, verb in enumerate(dict.fromkeys(v for vs in V.VERBS.values() for v in vs))
}
_OBJECT_IDS: dict[str, int] = {}
for _f in V.FUNCTIONS:
    for _a in (*_f.areas, *V.MANAGEMENT_AREAS):
        for _phrase, _ in _a.objects:
            _OBJECT_IDS.setdefault(_phrase, len(_OBJECT_IDS))
_AUTHORITY = {
    "Approve": Authority.APPROVES,
    "Advise": Authority.ADVISES,
    "Receive": Authority.INFORMED,
}
_TIME_WEIGHT = {
    Frequency.DAILY: 3.0,
    Frequency.WEEKLY: 2.0,
    Frequency.MONTHLY: 1.2,
    Frequency.QUARTERLY: 0.6,
    Frequency.YEARLY: 0.4,
    Frequency.AS_NEEDED: 0.8,
    Frequency.ONGOING: 1.5,
    None: 0.5,
}
_GENERIC_BOSSES = (
    "line manager",
    "department head",
    "managing director",
    "operations manager",
    "finance director",
)


# Bit widths of the ids packed into projection keys (checked here, at import).
_O, _V, _F, _Q, _S, _D, _SLOT_BITS = 10, 7, 5, 7, 9, 6, 16
if not (
    len(_OBJECT_IDS) < 1 << _O
    and len(_VERB_IDS) < 1 << _V
    and len(_FREQ_PHRASES) < 1 << _F
    and len(_QUALIFIERS) < 1 << _Q
    and len(_STANDARDS) < 1 << _S
    and len(_DEADLINES) + 1 < 1 << _D
):
    raise RuntimeError("the vocabulary outgrew the projection keys' bit widths")


def _projections(
    o: int, v: int, f: int, q: int, qs: int, s: int, ss: int, d: int, ds: int
) -> tuple[int, ...]:
    """The keys a natural statement claims; a statement is only used if all six are new.

    Components: object, verb, frequency phrase, qualifier (template, slot value),
    standard (template, slot value), deadline (template, slot value). Templates of a
    kind differ in at least three words besides "the", "of" and the like; single
    components (verb, frequency, a slot value) in one or two. The keys keep any two
    statements apart by more than a word or two, so that their word sets stay below
    ``NEAR_DUPLICATE_SIMILARITY``:

    0. object + the three templates: never only verb, frequency or values apart;
    1. verb + frequency + templates: nor another object with other values;
    2–4. object + two templates with their values: one template apart is not enough;
    5. the three templates with their values: another object, verb or frequency is not
       enough (a frequency's words may recur in a deadline: "each quarter").

    Keys 0 and 1 need no slot values, so they are checked before values are drawn.
    """
    return (*_template_keys(o, v, f, q, s, d), *_value_keys(o, q, qs, s, ss, d, ds))


def _template_keys(o: int, v: int, f: int, q: int, s: int, d: int) -> tuple[int, int]:
    return (
        ((o << _Q | q) << _S | s) << _D | d,
        (((v << _F | f) << _Q | q) << _S | s) << _D | d,
    )


def _value_keys(
    o: int, q: int, qs: int, s: int, ss: int, d: int, ds: int
) -> tuple[int, int, int, int]:
    qv = q << _SLOT_BITS | qs  # qualifier with its value
    sv = s << _SLOT_BITS | ss
    dv = d << _SLOT_BITS | ds
    dw = _D + _SLOT_BITS
    sdv = sv << dw | dv
    return (
        (o << (_Q + _SLOT_BITS) | qv) << (_S + _SLOT_BITS) | sv,
        (o << (_Q + _SLOT_BITS) | qv) << dw | dv,
        o << (_S + _SLOT_BITS + dw) | sdv,
        qv << (_S + _SLOT_BITS + dw) | sdv,
    )


@dataclass(slots=True)
class _Pos:
    """A position while it is being built (mutable; frozen into a Position at the end)."""

    key: str
    title: str
    dept: str
    reports_to: str | None
    grade: int  # 1..8
    headcount: int
    tier: str  # ceo, head, lead, spec, staff
    func: V.FunctionT
    unit: V.UnitT | None
    site: str | None
    status: PositionStatus
    confidential: bool


@dataclass(slots=True)
class _Emp:
    key: str
    name: str
    email: str
    phone: str
    user_email: str
    hired_on: dt.date
    left_on: dt.date | None
    status: EmployeeStatus
    assignments: list[Assignment]
    skills: list[EmployeeSkill]
    events: list[PersonnelEvent]


@dataclass(slots=True)
class _Item:
    """A plan item while the plan is being laid out."""

    key: str
    title: str
    kind: PlanKind
    parent: str | None
    objective: str | None
    func: V.FunctionT
    start: dt.date
    due: dt.date
    owner: str | None
    depends_on: list[str]
    status: PlanStatus = PlanStatus.NOT_STARTED
    progress: int = 0
    assignee: str | None = None


class _Builder:
    """Builds one organisation; every random choice goes through ``self.rng`` in a fixed order."""

    def __init__(self, positions: int, seed: int, today: dt.date) -> None:
        self.rng = Random(seed)
        self.n = positions
        self.today = today
        self._slot_ids: dict[str, int] = {}
        self._interned: dict[str, str] = {}

    # --- shared small tools ---

    def _intern(self, text: str) -> str:
        """One string object per distinct title or phrase (thousands of positions share them)."""
        return self._interned.setdefault(text, text)

    def _sid(self, text: str) -> int:
        sid = self._slot_ids.setdefault(text, len(self._slot_ids))
        if sid >= (1 << _SLOT_BITS) - 1:
            raise RuntimeError("too many distinct slot values for the projection keys")
        return sid

    def _days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def _name(self) -> tuple[str, str]:
        return self.rng.choice(V.FIRST_NAMES), self.rng.choice(V.LAST_NAMES)

    def _phone(self) -> str:
        r = self.rng
        return f"+{r.choice((31, 32, 33, 39, 43, 45, 46, 48, 49))} {r.randint(10, 99)} 555 {r.randint(1000, 9999)}"

    def build(self) -> tuple[Organization, Truth]:
        rng = self.rng
        company = rng.choice(V.COMPANY_NAMES)
        self.domain = f"{_slug(company).replace('-', '')}.example"
        self._structure()
        self._skills()
        self._objectives()
        self._procedure_keys()
        self._duties()
        self._people()
        self._plan()
        self._resources()
        self._finance()
        self._relations()
        self._control()
        self._methods()
        self._stages()
        self._openings()
        self._handovers()
        values = self._values()
        org = Organization(
            name=f"{company} {rng.choice(V.LEGAL_FORMS)}",
            slug=_slug(company),
            language="en",
            currency="EUR",
            fiscal_year_start=1,
            values=values,
            departments=self.departments,
            grades=self.grades,
            positions=self.positions,
            skills=self.skills,
            stages=self.stages,
            employees=self.employees,
            openings=self.openings,
            handovers=self.handovers,
            objectives=self.objectives,
            plan=self.plan,
            resources=self.resources,
            resource_needs=self.resource_needs,
            acquisitions=self.acquisitions,
            checkins=self.checkins,
            problems=self.problems,
            finance=self.finance,
            relations=self.relations,
            risks=self.risks,
            controls=self.controls,
            contingency_plans=self.contingency_plans,
            lessons=self.lessons,
            procedures=self.procedures,
            training=self.training,
        )
        truth = Truth(
            duplicates=tuple(self.t_duplicates),
            vague=tuple(self.t_vague),
            positions_without_purpose=tuple(self.t_no_purpose),
            unbalanced_weights=tuple(self.t_unbalanced),
            uncarried_objectives=tuple(self.t_uncarried),
            overdue_controls=tuple(self.t_overdue_controls),
            plan_conflicts=tuple(self.t_conflicts),
            overdue_plan_items=tuple(self.t_overdue_items),
            unowned_plan_items=tuple(self.t_unowned_items),
        )
        return org, truth

    # --- A7: departments, grades, positions -------------------------------------------

    def _structure(self) -> None:
        rng, n = self.rng, self.n
        n_depts = max(2, round(n / 8))
        mgt, all_funcs = V.FUNCTIONS[0], V.FUNCTIONS[1:]
        core = [f for f in all_funcs if f.code in ("FIN", "SAL", "OPS", "HR")]
        others = [f for f in all_funcs if f.code not in ("FIN", "SAL", "OPS", "HR")]
        rng.shuffle(others)
        chosen = {f.code for f in (core + others)[: min(len(all_funcs), n_depts - 1)]}
        self.funcs = [f for f in all_funcs if f.code in chosen]  # vocabulary order
        self.team_words = [f.team for f in self.funcs]

        # The department tree: root, functions, their units, then units per site.
        root = "EXEC"
        tree: dict[str, list[str]] = {root: []}
        info: dict[str, tuple[V.FunctionT, V.UnitT | None, str | None, int]] = {
            root: (mgt, None, None, 0)
        }
        names = {root: mgt.name}
        purposes = {root: mgt.purpose}
        for f in self.funcs:
            tree[root].append(f.code)
            tree[f.code] = []
            info[f.code] = (f, None, None, 1)
            names[f.code], purposes[f.code] = f.name, f.purpose
        remaining = n_depts - 1 - len(self.funcs)
        order = list(self.funcs)
        rng.shuffle(order)
        units: list[tuple[V.FunctionT, V.UnitT]] = []
        for i in range(max(len(f.units) for f in order)):
            units.extend((f, f.units[i]) for f in order if i < len(f.units))
        units = units[: max(0, remaining)]
        units.sort(key=lambda fu: (self.funcs.index(fu[0]), fu[0].units.index(fu[1])))
        for f, u in units:
            key = f"{f.code}-{u.code}"
            tree[f.code].append(key)
            tree[key] = []
            info[key] = (f, u, None, 2)
            names[key], purposes[key] = u.name, u.function
        n_sites = remaining - len(units)
        if n_sites > 0:
            counts = _apportion(n_sites, [rng.uniform(0.5, 1.5) for _ in units])
            # A unit has at most one department per site; spill the excess to the others.
            spill = 0
            for i, c in enumerate(counts):
                if c > len(V.SITES):
                    spill += c - len(V.SITES)
                    counts[i] = len(V.SITES)
            i = 0
            while spill:
                if counts[i % len(counts)] < len(V.SITES):
                    counts[i % len(counts)] += 1
                    spill -= 1
                i += 1
            for (f, u), c in zip(units, counts, strict=True):
                unit_key = f"{f.code}-{u.code}"
                for code, city in rng.sample(V.SITES, c):
                    key = f"{unit_key}-{code}"
                    tree[unit_key].append(key)
                    tree[key] = []
                    info[key] = (f, u, city, 3)
                    names[key] = f"{u.name} {city}"
                    purposes[key] = f"{u.function[:-1]} at the {city} site."

        # Depth-first order: a department is always listed after its parent.
        dfs: list[tuple[str, str | None]] = []
        stack: list[tuple[str, str | None]] = [(root, None)]
        while stack:
            key, parent = stack.pop()
            dfs.append((key, parent))
            stack.extend((child, key) for child in reversed(tree[key]))
        self.departments = {
            key: Department(key, names[key], parent, self._intern(purposes[key]))
            for key, parent in dfs
        }
        self.dept_info = info

        self.grades = {
            f"G{i + 1}": Grade(f"G{i + 1}", f"G{i + 1} {name}", _dec(cost))
            for i, (name, cost) in enumerate(V.GRADES)
        }

        # Positions: a head per department, the rest spread over the departments,
        # most of them in the leaves where the work is done.
        weights = [
            rng.uniform(0.7, 1.3) if not tree[key] else rng.uniform(0.15, 0.35) for key, _ in dfs
        ]
        extras = _apportion(n - len(dfs), weights)
        self.pos: list[_Pos] = []
        head_of: dict[str, str] = {}
        for (dkey, parent), extra in zip(dfs, extras, strict=True):
            f, u, city, level = info[dkey]
            if level == 0:
                hkey, title, grade = "CEO", "Chief Executive Officer", 8
            elif level == 1:
                hkey, title, grade = f"{dkey}-HEAD", f.head, 7
            elif level == 2:
                hkey, title, grade = f"{dkey}-HEAD", f"{u.name} Manager", 6
            else:
                hkey, title, grade = f"{dkey}-HEAD", f"{u.name} Manager {city}", 5
            head_of[dkey] = hkey
            confidential = f.code in ("MGT", "FIN", "HR", "LEG", "RND") and level <= 2
            self.pos.append(
                _Pos(hkey, self._intern(title), dkey, head_of.get(parent) if parent else None,
                     grade, 1, "ceo" if level == 0 else "head", f, u, city,
                     PositionStatus.ACTIVE, confidential)
            )  # fmt: skip
            roles = f.roles
            n_leads = (extra - 2) // 6 if extra >= 8 and level > 0 else 0
            leads = [f"{dkey}-TL{i + 1}" for i in range(n_leads)]
            for lkey in leads:
                self.pos.append(
                    _Pos(lkey, self._intern(f.lead), dkey, hkey, 5, 1, "lead", f, u, city,
                         PositionStatus.ACTIVE, False)
                )  # fmt: skip
            per_role: dict[str, int] = {}
            # Roles with many holders (operators, clerks) are the bulk of a company.
            role_weights = [2.0 if r.tier == "staff" else 1.0 for r in roles]
            for i in range(extra - n_leads):
                role = rng.choices(roles, role_weights)[0]
                per_role[role.code] = per_role.get(role.code, 0) + 1
                key = f"{dkey}-{role.code}{per_role[role.code]}"
                staff = role.tier == "staff"
                boss = leads[i % len(leads)] if leads and staff else hkey
                headcount = (
                    rng.choice((2, 3, 4, 6, 8, 10, 12, 15, 20, 25))
                    if staff
                    else rng.choice((1, 1, 1, 2, 2, 3))
                )
                grade = rng.choice((1, 2, 2, 3)) if staff else rng.choice((4, 4, 5))
                status = PositionStatus.PLANNED if rng.random() < 0.02 else PositionStatus.ACTIVE
                if status is PositionStatus.PLANNED:
                    headcount = rng.choice((1, 2))
                confidential = f.code in ("FIN", "HR", "LEG", "RND") and rng.random() < 0.3
                self.pos.append(
                    _Pos(key, role.title, dkey, boss, grade, headcount, role.tier, f, u, city,
                         status, confidential)
                )  # fmt: skip
        self._balance_headcount()
        self.pos_by_key = {p.key: p for p in self.pos}
        self.subordinates: dict[str, list[_Pos]] = {}
        for p in self.pos:
            if p.reports_to:
                self.subordinates.setdefault(p.reports_to, []).append(p)
        self.by_func: dict[str, list[_Pos]] = {}
        for p in self.pos:
            self.by_func.setdefault(p.func.code, []).append(p)
        self.active_by_func = {
            code: [p for p in ps if p.status is PositionStatus.ACTIVE]
            for code, ps in self.by_func.items()
        }
        self.managers_by_func: dict[str, list[_Pos]] = {
            code: [p for p in ps if p.tier in ("ceo", "head", "lead")]
            for code, ps in self.by_func.items()
        }
        self.func_head: dict[str, str] = {"MGT": "CEO"}
        for f in self.funcs:
            self.func_head[f.code] = f"{f.code}-HEAD"

    def _balance_headcount(self) -> None:
        """Scale the staff positions' headcounts to ≈5.15 per position in all.

        With vacancies (≈6 %) and leavers (≈3.5 %) that is about 5 employees per
        position at every size; without it a small company's count swings with a
        few large operator positions.
        """
        active = [p for p in self.pos if p.status is PositionStatus.ACTIVE]
        staff = [p for p in active if p.tier == "staff"]
        if not staff:
            return
        fixed = sum(p.headcount for p in active if p.tier != "staff")
        goal = max(len(staff), round(5.15 * self.n) - fixed)
        factor = goal / sum(p.headcount for p in staff)
        for p in staff:
            p.headcount = max(1, round(p.headcount * factor))
        diff = goal - sum(p.headcount for p in staff)
        i = 0
        while diff:
            p = staff[self.rng.randrange(len(staff))]
            step = 1 if diff > 0 else -1
            if p.headcount + step >= 1:
                p.headcount += step
                diff -= step
            i += 1
            if i > 100 * len(staff):  # cannot shrink below one per position
                break

    def _skills(self) -> None:
        # Function skills and general ones, interleaved so that a small company gets a mix.
        lists = [[(f.name, s) for s in f.skills] for f in (V.FUNCTIONS[0], *self.funcs)]
        lists += [[(cat, s) for s in skills] for cat, skills in V.GENERIC_SKILLS.items()]
        pool: list[tuple[str, str]] = []
        for i in range(max(len(lst) for lst in lists)):
            pool.extend(lst[i] for lst in lists if i < len(lst))
        # "Negotiation" is a skill of several functions: one skill, listed where first seen.
        first: dict[str, tuple[str, str]] = {}
        for category, name in pool:
            first.setdefault(name, (category, name))
        pool = list(first.values())
        count = min(len(pool), max(40, self.n // 4))
        w = _width(count)
        self.skills: dict[str, Skill] = {}
        self.skill_by_name: dict[str, str] = {}
        for i, (category, name) in enumerate(pool[:count]):
            key = f"SK{i + 1:0{w}d}"
            self.skills[key] = Skill(key, name, category)
            self.skill_by_name[name] = key
        general = [k for k, s in self.skills.items() if s.category in V.GENERIC_SKILLS]
        self.general_skills = general

    # --- A2: objectives ---------------------------------------------------------------

    def _objectives(self) -> None:
        rng, today = self.rng, self.today
        count = 5 + self.n // 200
        funcs = [V.FUNCTIONS[0], *self.funcs]
        templates: list[tuple[V.FunctionT, V.ObjectiveT]] = []
        for i in range(3):
            templates.extend((f, f.objectives[i]) for f in funcs if i < len(f.objectives))
        # The first objectives are the company's core ones; later ones vary by region.
        head = templates[:5]
        tail = templates[5:]
        rng.shuffle(tail)
        templates = head + tail
        regions = list(V.SLOT_VALUES["region"])
        w = _width(count)
        self.objectives: dict[str, Objective] = {}
        self.objectives_by_func: dict[str, list[str]] = {}
        n_uncarried = max(1, count // 20)
        self.t_uncarried: list[str] = []
        for i in range(count):
            f, t = templates[i % len(templates)]
            rounds = i // len(templates)
            title = (
                t.title
                if rounds == 0
                else f"{t.title} in the {regions[(i + rounds) % len(regions)]} region"
            )
            key = f"OBJ-{i + 1:0{w}d}"
            scale = self.n / 1000 if t.scale else 1
            baseline = Decimal(t.baseline) * Decimal(str(round(scale, 3)))
            target = Decimal(t.target) * Decimal(str(round(scale, 3)))
            baseline, target = baseline.quantize(Decimal("0.1")), target.quantize(Decimal("0.1"))
            owner = self.func_head[f.code]
            if rounds and self.managers_by_func.get(f.code):
                owner = rng.choice(self.managers_by_func[f.code]).key
            deadline = dt.date(today.year + rng.choice((0, 1, 1, 2)), 12, 31)
            every = _CADENCE[rng.choice(("monthly", "quarterly"))]
            # Measurements from a year ago to today, moving from the baseline towards the target.
            start = add_months(dt.date(today.year, today.month, 1), -12)
            days = every.occurrences(start, today - dt.timedelta(days=1))
            measurements = []
            for j, day in enumerate(days):
                share = (j + 1) / (len(days) + rng.randint(2, 8))
                value = baseline + (target - baseline) * Decimal(
                    str(round(share + rng.uniform(-0.08, 0.08), 3))
                )
                measurements.append(
                    Measurement(child_key(key, j), day, value.quantize(Decimal("0.1")))
                )
            status = ObjectiveStatus.ACTIVE
            uncarried = i >= count - n_uncarried
            if not uncarried and rng.random() < 0.06:
                status = rng.choice((ObjectiveStatus.ACHIEVED, ObjectiveStatus.DROPPED))
            self.objectives[key] = Objective(
                key=key,
                title=title,
                description=f"Serves the {f.name.lower()} plan: {t.metric} from {baseline} to {target} {t.unit}.",
                metric=t.metric,
                unit=t.unit,
                baseline=baseline,
                target=target,
                deadline=deadline,
                owner=owner,
                serves=Value(t.value),
                status=status,
                measure_every=every,
                measurements=tuple(measurements),
            )
            if uncarried:
                self.t_uncarried.append(key)
            else:
                self.objectives_by_func.setdefault(f.code, []).append(key)
        # The owner of each carried objective carries it in the purpose of the position.
        self.purpose_objectives: dict[str, list[str]] = {}
        for key, o in self.objectives.items():
            if key not in self.t_uncarried and o.owner:
                self.purpose_objectives.setdefault(o.owner, []).append(key)

    # --- A9 (keys first): procedures are referenced by responsibilities ----------------

    def _procedure_keys(self) -> None:
        rng = self.rng
        count = max(8, self.n // 10)
        funcs = [V.FUNCTIONS[0], *self.funcs]
        w = _width(count)
        self.proc_plan: list[tuple[str, str, V.FunctionT, ProcedureStatus]] = []
        self.active_procs_by_func: dict[str, list[str]] = {}
        sites = [city for _, city in V.SITES]
        for i in range(count):
            f = funcs[i % len(funcs)]
            j = i // len(funcs)
            base = f.procedures[j % len(f.procedures)]
            title = base if j < len(f.procedures) else f"{base} – {sites[(i + j) % len(sites)]}"
            key = f"SOP-{i + 1:0{w}d}"
            r = rng.random()
            status = (
                ProcedureStatus.ACTIVE
                if r < 0.85
                else ProcedureStatus.DRAFT
                if r < 0.95
                else ProcedureStatus.RETIRED
            )
            self.proc_plan.append((key, title, f, status))
            if status is ProcedureStatus.ACTIVE:
                self.active_procs_by_func.setdefault(f.code, []).append(key)
        self.proc_positions: dict[str, dict[str, None]] = {}

    # --- B1–B4: purpose, result areas, targets, responsibilities ----------------------

    def _duties(self) -> None:
        rng = self.rng
        self.statements: set[str] = set()
        self._keys: tuple[set[int], ...] = tuple(set() for _ in range(6))
        self._pools: dict[str, list[tuple]] = {}
        self._dup_credit = 0.0
        self.t_duplicates: list[tuple[str, str]] = []
        self.t_vague: list[str] = []
        self.t_no_purpose: list[str] = []
        self.t_unbalanced: list[str] = []

        # Plant the position-level flaws in disjoint sets of positions.
        n = len(self.pos)
        eligible = [i for i, p in enumerate(self.pos) if p.tier in ("spec", "staff")]
        n_nopurpose = max(2, n // 300)
        n_unbalanced = max(2, n // 200)
        n_vague = min(len(V.VAGUE), max(3, n // 250))
        picked = rng.sample(eligible, n_nopurpose)
        no_purpose = set(picked)
        rest = [i for i in range(n) if i not in no_purpose]
        picked = rng.sample(rest, n_unbalanced + n_vague)
        unbalanced = set(picked[:n_unbalanced])
        vague_at = {i: V.VAGUE[j] for j, i in enumerate(sorted(picked[n_unbalanced:]))}

        self.func_objects: dict[str, list[tuple[str, str, int]]] = {}
        self.area_objects: dict[int, list[tuple[str, str, int]]] = {}
        for f in (V.FUNCTIONS[0], *self.funcs):
            objs = []
            for a in f.areas:
                lst = [(phrase, kind, _OBJECT_IDS[phrase]) for phrase, kind in a.objects]
                self.area_objects[id(a)] = lst
                objs.extend(lst)
            self.func_objects[f.code] = objs
        for a in V.MANAGEMENT_AREAS:
            self.area_objects[id(a)] = [(p, k, _OBJECT_IDS[p]) for p, k in a.objects]

        self.positions: dict[str, Position] = {}
        self.resp_keys: dict[str, list[str]] = {}
        for i, p in enumerate(self.pos):
            self._position(p, i in no_purpose, i in unbalanced, vague_at.get(i))
        # Only needed while composing: free them before the employees are built.
        del self._keys, self._pools, self.statements

    def _position(self, p: _Pos, no_purpose: bool, unbalanced: bool, vague: str | None) -> None:
        rng = self.rng
        boss_title = _lower_title(self.pos_by_key[p.reports_to].title) if p.reports_to else "owner"
        # Result areas: the unit's focus first, then the function's others, with the
        # management areas for those who lead people.
        fareas = list(p.func.areas)
        focus = [fareas[i] for i in p.unit.focus] if p.unit else []
        others = [a for a in fareas if a not in focus]
        rng.shuffle(others)
        k = rng.randint(3, 6)
        if p.tier in ("ceo", "head", "lead"):
            mgmt = list(V.MANAGEMENT_AREAS)
            extra = [mgmt[0], *rng.sample(mgmt[1:], rng.randint(0, 2))]
            # Production has its own "Continuous improvement": one area per title.
            own = {a.title for a in fareas}
            extra = [a for a in extra if a.title not in own]
            areas = (focus + others)[: max(1, k - len(extra))] + extra
        else:
            areas = (focus + others)[:k]
            if len(areas) < k:
                areas.append(V.MANAGEMENT_AREAS[2])
        k = len(areas)
        units = _apportion(
            20 - 2 * k, [rng.uniform(1.0, 2.5) * (1.5 if j < 2 else 1.0) for j in range(k)]
        )
        weights = [5 * (u + 2) for u in units]
        if unbalanced:
            j = rng.randrange(k)
            weights[j] += rng.choice((-5, 5, 10)) if weights[j] > 10 else rng.choice((5, 10))
            self.t_unbalanced.append(p.key)

        # Targets: 1–3 per area; responsibilities spread over them by area weight.
        objectives = self.objectives_by_func.get(p.func.code, [])
        area_targets: list[list[tuple[V.TargetT, str | None]]] = []
        for a in areas:
            chosen = rng.sample(a.targets, rng.randint(1, min(3, len(a.targets))))
            area_targets.append(
                [
                    (t, rng.choice(objectives) if objectives and rng.random() < 0.15 else None)
                    for t in chosen
                ]
            )
        flat = [(ai, ti) for ai, ts in enumerate(area_targets) for ti in range(len(ts))]
        total = max(len(flat), round(rng.triangular(24, 56, 40)))
        spread = [1] * len(flat)
        for j in rng.choices(
            range(len(flat)),
            [weights[ai] / len(area_targets[ai]) for ai, _ in flat],
            k=total - len(flat),
        ):
            spread[j] += 1

        ctx = (p, boss_title)
        specs: list[list[tuple]] = [[] for _ in flat]
        for j, (ai, _ti) in enumerate(flat):
            objects = self.area_objects[id(areas[ai])]
            for _ in range(spread[j]):
                spec = None
                # Credit, not a coin per slot: the share stays exactly DUPLICATE_SHARE
                # (within one or two copies) while the copies still land at random.
                self._dup_credit += DUPLICATE_SHARE
                if self._dup_credit >= 2 or (self._dup_credit >= 1 and rng.random() < 0.05):
                    spec = self._near_duplicate(p)
                    if spec is not None:
                        self._dup_credit -= 1
                if spec is None:
                    spec = self._compose(objects, ctx)
                specs[j].append(spec)
        if vague:
            j = rng.randrange(len(flat))
            specs[j].append(("vague", vague, None, Authority.EXECUTES))

        # Time shares in half percents, adding to 100 %, heavier for frequent work.
        all_specs = [s for lst in specs for s in lst]
        halves = _apportion(200 - len(all_specs), [_TIME_WEIGHT[s[2]] for s in all_specs])
        shares = iter(_dec(str((h + 1) / 2).removesuffix(".0")) for h in halves)
        procs = self.active_procs_by_func.get(p.func.code, [])

        result_areas = []
        keys_out: list[str] = []
        pool = self._pools.setdefault(p.func.code, [])
        new_pool: list[tuple] = []
        j = 0
        for ai, a in enumerate(areas):
            akey = child_key(p.key, ai)
            targets = []
            for ti, (t, objective) in enumerate(area_targets[ai]):
                tkey = child_key(akey, ti)
                resps = []
                for ri, spec in enumerate(specs[j]):
                    rkey = child_key(tkey, ri)
                    kind, statement, frequency, authority = spec[0], spec[1], spec[2], spec[3]
                    refs: tuple[str, ...] = ()
                    if kind == "natural" and procs and rng.random() < 0.04:
                        proc = rng.choice(procs)
                        refs = (proc,)
                        self.proc_positions.setdefault(proc, {})[p.key] = None
                    resps.append(
                        Responsibility(rkey, statement, frequency, next(shares), authority, refs)
                    )
                    keys_out.append(rkey)
                    if kind == "natural":
                        new_pool.append((rkey, *spec[4:], frequency, authority))
                    elif kind == "duplicate":
                        self.t_duplicates.append((spec[4], rkey))
                    else:
                        self.t_vague.append(rkey)
                targets.append(
                    Target(
                        key=tkey,
                        statement=t.statement,
                        metric=t.metric,
                        target=self._fill_target(t.target),
                        period=Period(t.period),
                        deadline=dt.date(self.today.year, 12, 31) if rng.random() < 0.1 else None,
                        objective=objective,
                        responsibilities=tuple(resps),
                    )
                )
                j += 1
            result_areas.append(
                ResultArea(akey, a.title, _dec(weights[ai]), a.description, tuple(targets))
            )
        pool.extend(new_pool)
        self.resp_keys[p.key] = keys_out

        purpose = Purpose() if no_purpose else self._purpose(p, boss_title)
        if no_purpose:
            self.t_no_purpose.append(p.key)
        skills = self._position_skills(p)
        r = rng.random()
        jd = JDStatus.APPROVED if r < 0.6 else JDStatus.SUBMITTED if r < 0.75 else JDStatus.DRAFT
        self.positions[p.key] = Position(
            key=p.key,
            title=p.title,
            department=p.dept,
            reports_to=p.reports_to,
            grade=f"G{p.grade}",
            headcount=p.headcount,
            status=p.status,
            confidentiality_required=p.confidential,
            purpose=purpose,
            result_areas=tuple(result_areas),
            skills=skills,
            jd_status=JDStatus.DRAFT if no_purpose else jd,
        )

    def _fill_target(self, text: str) -> str:
        m = _SLOT.search(text)
        if not m:
            return text
        return text.replace(m.group(0), self.rng.choice(V.TARGET_NUMBERS[m.group(1)]))

    def _slot(self, name: str | None, ctx: tuple[_Pos, str]) -> tuple[str, int]:
        """A value for a template's placeholder, and its id for the projection keys."""
        if name is None:
            return "", 0
        rng = self.rng
        p, boss = ctx
        if name == "site":
            value = p.site if p.site and rng.random() < 0.6 else rng.choice(V.SITES)[1]
        elif name == "team":
            value = rng.choice(self.team_words)
        elif name == "boss":
            value = boss if rng.random() < 0.7 else rng.choice(_GENERIC_BOSSES)
        elif name == "outcome":
            value = rng.choice(p.func.outcomes)
        else:
            value = rng.choice(V.SLOT_VALUES[name])
        return value, self._sid(value) + 1

    def _compose(self, objects: list[tuple[str, str, int]], ctx: tuple[_Pos, str]) -> tuple:
        """A natural statement: verb + object + qualifier + frequency + standard."""
        rng = self.rng
        k0, k1, k2, k3, k4, k5 = self._keys
        for attempt in range(80):
            if attempt == 25:
                # This area's combinations are getting scarce: use the whole function's objects.
                objects = self.func_objects[ctx[0].func.code]
            phrase, kind, o = rng.choice(objects)
            verb = rng.choice(V.VERBS[kind])
            v = _VERB_IDS[verb]
            q = rng.choices(*_QUALIFIER_DRAW[kind])[0]
            f = rng.choice(_FREQ_PHRASES_BY_CODE[rng.choice(V.KIND_FREQUENCIES[kind])])
            if rng.random() < 0.8:
                s = rng.choices(*_FOLLOW_UP_DRAW[kind])[0]
                d = rng.choices(*_DEADLINE_DRAW)[0] + 1  # 0: no deadline
            else:
                s = rng.choices(*_STANDARD_DRAW[kind])[0]
                d = 0
            # The projections that must all be new (see _projections), packed into ints
            # rather than tuples of strings: deterministic (no string hashing) and small.
            t0, t1 = _template_keys(o, v, f, q, s, d)
            if t0 in k0 or t1 in k1:
                continue
            qtext, qslot = _QUALIFIERS[q]
            qval, qs = self._slot(qslot, ctx)
            stext, sslot = _STANDARDS[s]
            sval, ss = self._slot(sslot, ctx)
            dtext, dslot = _DEADLINES[d - 1] if d else ("", None)
            dval, ds = self._slot(dslot, ctx)
            t2, t3, t4, t5 = _value_keys(o, q, qs, s, ss, d, ds)
            if t2 in k2 or t3 in k3 or t4 in k4 or t5 in k5:
                continue
            qual = qtext.replace("{" + qslot + "}", qval) if qslot else qtext
            std = stext.replace("{" + sslot + "}", sval) if sslot else stext
            if " it" in std and _plural(phrase):
                std = _IT.sub("them", std)
            if dtext:
                std = f"{std} {dtext.replace('{' + dslot + '}', dval) if dslot else dtext}"
            freq, frequency = _FREQ_PHRASES[f]
            statement = f"{verb} {phrase} {qual} {freq} {std}"
            if statement in self.statements:
                continue
            k0.add(t0)
            k1.add(t1)
            k2.add(t2)
            k3.add(t3)
            k4.add(t4)
            k5.add(t5)
            self.statements.add(statement)
            authority = _AUTHORITY.get(verb, Authority.EXECUTES)
            return ("natural", statement, frequency, authority, verb, phrase, qual, freq, std)
        raise RuntimeError("the vocabulary is too small for this many responsibilities")

    def _near_duplicate(self, p: _Pos) -> tuple | None:
        """A copy of an earlier position's statement with one small change, or None."""
        rng = self.rng
        pools = self._pools
        pool = pools.get(p.func.code)
        if not pool or rng.random() < 0.3:
            # Overlap across functions happens too (sales and customer service, say).
            candidates = [code for code, lst in pools.items() if lst]
            if not candidates:
                return None
            pool = pools[rng.choice(candidates)]
        # Swap-remove: each original is copied at most once.
        i = rng.randrange(len(pool))
        pool[i], pool[-1] = pool[-1], pool[i]
        rkey, verb, phrase, qual, freq, std, frequency, authority = pool.pop()
        original = f"{verb} {phrase} {qual} {freq} {std}"
        words = original.split(" ")
        lower = [w.lower() for w in words]
        changes = ["swap", "adverb", "order"]
        rng.shuffle(changes)
        for change in changes:
            text = None
            if change == "swap":
                spots = [
                    wi
                    for wi, w in enumerate(words)
                    if w in V.SYNONYMS
                    and lower.count(w.lower()) == 1
                    and V.SYNONYMS[w].lower() not in lower
                ]
                if spots:
                    wi = rng.choice(spots)
                    new = words.copy()
                    new[wi] = V.SYNONYMS[words[wi]]
                    text = " ".join(new)
            elif change == "adverb":
                adverbs = [a for a in V.ADVERBS if a.lower() not in lower]
                if adverbs:
                    text = f"{rng.choice(adverbs)} {verb[0].lower()}{original[1:]}"
            else:
                text = f"{freq[0].upper()}{freq[1:]}, {verb[0].lower()}{verb[1:]} {phrase} {qual} {std}"
            if text and text not in self.statements:
                self.statements.add(text)
                return ("duplicate", text, frequency, authority, rkey)
        return None

    def _purpose(self, p: _Pos, boss: str) -> Purpose:
        rng = self.rng
        basis = rng.choice(V.PURPOSE_BASIS)
        basis = basis.replace("{boss}", boss).replace(
            "{policy}", rng.choice(V.SLOT_VALUES["policy"])
        )
        basis = basis.replace("{team}", p.func.team)
        scope = self.departments[p.dept].name
        first, second = rng.sample(p.func.content, 2)
        if p.tier in ("ceo", "head"):
            content = f"leads the {scope} department, {first} and {second}"
        elif p.tier == "lead":
            content = f"leads a team in {scope} that {first} and {second}"
        else:
            content = f"{first} and {second} for {scope}"
        performance = f"so that {rng.choice(p.func.outcomes)}"
        objectives = tuple(self.purpose_objectives.get(p.key, ()))
        if objectives:
            performance += (
                f" and the objective “{self.objectives[objectives[0]].title.lower()}” is met"
            )
        return Purpose(basis, content, performance + ".", objectives)

    def _position_skills(self, p: _Pos) -> tuple[PositionSkill, ...]:
        rng = self.rng
        own = [self.skill_by_name[s] for s in p.func.skills if s in self.skill_by_name]
        picked = rng.sample(own, min(len(own), rng.randint(2, 4)))
        if self.general_skills and rng.random() < 0.7:
            extra = rng.choice(self.general_skills)
            if extra not in picked:
                picked.append(extra)
        base = 2 if p.tier == "staff" else 3
        return tuple(
            PositionSkill(child_key(p.key, i), s, min(5, base + rng.randint(0, 2)))
            for i, s in enumerate(picked)
        )

    # --- A7: employees, assignments, events -------------------------------------------

    def _people(self) -> None:
        rng = self.rng
        self.emps: list[_Emp] = []
        self.holders: dict[str, list[str]] = {}  # position -> current primary holders
        self.vacancies: dict[str, int] = {}
        self.leavers: list[_Emp] = []
        self._emails: dict[str, int] = {}
        estimate = int(sum(p.headcount for p in self.pos) * 1.05) + 10
        self._ew = _width(estimate)
        for p in self.pos:
            if p.status is not PositionStatus.ACTIVE:
                continue
            vacancy = 0.04 if p.tier in ("head", "lead") else 0.0 if p.tier == "ceo" else 0.07
            filled = sum(1 for _ in range(p.headcount) if rng.random() >= vacancy)
            self.vacancies[p.key] = p.headcount - filled
            for _ in range(filled):
                self._employee(p, current=True)
            for _ in range(sum(1 for _ in range(p.headcount) if rng.random() < 0.035)):
                self._employee(p, current=False)

        # Vacant management positions are covered by an acting subordinate.
        self.emp_by_key = {e.key: e for e in self.emps}
        for p in self.pos:
            if p.tier in ("head", "lead") and self.vacancies.get(p.key):
                subs = [s for s in self.subordinates.get(p.key, []) if self.holders.get(s.key)]
                if subs:
                    e = self.emp_by_key[rng.choice(self.holders[rng.choice(subs).key])]
                    start = self._days_ago(14, 150)
                    e.assignments.append(
                        Assignment(child_key(e.key, len(e.assignments)), p.key, start, None, False)
                    )

        self.employees = {
            e.key: Employee(
                key=e.key,
                name=e.name,
                email=e.email,
                phone=e.phone,
                user_email=e.user_email,
                hired_on=e.hired_on,
                left_on=e.left_on,
                status=e.status,
                assignments=tuple(e.assignments),
                skills=tuple(e.skills),
                events=tuple(e.events),
            )
            for e in self.emps
        }
        self.active_emps = [e.key for e in self.emps if e.status is not EmployeeStatus.LEFT]

    def _employee(self, p: _Pos, *, current: bool) -> None:
        rng, today = self.rng, self.today
        key = f"E{len(self.emps) + 1:0{self._ew}d}"
        first, last = self._name()
        base = f"{_slug(first)}.{_slug(last)}"
        seen = self._emails.get(base, 0)
        self._emails[base] = seen + 1
        email = f"{base}{seen + 1 if seen else ''}@{self.domain}"
        tenure = min(35 * 365, int(rng.expovariate(1 / 2200)) + 30)
        assignments: list[Assignment] = []
        events: list[PersonnelEvent] = []
        left_on = None
        status = EmployeeStatus.ACTIVE
        if current:
            hired_on = today - dt.timedelta(days=tenure)
            start = hired_on
            same = self.active_by_func[p.func.code]
            if tenure > 400 and rng.random() < 0.18 and len(same) > 1:
                prev = rng.choice(same)
                if prev.key != p.key:
                    start = hired_on + dt.timedelta(days=rng.randint(180, tenure - 30))
                    assignments.append(
                        Assignment(
                            child_key(key, 0), prev.key, hired_on, start - dt.timedelta(days=1)
                        )
                    )
                    kind = EventKind.PROMOTION if prev.grade < p.grade else EventKind.ROTATION
                    events.append(PersonnelEvent(child_key(key, 1), kind, start, prev.key, p.key))
            assignments.append(Assignment(child_key(key, len(assignments)), p.key, start))
            self.holders.setdefault(p.key, []).append(key)
            if rng.random() < 0.02:
                status = EmployeeStatus.ON_LEAVE
        else:
            left_on = self._days_ago(5, 540)
            hired_on = left_on - dt.timedelta(days=tenure)
            assignments.append(Assignment(child_key(key, 0), p.key, hired_on, left_on))
            status = EmployeeStatus.LEFT
            kind = EventKind.RESIGNATION if rng.random() < 0.75 else EventKind.TERMINATION
            events.append(PersonnelEvent(child_key(key, 1), kind, left_on, p.key))
        first_position = assignments[0].position
        events.insert(
            0, PersonnelEvent(child_key(key, 0), EventKind.HIRE, hired_on, first_position)
        )
        if p.confidential and current:
            signed = max(hired_on, self._days_ago(0, 900))
            events.append(
                PersonnelEvent(
                    child_key(key, len(events)),
                    EventKind.CONFIDENTIALITY,
                    signed,
                    p.key,
                    expires_on=signed + dt.timedelta(days=3 * 365),
                )
            )
        # Events in date order, keys renumbered to match.
        events.sort(key=lambda ev: ev.date)
        events = [
            PersonnelEvent(
                child_key(key, i), ev.kind, ev.date, ev.position, ev.to_position, ev.expires_on
            )
            for i, ev in enumerate(events)
        ]
        required = self.positions[p.key].skills
        skills = [
            EmployeeSkill(
                child_key(key, i),
                ps.skill,
                max(1, min(5, ps.level + rng.choice((-1, 0, 0, 1)))),
                max(hired_on, self._days_ago(10, 700)),
            )
            for i, ps in enumerate(required)
        ]
        user_email = email if p.tier in ("ceo", "head") and current and rng.random() < 0.5 else ""
        e = _Emp(key, f"{first} {last}", email, self._phone(), user_email, hired_on, left_on,
                 status, assignments, skills, events)  # fmt: skip
        self.emps.append(e)
        if not current:
            self.leavers.append(e)

    def _holder(self, position: str | None) -> str | None:
        holders = self.holders.get(position or "")
        return self.rng.choice(holders) if holders else None

    # --- A3: the plan -----------------------------------------------------------------

    def _plan(self) -> None:
        rng, today = self.rng, self.today
        total = round(self.n * 1.5)
        objectives = [k for k, o in self.objectives.items() if o.status is ObjectiveStatus.ACTIVE]
        n_goals = max(2, min(2 * len(objectives), total // 8))
        n_stages = round(n_goals * 2.5)
        n_projects = max(n_goals, round(total * 0.15))
        n_tasks = total - n_goals - n_stages - n_projects
        w = _width(total)
        self._task_no = 0
        items: list[_Item] = []
        sites = [city for _, city in V.SITES]

        def owner_in(func: V.FunctionT, tiers: tuple[str, ...]) -> str:
            ps = [
                p
                for p in self.by_func.get(func.code, [])
                if p.tier in tiers and p.status is PositionStatus.ACTIVE
            ]
            return rng.choice(ps).key if ps else self.func_head[func.code]

        stage_counts = _apportion(n_stages, [1.0] * n_goals)
        project_counts = _apportion(n_projects, [rng.uniform(0.6, 1.4) for _ in range(n_stages)])
        task_counts = _apportion(n_tasks, [rng.uniform(0.5, 1.5) for _ in range(n_projects)])
        si = pi = 0
        goal_titles: dict[str, int] = {}
        for g in range(n_goals):
            okey = objectives[g % len(objectives)]
            o = self.objectives[okey]
            func = self.pos_by_key[o.owner].func if o.owner else V.FUNCTIONS[0]
            base = func.goals[g % len(func.goals)]
            seen = goal_titles.get(base, 0)
            goal_titles[base] = seen + 1
            title = base if not seen else f"{base} ({sites[(g + seen) % len(sites)]})"
            gstart = self._days_ago(0, 300)
            gdue = gstart + dt.timedelta(days=rng.randint(240, 900))
            goal = _Item(
                f"GOAL-{g + 1:0{w}d}",
                title,
                PlanKind.GOAL,
                None,
                okey,
                func,
                gstart,
                gdue,
                o.owner,
                [],
            )
            items.append(goal)
            # Stages split the goal's time in consecutive phases, each after the previous one.
            # Cut points near even shares, so that every stage lasts weeks, not a day.
            k = max(1, stage_counts[g])
            span = (gdue - gstart).days
            cuts = [round(span * (i + rng.uniform(-0.2, 0.2)) / k) for i in range(1, k)]
            bounds = [0, *cuts, span]
            prev_stage: _Item | None = None
            prev_projects: list[_Item] = []
            for s in range(stage_counts[g]):
                sstart = gstart + dt.timedelta(days=bounds[s] + (1 if s else 0))
                sdue = gstart + dt.timedelta(days=bounds[s + 1])
                if sdue <= sstart:
                    sdue = sstart + dt.timedelta(days=1)
                phase = V.PHASES[s % len(V.PHASES)]
                stage = _Item(f"PH-{si + 1:0{w}d}", f"{phase}: {title}", PlanKind.STAGE, goal.key, None,
                              func, sstart, sdue, owner_in(func, ("head", "ceo")),
                              [prev_stage.key] if prev_stage else [])  # fmt: skip
                items.append(stage)
                stage_projects: list[_Item] = []
                span = (sdue - sstart).days
                for _ in range(project_counts[si]):
                    pstart = sstart + dt.timedelta(days=rng.randint(0, span // 3))
                    pdue = min(
                        sdue,
                        pstart + dt.timedelta(days=rng.randint(max(1, span // 3), max(1, span))),
                    )
                    if pdue <= pstart:
                        pdue = pstart + dt.timedelta(days=1)
                        if pdue > sdue:
                            pstart, pdue = sstart, sdue
                    ptitle = func.projects[pi % len(func.projects)]
                    if pi >= len(func.projects):
                        ptitle = f"{ptitle} – {sites[pi % len(sites)]}"
                    deps = []
                    if prev_projects and rng.random() < 0.3:
                        deps.append(rng.choice(prev_projects).key)
                    project = _Item(f"PRJ-{pi + 1:0{w}d}", ptitle, PlanKind.PROJECT, stage.key, None, func,
                                    pstart, pdue, owner_in(func, ("head", "lead")), deps)  # fmt: skip
                    items.append(project)
                    stage_projects.append(project)
                    self._tasks(project, task_counts[pi], items, w)
                    pi += 1
                si += 1
                prev_stage = stage
                prev_projects = stage_projects

        # Status from the dates: finished in the past, under way today, or still ahead.
        for it in items:
            if it.due < today:
                it.status = (
                    PlanStatus.CANCELLED
                    if it.kind is PlanKind.TASK and rng.random() < 0.04
                    else PlanStatus.DONE
                )
                it.progress = 100 if it.status is PlanStatus.DONE else rng.randint(0, 60)
            elif it.start <= today:
                span = max(1, (it.due - it.start).days)
                it.progress = max(
                    5, min(95, round(100 * (today - it.start).days / span) + rng.randint(-15, 10))
                )
                it.status = (
                    PlanStatus.BLOCKED
                    if it.kind is PlanKind.TASK and rng.random() < 0.04
                    else PlanStatus.IN_PROGRESS
                )
        by_key = {it.key: it for it in items}

        # Planted problems, each in a distinct task.
        k = max(1, total // 500)
        tasks = [it for it in items if it.kind is PlanKind.TASK]
        dependents: dict[str, int] = {}
        for it in items:
            for d in it.depends_on:
                dependents[d] = dependents.get(d, 0) + 1
        used: set[str] = set()
        self.t_conflicts: list[tuple[str, str]] = []
        self.t_overdue_items: list[str] = []
        self.t_unowned_items: list[str] = []
        index = {it.key: i for i, it in enumerate(items)}
        order = list(range(len(tasks)))
        rng.shuffle(order)
        for ti in order:
            if len(self.t_conflicts) >= k:
                break
            x = tasks[ti]
            if x.key in used:
                continue
            # A prerequisite listed earlier (the graph stays acyclic) still running when x starts.
            candidates = [
                y
                for y in tasks[max(0, ti - 12) : ti]
                if y.parent == x.parent
                and y.due > x.start
                and y.key not in x.depends_on
                and y.key not in used
            ]
            if candidates:
                y = rng.choice(candidates)
                assert index[y.key] < index[x.key]
                x.depends_on.append(y.key)
                used.update((x.key, y.key))
                self.t_conflicts.append((x.key, y.key))
        # Overdue: a running task whose due date slipped into the past (an earlier due date
        # keeps its dependents and its parent's window valid); failing that, a finished
        # task without dependents reopened under a project that is still running.
        for ti in order:
            if len(self.t_overdue_items) >= k:
                break
            x = tasks[ti]
            if x.key not in used and x.status is PlanStatus.IN_PROGRESS and x.start < today:
                x.due = today - dt.timedelta(days=rng.randint(1, (today - x.start).days))
                used.add(x.key)
                self.t_overdue_items.append(x.key)
        for ti in order:
            if len(self.t_overdue_items) >= k:
                break
            x = tasks[ti]
            parent = by_key[x.parent] if x.parent else None
            if (x.key not in used and x.status is PlanStatus.DONE and not dependents.get(x.key)
                    and parent and parent.due >= today):  # fmt: skip
                x.status, x.progress = PlanStatus.IN_PROGRESS, rng.randint(50, 90)
                used.add(x.key)
                self.t_overdue_items.append(x.key)
        for ti in order:
            if len(self.t_unowned_items) >= k:
                break
            x = tasks[ti]
            if x.key not in used:
                x.owner = None
                used.add(x.key)
                self.t_unowned_items.append(x.key)

        # Assignees: a current holder of the owner position.
        for it in items:
            if it.kind in (PlanKind.TASK, PlanKind.PROJECT) and it.owner and rng.random() < 0.85:
                it.assignee = self._holder(it.owner)

        self.plan: dict[str, PlanItem] = {}
        for it in items:
            open_ = it.status in (PlanStatus.IN_PROGRESS, PlanStatus.BLOCKED)
            lead = 0
            if it.start > today and it.kind in (PlanKind.PROJECT, PlanKind.STAGE):
                # Preparation never already late: start − lead time stays after today.
                lead = min(rng.randint(0, 30), max(0, (it.start - today).days - 1))
            self.plan[it.key] = PlanItem(
                key=it.key,
                title=it.title,
                kind=it.kind,
                parent=it.parent,
                objective=it.objective,
                description=(
                    f"Serves “{self.objectives[it.objective].title}”." if it.objective else ""
                ),
                start=it.start,
                due=it.due,
                duration_days=(it.due - it.start).days,
                owner=it.owner,
                assignee=it.assignee,
                importance=rng.choice((1, 2, 3, 3, 4, 4, 5)),
                urgency=rng.choice((1, 2, 3, 3, 4, 5)),
                status=it.status,
                progress=it.progress,
                advance=rng.choice(V.ADVANCE) if open_ else "",
                lead_time_days=lead,
                depends_on=tuple(it.depends_on),
            )
        self.plan_items = items
        self._checkins_and_problems(items)

    def _tasks(self, project: _Item, count: int, items: list[_Item], w: int) -> None:
        rng = self.rng
        span = max(1, (project.due - project.start).days)
        windows = []
        for _ in range(count):
            s = project.start + dt.timedelta(days=rng.randint(0, max(0, int(span * 0.75))))
            d = min(project.due, s + dt.timedelta(days=rng.randint(2, max(2, int(span * 0.4)))))
            if d <= s:
                s, d = project.start, project.due
            windows.append((s, d))
        windows.sort()
        # Task owners: the project owner's own people when it has any.
        staff = [
            p.key
            for p in self.subordinates.get(project.owner or "", [])
            if p.status is PositionStatus.ACTIVE
        ]
        if not staff:
            staff = [
                p.key
                for p in self.by_func.get(project.func.code, [])
                if p.status is PositionStatus.ACTIVE
            ]
        mine: list[_Item] = []
        for s, d in windows:
            self._task_no += 1
            key = f"TSK-{self._task_no:0{w}d}"
            deps = [t.key for t in mine if t.due < s]
            deps = rng.sample(deps, min(len(deps), rng.choice((0, 1, 1, 2)))) if deps else []
            task = _Item(key, rng.choice(V.TASKS), PlanKind.TASK, project.key, None, project.func, s, d,
                         rng.choice(staff) if staff else project.owner, sorted(deps))  # fmt: skip
            items.append(task)
            mine.append(task)

    def _checkins_and_problems(self, items: list[_Item]) -> None:
        rng, today = self.rng, self.today
        self.checkins: dict[str, CheckIn] = {}
        self.problems: dict[str, Problem] = {}
        w = _width(len(items) * 3)
        n = 0
        for it in items:
            if (
                it.kind not in (PlanKind.TASK, PlanKind.PROJECT)
                or it.status is PlanStatus.NOT_STARTED
            ):
                continue
            if it.status is PlanStatus.CANCELLED:
                continue
            last = min(it.due, today - dt.timedelta(days=1))
            if last < it.start:
                continue
            count = rng.randint(1, 3)
            span = (last - it.start).days
            days = sorted({rng.randint(0, span) for _ in range(count)})
            for j, offset in enumerate(days):
                n += 1
                final = j == len(days) - 1
                progress = it.progress if final else round(it.progress * (j + 1) / (len(days) + 1))
                key = f"CI-{n:0{w}d}"
                author = it.assignee or self._holder(it.owner)
                note = "" if rng.random() < 0.5 else rng.choice(V.ADVANCE)
                self.checkins[key] = CheckIn(
                    key, it.key, it.start + dt.timedelta(days=offset), progress, author, note
                )
        # Problems: every blocked task has an open one; more are spread over the plan.
        targets = [it for it in items if it.status is PlanStatus.BLOCKED]
        started = [it for it in items if it.status in (PlanStatus.IN_PROGRESS, PlanStatus.DONE)]
        extra = max(3, len(items) // 20) - len(targets)
        if started and extra > 0:
            targets += rng.sample(started, min(extra, len(started)))
        pw = _width(len(targets))
        for i, it in enumerate(targets):
            key = f"PRB-{i + 1:0{pw}d}"
            # Raised while the item was under way, never after it finished or today.
            latest = min(it.due, today)
            raised = max(it.start, min(latest, self._days_ago(1, 120)))
            blocked = it.status is PlanStatus.BLOCKED
            resolved = not blocked and (it.status is PlanStatus.DONE or rng.random() < 0.4)
            status = (
                ProblemStatus.RESOLVED
                if resolved
                else ProblemStatus.OPEN
                if blocked or rng.random() < 0.5
                else ProblemStatus.IN_PROGRESS
            )
            resolved_on = None
            if resolved:
                resolved_on = min(today, raised + dt.timedelta(days=rng.randint(1, 40)))
            self.problems[key] = Problem(
                key=key,
                title=rng.choice(V.PROBLEMS),
                raised_on=raised,
                description=f"Raised on “{it.title}”.",
                plan_item=it.key,
                raised_by=it.assignee
                or self._holder(it.owner)
                or (rng.choice(self.active_emps) if self.active_emps else None),
                owner=it.owner or self.func_head[it.func.code],
                status=status,
                resolution=rng.choice(V.RESOLUTIONS) if resolved else "",
                resolved_on=resolved_on,
            )

    # --- A4: resources, needs, acquisitions ---------------------------------------------

    def _resources(self) -> None:
        rng, today = self.rng, self.today
        funcs = [V.FUNCTIONS[0], *self.funcs]
        templates = [(f, r) for f in funcs for r in f.resources]
        count = max(10, self.n // 10)
        w = _width(count)
        sites = [city for _, city in V.SITES]
        self.resources: dict[str, Resource] = {}
        res_by_func: dict[str, list[str]] = {}
        for i in range(count):
            f, t = templates[i % len(templates)]
            rounds = i // len(templates)
            name = t.name if not rounds else f"{t.name} {sites[(i + rounds) % len(sites)]}"
            key = f"RES-{i + 1:0{w}d}"
            qty = Decimal(t.quantity) if t.quantity else None
            if qty is not None and qty > 1:
                qty = Decimal(max(1, round(float(qty) * rng.uniform(0.7, 1.3))))
            value = Decimal(round(float(t.value) * rng.uniform(0.7, 1.3), -2)) if t.value else None
            owner = self.func_head[f.code]
            if rounds and self.managers_by_func.get(f.code):
                owner = rng.choice(self.managers_by_func[f.code]).key
            self.resources[key] = Resource(key, name, ResourceCategory(t.category), qty, t.unit, value, owner,
                                           f"Held by {self.departments[self.pos_by_key[owner].dept].name}.")  # fmt: skip
            res_by_func.setdefault(f.code, []).append(key)

        projects = [it for it in self.plan_items if it.kind is PlanKind.PROJECT]
        chosen = rng.sample(projects, max(1, len(projects) // 2)) if projects else []
        chosen.sort(key=lambda it: it.key)
        w = _width(len(chosen))
        self.resource_needs: dict[str, ResourceNeed] = {}
        self.acquisitions: dict[str, Acquisition] = {}
        methods = {
            "capital": (AcquisitionMethod.BORROW, AcquisitionMethod.ACCUMULATE),
            "technology": (AcquisitionMethod.PURCHASE, AcquisitionMethod.EXCHANGE),
            "people": (AcquisitionMethod.CULTIVATE, AcquisitionMethod.COMPETE),
            "facilities": (AcquisitionMethod.PURCHASE, AcquisitionMethod.BORROW),
            "customers": (AcquisitionMethod.CULTIVATE, AcquisitionMethod.COMPETE),
            "customer_relations": (AcquisitionMethod.CULTIVATE, AcquisitionMethod.EXCHANGE),
            "government_relations": (AcquisitionMethod.CULTIVATE, AcquisitionMethod.EXCHANGE),
            "other": (AcquisitionMethod.PURCHASE,),
        }
        for i, it in enumerate(chosen):
            key = f"NEED-{i + 1:0{w}d}"
            own = res_by_func.get(it.func.code, [])
            resource = rng.choice(own) if own and rng.random() < 0.65 else None
            category = (
                self.resources[resource].category
                if resource
                else rng.choice(list(ResourceCategory))
            )
            unit = self.resources[resource].unit if resource else ""
            if unit == "EUR":
                qty = Decimal(rng.randint(5, 200) * 1000)
            else:
                qty = Decimal(rng.choice((1, 2, 3, 5, 10, 20)))
            needed_by = it.start - dt.timedelta(days=rng.randint(0, 20))
            self.resource_needs[key] = ResourceNeed(key, it.key, resource, category, qty, unit, needed_by,
                                                    f"For “{it.title}”.")  # fmt: skip
            if rng.random() < 0.85:
                akey = f"ACQ-{i + 1:0{w}d}"
                due = needed_by - dt.timedelta(days=rng.randint(0, 30))
                if due < today:
                    status = (
                        AcquisitionStatus.DONE
                        if rng.random() < 0.92
                        else AcquisitionStatus.CANCELLED
                    )
                else:
                    status = (
                        AcquisitionStatus.IN_PROGRESS
                        if rng.random() < 0.4
                        else AcquisitionStatus.PLANNED
                    )
                cost = Decimal(rng.randint(2, 400) * 250)
                self.acquisitions[akey] = Acquisition(akey, key, rng.choice(methods[category.value]), qty,
                                                      it.owner or self.func_head[it.func.code], due, cost, status)  # fmt: skip

    # --- A5: finance ----------------------------------------------------------------------

    def _finance(self) -> None:
        rng, today = self.rng, self.today
        count = min(len(V.FINANCE_CATEGORIES), 8 + self.n // 120)
        active = [p for p in self.pos if p.status is PositionStatus.ACTIVE]
        # Budgeted on the filled positions: about 94 % of the headcount.
        people = 0.94 * sum(p.headcount for p in active)
        salaries = 0.94 * sum(p.headcount * V.GRADES[p.grade - 1][1] for p in active)
        first = add_months(dt.date(today.year, today.month, 1), -11)
        self.finance: dict[str, FinanceLine] = {}
        for code, category, kind, base in V.FINANCE_CATEGORIES[:count]:
            if code == "SAL":
                monthly = salaries
            elif code == "SOC":
                monthly = salaries * 0.22
            else:
                monthly = base * people
            for m in range(12):
                period = add_months(first, m)
                season = 1 + 0.06 * ((m % 12) - 5.5) / 5.5 if kind == "income" else 1.0
                budget = Decimal(round(monthly * season * rng.uniform(0.97, 1.03), -2))
                actual = None
                if period.year * 12 + period.month < today.year * 12 + today.month:
                    actual = Decimal(round(float(budget) * rng.gauss(1.0, 0.05), -2))
                key = f"FL-{code}-{period:%Y-%m}"
                self.finance[key] = FinanceLine(
                    key, period, category, FinanceKind(kind), budget, actual
                )

    # --- A6: relations --------------------------------------------------------------------

    def _relations(self) -> None:
        rng, today = self.rng, self.today
        count = max(10, self.n // 5)
        w = _width(count)
        kinds = [
            (PartyKind.CUSTOMER_DOWNSTREAM, 35, ("SAL", "CS")),
            (PartyKind.SUPPLIER, 25, ("PRC", "LOG")),
            (PartyKind.SERVICE_PROVIDER, 14, ("PRC", "FAC", "IT")),
            (PartyKind.CUSTOMER_UPSTREAM, 5, ("SAL",)),
            (PartyKind.GOVERNMENT, 6, ("LEG", "HSE", "FIN")),
            (PartyKind.SOCIAL_ORGANISATION, 5, ("HR", "MGT")),
            (PartyKind.PARTNER, 8, ("RND", "MKT", "MGT")),
            (PartyKind.OTHER, 2, ("MGT",)),
        ]
        names: set[str] = set()
        self.relations: dict[str, Relation] = {}
        self.owned_relations: dict[str, list[str]] = {}
        for i in range(count):
            kind, _, owners = rng.choices(kinds, [k[1] for k in kinds])[0]
            city = rng.choice(V.SITES)[1]
            for _ in range(50):
                if kind is PartyKind.GOVERNMENT:
                    name = rng.choice(
                        (f"Tax Office {city}", f"Environmental Agency {city}", f"Municipality of {city}",
                         f"Labour Inspectorate {city}", f"Customs Office {city}")
                    )  # fmt: skip
                elif kind is PartyKind.SOCIAL_ORGANISATION:
                    name = rng.choice(
                        (f"{city} Chamber of Commerce", f"University of {city}", f"{city} Sports Club",
                         f"Vocational School {city}")
                    )  # fmt: skip
                else:
                    name = f"{rng.choice(V.COMPANY_PREFIXES)} {rng.choice(V.COMPANY_TRADES)} {rng.choice(V.LEGAL_FORMS)}"
                if name not in names:
                    break
                city = rng.choice(V.SITES)[1]
            else:
                name = f"{name} {i + 1}"
            names.add(name)
            key = f"REL-{i + 1:0{w}d}"
            level = rng.choices((Level.A, Level.B, Level.C), (15, 40, 45))[0]
            r = rng.random()
            status = (
                RelationStatus.ACTIVE
                if r < 0.9
                else RelationStatus.DORMANT
                if r < 0.97
                else RelationStatus.ENDED
            )
            every = {Level.A: "monthly", Level.B: "quarterly", Level.C: "half-yearly"}[level]
            cadence = _CADENCE[every] if status is RelationStatus.ACTIVE else None
            fcodes = [c for c in owners if c in self.by_func]
            fcode = rng.choice(fcodes) if fcodes else "MGT"
            staff = [
                p
                for p in self.by_func[fcode]
                if p.status is PositionStatus.ACTIVE and p.tier != "staff"
            ]
            owner = rng.choice(staff).key if staff else self.func_head[fcode]
            self.owned_relations.setdefault(owner, []).append(key)
            slug = _slug(name.split(" ")[0] + " " + name.split(" ")[1])
            contacts = []
            for c in range(rng.randint(1, 3)):
                first, last = self._name()
                contacts.append(
                    Contact(child_key(key, c), f"{first} {last}", rng.choice(V.CONTACT_ROLES),
                            f"{_slug(first)}.{_slug(last)}@{slug}.example", self._phone())
                )  # fmt: skip
            # Interactions back from a recent one, one period apart, over about a year.
            interactions = []
            period = int((cadence or _CADENCE[every]).approx_days())
            day = today - dt.timedelta(days=rng.randint(1, int(period * 0.8)))
            if status is not RelationStatus.ACTIVE:
                day -= dt.timedelta(days=rng.randint(200, 400))
            dates = []
            while day > today - dt.timedelta(days=400) and len(dates) < 14:
                dates.append(day)
                day -= dt.timedelta(days=max(7, period + rng.randint(-period // 5, period // 5)))
            by = self._holder(owner)
            for j, d in enumerate(reversed(dates)):
                ikind = rng.choices(list(InteractionKind), (30, 30, 12, 15, 5, 3, 5))[0]
                cost = (
                    Decimal(rng.randint(2, 40) * 25)
                    if ikind in (InteractionKind.EVENT, InteractionKind.GIFT, InteractionKind.VISIT)
                    else None
                )
                summary = rng.choice(V.INTERACTIONS_BY_KIND.get(ikind.value, V.INTERACTIONS))
                interactions.append(Interaction(child_key(key, j), d, ikind, summary, cost, by))
            self.relations[key] = Relation(
                key=key,
                name=name,
                kind=kind,
                level=level,
                contact_every=cadence,
                annual_budget=Decimal(rng.randint(1, 40) * 500) if level is not Level.C else None,
                owner=owner,
                mechanism=rng.choice(V.MECHANISMS),
                status=status,
                description=f"{kind.label} based in {city}.",
                contacts=tuple(contacts),
                interactions=tuple(interactions),
            )

    # --- A8: risks, controls, contingency plans -------------------------------------------

    def _control(self) -> None:
        rng, today = self.rng, self.today
        funcs = [V.FUNCTIONS[0], *self.funcs]
        templates = [(f, r) for f in funcs for r in f.risks]
        count = max(8, self.n // 20)
        w = _width(count)
        sites = [city for _, city in V.SITES]
        self.risks: dict[str, Risk] = {}
        self.controls: dict[str, Control] = {}
        self.contingency_plans: dict[str, ContingencyPlan] = {}
        self.owned_controls: dict[str, list[str]] = {}
        every_by_kind = {
            "credit_check": "monthly",
            "stock_count": "quarterly",
            "audit": "yearly",
            "inspection": "quarterly",
            "approval": "monthly",
            "insurance": "yearly",
            "legal_review": "quarterly",
            "supervision": "quarterly",
            "other": "monthly",
        }
        controls: list[tuple[str, str, ControlKind, str, str, str, str]] = []
        for i in range(count):
            f, t = templates[i % len(templates)]
            rounds = i // len(templates)
            title = (
                t.title
                if not rounds
                else f"{t.title} at the {sites[(i + rounds) % len(sites)]} site"
            )
            key = f"RISK-{i + 1:0{w}d}"
            owner = self.func_head[f.code]
            if rounds and self.managers_by_func.get(f.code):
                owner = rng.choice(self.managers_by_func[f.code]).key
            risk = Risk(
                key=key,
                title=title,
                source=RiskSource(t.source),
                category=RiskCategory(t.category),
                likelihood=rng.randint(1, 5),
                impact=rng.randint(2, 5),
                response=rng.choices(list(RiskResponse), (60, 20, 15, 5))[0],
                owner=owner,
                description=t.trigger,
            )
            self.risks[key] = risk
            ckind, ctitle, activity = t.control
            ctitle = ctitle if not rounds else f"{ctitle} – {sites[(i + rounds) % len(sites)]}"
            controls.append(
                (key, owner, ControlKind(ckind), ctitle, activity, every_by_kind[ckind], f.code)
            )
            if rng.random() < 0.2:
                controls.append((key, owner, ControlKind.SUPERVISION, f"Quarterly review: {title}",
                                 "Review the risk, its controls and any incidents with the risk owner",
                                 "quarterly", f.code))  # fmt: skip
            if risk.score >= 12 or rng.random() < 0.3:
                ckey = f"CP-{len(self.contingency_plans) + 1:0{w}d}"
                drill = _CADENCE[rng.choice(("yearly", "half-yearly"))]
                last_drill = today - dt.timedelta(
                    days=rng.randint(5, int(drill.approx_days() * 0.8))
                )
                self.contingency_plans[ckey] = ContingencyPlan(ckey, key, f"If: {title.lower()}", t.trigger,
                                                               t.steps, owner, last_drill, drill)  # fmt: skip
        n_overdue = max(1, len(controls) // 40)
        overdue = set(rng.sample(range(len(controls)), n_overdue))
        self.t_overdue_controls: list[str] = []
        cw = _width(len(controls))
        for i, (risk_key, owner, kind, title, activity, every, _fcode) in enumerate(controls):
            key = f"CTRL-{i + 1:0{cw}d}"
            cadence = _CADENCE[every]
            period = cadence.approx_days()
            if i in overdue:
                # Last run one and a half to two and a half periods ago: clearly overdue.
                last = today - dt.timedelta(days=int(period * rng.uniform(1.5, 2.5)))
                self.t_overdue_controls.append(key)
            else:
                last = today - dt.timedelta(days=rng.randint(0, int(period * 0.8)))
            runs = []
            # The last run always, and the earlier ones of about a year.
            dates = [last]
            day = last - dt.timedelta(days=int(period))
            while day > today - dt.timedelta(days=370) and len(dates) < 12:
                dates.append(day)
                day = day - dt.timedelta(days=int(period))
            by = self._holder(owner)
            for j, d in enumerate(reversed(dates)):
                result = rng.choices(
                    (RunResult.PASS, RunResult.ISSUES, RunResult.FAIL), (85, 12, 3)
                )[0]
                findings = "" if result is RunResult.PASS else rng.choice(V.PROBLEMS)
                runs.append(ControlRun(child_key(key, j), d, result, by, findings))
            renewal = (
                today + dt.timedelta(days=rng.randint(20, 360))
                if kind is ControlKind.INSURANCE
                else None
            )
            self.controls[key] = Control(
                key, title, kind, activity, cadence, owner, (risk_key,), renewal, tuple(runs)
            )
            self.owned_controls.setdefault(owner, []).append(key)

    # --- A9: lessons, procedures, training --------------------------------------------------

    def _methods(self) -> None:
        rng, today = self.rng, self.today
        funcs = [V.FUNCTIONS[0], *self.funcs]
        count = max(6, self.n // 10)
        w = _width(count)
        sites = [city for _, city in V.SITES]
        self.lessons: dict[str, Lesson] = {}
        lessons_by_func: dict[str, list[str]] = {}
        for i in range(count):
            f = funcs[i % len(funcs)]
            text = f.lessons[(i // len(funcs)) % len(f.lessons)]
            key = f"LL-{i + 1:0{w}d}"
            authors = [
                e for p in self.by_func.get(f.code, []) for e in self.holders.get(p.key, [])[:1]
            ]
            context = f"{rng.choice(V.LESSON_CONTEXTS)} in {rng.choice(sites)}"
            self.lessons[key] = Lesson(key, self._days_ago(10, 720), text, context,
                                       rng.choice(authors) if authors else None)  # fmt: skip
            lessons_by_func.setdefault(f.code, []).append(key)

        self.procedures: dict[str, Procedure] = {}
        self.owned_procedures: dict[str, list[str]] = {}
        systems = V.SLOT_VALUES["system"]
        yearly = _CADENCE["yearly"]
        for key, title, f, status in self.proc_plan:
            managers = self.managers_by_func.get(f.code) or [self.pos_by_key["CEO"]]
            owner = rng.choice(managers).key
            positions = list(self.proc_positions.get(key, {}))
            if not positions:
                positions = [
                    p.key
                    for p in rng.sample(self.by_func[f.code], min(3, len(self.by_func[f.code])))
                ]
            boss = _lower_title(self.pos_by_key[owner].title)
            objects = [o for a in f.areas for o, _ in a.objects]
            obj = rng.choice(objects)
            steps: list[str] = []
            for phase, lo, hi in (
                ("prepare", 1, 2),
                ("execute", 2, 4),
                ("check", 1, 1),
                ("close", 1, 2),
            ):
                for s in rng.sample(V.STEPS[phase], rng.randint(lo, hi)):
                    steps.append(
                        s.replace("{object}", obj)
                        .replace("{system}", rng.choice(systems))
                        .replace("{boss}", boss)
                    )
            last_reviewed = today - dt.timedelta(days=rng.randint(10, 290))
            self.procedures[key] = Procedure(
                key=key,
                title=title,
                purpose=f"Makes sure that {rng.choice(f.outcomes)}.",
                scope=f"Applies to the {f.name} function and everyone who works with it.",
                owner=owner,
                version=rng.randint(1, 4),
                status=status,
                review_every=yearly,
                last_reviewed=last_reviewed if status is not ProcedureStatus.DRAFT else None,
                refresh_every=yearly if rng.random() < 0.5 else None,
                positions=tuple(positions),
                lessons=tuple(
                    rng.sample(
                        lessons_by_func.get(f.code, []),
                        min(len(lessons_by_func.get(f.code, [])), rng.randint(0, 2)),
                    )
                ),
                steps=tuple(ProcedureStep(child_key(key, i), s) for i, s in enumerate(steps)),
            )
            self.owned_procedures.setdefault(owner, []).append(key)

        # Training: the holders of the positions that must know an active procedure.
        self.training: dict[str, TrainingRecord] = {}
        records: list[tuple[str, str]] = []
        for key, proc in self.procedures.items():
            if proc.status is not ProcedureStatus.ACTIVE:
                continue
            for pkey in proc.positions:
                for e in self.holders.get(pkey, []):
                    if rng.random() < 0.85:
                        records.append((e, key))
        w = _width(len(records))
        for i, (e, proc_key) in enumerate(records):
            key = f"TR-{i + 1:0{w}d}"
            hired = self.emp_by_key[e].hired_on
            date = max(hired, today - dt.timedelta(days=rng.randint(5, 330)))
            if rng.random() < 0.05:
                score, passed = None, None
            else:
                score = rng.randint(55, 100)
                passed = score >= 70
            self.training[key] = TrainingRecord(key, e, proc_key, date, score, passed)

    # --- A7: stages, openings, handovers ---------------------------------------------------

    def _stages(self) -> None:
        rng, today = self.rng, self.today
        order = {p.key: i for i, p in enumerate(self.pos)}
        planned = [p for p in self.pos if p.status is PositionStatus.PLANNED]
        active = [p for p in self.pos if p.status is PositionStatus.ACTIVE and p.tier != "ceo"]
        self.stages: dict[str, Stage] = {}
        for s, ((name, description), months, share) in enumerate(
            zip(V.STAGE_PLANS, (6, 18, 36), (0.10, 0.15, 0.20), strict=True)
        ):
            key = f"STAGE-{s + 1}"
            target = add_months(today, months)
            chosen = rng.sample(active, round(len(active) * share))
            if s == 0:
                chosen += planned[: len(planned) // 2]
            elif s == 1:
                chosen += planned[len(planned) // 2 :]
            chosen.sort(key=lambda p: order[p.key])
            lines = tuple(
                StaffingLine(
                    child_key(key, i),
                    p.key,
                    p.headcount + rng.choice((0, 1, 1, 2)) * (s + 1),
                    target,
                )
                for i, p in enumerate(chosen)
            )
            self.stages[key] = Stage(
                key, f"Stage {s + 1}: {name}", s + 1, target, description, lines
            )

    def _openings(self) -> None:
        rng, today = self.rng, self.today
        stages = list(CandidateStage)
        rows: list[tuple] = []
        for p in self.pos:
            if self.vacancies.get(p.key) and rng.random() < 0.6:
                rows.append(("open", p, None))
        recent = [
            e
            for e in self.emps
            if e.status is not EmployeeStatus.LEFT and (today - e.hired_on).days < 180
        ]
        for e in recent:
            if rng.random() < 0.4:
                rows.append(("filled", self.pos_by_key[e.assignments[-1].position], e))
        w = _width(len(rows))
        self.openings: dict[str, Opening] = {}
        for i, (kind, p, e) in enumerate(rows):
            key = f"OPEN-{i + 1:0{w}d}"
            candidates = []
            if kind == "open":
                opened = self._days_ago(5, 120)
                status = OpeningStatus.CANCELLED if rng.random() < 0.03 else OpeningStatus.OPEN
                for c in range(rng.randint(0, 6)):
                    first, last = self._name()
                    stage = rng.choices(stages[:4] + stages[5:], (30, 25, 20, 5, 20))[0]
                    candidates.append(Candidate(child_key(key, c), f"{first} {last}", stage,
                                                f"{_slug(first)}.{_slug(last)}@mail.example", rng.choice(V.CANDIDATE_NOTES)))  # fmt: skip
                hired = None
            else:
                opened = e.hired_on - dt.timedelta(days=rng.randint(40, 100))
                status = OpeningStatus.FILLED
                hired = e.key
                candidates.append(
                    Candidate(child_key(key, 0), e.name, CandidateStage.HIRED, e.email)
                )
                for c in range(1, rng.randint(2, 5)):
                    first, last = self._name()
                    candidates.append(Candidate(child_key(key, c), f"{first} {last}", CandidateStage.REJECTED,
                                                f"{_slug(first)}.{_slug(last)}@mail.example"))  # fmt: skip
            needed_by = opened + dt.timedelta(days=rng.randint(45, 120))
            self.openings[key] = Opening(
                key, p.key, opened, needed_by, status, hired, tuple(candidates)
            )

    def _handovers(self) -> None:
        rng = self.rng
        count = max(2, self.n // 250)
        leavers = sorted(self.leavers, key=lambda e: (e.left_on, e.key), reverse=True)[:count]
        w = _width(count)
        self.handovers: dict[str, Handover] = {}
        for i, e in enumerate(leavers):
            key = f"HO-{i + 1:0{w}d}"
            a = e.assignments[-1]
            p = a.position
            reason = next(
                ev.kind
                for ev in e.events
                if ev.kind in (EventKind.RESIGNATION, EventKind.TERMINATION)
            )
            created = e.left_on - dt.timedelta(days=rng.randint(10, 30))
            refs: list[tuple[HandoverItemKind, str, str]] = []
            for rkey in self.resp_keys[p][: rng.randint(2, 4)]:
                refs.append(
                    (
                        HandoverItemKind.RESPONSIBILITY,
                        rkey,
                        "Explain the current state and open points",
                    )
                )
            for rel in self.owned_relations.get(p, [])[:2]:
                refs.append(
                    (
                        HandoverItemKind.RELATION,
                        rel,
                        f"Introduce the successor to {self.relations[rel].name}",
                    )
                )
            for ctrl in self.owned_controls.get(p, [])[:2]:
                refs.append(
                    (HandoverItemKind.CONTROL, ctrl, "Walk through the control and its last runs")
                )
            for proc in self.owned_procedures.get(p, [])[:1]:
                refs.append(
                    (HandoverItemKind.PROCEDURE, proc, "Hand over the procedure's ownership")
                )
            others = [h for h in self.holders.get(p, []) if h != e.key]
            successor = (
                rng.choice(others) if others else self._holder(self.pos_by_key[p].reports_to)
            )
            # Older handovers are complete; the most recent ones still have open items.
            done_share = 1.0 if (self.today - e.left_on).days > 30 else rng.uniform(0.3, 0.8)
            items = tuple(
                HandoverItem(
                    child_key(key, j), kind, ref, text, successor, rng.random() < done_share
                )
                for j, (kind, ref, text) in enumerate(refs)
            )
            self.handovers[key] = Handover(key, e.key, p, reason, created, e.left_on, items)

    # --- A1: the owner's values -------------------------------------------------------------

    def _values(self) -> ValueOrientation:
        rng = self.rng
        values = [v for v in Value if v is not Value.OTHER]
        rng.shuffle(values)
        chosen = values[: rng.randint(3, 5)]
        if rng.random() < 0.3:
            chosen.insert(rng.randint(1, len(chosen)), Value.OTHER)
        choices = tuple(
            ValueChoice(
                v,
                rank + 1,
                rng.choice(V.VALUE_WORDS[v.value]),
                rng.choice(V.OTHER_VALUE_LABELS) if v is Value.OTHER else "",
            )
            for rank, v in enumerate(chosen)
        )
        return ValueOrientation(
            rng.choice(V.VALUE_STATEMENTS), rng.choice(list(Visibility)), choices
        )
