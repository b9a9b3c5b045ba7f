"""Progress and forecast of a strategic objective to its deadline.

The trend is fitted with the Theil–Sen method: its slope is the median of the slopes
between every pair of measurements, so one unusual reading (a holiday month, a
correction) does not swing it the way it swings a least-squares line. The trend is
extended in a straight line to the deadline; the middle half of the pairwise slopes
gives a range around the forecast, an honest picture of how sure it is.

The outlook compares the forecast with the target along "the way" from the baseline
to the target, so objectives that must go down (warranty claims, working hours) are
judged like those that must go up: short of the target by up to ``at_risk_margin``
of the way is *at risk*, by more is *off track*.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from remit.domain.common import Labelled
from remit.domain.common import gettext_noop as N_
from remit.domain.strategy import Measurement, Objective, ObjectiveStatus

DAYS_PER_MONTH = 365.25 / 12
MAX_POINTS = 240  # the latest measurements a trend is fitted on (20 years of months)


class Outlook(Labelled):
    ON_TRACK = "on_track", N_("On track")
    AT_RISK = "at_risk", N_("At risk")
    OFF_TRACK = "off_track", N_("Off track")
    MET = "met", N_("Target met")
    UNKNOWN = "unknown", N_("No forecast")


class Method(Labelled):
    THEIL_SEN = "theil_sen", N_("Robust linear trend (Theil–Sen)")
    NONE = "none", N_("None")


METHOD_EXPLAINED = N_(
    # xgettext:no-python-format
    "The trend is the median of the slopes between every pair of measurements "
    "(the Theil–Sen method), so one unusual reading does not swing it. It is extended "
    "in a straight line to the deadline; the range uses the middle half of those slopes. "
    "Short of the target by up to {margin} % of the way from the baseline: at risk; "
    "by more: off track."
)


@dataclass(frozen=True, slots=True)
class Trend:
    """A straight line through dated values, pivoting on the middle of the data."""

    slope: float  # per day
    pivot: dt.date  # the median day of the measurements
    level: float  # the line's value on the pivot day
    slope_low: float  # the 25th and 75th percentiles of the pairwise slopes
    slope_high: float
    points: int

    def at(self, day: dt.date, slope: float | None = None) -> float:
        """The line's value on ``day`` (with another slope: the range around it)."""
        s = self.slope if slope is None else slope
        return self.level + s * (day - self.pivot).days


@dataclass(frozen=True, slots=True)
class Forecast:
    """Where an objective stands and where it is heading, with the reason in words."""

    outlook: Outlook
    reason: str  # an English template ({placeholders} from params), marked for translation
    params: dict = field(hash=False)
    method: Method = Method.NONE
    start: float | None = None  # the baseline (or, without one, the first measurement)
    target: float | None = None
    current: float | None = None  # the latest measurement
    current_on: dt.date | None = None
    progress: float | None = None  # percent of the way from start to target
    trend: Trend | None = None
    forecast: float | None = None  # the value expected on the deadline
    forecast_low: float | None = None
    forecast_high: float | None = None
    needed_per_day: float | None = None  # from the latest measurement to the target
    shortfall: float | None = None  # share of the way the forecast misses (negative: beyond)
    measured: int = 0
    past_deadline: bool = False
    increasing: bool = True

    @property
    def per_month(self) -> float | None:
        """The trend's change per month (None without a trend)."""
        return self.trend.slope * DAYS_PER_MONTH if self.trend else None

    @property
    def needed_per_month(self) -> float | None:
        return self.needed_per_day * DAYS_PER_MONTH if self.needed_per_day is not None else None

    @property
    def bar(self) -> int:
        """Progress clamped to 0–100, for a progress bar."""
        return max(0, min(100, round(self.progress))) if self.progress is not None else 0

    def render(self, translate) -> str:
        return translate(self.reason).format(**self.params)


def number(value: float | Decimal | None, places: int = 2) -> str:
    """A short, readable number: ``31.4``, ``50``, ``-0.27``."""
    if value is None:
        return "—"
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def points_of(measurements: tuple[Measurement, ...]) -> list[tuple[dt.date, float]]:
    """The measurements as (date, value), oldest first."""
    return sorted(((m.date, float(m.value)) for m in measurements), key=lambda p: p[0])


def _quantile(sorted_values: list[float], q: float) -> float:
    """The q-quantile by linear interpolation between closest ranks."""
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def fit_trend(points: list[tuple[dt.date, float]]) -> Trend | None:
    """The Theil–Sen line through the points (None with fewer than two distinct days)."""
    pts = points[-MAX_POINTS:]
    xs = [d.toordinal() for d, _v in pts]
    ys = [v for _d, v in pts]
    slopes = sorted(
        (ys[j] - ys[i]) / (xs[j] - xs[i])
        for i in range(len(pts))
        for j in range(i + 1, len(pts))
        if xs[j] != xs[i]
    )
    if not slopes:
        return None
    slope = median(slopes)
    intercept = median(y - slope * x for x, y in zip(xs, ys, strict=True))
    pivot = round(median(xs))
    return Trend(
        slope=slope,
        pivot=dt.date.fromordinal(pivot),
        level=intercept + slope * pivot,
        slope_low=_quantile(slopes, 0.25),
        slope_high=_quantile(slopes, 0.75),
        points=len(pts),
    )


def meets(value: float, target: float, increasing: bool) -> bool:
    return value >= target if increasing else value <= target


def progress(objective: Objective) -> float | None:
    """Percent of the way from the baseline (or the first measurement) to the target."""
    pts = points_of(objective.measurements)
    if objective.target is None or not pts:
        return None
    start = float(objective.baseline) if objective.baseline is not None else pts[0][1]
    return _progress(start, float(objective.target), pts[-1][1], objective.increasing)


def _progress(start: float, target: float, current: float, increasing: bool) -> float:
    if target == start:
        return 100.0 if meets(current, target, increasing) else 0.0
    return (current - start) / (target - start) * 100


def forecast(objective: Objective, today: dt.date, at_risk_margin: float = 0.1) -> Forecast:
    """The objective's progress, its trend to the deadline and its outlook on ``today``."""
    pts = points_of(objective.measurements)
    increasing = objective.increasing
    base = {"measured": len(pts), "increasing": increasing}
    if pts:
        base |= {"current": pts[-1][1], "current_on": pts[-1][0]}
    deadline = objective.deadline
    past = deadline is not None and today > deadline
    base["past_deadline"] = past

    if objective.status == ObjectiveStatus.DROPPED:
        return Forecast(Outlook.UNKNOWN, N_("Dropped: no longer pursued."), {}, **base)
    if objective.target is None:
        if objective.status == ObjectiveStatus.ACHIEVED:
            return Forecast(Outlook.MET, N_("Marked as achieved."), {}, **base)
        return Forecast(
            Outlook.UNKNOWN,
            N_("It has no numeric target, so there is nothing to forecast: follow its plan."),
            {},
            **base,
        )
    target = float(objective.target)
    start = float(objective.baseline) if objective.baseline is not None else None
    if start is None and pts:
        start = pts[0][1]
    base |= {"target": target, "start": start}
    if pts and start is not None:
        base["progress"] = _progress(start, target, pts[-1][1], increasing)
    if objective.status == ObjectiveStatus.ACHIEVED:
        return Forecast(Outlook.MET, N_("Marked as achieved."), {}, **base)
    if not pts:
        if past:
            return Forecast(
                Outlook.OFF_TRACK,
                N_("The deadline {deadline} has passed and no measurement shows the target met."),
                {"deadline": deadline.isoformat()},
                **base,
            )
        return Forecast(Outlook.UNKNOWN, N_("No measurements yet."), {}, **base)

    current_on, current = pts[-1]
    unit = f" {objective.unit}" if objective.unit else ""
    values = {"current": number(current) + unit, "date": current_on.isoformat()}
    values |= {"target": number(target) + unit}
    if meets(current, target, increasing):
        return Forecast(
            Outlook.MET,
            N_("The target {target} is met: {current} on {date}."),
            values,
            **base,
        )
    if past:
        return Forecast(
            Outlook.OFF_TRACK,
            N_(
                "The deadline {deadline} has passed; the latest measurement is {current} ({date}), the target {target}."
            ),
            values | {"deadline": deadline.isoformat()},
            **base,
        )
    if deadline is None:
        return Forecast(Outlook.UNKNOWN, N_("No deadline, so no forecast."), {}, **base)
    if deadline > current_on:
        base["needed_per_day"] = (target - current) / (deadline - current_on).days
    trend = fit_trend(pts)
    if trend is None:
        return Forecast(
            Outlook.UNKNOWN,
            N_("One measurement so far: a trend needs at least two, on different days."),
            {},
            **base,
        )
    expected = trend.at(deadline)
    low, high = sorted((trend.at(deadline, trend.slope_low), trend.at(deadline, trend.slope_high)))
    short = ((target - expected) if increasing else (expected - target)) / _way(start, target)
    if short <= 0:
        outlook = Outlook.ON_TRACK
    elif short <= at_risk_margin:
        outlook = Outlook.AT_RISK
    else:
        outlook = Outlook.OFF_TRACK
    return Forecast(
        outlook,
        N_(
            "At the trend of {rate} per month, {expected} is expected by {deadline} "
            "(range {low} to {high}) against a target of {target}."
        ),
        {
            "rate": ("+" if trend.slope > 0 else "") + number(trend.slope * DAYS_PER_MONTH),
            "expected": number(expected) + unit,
            "deadline": deadline.isoformat(),
            "low": number(low),
            "high": number(high) + unit,
            "target": number(target) + unit,
        },
        method=Method.THEIL_SEN,
        trend=trend,
        forecast=expected,
        forecast_low=low,
        forecast_high=high,
        shortfall=short,
        **base,
    )


def _way(start: float | None, target: float) -> float:
    """The distance from the start to the target, the scale of "short of it"."""
    if start is not None and start != target:
        return abs(target - start)
    return abs(target) or 1.0
