"""Safe, fast YAML in and out, on libyaml's event stream.

Reading: PyYAML's ``CSafeLoader`` composes a node tree and then constructs Python
objects from it, calling the Python resolver for every scalar; on a large
organisation that is most of the load time, and its C composer recurses (a deeply
nested document crashes the process). Here libyaml's C parser (``CParser``) yields
events and one iterative loop builds plain Python data directly. The loop:

* refuses aliases outright (``*name``): no alias bomb can expand, nothing to cap;
* accepts only the plain tags (str, int, float, bool, null, seq, map): no object is
  ever constructed from a tag;
* caps nesting depth;
* reads YAML 1.1 scalars as ``yaml.safe_load`` does, except that dates stay text (the
  loader parses them where a date belongs, with a clear message when they are wrong)
  and floats become ``Decimal`` (exact, as money needs);
* records duplicate keys in a mapping (``safe_load`` silently keeps the last).

``located=True`` builds the same data with line numbers, used only to place problems.

Writing: events go straight to libyaml's C emitter (``CEmitter``), which chooses
quoting and escaping; only the plain-or-quoted decision uses the standard resolver.
"""

import io
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.emitter import Emitter
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner


class PyParser(Reader, Scanner, Parser):
    """PyYAML's own parser, in Python: the same events as libyaml's, more slowly."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


# libyaml's C parser and emitter when PyYAML has them (the usual wheels do).
if yaml.__with_libyaml__:
    from yaml.cyaml import CEmitter as _Emitter
    from yaml.cyaml import CParser as _Parser
else:  # pragma: no cover - exercised by the tests through PyParser and Emitter
    _Emitter, _Parser = Emitter, PyParser


MAX_DEPTH = 100  # the format needs about 12 levels; job description content a few more
TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG + t for t in ("str", "int", "float", "bool", "null"))
SEQ, MAP = TAG + "seq", TAG + "map"


class YamlProblem(Exception):
    """The text is not a YAML document this format accepts."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LDict(dict):
    """A mapping that knows its line and the line of each key (1-based)."""

    __slots__ = ("line", "lines")


class LList(list):
    """A list that knows its line and the line of each item (1-based)."""

    __slots__ = ("line", "lines")


# --- scalars ------------------------------------------------------------------------

_SAFE = SafeConstructor()  # for the rare int and float forms (0x1f, 1_000, 1:30)
_BOOLS = SafeConstructor.bool_values


def _int(text: str) -> int:
    if text.isdigit() and (text[0] != "0" or len(text) == 1):
        return int(text)
    return _SAFE.construct_yaml_int(ScalarNode(INT, text))


def _float(text: str) -> Decimal | float:
    value = text.replace("_", "").lower()
    if ":" in value or value.lstrip("+-") in (".inf", ".nan"):
        return _SAFE.construct_yaml_float(ScalarNode(FLOAT, text))
    return Decimal(value)


_CONSTRUCT: dict[str, Callable[[str], Any]] = {
    NULL: lambda text: None,
    BOOL: lambda text: _BOOLS[text.lower()],
    INT: _int,
    FLOAT: _float,
    STR: lambda text: text,
}


def _resolvers(*, with_timestamps: bool) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit resolvers for plain scalars, by first character."""
    keep = {NULL, BOOL, INT, FLOAT}
    if with_timestamps:
        keep |= {TAG + "timestamp", TAG + "merge", TAG + "value", TAG + "yaml"}
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for first, pairs in Resolver.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in pairs if tag in keep]
        if kept:
            out[first or ""] = kept
    return out


# Reading: dates stay text; '<<' and '=' are text (this format has no merge keys).
_READ_RESOLVERS = _resolvers(with_timestamps=False)
# Writing: a text is written plain only if every YAML 1.1 reader reads it back as text.
_WRITE_RESOLVERS = _resolvers(with_timestamps=True)


def _scalar(event: ScalarEvent) -> Any:
    """A quoted or tagged scalar (plain ones are resolved inline by ``_build``)."""
    tag, text = event.tag, event.value
    if tag is None or tag == "!":  # quoted, or the non-specific tag '!': text
        return text
    construct = _CONSTRUCT.get(tag)
    line = event.start_mark.line + 1
    if construct is None:
        raise YamlProblem(f"the YAML tag {_short(tag)} is not supported: write plain values", line)
    try:
        return construct(text)
    except (ValueError, KeyError, InvalidOperation):
        raise YamlProblem(f"{text!r} is not a valid {_short(tag)}", line) from None


def _short(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


# --- reading ------------------------------------------------------------------------

_LIST = object()  # frame state: a list
_NO_KEY = object()  # frame state: a mapping waiting for its next key


def read(text: str, *, located: bool = False) -> tuple[Any, dict[int, list[tuple[Any, int]]]]:
    """The YAML document in ``text`` as plain data, and its duplicate keys.

    Duplicates: ``id(mapping) -> [(key, line), …]``. Raises ``YamlProblem``.
    """
    parser = None
    try:
        parser = _Parser(text)
        return _build(parser, located)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(
            f"this is not valid YAML: {e.problem or e.context}", _line(mark)
        ) from None
    except yaml.reader.ReaderError as e:
        line = text.encode("utf-8", "replace")[: e.position].count(b"\n") + 1
        char = f" (character #x{e.character:04x})" if isinstance(e.character, int) else ""
        raise YamlProblem(f"this is not valid YAML: {e.reason}{char}", line) from None
    except yaml.YAMLError as e:
        raise YamlProblem(f"this is not valid YAML: {e}", None) from None
    except UnicodeEncodeError as e:  # a str holding lone surrogates: not Unicode text
        line = text.count("\n", 0, e.start) + 1
        raise YamlProblem("the text holds characters that are not valid Unicode", line) from None
    finally:
        if parser is not None and hasattr(parser, "dispose"):
            parser.dispose()


def _line(mark: Any) -> int | None:
    return mark.line + 1 if mark is not None else None


def _build(parser: Any, located: bool) -> tuple[Any, dict[int, list[tuple[Any, int]]]]:
    """One pass over the events: the data, built without recursion.

    The hot path (a plain scalar that is a key or a value) is written inline: on a
    large organisation this loop runs millions of times.
    """
    get = parser.get_event
    get()  # StreamStartEvent
    if isinstance(get(), StreamEndEvent):  # else DocumentStartEvent
        return None, {}
    resolvers = _READ_RESOLVERS
    dups: dict[int, list[tuple[Any, int]]] = {}
    # The root sits in a one-item list, so every value has a container to go into.
    top: list[Any] = []
    stack: list[list[Any]] = [[top, _LIST]]  # frames: [container, _LIST | _NO_KEY | key]
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.tag is None and event.implicit[0]:
                value = text = event.value
                pairs = resolvers.get(text[:1])
                if pairs is not None:
                    value = _resolve(text, pairs)
            else:
                value = _scalar(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            value = _open(event, kind is MappingStartEvent, len(stack), located)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        elif kind is DocumentEndEvent:
            break
        elif kind is AliasEvent:
            raise YamlProblem(
                f"YAML aliases (*{event.anchor}) are not supported: write the value out in full",
                event.start_mark.line + 1,
            )
        else:  # pragma: no cover - the parser emits nothing else inside a document
            raise YamlProblem(f"unexpected YAML event {kind.__name__}", None)
        frame = stack[-1]
        container, state = frame
        if state is _NO_KEY:
            if kind is not ScalarEvent:
                raise YamlProblem(
                    "a mapping key must be a plain value, not a list or a mapping",
                    event.start_mark.line + 1,
                )
            frame[1] = value
            if located:
                container.lines[value] = event.start_mark.line + 1
        elif state is _LIST:
            container.append(value)
            if located and container is not top:
                container.lines.append(event.start_mark.line + 1)
        else:
            if state in container:
                dups.setdefault(id(container), []).append((state, event.start_mark.line + 1))
            container[state] = value
            frame[1] = _NO_KEY
        if kind is not ScalarEvent:
            stack.append([value, _LIST if kind is SequenceStartEvent else _NO_KEY])
    event = get()
    if isinstance(event, DocumentStartEvent):
        raise YamlProblem(
            "the file holds more than one YAML document ('---'): keep one",
            event.start_mark.line + 1,
        )
    return top[0], dups


def _resolve(text: str, pairs: list[tuple[str, re.Pattern[str]]]) -> Any:
    """A plain scalar that may be a number, true/false or null."""
    for tag, rx in pairs:
        if rx.match(text):
            return _CONSTRUCT[tag](text)
    return text


def _open(event: Any, is_map: bool, depth: int, located: bool) -> dict | list:
    """The empty container a collection event starts."""
    if event.tag not in (None, "!", MAP if is_map else SEQ):
        raise YamlProblem(
            f"the YAML tag {_short(event.tag)} is not supported: write plain values",
            event.start_mark.line + 1,
        )
    if depth > MAX_DEPTH:
        raise YamlProblem(
            f"the document is nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1
        )
    if not located:
        return {} if is_map else []
    value: LDict | LList = LDict() if is_map else LList()
    value.line = event.start_mark.line + 1
    value.lines = {} if is_map else []
    return value


# --- writing ------------------------------------------------------------------------


def write(data: dict[str, Any]) -> str:
    """Plain data (dicts, lists, str, int, bool, Decimal, float, date, None) as block YAML."""
    stream = io.StringIO()
    # A width this large never folds a line: long texts stay on one line, easy to edit.
    emitter = _Emitter(stream, allow_unicode=True, indent=2, width=1 << 30)
    emit = emitter.emit
    emit(StreamStartEvent())
    emit(DocumentStartEvent(explicit=False))
    _emit(emit, data)
    emit(DocumentEndEvent(explicit=False))
    emit(StreamEndEvent())
    if hasattr(emitter, "dispose"):
        emitter.dispose()
    # A blank line before each top-level section (only they start a line with a letter).
    return re.sub(r"\n(?=[a-z_]+:)", "\n\n", stream.getvalue())


def _emit(emit: Callable[[Any], None], value: Any) -> None:
    kind = type(value)
    if kind is str:
        # Plain (unquoted) only if a YAML 1.1 reader reads it back as text, not 1.5 or yes.
        pairs = _WRITE_RESOLVERS.get(value[:1])
        plain = pairs is None or not any(rx.match(value) for _tag, rx in pairs)
        style = None if value.isprintable() else _style(value)
        emit(ScalarEvent(None, None, (plain, True), value, None, None, style))
    elif kind is dict:
        emit(MappingStartEvent(None, None, True, None, None, False))
        for key, item in value.items():
            _emit(emit, key)
            _emit(emit, item)
        emit(MappingEndEvent())
    elif kind is list or kind is tuple:
        emit(SequenceStartEvent(None, None, True, None, None, False))
        for item in value:
            _emit(emit, item)
        emit(SequenceEndEvent())
    else:
        emit(ScalarEvent(None, None, (True, False), _scalar_text(value)))


_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _style(text: str) -> str | None:
    """Several lines read best as a literal block (``|``); None: the emitter chooses.

    Not a block when it would not read back the same: a reader turns other line
    breaks into ``\\n``, and a block keeping trailing empty lines (``|+``) would take
    in the blank line written before the next section. Those are double-quoted.
    """
    if "\n" not in text and not _OTHER_BREAKS.search(text):
        return None  # only other unprintable characters: the emitter escapes them
    if _OTHER_BREAKS.search(text) or text.endswith("\n\n") or not text.rstrip("\n"):
        return '"'
    return "|"  # the emitter falls back to double quotes if a block cannot hold it


def _scalar_text(value: Any) -> str:
    """The plain YAML text of a non-text scalar; it reads back as the same value."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        # Fixed-point with a dot, so YAML 1.1 reads it as a number (never 1E+1 or text).
        text = format(value, "f")
        return text if "." in text else text + ".0"
    if isinstance(value, float):
        text = repr(value).lower()
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to YAML")
