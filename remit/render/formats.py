"""The document formats of a job description: an explicit registry, one line per format."""

from collections.abc import Callable
from dataclasses import dataclass

from remit.domain.duties import Purpose, ResultArea, Target
from remit.domain.people import Position

from .jd_docx import render_docx
from .jd_html import render_html
from .jd_markdown import render_markdown
from .jd_pdf import render_pdf
from .jobdesc import JobDescription


@dataclass(frozen=True)
class Format:
    code: str
    label: str
    extension: str
    content_type: str
    render: Callable[..., str | bytes]
    uses_fishbone: bool


FORMATS: dict[str, Format] = {
    f.code: f
    for f in (
        Format("pdf", "PDF", "pdf", "application/pdf", render_pdf, True),
        Format(
            "docx",
            "Word (DOCX)",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            render_docx,
            False,
        ),
        Format("md", "Markdown", "md", "text/markdown; charset=utf-8", render_markdown, False),
        Format("html", "HTML", "html", "text/html; charset=utf-8", render_html, True),
    )
}


def as_bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def position_for_fishbone(jd: JobDescription) -> Position:
    """A domain Position carrying just what the fishbone draws, rebuilt from a job description
    (so frozen versions get their diagram too)."""
    return Position(
        jd.identity.key,
        jd.identity.title,
        purpose=Purpose(jd.purpose.basis, jd.purpose.content, jd.purpose.performance),
        result_areas=tuple(
            ResultArea(
                a.key,
                a.title,
                a.weight,
                targets=tuple(Target(t.key, t.statement) for t in a.targets),
            )
            for a in jd.areas
        ),
    )
