"""Progress and forecast of objectives: the trend, the range, the outlook, the edge cases."""

import datetime as dt
from decimal import Decimal

import pytest

from remit.analysis import forecast as fc
from remit.domain.strategy import Measurement, Objective, ObjectiveStatus

TODAY = dt.date(2026, 11, 24)


def objective(values, *, baseline=0, target=100, deadline=dt.date(2027, 12, 31), **kw):
    """Monthly measurements on the 1st from January 2026."""
    measurements = tuple(
        Measurement(f"O-{i + 1}", dt.date(2026, 1 + i, 1), Decimal(str(v)))
        for i, v in enumerate(values)
    )
    return Objective(
        "O",
        "Objective",
        baseline=None if baseline is None else Decimal(str(baseline)),
        target=None if target is None else Decimal(str(target)),
        deadline=deadline,
        measurements=measurements,
        **kw,
    )


def test_a_steady_climb_that_reaches_the_target_is_on_track():
    # +5 a month from 10: 23 months after January 2026 it is at about 125.
    f = fc.forecast(objective([10, 15, 20, 25, 30, 35]), TODAY)
    assert f.outlook == fc.Outlook.ON_TRACK
    assert f.method == fc.Method.THEIL_SEN
    assert f.per_month == pytest.approx(5, rel=0.05)
    assert f.forecast == pytest.approx(10 + 5 * 23.97, rel=0.02)
    assert f.progress == pytest.approx(35)
    assert f.measured == 6
    assert f.forecast_low <= f.forecast <= f.forecast_high


def test_a_slow_climb_is_off_track_and_needs_a_faster_rate():
    f = fc.forecast(objective([10, 11, 12, 13, 14, 15]), TODAY)
    assert f.outlook == fc.Outlook.OFF_TRACK
    assert f.shortfall > 0.1
    # From 15 on 1 June 2026 to 100 by the end of 2027: about 85 in 19 months.
    assert f.needed_per_month == pytest.approx(85 / 19, rel=0.05)
    assert "per month" in f.render(lambda t: t)


def test_short_by_less_than_the_margin_is_at_risk():
    # The trend reaches about 92 by the deadline: 8 % of the way short.
    slope = 92 / 23.97
    values = [round(slope * i, 3) for i in range(6)]
    f = fc.forecast(objective(values), TODAY, at_risk_margin=0.1)
    assert f.outlook == fc.Outlook.AT_RISK
    assert 0 < f.shortfall <= 0.1
    assert (
        fc.forecast(objective(values), TODAY, at_risk_margin=0.05).outlook == fc.Outlook.OFF_TRACK
    )


def test_one_outlier_does_not_swing_the_trend():
    steady = [60, 59, 58, 57, 56, 55, 54, 53]
    with_holiday = [60, 59, 58, 57, 45, 55, 54, 53]  # a holiday month
    a = fc.forecast(objective(steady, baseline=62, target=45), TODAY)
    b = fc.forecast(objective(with_holiday, baseline=62, target=45), TODAY)
    assert a.per_month == pytest.approx(b.per_month, rel=0.05)


def test_decreasing_objectives_go_down_to_their_target():
    # Claims from 2.4 % to 1 %: falling is progress.
    good = fc.forecast(objective([2.4, 2.3, 2.2, 2.1, 2.0], baseline=2.4, target=1), TODAY)
    assert not good.increasing
    assert good.outlook == fc.Outlook.ON_TRACK
    assert good.progress == pytest.approx((2.0 - 2.4) / (1 - 2.4) * 100)
    bad = fc.forecast(objective([2.4, 2.45, 2.5, 2.55], baseline=2.4, target=1), TODAY)
    assert bad.outlook == fc.Outlook.OFF_TRACK
    assert bad.progress < 0
    assert bad.bar == 0


def test_a_reached_target_is_met_in_either_direction():
    assert fc.forecast(objective([50, 100]), TODAY).outlook == fc.Outlook.MET
    assert (
        fc.forecast(objective([2.4, 0.9], baseline=2.4, target=1), TODAY).outlook == fc.Outlook.MET
    )


def test_no_measurements_means_no_forecast_until_the_deadline_passes():
    f = fc.forecast(objective([]), TODAY)
    assert f.outlook == fc.Outlook.UNKNOWN
    assert f.progress is None
    assert f.current is None
    late = fc.forecast(objective([], deadline=dt.date(2026, 6, 30)), TODAY)
    assert late.outlook == fc.Outlook.OFF_TRACK
    assert late.past_deadline


def test_one_measurement_gives_progress_but_no_trend():
    f = fc.forecast(objective([40]), TODAY)
    assert f.outlook == fc.Outlook.UNKNOWN
    assert f.progress == pytest.approx(40)
    assert f.trend is None
    assert f.method == fc.Method.NONE
    assert f.needed_per_month is not None


def test_two_measurements_on_the_same_day_give_no_trend():
    o = Objective(
        "O",
        "Objective",
        baseline=Decimal(0),
        target=Decimal(100),
        deadline=dt.date(2027, 12, 31),
        measurements=(
            Measurement("O-1", dt.date(2026, 3, 1), Decimal(10)),
            Measurement("O-2", dt.date(2026, 3, 1), Decimal(12)),
        ),
    )
    assert fc.forecast(o, TODAY).outlook == fc.Outlook.UNKNOWN


def test_past_the_deadline_and_not_met_is_off_track():
    f = fc.forecast(objective([10, 20, 30], deadline=dt.date(2026, 10, 31)), TODAY)
    assert f.outlook == fc.Outlook.OFF_TRACK
    assert f.past_deadline
    assert "has passed" in f.render(lambda t: t)
    met_late = fc.forecast(objective([10, 20, 100], deadline=dt.date(2026, 2, 1)), TODAY)
    assert met_late.outlook == fc.Outlook.MET


def test_without_a_deadline_progress_but_no_forecast():
    f = fc.forecast(objective([10, 20, 30], deadline=None), TODAY)
    assert f.outlook == fc.Outlook.UNKNOWN
    assert f.progress == pytest.approx(30)


def test_without_a_baseline_the_first_measurement_is_the_start():
    f = fc.forecast(objective([20, 30, 40], baseline=None), TODAY)
    assert f.start == 20
    assert f.progress == pytest.approx(25)
    assert fc.progress(objective([20, 30, 40], baseline=None)) == pytest.approx(25)


def test_a_listing_objective_without_a_numeric_target_is_handled():
    o = objective([], target=None, unit="listing")
    f = fc.forecast(o, TODAY)
    assert f.outlook == fc.Outlook.UNKNOWN
    assert "no numeric target" in f.render(lambda t: t)
    assert f.progress is None
    assert fc.progress(o) is None


def test_achieved_and_dropped_objectives():
    achieved = objective([10, 20], status=ObjectiveStatus.ACHIEVED)
    assert fc.forecast(achieved, TODAY).outlook == fc.Outlook.MET
    listing = objective([], target=None, status=ObjectiveStatus.ACHIEVED)
    assert fc.forecast(listing, TODAY).outlook == fc.Outlook.MET
    dropped = objective([10, 20], status=ObjectiveStatus.DROPPED)
    assert fc.forecast(dropped, TODAY).outlook == fc.Outlook.UNKNOWN


def test_target_equal_to_baseline_means_hold_the_level():
    f = fc.forecast(objective([100, 99, 98], baseline=100, target=100), TODAY)
    assert f.outlook == fc.Outlook.OFF_TRACK
    assert f.progress == 0
    assert fc.forecast(objective([100, 101], baseline=100, target=100), TODAY).outlook == (
        fc.Outlook.MET
    )


def test_measurements_in_any_order_are_sorted_by_date():
    o = objective([10, 15, 20, 25])
    shuffled = Objective(
        o.key,
        o.title,
        baseline=o.baseline,
        target=o.target,
        deadline=o.deadline,
        measurements=tuple(reversed(o.measurements)),
    )
    assert fc.forecast(shuffled, TODAY).forecast == pytest.approx(fc.forecast(o, TODAY).forecast)
    assert fc.forecast(shuffled, TODAY).current == 25


def test_fit_trend_and_numbers():
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=10 * i) for i in range(5)]
    trend = fc.fit_trend([(d, 3.0 + 0.5 * i) for i, d in enumerate(days)])
    assert trend.slope == pytest.approx(0.05)
    assert trend.at(days[-1]) == pytest.approx(5.0)
    assert fc.fit_trend([(days[0], 1.0)]) is None
    assert fc.number(31.400) == "31.4"
    assert fc.number(50) == "50"
    assert fc.number(-0.001) == "0"
    assert fc.number(None) == "—"
