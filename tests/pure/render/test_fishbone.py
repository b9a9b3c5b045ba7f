"""The fishbone diagram: safe SVG, every text present, nothing overlapping, any number of areas."""

import random
from decimal import Decimal

import pytest

from remit.domain.duties import Purpose, ResultArea, Target
from remit.domain.people import Position
from remit.render._svg import ELLIPSIS, NBSP, Rect, text_width
from remit.render.fishbone import TARGET_LINES, area_label, fishbone_layout, fishbone_svg

from .test_svg import anchors_inside, pairwise_apart, parse_safe, segment_crosses, texts, titles

AREA_TITLES = [
    "Budget & cost control",
    "Financial reporting and month-end close with the group auditors",
    "R&D <core> budget",
    "预算与成本控制",
    "Cash & working capital",
    "Team leadership and coaching of the finance staff across three sites",
    "ERP",
    "Risk & internal controls",
    "Stakeholder relations with banks, insurers and the Revenue Commissioners",
    "Treasury",
    "Investor relations & IPO readiness",
    "Continuous improvement",
]
TARGETS = [
    "Annual budget approved by the board before the year starts and monthly variances "
    "explained within five working days to every budget holder",
    "Month-end close within 5 working days",
    "每月核对供应商对账单与总账，确保差异在五个工作日内解决并向财务总监报告所有超过一万欧元的差异",
    "Debtor days < 45 & no account older than 90 days without a written recovery plan",
    "No penalties",
]
PURPOSE = Purpose(
    "On the basis of the owner's values and the strategic objectives agreed with the board",
    "lead the department's staff and provide complete financial services — cost, budget, "
    "reporting, tax and cash",
    "so that the company grows profitably and every decision rests on reliable numbers",
)


def position(n_areas: int, *, targets_per_area: int | None = None) -> Position:
    areas = []
    for i in range(n_areas):
        count = targets_per_area if targets_per_area is not None else (i % 5)
        targets = tuple(
            Target(f"A{i}-T{j}", TARGETS[(i + j) % len(TARGETS)], target="≥ 98 %")
            for j in range(count)
        )
        weight = Decimal(100) / n_areas if i else Decimal("12.5")
        areas.append(
            ResultArea(f"A{i}", AREA_TITLES[i % len(AREA_TITLES)], weight, targets=targets)
        )
    return Position(
        "FIN-MGR", "Planning & Finance Manager", purpose=PURPOSE, result_areas=tuple(areas)
    )


def check_geometry(pos: Position) -> None:
    """Nothing overlaps, nothing leaves the canvas, no bone runs through any text."""
    lay = fishbone_layout(pos)
    canvas = Rect(0, 0, lay.width, lay.height)
    pairwise_apart(lay.boxes, gap=2)
    for block in lay.text_blocks:
        assert block.box.inside(canvas), block.lines
    for box in lay.boxes:
        assert box.inside(canvas)
    lines = [lay.spine, *(a.bone for a in lay.areas)]
    lines += [t.twig for a in lay.areas for t in a.targets if t.twig]
    text_boxes = [lay.head, *(a.label for a in lay.areas)]
    text_boxes += [t.text.box for a in lay.areas for t in a.targets]
    for a in lay.areas:
        # A bone meets its own label box at an edge; it must not cross any text.
        for line in lines:
            for box in text_boxes:
                if line is a.bone and box is a.label:
                    continue
                assert not segment_crosses(*line, box), (line, box)
    # Label text stays inside its box, head text inside the head.
    for a in lay.areas:
        assert a.label_text.box.inside(a.label), a.label_text.lines
    for block in lay.head_text:
        assert block.box.inside(lay.head)


@pytest.mark.parametrize("n", [1, 2, 3, 6, 7, 12])
def test_any_number_of_areas_is_safe_readable_and_nothing_overlaps(n):
    pos = position(n)
    root = parse_safe(fishbone_svg(pos))
    anchors_inside(root)
    check_geometry(pos)
    lay = fishbone_layout(pos)
    assert len(lay.areas) == n
    # Alternately above and below the spine, spread evenly along it.
    spine_y = lay.spine[1]
    assert [a.label.y < spine_y for a in lay.areas] == [i % 2 == 0 for i in range(n)]
    roots = [a.bone[0] for a in lay.areas]
    steps = {round(roots[i + 2] - roots[i], 3) for i in range(n - 2)}
    assert len(steps) <= 1


def test_many_long_targets_make_the_canvas_grow_not_overlap():
    few, many = position(6, targets_per_area=1), position(6, targets_per_area=6)
    assert fishbone_layout(many).height > fishbone_layout(few).height
    check_geometry(many)
    assert fishbone_layout(position(12)).width > fishbone_layout(position(6)).width


def test_every_area_target_and_the_purpose_are_there_escaped():
    pos = position(12, targets_per_area=2)
    svg = fishbone_svg(pos)
    root = parse_safe(svg)
    shown = " ".join(texts(root)).replace(NBSP, " ")
    tips = titles(root)
    for area in pos.result_areas:
        assert area_label(area) in tips
        assert area.title.split()[0] in shown
        for target in area.targets:
            assert any(tip.startswith(target.statement) for tip in tips)
    assert "R&D <core> budget" in shown
    assert "R&amp;D &lt;core&gt; budget" in svg
    assert "预算与成本控制" in shown
    assert "Planning & Finance Manager" in shown
    assert "On the basis of the owner's values" in shown
    assert "so that the company grows profitably" in shown


def test_weights_are_shown_with_the_title():
    area = ResultArea("A", "Budget & cost control", Decimal(30))
    assert area_label(area) == f"Budget & cost control{NBSP}·{NBSP}30{NBSP}%"
    assert area_label(ResultArea("B", "Treasury")) == "Treasury"
    assert area_label(ResultArea("C", "Tax", Decimal("12.50"))).endswith(f"12.5{NBSP}%")


def test_long_targets_are_wrapped_and_cut_with_an_ellipsis():
    statement = " ".join(["Reconcile every supplier statement with the ledger"] * 5)
    pos = Position(
        "P", "Clerk", result_areas=(ResultArea("A", "Ledger", targets=(Target("T", statement),)),)
    )
    lay = fishbone_layout(pos)
    (target,) = lay.areas[0].targets
    assert len(target.text.lines) == TARGET_LINES
    assert target.text.lines[-1].endswith(ELLIPSIS)
    assert target.full == statement  # the tooltip keeps it whole
    assert all(text_width(line, target.text.size) <= 190 for line in target.text.lines)


def test_chinese_position_wraps_inside_its_boxes():
    pos = Position(
        "FIN-MGR",
        "计划财务经理",
        purpose=Purpose(
            "根据董事会批准的战略目标", "领导部门员工，提供完整的财务服务", "使公司盈利增长"
        ),
        result_areas=(
            ResultArea("A1", "预算与成本控制", Decimal(60), targets=(Target("t1", TARGETS[2]),)),
            ResultArea(
                "A2", "财务报告", Decimal(40), targets=(Target("t2", "月末结账在五个工作日内完成"),)
            ),
        ),
    )
    root = parse_safe(fishbone_svg(pos))
    anchors_inside(root)
    check_geometry(pos)
    assert "计划财务经理" in texts(root)


def test_no_areas_shows_the_head_the_spine_and_a_translated_note():
    pos = Position("P", "Clerk", purpose=PURPOSE)
    svg = fishbone_svg(pos, t=lambda s: f"«{s}»")
    root = parse_safe(svg)
    assert "«No key result areas yet»" in texts(root)
    assert root.get("aria-label") == "«Fishbone diagram of {position}»".format(position="Clerk")
    lay = fishbone_layout(pos)
    assert lay.areas == [] and lay.note is not None
    assert lay.spine[2] - lay.spine[0] > 200


def test_empty_purpose_and_area_without_targets_say_so():
    pos = Position("P", "Clerk", result_areas=(ResultArea("A", "Filing"),))
    shown = texts(parse_safe(fishbone_svg(pos)))
    assert "No purpose yet" in shown
    assert "No targets yet" in shown


def test_areas_link_to_their_edit_page_when_asked():
    pos = position(3)
    root = parse_safe(fishbone_svg(pos, link=lambda key: f"/positions/FIN-MGR/areas/{key}?a=1&b=2"))
    hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert hrefs == [f"/positions/FIN-MGR/areas/A{i}?a=1&b=2" for i in range(3)]
    assert not list(parse_safe(fishbone_svg(pos)).iter("{http://www.w3.org/2000/svg}a"))


@pytest.mark.parametrize("seed", range(10))
def test_random_contents_never_overlap(seed):
    rng = random.Random(seed)
    words = "budget cost ledger 核对 供应商 supplier statement close month-end review team".split()

    def sentence(lo: int, hi: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    areas = tuple(
        ResultArea(
            f"A{i}",
            sentence(1, 12),
            Decimal(rng.randint(0, 100)) if rng.random() > 0.2 else None,
            targets=tuple(Target(f"A{i}-{j}", sentence(1, 40)) for j in range(rng.randint(0, 6))),
        )
        for i in range(rng.randint(0, 12))
    )
    pos = Position(
        "P", sentence(1, 8), purpose=Purpose(sentence(0, 30), sentence(0, 30)), result_areas=areas
    )
    parse_safe(fishbone_svg(pos))
    check_geometry(pos)
