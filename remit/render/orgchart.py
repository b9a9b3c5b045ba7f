"""The organisation chart of positions (not people), usable at any size.

A tidy tree: every parent is centred over the row of its children and each subtree
keeps to its own band, so subtrees never overlap and connectors never cross. Leaf
children are stacked in columns under their parent rather than spread in a row. When
the tree would still be wider than a page (``COMPACT_WIDTH``), the lower levels become
indented lists (reports below their manager, one step in), from the bottom level up:
a wide organisation grows down the page instead of shrinking to unreadable text.

Only ``max_boxes`` boxes are ever drawn: levels are added top-down while they fit
(a level that does not fit whole is filled family by family, then the descent stops),
and every box whose reports are not all drawn says "+N below" and, with ``link``,
links to the chart rooted there. A 10,000-position organisation is therefore drawn as
its top levels plus the way down.

``orgchart_layout`` places everything (the tests check it); ``orgchart_svg`` draws it;
``orgchart_stats`` says how much is shown.
"""

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from remit.domain.common import gettext_noop as N_
from remit.domain.organization import Organization
from remit.domain.people import Employee, Position, PositionStatus

from ._svg import (
    INK,
    LINE,
    LINK,
    MUTED,
    NBSP,
    Rect,
    TextBlock,
    clean,
    document,
    el,
    ellipsize,
    is_cjk,
    num,
    text_width,
    title,
    tr,
    wrap,
)

Translate = Callable[[str], str]

# Paul Tol's "muted" scheme: distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#332288",  # indigo
    "#117733",  # green
    "#CC6677",  # rose
    "#88CCEE",  # cyan
    "#DDCC77",  # sand
    "#882255",  # wine
    "#44AA99",  # teal
    "#999933",  # olive
    "#AA4499",  # purple
)
NO_DEPARTMENT = "#BBBBBB"
HIGHLIGHT = "#111111"

MARGIN = 20.0
BOX_W = 200.0
BOX_H = 112.0
PAD = 10.0
BAND = 6.0  # the department colour along the top of a box
RADIUS = 6.0
LEVEL_GAP = 44.0  # between a parent's bottom and its children's tops
SIBLING_GAP = 20.0
# Leaf children are stacked in columns as soon as there are two: a row of boxes per
# family made the nine-department demo chart 3,000 px wide, unreadable once scaled to a page.
STACK_AFTER = 1
STACK_INDENT = 22.0  # the column's connector runs down this margin, left of its boxes
STACK_ROW_GAP = 14.0
ROOT_GAP = 32.0
# The chart should fit a page at full size (text readable) and grow downwards: wider
# than this, stacks grow taller and then lower levels become indented lists.
COMPACT_WIDTH = 1200.0
# Heights (in rows of boxes) tried for a stack's columns before a level is made an indented list.
STACK_HEIGHTS = (12, 18, 24, 36)
TITLE_SIZE = 13.0
TITLE_LH = 16.0
SMALL = 11.0
INFO = 11.5
LEGEND_SIZE = 12.0
MAX_DEPTH = 100  # levels drawn at most, whatever ``depth`` asks (the layout recurses)
LEGEND_ITEMS = 24  # more departments than this are summed up as "+N more"

Point = tuple[float, float]


@dataclass
class OrgBox:
    """One drawn position: where, what it says, and how it looks."""

    key: str
    rect: Rect
    texts: list[TextBlock]
    colour: str
    tooltip: str
    hidden_below: int = 0
    highlight: bool = False
    dashed: bool = False
    linked: bool = False


@dataclass
class LegendItem:
    swatch: Rect
    colour: str
    text: TextBlock
    dashed: bool = False


@dataclass
class OrgChartLayout:
    """Everything placed, plus the counts: ``shown`` boxes of ``total`` positions."""

    width: float
    height: float
    boxes: list[OrgBox]
    connectors: list[list[Point]]  # polylines
    legend: list[LegendItem]
    extra_texts: list[TextBlock] = field(default_factory=list)  # "+N more departments", notes
    up: TextBlock | None = None  # "↑ Reports to …" above a root that is not the top
    up_key: str | None = None  # the position that text links to
    shown: int = 0
    total: int = 0

    @property
    def hidden(self) -> int:
        return self.total - self.shown

    @property
    def text_blocks(self) -> list[TextBlock]:
        return [
            *(b for box in self.boxes for b in box.texts),
            *(i.text for i in self.legend),
            *self.extra_texts,
            *([self.up] if self.up else []),
        ]


# --- the tree in scope --------------------------------------------------------------


@dataclass
class _Scope:
    """The positions in scope and who reports to whom among them."""

    org: Organization
    tops: list[str]
    children: dict[str, list[str]]
    planned: dict[str, int] | None  # stage mode: planned headcount by position

    def kids(self, key: str) -> list[str]:
        return self.children.get(key, [])


def _by_department(positions: list[Position]) -> list[str]:
    """Keys with each department's positions together, in order of first appearance."""
    first: dict[str | None, int] = {}
    for p in positions:
        first.setdefault(p.department, len(first))
    return [p.key for p in sorted(positions, key=lambda p: first[p.department])]


def _scope(org: Organization, root: str | None, stage: str | None) -> _Scope:
    planned: dict[str, int] | None = None
    if stage is not None:
        if stage not in org.stages:
            raise KeyError(f"unknown stage {stage!r}")
        planned = {}
        for line in org.stages[stage].staffing:
            if line.position in org.positions:
                planned[line.position] = planned.get(line.position, 0) + line.headcount
        # The stage's positions and everything above them: a planned post is shown
        # where it sits, under the positions it reports to.
        keep: set[str] = set()
        for key in planned:
            k: str | None = key
            while k is not None and k in org.positions and k not in keep:
                keep.add(k)
                k = org.positions[k].reports_to
    else:
        # Archived positions are history: they are left out of the chart.
        keep = {k for k, p in org.positions.items() if p.status != PositionStatus.ARCHIVED}

    if root is not None:
        if root not in org.positions:
            raise KeyError(f"unknown position {root!r}")
        tops = [root]
    else:
        # The top: positions reporting to no one in scope (also covers dangling references).
        tops = _by_department(
            [p for k, p in org.positions.items() if k in keep and p.reports_to not in keep]
        )

    children: dict[str, list[str]] = {}
    seen = set(tops)
    todo = list(tops)
    while todo:
        key = todo.pop()
        subs = [p for p in org.subordinates.get(key, ()) if p.key in keep and p.key not in seen]
        if subs:
            children[key] = _by_department(subs)
            seen.update(children[key])
            todo.extend(children[key])
    return _Scope(org, tops, children, planned)


def _descendants(scope: _Scope) -> dict[str, int]:
    """How many positions are below each position in scope (all levels)."""
    order: list[str] = []
    todo = list(scope.tops)
    while todo:
        key = todo.pop()
        order.append(key)
        todo.extend(scope.kids(key))
    count: dict[str, int] = {}
    for key in reversed(order):  # children before parents
        count[key] = sum(1 + count[c] for c in scope.kids(key))
    return count


def _select(scope: _Scope, depth: int, max_boxes: int) -> tuple[list[str], dict[str, list[str]]]:
    """The tops drawn and, for each drawn position, its children drawn."""
    budget = max(1, max_boxes)
    depth = min(depth, MAX_DEPTH)
    tops = scope.tops[:budget]
    budget -= len(tops)
    drawn: dict[str, list[str]] = {}
    level = tops
    for _ in range(max(0, depth)):
        families = [(k, scope.kids(k)) for k in level if scope.kids(k)]
        if not families or budget <= 0:
            break
        need = sum(len(kids) for _, kids in families)
        if need <= budget:
            for k, kids in families:
                drawn[k] = list(kids)
            budget -= need
            level = [c for _, kids in families for c in kids]
            continue
        # The level does not fit whole: draw whole families while they fit (so a box
        # never shows only some of its reports), then stop descending.
        taken = False
        for k, kids in families:
            if len(kids) <= budget:
                drawn[k] = list(kids)
                budget -= len(kids)
                taken = True
        if not taken:
            # Not even one family fits: show the first reports of the first one.
            k, kids = families[0]
            drawn[k] = list(kids[:budget])
        break
    return tops, drawn


def orgchart_stats(
    org: Organization,
    root: str | None = None,
    depth: int = 3,
    max_boxes: int = 150,
    *,
    stage: str | None = None,
) -> dict[str, int]:
    """How many boxes the chart draws (``shown``) of how many positions (``total``, ``hidden``)."""
    scope = _scope(org, root, stage)
    desc = _descendants(scope)
    tops, drawn = _select(scope, depth, max_boxes)
    shown = len(tops) + sum(len(v) for v in drawn.values())
    total = sum(1 + desc[k] for k in scope.tops)
    return {"shown": shown, "hidden": total - shown, "total": total}


# --- what a box says ----------------------------------------------------------------


def _posts(n: int, t: Translate) -> str:
    return t(N_("1 post")) if n == 1 else tr(t, N_("{n} posts"), n=n)


def _names(holders: list[Employee], width: float) -> str:
    """As many holders' names as fit on one line, then "+N"."""
    names = [clean(e.name) for e in holders]
    # Chinese names are listed with the enumeration comma, as a Chinese reader expects.
    sep = "、" if all(n and all(is_cjk(c) for c in n) for n in names) else ", "
    for n in range(len(names), 0, -1):
        text = sep.join(names[:n])
        if n < len(names):
            text += f" +{len(names) - n}"
        if text_width(text, SMALL) <= width:
            return text
    return ellipsize(names[0], width - text_width(f" +{len(names) - 1}", SMALL), SMALL) + (
        f" +{len(names) - 1}" if len(names) > 1 else ""
    )


def _box_texts(
    p: Position,
    x: float,
    y: float,
    *,
    department: str,
    holders: list[Employee],
    planned: int | None,
    in_stage: bool,
    stage_mode: bool,
    hidden_below: int,
    t: Translate,
) -> list[TextBlock]:
    inner = BOX_W - 2 * PAD
    left = x + PAD
    title_lines = wrap(p.title or p.key, inner, TITLE_SIZE, max_lines=2, bold=True)
    base = y + BAND + 8 + 0.8 * TITLE_SIZE
    out = [TextBlock(tuple(title_lines), left, base, TITLE_SIZE, TITLE_LH, bold=True)]
    # One-line titles pull the rest up, so every box reads top-down without a gap.
    cy = base + (len(title_lines) - 1) * TITLE_LH + 17.0
    key_line = ellipsize(f"{p.key} · {department}" if department else p.key, inner, SMALL)
    out.append(TextBlock((key_line,), left, cy, SMALL, 14.0, fill=MUTED))
    cy += 17.0
    filled = len(holders)
    if stage_mode:
        if in_stage:
            info = tr(
                t, N_("planned {planned} · filled {filled}"), planned=planned or 0, filled=filled
            )
        else:
            info = t(N_("not in the stage plan"))
    else:
        info = _posts(p.headcount, t)
        vacant = max(0, p.headcount - filled)
        if vacant:
            info += " · " + tr(t, N_("{n} vacant"), n=vacant)
    out.append(
        TextBlock(
            (ellipsize(info, inner, INFO, bold=True),),
            left,
            cy,
            INFO,
            15.0,
            bold=True,
            fill=INK if (in_stage or not stage_mode) else MUTED,
        )
    )
    cy += 16.0
    if holders:
        out.append(TextBlock((_names(holders, inner),), left, cy, SMALL, 14.0, fill=INK))
    if hidden_below:
        below = tr(t, N_("+{n} below"), n=f"{hidden_below:,}").replace(" ", NBSP)
        out.append(
            TextBlock(
                (ellipsize(below, inner, INFO, bold=True),),
                x + BOX_W - PAD,
                y + BOX_H - 9,
                INFO,
                15.0,
                anchor="end",
                bold=True,
                fill=LINK,
            )
        )
    return out


# --- layout -------------------------------------------------------------------------


@dataclass
class _Node:
    key: str
    kids: list["_Node"]
    level: int = 0
    width: float = BOX_W  # of the whole subtree as laid out
    height: float = BOX_H
    hang: bool = False  # drawn as an indented list: children below the box, to the right
    stacked: list["_Node"] = field(default_factory=list)  # children listed in columns
    columns: list[list["_Node"]] = field(default_factory=list)
    x: float = 0.0  # the box's left edge
    y: float = 0.0


def _fill(blocks: list[_Node], cap: float) -> list[list[_Node]]:
    """Blocks in order, a new column whenever the next one would pass ``cap``."""
    cols: list[list[_Node]] = []
    cur: list[_Node] = []
    h = 0.0
    for b in blocks:
        after = b.height if not cur else h + STACK_ROW_GAP + b.height
        if cur and after > cap + 0.01:
            cols.append(cur)
            cur, h = [b], b.height
        else:
            cur.append(b)
            h = after
    if cur:
        cols.append(cur)
    return cols


def _columns(blocks: list[_Node], *, square: bool, rows: int) -> list[list[_Node]]:
    """The blocks of a stack split into columns of even height, in order."""
    row = BOX_H + STACK_ROW_GAP
    if square:
        # A top whose reports are all leaves is the whole chart: a square block reads
        # better than one tall column.
        n = len(blocks)
        rows = max(3, math.ceil(math.sqrt(n)))
        rows = -(-n // -(-n // rows))
        return [blocks[i : i + rows] for i in range(0, n, rows)]
    tallest = max(b.height for b in blocks)
    count = len(_fill(blocks, max(tallest, rows * row - STACK_ROW_GAP)))
    # As many columns as the height limit needs, filled as evenly as the blocks allow.
    total = sum(b.height for b in blocks) + STACK_ROW_GAP * (len(blocks) - 1)
    cap = max(tallest, total / count)
    while len(cols := _fill(blocks, cap)) > count:
        cap += row / 4
    return cols


def _measure_hanging(node: _Node) -> None:
    """An indented list: the box, and below it each report's own list, indented."""
    node.hang = True
    node.stacked, node.columns = [], []
    w, h = BOX_W, BOX_H
    for k in node.kids:
        _measure_hanging(k)
        w = max(w, STACK_INDENT + k.width)
        h += STACK_ROW_GAP + k.height
    node.width, node.height = w, h


def _measure(node: _Node, hang_from: int, rows: int, *, top: bool = False) -> None:
    """Width and height of the subtree: the box, and its children's row below it.

    Children at level ``hang_from`` or deeper are drawn as indented lists stacked in
    columns; above it, branches stand side by side and only leaves are stacked.
    """
    node.hang = False
    if node.level + 1 >= hang_from and len(node.kids) > 1:
        for k in node.kids:
            _measure_hanging(k)
        node.stacked = list(node.kids)
    else:
        for k in node.kids:
            if node.level + 1 >= hang_from:
                _measure_hanging(k)
            else:
                _measure(k, hang_from, rows)
        leaves = [k for k in node.kids if not k.kids]
        node.stacked = leaves if len(leaves) > STACK_AFTER else []
    square = top and len(node.stacked) == len(node.kids) and all(not k.kids for k in node.kids)
    node.columns = _columns(node.stacked, square=square, rows=rows) if node.stacked else []
    units = _units(node)
    if not units:
        node.width, node.height = BOX_W, BOX_H
        return
    row_w = sum(w for w, _h, _ in units) + SIBLING_GAP * (len(units) - 1)
    node.width = max(BOX_W, row_w)
    node.height = BOX_H + LEVEL_GAP + max(h for _w, h, _ in units)


def _units(node: _Node) -> list[tuple[float, float, _Node | None]]:
    """The row under a node: (width, height, subtree or None for the stack), stack in the middle."""
    stacked = {id(k) for k in node.stacked}
    units: list[tuple[float, float, _Node | None]] = [
        (k.width, k.height, k) for k in node.kids if id(k) not in stacked
    ]
    if node.columns:
        w = sum(STACK_INDENT + max(b.width for b in col) for col in node.columns)
        w += SIBLING_GAP * (len(node.columns) - 1)
        h = max(sum(b.height for b in col) + STACK_ROW_GAP * (len(col) - 1) for col in node.columns)
        units.insert(len(units) // 2, (w, h, None))
    return units


def _place_hanging(node: _Node, left: float, top: float, lines: list[list[Point]]) -> None:
    """An indented list: the box at (left, top), each report's list below, one indent in."""
    node.x, node.y = left, top
    if not node.kids:
        return
    bus = left + STACK_INDENT / 2
    y = top + BOX_H + STACK_ROW_GAP
    mid = y
    for k in node.kids:
        _place_hanging(k, left + STACK_INDENT, y, lines)
        mid = y + BOX_H / 2
        lines.append([(bus, mid), (k.x, mid)])
        y += k.height + STACK_ROW_GAP
    lines.append([(bus, top + BOX_H), (bus, mid)])


def _place(node: _Node, left: float, top: float, lines: list[list[Point]]) -> None:
    """Put the subtree's band at ``left``, its box at ``top``; record the connectors."""
    node.x = left + (node.width - BOX_W) / 2
    node.y = top
    units = _units(node)
    if not units:
        return
    row_w = sum(w for w, _h, _ in units) + SIBLING_GAP * (len(units) - 1)
    x = left + (node.width - row_w) / 2
    child_top = top + BOX_H + LEVEL_GAP
    bar_y = top + BOX_H + LEVEL_GAP / 2
    px = node.x + BOX_W / 2
    drops: list[float] = []
    for w, _h, sub in units:
        if sub is not None:
            if sub.hang:
                _place_hanging(sub, x, child_top, lines)
            else:
                _place(sub, x, child_top, lines)
            cx = sub.x + BOX_W / 2
            drops.append(cx)
            lines.append([(cx, bar_y), (cx, child_top)])
            x += w + SIBLING_GAP
            continue
        for col in node.columns:
            bus = x + STACK_INDENT / 2
            y = child_top
            mid = y
            for b in col:
                _place_hanging(b, x + STACK_INDENT, y, lines)
                mid = y + BOX_H / 2
                lines.append([(bus, mid), (b.x, mid)])
                y += b.height + STACK_ROW_GAP
            drops.append(bus)
            lines.append([(bus, bar_y), (bus, mid)])
            x += STACK_INDENT + max(b.width for b in col) + SIBLING_GAP
    lines.append([(px, top + BOX_H), (px, bar_y)])
    lo, hi = min([*drops, px]), max([*drops, px])
    if hi > lo:
        lines.append([(lo, bar_y), (hi, bar_y)])


def _arrange(forest: list[_Node], deepest: int) -> None:
    """Measure the forest in the most tree-like arrangement that fits COMPACT_WIDTH.

    Tried: every level from which children become indented lists (the deepest first,
    the most tree-like) with every stack height. Each costs its height, times the
    square of how far it is too wide; the most tree-like of those costing at most a
    quarter more than the cheapest wins.
    """

    def measure(hang_from: int, rows: int) -> tuple[float, float]:
        for n in forest:
            _measure(n, hang_from, rows, top=True)
        width = sum(n.width for n in forest) + ROOT_GAP * max(0, len(forest) - 1)
        return width, max((n.height for n in forest), default=0.0)

    tried: list[tuple[int, int, float, float]] = []
    for hang_from in range(deepest + 1, 0, -1):
        for rows in (*STACK_HEIGHTS, 10**6):
            w, h = measure(hang_from, rows)
            tried.append((hang_from, rows, w, h))
            if w <= COMPACT_WIDTH:
                break  # it fits: taller stacks would only add height

    # Too wide is paid for twice (the page scales the whole drawing down, text with it).
    def cost(x: tuple[int, int, float, float]) -> float:
        return x[3] * max(1.0, x[2] / COMPACT_WIDTH) ** 2

    cheapest = min(cost(x) for x in tried)
    best = max((x for x in tried if cost(x) <= 1.25 * cheapest), key=lambda x: (x[0], -cost(x)))
    measure(best[0], best[1])


def _walk(nodes: list[_Node]) -> list[_Node]:
    out, todo = [], list(reversed(nodes))
    while todo:
        n = todo.pop()
        out.append(n)
        todo.extend(reversed(n.kids))
    return out


def _mix(colour: str, other: int, amount: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (other - c) * amount) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def _tint(colour: str) -> str:
    """The colour mixed with white: a light box fill that keeps dark text readable."""
    return _mix(colour, 255, 0.86)


def _shade(colour: str) -> str:
    """The colour mixed with black: a border that stays visible for the light colours."""
    return _mix(colour, 0, 0.3)


def _chain(org: Organization, key: str) -> list[str]:
    """The department and its parents, the top-level department first."""
    out: list[str] = []
    k: str | None = key
    while k is not None and k not in out:
        out.append(k)
        dep = org.departments.get(k)
        k = dep.parent if dep else None
    return out[::-1]


def _colour_groups(
    org: Organization, departments: list[str | None]
) -> dict[str | None, str | None]:
    """The department whose colour each drawn department takes.

    A large organisation nests hundreds of departments: one colour each would make a
    rainbow that says nothing. Departments are grouped by their ancestor at the deepest
    level of the department tree where the groups still fit the palette (but at least
    two groups when the chart spans more than one), so a colour marks a whole branch.
    """
    chains = {d: _chain(org, d) for d in dict.fromkeys(departments) if d is not None}
    if not chains:
        return dict.fromkeys(departments)
    deepest = max(len(c) for c in chains.values())
    levels = [{c[min(level, len(c) - 1)] for c in chains.values()} for level in range(deepest)]
    fitting = [level for level, g in enumerate(levels) if len(g) <= len(PALETTE)]
    chosen = fitting[-1] if fitting else 0
    if len(levels[chosen]) <= 1:
        chosen = next((lv for lv, g in enumerate(levels) if len(g) > 1), chosen)
    out: dict[str | None, str | None] = {None: None}
    for d, c in chains.items():
        out[d] = c[min(chosen, len(c) - 1)]
    return out


def orgchart_layout(
    org: Organization,
    *,
    root: str | None = None,
    depth: int = 3,
    max_boxes: int = 150,
    on: dt.date,
    highlight: str | None = None,
    t: Translate = lambda s: s,
    link: Callable[[str], str] | None = None,
    stage: str | None = None,
) -> OrgChartLayout:
    """Select and place the boxes, connectors and legend of the organisation chart."""
    scope = _scope(org, root, stage)
    desc = _descendants(scope)
    tops, drawn = _select(scope, depth, max_boxes)
    total = sum(1 + desc[k] for k in scope.tops)

    def build(key: str) -> _Node:
        return _Node(key, [build(c) for c in drawn.get(key, [])])

    # Recursion goes as deep as the levels drawn (at most MAX_DEPTH), never further.
    forest = [build(k) for k in tops]
    nodes = _walk(forest)
    shown = len(nodes)

    group = _colour_groups(org, [org.positions[n.key].department for n in nodes])
    named = list(dict.fromkeys(g for g in group.values() if g is not None))
    # Colours: stable by the organisation's department order when the palette covers
    # them all; otherwise by order of appearance, so the boxes drawn differ as far as can be.
    if len(org.departments) <= len(PALETTE):
        index = {k: i for i, k in enumerate(org.departments)}
        colour = {d: PALETTE[index.get(d, i) % len(PALETTE)] for i, d in enumerate(named)}
    else:
        colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(named)}

    def dep_name(d: str | None) -> str:
        if d is None:
            return ""
        dep = org.departments.get(d)
        return clean(dep.name) if dep else d

    lines: list[list[Point]] = []
    y_tree = MARGIN
    x_tree = MARGIN
    for n in nodes:  # top-down: a parent's level is set before its children's
        for k in n.kids:
            k.level = n.level + 1
    _arrange(forest, max((n.level for n in nodes), default=0))
    forest_w = sum(n.width for n in forest) + ROOT_GAP * max(0, len(forest) - 1)
    # Legend first: it sits above the tree and may need several rows.
    if scope.planned is None:
        any_dashed = any(org.positions[n.key].status == PositionStatus.PLANNED for n in nodes)
        dashed_label = t(N_("Planned position"))
    else:
        any_dashed = any(n.key not in scope.planned for n in nodes)
        dashed_label = t(N_("Not in the stage plan"))
    legend_entries: list[tuple[str, str, bool]] = [(dep_name(d), colour[d], False) for d in named]
    if any(org.positions[n.key].department is None for n in nodes):
        legend_entries.append((t(N_("No department")), NO_DEPARTMENT, False))
    more = 0
    if len(legend_entries) > LEGEND_ITEMS:
        more = len(legend_entries) - LEGEND_ITEMS
        legend_entries = legend_entries[:LEGEND_ITEMS]
    if any_dashed:
        legend_entries.append((dashed_label, "#ffffff", True))
    width = max(forest_w, 560.0) + 2 * MARGIN
    legend: list[LegendItem] = []
    extra: list[TextBlock] = []
    lx, ly = MARGIN, MARGIN
    for name, col, dashed in legend_entries:
        label = ellipsize(name, 220.0, LEGEND_SIZE)
        w = 16 + 6 + text_width(label, LEGEND_SIZE)
        if lx > MARGIN and lx + w > width - MARGIN:
            lx, ly = MARGIN, ly + 22
        legend.append(
            LegendItem(
                Rect(lx, ly, 16, 16),
                col,
                TextBlock((label,), lx + 22, ly + 12.5, LEGEND_SIZE, 16.0),
                dashed,
            )
        )
        lx += w + 20
    if more:
        label = tr(t, N_("+{n} more departments"), n=more)
        w = text_width(label, LEGEND_SIZE)
        if lx > MARGIN and lx + w > width - MARGIN:
            lx, ly = MARGIN, ly + 22
        extra.append(TextBlock((label,), lx, ly + 12.5, LEGEND_SIZE, 16.0, fill=MUTED))
    if legend or more:
        y_tree = ly + 16 + 24

    # The position the root reports to, as a way up.
    up_key, up, up_text, up_y = None, None, "", 0.0
    if root is not None:
        parent = org.positions[root].reports_to
        if parent in org.positions:
            up_key = parent
            p = org.positions[parent]
            up_text = tr(t, N_("↑ Reports to {position}"), position=f"{clean(p.title)} ({p.key})")
            up_y = y_tree + 12
            y_tree += 30

    if not nodes:
        note = t(N_("No positions yet"))
        extra.append(TextBlock((note,), x_tree, y_tree + 14, 13.0, 17.0, fill=MUTED, italic=True))
        y_tree += 30

    x = x_tree + (width - 2 * MARGIN - forest_w) / 2
    for n in forest:
        _place(n, x, y_tree, lines)
        x += n.width + ROOT_GAP
    if up_key is not None:
        # Centred over the root box: the way up starts where the eye is.
        cx = forest[0].x + BOX_W / 2
        room = 2 * min(cx - MARGIN, width - MARGIN - cx)
        text = ellipsize(up_text, room, INFO, bold=True)
        up = TextBlock((text,), cx, up_y, INFO, 15.0, anchor="middle", bold=True, fill=LINK)
    height = y_tree + max((n.height for n in forest), default=0.0) + MARGIN
    if len(scope.tops) > len(tops):
        # Only when nothing reports to anything (a flat import): say what is left out.
        note = tr(t, N_("+{n} more positions at the top, not drawn"), n=len(scope.tops) - len(tops))
        extra.append(TextBlock((note,), x_tree, height + 4, 13.0, 17.0, fill=MUTED, italic=True))
        height += 30

    holders_index = org.holders_index(on)
    planned = scope.planned
    boxes: list[OrgBox] = []
    for n in nodes:
        p = org.positions[n.key]
        # Counted where the tree is cut: the reports not drawn, with everything below them.
        drawn_kids = {k.key for k in n.kids}
        hidden = sum(1 + desc[c] for c in scope.kids(n.key) if c not in drawn_kids)
        holders = list(dict.fromkeys(holders_index.get(n.key, [])))
        in_stage = planned is not None and n.key in planned
        texts = _box_texts(
            p,
            n.x,
            n.y,
            department=dep_name(p.department),
            holders=holders,
            planned=planned.get(n.key) if planned is not None else None,
            in_stage=in_stage,
            stage_mode=planned is not None,
            hidden_below=hidden,
            t=t,
        )
        boxes.append(
            OrgBox(
                n.key,
                Rect(n.x, n.y, BOX_W, BOX_H),
                texts,
                colour.get(group.get(p.department) or "", NO_DEPARTMENT),
                f"{clean(p.title)} ({p.key})",
                hidden,
                highlight == n.key,
                not in_stage if planned is not None else p.status == PositionStatus.PLANNED,
                link is not None and hidden > 0,
            )
        )
    return OrgChartLayout(width, height, boxes, lines, legend, extra, up, up_key, shown, total)


# --- drawing ------------------------------------------------------------------------


def _band(r: Rect) -> str:
    """The top strip of a rounded box, rounded like it."""
    x, y, w = r.x, r.y, r.w
    d = (
        f"M{num(x)} {num(y + BAND)}V{num(y + RADIUS)}"
        f"A{num(RADIUS)} {num(RADIUS)} 0 0 1 {num(x + RADIUS)} {num(y)}"
        f"H{num(x + w - RADIUS)}"
        f"A{num(RADIUS)} {num(RADIUS)} 0 0 1 {num(x + w)} {num(y + RADIUS)}"
        f"V{num(y + BAND)}Z"
    )
    return d


def orgchart_svg(
    org: Organization,
    *,
    root: str | None = None,
    depth: int = 3,
    max_boxes: int = 150,
    on: dt.date,
    highlight: str | None = None,
    t: Translate = lambda s: s,
    link: Callable[[str], str] | None = None,
    stage: str | None = None,
) -> str:
    """The organisation chart of positions as inline-safe SVG (no style attributes)."""
    lay = orgchart_layout(
        org,
        root=root,
        depth=depth,
        max_boxes=max_boxes,
        on=on,
        highlight=highlight,
        t=t,
        link=link,
        stage=stage,
    )
    parts: list[str] = []
    for item in lay.legend:
        s = item.swatch
        parts.append(
            el(
                "rect",
                x=s.x,
                y=s.y,
                width=s.w,
                height=s.h,
                rx=3,
                fill=item.colour,
                stroke=LINE if item.dashed else item.colour,
                stroke_width=1.5,
                stroke_dasharray="4 2" if item.dashed else None,
            )
            + item.text.svg()
        )
    for poly in lay.connectors:
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in poly)
        parts.append(el("polyline", points=pts, fill="none", stroke=LINE, stroke_width=1.5))
    for box in lay.boxes:
        r = box.rect
        inner = title(box.tooltip)
        if box.highlight:
            inner += el(
                "rect",
                x=r.x - 5,
                y=r.y - 5,
                width=r.w + 10,
                height=r.h + 10,
                rx=RADIUS + 4,
                fill="none",
                stroke=HIGHLIGHT,
                stroke_width=3,
            )
        inner += el(
            "rect",
            x=r.x,
            y=r.y,
            width=r.w,
            height=r.h,
            rx=RADIUS,
            fill=_tint(box.colour),
            stroke=_shade(box.colour) if not box.dashed else LINE,
            stroke_width=2.5 if box.highlight else 1.5,
            stroke_dasharray="5 3" if box.dashed else None,
        )
        inner += el("path", d=_band(r), fill=box.colour)
        inner += "".join(b.svg() for b in box.texts)
        if box.linked and link is not None:
            parts.append(el("a", inner, href=link(box.key)))
        else:
            parts.append(el("g", inner))
    parts.extend(b.svg() for b in lay.extra_texts)
    if lay.up is not None:
        up = lay.up.svg()
        parts.append(el("a", up, href=link(lay.up_key)) if link and lay.up_key else up)
    if lay.hidden:
        label = tr(
            t,
            N_("Organisation chart: {shown} of {total} positions"),
            shown=lay.shown,
            total=lay.total,
        )
    else:
        label = tr(t, N_("Organisation chart: {total} positions"), total=lay.total)
    return document(lay.width, lay.height, label, "".join(parts))


__all__ = ["OrgChartLayout", "orgchart_layout", "orgchart_stats", "orgchart_svg"]
