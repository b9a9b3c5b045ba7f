"""The contract: load(dump(o)) == o and dump(load(dump(o))) == dump(o), in YAML and JSON."""

import datetime as dt
import json
from decimal import Decimal

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from remit import orgfile
from remit.domain.cadence import Cadence, CadenceUnit
from remit.domain.duties import Purpose, Responsibility, ResultArea, Target
from remit.domain.organization import Organization
from remit.domain.people import Position
from remit.domain.transparency import FinanceKind, FinanceLine
from remit.orgfile import _yaml

from .strategies import organizations

PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(orgfile.schema())


@PROPERTY
@given(organizations())
def test_yaml_round_trip_and_schema(org):
    text = orgfile.dump(org)
    assert orgfile.load(text) == org
    assert orgfile.dump(orgfile.load(text)) == text
    data, _dups = _yaml.read(text)  # the YAML as data: dates as text, as in JSON
    VALIDATOR.validate(data)


@PROPERTY
@given(organizations())
def test_json_round_trip_and_schema(org):
    text = orgfile.dump(org, format="json")
    assert orgfile.load(text, format="json") == org
    assert orgfile.dump(orgfile.load(text, format="json"), format="json") == text
    data = json.loads(text, parse_float=Decimal)
    VALIDATOR.validate(data)
    # The same document as the YAML dump: the same fields, in the same order.
    from_yaml, _dups = _yaml.read(orgfile.dump(org))
    assert _shape(data) == _shape(from_yaml)


def _shape(value):
    if isinstance(value, dict):
        return [(k, _shape(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return None


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = orgfile.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["positions"]["items"] == {"$ref": "#/$defs/Position"}
    position = schema["$defs"]["Position"]
    assert position["additionalProperties"] is False
    assert position["required"] == ["key", "title"]
    assert schema["$defs"]["ResultArea"]["required"] == ["title"]  # the key may be derived
    assert schema["$defs"]["PlanItem"]["properties"]["importance"] == {
        "type": ["integer", "null"],
        "minimum": 1,
        "maximum": 5,
    }
    assert orgfile.schema() is not orgfile.schema()  # each caller gets its own copy


def test_the_schema_rejects_what_the_format_forbids():
    base = {"remit": 1, "organization": {"name": "Acme"}}
    assert VALIDATOR.is_valid(base)
    assert not VALIDATOR.is_valid({**base, "remit": 2})
    assert not VALIDATOR.is_valid({**base, "positons": []})
    assert not VALIDATOR.is_valid({**base, "positions": [{"key": "A", "title": "t", "x": 1}]})
    assert not VALIDATOR.is_valid({**base, "plan": [{"key": "P", "title": "t", "kind": "gaol"}]})
    assert not VALIDATOR.is_valid(
        {**base, "finance": [{"key": "F", "period": "2026-13", "category": "c"}]}
    )
    assert VALIDATOR.is_valid(
        {
            **base,
            "objectives": [
                {"key": "O", "title": "t", "measure_every": "Every 2 Weeks from 2026-01-05"}
            ],
        }
    )
    assert not VALIDATOR.is_valid(
        {**base, "objectives": [{"key": "O", "title": "t", "measure_every": "sometimes"}]}
    )


def _org_with_areas() -> Organization:
    area = ResultArea(
        "FIN-MGR-2",
        "Books",
        targets=(
            Target(
                "FIN-MGR-2-1",
                "Close on time",
                responsibilities=(Responsibility("FIN-MGR-2-1-1", "Reconcile"),),
            ),
            Target("OWN-KEY", "Report", responsibilities=(Responsibility("OWN-KEY-1", "Write"),)),
        ),
    )
    first = ResultArea("FIN-MGR-1", "Cash")
    return Organization(
        "Acme",
        positions={"FIN-MGR": Position("FIN-MGR", "Finance manager", result_areas=(first, area))},
    )


def test_nested_keys_equal_to_their_derived_default_are_left_out():
    org = _org_with_areas()
    text = orgfile.dump(org)
    assert "FIN-MGR-2" not in text and "OWN-KEY-1" not in text
    assert "key: OWN-KEY" in text
    assert orgfile.load(text) == org


def test_nested_keys_are_derived_from_the_parent_key_and_the_place():
    text = """\
remit: 1
organization: {name: Acme}
positions:
- key: FIN-MGR
  title: Finance manager
  result_areas:
  - title: Cash
  - title: Books
    targets:
    - statement: Close on time
      responsibilities:
      - statement: Reconcile
    - key: OWN-KEY
      statement: Report
      responsibilities:
      - statement: Write
"""
    org = orgfile.load(text)
    assert org == _org_with_areas()
    areas = org.positions["FIN-MGR"].result_areas
    assert [a.key for a in areas] == ["FIN-MGR-1", "FIN-MGR-2"]
    assert areas[1].targets[0].responsibilities[0].key == "FIN-MGR-2-1-1"
    assert areas[1].targets[1].responsibilities[0].key == "OWN-KEY-1"


def test_finance_periods_are_months():
    line = FinanceLine("F1", dt.date(2026, 3, 1), "rent", FinanceKind.EXPENSE, Decimal("1250.5"))
    org = Organization("Acme", finance={"F1": line})
    text = orgfile.dump(org)
    assert "period: 2026-03\n" in text
    assert "budget: 1250.5\n" in text
    assert '"period": "2026-03"' in orgfile.dump(org, format="json")
    assert orgfile.load(text).finance["F1"].period == dt.date(2026, 3, 1)


def test_cadences_are_written_as_text():
    text = """\
remit: 1
organization: {name: Acme}
controls:
- key: C1
  title: Stock count
  every: Every 2 weeks from 2026-01-05
- key: C2
  title: Audit
  every: quarterly
"""
    org = orgfile.load(text)
    assert org.controls["C1"].every == Cadence(2, CadenceUnit.WEEK, dt.date(2026, 1, 5))
    assert org.controls["C2"].every == Cadence(3, CadenceUnit.MONTH)
    out = orgfile.dump(org)
    assert "every: fortnightly from 2026-01-05\n" in out
    assert "every: quarterly\n" in out


CHINESE = """\
remit: 1
organization:
  name: 上海示例贸易有限公司
  language: zh-hans
  currency: CNY
positions:
- key: CFO
  title: 财务总监
  purpose:
    basis: 在总经理的领导下
    content: 负责公司的财务管理
    performance: 确保资金安全
  result_areas:
  - title: 资金管理
    weight: 40
    targets:
    - statement: 月度结账准确率 ≥ 99%
      target: ≥ 99 %
      responsibilities:
      - statement: |-
          每月5日前完成对账，
          并提交报告
        time_share: 12.5
"""


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_chinese_text_round_trips_as_characters(fmt):
    org = orgfile.load(CHINESE)
    cfo = org.positions["CFO"]
    assert cfo.title == "财务总监"
    assert cfo.purpose == Purpose("在总经理的领导下", "负责公司的财务管理", "确保资金安全")
    statement = cfo.result_areas[0].targets[0].responsibilities[0].statement
    assert statement == "每月5日前完成对账，\n并提交报告"
    text = orgfile.dump(org, format=fmt)
    assert "财务总监" in text and "\\u" not in text
    assert orgfile.load(text, format=fmt) == org
    if fmt == "yaml":
        assert "statement: |-\n          每月5日前完成对账，\n          并提交报告\n" in text


def test_dump_is_canonical_and_readable():
    org = orgfile.load(CHINESE)
    text = orgfile.dump(org)
    assert text.startswith("remit: 1\n\norganization:\n  name: 上海示例贸易有限公司\n")
    assert "\n\npositions:\n- key: CFO\n  title: 财务总监\n  purpose:\n" in text
    assert "weight: 40\n" in text  # an integral decimal is an integer
    assert "time_share: 12.5\n" in text
    assert "fiscal_year_start" not in text and "headcount" not in text  # defaults left out
    data = json.loads(orgfile.dump(org, format="json"))
    assert list(data) == ["remit", "organization", "positions"]
    assert list(data["positions"][0]) == ["key", "title", "purpose", "result_areas"]


def test_decimals_stay_exact():
    text = """\
remit: 1
organization: {name: Acme}
grades:
- {key: G1, name: One, monthly_cost: 1234.50}
- {key: G2, name: Two, monthly_cost: "0.1"}
- {key: G3, name: Three, monthly_cost: 12345678901234.123456789}
- {key: G4, name: Four, monthly_cost: 1e3}
"""
    org = orgfile.load(text)
    costs = [g.monthly_cost for g in org.grades.values()]
    assert costs == [
        Decimal("1234.5"),
        Decimal("0.1"),
        Decimal("12345678901234.123456789"),
        Decimal(1000),
    ]
    assert [str(c) for c in costs][:2] == ["1234.5", "0.1"]
    as_json = orgfile.dump(org, format="json")
    assert '"monthly_cost": "12345678901234.123456789"' in as_json  # more than a float holds
    assert orgfile.load(as_json, format="json") == org
    assert orgfile.load(orgfile.dump(org)) == org


def test_job_description_content_is_kept_as_it_is():
    text = """\
remit: 1
organization: {name: Acme}
positions: [{key: P, title: T}]
job_descriptions:
- key: JD1
  position: P
  version: 2
  approved_on: 2026-01-31
  content:
    title: T
    weights: [40, 60.5]
    nested: {deep: [true, null, '2026-01-01']}
"""
    jd = orgfile.load(text).job_descriptions["JD1"]
    assert jd.content == {
        "title": "T",
        "weights": [40, 60.5],
        "nested": {"deep": [True, None, "2026-01-01"]},
    }
    assert type(jd.content["weights"][1]) is float


def test_empty_values_mean_left_out():
    text = """\
remit: 1
organization: {name: Acme}
departments:
- key: D
  name: Finance
  parent:
  function:
plan:
- key: P
  title: Task
  kind: ''
  owner: ''
  depends_on:
"""
    org = orgfile.load(text)
    assert org.departments["D"].parent is None
    assert org.departments["D"].function == ""
    assert org.plan["P"].owner is None
    assert org.plan["P"].kind.value == "task"


def test_load_path_reads_by_suffix(tmp_path):
    org = orgfile.load(CHINESE)
    for suffix, fmt in [(".yaml", "yaml"), (".yml", "yaml"), (".json", "json")]:
        path = tmp_path / f"company{suffix}"
        path.write_text(orgfile.dump(org, format=fmt), encoding="utf-8")
        assert orgfile.load_path(path) == org
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + orgfile.dump(org).encode())
    assert orgfile.load_path(bom) == org


def test_an_empty_organization_round_trips():
    org = Organization("Acme")
    assert orgfile.dump(org) == "remit: 1\n\norganization:\n  name: Acme\n"
    assert orgfile.load(orgfile.dump(org)) == org
    assert orgfile.load(orgfile.dump(org, format="json"), format="json") == org
