"""Problems found in an organisation file, and how their places are written."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# A place in the file, as a tuple of segments: a str is a field (mapping key), an int
# an index in a list, a ByKey the item of a top-level list named by its key.
type Path = tuple[str | int, ...]


class ByKey(str):
    """A path segment: the item of a top-level list with this key (``positions[FIN-MGR]``)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an organisation file."""

    path: str  # positions[FIN-MGR].result_areas[2].targets[0].metric
    message: str  # plain English
    line: int | None = None  # 1-based; None when unknown
    source: str = ""  # the file's name

    def __str__(self) -> str:
        where = self.source or "<file>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class OrgFileError(ValueError):
    """An organisation file that cannot be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the organisation file"
        super().__init__("\n".join([head, *map(str, problems)]))


def format_path(path: Path) -> str:
    """``("positions", ByKey("FIN-MGR"), "skills", 0)`` -> ``positions[FIN-MGR].skills[0]``."""
    out: list[str] = []
    for seg in path:
        if isinstance(seg, ByKey | int):
            out.append(f"[{seg}]")
        else:
            out.append(f".{seg}" if out else str(seg))
    return "".join(out)


def describe(value: Any) -> str:
    """A value as a message shows it: ``'soon'``, ``the number 3``, ``a list``."""
    if value is None:
        return "nothing"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return "a value of another kind"


def plural(label: str) -> str:
    """'responsibility' -> 'responsibilities', 'result area' -> 'result areas'."""
    if label.endswith("y") and label[-2:-1] not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"


def article(label: str) -> str:
    """'a position', 'an employee'."""
    return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"


def expected_text(value: Any) -> str:
    """The message for a non-text value where text belongs."""
    hint = ""
    if isinstance(value, bool | int | float | Decimal):
        # YAML reads 2024, 1.5, yes and no as numbers and true/false: quoting keeps text.
        hint = ": put it in quotes to write it as text"
    return f"expected text, got {describe(value)}{hint}"
