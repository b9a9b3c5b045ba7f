"""From an ``Organization`` to the file's plain data, in canonical form.

Sections in the order of ``SECTIONS``, items in the snapshot's order, fields in
dataclass order; a field equal to its default is left out, and so is a nested key
equal to the one its place derives. What remains is what ``load`` needs to rebuild
the same snapshot.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from remit.domain.organization import Organization

from ._spec import COLLECTIONS, FORMAT_VERSION, ORGANIZATION, REGISTRY, VALUES, EntitySpec, Kind

type Writer = Callable[[Any, str | None], Any]  # (value, the item's key) -> plain value


def tree(org: Organization) -> dict[str, Any]:
    """The organisation as plain data (dicts, lists, str, int, bool, Decimal, date)."""
    out: dict[str, Any] = {"remit": FORMAT_VERSION, "organization": _item(ORGANIZATION, org)}
    if org.values is not None:
        out["values"] = _item(VALUES, org.values)
    for name, spec in COLLECTIONS.items():
        items = getattr(org, name)
        if items:
            out[name] = [_item(spec, obj) for obj in items.values()]
    return out


def _item(spec: EntitySpec, obj: Any, parent: str | None = None, index: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {}
    key = None
    if spec.keyed:
        key = obj.key
        if not (spec.nested and parent is not None and key == f"{parent}-{index + 1}"):
            out["key"] = key
    for name, default, write in _WRITERS[spec]:
        value = getattr(obj, name)
        if value == default:
            continue
        out[name] = value if write is None else write(value, key)
    return out


def _decimal(value: Decimal, key: str | None) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def _writer(spec: EntitySpec, name: str) -> Writer | None:
    """How a field's value becomes plain data; None: as it is."""
    f = spec.fields[name]
    match f.kind:
        case Kind.DECIMAL:
            return _decimal
        case Kind.MONTH:
            return lambda value, key: f"{value.year:04d}-{value.month:02d}"
        case Kind.ENUM:
            return lambda value, key: value.value
        case Kind.CADENCE:
            return lambda value, key: str(value)
        case Kind.KEYS | Kind.TEXTS:
            return lambda value, key: list(value)
        case Kind.CHILDREN:
            child: EntitySpec = f.entity  # type: ignore[assignment]
            return lambda value, key: [_item(child, c, key, i) for i, c in enumerate(value)]
        case Kind.RECORD:
            record: EntitySpec = f.entity  # type: ignore[assignment]
            return lambda value, key: _item(record, value, key)
    return None  # text, int, bool, choice, date, mapping


_WRITERS: dict[EntitySpec, list[tuple[str, Any, Writer | None]]] = {
    spec: [
        (name, f.default, _writer(spec, name))
        for name, f in spec.fields.items()
        if not (name == "key" and spec.keyed)
    ]
    for spec in [ORGANIZATION, *REGISTRY.values()]
}
