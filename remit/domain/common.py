"""Value types shared by every area: keys, decimals, dates."""

import re
from decimal import Decimal
from enum import StrEnum

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def is_key(text: str) -> bool:
    """A stable key: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit."""
    return bool(KEY_PATTERN.match(text))


def child_key(parent: str, index: int) -> str:
    """The default key of the ``index``-th (0-based) child of ``parent``: ``FIN-MGR-1``."""
    return f"{parent}-{index + 1}"


def norm_decimal(value: Decimal | int | float | str) -> Decimal:
    """A canonical Decimal: no exponent, no trailing zeros (``1234.5000`` -> ``1234.5``)."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def gettext_noop(text: str) -> str:
    """Mark a string for translation without translating it (the Django layer translates)."""
    return text


class Labelled(StrEnum):
    """A string enum whose members carry an English label, marked for translation.

    ``GOAL = "goal", gettext_noop("Goal")``: the value is the code stored in files and
    the database; ``.label`` is what people read (translated by the caller).
    """

    label: str

    def __new__(cls, value: str, label: str | None = None):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value.replace("_", " ").capitalize()
        return obj
