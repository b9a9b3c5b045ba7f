"""Compare two versions of a job description, section by section, word by word.

``diff(old, new)`` matches key result areas, targets and responsibilities by key and
then by title or statement, and every other list by key, and marks each item added,
removed, changed or the same. A changed text carries its word-level changes
(``difflib``; Chinese is compared character by character, as it has no spaces).

``render_diff_html_fragment`` lays the result out side by side for the comparison page:
one table per section with the columns field · before · after. Like the job
description fragment it has no ``<style>``, no ``style=`` attribute and no script;
its class names are

``jd-diff`` (the wrapper), ``diff-summary``, ``diff-section`` (one per section with
changes, with ``diff-identity``, ``diff-purpose``, ``diff-areas`` …), ``diff-table``,
``diff-item`` and ``diff-level-1`` … ``diff-level-3`` (an area, target or
responsibility: a ``<tbody>`` headed by a ``diff-item-head`` row), ``diff-badge``,
``diff-label``, ``diff-old``, ``diff-new``, ``diff-none`` (no changes), and on rows,
items and badges the state: ``diff-added``, ``diff-removed``, ``diff-changed``,
``diff-same``. Inside a changed text, ``<del>`` marks removed words, ``<ins>`` added ones.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape
from typing import Literal

from remit.domain.common import gettext_noop as N_

from .jobdesc import JDArea, JDResponsibility, JDTarget, JobDescription, Ref

__all__ = [
    "FieldDiff",
    "ItemDiff",
    "JDDiff",
    "SectionDiff",
    "WordOp",
    "diff",
    "render_diff_html_fragment",
    "word_diff",
]

Status = Literal["added", "removed", "changed", "same"]
Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class WordOp:
    op: Literal["same", "del", "ins"]
    text: str


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One field in both versions, as display text ('' when absent)."""

    label: str  # English, marked for translation
    old: str
    new: str
    translate: bool = False  # the values are enum labels: translate them as well

    @property
    def status(self) -> Status:
        if self.old == self.new:
            return "same"
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        return "changed"

    @property
    def words(self) -> tuple[WordOp, ...]:
        """The word-level changes from old to new."""
        return word_diff(self.old, self.new)


@dataclass(frozen=True, slots=True)
class ItemDiff:
    """An area, target, responsibility or list entry in both versions."""

    kind: str  # area | target | responsibility | skill | relation | control | procedure | staffing
    status: Status
    key: str
    old_title: str
    new_title: str
    fields: tuple[FieldDiff, ...] = ()
    children: tuple["ItemDiff", ...] = ()

    @property
    def title(self) -> str:
        return self.new_title or self.old_title


@dataclass(frozen=True, slots=True)
class SectionDiff:
    id: str  # identity | purpose | areas | skills | relations | controls | procedures | staffing
    heading: str  # English, marked for translation
    fields: tuple[FieldDiff, ...] = ()
    items: tuple[ItemDiff, ...] = ()

    @property
    def changed(self) -> bool:
        return any(f.status != "same" for f in self.fields) or any(
            i.status != "same" for i in self.items
        )


@dataclass(frozen=True, slots=True)
class JDDiff:
    sections: tuple[SectionDiff, ...]

    @property
    def changed(self) -> bool:
        return any(s.changed for s in self.sections)

    def count(self, status: Status) -> int:
        """How many fields and items (at every depth) have this status."""

        def items(xs: Iterable[ItemDiff]) -> int:
            return sum((i.status == status) + items(i.children) for i in xs)

        return sum(
            sum(f.status == status for f in s.fields) + items(s.items) for s in self.sections
        )


# --- words ---------------------------------------------------------------------------

# CJK characters one by one (Chinese has no spaces), other words whole, marks and
# spaces: "Tax and" -> "Tax, and" is then one inserted comma, not a changed word.
_TOKEN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
    r"|[^\W\u3400-\u9fff\uf900-\ufaff]+|\s+|[^\w\s]"
)


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """Old and new text as runs of kept, deleted and inserted words."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops: list[WordOp] = []

    def put(op: str, tokens: Sequence[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if ops and ops[-1].op == op:
            ops[-1] = WordOp(op, ops[-1].text + text)  # type: ignore[arg-type]
        else:
            ops.append(WordOp(op, text))  # type: ignore[arg-type]

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            put("same", a[i1:i2])
        else:
            put("del", a[i1:i2])
            put("ins", b[j1:j2])
    return tuple(ops)


# --- comparing -------------------------------------------------------------------------


def diff(old: JobDescription, new: JobDescription) -> JDDiff:
    """What changed from ``old`` to ``new``, section by section."""
    io, in_ = old.identity, new.identity
    identity = (
        FieldDiff(N_("Title"), io.title, in_.title),
        FieldDiff(N_("Key"), io.key, in_.key),
        FieldDiff(N_("Department"), _ref(io.department), _ref(in_.department)),
        FieldDiff(N_("Grade"), _ref(io.grade), _ref(in_.grade)),
        FieldDiff(N_("Reports to"), _ref(io.reports_to), _ref(in_.reports_to)),
        FieldDiff(N_("Direct reports"), _refs(io.direct_reports), _refs(in_.direct_reports)),
        FieldDiff(N_("Headcount"), str(io.headcount), str(in_.headcount)),
        FieldDiff(N_("Holders"), _names(io), _names(in_)),
        FieldDiff(N_("Vacancies"), str(io.vacancies), str(in_.vacancies)),
        FieldDiff(N_("Status"), io.status.label, in_.status.label, translate=True),
        FieldDiff(
            N_("Confidentiality agreement required"),
            _yes(io.confidentiality_required),
            _yes(in_.confidentiality_required),
            translate=True,
        ),
    )
    po, pn = old.purpose, new.purpose
    purpose = (
        FieldDiff(N_("Work basis"), po.basis, pn.basis),
        FieldDiff(N_("Work content"), po.content, pn.content),
        FieldDiff(N_("Work performance"), po.performance, pn.performance),
        FieldDiff(N_("Derived from objectives"), _refs(po.objectives), _refs(pn.objectives)),
        FieldDiff(N_("Department function"), old.department_function, new.department_function),
    )
    areas = _items(
        old.areas,
        new.areas,
        lambda a: a.key,
        lambda a: a.title,
        _area_fields,
        lambda o, n: _items(
            o.targets if o else (),
            n.targets if n else (),
            lambda t: t.key,
            lambda t: t.statement,
            _target_fields,
            lambda ot, nt: _items(
                ot.responsibilities if ot else (),
                nt.responsibilities if nt else (),
                lambda r: r.key,
                lambda r: r.statement,
                _resp_fields,
                None,
                "responsibility",
            ),
            "target",
        ),
        "area",
    )
    listed = (
        (
            "skills",
            N_("Required skills"),
            old.skills,
            new.skills,
            lambda s: s.key,
            lambda s: s.name,
            lambda s: (
                FieldDiff(N_("Skill"), s.name if s else "", ""),
                FieldDiff(N_("Level"), str(s.level) if s else "", ""),
            ),
        ),
        (
            "relations",
            N_("Business relations"),
            old.relations,
            new.relations,
            lambda r: r.key,
            lambda r: r.name,
            lambda r: (
                FieldDiff(N_("Party"), r.name if r else "", ""),
                FieldDiff(N_("Kind"), r.kind.label if r else "", "", True),
                FieldDiff(N_("Level"), r.level.label if r else "", "", True),
                FieldDiff(N_("Contact"), r.contact_every if r else "", ""),
            ),
        ),
        (
            "controls",
            N_("Controls"),
            old.controls,
            new.controls,
            lambda c: c.key,
            lambda c: c.title,
            lambda c: (
                FieldDiff(N_("Control"), c.title if c else "", ""),
                FieldDiff(N_("Kind"), c.kind.label if c else "", "", True),
                FieldDiff(N_("Activity"), c.activity if c else "", ""),
                FieldDiff(N_("Frequency"), c.every if c else "", ""),
            ),
        ),
        (
            "procedures",
            N_("Standard operating procedures"),
            old.procedures,
            new.procedures,
            lambda s: s.key,
            lambda s: s.title,
            lambda s: (
                FieldDiff(N_("SOP"), s.title if s else "", ""),
                FieldDiff(N_("Version"), str(s.version) if s else "", ""),
            ),
        ),
        (
            "staffing",
            N_("Staffing by development stage"),
            old.staffing,
            new.staffing,
            lambda s: s.stage_key,
            lambda s: s.stage,
            lambda s: (
                FieldDiff(N_("Development stage"), s.stage if s else "", ""),
                FieldDiff(N_("Headcount"), str(s.headcount) if s else "", ""),
                FieldDiff(
                    N_("Needed by"), s.needed_by.isoformat() if s and s.needed_by else "", ""
                ),
            ),
        ),
    )
    sections = [
        SectionDiff("identity", N_("Position"), fields=identity),
        SectionDiff("purpose", N_("Position purpose"), fields=purpose),
        SectionDiff("areas", N_("Key result areas"), items=areas),
    ]
    for sid, heading, olds, news, key, title, one_side in listed:
        sections.append(
            SectionDiff(
                sid,
                heading,
                items=_items(olds, news, key, title, _pairwise(one_side), None, sid.rstrip("s")),
            )
        )
    return JDDiff(tuple(sections))


def _pairwise(one_side):
    """Fields of a pair, from a function that gives one side's values as ``old``."""

    def fields(o, n) -> tuple[FieldDiff, ...]:
        return tuple(
            FieldDiff(a.label, a.old, b.old, a.translate)
            for a, b in zip(one_side(o), one_side(n), strict=True)
        )

    return fields


def _area_fields(o: JDArea | None, n: JDArea | None) -> tuple[FieldDiff, ...]:
    return (
        FieldDiff(N_("Title"), o.title if o else "", n.title if n else ""),
        FieldDiff(N_("Weight"), _pct(o.weight) if o else "", _pct(n.weight) if n else ""),
        FieldDiff(N_("Description"), o.description if o else "", n.description if n else ""),
    )


def _target_fields(o: JDTarget | None, n: JDTarget | None) -> tuple[FieldDiff, ...]:
    def side(t: JDTarget | None) -> tuple[str, ...]:
        if t is None:
            return ("",) * 6
        return (
            t.statement,
            t.metric,
            t.target,
            t.period.label if t.period else "",
            t.deadline.isoformat() if t.deadline else "",
            _ref(t.objective, with_key=False),
        )

    a, b = side(o), side(n)
    labels = (
        N_("Target"),
        N_("Metric"),
        N_("Target value"),
        N_("Period"),
        N_("Deadline"),
        N_("Objective"),
    )
    return tuple(
        FieldDiff(label, x, y, translate=(label == "Period"))
        for label, x, y in zip(labels, a, b, strict=True)
    )


def _resp_fields(o: JDResponsibility | None, n: JDResponsibility | None) -> tuple[FieldDiff, ...]:
    def side(r: JDResponsibility | None) -> tuple[str, ...]:
        if r is None:
            return ("",) * 5
        return (
            r.statement,
            r.frequency.label if r.frequency else "",
            _pct(r.time_share),
            r.authority.label,
            "; ".join(s.title or s.key for s in r.procedures),
        )

    a, b = side(o), side(n)
    labels = (
        N_("Responsibility"),
        N_("Frequency"),
        N_("Share of time"),
        N_("Authority"),
        N_("SOPs"),
    )
    return tuple(
        FieldDiff(label, x, y, translate=label in ("Frequency", "Authority"))
        for label, x, y in zip(labels, a, b, strict=True)
    )


def _items(olds, news, key, title, fields, children, kind: str) -> tuple[ItemDiff, ...]:
    out = []
    for o, n in _match(olds, news, key, title):
        fs = fields(o, n)
        kids = children(o, n) if children else ()
        if o is None:
            status: Status = "added"
        elif n is None:
            status = "removed"
        elif any(f.status != "same" for f in fs) or any(k.status != "same" for k in kids):
            status = "changed"
        else:
            status = "same"
        out.append(
            ItemDiff(
                kind=kind,
                status=status,
                key=key(n if n is not None else o),
                old_title=title(o) if o is not None else "",
                new_title=title(n) if n is not None else "",
                fields=fs,
                children=kids,
            )
        )
    return tuple(out)


def _match(olds, news, key, title) -> list[tuple]:
    """Pairs (old, new) matched by key, then by title; unmatched sides are None.

    New items keep their order; a removed item shows where it stood among the old ones.
    """
    pair: dict[int, int] = {}
    by_key = {key(o): i for i, o in enumerate(olds)}
    for j, n in enumerate(news):
        i = by_key.get(key(n))
        if i is not None and i not in pair.values():
            pair[j] = i
    free = [i for i in range(len(olds)) if i not in pair.values()]
    for j, n in enumerate(news):
        if j in pair:
            continue
        wanted = _norm(title(n))
        for i in free:
            if _norm(title(olds[i])) == wanted:
                pair[j] = i
                free.remove(i)
                break
    matched_old = set(pair.values())
    out: list[tuple] = []
    emitted: set[int] = set()

    def removed(indexes: Iterable[int]) -> None:
        for i in indexes:
            if i not in matched_old and i not in emitted:
                out.append((olds[i], None))
                emitted.add(i)

    for j, n in enumerate(news):
        if j not in pair:
            out.append((None, n))
            continue
        i = pair[j]
        removed(range(i))
        out.append((olds[i], n))
        # the removed items that followed this one in the old version follow it here
        k = i + 1
        while k < len(olds) and k not in matched_old:
            k += 1
        removed(range(i + 1, k))
    removed(range(len(olds)))
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _ref(ref: Ref | None, *, with_key: bool = True) -> str:
    if ref is None:
        return ""
    if not ref.title:
        return ref.key
    return f"{ref.title} ({ref.key})" if with_key else ref.title


def _refs(refs: tuple[Ref, ...]) -> str:
    return "; ".join(_ref(r, with_key=False) for r in refs)


def _names(identity) -> str:
    return "; ".join(h.name for h in identity.holders)


def _pct(value) -> str:
    return "" if value is None else f"{value} %"


def _yes(flag: bool) -> str:
    return N_("Yes") if flag else N_("No")


# --- rendering -------------------------------------------------------------------------


def render_diff_html_fragment(
    d: JDDiff,
    *,
    t: Translate = lambda s: s,
    old_label: str = "",
    new_label: str = "",
    show_unchanged: bool = False,
) -> str:
    """The comparison side by side, as an HTML fragment (class names only, no style, no script)."""
    before = old_label or t(N_("Before"))
    after = new_label or t(N_("After"))
    out = ['<div class="jd-diff">\n']
    out.append(
        '<p class="diff-summary">'
        f'<span class="diff-added">{escape(t(N_("{n} added")).format(n=d.count("added")))}</span> '
        f'<span class="diff-removed">{escape(t(N_("{n} removed")).format(n=d.count("removed")))}</span> '
        f'<span class="diff-changed">{escape(t(N_("{n} changed")).format(n=d.count("changed")))}</span>'
        "</p>\n"
    )
    if not d.changed and not show_unchanged:
        out.append(f'<p class="diff-none">{escape(t(N_("No changes.")))}</p>\n</div>\n')
        return "".join(out)
    for s in d.sections:
        if not s.changed and not show_unchanged:
            continue
        out.append(f'<section class="diff-section diff-{s.id}">\n<h3>{escape(t(s.heading))}</h3>\n')
        out.append('<table class="diff-table">\n<thead><tr>')
        out.append(
            f'<th scope="col" class="diff-label"></th><th scope="col" class="diff-old">'
            f'{escape(before)}</th><th scope="col" class="diff-new">{escape(after)}</th>'
        )
        out.append("</tr></thead>\n")
        if s.fields:
            out.append("<tbody>\n")
            out += [_field_row(f, t) for f in s.fields if show_unchanged or f.status != "same"]
            out.append("</tbody>\n")
        for item in s.items:
            out += _item(item, t, 1, show_unchanged)
        out.append("</table>\n</section>\n")
    out.append("</div>\n")
    return "".join(out)


_BADGE = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "same": N_("unchanged"),
}


def _item(
    item: ItemDiff, t: Translate, level: int, show_unchanged: bool, *, fields: bool = True
) -> list[str]:
    """An item's heading row, its fields, then its children.

    Inside an added or removed item the children show their headings only: their
    fields would repeat the whole item, struck through or underlined.
    """
    if item.status == "same" and not show_unchanged:
        return []
    cls = f"diff-item diff-level-{level} diff-{item.status}"
    out = [
        f'<tbody class="{cls}">\n<tr class="diff-item-head"><th colspan="3" scope="rowgroup">'
        f"{escape(item.title)} "
        f'<span class="diff-badge diff-{item.status}">{escape(t(_BADGE[item.status]))}</span>'
        "</th></tr>\n"
    ]
    if fields:
        out += [_field_row(f, t) for f in item.fields if show_unchanged or f.status != "same"]
    out.append("</tbody>\n")
    whole = item.status in ("added", "removed")
    for child in item.children:
        out += _item(child, t, level + 1, show_unchanged, fields=fields and not whole)
    return out


def _field_row(f: FieldDiff, t: Translate) -> str:
    if f.translate:
        # a label is replaced whole: its words are the translator's
        old = _mark("del", t(f.old), f.status != "same") if f.old else ""
        new = _mark("ins", t(f.new), f.status != "same") if f.new else ""
    elif f.status == "changed":
        old = "".join(
            escape(w.text) if w.op == "same" else f"<del>{escape(w.text)}</del>"
            for w in f.words
            if w.op != "ins"
        )
        new = "".join(
            escape(w.text) if w.op == "same" else f"<ins>{escape(w.text)}</ins>"
            for w in f.words
            if w.op != "del"
        )
    else:
        old = f"<del>{escape(f.old)}</del>" if f.status == "removed" else escape(f.old)
        new = f"<ins>{escape(f.new)}</ins>" if f.status == "added" else escape(f.new)
    return (
        f'<tr class="diff-{f.status}"><th scope="row" class="diff-label">{escape(t(f.label))}</th>'
        f'<td class="diff-old">{old}</td><td class="diff-new">{new}</td></tr>\n'
    )


def _mark(tag: str, text: str, marked: bool) -> str:
    return f"<{tag}>{escape(text)}</{tag}>" if marked else escape(text)
