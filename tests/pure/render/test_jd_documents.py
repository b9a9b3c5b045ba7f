"""The job description's documents: Markdown, HTML, Word and PDF, in English and Chinese."""

import datetime as dt
import io
import re
import shutil
import subprocess
from html.parser import HTMLParser

import docx
import pytest
from docx.oxml.ns import qn

from remit.domain import Organization
from remit.domain import duties as d
from remit.domain import people as p
from remit.render.jd_docx import render_docx
from remit.render.jd_html import render_html, render_html_fragment
from remit.render.jd_markdown import render_markdown
from remit.render.jd_pdf import DataOnlyURLFetcher, render_pdf
from remit.render.jobdesc import JobDescription, assemble

from .test_jobdesc import ON, finance_org

DAY = dt.date(2026, 3, 2)
META = {"org_name": "Harbour Foods Ltd.", "generated_on": DAY, "version_label": "Version 3"}

ZH = {
    "Job description": "岗位说明书",
    "Key result areas": "关键成果领域",
    "Position purpose": "岗位目的",
    "Work basis": "工作依据",
    "Responsibility targets": "责任目标",
    "Job responsibilities": "工作职责",
    "Monthly": "每月",
    "Executes": "执行",
    "Page {page} of {pages}": "第 {page} 页，共 {pages} 页",
}

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40">'
    '<script>alert(1)</script><text x="4" y="24" style="font-size:14px">FISHBONEMARK</text></svg>'
)


def zt(text: str) -> str:
    return ZH.get(text, text)


def wrap(text: str) -> str:
    """A translation that shows which texts went through it."""
    return f"«{text}»"


@pytest.fixture(scope="module")
def jd() -> JobDescription:
    return assemble(finance_org(), "FIN-MGR", on=ON)


@pytest.fixture(scope="module")
def zh_jd() -> JobDescription:
    pos = p.Position(
        "FIN-MGR",
        "财务经理",
        department="FIN",
        purpose=d.Purpose(
            "在国家政策和公司工作计划的指导下",
            "组织制定公司财务政策、计划和方案",
            "使财务职能有效支持公司的经营运作",
        ),
        result_areas=(
            d.ResultArea(
                "A1",
                "会计核算与财务报告",
                targets=(
                    d.Target(
                        "T1",
                        "月度结账按时完成",
                        "结账所需工作日",
                        "≤ 5 天",
                        d.Period.MONTHLY,
                        responsibilities=(
                            d.Responsibility(
                                "R1", "在第 5 个工作日前完成月度结账", d.Frequency.MONTHLY
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    org = Organization(
        name="海港食品有限公司",
        departments={"FIN": p.Department("FIN", "财务部")},
        positions={"FIN-MGR": pos},
    )
    return assemble(org, "FIN-MGR", on=ON)


# --- Markdown --------------------------------------------------------------------------


def test_markdown_has_headings_and_tables(jd):
    md = render_markdown(jd, **META)
    assert md.startswith("# Finance manager\n")
    assert "Harbour Foods Ltd. · Job description · `FIN-MGR` · Version 3 · Issued 2026-03-02" in md
    for heading in (
        "## Position",
        "## Position purpose",
        "## Key result areas",
        "### 1. Financial planning and budgeting (25 %)",
        "#### Responsibility targets",
        "#### Job responsibilities",
        "## Required skills",
        "## Business relations",
        "## Controls",
        "## Standard operating procedures",
        "## Staffing by development stage",
    ):
        assert f"\n{heading}\n" in md
    assert "> Under the guidance of national policy" in md
    assert "| # | Target | Metric | Target value | Period or deadline | Objective |" in md
    assert "| 1.1 | The annual budget is approved before the fiscal year starts |" in md
    assert "| **Total** | **8** | **71 %** | **100 %** |" in md
    assert "Yearly, by 2026-12-15" in md
    # a '|' in a statement is escaped, so every row keeps its columns
    assert "payment plans \\| instalments" in md
    for table in re.findall(r"(?:^\|.*\|\n)+", md, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(widths) == 1, table


def test_markdown_translates_every_label(jd):
    md = render_markdown(jd, t=wrap)
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings and all(line.startswith("## «") for line in headings)
    assert "| «Yearly» |" in md and "| «Executes» |" in md
    assert "| # | «Target» | «Metric» |" in md


def test_markdown_of_an_empty_position_has_no_empty_sections():
    org = Organization(name="T", positions={"X": p.Position("X", "Clerk")})
    md = render_markdown(assemble(org, "X", on=ON))
    assert "## Position\n" in md
    assert "Key result areas" not in md and "Position purpose" not in md and "skills" not in md


# --- HTML ------------------------------------------------------------------------------


class _Tree(HTMLParser):
    """Checks that every element closes in order; collects a few texts."""

    VOID = {"meta", "img", "col", "br", "link", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        self.attrs += attrs
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-6:])
        self.stack.pop()

    def handle_data(self, data):
        if data.strip() and self.stack:
            self.texts.setdefault(self.stack[-1], []).append(data.strip())


def parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


def test_html_document_is_standalone_and_well_formed(jd):
    html = render_html(jd, lang="en", fishbone_svg=SVG, **META)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    tree = parse(html)
    assert tree.seen[:5] == ["html", "head", "meta", "meta", "title"]
    assert tree.seen.count("style") == 1
    assert "script" not in tree.seen  # the diagram's script stays inside a data: image
    head = html.split("</head>")[0]
    assert "size: A4" in head and "counter(page)" in head and "counter(pages)" in head
    assert '"Finance manager · FIN-MGR"' in head  # the footer
    assert tree.texts["h1"] == ["Finance manager"]
    assert "Key result areas" in tree.texts["h2"]
    assert 'src="data:image/svg+xml;base64,' in html
    for css_class in (
        "jd-identity",
        "jd-purpose",
        "jd-fishbone",
        "jd-area",
        "jd-resps",
        "jd-skills",
        "jd-relations",
        "jd-controls",
        "jd-procedures",
        "jd-staffing",
        "jd-signatures",
    ):
        assert f'class="{css_class}' in html or f' {css_class}"' in html, css_class


def test_html_text_cannot_break_out_of_its_element():
    pos = p.Position("X", 'Clerk "</style><script>alert(1)</script>', purpose=d.Purpose("<b>x</b>"))
    jd = assemble(Organization(name="T", positions={"X": pos}), "X", on=ON)
    html = render_html(jd, org_name="A & B </style>")
    tree = parse(html)
    assert "script" not in tree.seen and "b" not in tree.seen
    style = html.split("<style>")[1].split("</style>")[0]
    assert "<" not in style


def test_fragment_has_no_style_and_no_script(jd):
    html = render_html_fragment(jd, fishbone_svg=SVG, **META)
    tree = parse(html)
    assert tree.seen[0] == "article"
    assert "style" not in tree.seen and "script" not in tree.seen
    assert not re.search(r"<(style|script)\b", html, re.I)
    assert not re.search(r"\sstyle\s*=", html, re.I)
    assert not [a for a, _ in tree.attrs if a.startswith("on")]
    assert "<h1" not in html and "Finance manager</h2>" in html  # it sits under the page's h1
    assert "jd-signatures" not in html  # paper only


def test_every_heading_and_label_goes_through_t(jd):
    html = render_html(jd, t=wrap, **META)
    tree = parse(html)
    for tag in ("h2", "h4", "dt"):
        assert all(x.startswith("«") for x in tree.texts[tag]), tag
    facts = re.search(r'<table class="jd-facts">.*?</table>', html, re.S).group(0)
    headers = [*re.findall(r"<thead>.*?</thead>", html, re.S), facts]
    labels = [x for h in headers for x in re.findall(r"<th[^>]*>([^<]*)</th>", h) if x != "#"]
    assert len(labels) > 40 and all(x.startswith("«") for x in labels), labels
    assert ">«Yearly»<" in html and ">«Approves»<" in html and "«Issued 2026-03-02»" in html


def test_chinese_html_uses_a_cjk_font(zh_jd):
    html = render_html(zh_jd, t=zt, lang="zh-Hans", org_name="海港食品有限公司")
    assert '<html lang="zh-Hans">' in html
    assert 'font-family: "Noto Sans CJK SC"' in html
    assert "岗位说明书" in html and "在国家政策和公司工作计划的指导下，组织制定" in html


# --- Word ------------------------------------------------------------------------------


def test_docx_uses_real_styles_tables_and_a4(jd):
    data = render_docx(jd, **META)
    doc = docx.Document(io.BytesIO(data))
    styles = [para.style.name for para in doc.paragraphs]
    texts = {para.style.name: [] for para in doc.paragraphs}
    for para in doc.paragraphs:
        texts[para.style.name].append(para.text)
    for name in (
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Quote",
        "List Bullet",
    ):
        assert name in styles, name
    assert texts["Title"] == ["Finance manager"]
    assert "Key result areas" in texts["Heading 1"]
    assert "1  Financial planning and budgeting  (25 %)" in texts["Heading 2"]
    assert texts["Quote"][0].startswith("Under the guidance of national policy")
    # identity, overview, 5 × (targets, responsibilities), 5 lists, signatures
    assert len(doc.tables) == 18
    assert {t.style.name for t in doc.tables[1:-1]} == {"Light List Accent 1"}
    assert doc.tables[0].rows[0].cells[0].text == "Department"
    targets = doc.tables[2]
    assert [c.text for c in targets.rows[0].cells][:3] == ["#", "Target", "Metric"]
    assert (
        targets.rows[1].cells[1].text
        == "The annual budget is approved before the fiscal year starts"
    )
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "Harbour Foods Ltd. · Job description"
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Finance manager · FIN-MGR\t")
    assert "NUMPAGES" in footer._p.xml
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    assert doc.core_properties.created == dt.datetime(2026, 3, 2, tzinfo=dt.UTC)


def test_docx_in_chinese(zh_jd):
    doc = docx.Document(io.BytesIO(render_docx(zh_jd, t=zt, lang="zh-Hans")))
    text = "\n".join(para.text for para in doc.paragraphs)
    assert "岗位说明书" in text and "财务经理" in text and "关键成果领域" in text
    assert "工作依据：在国家政策和公司工作计划的指导下" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "每月" in cells and "执行" in cells
    for name in ("Title", "Heading 1", "Heading 2"):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win


# --- PDF -------------------------------------------------------------------------------

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def pdf_text(pdf: bytes) -> str:
    run = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return run.stdout.decode("utf-8")


@needs_poppler
def test_pdf_in_english(jd):
    pdf = render_pdf(jd, fishbone_svg=SVG, **META)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for words in (
        "Finance manager",
        "Job description",
        "Key result areas",
        "Harbour Savings Bank",
        "Page 1 of",
        "FISHBONEMARK",
    ):
        assert words in text, words


@needs_poppler
def test_pdf_in_chinese_embeds_a_cjk_font(zh_jd):
    pdf = render_pdf(zh_jd, t=zt, lang="zh-Hans", org_name="海港食品有限公司", generated_on=DAY)
    text = pdf_text(pdf)
    for words in ("岗位说明书", "财务经理", "关键成果领域", "工作依据", "每月", "执行", "第 1 页"):
        assert words in text, words
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    assert re.search(rb"Noto-?Sans-?CJK-?SC", fonts.stdout)


def test_url_fetcher_refuses_everything_but_data_uris():
    fetch = DataOnlyURLFetcher()
    for url in (
        "http://example.com/x.png",
        "https://example.com/",
        "file:///etc/passwd",
        "ftp://example.com/f",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetch(url)
    response = fetch("data:text/plain;base64,aGVsbG8=")
    try:
        assert response.read() == b"hello"
    finally:
        response.close()


@needs_poppler
def test_every_format_renders_a_bare_position_without_empty_sections():
    org = Organization(name="T", positions={"X": p.Position("X", "Clerk")})
    jd = assemble(org, "X", on=ON)
    html = render_html_fragment(jd)
    assert "jd-purpose" not in html and "jd-areas" not in html and "jd-skills" not in html
    assert "jd-org" not in html  # no organisation name given: none shown
    doc = docx.Document(io.BytesIO(render_docx(jd)))
    assert len(doc.tables) == 2  # the identity and the signatures
    assert "Clerk" in pdf_text(render_pdf(jd))
