"""The plan's timeline drawn as SVG: placement, marks, and inline safety (pure)."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from remit import orgfile
from remit.analysis import schedule
from remit.domain.plan import PlanItem, PlanKind, PlanStatus
from remit.render.gantt import BAR_H, LABEL_W, MARGIN, ROW_H, gantt_layout, gantt_svg

D = dt.date
TODAY = D(2026, 11, 24)
DEMO = orgfile.load_path(Path(__file__).resolve().parents[3] / "remit/org/demo/demo-en.yaml")
SVG = "{http://www.w3.org/2000/svg}"


def small():
    items = [
        PlanItem("G", "Goal", PlanKind.GOAL),
        PlanItem("A", "Order the machine", parent="G", start=D(2026, 9, 1), due=D(2026, 10, 31),
                 status=PlanStatus.IN_PROGRESS, progress=50),
        PlanItem("B", "Install it", parent="G", start=D(2026, 10, 15), due=D(2026, 12, 31),
                 depends_on=("A",), lead_time_days=60),
        PlanItem("M", "Go live", parent="G", duration_days=0, due=D(2027, 1, 4), depends_on=("B",)),
        PlanItem("U", "Undated, after B", parent="G", duration_days=5, depends_on=("B",)),
        PlanItem("N", "Nothing known"),
    ]  # fmt: skip
    return {i.key: i for i in items}


def layout(plan, **kw):
    return gantt_layout(
        plan,
        schedule.tree_order(plan),
        today=TODAY,
        sched=schedule.schedule(plan),
        conflicts={(c.key, c.dependency) for c in schedule.date_conflicts(plan)},
        **kw,
    )


def test_one_row_per_item_placed_by_dates():
    p = small()
    lay = layout(p)
    bars = {b.key: b for b in lay.bars}
    assert [b.key for b in lay.bars] == ["G", "A", "B", "M", "U", "N"]
    for b in lay.bars:
        assert b.label_box.y >= lay.chart.y + b.row * ROW_H - 1
        if b.rect:
            assert b.rect.inside(lay.chart) or b.kind == "milestone"
    a, b = bars["A"].rect, bars["B"].rect
    assert a.x < b.x < a.right  # B starts before A ends (a conflict)
    assert abs(lay.x(D(2026, 9, 1)) - a.x) < 0.01
    assert abs(a.right - lay.x(D(2026, 11, 1))) < 0.01  # the last day is drawn whole
    assert bars["G"].kind == "bracket" and bars["M"].kind == "milestone"
    assert bars["M"].rect.h == BAR_H


def test_marks_for_computed_dates_no_dates_critical_and_preparation():
    bars = {b.key: b for b in layout(small()).bars}
    assert bars["U"].computed and bars["U"].rect is not None
    assert bars["N"].rect is None and bars["N"].note.lines == ("no dates",)
    assert bars["B"].prep is not None and bars["B"].prep_late  # 16 Aug < today
    assert bars["B"].prep[1] == bars["B"].rect.x
    assert bars["B"].critical and not bars["G"].critical  # brackets are not marked


def test_arrows_follow_dependencies_and_flag_contradicting_dates():
    lay = layout(small())
    assert len(lay.arrows) == 3  # A→B, B→M, B→U
    conflict = [a for a in lay.arrows if a.conflict]
    assert len(conflict) == 1
    # The arrow goes round when the successor starts before its predecessor ends.
    assert len(conflict[0].points) == 6
    bars = {b.key: b for b in lay.bars}
    assert conflict[0].points[0] == (bars["A"].rect.right, bars["A"].rect.y + BAR_H / 2)
    assert conflict[0].points[-1][0] == bars["B"].rect.x


def test_labels_stay_in_their_column_and_the_axis_and_legend_do_not_overlap():
    p = DEMO.plan
    lay = layout(p)
    for b in lay.bars:
        assert b.label_box.right <= MARGIN + LABEL_W + 1, b.key
        assert b.label_box.x >= MARGIN
    boxes = [t.box for t in lay.text_blocks if t.y < lay.chart.y or t.y > lay.chart.bottom]
    for i, x in enumerate(boxes):
        for y in boxes[i + 1 :]:
            assert not x.overlaps(y), (x, y)
    assert lay.height >= lay.chart.bottom + 40
    assert lay.today_x is not None and lay.chart.x < lay.today_x < lay.chart.right


def test_fifty_items_and_more_stay_readable():
    items = {f"T{i:03d}": PlanItem(f"T{i:03d}", f"Task number {i}", start=D(2026, 1, 1) + dt.timedelta(days=7 * i),
                                   duration_days=10) for i in range(120)}  # fmt: skip
    lay = gantt_layout(items, [(k, 0) for k in items], today=TODAY)
    assert len(lay.bars) == 120
    assert lay.chart.h == 120 * ROW_H
    assert all(b.label.size >= 12 for b in lay.bars)
    # The ticks are quarters or months, labelled without overlapping.
    labels = [t.label.box for t in lay.ticks if t.label]
    for i, x in enumerate(labels):
        for y in labels[i + 1 :]:
            assert not x.overlaps(y)


def test_the_svg_is_well_formed_inline_safe_and_links_each_item():
    p = DEMO.plan
    rows = schedule.tree_order(p)
    svg = gantt_svg(
        p,
        rows,
        today=TODAY,
        sched=schedule.schedule(p),
        link=lambda k: f"/o/demo/plan/items/{k}/",
        t=lambda s: {"Today": "今天", "Jan": "1月"}.get(s, s),
        label="Timeline <of> the plan",
    )
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-label") == "Timeline <of> the plan"
    assert not re.search(r"\sstyle=", svg) and "<script" not in svg and "<style" not in svg
    links = root.findall(f".//{SVG}a")
    assert len(links) == len(rows)
    assert links[0].get("href") == f"/o/demo/plan/items/{rows[0][0]}/"
    assert "今天" in svg
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert any("T-LASER2" in (x or "") and "preparation lead time 120 days" in x for x in titles)


def test_an_empty_or_undated_plan_still_draws():
    svg = gantt_svg({"A": PlanItem("A", "A")}, [("A", 0)], today=TODAY)
    assert ET.fromstring(svg) is not None and "no dates" in svg
