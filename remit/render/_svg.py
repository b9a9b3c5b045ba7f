"""Shared SVG helpers: escaping, text measurement and wrapping, a tiny element builder.

The diagrams are embedded inline under a strict Content-Security-Policy and in
WeasyPrint PDFs, so everything here writes presentation attributes only: no
``style`` attributes, no ``<style>`` elements, no scripts, no external references.
Text widths are estimated (no font metrics at hand in a pure package): the
estimates are calibrated on DejaVu Sans, the widest of the usual sans-serif
fallbacks, so that text measured here never overflows when drawn.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

FONT_FAMILY = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif"
)
ELLIPSIS = "…"
NBSP = "\u00a0"  # keeps "30 %" and "+3 below" on one line

# Colours shared by the diagrams: dark text on white prints well and passes WCAG AA.
INK = "#1f2937"
MUTED = "#4b5563"
LINE = "#475569"
LINK = "#1d4ed8"

# XML 1.0 forbids most control characters, even escaped: drop them so the document parses.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE = re.compile(r"[^\S\u00a0]+")  # any whitespace but the no-break space

# Latin widths in em, measured on DejaVu Sans (book); anything not listed counts 0.62.
_NARROW = dict.fromkeys("il.,:;'|!`", 0.30) | dict.fromkeys('fjtI()[]{}/\\-"', 0.38)
_WIDE = dict.fromkeys("mwMW%@", 0.95) | dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ&", 0.72)
_LATIN = _NARROW | _WIDE | {" ": 0.32, NBSP: 0.32, "·": 0.32, ELLIPSIS: 1.0}
_DEFAULT = 0.62
BOLD = 1.1  # bold glyphs are about a tenth wider


def tr(t: Callable[[str], str], msgid: str, **values: object) -> str:
    """``t(msgid)`` filled in; a translation with broken placeholders falls back to English."""
    try:
        return t(msgid).format(**values)
    except (KeyError, IndexError, ValueError):
        return msgid.format(**values)


def esc(text: object) -> str:
    """Text made safe for XML element content and double-quoted attributes."""
    s = _INVALID_XML.sub("", str(text))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def clean(text: str) -> str:
    """Runs of whitespace (newlines from folded YAML included) as one space, trimmed."""
    return _SPACE.sub(" ", _INVALID_XML.sub("", text)).strip()


def num(value: float) -> str:
    """A coordinate as short text: at most one decimal, no trailing zero."""
    r = round(float(value), 1)
    if r == int(r):
        return str(int(r))
    return f"{r:.1f}"


def percent(value: Decimal | None) -> str:
    """A weight as shown to people: ``30 %``, ``12.5 %`` (no-break space); empty when unknown."""
    if value is None:
        return ""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    return f"{d}{NBSP}%"


@lru_cache(maxsize=4096)
def _char_em(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0  # CJK ideographs, kana, hangul, full-width forms
    if unicodedata.combining(ch):
        return 0.0
    return _LATIN.get(ch, _DEFAULT)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated rendered width of ``text`` in px at ``size`` px."""
    em = sum(_char_em(c) for c in text)
    return em * size * (BOLD if bold else 1.0)


def is_cjk(ch: str) -> bool:
    """A wide (CJK) character: one em wide, and a line may break before it."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


# Chinese punctuation never starts a line (kinsoku): it stays with the character before it.
_NO_LINE_START = set("，。、；：！？）」』》〉】”’％%,.;:!?)]}")


def _tokens(text: str) -> list[str]:
    """Break opportunities: Latin words keep their trailing space; CJK breaks anywhere."""
    out: list[str] = []
    buf = ""
    for ch in text:
        if ch in _NO_LINE_START:
            if buf:
                buf += ch
            elif out:
                out[-1] += ch
            else:
                buf = ch
            if is_cjk(ch) and buf:  # full-width punctuation: a break may follow it
                out.append(buf)
                buf = ""
        elif is_cjk(ch):
            if buf:
                out.append(buf)
                buf = ""
            out.append(ch)
        elif ch in " -/":  # a line may break after a space, a hyphen or a slash
            out.append(buf + ch)
            buf = ""
        else:
            buf += ch
    if buf:
        out.append(buf)
    return out


def _hard_break(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word longer than a line, cut into pieces that fit."""
    pieces, cur = [], ""
    for ch in word:
        if cur and text_width(cur + ch, size, bold=bold) > width:
            pieces.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        pieces.append(cur)
    return pieces


def ellipsize(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """One line that fits ``width``: the text, or as much of it as fits followed by "…"."""
    text = clean(text)
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text.rstrip() + ELLIPSIS, size, bold=bold) > width:
        text = text[:-1]
    return text.rstrip(" ,;·，、") + ELLIPSIS


def wrap(
    text: str, width: float, size: float, *, max_lines: int | None = None, bold: bool = False
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` px; beyond ``max_lines``, "…"."""
    text = clean(text)
    if not text:
        return []
    lines: list[str] = []
    cur = ""
    for tok in _tokens(text):
        if text_width((cur + tok).rstrip(), size, bold=bold) <= width:
            cur += tok
            continue
        if cur.strip():
            lines.append(cur.rstrip())
        cur = ""
        if text_width(tok.rstrip(), size, bold=bold) > width:
            *full, tok = _hard_break(tok, width, size, bold)
            lines.extend(full)
        cur = tok
    if cur.strip():
        lines.append(cur.rstrip())
    if max_lines is not None and len(lines) > max_lines:
        # Text was dropped: the last kept line always ends with "…", trimmed to fit.
        last = lines[max_lines - 1]
        while last and text_width(last.rstrip() + ELLIPSIS, size, bold=bold) > width:
            last = last[:-1]
        cut = last.rfind(" ")
        if cut > len(last) * 0.6:  # end on a whole word when little is lost
            last = last[:cut]
        lines = [*lines[: max_lines - 1], last.rstrip(" ,;·，、") + ELLIPSIS]
    return lines


def block_width(lines: Iterable[str], size: float, *, bold: bool = False) -> float:
    """The estimated width of the widest line."""
    return max((text_width(s, size, bold=bold) for s in lines), default=0.0)


def _attrs(attrs: dict[str, object]) -> str:
    out = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        # Python names: font_size -> font-size, class_ -> class
        key = name.rstrip("_").replace("_", "-")
        if isinstance(value, float | int) and not isinstance(value, bool):
            value = num(value)
        out.append(f' {key}="{esc(value)}"')
    return "".join(out)


def el(tag: str, *children: str, **attrs: object) -> str:
    """An SVG element; ``children`` are already-built markup, attributes are escaped here."""
    if not children:
        return f"<{tag}{_attrs(attrs)}/>"
    return f"<{tag}{_attrs(attrs)}>{''.join(children)}</{tag}>"


def title(text: str) -> str:
    """A ``<title>``: the accessible name and tooltip of its parent."""
    return f"<title>{esc(clean(text))}</title>"


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in drawing units."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: "Rect", gap: float = 0.0) -> bool:
        """True when the two rectangles (each grown by ``gap``/2) share any area."""
        return not (
            self.right + gap <= other.x
            or other.right + gap <= self.x
            or self.bottom + gap <= other.y
            or other.bottom + gap <= self.y
        )

    def inside(self, other: "Rect") -> bool:
        return (
            self.x >= other.x - 0.01
            and self.y >= other.y - 0.01
            and self.right <= other.right + 0.01
            and self.bottom <= other.bottom + 0.01
        )


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Lines of text placed at a point; ``box`` is the area they are estimated to cover."""

    lines: tuple[str, ...]
    x: float
    y: float  # baseline of the first line
    size: float
    line_height: float
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    fill: str = INK
    italic: bool = False

    @property
    def box(self) -> Rect:
        w = block_width(self.lines, self.size, bold=self.bold)
        left = {"start": self.x, "middle": self.x - w / 2, "end": self.x - w}[self.anchor]
        # Ascent ~0.8 em above the baseline, descent ~0.25 em below the last one.
        top = self.y - 0.8 * self.size
        h = (len(self.lines) - 1) * self.line_height + 1.05 * self.size
        return Rect(left, top, w, h)

    def svg(self) -> str:
        """The block as one ``<text>`` with a ``<tspan>`` per line (absolute positions)."""
        spans = "".join(
            el("tspan", esc(line), x=self.x, y=self.y + i * self.line_height)
            for i, line in enumerate(self.lines)
        )
        return el(
            "text",
            spans,
            font_size=self.size,
            font_weight="bold" if self.bold else None,
            font_style="italic" if self.italic else None,
            text_anchor=None if self.anchor == "start" else self.anchor,
            fill=self.fill,
        )


def document(
    width: float, height: float, label: str, body: str, *, background: str = "#fff"
) -> str:
    """A root ``<svg>``: viewBox, size, accessible name, title, white background."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}"'
        f' width="{num(width)}" height="{num(height)}" role="img" aria-label="{esc(clean(label))}"'
        f' font-family="{esc(FONT_FAMILY)}" font-size="12" fill="{INK}">'
        + title(label)
        + el("rect", x=0, y=0, width=width, height=height, fill=background)
        + body
        + "</svg>"
    )
