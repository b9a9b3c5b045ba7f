"""What every job-description document shows, translated and formatted once.

The HTML, Markdown and Word renderers only lay out this view: the headings, labels,
rows and numbers are decided here, so the formats cannot drift apart.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from remit.domain.cadence import Cadence, CadenceUnit
from remit.domain.common import gettext_noop as N_

from .jobdesc import Coded, JDTarget, JobDescription, Ref

Translate = Callable[[str], str]


def identity(text: str) -> str:
    """No translation: the English text."""
    return text


@dataclass(frozen=True, slots=True)
class Dots:
    """A level out of five, drawn as filled and empty dots."""

    level: int
    of: int = 5

    @property
    def text(self) -> str:
        n = max(0, min(self.level, self.of))
        return "●" * n + "○" * (self.of - n)


# A table cell: text, a level, or several lines (the SOPs of a responsibility).
Cell = str | Dots | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: int  # percent of the table's width
    kind: str = "text"  # text | num (right-aligned) | key (code) | tag (short label)


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    footer: tuple[Cell, ...] | None = None


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # used in CSS class names and anchors: skills, relations …
    heading: str
    table: Table


@dataclass(frozen=True, slots=True)
class TargetGroup:
    """The responsibilities that reach one target."""

    number: str
    statement: str
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class AreaView:
    number: str
    key: str
    title: str
    weight: str  # "30 %", or ""
    description: str
    targets: Table | None
    responsibilities: tuple[Column, ...]
    groups: tuple[TargetGroup, ...]


@dataclass(frozen=True, slots=True)
class PurposeView:
    sentence: str
    parts: tuple[tuple[str, str], ...]  # (label, text) of the non-empty parts
    objectives: str  # "Derived from objectives" value, or ""


@dataclass(frozen=True, slots=True)
class View:
    lang: str
    cjk: bool
    org_name: str
    doc_title: str  # "Job description"
    title: str
    key: str
    version_line: str
    date_line: str
    identity_heading: str
    identity: tuple[tuple[str, str], ...]
    purpose_heading: str
    purpose: PurposeView | None
    function_label: str
    department_function: str
    fishbone_heading: str
    overview_heading: str
    overview: Table | None
    areas: tuple[AreaView, ...]
    targets_label: str
    responsibilities_label: str
    sections: tuple[Section, ...]
    labels: dict[str, str] = field(default_factory=dict)  # format-specific words

    @property
    def colon(self) -> str:
        """The colon after a label: full-width in Chinese."""
        return "：" if self.cjk else ": "

    def paren(self, text: str) -> str:
        """Text in brackets: full-width in Chinese."""
        return f"（{text}）" if self.cjk else f"({text})"


def is_cjk_lang(lang: str) -> bool:
    """True for Chinese, Japanese and Korean language codes (``zh-hans``, ``zh-Hans`` …)."""
    return lang.lower().startswith(("zh", "ja", "ko"))


def pct(value: Decimal | None, lang: str) -> str:
    """``40 %`` (or ``40%`` in Chinese); '' for no value."""
    if value is None:
        return ""
    return f"{value}%" if is_cjk_lang(lang) else f"{value} %"


def day(value: dt.date | None) -> str:
    """An ISO date, readable in every language; '' for none."""
    return value.isoformat() if value else ""


def label(coded: Coded | None, t: Translate) -> str:
    """An enum's label, translated; '' for none."""
    return t(coded.label) if coded else ""


def ref_text(ref: Ref | None, *, with_key: bool = True) -> str:
    """``Finance manager (FIN-MGR)``; just the key when the title is unknown."""
    if ref is None:
        return ""
    if not ref.title:
        return ref.key
    return f"{ref.title} ({ref.key})" if with_key else ref.title


_ALIASES = {
    "daily": N_("Daily"),
    "weekly": N_("Weekly"),
    "fortnightly": N_("Fortnightly"),
    "monthly": N_("Monthly"),
    "quarterly": N_("Quarterly"),
    "half-yearly": N_("Half-yearly"),
    "yearly": N_("Yearly"),
}
_EVERY = {
    CadenceUnit.DAY: N_("Every {n} days"),
    CadenceUnit.WEEK: N_("Every {n} weeks"),
    CadenceUnit.MONTH: N_("Every {n} months"),
    CadenceUnit.YEAR: N_("Every {n} years"),
}


def cadence_text(text: str, t: Translate) -> str:
    """A cadence's text form (``every 2 weeks from 2026-01-05``) in the reader's language."""
    if not text:
        return ""
    try:
        c = Cadence.parse(text)
    except ValueError:
        return text  # not ours to fix here: show what the graph holds
    alias = str(Cadence(c.every, c.unit))
    base = t(_ALIASES[alias]) if alias in _ALIASES else t(_EVERY[c.unit]).format(n=c.every)
    if c.anchor:
        return t(N_("{cadence} from {date}")).format(cadence=base, date=c.anchor.isoformat())
    return base


def period_text(target: JDTarget, t: Translate, lang: str = "en") -> str:
    """The period label, the deadline, or both."""
    parts = []
    if target.period:
        parts.append(t(target.period.label))
    if target.deadline:
        parts.append(t(N_("by {date}")).format(date=target.deadline.isoformat()))
    return ("，" if is_cjk_lang(lang) else ", ").join(parts)


_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces folded into single spaces."""
    return _SPACE.sub(" ", text).strip()


def build_view(
    jd: JobDescription,
    *,
    t: Translate = identity,
    lang: str = "en",
    org_name: str = "",
    generated_on: dt.date | None = None,
    version_label: str = "",
) -> View:
    """Translate and format a job description for the documents."""
    idt = jd.identity
    comma = "、" if is_cjk_lang(lang) else ", "
    # objective titles may hold commas themselves
    semicolon = "；" if is_cjk_lang(lang) else "; "

    rows: list[tuple[str, str]] = []
    if idt.department:
        rows.append((t(N_("Department")), idt.department.title or idt.department.key))
    if idt.grade:
        rows.append((t(N_("Grade")), idt.grade.title or idt.grade.key))
    if idt.reports_to:
        rows.append((t(N_("Reports to")), ref_text(idt.reports_to)))
    if idt.direct_reports:
        rows.append((t(N_("Direct reports")), comma.join(ref_text(r) for r in idt.direct_reports)))
    rows.append((t(N_("Headcount")), str(idt.headcount)))
    if idt.holders:
        names = [
            t(N_("{name} (acting)")).format(name=h.name) if h.acting else h.name
            for h in idt.holders
        ]
        rows.append((t(N_("Holders on {date}")).format(date=day(jd.as_of)), comma.join(names)))
    if idt.vacancies:
        rows.append((t(N_("Vacancies")), str(idt.vacancies)))
    if idt.status.code != "active":
        rows.append((t(N_("Status")), t(idt.status.label)))
    if idt.confidentiality_required:
        rows.append((t(N_("Confidentiality")), t(N_("Confidentiality agreement required"))))

    purpose = None
    if not jd.purpose.is_empty:
        p = jd.purpose
        parts = (
            (t(N_("Work basis")), p.basis),
            (t(N_("Work content")), p.content),
            (t(N_("Work performance")), p.performance),
        )
        purpose = PurposeView(
            sentence=p.sentence,
            parts=tuple((k, v) for k, v in parts if v),
            objectives=semicolon.join(ref_text(o, with_key=False) for o in p.objectives),
        )

    num = Column("#", 6, "key")
    overview = None
    if jd.areas:
        overview = Table(
            columns=(
                num,
                Column(t(N_("Key result area")), 54),
                Column(t(N_("Targets")), 12, "num"),
                Column(t(N_("Share of time")), 16, "num"),
                Column(t(N_("Weight")), 12, "num"),
            ),
            rows=tuple(
                (str(i), a.title, str(len(a.targets)), pct(a.time_share, lang), pct(a.weight, lang))
                for i, a in enumerate(jd.areas, 1)
            ),
            footer=(
                "",
                t(N_("Total")),
                str(jd.totals.targets),
                pct(jd.totals.time_share, lang),
                pct(jd.totals.weight, lang),
            ),
        )

    target_cols = (
        Column("#", 6, "key"),
        Column(t(N_("Target")), 30),
        Column(t(N_("Metric")), 19),
        Column(t(N_("Target value")), 14),
        Column(t(N_("Period or deadline")), 14),
        Column(t(N_("Objective")), 17),
    )
    resp_cols = (
        Column("#", 7, "key"),
        Column(t(N_("Responsibility")), 40),
        Column(t(N_("Frequency")), 12, "tag"),
        Column(t(N_("Share of time")), 9, "num"),
        Column(t(N_("Authority")), 12, "tag"),
        Column(t(N_("SOPs")), 20),
    )
    areas = []
    for i, a in enumerate(jd.areas, 1):
        targets = None
        if a.targets:
            targets = Table(
                target_cols,
                tuple(
                    (
                        f"{i}.{j}",
                        one_line(tg.statement),
                        tg.metric,
                        tg.target,
                        period_text(tg, t, lang),
                        ref_text(tg.objective, with_key=False),
                    )
                    for j, tg in enumerate(a.targets, 1)
                ),
            )
        groups = tuple(
            TargetGroup(
                f"{i}.{j}",
                one_line(tg.statement),
                tuple(
                    (
                        f"{i}.{j}.{k}",
                        one_line(r.statement),
                        label(r.frequency, t),
                        pct(r.time_share, lang),
                        label(r.authority, t),
                        tuple(ref_text(s, with_key=False) for s in r.procedures),
                    )
                    for k, r in enumerate(tg.responsibilities, 1)
                ),
            )
            for j, tg in enumerate(a.targets, 1)
            if tg.responsibilities
        )
        areas.append(
            AreaView(
                number=str(i),
                key=a.key,
                title=a.title,
                weight=pct(a.weight, lang),
                description=a.description,
                targets=targets,
                responsibilities=resp_cols,
                groups=groups,
            )
        )

    sections = []
    if jd.skills:
        sections.append(
            Section(
                "skills",
                t(N_("Required skills")),
                Table(
                    (
                        Column(t(N_("Skill")), 52),
                        Column(t(N_("Category")), 28),
                        Column(t(N_("Level")), 20, "tag"),
                    ),
                    tuple((s.name, s.category, Dots(s.level)) for s in jd.skills),
                ),
            )
        )
    if jd.relations:
        sections.append(
            Section(
                "relations",
                t(N_("Business relations")),
                Table(
                    (
                        Column(t(N_("Party")), 40),
                        Column(t(N_("Kind")), 22, "tag"),
                        Column(t(N_("Level")), 18, "tag"),
                        Column(t(N_("Contact")), 20, "tag"),
                    ),
                    tuple(
                        (
                            r.name,
                            label(r.kind, t),
                            label(r.level, t),
                            cadence_text(r.contact_every, t),
                        )
                        for r in jd.relations
                    ),
                ),
            )
        )
    if jd.controls:
        sections.append(
            Section(
                "controls",
                t(N_("Controls")),
                Table(
                    (
                        Column(t(N_("Control")), 30),
                        Column(t(N_("Kind")), 16, "tag"),
                        Column(t(N_("Activity")), 38),
                        Column(t(N_("Frequency")), 16, "tag"),
                    ),
                    tuple(
                        (c.title, label(c.kind, t), c.activity, cadence_text(c.every, t))
                        for c in jd.controls
                    ),
                ),
            )
        )
    if jd.procedures:
        sections.append(
            Section(
                "procedures",
                t(N_("Standard operating procedures")),
                Table(
                    (
                        Column(t(N_("Key")), 18, "key"),
                        Column(t(N_("SOP")), 58),
                        Column(t(N_("Version")), 10, "num"),
                        Column(t(N_("Status")), 14, "tag"),
                    ),
                    tuple(
                        (s.key, s.title, str(s.version), label(s.status, t)) for s in jd.procedures
                    ),
                ),
            )
        )
    if jd.staffing:
        sections.append(
            Section(
                "staffing",
                t(N_("Staffing by development stage")),
                Table(
                    (
                        Column(t(N_("Development stage")), 56),
                        Column(t(N_("Headcount")), 20, "num"),
                        Column(t(N_("Needed by")), 24, "tag"),
                    ),
                    tuple((s.stage, str(s.headcount), day(s.needed_by)) for s in jd.staffing),
                ),
            )
        )

    shown_on = generated_on or jd.as_of
    return View(
        lang=lang,
        cjk=is_cjk_lang(lang),
        org_name=org_name,
        doc_title=t(N_("Job description")),
        title=idt.title,
        key=idt.key,
        version_line=version_label or t(idt.jd_status.label),
        date_line=t(N_("Issued {date}")).format(date=day(shown_on)),
        identity_heading=t(N_("Position")),
        identity=tuple(rows),
        purpose_heading=t(N_("Position purpose")),
        purpose=purpose,
        function_label=t(N_("Department function")),
        department_function=jd.department_function,
        fishbone_heading=t(N_("Fishbone diagram")),
        overview_heading=t(N_("Key result areas")),
        overview=overview,
        areas=tuple(areas),
        targets_label=t(N_("Responsibility targets")),
        responsibilities_label=t(N_("Job responsibilities")),
        sections=tuple(sections),
        labels={
            "key": t(N_("Key")),
            "weight": t(N_("Weight")),
            "objectives": t(N_("Derived from objectives")),
            "signatures": t(N_("Signatures")),
            "holder": t(N_("Position holder")),
            "manager": t(N_("Line manager")),
            "signature_date": t(N_("Signature and date")),
            "page": t(N_("Page {page} of {pages}")),
        },
    )


def cell_text(cell: Cell, sep: str = "; ") -> str:
    """A cell as plain text."""
    if isinstance(cell, Dots):
        return f"{cell.text} {cell.level}/{cell.of}"
    if isinstance(cell, tuple):
        return sep.join(cell)
    return cell
