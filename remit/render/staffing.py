"""The staffing timeline as SVG: headcount needed by date vs filled, stage by stage.

Drawn on the server so it prints and needs no script; presentation attributes only
(see ``_svg``). The needed headcount is dashed and the filled one solid, so the two
differ by more than colour; the page shows the same numbers in a table beside it.
"""

import datetime as dt
import math
from collections.abc import Callable

from remit.analysis.staffing import Point, Timeline
from remit.domain.common import gettext_noop as N_

from ._svg import INK, LINE, MUTED, TextBlock, document, el, ellipsize, text_width, title, tr

Translate = Callable[[str], str]

WIDTH = 880.0  # drawn at full size: fits a desktop page, scrolls sideways on a phone
HEIGHT = 400.0
LEFT = 52.0
RIGHT = 28.0
TOP = 64.0  # the legend, then the stages' names
BOTTOM = 40.0
SIZE = 12.0
SMALL = 11.0

NEEDED = "#332288"  # Paul Tol's indigo and green: apart for the common colour deficiencies
FILLED = "#117733"
TODAY = "#882255"
BAND = "#f3f4f6"
GRID = "#e5e7eb"


def _nice_step(top: float, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10^k) giving at most about ``ticks`` gridlines up to ``top``."""
    raw = max(top / ticks, 1.0)
    base = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * base >= raw:
            return int(m * base)
    return int(10 * base)


def _year_step(years: int) -> int:
    for step in (1, 2, 5, 10, 20, 50):
        if years / step <= 12:
            return step
    return 100


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Ticks on the time axis: years (every 1, 2, 5 … of them), or quarters for a short span."""
    years = last.year - first.year + 1
    if years <= 3:
        out = []
        for year in range(first.year, last.year + 1):
            for month in (1, 4, 7, 10):
                day = dt.date(year, month, 1)
                if first < day <= last:
                    out.append((day, str(year) if month == 1 else f"{year}-{month:02d}"))
        return out
    every = _year_step(years)
    return [
        (dt.date(year, 1, 1), str(year))
        for year in range(first.year + 1, last.year + 1)
        if not year % every
    ]


def _step_path(points: list[tuple[float, float]], end_x: float) -> str:
    """A step line: each value holds until the next point, the last until ``end_x``."""
    if not points:
        return ""
    x, y = points[0]
    parts = [f"M{x:.1f},{y:.1f}"]
    for nx, ny in points[1:]:
        parts.append(f"H{nx:.1f}V{ny:.1f}")
    parts.append(f"H{end_x:.1f}")
    return "".join(parts)


def timeline_svg(
    tl: Timeline,
    *,
    t: Translate = lambda s: s,
    link: Callable[[str], str] | None = None,
) -> str:
    """The timeline chart; ``link(stage_key)`` makes the stages' names links."""
    label = tr(
        t,
        N_("Staffing timeline: {needed} needed and {filled} filled today."),
        needed=tl.planned_today,
        filled=tl.filled_today,
    )
    if tl.empty:
        text = TextBlock((t(N_("No dated staffing needs yet.")),), 20, 34, SIZE, 16, fill=MUTED)
        return document(360, 56, label, text.svg())
    x0, x1 = LEFT, WIDTH - RIGHT
    y0, y1 = TOP, HEIGHT - BOTTOM
    pad = max(30, (tl.end - tl.start).days // 40)
    first, last = tl.start, tl.end + dt.timedelta(days=pad)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return x0 + (day - first).days / span * (x1 - x0)

    top_value = max(
        [p.planned for p in tl.points]
        + [p.filled or 0 for p in tl.points]
        + [m.headcount for m in tl.stages]
        + [1]
    )
    step = _nice_step(top_value)
    y_max = step * math.ceil(top_value * 1.08 / step)

    def y(value: float) -> float:
        return y1 - value / y_max * (y1 - y0)

    parts: list[str] = []
    # Stage bands: each stage runs from the previous stage's date to its own.
    start = first
    for i, m in enumerate(tl.stages):
        if m.target_date is None or m.target_date < first:
            continue
        end = min(m.target_date, last)
        left, right = x(start), x(end)
        if i % 2 == 0:
            parts.append(el("rect", x=left, y=y0, width=right - left, height=y1 - y0, fill=BAND))
        name = ellipsize(m.name, right - left - 8, SMALL, bold=True)
        needs = tr(t, N_("needs {n}"), n=m.headcount)
        if right - left >= 44:
            names = TextBlock((name, needs), left + 4, y0 + 14, SMALL, 14, bold=False, fill=INK)
            tip = title(f"{m.name} · {needs} · {m.target_date.isoformat()}")
            parts.append(
                el("a", tip, names.svg(), href=link(m.key)) if link else el("g", tip, names.svg())
            )
        parts.append(
            el("line", x1=right, y1=y0, x2=right, y2=y1, stroke=LINE, stroke_dasharray="2 3")
        )
        start = end
    # Gridlines and values.
    v = 0
    while v <= y_max:
        parts.append(el("line", x1=x0, y1=y(v), x2=x1, y2=y(v), stroke=GRID, stroke_width=1))
        parts.append(TextBlock((str(v),), x0 - 6, y(v) + 4, SMALL, 14, anchor="end").svg())
        v += step
    parts.append(el("line", x1=x0, y1=y1, x2=x1, y2=y1, stroke=LINE, stroke_width=1))
    for day, text in _ticks(first, last):
        tx = x(day)
        parts.append(el("line", x1=tx, y1=y1, x2=tx, y2=y1 + 5, stroke=LINE))
        parts.append(TextBlock((text,), tx, y1 + 19, SMALL, 14, anchor="middle").svg())
    # The two lines.
    needed = [(x(p.day), y(p.planned)) for p in tl.points]
    parts.append(
        el(
            "path",
            d=_step_path(needed, x(tl.end)),
            fill="none",
            stroke=NEEDED,
            stroke_width=2.5,
            stroke_dasharray="7 4",
        )
    )
    filled: list[Point] = [p for p in tl.points if p.filled is not None]
    if filled:
        pts = [(x(p.day), y(p.filled or 0)) for p in filled]
        parts.append(
            el(
                "path",
                d=_step_path(pts, x(tl.today)),
                fill="none",
                stroke=FILLED,
                stroke_width=2.5,
            )
        )
    # Today, with today's two numbers.
    tx = x(tl.today)
    if first <= tl.today <= last:
        parts.append(
            el(
                "line",
                class_="today",  # staffing.js scrolls a narrow screen to it
                x1=tx,
                y1=y0,
                x2=tx,
                y2=y1,
                stroke=TODAY,
                stroke_width=1.5,
                stroke_dasharray="1 3",
            )
        )
        for value, colour in ((tl.filled_today, FILLED), (tl.planned_today, NEEDED)):
            parts.append(el("circle", cx=tx, cy=y(value), r=4, fill=colour))
        labels = sorted(
            [
                (y(tl.filled_today), FILLED, tr(t, N_("{n} filled"), n=tl.filled_today)),
                (y(tl.planned_today), NEEDED, tr(t, N_("{n} needed"), n=tl.planned_today)),
            ]
        )
        # Keep the two labels apart when the numbers are close.
        if labels[1][0] - labels[0][0] < 16:
            mid = (labels[0][0] + labels[1][0]) / 2
            labels = [(mid - 8, *labels[0][1:]), (mid + 8, *labels[1][1:])]
        for ly, colour, text in labels:
            w = text_width(text, SIZE, bold=True)
            lx = tx + 8 if tx + 8 + w <= x1 else tx - 8 - w
            # A white ground keeps the number readable where a line runs behind it.
            parts.append(
                el(
                    "rect",
                    x=lx - 3,
                    y=ly - 8,
                    width=w + 6,
                    height=17,
                    rx=3,
                    fill="#fff",
                    opacity=0.9,
                )
            )
            parts.append(TextBlock((text,), lx, ly + 4, SIZE, 14, bold=True, fill=colour).svg())
    # The legend.
    lx = x0
    for text, colour, dash, width in (
        (t(N_("Needed by date (the staffing plan)")), NEEDED, "7 4", 2.5),
        (t(N_("Filled (active assignments)")), FILLED, None, 2.5),
        (t(N_("Today")), TODAY, "1 3", 1.5),
    ):
        parts.append(
            el(
                "line",
                x1=lx,
                y1=20,
                x2=lx + 28,
                y2=20,
                stroke=colour,
                stroke_width=width,
                stroke_dasharray=dash,
            )
        )
        parts.append(TextBlock((text,), lx + 34, 24, SIZE, 14).svg())
        lx += 34 + text_width(text, SIZE) + 24
    width = max(WIDTH, lx)
    return document(width, HEIGHT, label, "".join(parts))
