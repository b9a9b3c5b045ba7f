"""A job description as a Word document (python-docx), built on real Word styles.

Title, Subtitle, Heading 1–3, Quote, List Bullet and the table style "Light Grid
Accent 1" of python-docx's default template carry the look, so an organisation can
restyle the document in Word. A4 pages; the header names the organisation, the footer
the position and the page number. East Asian text uses "Noto Sans CJK SC".

The fishbone diagram is not embedded: Word needs a raster fallback for SVG, and this
pure package has no rasteriser. The PDF carries the diagram.
"""

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ._jd_view import Cell, Column, Dots, Table, Translate, View, build_view, identity
from .jobdesc import JobDescription

__all__ = ["render_docx"]

LATIN_FONT = "Calibri"
EAST_ASIAN_FONT = "Noto Sans CJK SC"
TABLE_STYLE = "Light List Accent 1"  # header row in the accent colour, thin frame
FACTS_STYLE = "Light Shading Accent 1"  # rules above and below, banded rows
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x5B, 0x64, 0x75)
INK = RGBColor(0x1C, 0x23, 0x30)
RULE = "D5DBE3"
GROUP_FILL = "EEF3F8"
CONTENT_WIDTH_MM = 174  # A4 (210 mm) less 18 mm margins


def render_docx(
    jd: JobDescription,
    *,
    t: Translate = identity,
    lang: str = "en",
    fishbone_svg: str | None = None,
    org_name: str = "",
    generated_on: dt.date | None = None,
    version_label: str = "",
) -> bytes:
    """The job description as .docx bytes (the fishbone diagram is left out)."""
    view = build_view(
        jd,
        t=t,
        lang=lang,
        org_name=org_name,
        generated_on=generated_on,
        version_label=version_label,
    )
    doc = Document()
    _setup(doc, view, generated_on or jd.as_of)
    _content(doc, view)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- page, styles, header and footer ---------------------------------------------------


def _setup(doc, view: View, day: dt.date) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    section.header_distance = section.footer_distance = Mm(9)

    styles = doc.styles
    lang_tag = "zh-CN" if view.cjk else "en-GB"
    for name in (
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Quote",
        "List Bullet",
        "Header",
        "Footer",
    ):
        _fonts(styles[name].element.get_or_add_rPr())
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15

    title = styles["Title"]
    title.font.size = Pt(24)
    title.font.color.rgb = ACCENT
    subtitle = styles["Subtitle"]
    subtitle.font.size = Pt(10)
    subtitle.font.italic = False
    subtitle.font.color.rgb = MUTED
    for name, size, before in (
        ("Heading 1", 13, 16),
        ("Heading 2", 11.5, 12),
        ("Heading 3", 9.5, 8),
    ):
        h = styles[name]
        h.font.size = Pt(size)
        h.font.color.rgb = ACCENT
        h.paragraph_format.space_before = Pt(before)
        h.paragraph_format.space_after = Pt(4)
        h.paragraph_format.keep_with_next = True
    quote = styles["Quote"]
    quote.font.size = Pt(11)
    quote.font.italic = False
    quote.font.color.rgb = RGBColor(0x14, 0x24, 0x3A)
    _shaded_rule(quote.element.get_or_add_pPr())
    quote.paragraph_format.left_indent = Mm(0)
    quote.paragraph_format.space_before = Pt(2)
    quote.paragraph_format.space_after = Pt(8)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = MUTED
        # the template's centre and right tab stops assume US Letter margins
        tabs = styles[name].element.pPr.find(qn("w:tabs"))
        if tabs is not None:
            styles[name].element.pPr.remove(tabs)

    props = doc.core_properties
    props.title = f"{view.doc_title} — {view.title} ({view.key})"
    props.author = view.org_name or "Remit"
    props.last_modified_by = "Remit"
    props.language = lang_tag
    props.subject = view.doc_title
    props.revision = 1
    stamp = dt.datetime(day.year, day.month, day.day)
    props.created = props.modified = stamp
    props.last_printed = stamp

    header = section.header.paragraphs[0]
    header.style = styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.text = " · ".join(x for x in (view.org_name, view.doc_title) if x)

    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(CONTENT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(f"{view.title} · {view.key}\t")
    _page_counter(footer, view.labels["page"])


def _shaded_rule(ppr) -> None:
    """A left rule and a light fill: the purpose stands out as in the PDF."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for k, v in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8"), ("w:color", "1F4E79")):
        left.set(qn(k), v)
    borders.append(left)
    shd = OxmlElement("w:shd")
    for k, v in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", GROUP_FILL)):
        shd.set(qn(k), v)
    # pBdr and shd come before spacing and indentation in a w:pPr
    ppr.insert(0, shd)
    ppr.insert(0, borders)


def _fonts(rpr) -> None:
    """Name the Latin and East Asian fonts outright: theme fonts would override them."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")  # Latin-script runs
    lang.set(qn("w:eastAsia"), "zh-CN")  # CJK runs


def _page_counter(paragraph, template: str) -> None:
    """``Page {page} of {pages}`` with live PAGE and NUMPAGES fields."""
    rest = template
    while rest:
        cut = min((i for i in (rest.find("{page}"), rest.find("{pages}")) if i >= 0), default=-1)
        if cut < 0:
            paragraph.add_run(rest)
            break
        if cut:
            paragraph.add_run(rest[:cut])
        field = "NUMPAGES" if rest.startswith("{pages}", cut) else "PAGE"
        _field(paragraph, field)
        rest = rest[cut + len("{pages}" if field == "NUMPAGES" else "{page}") :]


def _field(paragraph, instruction: str) -> None:
    def char(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


# --- content --------------------------------------------------------------------------


def _content(doc, view: View) -> None:
    doc.add_paragraph(
        " · ".join(x for x in (view.org_name, view.doc_title) if x), style="Subtitle"
    ).paragraph_format.space_after = Pt(0)
    doc.add_paragraph(view.title, style="Title")
    meta = doc.add_paragraph()
    key = meta.add_run(view.key)
    key.bold = True
    key.font.color.rgb = ACCENT
    for text in (view.version_line, view.date_line):
        if text:
            meta.add_run(f"  ·  {text}").font.color.rgb = MUTED

    doc.add_heading(view.identity_heading, level=1)
    facts = doc.add_table(rows=0, cols=2)
    facts.style = doc.styles[FACTS_STYLE]
    facts.alignment = WD_TABLE_ALIGNMENT.CENTER
    _look(facts, header=False, first_column=True)
    _cell_margins(facts)
    label_col = Column("", 30)
    for label, value in view.identity:
        cells = facts.add_row().cells
        _put(cells[0], label, label_col, bold=True)
        _put(cells[1], value, label_col)
        for r in cells[1].paragraphs[0].runs:
            r.font.color.rgb = INK  # the style tints text: values read in black
    _widths(facts, (30, 70))
    _keep(facts, len(facts.rows))

    if view.purpose or view.department_function:
        doc.add_heading(view.purpose_heading, level=1)
        if view.purpose:
            doc.add_paragraph(view.purpose.sentence, style="Quote")
            for label, text in view.purpose.parts:
                item = doc.add_paragraph(style="List Bullet")
                item.add_run(f"{label}{view.colon}").bold = True
                item.add_run(text)
            if view.purpose.objectives:
                _labelled(doc, view, view.labels["objectives"], view.purpose.objectives)
        if view.department_function:
            _labelled(doc, view, view.function_label, view.department_function)

    if view.overview:
        doc.add_heading(view.overview_heading, level=1)
        _table(doc, view.overview, keep_all=True)
        for a in view.areas:
            gap = "" if view.cjk else "  "  # full-width brackets bring their own space
            title = f"{a.number}  {a.title}" + (f"{gap}{view.paren(a.weight)}" if a.weight else "")
            doc.add_heading(title, level=2)
            if a.description:
                desc = doc.add_paragraph(a.description)
                desc.paragraph_format.keep_with_next = True
            if a.targets:
                doc.add_heading(view.targets_label, level=3)
                _table(doc, a.targets, keep_all=True)
            if a.groups:
                doc.add_heading(view.responsibilities_label, level=3)
                _resps(doc, a.responsibilities, a.groups)

    for s in view.sections:
        doc.add_heading(s.heading, level=1)
        _table(doc, s.table)

    _signatures(doc, view)


def _labelled(doc, view: View, label: str, text: str) -> None:
    p = doc.add_paragraph()
    p.add_run(f"{label}{view.colon}").bold = True
    p.add_run(text)


def _table(doc, table: Table, *, keep_all: bool = False) -> None:
    """A data table; ``keep_all`` keeps a short table on one page."""
    tb = doc.add_table(rows=1, cols=len(table.columns))
    tb.style = doc.styles[TABLE_STYLE]
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    _look(tb, header=True, first_column=False)
    _cell_margins(tb)
    for cell, col in zip(tb.rows[0].cells, table.columns, strict=True):
        _put(cell, col.header, col)
    _repeat_header(tb.rows[0])
    for row in table.rows:
        for cell, value, col in zip(tb.add_row().cells, row, table.columns, strict=True):
            _put(cell, value, col)
    if table.footer:
        for cell, value, col in zip(tb.add_row().cells, table.footer, table.columns, strict=True):
            _put(cell, value, col, bold=True)
    _widths(tb, tuple(c.width for c in table.columns))
    _rows_stay_whole(tb)
    # the header row never stands alone at a page's foot
    _keep(tb, len(tb.rows) - 1 if keep_all else 1)
    _gap(doc)


def _resps(doc, columns: tuple[Column, ...], groups) -> None:
    tb = doc.add_table(rows=1, cols=len(columns))
    tb.style = doc.styles[TABLE_STYLE]
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    _look(tb, header=True, first_column=False)
    _cell_margins(tb)
    for cell, col in zip(tb.rows[0].cells, columns, strict=True):
        _put(cell, col.header, col)
    _repeat_header(tb.rows[0])
    keep = [0]  # rows kept with the next: the header and every target's heading row
    for g in groups:
        keep.append(len(tb.rows))
        row = tb.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        merged.text = ""
        para = merged.paragraphs[0]
        para.add_run(f"{g.number}  ").font.color.rgb = MUTED
        para.add_run(g.statement).bold = True
        para.paragraph_format.keep_with_next = True
        _shade(merged, GROUP_FILL)
        for values in g.rows:
            for cell, value, col in zip(tb.add_row().cells, values, columns, strict=True):
                _put(cell, value, col)
    _widths(tb, tuple(c.width for c in columns))
    _rows_stay_whole(tb)
    for i in keep:
        _keep_row(tb.rows[i])
    _gap(doc)


def _gap(doc) -> None:
    """A small space after a table (Word joins adjacent tables otherwise)."""
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(8)


def _keep(table, rows: int) -> None:
    """Keep the first ``rows`` rows with the row after them."""
    for row in table.rows[:rows]:
        _keep_row(row)


def _keep_row(row) -> None:
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = True


def _cell_margins(table) -> None:
    """Breathing room in cells: the template's table styles have none above and below."""
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, width in (("top", 45), ("left", 85), ("bottom", 45), ("right", 85)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(width))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    look = tbl_pr.find(qn("w:tblLook"))
    # w:tblCellMar precedes w:tblLook in a w:tblPr
    if look is not None:
        look.addprevious(mar)
    else:
        tbl_pr.append(mar)


def _put(cell, value: Cell, column: Column, *, bold: bool = False) -> None:
    if isinstance(value, Dots):
        text = value.text
    elif isinstance(value, tuple):
        text = "\n".join(value)
    else:
        text = value
    cell.text = ""
    para = cell.paragraphs[0]
    para.paragraph_format.space_after = Pt(0)
    lines = text.split("\n")
    run = para.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run = para.add_run(line)
    for r in para.runs:
        r.font.size = Pt(8.5)
        if bold:
            r.bold = True
        if isinstance(value, Dots):
            r.font.color.rgb = ACCENT
    if column.kind == "num":
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _look(table, *, header: bool, first_column: bool) -> None:
    """Which parts of the table style apply: header row, first column, banded rows."""
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    for attr in list(look.attrib):
        del look.attrib[attr]
    look.set(qn("w:firstRow"), "1" if header else "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "1" if first_column else "0")
    look.set(qn("w:lastColumn"), "0")
    # Data tables get thin rules between rows instead of the style's banding, whose
    # bands alternate cell borders in "Light List"; the fact table keeps its bands.
    look.set(qn("w:noHBand"), "1" if header else "0")
    look.set(qn("w:noVBand"), "1")
    flags = (0x20 if header else 0) | (0x80 if first_column else 0) | 0x400
    look.set(qn("w:val"), f"{flags | (0x200 if header else 0):04X}")
    if header:
        borders = OxmlElement("w:tblBorders")
        for side, size, color in (
            ("top", 8, "1F4E79"),
            ("left", 8, "1F4E79"),
            ("bottom", 8, "1F4E79"),
            ("right", 8, "1F4E79"),
            ("insideH", 4, RULE),
        ):
            el = OxmlElement(f"w:{side}")
            for k, v in (
                ("w:val", "single"),
                ("w:sz", str(size)),
                ("w:space", "0"),
                ("w:color", color),
            ):
                el.set(qn(k), v)
            borders.append(el)
        # w:tblBorders precedes w:tblCellMar and w:tblLook in a w:tblPr
        look.addprevious(borders)


def _widths(table, percents: tuple[int, ...]) -> None:
    """Fixed column widths, in the grid (LibreOffice) and on every cell (Word)."""
    table.autofit = False
    total = sum(percents)
    widths = [Mm(CONTENT_WIDTH_MM * p / total) for p in percents]
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width.twips))
    for row in table.rows:
        tcs = row._tr.tc_lst
        if len(tcs) == len(widths):
            for tc, width in zip(tcs, widths, strict=True):
                tc.get_or_add_tcPr().get_or_add_tcW().set(qn("w:w"), str(width.twips))
                tc.get_or_add_tcPr().get_or_add_tcW().set(qn("w:type"), "dxa")
        else:  # a merged group row spans the whole table
            for tc in tcs:
                tcw = tc.get_or_add_tcPr().get_or_add_tcW()
                tcw.set(qn("w:w"), str(Mm(CONTENT_WIDTH_MM).twips))
                tcw.set(qn("w:type"), "dxa")


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _rows_stay_whole(table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            el = OxmlElement("w:cantSplit")
            el.set(qn("w:val"), "true")
            tr_pr.insert(0, el)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _signatures(doc, view: View) -> None:
    labels = view.labels
    doc.add_paragraph().paragraph_format.space_after = Pt(18)
    tb = doc.add_table(rows=2, cols=3)
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, who in ((0, labels["holder"]), (2, labels["manager"])):
        line, caption = tb.rows[0].cells[i], tb.rows[1].cells[i]
        line.paragraphs[0].paragraph_format.space_before = Pt(24)
        _border(line, "bottom")
        caption.text = f"{who} · {labels['signature_date']}"
        for r in caption.paragraphs[0].runs:
            r.font.size = Pt(8)
            r.font.color.rgb = MUTED
    _widths(tb, (44, 12, 44))
    _rows_stay_whole(tb)


def _border(cell, side: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), "6")
    edge.set(qn("w:color"), "1C2330")
    borders.append(edge)
    tc_pr.append(borders)
