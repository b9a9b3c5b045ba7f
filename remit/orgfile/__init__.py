"""The organisation file: the whole organisation as one YAML or JSON document.

Keyed by stable keys, so that importing it again changes nothing; see
``docs/orgfile.md`` for the format. Pure Python: no Django, no database.

    org = load(text)                 # or load_path("company.yaml"); raises OrgFileError
    text = dump(org)                 # canonical YAML (format="json" for JSON)
    schema()                         # the JSON Schema of the format

For any valid ``Organization`` ``o``: ``load(dump(o)) == o`` in both formats.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path

from remit.domain.organization import Organization

from . import _dump, _json, _load, _locate, _schema, _yaml
from ._problems import OrgFileError, Problem
from ._spec import FORMAT_VERSION

__all__ = ["FORMAT_VERSION", "OrgFileError", "Problem", "dump", "load", "load_path", "schema"]

FORMATS = ("yaml", "json")
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _format(format: str) -> str:
    fmt = format.lower()
    fmt = "yaml" if fmt == "yml" else fmt
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use 'yaml' or 'json'")
    return fmt


@contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while millions of objects are made.

    The data built here has no cycles, but every allocation counts towards the next
    collection, and each full one walks everything alive: on a large organisation
    that is a third of the time. Collection resumes (if it was on) when done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(text: str, *, format: str = "yaml", source: str = "<file>") -> Organization:
    """The organisation in ``text``; raises ``OrgFileError`` listing every problem."""
    fmt = _format(format)
    with _bulk():
        try:
            data, duplicates = _yaml.read(text) if fmt == "yaml" else _json.read(text)
        except (_yaml.YamlProblem, _json.JsonProblem) as e:
            raise OrgFileError([Problem("", e.message, e.line, source)]) from None
        org, issues = _load.convert(data, duplicates)
        if org is None:
            raise OrgFileError(_locate.problems(issues, text, source))
        return org


def load_path(path: str | PathLike[str]) -> Organization:
    """The organisation in a ``.yaml``, ``.yml`` or ``.json`` file."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        message = f"unknown kind of file {path.suffix or '(no suffix)'!r}: use .yaml, .yml or .json"
        raise OrgFileError([Problem("", message, None, str(path))])
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: tolerate a byte-order mark
    except UnicodeDecodeError as e:
        message = f"the file is not UTF-8 text (byte {e.start})"
        raise OrgFileError([Problem("", message, None, str(path))]) from None
    return load(text, format=fmt, source=str(path))


def dump(org: Organization, *, format: str = "yaml") -> str:
    """The organisation as canonical text: stable, readable, loadable to an equal snapshot."""
    fmt = _format(format)
    with _bulk():
        data = _dump.tree(org)
        return _yaml.write(data) if fmt == "yaml" else _json.write(data)


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of the file, generated from the same specification."""
    return _schema.schema()
