"""A job description as HTML: a standalone print document, or a fragment for the app.

``render_html`` returns a complete HTML5 document with its stylesheet in the head
(A4 paged media for WeasyPrint and the browser's print dialogue). It is a download,
never shown inside the application shell, so its ``<style>`` element does not meet
the app's Content-Security-Policy.

``render_html_fragment`` returns the body content alone for embedding in an app page:
no ``<style>``, no ``style=`` attribute, no script, only these class names:

``jd-doc``
    the wrapper (``<article>``); ``jd-fragment`` beside it in the fragment.
``jd-header``, ``jd-org``, ``jd-doctype``, ``jd-title``, ``jd-meta``, ``jd-key``,
``jd-version``, ``jd-date``
    the header: organisation, "Job description", position title, key, version, date.
``jd-section`` plus ``jd-identity``, ``jd-purpose``, ``jd-fishbone``, ``jd-areas``,
``jd-skills``, ``jd-relations``, ``jd-controls``, ``jd-procedures``, ``jd-staffing``
    one per section, each headed by an ``<h2>`` (``<h3>`` in the fragment).
``jd-facts``
    the identity table (``<th>`` label, ``<td>`` value per row).
``jd-purpose-sentence``, ``jd-purpose-parts``, ``jd-purpose-part``, ``jd-part-label``,
``jd-part-text``, ``jd-objectives``, ``jd-function``
    the purpose: the composed sentence, its three labelled parts, the objectives it
    derives from and the department's function.
``jd-area``, ``jd-area-head``, ``jd-num``, ``jd-area-title``, ``jd-weight``,
``jd-area-desc``, ``jd-sub``
    one key result area: number, title, weight badge, description, and the
    sub-headings ``jd-sub`` over its targets and responsibilities.
``jd-table`` plus ``jd-overview``, ``jd-targets``, ``jd-resps`` or ``jd-list``
    data tables; columns carry ``jd-c-text``, ``jd-c-num`` (right-aligned),
    ``jd-c-key`` (codes, numbering) or ``jd-c-tag`` (short labels), and ``<col>``
    elements ``jd-w-N`` (N: the column's share of the width, in percent).
``jd-group``, ``jd-group-row``
    in the responsibilities table: the ``<tbody>`` of one target and its heading row.
``jd-sops``, ``jd-level``, ``jd-total``
    a responsibility's SOP list, a skill level (dots, with its number in ``title``),
    the totals row (``<tfoot>``).
``jd-figure``
    the fishbone diagram (an ``<img>`` with a ``data:`` SVG, which the CSP allows).
``jd-signatures``, ``jd-sign``, ``jd-sign-line``, ``jd-sign-label``
    the signature boxes (document only).
"""

import base64
import datetime as dt
import re
from html import escape

from ._jd_view import Cell, Column, Dots, Table, Translate, View, build_view, identity
from .jobdesc import JobDescription

__all__ = ["render_html", "render_html_fragment"]

LATIN_FONTS = '"Noto Sans", "Source Sans 3", "Noto Sans CJK SC", "DejaVu Sans", sans-serif'
CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif'
MONO_FONTS = '"DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace'


def render_html(
    jd: JobDescription,
    *,
    t: Translate = identity,
    lang: str = "en",
    fishbone_svg: str | None = None,
    org_name: str = "",
    generated_on: dt.date | None = None,
    version_label: str = "",
) -> str:
    """A complete, printable HTML5 document (A4, page numbers, styles in the head)."""
    view = build_view(
        jd,
        t=t,
        lang=lang,
        org_name=org_name,
        generated_on=generated_on,
        version_label=version_label,
    )
    body = _body(view, fishbone_svg, level=1, document=True)
    title = f"{view.doc_title} — {view.title} ({view.key})"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{_css(view)}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def render_html_fragment(
    jd: JobDescription,
    *,
    t: Translate = identity,
    lang: str = "en",
    fishbone_svg: str | None = None,
    org_name: str = "",
    generated_on: dt.date | None = None,
    version_label: str = "",
) -> str:
    """The document's body for embedding: class names only, no style, no script."""
    view = build_view(
        jd,
        t=t,
        lang=lang,
        org_name=org_name,
        generated_on=generated_on,
        version_label=version_label,
    )
    return _body(view, fishbone_svg, level=2, document=False)


# --- markup ------------------------------------------------------------------------------


def _body(view: View, fishbone_svg: str | None, *, level: int, document: bool) -> str:
    h1, h2, h3, h4 = (f"h{min(level + i, 6)}" for i in range(4))
    out: list[str] = []
    add = out.append
    cls = "jd-doc" if document else "jd-doc jd-fragment"
    add(f'<article class="{cls}" lang="{escape(view.lang)}">\n')

    add('<header class="jd-header">\n')
    if view.org_name:
        add(f'<div class="jd-org">{escape(view.org_name)}</div>\n')
    add(f'<div class="jd-doctype">{escape(view.doc_title)}</div>\n')
    add(f'<{h1} class="jd-title">{escape(view.title)}</{h1}>\n')
    add('<div class="jd-meta">')
    add(f'<span class="jd-key">{escape(view.key)}</span>')
    if view.version_line:
        add(f'<span class="jd-version">{escape(view.version_line)}</span>')
    add(f'<span class="jd-date">{escape(view.date_line)}</span>')
    add("</div>\n</header>\n")

    add('<section class="jd-section jd-identity">\n')
    add(f"<{h2}>{escape(view.identity_heading)}</{h2}>\n")
    add('<table class="jd-facts">\n<tbody>\n')
    for k, v in view.identity:
        add(f'<tr><th scope="row">{escape(k)}</th><td>{escape(v)}</td></tr>\n')
    add("</tbody>\n</table>\n</section>\n")

    if view.purpose or view.department_function:
        add('<section class="jd-section jd-purpose">\n')
        add(f"<{h2}>{escape(view.purpose_heading)}</{h2}>\n")
        if view.purpose:
            p = view.purpose
            add(f'<p class="jd-purpose-sentence">{escape(p.sentence)}</p>\n')
            add('<dl class="jd-purpose-parts">\n')
            for k, v in p.parts:
                add(
                    f'<div class="jd-purpose-part"><dt class="jd-part-label">{escape(k)}</dt>'
                    f'<dd class="jd-part-text">{escape(v)}</dd></div>\n'
                )
            add("</dl>\n")
            if p.objectives:
                add(
                    f'<p class="jd-objectives"><span class="jd-part-label">'
                    f"{escape(view.labels['objectives'])}</span> {escape(p.objectives)}</p>\n"
                )
        if view.department_function:
            add(
                f'<p class="jd-function"><span class="jd-part-label">'
                f"{escape(view.function_label)}</span> {escape(view.department_function)}</p>\n"
            )
        add("</section>\n")

    if fishbone_svg:
        data = base64.b64encode(fishbone_svg.encode("utf-8")).decode("ascii")
        add('<section class="jd-section jd-fishbone">\n')
        add(f"<{h2}>{escape(view.fishbone_heading)}</{h2}>\n")
        add(
            f'<figure class="jd-figure"><img src="data:image/svg+xml;base64,{data}" '
            f'alt="{escape(view.fishbone_heading)}"></figure>\n</section>\n'
        )

    if view.overview:
        add('<section class="jd-section jd-areas">\n')
        add(f"<{h2}>{escape(view.overview_heading)}</{h2}>\n")
        add(_table(view.overview, "jd-overview"))
        for a in view.areas:
            add(f'<section class="jd-area" id="area-{escape(_slug(a.key))}">\n')
            # The area's heading, description and targets stay on one page.
            add('<div class="jd-area-head">\n')
            add(
                f'<{h3}><span class="jd-num">{escape(a.number)}</span> '
                f'<span class="jd-area-title">{escape(a.title)}</span>'
            )
            if a.weight:
                add(
                    f' <span class="jd-weight" title="{escape(view.labels["weight"])}">'
                    f"{escape(a.weight)}</span>"
                )
            add(f"</{h3}>\n")
            if a.description:
                add(f'<p class="jd-area-desc">{escape(a.description)}</p>\n')
            if a.targets:
                add(f'<{h4} class="jd-sub">{escape(view.targets_label)}</{h4}>\n')
                add(_table(a.targets, "jd-targets"))
            add("</div>\n")
            if a.groups:
                add(f'<{h4} class="jd-sub">{escape(view.responsibilities_label)}</{h4}>\n')
                add(_resps(a.responsibilities, a.groups))
            add("</section>\n")
        add("</section>\n")

    for s in view.sections:
        add(f'<section class="jd-section jd-{s.id}">\n')
        add(f"<{h2}>{escape(s.heading)}</{h2}>\n")
        add(_table(s.table, "jd-list"))
        add("</section>\n")

    if document:
        labels = view.labels
        add('<section class="jd-signatures">\n')
        for who in (labels["holder"], labels["manager"]):
            add(
                f'<div class="jd-sign"><div class="jd-sign-line"></div>'
                f'<div class="jd-sign-label">{escape(who)} · {escape(labels["signature_date"])}'
                f"</div></div>\n"
            )
        add("</section>\n")
    add("</article>\n")
    return "".join(out)


def _colgroup(columns: tuple[Column, ...]) -> str:
    return (
        "<colgroup>" + "".join(f'<col class="jd-w-{c.width}">' for c in columns) + "</colgroup>\n"
    )


def _head(columns: tuple[Column, ...]) -> str:
    cells = "".join(
        f'<th scope="col" class="jd-c-{c.kind}">{escape(c.header)}</th>' for c in columns
    )
    return f"<thead><tr>{cells}</tr></thead>\n"


def _cell(cell: Cell, column: Column, tag: str = "td") -> str:
    if isinstance(cell, Dots):
        body = f'<span class="jd-level" title="{cell.level}/{cell.of}">{escape(cell.text)}</span>'
    elif isinstance(cell, tuple):
        body = (
            '<ul class="jd-sops">' + "".join(f"<li>{escape(x)}</li>" for x in cell) + "</ul>"
            if cell
            else ""
        )
    else:
        body = escape(cell)
    return f'<{tag} class="jd-c-{column.kind}">{body}</{tag}>'


def _table(table: Table, kind: str) -> str:
    out = [f'<table class="jd-table {kind}">\n', _colgroup(table.columns), _head(table.columns)]
    out.append("<tbody>\n")
    for row in table.rows:
        out.append(
            "<tr>"
            + "".join(_cell(c, col) for c, col in zip(row, table.columns, strict=True))
            + "</tr>\n"
        )
    out.append("</tbody>\n")
    if table.footer:
        cells = "".join(_cell(c, col) for c, col in zip(table.footer, table.columns, strict=True))
        out.append(f'<tfoot><tr class="jd-total">{cells}</tr></tfoot>\n')
    out.append("</table>\n")
    return "".join(out)


def _resps(columns: tuple[Column, ...], groups) -> str:
    out = ['<table class="jd-table jd-resps">\n', _colgroup(columns), _head(columns)]
    for g in groups:
        out.append('<tbody class="jd-group">\n')
        out.append(
            f'<tr class="jd-group-row"><th colspan="{len(columns)}" scope="rowgroup">'
            f'<span class="jd-num">{escape(g.number)}</span> {escape(g.statement)}</th></tr>\n'
        )
        for row in g.rows:
            out.append(
                "<tr>"
                + "".join(_cell(c, col) for c, col in zip(row, columns, strict=True))
                + "</tr>\n"
            )
        out.append("</tbody>\n")
    out.append("</table>\n")
    return "".join(out)


def _slug(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", key)


# --- the print stylesheet --------------------------------------------------------------


def css_string(text: str) -> str:
    """A CSS string literal; every character that could end it or the style element is escaped.

    Underscores are escaped too, so no text can look like a ``__PLACEHOLDER__`` of the
    stylesheet template.
    """
    safe = "".join(
        ch if ch.isalnum() or ch in " .,:;()·—–-/#&+%'" or ord(ch) > 0x7F else f"\\{ord(ch):x} "
        for ch in text
    )
    return f'"{safe}"'


def _page_counter(template: str) -> str:
    """``Page {page} of {pages}`` as a CSS content value with counters."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def _css(view: View) -> str:
    fonts = CJK_FONTS if view.cjk else LATIN_FONTS
    footer_left = css_string(f"{view.title} · {view.key}")
    header_left = css_string(view.org_name)
    header_right = css_string(view.doc_title)
    widths = sorted(
        {c.width for tb in _tables(view) for c in tb}
        | {c.width for a in view.areas for c in a.responsibilities}
    )
    width_rules = "".join(f".jd-w-{w} {{ width: {w}%; }}\n" for w in widths)
    leading = "1.62" if view.cjk else "1.45"
    return (
        _CSS.replace("__FONTS__", fonts)
        .replace("__MONO__", MONO_FONTS)
        .replace("__LEADING__", leading)
        .replace("__FOOTER_LEFT__", footer_left)
        .replace("__PAGE__", _page_counter(view.labels["page"]))
        .replace("__HEADER_LEFT__", header_left)
        .replace("__HEADER_RIGHT__", header_right)
        + (_CJK_CSS if view.cjk else "")
        + width_rules
    )


def _tables(view: View) -> list[tuple[Column, ...]]:
    out = [view.overview.columns] if view.overview else []
    out += [a.targets.columns for a in view.areas if a.targets]
    out += [s.table.columns for s in view.sections]
    return out


# Chinese has no capitals and no italics: small uppercase labels become small
# characters, and a slanted CJK font is a synthetic oblique. Give labels their size back.
_CJK_CSS = """\
.jd-doctype { font-size: 9.5pt; letter-spacing: 0.3em; }
.jd-table thead th { font-size: 8pt; letter-spacing: 0; }
.jd-sub { font-size: 9pt; letter-spacing: 0.05em; }
.jd-purpose-parts dt, .jd-part-label { font-size: 8.2pt; letter-spacing: 0.05em; }
.jd-area-desc { font-style: normal; }
"""

_CSS = """\
@page {
  size: A4;
  margin: 20mm 17mm 21mm 17mm;
  @top-left { content: __HEADER_LEFT__; font: 7.5pt __FONTS__; color: #7a8394; }
  @top-right { content: __HEADER_RIGHT__; font: 7.5pt __FONTS__; color: #7a8394; }
  @bottom-left { content: __FOOTER_LEFT__; font: 7.5pt __FONTS__; color: #7a8394; }
  @bottom-right { content: __PAGE__; font: 7.5pt __FONTS__; color: #7a8394; }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}
html { font-family: __FONTS__; font-size: 9.4pt; line-height: __LEADING__; color: #1c2330; }
body { margin: 0; }
.jd-doc { max-width: 180mm; margin: 0 auto; }
@media screen { .jd-doc { padding: 12mm 0; } }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }

.jd-header { border-bottom: 2.4pt solid #1f4e79; padding-bottom: 9pt; margin-bottom: 14pt; }
.jd-org { font-size: 9pt; font-weight: bold; color: #1f4e79; letter-spacing: 0.04em; }
.jd-doctype { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.14em;
  color: #6b7487; margin-top: 10pt; }
.jd-title { font-size: 23pt; font-weight: bold; margin: 2pt 0 6pt; color: #14243a; }
.jd-meta { font-size: 8.5pt; color: #4b5567; }
.jd-meta span + span::before { content: "·"; margin: 0 7pt; color: #a0a8b6; }
.jd-key { font-family: __MONO__; font-size: 8pt; background: #eef3f8; color: #1f4e79;
  padding: 1pt 5pt; border-radius: 2pt; }

.jd-section { margin-top: 14pt; }
.jd-section > h2 { font-size: 11.5pt; color: #1f4e79; margin: 0 0 7pt; padding-bottom: 3pt;
  border-bottom: 0.6pt solid #c9d3df; letter-spacing: 0.02em; }

.jd-facts { border-collapse: collapse; width: 100%; }
.jd-facts th { text-align: left; font-weight: normal; color: #5b6475; width: 27%;
  padding: 3pt 10pt 3pt 0; vertical-align: top; }
.jd-facts td { padding: 3pt 0; vertical-align: top; }
.jd-facts tr + tr > * { border-top: 0.4pt solid #e4e8ee; }

.jd-purpose-sentence { font-size: 11pt; line-height: 1.5; margin: 0 0 9pt;
  padding: 9pt 13pt; background: #eef3f8; border-left: 3pt solid #1f4e79; color: #14243a; }
.jd-purpose-parts { display: flex; gap: 10pt; margin: 0 0 8pt; }
.jd-purpose-part { flex: 1 1 0; border-top: 1.2pt solid #c9d3df; padding-top: 4pt; }
.jd-purpose-parts dt, .jd-part-label { font-size: 7.5pt; text-transform: uppercase;
  letter-spacing: 0.08em; color: #6b7487; font-weight: bold; }
.jd-purpose-parts dd { margin: 2pt 0 0; font-size: 8.8pt; }
.jd-objectives, .jd-function { margin: 4pt 0 0; font-size: 8.8pt; }
.jd-objectives .jd-part-label, .jd-function .jd-part-label { margin-right: 6pt; }

.jd-figure { margin: 0; text-align: center; break-inside: avoid; }
.jd-figure img { max-width: 100%; max-height: 120mm; }

.jd-table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 8pt;
  font-size: 8.6pt; }
.jd-table thead { display: table-header-group; }
.jd-table th, .jd-table td { padding: 3.6pt 5pt; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
.jd-table thead th { font-size: 7.2pt; font-weight: bold; text-transform: uppercase;
  letter-spacing: 0.03em; line-height: 1.3; color: #4b5567; background: #eef3f8;
  border-bottom: 0.9pt solid #1f4e79; vertical-align: bottom; white-space: normal; }
.jd-table tbody td { border-bottom: 0.4pt solid #e1e6ed; }
.jd-table tr { break-inside: avoid; page-break-inside: avoid; }
.jd-table .jd-c-num { text-align: right; }
.jd-table td.jd-c-num { white-space: nowrap; }
.jd-table .jd-c-key { font-family: __MONO__; font-size: 7.6pt; color: #5b6475; }
.jd-table .jd-c-tag { color: #3a4456; }
.jd-total td { font-weight: bold; border-top: 0.9pt solid #1f4e79; }
.jd-overview { margin-bottom: 12pt; break-inside: avoid; page-break-inside: avoid; }

.jd-area { margin-top: 14pt; }
.jd-area-head { break-inside: avoid; page-break-inside: avoid; }
.jd-area h3 { font-size: 12pt; margin: 0 0 5pt; padding: 5pt 8pt; background: #1f4e79;
  color: #ffffff; border-radius: 2pt; }
.jd-area h3 .jd-num { font-family: __MONO__; font-weight: normal; margin-right: 4pt;
  color: #cfe0f1; }
.jd-weight { float: right; font-size: 9.5pt; font-weight: bold; background: #ffffff;
  color: #1f4e79; padding: 0 6pt; border-radius: 2pt; margin-top: 1pt; }
.jd-area-desc { margin: 0 0 6pt; color: #3a4456; font-style: italic; }
.jd-sub { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.09em; color: #1f4e79;
  margin: 8pt 0 3pt; }
.jd-group-row th { background: #f6f8fb; font-weight: bold; color: #14243a;
  border-bottom: 0.4pt solid #c9d3df; padding-top: 5pt; }
.jd-group-row .jd-num { font-family: __MONO__; font-weight: normal; font-size: 7.6pt;
  color: #5b6475; margin-right: 4pt; }
.jd-group { break-inside: auto; }
.jd-group-row { break-after: avoid; page-break-after: avoid; }
.jd-sops { margin: 0; padding: 0; list-style: none; }
.jd-sops li + li { margin-top: 2pt; }
.jd-level { color: #1f4e79; letter-spacing: 0.1em; }

.jd-signatures { display: flex; gap: 18mm; margin-top: 26pt; break-inside: avoid; }
.jd-sign { flex: 1 1 0; }
.jd-sign-line { border-bottom: 0.8pt solid #1c2330; height: 24pt; }
.jd-sign-label { font-size: 7.8pt; color: #5b6475; margin-top: 3pt; }
"""
