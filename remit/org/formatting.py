"""Figures and dates as people read them, in the active language (one place for all pages).

Amounts carry grouped thousands and two decimals; quantities keep the decimals they
have and always their unit; dates use the language's date format (see remit/formats).
"""

from decimal import Decimal
from typing import Any

from django.utils.formats import date_format, number_format

from remit.domain.common import norm_decimal


def amount(value: Any) -> str:
    """``2,344,800.00``."""
    return number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


def money(value: Decimal | None, currency: str) -> str:
    """An amount in the organisation's currency: ``74,000.00 EUR``."""
    return "—" if value is None else f"{amount(value)} {currency}"


def qty(value: Decimal | None, unit: str = "") -> str:
    """A quantity, always with its unit: ``680,000 EUR``, ``2.5 tonnes``."""
    if value is None:
        return "—"
    d = norm_decimal(value)
    places = max(0, -d.as_tuple().exponent) if isinstance(d.as_tuple().exponent, int) else 0
    text = number_format(d, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text} {unit}".strip()


def month(value: Any) -> str:
    """``November 2026``, ``2026年11月``."""
    return date_format(value, "YEAR_MONTH_FORMAT")


def day(value: Any) -> Any:
    """``8 Oct 2026``, ``2026年10月8日``."""
    return date_format(value, "DATE_FORMAT") if value else value
