"""JSON in and out: exact decimals, duplicate keys noticed, dates and decimals written."""

import datetime as dt
import json
from decimal import Decimal
from typing import Any


class JsonProblem(Exception):
    """The text is not a JSON document."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read(text: str) -> tuple[Any, dict[int, list[tuple[Any, int | None]]]]:
    """The JSON document in ``text``, and its duplicate keys (``id(mapping) -> [(key, None)]``)."""
    dups: dict[int, list[tuple[Any, int | None]]] = {}

    def mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            seen: set[str] = set()
            found = dups.setdefault(id(out), [])
            for key, _value in pairs:
                if key in seen:
                    found.append((key, None))
                seen.add(key)
        return out

    try:
        # Decimal for every number with a fraction: exact, as money needs.
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=mapping)
    except json.JSONDecodeError as e:
        raise JsonProblem(f"this is not valid JSON: {e.msg}", e.lineno) from None
    except RecursionError:
        raise JsonProblem("the document is nested too deeply", None) from None
    if "\\ud" in text.lower():  # \uD800-\uDFFF escapes: a lone one is not Unicode text
        try:
            json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
        except UnicodeEncodeError:
            raise JsonProblem(
                "the text holds a \\u escape that is not a character (a lone surrogate)", None
            ) from None
    return data, dups


def _default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        # A JSON number when a float holds it exactly, else text (the format reads both).
        number = float(value)
        return number if Decimal(repr(number)) == value else format(value, "f")
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def write(data: dict[str, Any]) -> str:
    """Plain data as indented JSON, characters kept as they are."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=_default) + "\n"
