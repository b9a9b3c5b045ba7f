"""The organisation chart: safe SVG, positions with their holders, limits, layout, stages."""

import datetime as dt
import itertools
import random
import time

import pytest

from remit.domain.organization import Organization
from remit.domain.people import (
    Assignment,
    Department,
    Employee,
    Position,
    PositionStatus,
    StaffingLine,
    Stage,
)
from remit.render._svg import NBSP, Rect
from remit.render.orgchart import (
    BOX_W,
    PALETTE,
    orgchart_layout,
    orgchart_stats,
    orgchart_svg,
)

from .test_svg import NS, anchors_inside, pairwise_apart, parse_safe, segment_crosses, texts, titles

ON = dt.date(2026, 1, 15)

DEPARTMENTS = [
    ("GM", "General Management"),
    ("FIN", "Finance & Controlling"),
    ("SAL", "Sales <B2B & Retail>"),
    ("OPS", "Operations"),
    ("IT", "Information Technology"),
    ("HR", "People & Culture"),
    ("RND", "研发部"),
]
# key, title, department, reports to, headcount
POSITIONS = [
    ("CEO", "Chief Executive Officer", "GM", None, 1),
    ("EA", "Executive Assistant to the CEO", "GM", "CEO", 1),
    ("CFO", "Chief Financial Officer", "FIN", "CEO", 1),
    ("ACC", "Senior Accountant", "FIN", "CFO", 2),
    ("AP", "Accounts Payable Clerk", "FIN", "CFO", 1),
    ("CTRL", "Financial Controller & Treasury Manager", "FIN", "CFO", 1),
    ("CSO", "Chief Sales Officer", "SAL", "CEO", 1),
    ("KAM", "Key Account Manager <national>", "SAL", "CSO", 4),
    ("ISR", "Inside Sales Representative", "SAL", "CSO", 3),
    ("SAD", "Sales Administrator", "SAL", "CSO", 1),
    ("COO", "Chief Operating Officer", "OPS", "CEO", 1),
    ("PLM", "Plant Manager", "OPS", "COO", 1),
    ("SUP", "Shift Supervisor", "OPS", "PLM", 3),
    ("OPR", "Machine Operator", "OPS", "SUP", 18),
    ("LOG", "Logistics Coordinator", "OPS", "COO", 2),
    ("QAM", "Quality Assurance Manager", "OPS", "COO", 1),
    ("CIO", "Head of IT", "IT", "CEO", 1),
    ("SYS", "Systems Administrator", "IT", "CIO", 2),
    ("DEV", "ERP Developer", "IT", "CIO", 2),
    ("HRM", "HR Manager", "HR", "CEO", 1),
    ("REC", "Recruiter", "HR", "HRM", 1),
    ("PAY", "Payroll & Benefits Specialist", "HR", "HRM", 1),
    ("RDM", "研发经理", "RND", "CEO", 1),
    ("ENG", "产品工程师", "RND", "RDM", 4),
    ("LAB", "Laboratory Technician", "RND", "RDM", 1),
]
NAMES = ["Li Wei", "Ana Gómez", "Seán Ó Briain", "Marta Kowalska", "Rahul Menon", "Chloe Nolan"]


def company(*, archived: tuple[str, ...] = (), planned: tuple[str, ...] = ("LAB",)) -> Organization:
    """25 positions in 7 departments; KAM, SYS, OPR and CTRL have a vacancy, LAB is planned."""
    positions = {}
    for key, title, dep, up, heads in POSITIONS:
        status = PositionStatus.ACTIVE
        if key in planned:
            status = PositionStatus.PLANNED
        if key in archived:
            status = PositionStatus.ARCHIVED
        positions[key] = Position(
            key, title, department=dep, reports_to=up, headcount=heads, status=status
        )
    employees, n = {}, 0
    for key, _title, _dep, _up, heads in POSITIONS:
        filled = 0 if key == "LAB" else heads - (key in ("KAM", "SYS", "OPR", "CTRL"))
        for _ in range(filled):
            a = Assignment(f"A{n}", key, dt.date(2022, 1, 1))
            employees[f"E{n}"] = Employee(f"E{n}", NAMES[n % len(NAMES)], assignments=(a,))
            n += 1
    # Someone who left before ON and someone who starts after it hold nothing on ON.
    employees["OLD"] = Employee(
        "OLD",
        "Former Holder",
        assignments=(Assignment("x1", "EA", dt.date(2020, 1, 1), dt.date(2025, 1, 1)),),
    )
    employees["NEW"] = Employee(
        "NEW", "Future Holder", assignments=(Assignment("x2", "EA", dt.date(2026, 6, 1)),)
    )
    stage = Stage(
        "ST2",
        "Expansion",
        2,
        staffing=(
            StaffingLine("l1", "KAM", 6),
            StaffingLine("l2", "ISR", 4),
            StaffingLine("l3", "OPR", 20),
            StaffingLine("l3b", "OPR", 4),  # two lines for one position add up
            StaffingLine("l5", "DEV", 3),
            StaffingLine("l7", "LAB", 2),
        ),
    )
    return Organization(
        "Acme",
        departments={k: Department(k, name) for k, name in DEPARTMENTS},
        positions=positions,
        employees=employees,
        stages={"ST2": stage},
    )


def big_org(n: int = 10_000, seed: int = 3) -> Organization:
    """A generated organisation: a CEO, ten directors, then 4–12 reports each, down to ``n``."""
    rng = random.Random(seed)
    positions = {"P0": Position("P0", "Chief Executive Officer", department="D0")}
    departments = {"D0": Department("D0", "Executive Office")}
    employees = {}
    level, i, depth = ["P0"], 1, 0
    while i < n:
        below = []
        for parent in level:
            for _ in range(10 if depth == 0 else rng.randint(4, 12)):
                if i >= n:
                    break
                key = f"P{i}"
                dep = positions[parent].department
                if depth < 2:
                    dep = f"D{i}"
                    departments[dep] = Department(
                        dep, f"Department {i}", positions[parent].department
                    )
                positions[key] = Position(key, f"Role {i}", department=dep, reports_to=parent)
                employees[f"E{i}"] = Employee(
                    f"E{i}", f"Person {i}", assignments=(Assignment(f"A{i}", key, ON),)
                )
                below.append(key)
                i += 1
        level, depth = below, depth + 1
    return Organization("Big", departments=departments, positions=positions, employees=employees)


def box_texts(lay, key: str) -> str:
    (box,) = [b for b in lay.boxes if b.key == key]
    return " | ".join(" ".join(t.lines) for t in box.texts).replace(NBSP, " ")


def check_geometry(lay) -> None:
    """Boxes apart, texts inside their boxes and the canvas, connectors through no box."""
    canvas = Rect(0, 0, lay.width, lay.height)
    rects = [b.rect for b in lay.boxes]
    pairwise_apart(rects, gap=8)
    pairwise_apart([*rects, *(i.swatch for i in lay.legend), *(i.text.box for i in lay.legend)])
    for box in lay.boxes:
        assert box.rect.inside(canvas)
        for block in box.texts:
            assert block.box.inside(box.rect), block.lines
    for block in lay.text_blocks:
        assert block.box.inside(canvas), block.lines
    for poly in lay.connectors:
        for (x1, y1), (x2, y2) in itertools.pairwise(poly):
            assert x1 == x2 or y1 == y2  # right angles only
            for r in rects:
                assert not segment_crosses(x1, y1, x2, y2, r), (poly, r)


# --- the chart as a whole -------------------------------------------------------------


def test_chart_is_safe_svg_with_every_position_escaped():
    org = company()
    svg = orgchart_svg(org, on=ON, depth=10)
    root = parse_safe(svg)
    anchors_inside(root)
    tips = titles(root)
    for key, title, *_ in POSITIONS:
        assert f"{title} ({key})" in tips
    shown = " ".join(texts(root))
    assert "Key Account Manager <national>" in shown
    assert "Key Account Manager &lt;national&gt;" in svg
    assert "研发经理" in shown and "产品工程师" in shown
    assert "Sales <B2B & Retail>" in shown  # in the legend
    assert root.get("aria-label") == "Organisation chart: 25 positions"


def test_boxes_give_headcount_holders_and_vacancies():
    lay = orgchart_layout(company(), on=ON, depth=10)
    names = ", ".join(e.name for e in company().holders("ACC", ON))
    assert box_texts(lay, "ACC").endswith(f"2 posts | {names}")
    assert "ACC · Finance & Controlling" in box_texts(lay, "ACC")
    assert "1 post |" in box_texts(lay, "CEO")
    assert "4 posts · 1 vacant" in box_texts(lay, "KAM")
    assert "18 posts · 1 vacant" in box_texts(lay, "OPR")
    # Holders are those assigned on the day: not the one who left, nor the one to come.
    assert "Former" not in box_texts(lay, "EA") and "Future" not in box_texts(lay, "EA")
    assert "vacant" not in box_texts(lay, "EA")
    assert "+" in box_texts(lay, "OPR")  # 17 names never fit one line: "+N" says how many more


def test_departments_get_distinct_colour_blind_safe_colours_and_a_legend():
    lay = orgchart_layout(company(), on=ON, depth=10)
    colour = {b.key: b.colour for b in lay.boxes}
    by_dep = {dep: colour[key] for key, _t, dep, *_ in POSITIONS}
    assert len(set(by_dep.values())) == len(DEPARTMENTS)
    assert set(by_dep.values()) <= set(PALETTE)
    assert all(colour[key] == by_dep[dep] for key, _t, dep, *_ in POSITIONS)
    legend = [i.text.lines[0] for i in lay.legend]
    assert legend[: len(DEPARTMENTS)] == [name for _k, name in DEPARTMENTS]
    assert legend[-1] == "Planned position"  # LAB is planned: drawn dashed
    assert [b.key for b in lay.boxes if b.dashed] == ["LAB"]


def test_nothing_overlaps_and_lines_cross_no_box():
    org = company()
    for kwargs in (
        {"depth": 10},
        {"depth": 1},
        {"depth": 2, "root": "COO"},
        {"depth": 10, "max_boxes": 12},
        {"depth": 10, "stage": "ST2"},
    ):
        check_geometry(orgchart_layout(org, on=ON, **kwargs))


def test_parents_are_centred_over_their_row_of_children():
    lay = orgchart_layout(company(), on=ON, depth=1)
    boxes = {b.key: b.rect for b in lay.boxes}
    ceo = boxes.pop("CEO")
    # Depth 1: all reports are leaves, stacked in columns below the CEO, whose box is
    # centred over them.
    left = min(r.x for r in boxes.values())
    right = max(r.right for r in boxes.values())
    assert ceo.x + BOX_W / 2 == pytest.approx((left - 22 + right) / 2, abs=1)
    assert all(r.y > ceo.bottom for r in boxes.values())


def test_archived_positions_are_left_out():
    lay = orgchart_layout(company(archived=("AP",)), on=ON, depth=10)
    assert "AP" not in {b.key for b in lay.boxes}
    assert lay.total == 24


# --- limits: depth, max_boxes, "+N below" ----------------------------------------------


def test_depth_cuts_the_tree_and_says_how_many_are_below():
    org = company()
    lay = orgchart_layout(org, on=ON, depth=1, link=lambda k: f"/chart/?root={k}")
    assert {b.key for b in lay.boxes} == {"CEO", "EA", "CFO", "CSO", "COO", "CIO", "HRM", "RDM"}
    below = {b.key: b.hidden_below for b in lay.boxes}
    assert below == {"CEO": 0, "EA": 0, "CFO": 3, "CSO": 3, "COO": 5, "CIO": 2, "HRM": 2, "RDM": 2}
    assert "+5 below" in box_texts(lay, "COO")
    assert lay.shown + sum(below.values()) == lay.total == 25
    assert orgchart_stats(org, None, 1, 150) == {"shown": 8, "hidden": 17, "total": 25}
    # With a link, exactly the cut boxes link to the chart rooted at them.
    root = parse_safe(orgchart_svg(org, on=ON, depth=1, link=lambda k: f"/chart/?root={k}"))
    hrefs = sorted(a.get("href") for a in root.iter(f"{NS}a"))
    assert hrefs == sorted(f"/chart/?root={k}" for k, n in below.items() if n)


def test_depth_zero_draws_the_root_alone():
    lay = orgchart_layout(company(), on=ON, depth=0)
    assert [(b.key, b.hidden_below) for b in lay.boxes] == [("CEO", 24)]


def test_max_boxes_caps_by_whole_families_and_counts_stay_right():
    org = company()
    lay = orgchart_layout(org, on=ON, depth=10, max_boxes=12)
    assert len(lay.boxes) <= 12
    drawn = {b.key for b in lay.boxes}
    kids = {}
    for key, _t, _d, up, _h in POSITIONS:
        kids.setdefault(up, []).append(key)
    for b in lay.boxes:
        mine = set(kids.get(b.key, []))
        assert mine & drawn in (set(), mine)  # a box shows all its reports or none
    assert lay.shown + sum(b.hidden_below for b in lay.boxes) == lay.total
    stats = orgchart_stats(org, None, 10, 12)
    assert stats["shown"] == lay.shown and stats["hidden"] == 25 - lay.shown


def test_a_family_too_big_for_the_budget_is_shown_in_part():
    positions = {"R": Position("R", "Root")} | {
        f"C{i}": Position(f"C{i}", f"Child {i}", reports_to="R") for i in range(20)
    }
    lay = orgchart_layout(Organization("T", positions=positions), on=ON, max_boxes=5)
    assert [b.key for b in lay.boxes] == ["R", "C0", "C1", "C2", "C3"]
    assert lay.boxes[0].hidden_below == 16
    check_geometry(lay)


def test_ten_thousand_positions_draw_at_most_max_boxes_quickly():
    org = big_org()
    assert len(org.positions) == 10_000
    start = time.perf_counter()
    svg = orgchart_svg(org, on=ON, depth=2, link=lambda k: f"/chart/?root={k}")
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, elapsed
    root = parse_safe(svg)
    boxes = [
        g for g in root.iter() if g.tag in (f"{NS}g", f"{NS}a") and g.find(f"{NS}path") is not None
    ]
    stats = orgchart_stats(org, None, 2, 150)
    assert len(boxes) == stats["shown"] <= 150
    assert stats["total"] == 10_000 and stats["hidden"] == 10_000 - stats["shown"]
    assert root.get("aria-label") == f"Organisation chart: {stats['shown']} of 10000 positions"
    lay = orgchart_layout(org, on=ON, depth=2)
    assert lay.shown + sum(b.hidden_below for b in lay.boxes) == 10_000
    check_geometry(lay)
    # Deeper, the cap holds and the layout stays clean.
    start = time.perf_counter()
    deep = orgchart_layout(org, on=ON, depth=6, max_boxes=150)
    assert time.perf_counter() - start < 1.0
    assert len(deep.boxes) <= 150
    assert deep.shown + sum(b.hidden_below for b in deep.boxes) == 10_000
    check_geometry(deep)


def test_a_chart_rooted_below_the_top_links_back_up():
    org = company()
    root = parse_safe(orgchart_svg(org, on=ON, root="PLM", link=lambda k: f"/chart/{k}"))
    assert "↑ Reports to Chief Operating Officer (COO)" in texts(root)
    assert "/chart/COO" in [a.get("href") for a in root.iter(f"{NS}a")]
    lay = orgchart_layout(org, on=ON, root="PLM")
    assert [b.key for b in lay.boxes] == ["PLM", "SUP", "OPR"]
    assert lay.total == 3
    assert orgchart_stats(org, "PLM", 1, 150) == {"shown": 2, "hidden": 1, "total": 3}


def test_highlight_marks_one_box():
    org = company()
    lay = orgchart_layout(org, on=ON, highlight="DEV")
    assert [b.key for b in lay.boxes if b.highlight] == ["DEV"]
    svg = orgchart_svg(org, on=ON, highlight="DEV")
    assert svg.count('stroke="#111111"') == 1


def test_unknown_root_or_stage_is_an_error_and_an_empty_organisation_says_so():
    with pytest.raises(KeyError):
        orgchart_svg(company(), on=ON, root="NOPE")
    with pytest.raises(KeyError):
        orgchart_svg(company(), on=ON, stage="NOPE")
    root = parse_safe(orgchart_svg(Organization("Empty"), on=ON, t=lambda s: s.upper()))
    assert "NO POSITIONS YET" in texts(root)


def test_cycles_and_dangling_references_do_not_hang_the_chart():
    positions = {
        "A": Position("A", "A", reports_to="B"),
        "B": Position("B", "B", reports_to="A"),
        "C": Position("C", "C", reports_to="GONE"),  # reports to a deleted position: a top
        "D": Position("D", "D", reports_to="C"),
    }
    org = Organization("T", positions=positions)
    assert [b.key for b in orgchart_layout(org, on=ON).boxes] == ["C", "D"]
    assert {b.key for b in orgchart_layout(org, on=ON, root="A").boxes} == {"A", "B"}


def test_too_many_top_positions_are_noted():
    positions = {f"P{i}": Position(f"P{i}", f"Post {i}") for i in range(30)}
    lay = orgchart_layout(Organization("Flat", positions=positions), on=ON, max_boxes=10)
    assert len(lay.boxes) == 10 and lay.total == 30
    assert any("+20 more positions at the top" in " ".join(t.lines) for t in lay.extra_texts)
    check_geometry(lay)


# --- stages -----------------------------------------------------------------------------


def test_stage_mode_draws_the_plan_with_planned_and_filled_numbers():
    org = company()
    lay = orgchart_layout(org, on=ON, stage="ST2", depth=10)
    keys = {b.key for b in lay.boxes}
    # The planned positions and those above them; nothing else.
    assert keys == {
        "KAM",
        "ISR",
        "OPR",
        "DEV",
        "LAB",
        "CSO",
        "SUP",
        "PLM",
        "COO",
        "CIO",
        "RDM",
        "CEO",
    }
    assert "planned 6 · filled 3" in box_texts(lay, "KAM")
    assert "planned 24 · filled 17" in box_texts(lay, "OPR")  # two lines add up
    assert "planned 2 · filled 0" in box_texts(lay, "LAB")
    assert "not in the stage plan" in box_texts(lay, "COO")
    assert {b.key for b in lay.boxes if b.dashed} == {
        "CSO",
        "SUP",
        "PLM",
        "COO",
        "CIO",
        "RDM",
        "CEO",
    }
    assert lay.legend[-1].text.lines == ("Not in the stage plan",)
    stats = orgchart_stats(org, None, 10, 150, stage="ST2")
    assert stats == {"shown": 12, "hidden": 0, "total": 12}
    zh = {"planned {planned} · filled {filled}": "计划 {planned} · 在岗 {filled}"}
    assert "计划 6 · 在岗 3" in orgchart_svg(org, on=ON, stage="ST2", t=lambda s: zh.get(s, s))
    # A translation that garbles a placeholder falls back to English instead of failing.
    broken = {"planned {planned} · filled {filled}": "计划 {计划} · 在岗 {filled}"}
    assert "planned 6 · filled 3" in orgchart_svg(
        org, on=ON, stage="ST2", t=lambda s: broken.get(s, s)
    )


def test_every_label_goes_through_t():
    seen: list[str] = []

    def t(s: str) -> str:
        seen.append(s)
        return s

    orgchart_svg(company(), on=ON, depth=2, t=t)
    assert {
        "{n} posts",
        "1 post",
        "{n} vacant",
        "+{n} below",
        "Planned position",
        "Organisation chart: {shown} of {total} positions",
    } <= set(seen)


def test_department_colours_follow_branches_in_a_big_organisation():
    org = big_org(2_000)
    lay = orgchart_layout(org, on=ON, depth=2)
    by_key = {b.key: b for b in lay.boxes}
    for key, box in by_key.items():
        parent = org.positions[key].reports_to
        if parent and parent != "P0":
            assert box.colour == by_key[parent].colour  # a director's branch shares a colour
    assert len(lay.legend) == 11  # the executive office and the ten directors' departments


@pytest.mark.parametrize("seed", range(12))
def test_random_shapes_keep_a_clean_layout_and_true_counts(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 400)
    positions: dict[str, Position] = {}
    for i in range(n):
        # Parents chosen among the last few: deep chains; among all: wide, bushy levels.
        window = rng.choice([3, 20, n])
        parent = f"P{rng.randint(max(0, i - window), i - 1)}" if i and rng.random() > 0.02 else None
        dep = f"D{rng.randint(0, rng.choice([3, 12, 40]))}"
        positions[f"P{i}"] = Position(f"P{i}", f"Position {i} " * rng.randint(1, 4), dep, parent)
    departments = {f"D{i}": Department(f"D{i}", f"Department {i}") for i in range(41)}
    org = Organization("R", departments=departments, positions=positions)
    depth, cap = rng.randint(0, 8), rng.choice([1, 10, 60, 150])
    lay = orgchart_layout(org, on=ON, depth=depth, max_boxes=cap)
    check_geometry(lay)
    assert len(lay.boxes) <= cap and lay.total == n
    tops = sum(1 for p in positions.values() if p.reports_to is None)
    if tops <= cap:
        assert lay.shown + sum(b.hidden_below for b in lay.boxes) == n
    assert orgchart_stats(org, None, depth, cap)["shown"] == lay.shown
