"""A job description as PDF: WeasyPrint lays out :func:`render_html`'s print document.

Nothing is fetched while rendering: the URL fetcher refuses every URL except ``data:``
URIs (the embedded fishbone diagram), so a crafted title or SVG cannot reach the
network or the file system. Fonts come from the system (fontconfig): "Noto Sans CJK SC"
for Chinese, "Noto Sans" or "DejaVu Sans" for Latin text.
"""

import datetime as dt

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from ._jd_view import Translate, identity
from .jd_html import render_html
from .jobdesc import JobDescription

__all__ = ["DataOnlyURLFetcher", "render_pdf"]


class DataOnlyURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads ``data:`` URIs and refuses everything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)

    def fetch(self, url: str, headers=None):
        """Decode a ``data:`` URI; raise ``ValueError`` for any other URL."""
        if not url.lower().startswith("data:"):
            raise ValueError(f"refused to fetch {url[:80]!r}: only data: URIs are allowed")
        return super().fetch(url, headers)


def render_pdf(
    jd: JobDescription,
    *,
    t: Translate = identity,
    lang: str = "en",
    fishbone_svg: str | None = None,
    org_name: str = "",
    generated_on: dt.date | None = None,
    version_label: str = "",
) -> bytes:
    """The print document as PDF bytes (A4, fonts embedded, nothing fetched)."""
    html = render_html(
        jd,
        t=t,
        lang=lang,
        fishbone_svg=fishbone_svg,
        org_name=org_name,
        generated_on=generated_on,
        version_label=version_label,
    )
    title = f"{jd.identity.title} ({jd.identity.key})"
    document = HTML(string=html, url_fetcher=DataOnlyURLFetcher()).render()
    document.metadata.title = title
    if org_name:
        document.metadata.authors = [org_name]
    # A fixed creation date keeps equal inputs producing equal bytes.
    when = (generated_on or jd.as_of).isoformat()
    document.metadata.created = when
    document.metadata.modified = when
    return document.write_pdf()
