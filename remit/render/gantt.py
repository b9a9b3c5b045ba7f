"""The plan's timeline (Gantt chart), drawn on the server as SVG.

One row per plan item, in tree order: the label column on the left (indented by depth,
a link to the item), the bar on the right placed by its planned dates. Items with
parts are drawn as brackets; a zero-day item as a diamond. Bars show progress,
dependencies are arrows from the end of one bar to the start of the next (dashed
red where the dates contradict them), the critical path is outlined, the preparation
lead time is a strip before the start (red once it should have begun), and a dashed
line marks today. An item without dates is drawn at the dates the schedule computes,
outlined dashed; one with no date in reach says so.

The time scale fits the plan's span into about ``TARGET_WIDTH`` pixels; the axis
shows years and, when there is room, quarters or months. Rows are a fixed height,
so 50 or 500 items stay readable (the page scrolls). Presentation attributes only
(no ``style``), so the SVG is safe inline under the Content-Security-Policy and prints.

``gantt_layout`` places everything (the tests check it); ``gantt_svg`` draws it.
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from remit.analysis.schedule import Schedule, planned_finish, planned_start
from remit.domain.common import gettext_noop as N_
from remit.domain.plan import PlanItem, PlanStatus

from ._svg import (
    FONT_FAMILY,
    INK,
    LINE,
    LINK,
    MUTED,
    Rect,
    TextBlock,
    clean,
    el,
    ellipsize,
    esc,
    num,
    title,
    tr,
)

Translate = Callable[[str], str]

MARGIN = 16.0
LABEL_W = 330.0
INDENT = 14.0
ROW_H = 26.0
BAR_H = 14.0
BRACKET_H = 6.0
AXIS_H = 44.0  # two lines: years, then quarters or months
TARGET_WIDTH = 960.0  # the time axis of a typical plan
MIN_SCALE = 0.35  # px per day: a ten-year plan still fits a wide screen
MAX_SCALE = 14.0
LABEL_SIZE = 12.0
AXIS_SIZE = 11.0
PAD_DAYS = 10

COLOURS = {
    PlanStatus.NOT_STARTED: ("#e3edf9", "#5b7fae"),  # (fill, progress / outline)
    PlanStatus.IN_PROGRESS: ("#a9c9ec", "#2f5d8a"),
    PlanStatus.BLOCKED: ("#f3c9c4", "#a8281e"),
    PlanStatus.DONE: ("#bfe3c8", "#1c6b3a"),
    PlanStatus.CANCELLED: ("#eceff3", "#8a96a3"),
}
SUMMARY = "#334155"
CRITICAL = "#9f1239"
PREP = "#d97706"
PREP_LATE = "#c81e1e"
CONFLICT = "#c81e1e"
TODAY = "#c2410c"
STRIPE = "#f6f8fb"
GRID = "#e2e8f0"
ARROW = "#64748b"

MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


@dataclass
class Bar:
    """One row: the item's label and where its bar is drawn (None: no dates in reach)."""

    key: str
    row: int
    depth: int
    label: TextBlock
    label_box: Rect
    tooltip: str
    status: PlanStatus
    progress: int
    kind: str  # "bar", "bracket" or "milestone"
    rect: Rect | None
    computed: bool = False  # dates from the schedule, not planned
    critical: bool = False
    prep: tuple[float, float] | None = None  # x from, x to
    prep_late: bool = False
    note: TextBlock | None = None  # "no dates"


@dataclass
class Arrow:
    points: list[tuple[float, float]]
    critical: bool = False
    conflict: bool = False


@dataclass
class Tick:
    x: float
    label: TextBlock | None
    major: bool  # a year boundary
    line: bool = True  # a gridline (year labels on the upper line have none of their own)


@dataclass
class GanttLayout:
    width: float
    height: float
    chart: Rect  # the time area, rows included
    start: dt.date  # the day at chart.x
    scale: float  # px per day
    bars: list[Bar]
    arrows: list[Arrow]
    ticks: list[Tick]
    today_x: float | None
    today_label: TextBlock | None
    legend: list[tuple[str, TextBlock, Rect]] = field(default_factory=list)

    def x(self, day: dt.date) -> float:
        return self.chart.x + (day - self.start).days * self.scale

    @property
    def text_blocks(self) -> list[TextBlock]:
        out = [b.label for b in self.bars] + [b.note for b in self.bars if b.note]
        out += [t.label for t in self.ticks if t.label]
        out += [text for _k, text, _s in self.legend]
        if self.today_label:
            out.append(self.today_label)
        return out


def _dates(item: PlanItem, sched: Schedule | None) -> tuple[dt.date | None, dt.date | None, bool]:
    """The first and last day to draw, and whether they were computed rather than planned."""
    start, finish = planned_start(item), planned_finish(item)
    if start and finish:
        return start, max(start, finish), False
    timing = sched.timing(item.key) if sched else None
    if timing is not None:
        return timing.early_start, timing.early_finish, True
    day = start or finish
    return day, day, False


def gantt_layout(
    plan: Mapping[str, PlanItem],
    rows: Sequence[tuple[str, int]],
    *,
    today: dt.date,
    sched: Schedule | None = None,
    conflicts: set[tuple[str, str]] | None = None,
    t: Translate = lambda s: s,
) -> GanttLayout:
    """Place every row, bar, arrow, tick and the legend."""
    conflicts = conflicts or set()
    has_parts = {it.parent for it in plan.values() if it.parent}
    spans: dict[str, tuple[dt.date | None, dt.date | None, bool]] = {
        k: _dates(plan[k], sched) for k, _d in rows
    }
    days = [d for s, f, _c in spans.values() for d in (s, f) if d]
    for k, _d in rows:
        it = plan[k]
        s = spans[k][0]
        if s and it.lead_time_days and it.status is PlanStatus.NOT_STARTED:
            days.append(s - dt.timedelta(days=it.lead_time_days))
    days.append(today)
    first = min(days) - dt.timedelta(days=PAD_DAYS)
    last = max(days) + dt.timedelta(days=PAD_DAYS)
    first = first.replace(day=1)
    last = _month_after(last) - dt.timedelta(days=1)
    span = (last - first).days + 1
    scale = max(MIN_SCALE, min(MAX_SCALE, TARGET_WIDTH / span))
    chart_x = MARGIN + LABEL_W
    chart_w = span * scale
    top = MARGIN + AXIS_H
    chart = Rect(chart_x, top, chart_w, max(1, len(rows)) * ROW_H)

    def x_of(day: dt.date) -> float:
        return chart_x + (day - first).days * scale

    bars: list[Bar] = []
    for row, (k, depth) in enumerate(rows):
        it = plan[k]
        y = top + row * ROW_H
        indent = min(depth, 8) * INDENT
        is_summary = k in has_parts
        text = ellipsize(it.title or k, LABEL_W - indent - 12, LABEL_SIZE, bold=is_summary)
        label = TextBlock(
            (text,),
            MARGIN + indent + 4,
            y + ROW_H / 2 + 4,
            LABEL_SIZE,
            14.0,
            bold=is_summary,
            fill=LINK,
        )
        start, finish, computed = spans[k]
        timing = sched.timing(k) if sched else None
        tooltip = _tooltip(it, start, finish, computed, timing, t)
        rect = None
        kind = "bracket" if is_summary else "bar"
        if it.duration_days == 0 and not is_summary:
            kind = "milestone"
        note = None
        if start and finish:
            x1 = x_of(start)
            x2 = x_of(finish) + scale  # the last day is drawn whole
            h = BRACKET_H if kind == "bracket" else BAR_H
            if kind == "milestone":
                rect = Rect(x1 - BAR_H / 2, y + (ROW_H - BAR_H) / 2, BAR_H, BAR_H)
            else:
                rect = Rect(x1, y + (ROW_H - h) / 2, max(2.0, x2 - x1), h)
        else:
            note = TextBlock(
                (t(N_("no dates")),),
                chart_x + 6,
                y + ROW_H / 2 + 4,
                AXIS_SIZE,
                14.0,
                fill=MUTED,
                italic=True,
            )
        prep = None
        prep_late = False
        if start and it.lead_time_days and it.status is PlanStatus.NOT_STARTED and not computed:
            begin = start - dt.timedelta(days=it.lead_time_days)
            prep = (x_of(begin), x_of(start))
            prep_late = begin < today
        bars.append(
            Bar(
                key=k,
                row=row,
                depth=depth,
                label=label,
                label_box=label.box,
                tooltip=tooltip,
                status=it.status,
                progress=max(0, min(100, it.progress)),
                kind=kind,
                rect=rect,
                computed=computed,
                critical=bool(timing and timing.critical and not is_summary),
                prep=prep,
                prep_late=prep_late,
                note=note,
            )
        )

    arrows = _arrows(plan, rows, bars, top, sched, conflicts)
    ticks = _ticks(first, last, x_of, scale, t)
    today_x = x_of(today) + scale / 2 if first <= today <= last else None
    # "Today" under the rows, where no axis label or bar can be.
    today_label = (
        TextBlock(
            (t(N_("Today")),),
            today_x,
            top + chart.h + 14,
            AXIS_SIZE,
            13.0,
            anchor="middle",
            bold=True,
            fill=TODAY,
        )
        if today_x is not None
        else None
    )
    legend = _legend(MARGIN, top + chart.h + 32, t)
    height = max(s.bottom for _k, _t, s in legend) + 12 + MARGIN
    width = chart_x + chart_w + MARGIN
    width = max(width, max(s.right for _k, _t, s in legend) + MARGIN)
    return GanttLayout(
        width=width,
        height=height,
        chart=chart,
        start=first,
        scale=scale,
        bars=bars,
        arrows=arrows,
        ticks=ticks,
        today_x=today_x,
        today_label=today_label,
        legend=legend,
    )


def _month_after(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _tooltip(item, start, finish, computed, timing, t: Translate) -> str:
    parts = [f"{clean(item.title)} ({item.key})", t(item.kind.label), t(item.status.label)]
    if start and finish:
        when = f"{start.isoformat()} – {finish.isoformat()}"
        parts.append(tr(t, N_("{dates} (computed)"), dates=when) if computed else when)
    if item.progress:
        parts.append(f"{item.progress} %")
    if timing is not None:
        if timing.critical:
            parts.append(t(N_("on the critical path")))
        else:
            parts.append(tr(t, N_("slack {days} days"), days=timing.slack))
    if item.lead_time_days:
        parts.append(tr(t, N_("preparation lead time {days} days"), days=item.lead_time_days))
    return " · ".join(parts)


def _arrows(plan, rows, bars, top: float, sched, conflicts) -> list[Arrow]:
    out = []
    by_key = {b.key: b for b in bars}
    for k, _d in rows:
        succ = by_key[k]
        for d in dict.fromkeys(plan[k].depends_on):
            pred = by_key.get(d)
            if pred is None or pred.rect is None or succ.rect is None or d == k:
                continue
            x1, y1 = pred.rect.right, pred.rect.y + pred.rect.h / 2
            x2, y2 = succ.rect.x, succ.rect.y + succ.rect.h / 2
            if x2 - 6 >= x1 + 6:
                pts = [(x1, y1), (x1 + 6, y1), (x1 + 6, y2), (x2, y2)]
            else:
                # The successor starts before the predecessor ends: go round, along the
                # edge of the successor's row that faces the predecessor.
                edge = top + (succ.row if succ.row > pred.row else succ.row + 1) * ROW_H
                pts = [
                    (x1, y1),
                    (x1 + 6, y1),
                    (x1 + 6, edge),
                    (x2 - 8, edge),
                    (x2 - 8, y2),
                    (x2, y2),
                ]
            t1 = sched.timing(d) if sched else None
            t2 = sched.timing(k) if sched else None
            critical = bool(
                pred.critical
                and succ.critical
                and t1 is not None
                and t2 is not None
                and t1.early_finish + dt.timedelta(days=1) >= t2.early_start
            )
            out.append(Arrow(pts, critical=critical, conflict=(k, d) in conflicts))
    return out


def _ticks(first: dt.date, last: dt.date, x_of, scale: float, t: Translate) -> list[Tick]:
    """Gridlines at year starts (major) and at months or quarters, with their labels."""
    out: list[Tick] = []
    month_w = 30.4 * scale
    step = 1 if month_w >= 30 else 3 if 3 * month_w >= 30 else 12
    day = first
    while day <= last:
        x = x_of(day)
        major = day.month == 1
        minor = step < 12 and (day.month - 1) % step == 0
        if major or minor:
            label = None
            if minor:
                text = (
                    t(MONTHS[day.month - 1])
                    if step == 1
                    else tr(t, N_("Q{n}"), n=(day.month - 1) // 3 + 1)
                )
                label = TextBlock((text,), x + 3, MARGIN + AXIS_H - 8, AXIS_SIZE, 13.0, fill=MUTED)
            out.append(Tick(x, label, major))
        if major or day == first:
            # The year on the upper line, where it starts (and at the left edge if room).
            room = x_of(_year_after(day)) - x
            if room >= 36:
                year = TextBlock((str(day.year),), x + 3, MARGIN + 14, AXIS_SIZE, 13.0, bold=True)
                out.append(Tick(x, year, False, line=False))
        day = _month_after(day)
    return out


def _year_after(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1)


def _legend(x: float, y: float, t: Translate) -> list[tuple[str, TextBlock, Rect]]:
    """(kind, text, swatch): statuses, critical path, preparation, dependency, today."""
    entries = [
        ("not_started", t(PlanStatus.NOT_STARTED.label)),
        ("in_progress", t(PlanStatus.IN_PROGRESS.label)),
        ("blocked", t(PlanStatus.BLOCKED.label)),
        ("done", t(PlanStatus.DONE.label)),
        ("critical", t(N_("Critical path"))),
        ("prep", t(N_("Preparation lead time"))),
        ("prep_late", t(N_("Preparation late"))),
        ("dependency", t(N_("Dependency"))),
        ("conflict", t(N_("Dates contradict the dependency"))),
        ("today", t(N_("Today"))),
    ]
    out = []
    cx, cy = x, y
    line_w = LABEL_W + TARGET_WIDTH
    for kind, text in entries:
        swatch = Rect(cx, cy, 22, 12)
        label = TextBlock((text,), cx + 28, cy + 10, AXIS_SIZE, 13.0, fill=INK)
        w = 28 + label.box.w + 18
        if cx + w > x + line_w and cx > x:
            cx, cy = x, cy + 22
            swatch = Rect(cx, cy, 22, 12)
            label = TextBlock((text,), cx + 28, cy + 10, AXIS_SIZE, 13.0, fill=INK)
        out.append((kind, label, swatch))
        cx += w
    return out


def _arrow_path(points: list[tuple[float, float]]) -> str:
    return "M" + " L".join(f"{num(x)} {num(y)}" for x, y in points)


def gantt_svg(
    plan: Mapping[str, PlanItem],
    rows: Sequence[tuple[str, int]],
    *,
    today: dt.date,
    sched: Schedule | None = None,
    conflicts: set[tuple[str, str]] | None = None,
    t: Translate = lambda s: s,
    link: Callable[[str], str] | None = None,
    label: str = "",
) -> str:
    """The timeline as inline-safe SVG: presentation attributes only, links to the items."""
    lay = gantt_layout(plan, rows, today=today, sched=sched, conflicts=conflicts, t=t)
    parts: list[str] = [_defs()]
    c = lay.chart
    # Row stripes and the label column's separator.
    for b in lay.bars:
        if b.row % 2 == 1:
            y = c.y + b.row * ROW_H
            parts.append(
                el("rect", x=MARGIN, y=y, width=c.right - MARGIN, height=ROW_H, fill=STRIPE)
            )
    # The grid and the axis.
    for tick in lay.ticks:
        if tick.line:
            parts.append(
                el(
                    "line",
                    x1=tick.x,
                    y1=MARGIN + (18 if tick.major else 22),
                    x2=tick.x,
                    y2=c.bottom,
                    stroke=LINE if tick.major else GRID,
                    stroke_width=1,
                )
            )
        if tick.label:
            parts.append(tick.label.svg())
    parts.append(el("line", x1=c.x, y1=c.y, x2=c.right, y2=c.y, stroke=LINE, stroke_width=1))
    parts.append(el("line", x1=c.x, y1=MARGIN, x2=c.x, y2=c.bottom, stroke=LINE, stroke_width=1))
    # Preparation strips, under the bars.
    for b in lay.bars:
        if b.prep:
            y = c.y + b.row * ROW_H + ROW_H / 2
            colour = PREP_LATE if b.prep_late else PREP
            parts.append(
                el(
                    "line",
                    x1=b.prep[0],
                    y1=y,
                    x2=b.prep[1],
                    y2=y,
                    stroke=colour,
                    stroke_width=3,
                    stroke_dasharray="5 3",
                )
            )
            parts.append(
                el(
                    "line",
                    x1=b.prep[0],
                    y1=y - 6,
                    x2=b.prep[0],
                    y2=y + 6,
                    stroke=colour,
                    stroke_width=2,
                )
            )
    # Dependency arrows.
    for a in lay.arrows:
        colour = CONFLICT if a.conflict else CRITICAL if a.critical else ARROW
        marker = (
            "url(#gantt-arrow-conflict)"
            if a.conflict
            else ("url(#gantt-arrow-critical)" if a.critical else "url(#gantt-arrow)")
        )
        parts.append(
            el(
                "path",
                d=_arrow_path(a.points),
                fill="none",
                stroke=colour,
                stroke_width=1.6 if a.critical or a.conflict else 1.1,
                stroke_dasharray="4 3" if a.conflict else None,
                marker_end=marker,
            )
        )
    # Bars.
    for b in lay.bars:
        parts.append(_bar(b))
    # Labels, each a link to its item.
    for b in lay.bars:
        inner = title(b.tooltip) + b.label.svg()
        if link is not None:
            parts.append(el("a", inner, href=link(b.key)))
        else:
            parts.append(el("g", inner))
        if b.note:
            parts.append(b.note.svg())
    # Today.
    if lay.today_x is not None:
        parts.append(
            el(
                "line",
                x1=lay.today_x,
                y1=MARGIN + 20,
                x2=lay.today_x,
                y2=c.bottom + 3,
                stroke=TODAY,
                stroke_width=1.5,
                stroke_dasharray="6 4",
            )
        )
        if lay.today_label:
            parts.append(lay.today_label.svg())
    parts.append(_legend_svg(lay.legend))
    text = label or t(N_("Plan timeline"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(lay.width)} {num(lay.height)}"'
        f' width="{num(lay.width)}" height="{num(lay.height)}" role="img"'
        f' aria-label="{esc(clean(text))}" font-family="{esc(FONT_FAMILY)}" font-size="12"'
        f' fill="{INK}" class="gantt-svg">'
        + title(text)
        + el("rect", x=0, y=0, width=lay.width, height=lay.height, fill="#fff")
        + "".join(parts)
        + "</svg>"
    )


def _defs() -> str:
    def marker(mid: str, colour: str) -> str:
        return el(
            "marker",
            el("path", d="M0 0 L8 4 L0 8 z", fill=colour),
            id=mid,
            viewBox="0 0 8 8",
            refX=7,
            refY=4,
            markerWidth=7,
            markerHeight=7,
            orient="auto",
        )

    return el(
        "defs",
        marker("gantt-arrow", ARROW),
        marker("gantt-arrow-critical", CRITICAL),
        marker("gantt-arrow-conflict", CONFLICT),
    )


def _bar(b: Bar) -> str:
    if b.rect is None:
        return ""
    r = b.rect
    fill, strong = COLOURS[b.status]
    tip = title(b.tooltip)
    if b.kind == "bracket":
        cap = 5.0
        d = (
            f"M{num(r.x)} {num(r.y)} H{num(r.right)} V{num(r.bottom + cap)} "
            f"L{num(r.right - cap)} {num(r.bottom)} H{num(r.x + cap)} "
            f"L{num(r.x)} {num(r.bottom + cap)} Z"
        )
        return el(
            "g",
            tip,
            el(
                "path",
                d=d,
                fill=CRITICAL if b.critical else SUMMARY,
                stroke="none",
                fill_opacity=0.9,
            ),
        )
    outline = CRITICAL if b.critical else strong
    width = 2.5 if b.critical else 1.0
    dash = "4 2" if b.computed else None
    if b.kind == "milestone":
        cx, cy, h = r.x + r.w / 2, r.y + r.h / 2, r.h / 2
        d = f"M{num(cx)} {num(cy - h)} L{num(cx + h)} {num(cy)} L{num(cx)} {num(cy + h)} L{num(cx - h)} {num(cy)} Z"
        return el("g", tip, el("path", d=d, fill=strong, stroke=outline, stroke_width=width))
    inner = [tip, el("rect", x=r.x, y=r.y, width=r.w, height=r.h, rx=3, fill=fill)]
    if b.progress:
        inner.append(
            el("rect", x=r.x, y=r.y, width=r.w * b.progress / 100, height=r.h, rx=3, fill=strong)
        )
    inner.append(
        el(
            "rect",
            x=r.x,
            y=r.y,
            width=r.w,
            height=r.h,
            rx=3,
            fill="none",
            stroke=outline,
            stroke_width=width,
            stroke_dasharray=dash,
        )
    )
    return el("g", *inner)


def _legend_svg(legend: list[tuple[str, TextBlock, Rect]]) -> str:
    out = []
    for kind, text, s in legend:
        cy = s.y + s.h / 2
        if kind in COLOURS_BY_NAME:
            fill, strong = COLOURS_BY_NAME[kind]
            sw = el("rect", x=s.x, y=s.y, width=s.w, height=s.h, rx=3, fill=fill, stroke=strong)
        elif kind == "critical":
            sw = el(
                "rect",
                x=s.x,
                y=s.y,
                width=s.w,
                height=s.h,
                rx=3,
                fill="#fff",
                stroke=CRITICAL,
                stroke_width=2.5,
            )
        elif kind in ("prep", "prep_late"):
            colour = PREP if kind == "prep" else PREP_LATE
            sw = el(
                "line",
                x1=s.x,
                y1=cy,
                x2=s.right,
                y2=cy,
                stroke=colour,
                stroke_width=3,
                stroke_dasharray="5 3",
            )
        elif kind in ("dependency", "conflict"):
            colour = ARROW if kind == "dependency" else CONFLICT
            marker = "url(#gantt-arrow)" if kind == "dependency" else "url(#gantt-arrow-conflict)"
            sw = el(
                "path",
                d=f"M{num(s.x)} {num(cy)} H{num(s.right - 2)}",
                stroke=colour,
                stroke_width=1.4,
                fill="none",
                marker_end=marker,
                stroke_dasharray="4 3" if kind == "conflict" else None,
            )
        else:  # today
            sw = el(
                "line",
                x1=s.x + s.w / 2,
                y1=s.y - 2,
                x2=s.x + s.w / 2,
                y2=s.bottom + 2,
                stroke=TODAY,
                stroke_width=1.5,
                stroke_dasharray="4 3",
            )
        out.append(el("g", sw, text.svg()))
    return el("g", *out)


COLOURS_BY_NAME = {s.value: COLOURS[s] for s in COLOURS}
