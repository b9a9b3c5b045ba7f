"""Where problems are: their paths as text and, from a second, located read, their lines.

Only a file with problems pays for this: the text is read again with line numbers
(YAML, or JSON read as the YAML it also is) and each problem's path is followed
through that tree, down to the deepest place that exists.
"""

from typing import Any

from remit.domain.common import KEY_PATTERN

from . import _yaml
from ._load import Issue
from ._problems import ByKey, Path, Problem, format_path


def problems(issues: list[Issue], text: str, source: str) -> list[Problem]:
    """The issues as problems with their lines, in the order of the file."""
    try:
        tree, _dups = _yaml.read(text, located=True)
    except _yaml.YamlProblem:  # JSON that YAML cannot read: no lines, still every problem
        tree = None
    indexes: dict[int, dict[str, int]] = {}
    out = [
        Problem(format_path(path), message, line or _line_of(tree, path, indexes), source)
        for path, message, line in issues
    ]
    # Stable: problems on one line keep the order they were found in.
    out.sort(key=lambda p: (p.line is None, p.line or 0))
    return out


def _line_of(tree: Any, path: Path, indexes: dict[int, dict[str, int]]) -> int | None:
    """The line of the deepest node on ``path`` that the file has."""
    line = getattr(tree, "line", None)
    if line is None:
        return 1 if tree is not None or not path else None
    node = tree
    for seg in path:
        if isinstance(seg, ByKey):
            if not isinstance(node, _yaml.LList):
                break
            index = indexes.get(id(node))
            if index is None:
                index = indexes[id(node)] = _key_index(node)
            position = index.get(seg)
            if position is None:
                break
            line, node = node.lines[position], node[position]
        elif isinstance(seg, int):
            if not isinstance(node, _yaml.LList) or not 0 <= seg < len(node):
                break
            line, node = node.lines[seg], node[seg]
        else:
            if not isinstance(node, _yaml.LDict):
                break
            # A field's name in the path is text; in the file it may be a number or true.
            name = (
                seg if seg in node.lines else next((k for k in node.lines if str(k) == seg), None)
            )
            if name is None:
                break
            line, node = node.lines[name], node[name]
    return line


def _key_index(items: list[Any]) -> dict[str, int]:
    """Items of a top-level list by key, by the rule ``_load.collection`` names them."""
    out: dict[str, int] = {}
    for i, item in enumerate(items):
        key = item.get("key") if isinstance(item, dict) else None
        if type(key) is str and key not in out and KEY_PATTERN.match(key):
            out[key] = i
    return out
