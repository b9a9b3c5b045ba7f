"""The JSON Schema (draft 2020-12) of the organisation file, generated from the spec.

It describes the data as JSON holds it (YAML holds the same: dates are written as
``YYYY-MM-DD`` text). It checks shapes, types, allowed values and ranges; what only
the whole file can tell (unique keys, references that resolve) ``load`` checks.
"""

import copy
import functools
from typing import Any

from remit.domain.cadence import ALIASES, CadenceUnit
from remit.domain.common import KEY_PATTERN

from ._problems import article
from ._spec import (
    COLLECTIONS,
    FORMAT_VERSION,
    ORGANIZATION,
    REGISTRY,
    TARGET_LABELS,
    VALUES,
    EntitySpec,
    FieldSpec,
    Kind,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NUMBER_TEXT = r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"


def _any_case(word: str) -> str:
    """A regex for ``word`` in any case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


def _cadence_pattern() -> str:
    aliases = "|".join(_any_case(a) for a in sorted(ALIASES, key=len, reverse=True))
    units = "|".join(_any_case(u.value) for u in CadenceUnit)
    every, s, frm = _any_case("every"), _any_case("s"), _any_case("from")
    return (
        rf"^\s*(?:(?:{aliases})|{every}\s+0*[1-9][0-9]*\s+(?:{units}){s}?)"
        rf"(?:\s+{frm}\s+[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})?\s*$"
    )


_SHARED: dict[str, dict[str, Any]] = {
    "key": {
        "type": "string",
        "pattern": KEY_PATTERN.pattern,
        "description": "A stable key: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
    },
    "date": {
        "type": "string",
        "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "format": "date",
        "description": "A date, YYYY-MM-DD.",
    },
    "month": {
        "type": "string",
        "pattern": r"^[0-9]{4}-(?:0[1-9]|1[0-2])$",
        "description": "A month, YYYY-MM (it means the month's first day).",
    },
    "decimal": {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER_TEXT}],
        "description": "A number; also accepted as text, e.g. '1234.50'.",
    },
    "cadence": {
        "type": "string",
        "pattern": _cadence_pattern(),
        "description": (
            "How often: " + ", ".join(ALIASES) + ", or 'every N days|weeks|months|years', "
            "optionally followed by 'from YYYY-MM-DD'."
        ),
    },
}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _value_schema(f: FieldSpec) -> dict[str, Any]:
    """The schema of one field's value, before "left out" (null) is allowed."""
    match f.kind:
        case Kind.TEXT if f.ref:
            label = TARGET_LABELS[f.ref]
            return {**_ref("key"), "description": f"The key of {article(label)} (in '{f.ref}')."}
        case Kind.TEXT:
            out: dict[str, Any] = {"type": "string"}
            if f.required:
                out["minLength"] = 1
            if f.pattern:
                out["pattern"] = f.pattern[0].pattern
                out["description"] = f"{f.pattern[1][0].upper()}{f.pattern[1][1:]}."
            return out
        case Kind.INT:
            out = {"type": "integer"}
            low, high = f.bounds or (None, None)
            if low is not None:
                out["minimum"] = low
            if high is not None:
                out["maximum"] = high
            return out
        case Kind.BOOL:
            return {"type": "boolean"}
        case Kind.DECIMAL:
            return _ref("decimal")
        case Kind.DATE:
            return _ref("date")
        case Kind.MONTH:
            return _ref("month")
        case Kind.CADENCE:
            return _ref("cadence")
        case Kind.ENUM | Kind.CHOICE:
            return {"type": "string", "enum": list(f.choices)}
        case Kind.KEYS:
            label = TARGET_LABELS[f.ref]  # type: ignore[index]
            return {
                "type": "array",
                "items": _ref("key"),
                "uniqueItems": True,
                "description": f"Keys of {label} entries (in '{f.ref}').",
            }
        case Kind.TEXTS:
            return {"type": "array", "items": {"type": "string"}}
        case Kind.CHILDREN:
            return {"type": "array", "items": _ref(f.entity.cls.__name__)}  # type: ignore[union-attr]
        case Kind.RECORD:
            return _ref(f.entity.cls.__name__)  # type: ignore[union-attr]
        case Kind.MAPPING:
            return {"type": "object", "description": "Free-form data, kept as it is."}
    raise AssertionError(f.kind)


def _or_null(schema: dict[str, Any]) -> dict[str, Any]:
    """The loader reads an empty value (null) as "left out"."""
    if isinstance(schema.get("type"), str) and "enum" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    description = schema.pop("description", None)
    out: dict[str, Any] = {"anyOf": [schema, {"type": "null"}]}
    if description:
        out["description"] = description
    return out


def _entity(spec: EntitySpec) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, f in spec.fields.items():
        if name == "key" and spec.keyed:
            properties[name] = _ref("key")
            if spec.nested:
                properties[name]["description"] = (
                    "May be left out: it is then the parent's key and the place, "
                    "e.g. FIN-MGR-2 for the second result area of FIN-MGR."
                )
            else:
                required.append(name)
            continue
        value = _value_schema(f)
        if f.required:
            required.append(name)
        else:
            value = _or_null(value)
        properties[name] = value
    out: dict[str, Any] = {"type": "object", "title": spec.label.capitalize()}
    if spec.doc:
        out["description"] = spec.doc
    out |= {"properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


@functools.cache
def _build() -> dict[str, Any]:
    defs: dict[str, Any] = dict(_SHARED)
    for spec in REGISTRY.values():
        defs[spec.cls.__name__] = _entity(spec)
    properties: dict[str, Any] = {
        "remit": {"const": FORMAT_VERSION, "description": "The format version."},
        "organization": _entity(ORGANIZATION),
        "values": _or_null(_ref(VALUES.cls.__name__)),
    }
    for name, spec in COLLECTIONS.items():
        properties[name] = {
            "type": ["array", "null"],
            "items": _ref(spec.cls.__name__),
            "description": f"Every {spec.label}, keyed by 'key'.",
        }
    return {
        "$schema": DRAFT,
        "$id": f"urn:remit:orgfile:{FORMAT_VERSION}",
        "title": "Remit organisation file",
        "description": (
            "The whole organisation as one document, keyed by stable keys. "
            "Keys must be unique per kind of entry and references must name existing "
            "keys: Remit checks both when it loads the file."
        ),
        "type": "object",
        "properties": properties,
        "required": ["remit", "organization"],
        "additionalProperties": False,
        "$defs": defs,
    }


def schema() -> dict[str, Any]:
    """A fresh copy of the schema (callers may change theirs)."""
    return copy.deepcopy(_build())
