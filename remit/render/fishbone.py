"""The fishbone diagram of a position's job responsibilities (four-step method, B1–B3).

The purpose sits in the head on the right; a horizontal spine runs to it; each key
result area is a slanted bone, alternately above and below the spine, with its title
and weight in a box at the bone's end; each area's targets are small horizontal bones
off it. All bones are parallel and one column apart, so the text of one bone always
fits between it and the next bone: nothing overlaps however many areas there are,
and the canvas grows with the content.

``fishbone_layout`` computes every position (the tests check it for overlaps);
``fishbone_svg`` draws it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from remit.domain.common import gettext_noop as N_
from remit.domain.duties import ResultArea
from remit.domain.people import Position

from ._svg import (
    INK,
    LINE,
    MUTED,
    NBSP,
    Rect,
    TextBlock,
    clean,
    document,
    el,
    percent,
    title,
    tr,
    wrap,
)

Translate = Callable[[str], str]

MARGIN = 20.0
SLANT = 0.45  # horizontal run of a bone per unit of height (about 66° from the spine)
# Targets
TARGET_SIZE = 12.0
TARGET_LH = 15.0
TARGET_W = 190.0  # wrap width of a target statement
TARGET_LINES = 3
TARGET_PAD = 8.0  # between a target's text and its bone
TARGET_GAP = 12.0  # between two targets on a bone
FIRST_TARGET = 18.0  # distance of the first target from the spine
BONE_GAP = 14.0  # between a target's text and the bone of the previous column
# Area labels
LABEL_SIZE = 13.0
LABEL_LH = 16.0
LABEL_LINES = 3
LABEL_PAD = 8.0
# Head
HEAD_W = 270.0
HEAD_PAD = 12.0
HEAD_TITLE_SIZE = 16.0
HEAD_TITLE_LH = 20.0
PURPOSE_SIZE = 13.0
PURPOSE_LH = 17.0
PURPOSE_LINES = 14
HEAD_GAP = 28.0  # between the last bone (or label) and the head
EMPTY_SPINE = 340.0

# A column holds one bone above and one below the spine; its width keeps the text of a
# bone clear of the previous bone even where the slant brings them closest.
COLUMN = TARGET_W + TARGET_PAD + SLANT * TARGET_LINES * TARGET_LH + BONE_GAP
LABEL_W = COLUMN - 16.0

SPINE_COLOUR = INK
BONE_COLOUR = LINE
TWIG_COLOUR = "#94a3b8"
LABEL_FILL = "#e8effc"
LABEL_STROKE = "#1e40af"
HEAD_FILL = "#fef3c7"
HEAD_STROKE = "#b45309"

Line = tuple[float, float, float, float]


@dataclass
class TargetLayout:
    """One target: its text and the small bone it sits on (None for the 'no targets' note)."""

    key: str
    text: TextBlock
    twig: Line | None
    full: str  # the whole statement, for the tooltip


@dataclass
class AreaLayout:
    key: str
    above: bool
    bone: Line
    label: Rect
    label_text: TextBlock
    full: str
    targets: list[TargetLayout] = field(default_factory=list)


@dataclass
class FishboneLayout:
    """Everything placed: canvas size, spine, head, areas; ``text_blocks``/``boxes`` for checks."""

    width: float
    height: float
    spine: Line
    head: Rect
    head_text: list[TextBlock]
    areas: list[AreaLayout]
    note: TextBlock | None = None

    @property
    def text_blocks(self) -> list[TextBlock]:
        out = list(self.head_text)
        for a in self.areas:
            out.append(a.label_text)
            out.extend(t.text for t in a.targets)
        if self.note:
            out.append(self.note)
        return out

    @property
    def boxes(self) -> list[Rect]:
        """The rectangles that must not overlap: head, area labels, target texts, note."""
        out = [self.head, *(a.label for a in self.areas)]
        out.extend(t.text.box for a in self.areas for t in a.targets)
        if self.note:
            out.append(self.note.box)
        return out

    def shift(self, dx: float, dy: float) -> None:
        """Move everything by (dx, dy)."""

        def line(v: Line) -> Line:
            return (v[0] + dx, v[1] + dy, v[2] + dx, v[3] + dy)

        def rect(r: Rect) -> Rect:
            return Rect(r.x + dx, r.y + dy, r.w, r.h)

        def text(b: TextBlock) -> TextBlock:
            return replace(b, x=b.x + dx, y=b.y + dy)

        self.spine = line(self.spine)
        self.head = rect(self.head)
        self.head_text = [text(b) for b in self.head_text]
        self.note = text(self.note) if self.note else None
        for a in self.areas:
            a.bone, a.label, a.label_text = line(a.bone), rect(a.label), text(a.label_text)
            for tg in a.targets:
                tg.text = text(tg.text)
                tg.twig = line(tg.twig) if tg.twig else None


def area_label(area: ResultArea) -> str:
    """What an area's box says: its title and weight, "Budget & cost control · 30 %"."""
    weight = percent(area.weight)
    name = clean(area.title)
    # The weight stays on one line with the last word of the title.
    return f"{name}{NBSP}·{NBSP}{weight}" if weight else name


def _targets(area: ResultArea, t: Translate) -> list[tuple[str, list[str], bool, str]]:
    """(key, wrapped lines, is-a-note, full text) for each target of an area."""
    if not area.targets:
        note = t(N_("No targets yet"))
        return [("", wrap(note, TARGET_W, TARGET_SIZE, max_lines=TARGET_LINES), True, note)]
    out = []
    for tg in area.targets:
        statement = clean(tg.statement) or "—"
        full = statement
        if tg.target.strip():
            full = f"{statement} ({clean(tg.target)})"
        lines = wrap(statement, TARGET_W, TARGET_SIZE, max_lines=TARGET_LINES)
        out.append((tg.key, lines, False, full))
    return out


def _text_height(n_lines: int) -> float:
    return n_lines * TARGET_LH


def fishbone_layout(position: Position, *, t: Translate = lambda s: s) -> FishboneLayout:
    """Place the head, spine, bones, labels and targets of a position's fishbone."""
    areas = position.result_areas
    # Local coordinates first: the spine at y = 0, the first bone's root at x = 0;
    # everything is shifted into the canvas at the end.
    prepared = []
    for i, area in enumerate(areas):
        label = area_label(area)
        label_lines = wrap(
            label, LABEL_W - 2 * LABEL_PAD, LABEL_SIZE, max_lines=LABEL_LINES, bold=True
        )
        prepared.append((i, area, label, label_lines, _targets(area, t)))

    # The bone height of each half is the tallest need in it, so labels line up in a row.
    def need(targets: list) -> float:
        h = FIRST_TARGET + sum(_text_height(len(x[1])) for x in targets)
        return h + TARGET_GAP * max(len(targets) - 1, 0) + 14.0

    bone_h = {True: 0.0, False: 0.0}
    for i, _area, _label, _ll, targets in prepared:
        above = i % 2 == 0
        bone_h[above] = max(bone_h[above], need(targets), 70.0)

    laid: list[AreaLayout] = []
    for i, area, label, label_lines, targets in prepared:
        above = i % 2 == 0
        sign = -1.0 if above else 1.0  # y grows downwards: above the spine is negative
        x0 = (i // 2) * COLUMN
        h = bone_h[above]
        tip = (x0 - SLANT * h, sign * h)
        bone = (x0, 0.0, *tip)

        label_h = len(label_lines) * LABEL_LH + 2 * LABEL_PAD - (LABEL_LH - LABEL_SIZE)
        label_rect = Rect(
            tip[0] - LABEL_W / 2, tip[1] - label_h if above else tip[1], LABEL_W, label_h
        )
        label_text = TextBlock(
            tuple(label_lines),
            tip[0],
            label_rect.y + LABEL_PAD + 0.8 * LABEL_SIZE,
            LABEL_SIZE,
            LABEL_LH,
            anchor="middle",
            bold=True,
            fill=INK,
        )
        a = AreaLayout(area.key, above, bone, label_rect, label_text, label)

        # Spread the targets evenly along the bone: the spare length goes into the gaps.
        spare = h - need(targets)
        gap = TARGET_GAP + spare / max(len(targets), 1)
        d = FIRST_TARGET + (spare / max(len(targets), 1)) / 2
        # Laid out from the spine outwards; above the spine that is bottom-up, so reverse
        # to keep the reading order top-down (label, first target, second target …).
        for key, lines, is_note, full in reversed(targets) if above else targets:
            th = _text_height(len(lines))
            far = d + th  # the text spans distances d..far from the spine
            right = x0 - SLANT * far - TARGET_PAD
            if above:
                # Text sits on its twig: the last baseline just above distance d.
                first = -d - 4.0 - (len(lines) - 1) * TARGET_LH
            else:
                first = d + 4.0 + 0.8 * TARGET_SIZE
            block = TextBlock(
                tuple(lines),
                right,
                first,
                TARGET_SIZE,
                TARGET_LH,
                anchor="end",
                fill=MUTED if is_note else INK,
                italic=is_note,
            )
            twig = None
            if not is_note:
                twig = (block.box.x - 2.0, sign * d, x0 - SLANT * d, sign * d)
            a.targets.append(TargetLayout(key, block, twig, full))
            d = far + gap
        laid.append(a)

    # The head: position title and purpose, right of everything else.
    head_w = HEAD_W
    title_lines = wrap(
        position.title or position.key,
        head_w - 2 * HEAD_PAD,
        HEAD_TITLE_SIZE,
        max_lines=3,
        bold=True,
    )
    sentence = position.purpose.sentence
    muted_purpose = not sentence
    if muted_purpose:
        sentence = t(N_("No purpose yet"))
    purpose_lines = wrap(sentence, head_w - 2 * HEAD_PAD, PURPOSE_SIZE, max_lines=PURPOSE_LINES)
    head_h = (
        HEAD_PAD
        + len(title_lines) * HEAD_TITLE_LH
        + 6.0
        + len(purpose_lines) * PURPOSE_LH
        + HEAD_PAD
        - (PURPOSE_LH - PURPOSE_SIZE)
    )
    if laid:
        rightmost = max(max(a.bone[0] for a in laid), max(a.label.right for a in laid))
        head_x = rightmost + HEAD_GAP
    else:
        head_x = EMPTY_SPINE
    head = Rect(head_x, -head_h / 2, head_w, head_h)
    cx = head_x + HEAD_PAD
    head_text = [
        TextBlock(
            tuple(title_lines),
            cx,
            head.y + HEAD_PAD + 0.8 * HEAD_TITLE_SIZE,
            HEAD_TITLE_SIZE,
            HEAD_TITLE_LH,
            bold=True,
        ),
        TextBlock(
            tuple(purpose_lines),
            cx,
            head.y + HEAD_PAD + len(title_lines) * HEAD_TITLE_LH + 6.0 + 0.8 * PURPOSE_SIZE,
            PURPOSE_SIZE,
            PURPOSE_LH,
            fill=MUTED if muted_purpose else INK,
            italic=muted_purpose,
        ),
    ]

    note = None
    if not laid:
        msg = wrap(t(N_("No key result areas yet")), EMPTY_SPINE - 40, 13.0, max_lines=2)
        note = TextBlock(
            tuple(msg),
            EMPTY_SPINE / 2,
            -14.0 - (len(msg) - 1) * 17.0,
            13.0,
            17.0,
            anchor="middle",
            fill=MUTED,
            italic=True,
        )

    lay = FishboneLayout(0, 0, (0.0, 0.0, head_x, 0.0), head, head_text, laid, note)
    # Fit the canvas around what was placed, with a margin, and start the spine at the left.
    boxes = [
        *lay.boxes,
        *(
            Rect(
                min(a.bone[0], a.bone[2]),
                min(a.bone[1], a.bone[3]),
                abs(a.bone[2] - a.bone[0]),
                abs(a.bone[3] - a.bone[1]),
            )
            for a in laid
        ),
    ]
    left = min(0.0, *(b.x for b in boxes))
    top = min(b.y for b in boxes)
    right = max(b.right for b in boxes)
    bottom = max(b.bottom for b in boxes)
    lay.spine = (left, 0.0, head_x, 0.0)
    lay.shift(MARGIN - left, MARGIN - top)
    lay.width = right - left + 2 * MARGIN
    lay.height = bottom - top + 2 * MARGIN
    return lay


def fishbone_svg(
    position: Position,
    *,
    t: Translate = lambda s: s,
    link: Callable[[str], str] | None = None,
) -> str:
    """The fishbone diagram of a position as inline-safe SVG (no style attributes)."""
    lay = fishbone_layout(position, t=t)
    parts: list[str] = []
    x1, y1, x2, y2 = lay.spine
    parts.append(
        el(
            "line",
            x1=x1,
            y1=y1,
            x2=x2,
            y2=y2,
            stroke=SPINE_COLOUR,
            stroke_width=4,
            stroke_linecap="round",
        )
    )
    for a in lay.areas:
        bone = el(
            "line",
            x1=a.bone[0],
            y1=a.bone[1],
            x2=a.bone[2],
            y2=a.bone[3],
            stroke=BONE_COLOUR,
            stroke_width=2.5,
            stroke_linecap="round",
        )
        box = el(
            "rect",
            x=a.label.x,
            y=a.label.y,
            width=a.label.w,
            height=a.label.h,
            rx=8,
            fill=LABEL_FILL,
            stroke=LABEL_STROKE,
            stroke_width=1.5,
        )
        head = bone + box + a.label_text.svg()
        if link is not None:
            head = el("a", title(a.full) + head, href=link(a.key))
        else:
            head = el("g", title(a.full) + head)
        twigs = []
        for tg in a.targets:
            inner = title(tg.full) + tg.text.svg()
            if tg.twig:
                inner += el(
                    "line",
                    x1=tg.twig[0],
                    y1=tg.twig[1],
                    x2=tg.twig[2],
                    y2=tg.twig[3],
                    stroke=TWIG_COLOUR,
                    stroke_width=1.5,
                )
            twigs.append(el("g", inner))
        parts.append(el("g", head, *twigs))
    h = lay.head
    parts.append(
        el(
            "rect",
            x=h.x,
            y=h.y,
            width=h.w,
            height=h.h,
            rx=14,
            fill=HEAD_FILL,
            stroke=HEAD_STROKE,
            stroke_width=2,
        )
    )
    parts.extend(b.svg() for b in lay.head_text)
    if lay.note:
        parts.append(lay.note.svg())
    label = tr(t, N_("Fishbone diagram of {position}"), position=clean(position.title))
    return document(lay.width, lay.height, label, "".join(parts))


__all__ = ["FishboneLayout", "area_label", "fishbone_layout", "fishbone_svg"]
