"""The shared SVG helpers: escaping, measuring and wrapping text, building elements.

Also the checks the diagram tests share (safe markup, readable text, geometry).
"""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from remit.render._svg import (
    ELLIPSIS,
    NBSP,
    Rect,
    TextBlock,
    clean,
    document,
    el,
    ellipsize,
    esc,
    is_cjk,
    num,
    percent,
    text_width,
    wrap,
)

NS = "{http://www.w3.org/2000/svg}"
FORBIDDEN_TAGS = {"style", "script", "foreignObject", "image", "use", "iframe"}


def parse_safe(svg: str) -> ET.Element:
    """The parsed SVG, after asserting it is fit to embed under a strict CSP."""
    root = ET.fromstring(svg)  # raises on malformed XML
    assert root.tag == f"{NS}svg"
    for attr in ("viewBox", "width", "height", "aria-label"):
        assert root.get(attr), attr
    assert root.get("role") == "img"
    assert root[0].tag == f"{NS}title" and root[0].text
    # font-style is a presentation attribute; a style attribute is what CSP forbids.
    assert not re.search(r"\sstyle\s*=", svg)
    assert "<style" not in svg and "<script" not in svg
    for node in root.iter():
        assert node.tag.removeprefix(NS) not in FORBIDDEN_TAGS, node.tag
        assert "style" not in node.attrib
        for name, value in node.attrib.items():
            assert not name.lower().startswith("on"), name  # no event handlers
            if name.endswith("href"):
                assert not re.match(r"(?i)\s*(javascript|data):", value)
        if node.tag == f"{NS}text":
            assert float(node.get("font-size", root.get("font-size"))) >= 11
    return root


def view_box(root: ET.Element) -> Rect:
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    return Rect(x, y, w, h)


def texts(root: ET.Element) -> list[str]:
    """Every <text>'s lines joined with a space, as people read it."""
    return [
        " ".join("".join(s.itertext()) for s in t.iter(f"{NS}tspan")) or "".join(t.itertext())
        for t in root.iter(f"{NS}text")
    ]


def titles(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{NS}title")]


def anchors_inside(root: ET.Element) -> None:
    """Every line of text starts inside the canvas."""
    box = view_box(root)
    for t in root.iter(f"{NS}tspan"):
        x, y = float(t.get("x")), float(t.get("y"))
        assert box.x <= x <= box.right and box.y <= y <= box.bottom, (t.text, x, y)


def pairwise_apart(rects: list[Rect], gap: float = 0.0) -> None:
    """No two rectangles overlap (nor come closer than ``gap``)."""
    ordered = sorted(enumerate(rects), key=lambda r: r[1].x)
    for n, (i, a) in enumerate(ordered):
        for j, b in ordered[n + 1 :]:
            if b.x >= a.right + gap:
                break  # sorted by x: nothing further right can touch a
            assert not a.overlaps(b, gap), (i, a, j, b)


def segment_crosses(x1: float, y1: float, x2: float, y2: float, r: Rect) -> bool:
    """Does the segment pass through the inside of the rectangle (Liang–Barsky)?"""
    eps = 0.5  # touching an edge (where a connector meets its box) is not crossing
    left, right, top, bottom = r.x + eps, r.right - eps, r.y + eps, r.bottom - eps
    if left >= right or top >= bottom:
        return False
    dx, dy = x2 - x1, y2 - y1
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        u = q / p
        if p < 0:
            lo = max(lo, u)
        else:
            hi = min(hi, u)
        if lo > hi:
            return False
    return True


def test_escaping_covers_markup_quotes_and_control_characters():
    assert esc('a<b & "c" > d') == "a&lt;b &amp; &quot;c&quot; &gt; d"
    assert esc("bell\x07 and nul\x00") == "bell and nul"  # not allowed in XML 1.0
    assert esc("预算 · 30 %") == "预算 · 30 %"


def test_clean_collapses_whitespace_but_keeps_no_break_spaces():
    assert clean("  Prepare\n the   budget\t") == "Prepare the budget"
    assert clean(f"30{NBSP}%") == f"30{NBSP}%"


def test_widths_count_cjk_as_one_em_and_latin_as_about_half():
    assert text_width("预算控制", 12) == 48
    latin = text_width("Annual plan and budget approved by the board", 12) / 12
    assert 0.5 * 44 < latin < 0.65 * 44
    assert text_width("Budget", 12, bold=True) > text_width("Budget", 12)
    assert is_cjk("预") and not is_cjk("a")


def test_wrap_breaks_between_words_and_keeps_every_line_within_the_width():
    lines = wrap("Annual plan and budget approved by the board before the year starts", 150, 12)
    assert len(lines) > 1
    assert all(text_width(line, 12) <= 150 for line in lines)
    assert " ".join(lines) == "Annual plan and budget approved by the board before the year starts"


def test_wrap_truncates_with_an_ellipsis_beyond_max_lines():
    text = " ".join(["Reconcile the supplier statements with the ledger"] * 6)
    lines = wrap(text, 150, 12, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert all(text_width(line, 12) <= 150 for line in lines)
    # Short enough: no ellipsis.
    assert not wrap("Close the month", 150, 12, max_lines=3)[-1].endswith(ELLIPSIS)


def test_wrap_breaks_chinese_anywhere_but_never_before_closing_punctuation():
    text = "每月核对供应商对账单与总账，确保差异在五个工作日内解决。并向财务总监报告。"
    lines = wrap(text, 96, 12)
    assert "".join(lines) == text
    assert all(text_width(line, 12) <= 96 + 12 for line in lines)  # punctuation may hang
    assert not any(line[0] in "，。" for line in lines)


def test_wrap_cuts_a_word_longer_than_the_line_and_keeps_no_break_groups():
    lines = wrap("Donaudampfschifffahrtsgesellschaftskapitän", 80, 12)
    assert len(lines) > 1 and all(text_width(line, 12) <= 80 for line in lines)
    lines = wrap(f"Budget and cost control{NBSP}·{NBSP}30{NBSP}%", 150, 12)
    assert lines[-1].endswith(f"control{NBSP}·{NBSP}30{NBSP}%")
    assert wrap("   ", 100, 12) == []


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abc XYZ-/预算控制，。&<")), max_size=120),
    st.integers(min_value=40, max_value=300),
)
def test_wrapped_lines_fit_and_lose_nothing(text, width):
    lines = wrap(text, width, 12)
    assert all(
        text_width(line, 12) <= width or len(line.strip()) <= 2 for line in lines
    )  # a lone glyph (with its punctuation) wider than the line is all that may overflow
    assert "".join(lines).replace(" ", "") == clean(text).replace(" ", "")


def test_ellipsize_fits_one_line():
    assert ellipsize("Close the month", 200, 12) == "Close the month"
    short = ellipsize("Installation & Service department of the northern region", 100, 12)
    assert short.endswith(ELLIPSIS) and text_width(short, 12) <= 100


def test_numbers_and_percentages_are_short():
    assert num(12.0) == "12" and num(12.345) == "12.3" and num(-0.04) == "0"
    assert percent(Decimal("30.00")) == f"30{NBSP}%"
    assert percent(Decimal("12.5")) == f"12.5{NBSP}%"
    assert percent(None) == ""


def test_element_builder_escapes_attributes_and_skips_empty_ones():
    out = el("text", esc("R&D <lab>"), x=1.25, y=2, font_size=12, fill=None, class_="x")
    assert out == '<text x="1.2" y="2" font-size="12" class="x">R&amp;D &lt;lab&gt;</text>'
    assert el("rect", width=3) == '<rect width="3"/>'
    assert el("a", "x", href='/p?a=1&b="2"') == '<a href="/p?a=1&amp;b=&quot;2&quot;">x</a>'


def test_text_block_places_lines_absolutely_and_estimates_its_box():
    block = TextBlock(("one", "two"), 100, 50, 12, 15, anchor="end", bold=True)
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{block.svg()}</svg>')
    spans = list(root.iter("{http://www.w3.org/2000/svg}tspan"))
    assert [(s.get("x"), s.get("y"), s.text) for s in spans] == [
        ("100", "50", "one"),
        ("100", "65", "two"),
    ]
    box = block.box
    assert box.right == 100 and box.y < 50 - 8 and box.bottom > 65


def test_document_is_safe_accessible_and_scalable():
    svg = document(300, 200, 'Chart of "R&D"', el("circle", r=3))
    root = parse_safe(svg)
    assert root.get("viewBox") == "0 0 300 200"
    assert root.get("aria-label") == 'Chart of "R&D"'
    assert "Noto Sans CJK SC" in root.get("font-family")


def test_rectangles_overlap_only_when_they_share_area():
    a = Rect(0, 0, 10, 10)
    assert a.overlaps(Rect(5, 5, 10, 10))
    assert not a.overlaps(Rect(10, 0, 5, 5))  # touching edges
    assert a.overlaps(Rect(12, 0, 5, 5), gap=4)
    assert Rect(1, 1, 2, 2).inside(a) and not Rect(9, 9, 2, 2).inside(a)
