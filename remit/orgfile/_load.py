"""From parsed data to an ``Organization``: every field checked, every problem reported.

One pass over the data, driven by the specification. References are checked as they
are met, against the keys of every top-level collection gathered beforehand (sets:
no quadratic work). Problems carry their path as a tuple; text and line numbers are
added only when there are problems (``_locate``).
"""

import dataclasses
import datetime as dt
import difflib
import math
import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from remit.domain.cadence import Cadence
from remit.domain.common import KEY_PATTERN, child_key, norm_decimal
from remit.domain.duties import Responsibility
from remit.domain.organization import Organization

from ._problems import ByKey, Path, article, describe, expected_text, format_path, plural
from ._spec import (
    COLLECTIONS,
    FORMAT_VERSION,
    HANDOVER_REF_FIELD,
    HANDOVER_REFS,
    ORGANIZATION,
    REGISTRY,
    RESPONSIBILITIES,
    SECTIONS,
    TARGET_LABELS,
    VALUES,
    EntitySpec,
    FieldSpec,
    Kind,
)

type Issue = tuple[Path, str, int | None]  # (where, message, line if already known)
type Duplicates = dict[int, list[tuple[Any, int | None]]]  # id(mapping) -> [(key, line)]

_BAD: Any = object()  # a value that did not pass; its problem is already reported
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z")
_KEY_RULE = "use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"
MAX_CONTENT_DEPTH = 50
_HANDOVER_ITEM, _HANDOVER_REF, _HANDOVER_KIND = HANDOVER_REF_FIELD


def convert(data: Any, duplicates: Duplicates) -> tuple[Organization | None, list[Issue]]:
    """The organisation in ``data``, or None and the problems found."""
    conv = _Converter(duplicates)
    org = conv.organization(data)
    return (None if conv.issues else org), conv.issues


def _suggest(name: Any, options: list[str] | tuple[str, ...]) -> str | None:
    if not isinstance(name, str):
        return None
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return close[0] if close else None


class _Converter:
    def __init__(self, duplicates: Duplicates) -> None:
        self.issues: list[Issue] = []
        self.duplicates = duplicates
        self.keys: dict[str, set[str]] = {}  # every key written in each top-level collection
        self.seen: dict[type, dict[str, Path]] = defaultdict(dict)  # key -> where it was met
        self.top: Path = ()  # the top-level item being read
        self.deferred: list[tuple[Path, str]] = []  # responsibility references, checked last

    def add(self, path: Path, message: str, line: int | None = None) -> None:
        self.issues.append((path, message, line))

    # --- the document -----------------------------------------------------------------

    def organization(self, data: Any) -> Organization | None:
        if data is None:
            self.add(
                (),
                f"the file is empty: it needs at least 'remit: {FORMAT_VERSION}' and the organization's name",
            )
            return None
        if type(data) is not dict:
            self.add(
                (),
                f"the file must be a mapping of sections (remit, organization, positions …), got {describe(data)}",
            )
            return None
        self.check_duplicates(data, ())
        if not self.version(data.get("remit")):
            return None
        for name in data:
            if name not in SECTIONS:
                self.unknown(name, (), SECTIONS, "section", "the sections are")
        self.collect_keys(data)
        meta = self.section(ORGANIZATION, data.get("organization"), "organization")
        values = (
            self.section(VALUES, data.get("values"), "values")
            if data.get("values") not in (None, "")
            else None
        )
        collections = {
            name: self.collection(name, spec, data.get(name)) for name, spec in COLLECTIONS.items()
        }
        self.check_deferred()
        if self.issues or meta is None:
            return None
        return dataclasses.replace(meta, values=values, **collections)

    def version(self, value: Any) -> bool:
        """Whether the rest can be read: a missing version is reported, a wrong one stops."""
        if value is None:
            self.add(
                ("remit",),
                f"required: the format version; write 'remit: {FORMAT_VERSION}' at the top",
            )
        elif type(value) is not int:
            self.add(
                ("remit",), f"expected the format version {FORMAT_VERSION}, got {describe(value)}"
            )
        elif value != FORMAT_VERSION:
            self.add(
                ("remit",),
                f"unsupported format version {value}: this version of Remit reads version {FORMAT_VERSION}",
            )
            return False
        return True

    def section(self, spec: EntitySpec, raw: Any, name: str) -> Any:
        if raw is None and name == "organization":
            self.add(
                (name,),
                "required: the organization's name and settings, e.g. 'organization: {name: Acme}'",
            )
            return None
        return self.item(spec, raw, (name,))

    def collect_keys(self, data: dict) -> None:
        """Every key written in each top-level collection, for the reference checks."""
        for name in COLLECTIONS:
            items = data.get(name)
            keys: set[str] = set()
            if type(items) is list:
                for raw in items:
                    if type(raw) is dict:
                        key = raw.get("key")
                        if type(key) is str:
                            keys.add(key)
            self.keys[name] = keys

    def collection(self, name: str, spec: EntitySpec, items: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if items is None or items == "":
            return out
        if type(items) is not list:
            self.add((name,), f"expected a list of {plural(spec.label)}, got {describe(items)}")
            return out
        seen = self.seen[spec.cls]
        for i, raw in enumerate(items):
            key = raw.get("key") if type(raw) is dict else None
            # By key when it names the item unambiguously, else by index (_locate agrees).
            if type(key) is str and key not in seen and KEY_PATTERN.match(key):
                path: Path = (name, ByKey(key))
            else:
                path = (name, i)
            self.top = path
            obj = self.item(spec, raw, path)
            if obj is not None:
                out[obj.key] = obj
        return out

    def check_deferred(self) -> None:
        known = self.seen[Responsibility]
        label = TARGET_LABELS[RESPONSIBILITIES]
        for path, key in self.deferred:
            if key not in known:
                self.add(path, f"no {label} with key {key!r}")

    # --- one entity -------------------------------------------------------------------

    def item(
        self, spec: EntitySpec, raw: Any, path: Path, parent: str | None = None, index: int = 0
    ) -> Any:
        """The dataclass instance for ``raw``, or None when something is wrong (reported)."""
        if type(raw) is not dict:
            self.add(
                path, f"expected {article(spec.label)} (a mapping of fields), got {describe(raw)}"
            )
            return None
        if self.duplicates:
            self.check_duplicates(raw, path)
        table, required, keyed, cls = _TABLES[spec]  # required: a frozenset, for speed
        key = self.key(spec, raw, path, parent, index) if keyed else None
        ok = key is not None or not keyed
        kwargs: dict[str, Any] = {}
        for name, value in raw.items():
            entry = table.get(name)
            if entry is None:
                if name != "key" or not keyed:
                    self.unknown(name, path, spec.fields, "field", f"{article(spec.label)} has")
                    ok = False
                continue
            parse, field, absent_if_empty = entry
            if value is None or (absent_if_empty and value == ""):
                continue  # left out: the default applies (or "required" below)
            value = parse(self, field, value, path, key)
            if value is _BAD:
                ok = False
            else:
                kwargs[name] = value
        if not kwargs.keys() >= required:
            self.report_missing(raw, kwargs, spec.required, path)
            ok = False
        if cls is _HANDOVER_ITEM and _HANDOVER_KIND in kwargs and _HANDOVER_REF in kwargs:
            ok = self.check_handover_ref(kwargs, path) and ok
        if not ok:
            return None
        if keyed:
            kwargs["key"] = key
        return cls(**kwargs)

    def report_missing(
        self, raw: dict, kwargs: dict, required: tuple[str, ...], path: Path
    ) -> None:
        """Report the required fields left out (a wrong value is reported already)."""
        for name in required:
            if name not in kwargs:
                value = raw.get(name)
                if value is None or value == "":
                    self.add((*path, name), "required")

    def key(
        self, spec: EntitySpec, raw: dict, path: Path, parent: str | None, index: int
    ) -> str | None:
        """The item's key, written or derived from its place; registered as taken."""
        given = raw.get("key")
        derived = given is None or given == ""
        if derived:
            if not spec.nested:
                self.add((*path, "key"), f"required: every {spec.label} needs a key")
                return None
            if parent is None:  # the parent's key is wrong (reported): nothing to derive
                return None
            key = child_key(parent, index)
            if not KEY_PATTERN.match(key):
                self.add(
                    (*path, "key"),
                    f"no key given, and the one derived from its place, {key!r}, is longer than 64 characters: give this {spec.label} a key",
                )
                return None
        elif type(given) is not str:
            self.add((*path, "key"), f"expected a key, got {describe(given)}: {_KEY_RULE}")
            return None
        elif not KEY_PATTERN.match(given):
            self.add((*path, "key"), f"{given!r} is not a valid key: {_KEY_RULE}")
            return None
        else:
            key = given
        seen = self.seen[spec.cls]
        where = seen.get(key)
        if where is not None:
            self.add((*path, "key"), self.duplicate_key_message(spec, key, where, derived))
            return None
        seen[key] = self.top
        return key

    def duplicate_key_message(self, spec: EntitySpec, key: str, where: Path, derived: bool) -> str:
        if not spec.nested:
            return f"duplicate key {key!r}: {format_path(where)} has it already"
        other = f"another {spec.label} has it already (in {format_path(where)})"
        if derived:
            return f"the key derived from its place, {key!r}, is taken: {other}; give this {spec.label} a key"
        return f"duplicate key {key!r}: {other}"

    def unknown(self, name: Any, path: Path, known: Any, what: str, listing: str) -> None:
        names = list(known)
        close = _suggest(name, names)
        hint = f" (did you mean {close!r}?)" if close else f"; {listing}: {', '.join(names)}"
        shown = repr(name) if isinstance(name, str) else describe(name)
        self.add((*path, str(name)), f"unknown {what} {shown}{hint}")

    def check_duplicates(self, raw: dict, path: Path) -> None:
        for key, line in self.duplicates.get(id(raw), ()):
            self.add(
                (*path, str(key)), f"the field {key!r} is written more than once: keep one", line
            )

    def check_handover_ref(self, kwargs: dict[str, Any], path: Path) -> bool:
        target = HANDOVER_REFS[kwargs[_HANDOVER_KIND]]
        ref = kwargs[_HANDOVER_REF]
        if target == RESPONSIBILITIES:
            self.deferred.append(((*path, _HANDOVER_REF), ref))
        elif target is not None and ref not in self.keys[target]:
            self.add((*path, _HANDOVER_REF), f"no {TARGET_LABELS[target]} with key {ref!r}")
            return False
        return True


# --- field parsers: (converter, field, value, item path, item key) -> value or _BAD ------


def _fail(conv: _Converter, path: Path, field: FieldSpec, message: str) -> Any:
    conv.add((*path, field.name), message)
    return _BAD


def _text(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not str:
        return _fail(conv, path, f, expected_text(value))
    if f.required and not value.strip():
        return _fail(conv, path, f, "required: it cannot be blank")
    if f.pattern is not None and not f.pattern[0].match(value):
        return _fail(conv, path, f, f"expected {f.pattern[1]}, got {value!r}")
    return value


def _reference(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not str:
        return _fail(
            conv,
            path,
            f,
            f"expected the key of {article(TARGET_LABELS[f.ref])}, got {describe(value)}",
        )
    if value not in conv.keys[f.ref]:
        return _fail(conv, path, f, f"no {TARGET_LABELS[f.ref]} with key {value!r}")
    return value


def _int(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not int:
        return _fail(conv, path, f, f"expected a whole number, got {describe(value)}")
    if f.bounds is not None:
        low, high = f.bounds
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"between {low} and {high}" if high is not None else f"at least {low}"
            return _fail(conv, path, f, f"must be {span}, got {value}")
    return value


def _bool(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not bool:
        return _fail(conv, path, f, f"expected true or false, got {describe(value)}")
    return value


def _decimal(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    kind = type(value)
    try:
        if kind is int or kind is Decimal or kind is str:
            number = Decimal(value)
        elif kind is float:
            number = Decimal(repr(value))
        else:
            number = Decimal("NaN")
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        return _fail(conv, path, f, f"expected a number, got {describe(value)}")
    try:
        return norm_decimal(number)
    except InvalidOperation:  # more digits than a Decimal holds (28)
        return _fail(conv, path, f, f"the number {value} is too large")


def _date(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is str and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return _fail(
                conv,
                path,
                f,
                f"expected a date like 2026-03-31, got {value!r} (there is no such day)",
            )
    return _fail(conv, path, f, f"expected a date like 2026-03-31, got {describe(value)}")


def _month(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    match = _MONTH.match(value) if type(value) is str else None
    if match is None:
        return _fail(conv, path, f, f"expected a month like 2026-03, got {describe(value)}")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return _fail(
            conv,
            path,
            f,
            f"expected a month like 2026-03, got {value!r}: the month must be between 01 and 12",
        )
    if year < 1:
        return _fail(conv, path, f, f"expected a month like 2026-03, got {value!r}")
    return dt.date(year, month, 1)


def _choice(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    member = f.members.get(value) if type(value) is str else None  # type: ignore[union-attr]
    if member is None:
        close = _suggest(value, f.choices)
        hint = f" (did you mean {close!r}?)" if close else ""
        return _fail(
            conv,
            path,
            f,
            f"unknown value {describe(value)}: use one of {', '.join(f.choices)}{hint}",
        )
    return member


def _cadence(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not str:
        return _fail(
            conv,
            path,
            f,
            f"expected a cadence such as 'monthly' or 'every 2 weeks', got {describe(value)}",
        )
    try:
        return Cadence.parse(value)
    except ValueError as e:
        message = str(e)
        if not message.startswith((repr(value), "unknown cadence")):
            message = f"{value!r} is not a valid cadence: {message}"
        return _fail(conv, path, f, message)


def _keys(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    label = TARGET_LABELS[f.ref]  # type: ignore[index]
    if type(value) is not list:
        return _fail(conv, path, f, f"expected a list of {label} keys, got {describe(value)}")
    known = conv.keys[f.ref]  # type: ignore[index]
    ok = True
    listed: set[str] = set()
    for i, item in enumerate(value):
        if type(item) is not str:
            conv.add(
                (*path, f.name, i), f"expected the key of {article(label)}, got {describe(item)}"
            )
        elif item not in known:
            conv.add((*path, f.name, i), f"no {label} with key {item!r}")
        elif item in listed:
            conv.add((*path, f.name, i), f"{item!r} is listed more than once")
        else:
            listed.add(item)
            continue
        ok = False
    return tuple(value) if ok else _BAD


def _texts(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not list:
        return _fail(conv, path, f, f"expected a list of texts, got {describe(value)}")
    ok = True
    for i, item in enumerate(value):
        if type(item) is not str:
            conv.add((*path, f.name, i), expected_text(item))
            ok = False
    return tuple(value) if ok else _BAD


def _children(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    spec: EntitySpec = f.entity  # type: ignore[assignment]
    if type(value) is not list:
        return _fail(
            conv, path, f, f"expected a list of {plural(spec.label)}, got {describe(value)}"
        )
    base = (*path, f.name)
    item = conv.item
    out = []
    ok = True
    for i, raw in enumerate(value):
        obj = item(spec, raw, (*base, i), key, i)
        if obj is None:
            ok = False
        else:
            out.append(obj)
    if ok and spec.unique_by:
        ok = _unique(conv, spec, out, base)
    return tuple(out) if ok else _BAD


def _unique(conv: _Converter, spec: EntitySpec, items: list[Any], base: Path) -> bool:
    name: str = spec.unique_by  # type: ignore[assignment]
    taken: set[Any] = set()
    ok = True
    for i, obj in enumerate(items):
        value = getattr(obj, name)
        if value in taken:
            shown = getattr(value, "value", value)
            conv.add(
                (*base, i, name),
                f"{shown!r} appears more than once: each {spec.label} needs its own {name}",
            )
            ok = False
        taken.add(value)
    return ok


def _record(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    obj = conv.item(f.entity, value, (*path, f.name), key)  # type: ignore[arg-type]
    return _BAD if obj is None else obj


def _mapping(conv: _Converter, f: FieldSpec, value: Any, path: Path, key: str | None) -> Any:
    if type(value) is not dict:
        return _fail(conv, path, f, f"expected a mapping, got {describe(value)}")
    return _plain(conv, value, (*path, f.name), 0)


def _plain(conv: _Converter, value: Any, path: Path, depth: int) -> Any:
    """Arbitrary content as JSON-like data: text keys, finite numbers (fractions as floats)."""
    kind = type(value)
    if value is None or kind is str or kind is bool or kind is int:
        return value
    if kind is Decimal or kind is float:
        if not math.isfinite(value):
            conv.add(path, f"expected plain data, got {describe(value)}")
            return _BAD
        return float(value)
    if depth >= MAX_CONTENT_DEPTH:
        conv.add(path, f"nested more than {MAX_CONTENT_DEPTH} levels deep")
        return _BAD
    if kind is list:
        items = [_plain(conv, v, (*path, i), depth + 1) for i, v in enumerate(value)]
        return _BAD if any(v is _BAD for v in items) else items
    if kind is dict:
        if conv.duplicates:
            conv.check_duplicates(value, path)
        out = {}
        for k, v in value.items():
            if type(k) is not str:
                conv.add((*path, str(k)), f"a field name must be text, got {describe(k)}")
                out[k] = _BAD
            else:
                out[k] = _plain(conv, v, (*path, k), depth + 1)
        return _BAD if any(v is _BAD for v in out.values()) else out
    conv.add(path, f"expected plain data, got {describe(value)}")
    return _BAD


_PARSERS: dict[Kind, Callable[..., Any]] = {
    Kind.TEXT: _text,
    Kind.INT: _int,
    Kind.BOOL: _bool,
    Kind.DECIMAL: _decimal,
    Kind.DATE: _date,
    Kind.MONTH: _month,
    Kind.ENUM: _choice,
    Kind.CHOICE: _choice,
    Kind.CADENCE: _cadence,
    Kind.KEYS: _keys,
    Kind.TEXTS: _texts,
    Kind.CHILDREN: _children,
    Kind.RECORD: _record,
    Kind.MAPPING: _mapping,
}


def _table(spec: EntitySpec) -> dict[str, tuple[Callable[..., Any], FieldSpec, bool]]:
    """name -> (parser, field, whether '' means left out), the key excepted."""
    out = {}
    for name, f in spec.fields.items():
        if name == "key" and spec.keyed:
            continue
        parse = _reference if f.kind is Kind.TEXT and f.ref else _PARSERS[f.kind]
        out[name] = (parse, f, f.empty_is_absent or f.required)
    return out


_TABLES = {
    spec: (_table(spec), frozenset(spec.required), spec.keyed, spec.cls)
    for spec in [ORGANIZATION, *REGISTRY.values()]
}
