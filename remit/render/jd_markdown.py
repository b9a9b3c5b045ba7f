"""A job description as GitHub-flavoured Markdown: headings, a purpose quote and tables."""

import datetime as dt
import re

from ._jd_view import Cell, Table, Translate, View, build_view, cell_text, identity
from .jobdesc import JobDescription

__all__ = ["render_markdown"]


def render_markdown(
    jd: JobDescription,
    *,
    t: Translate = identity,
    lang: str = "en",
    fishbone_svg: str | None = None,
    org_name: str = "",
    generated_on: dt.date | None = None,
    version_label: str = "",
) -> str:
    """The job description as Markdown (the fishbone diagram is left out: Markdown has no SVG)."""
    view = build_view(
        jd,
        t=t,
        lang=lang,
        org_name=org_name,
        generated_on=generated_on,
        version_label=version_label,
    )
    return _markdown(view)


def _markdown(view: View) -> str:
    out: list[str] = []
    add = out.append
    add(f"# {_inline(view.title)}\n")
    meta = [view.doc_title]
    if view.org_name:
        meta.insert(0, view.org_name)
    meta += [f"`{view.key}`", view.version_line, view.date_line]
    add(" · ".join(_inline(m) if not m.startswith("`") else m for m in meta if m) + "\n")

    add(f"## {_inline(view.identity_heading)}\n")
    add(_rows(("", ""), view.identity))

    if view.purpose or view.department_function:
        add(f"## {_inline(view.purpose_heading)}\n")
        if view.purpose:
            add(f"> {_inline(view.purpose.sentence)}\n")
            for label, text in view.purpose.parts:
                add(f"- {_label(view, label)} {_inline(text)}")
            add("")
            if view.purpose.objectives:
                add(
                    f"{_label(view, view.labels['objectives'])} {_inline(view.purpose.objectives)}\n"
                )
        if view.department_function:
            add(f"{_label(view, view.function_label)} {_inline(view.department_function)}\n")

    if view.overview:
        add(f"## {_inline(view.overview_heading)}\n")
        add(_table(view.overview))
        for a in view.areas:
            weight = f" {view.paren(a.weight)}" if a.weight else ""
            add(f"### {a.number}. {_inline(a.title)}{weight}\n")
            if a.description:
                add(f"{_inline(a.description)}\n")
            if a.targets:
                add(f"#### {_inline(view.targets_label)}\n")
                add(_table(a.targets))
            if a.groups:
                add(f"#### {_inline(view.responsibilities_label)}\n")
                for g in a.groups:
                    add(f"**{g.number} {_inline(g.statement)}**\n")
                    add(_table(Table(a.responsibilities, g.rows)))

    for s in view.sections:
        add(f"## {_inline(s.heading)}\n")
        add(_table(s.table))
    return "\n".join(out).rstrip("\n") + "\n"


_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _inline(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links or HTML sneak in."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _label(view: View, label: str) -> str:
    """``**Label:** `` (``**标签：**`` in Chinese: the full-width colon brings its space)."""
    return f"**{_inline(label)}{view.colon.strip()}**" + ("" if view.cjk else " ")


def _cell(cell: Cell) -> str:
    return _inline(cell_text(cell, "; "))


def _table(table: Table) -> str:
    head = "| " + " | ".join(_inline(c.header) for c in table.columns) + " |"
    rule = "|" + "|".join("---:" if c.kind == "num" else "---" for c in table.columns) + "|"
    lines = [head, rule]
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    if table.footer:
        lines.append("| " + " | ".join(f"**{_cell(c)}**" if c else "" for c in table.footer) + " |")
    return "\n".join(lines) + "\n"


def _rows(header: tuple[str, str], rows: tuple[tuple[str, str], ...]) -> str:
    """A two-column fact table (GFM needs a header row: it stays empty)."""
    lines = [f"| {header[0]} | {header[1]} |", "|---|---|"]
    lines += [f"| **{_inline(k)}** | {_inline(v)} |" for k, v in rows]
    return "\n".join(lines) + "\n"
