"""Templates keep to the Content-Security-Policy: no inline scripts, styles or handlers."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "remit"
TEMPLATES = sorted(p for p in ROOT.rglob("templates/**/*.html"))

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_STYLE_TAG = re.compile(r"<style(?![^>]*nonce=)[^>]*>", re.I)
STYLE_ATTR = re.compile(r"\sstyle\s*=", re.I)
HANDLER_ATTR = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I)
HX_ON = re.compile(r"\shx-on", re.I)


def test_templates_exist():
    assert len(TEMPLATES) > 10


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_inline_code(path):
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text), "inline <script> (move it to static/js)"
    assert not INLINE_STYLE_TAG.search(text), "<style> without a nonce"
    assert not STYLE_ATTR.search(text), "style= attribute (use a CSS class)"
    assert not HANDLER_ATTR.search(text), "on…= event handler attribute (use remit.js)"
    assert not HX_ON.search(text), "hx-on needs eval, which the CSP forbids"


def test_pages_send_a_strict_csp(owner_client, org):
    r = owner_client.get(f"/o/{org.slug}/")
    csp = r["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
