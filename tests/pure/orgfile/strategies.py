"""Hypothesis strategies: random, valid, consistent organisations.

Built from the domain dataclasses by introspection, independently of the orgfile's
own type mapping; only the declared tables (references, ranges, months) are shared,
since types cannot say them. Keys are unique per entity type, references resolve,
nested children sometimes carry their derived key and sometimes their own.
"""

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections import defaultdict
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from remit.domain.cadence import Cadence, CadenceUnit
from remit.domain.common import child_key, is_key, norm_decimal
from remit.domain.organization import Organization
from remit.domain.people import HandoverItem, HandoverItemKind
from remit.domain.values import Value, ValueChoice, ValueOrientation, Visibility
from remit.orgfile._spec import HANDOVER_REFS, LANGUAGES, MONTHS, RANGES, REFERENCES

# Texts that YAML reads as something else, or that need quoting, escaping or blocks.
TRICKY = [
    "yes",
    "No",
    "null",
    "~",
    "true",
    "1.5",
    "012",
    "0x1F",
    "1_000",
    "1:30",
    ".inf",
    "2026-01-01",
    "2026-01-01 10:00",
    "- item",
    "key: value",
    "#hash",
    "a # b",
    "'quoted'",
    '"double"',
    " leading",
    "trailing ",
    "two\nlines",
    "ends with a break\n",
    "\n\nbreaks first",
    "breaks last\n\n",
    "tab\there",
    "\tleading tab",
    "国际贸易有限公司",
    "负责：每月对账 ≥ 98 %",
    "Ünïcödé ñ",
    "emoji 🎉",
    "@at",
    "`tick",
    "%pct",
    "!bang",
    "&amp",
    "*star",
    "{a: 1}",
    "[b]",
    "?q",
    "|pipe",
    ">gt",
    "crlf\r\nline",
    "cr\ronly",
    "nel\x85x",
    "ls\u2028x",
    "bom\ufeffx",
    "nul\x00x",
    "bell\x07",
    " ",
    "<<",
    "=",
    "---",
    "...",
    "a: b: c",
]
texts = st.one_of(st.text(max_size=12), st.sampled_from(TRICKY))
nonblank = texts.filter(lambda s: s.strip() != "")
keys = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,8}", fullmatch=True)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))
months = dates.map(lambda d: d.replace(day=1))
decimals = st.one_of(
    st.integers(-(10**9), 10**12).map(norm_decimal),
    st.decimals(-(10**6), 10**6, places=4, allow_nan=False, allow_infinity=False).map(norm_decimal),
    # More digits than a float holds: JSON must keep them exactly.
    st.decimals(1, 10**6, places=14, allow_nan=False, allow_infinity=False).map(norm_decimal),
)
cadences = st.builds(
    Cadence,
    every=st.integers(1, 12),
    unit=st.sampled_from(CadenceUnit),
    anchor=st.none() | dates,
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    texts,
)
contents = st.dictionaries(
    texts,
    st.recursive(
        json_scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
        max_leaves=6,
    ),
    max_size=4,
)


def _collections() -> dict[str, type]:
    hints = typing.get_type_hints(Organization)
    return {
        f.name: typing.get_args(hints[f.name])[1]
        for f in dataclasses.fields(Organization)
        if typing.get_origin(hints[f.name]) is dict
    }


COLLECTIONS = _collections()


def _unwrap(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(tp) if a is not type(None)), True
    return tp, False


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _required_targets(cls: type) -> frozenset[str]:
    """Collections a dataclass must be able to refer to (its required references)."""
    out = set()
    for f in dataclasses.fields(cls):
        tp, optional = _unwrap(_hints(cls)[f.name])
        coll = REFERENCES.get((cls, f.name))
        if coll and tp is str and not optional and f.default is dataclasses.MISSING:
            out.add(coll)
    return frozenset(out)


class _Builder:
    def __init__(self, draw: Any, keys_by_collection: dict[str, list[str]]) -> None:
        self.draw = draw
        self.keys = keys_by_collection
        self.used: dict[type, set[str]] = defaultdict(set)  # nested keys taken, per type

    def key_for(self, cls: type, parent: str, index: int) -> str:
        """A nested key: the one derived from the place when free, or a fresh one."""
        derived = child_key(parent, index)
        taken = self.used[cls]
        if is_key(derived) and derived not in taken and self.draw(st.booleans()):
            key = derived
        else:
            key = self.draw(keys.filter(lambda k: k not in taken))
        taken.add(key)
        return key

    def entity(self, cls: type, key: str | None = None) -> Any:
        hints = _hints(cls)
        kwargs: dict[str, Any] = {}
        if key is not None:
            kwargs["key"] = key
        for f in dataclasses.fields(cls):
            if f.name == "key":
                continue
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if not required and self.draw(st.booleans()):
                continue  # left at its default
            kwargs[f.name] = self.value(cls, f.name, hints[f.name], key, required)
        if cls is HandoverItem:
            kwargs.update(self.handover_ref())
        return cls(**kwargs)

    def handover_ref(self) -> dict[str, Any]:
        options = [HandoverItemKind.OTHER]
        for kind, coll in HANDOVER_REFS.items():
            pool = (
                self.used_responsibilities() if coll == "responsibilities" else self.keys.get(coll)
            )
            if pool:
                options.append(kind)
        kind = self.draw(st.sampled_from(options))
        coll = HANDOVER_REFS[kind]
        if coll is None:
            return {"kind": kind, "ref": self.draw(nonblank)}
        pool = self.used_responsibilities() if coll == "responsibilities" else self.keys[coll]
        return {"kind": kind, "ref": self.draw(st.sampled_from(sorted(pool)))}

    def used_responsibilities(self) -> set[str]:
        return {k for cls, ks in self.used.items() if cls.__name__ == "Responsibility" for k in ks}

    def value(self, cls: type, name: str, tp: Any, key: str | None, required: bool) -> Any:
        draw = self.draw
        tp, optional = _unwrap(tp)
        if optional and draw(st.booleans()):
            return None
        coll = REFERENCES.get((cls, name))
        if tp is str and coll:
            pool = self.keys[coll]
            return draw(st.sampled_from(pool)) if pool else None  # empty: only if optional
        if tp is str:
            return draw(nonblank if required else texts)
        if tp is bool:
            return draw(st.booleans())
        if tp is int:
            low, high = RANGES.get((cls, name), (0, 10_000))
            return draw(st.integers(low, high if high is not None else low + 100))
        if tp is Decimal:
            return draw(decimals)
        if tp is dt.date:
            return draw(months if (cls, name) in MONTHS else dates)
        if tp is Cadence:
            return draw(cadences)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return draw(st.sampled_from(list(tp)))
        if tp is dict:
            return draw(contents)
        if typing.get_origin(tp) is tuple:
            return self.sequence(typing.get_args(tp)[0], coll, key)
        if dataclasses.is_dataclass(tp):
            return self.entity(tp)
        raise TypeError(f"no strategy for {cls.__name__}.{name}: {tp!r}")

    def sequence(self, item: type, coll: str | None, key: str | None) -> tuple[Any, ...]:
        """A tuple of keys, of texts, or of nested children."""
        draw = self.draw
        if item is str and coll:
            pool = self.keys[coll]
            return (
                tuple(draw(st.lists(st.sampled_from(pool), unique=True, max_size=3)))
                if pool
                else ()
            )
        if item is str:
            return tuple(draw(st.lists(texts, max_size=3)))
        if key is None or not all(self.keys[c] for c in _required_targets(item)):
            return ()
        count = draw(st.integers(0, 2))
        return tuple(self.entity(item, self.key_for(item, key, i)) for i in range(count))


value_orientations = st.builds(
    ValueOrientation,
    statement=texts,
    visibility=st.sampled_from(Visibility),
    choices=st.lists(st.sampled_from(Value), unique=True, max_size=3).flatmap(
        lambda values: st.tuples(
            *(
                st.builds(
                    ValueChoice, value=st.just(v), rank=st.integers(1, 9), words=texts, label=texts
                )
                for v in values
            )
        )
    ),
)


@st.composite
def organizations(draw: Any, max_items: int = 3) -> Organization:
    """A random valid organisation."""
    keys_by_collection = {
        name: draw(st.lists(keys, unique=True, max_size=max_items)) for name in COLLECTIONS
    }
    # An entry whose required reference has nothing to point to cannot exist.
    changed = True
    while changed:
        changed = False
        for name, cls in COLLECTIONS.items():
            if keys_by_collection[name] and not all(
                keys_by_collection[c] for c in _required_targets(cls)
            ):
                keys_by_collection[name] = []
                changed = True
    builder = _Builder(draw, keys_by_collection)
    collections = {
        name: {k: builder.entity(cls, k) for k in keys_by_collection[name]}
        for name, cls in COLLECTIONS.items()
    }
    return Organization(
        name=draw(nonblank),
        slug=draw(st.just("") | st.from_regex(r"[-a-zA-Z0-9_]{1,12}", fullmatch=True)),
        language=draw(st.sampled_from(LANGUAGES)),
        currency=draw(st.from_regex(r"[A-Z]{3}", fullmatch=True)),
        fiscal_year_start=draw(st.integers(1, 12)),
        values=draw(st.none() | value_orientations),
        **collections,
    )
