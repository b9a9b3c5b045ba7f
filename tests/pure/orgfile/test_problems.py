"""Every kind of problem, reported with its exact path and line; all of them at once."""

import textwrap

import pytest

from remit import orgfile
from remit.orgfile import OrgFileError, Problem

HEAD = "remit: 1\norganization:\n  name: Acme\n"


def doc(body: str) -> str:
    return HEAD + textwrap.dedent(body)


def line(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line containing ``needle``."""
    found = [i for i, text_line in enumerate(text.splitlines(), 1) if needle in text_line]
    return found[nth - 1]


def problems(text: str, fmt: str = "yaml") -> list[tuple[str, str, int | None]]:
    with pytest.raises(OrgFileError) as info:
        orgfile.load(text, format=fmt, source="company.yaml")
    return [(p.path, p.message, p.line) for p in info.value.problems]


def test_a_problem_reads_file_line_path_message():
    problem = Problem(
        "positions[FIN-MGR].result_areas[2].targets[0].metric", "required", 123, "company.yaml"
    )
    assert (
        str(problem)
        == "company.yaml:123: positions[FIN-MGR].result_areas[2].targets[0].metric: required"
    )
    assert str(Problem("", "the file is empty", None, "x.json")) == "x.json: the file is empty"
    error = OrgFileError([problem, problem])
    assert str(error).splitlines() == [
        "2 problems in the organisation file",
        str(problem),
        str(problem),
    ]


def test_wrong_types():
    text = doc("""\
        departments:
        - key: D
          name: 2024
        positions:
        - key: P
          title: Clerk
          headcount: two
          confidentiality_required: maybe
        grades:
        - key: G
          name: Grade
          monthly_cost: lots
        plan:
        - key: T
          title: Task
          due: soon
          depends_on: T
        stages:
        - key: S
          name: Start
          order: 1
          staffing: none
        lessons: many
        """)
    assert problems(text) == [
        (
            "departments[D].name",
            "expected text, got the number 2024: put it in quotes to write it as text",
            line(text, "name: 2024"),
        ),
        ("positions[P].headcount", "expected a whole number, got 'two'", line(text, "headcount")),
        (
            "positions[P].confidentiality_required",
            "expected true or false, got 'maybe'",
            line(text, "confidentiality"),
        ),
        ("grades[G].monthly_cost", "expected a number, got 'lots'", line(text, "monthly_cost")),
        ("plan[T].due", "expected a date like 2026-03-31, got 'soon'", line(text, "due: soon")),
        (
            "plan[T].depends_on",
            "expected a list of plan item keys, got 'T'",
            line(text, "depends_on"),
        ),
        (
            "stages[S].staffing",
            "expected a list of staffing lines, got 'none'",
            line(text, "staffing"),
        ),
        ("lessons", "expected a list of lessons, got 'many'", line(text, "lessons")),
    ]


def test_an_item_that_is_not_a_mapping():
    text = doc("""\
        skills:
        - Accounting
        - key: S2
          name: Excel
        """)
    assert problems(text) == [
        (
            "skills[0]",
            "expected a skill (a mapping of fields), got 'Accounting'",
            line(text, "- Accounting"),
        ),
    ]


def test_dates_that_do_not_exist_and_months():
    text = doc("""\
        problems:
        - key: PB
          title: Late
          raised_on: 2026-02-30
        finance:
        - key: F1
          period: 2026-13
          category: Rent
        - key: F2
          period: 2026-03-01
          category: Rent
        - key: F3
          period: 2026-03
          category: Rent
        """)
    assert problems(text) == [
        (
            "problems[PB].raised_on",
            "expected a date like 2026-03-31, got '2026-02-30' (there is no such day)",
            line(text, "raised_on"),
        ),
        (
            "finance[F1].period",
            "expected a month like 2026-03, got '2026-13': the month must be between 01 and 12",
            line(text, "2026-13"),
        ),
        (
            "finance[F2].period",
            "expected a month like 2026-03, got '2026-03-01'",
            line(text, "2026-03-01"),
        ),
    ]


def test_unknown_enum_values_list_the_allowed_ones():
    text = doc("""\
        plan:
        - key: T
          title: Task
          kind: gaol
          status: finished
        """)
    assert problems(text) == [
        (
            "plan[T].kind",
            "unknown value 'gaol': use one of goal, stage, project, task (did you mean 'goal'?)",
            line(text, "gaol"),
        ),
        (
            "plan[T].status",
            "unknown value 'finished': use one of not_started, in_progress, blocked, done, cancelled",
            line(text, "finished"),
        ),
    ]


def test_cadences_that_do_not_parse():
    text = doc("""\
        controls:
        - key: C1
          title: Count
          every: sometimes
        - key: C2
          title: Audit
          every: every 0 weeks
        - key: C3
          title: Drill
          every: 3
        """)
    found = problems(text)
    assert [(p, n) for p, _m, n in found] == [
        ("controls[C1].every", line(text, "sometimes")),
        ("controls[C2].every", line(text, "every 0")),
        ("controls[C3].every", line(text, "every: 3")),
    ]
    assert found[0][1].startswith("unknown cadence 'sometimes': use one of daily, weekly")
    assert (
        found[1][1]
        == "'every 0 weeks' is not a valid cadence: a cadence repeats at least every 1 unit"
    )
    assert (
        found[2][1] == "expected a cadence such as 'monthly' or 'every 2 weeks', got the number 3"
    )


def test_missing_required_fields():
    text = doc("""\
        positions:
        - key: FIN-MGR
          result_areas:
          - title: A
          - title: B
          - title: C
            targets:
            - metric: on time
        checkins:
        - key: CI
          date: 2026-01-05
          progress: 50
        """)
    assert problems(text) == [
        ("positions[FIN-MGR].title", "required", line(text, "key: FIN-MGR")),
        (
            "positions[FIN-MGR].result_areas[2].targets[0].statement",
            "required",
            line(text, "metric: on time"),
        ),
        ("checkins[CI].plan_item", "required", line(text, "key: CI")),
    ]


def test_blank_required_text_and_the_missing_organization():
    assert problems("remit: 1\npositions:\n- key: P\n  title: '  '\n") == [
        (
            "organization",
            "required: the organization's name and settings, e.g. 'organization: {name: Acme}'",
            1,
        ),
        ("positions[P].title", "required: it cannot be blank", 4),
    ]
    assert problems("remit: 1\norganization:\n  slug: acme\n") == [
        ("organization.name", "required", 2)
    ]


def test_unknown_fields_and_sections_suggest_the_closest():
    text = doc("""\
        postions: []
        positions:
        - key: P
          titel: Clerk
          title: Clerk
          colour: blue
        """)
    found = problems(text)
    assert found[:2] == [
        (
            "postions",
            "unknown section 'postions' (did you mean 'positions'?)",
            line(text, "postions"),
        ),
        (
            "positions[P].titel",
            "unknown field 'titel' (did you mean 'title'?)",
            line(text, "titel"),
        ),
    ]
    path, message, at = found[2]
    assert (path, at) == ("positions[P].colour", line(text, "colour"))
    assert message.startswith(
        "unknown field 'colour'; a position has: key, title, department, reports_to"
    )


def test_duplicate_keys_in_one_namespace():
    text = doc("""\
        positions:
        - key: FIN-MGR
          title: Finance manager
          result_areas:
          - key: BOOKS
            title: Books
        - key: FIN-MGR
          title: Again
        - key: CFO
          title: Chief financial officer
          result_areas:
          - key: BOOKS
            title: Books too
        """)
    assert problems(text) == [
        (
            "positions[1].key",
            "duplicate key 'FIN-MGR': positions[FIN-MGR] has it already",
            line(text, "key: FIN-MGR", 2),
        ),
        (
            "positions[CFO].result_areas[0].key",
            "duplicate key 'BOOKS': another result area has it already (in positions[FIN-MGR])",
            line(text, "key: BOOKS", 2),
        ),
    ]


def test_derived_keys_clash_with_written_ones():
    text = doc("""\
        positions:
        - key: CFO
          title: Chief financial officer
          result_areas:
          - key: CFO-2
            title: Cash
          - title: Derived CFO-2, and taken
        """)
    assert problems(text) == [
        (
            "positions[CFO].result_areas[1].key",
            "the key derived from its place, 'CFO-2', is taken: another result area has it already (in positions[CFO]); give this result area a key",
            line(text, "Derived CFO-2"),
        ),
    ]


def test_invalid_keys():
    long_parent = "P" * 64
    text = doc(f"""\
        positions:
        - key: bad key!
          title: A
        - key: 2024
          title: B
        - title: C
        - key: {long_parent}
          title: D
          result_areas:
          - title: The derived key is too long
        """)
    assert problems(text) == [
        (
            "positions[0].key",
            "'bad key!' is not a valid key: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            line(text, "bad key!"),
        ),
        (
            "positions[1].key",
            "expected a key, got the number 2024: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            line(text, "key: 2024"),
        ),
        ("positions[2].key", "required: every position needs a key", line(text, "title: C")),
        (
            f"positions[{long_parent}].result_areas[0].key",
            f"no key given, and the one derived from its place, '{long_parent}-1', is longer than 64 characters: give this result area a key",
            line(text, "derived key is too long"),
        ),
    ]


def test_dangling_references():
    text = doc("""\
        departments:
        - {key: FIN, name: Finance, parent: HQ}
        positions:
        - key: CEO
          title: Chief executive
        - key: FIN-MGR
          title: Finance manager
          department: FIN
          reports_to: CEO2
          purpose:
            objectives: [GROW, SHRINK]
          result_areas:
          - title: Books
            targets:
            - statement: Close
              objective: GROW
              responsibilities:
              - statement: Reconcile
                procedures: [SOP-1, SOP-9]
          skills:
          - skill: EXCEL
        objectives:
        - {key: GROW, title: Grow, owner: CEO}
        procedures:
        - {key: SOP-1, title: Close the month, positions: [FIN-MGR, CFO]}
        employees:
        - key: E1
          name: Eve
          assignments:
          - {position: CFO, start: 2026-01-01}
        handovers:
        - key: H1
          employee: E1
          position: CEO
          reason: resignation
          created_on: 2026-03-01
          items:
          - {kind: responsibility, ref: FIN-MGR-1-1-1, description: Reconcile}
          - {kind: responsibility, ref: FIN-MGR-1-1-2, description: Nothing}
          - {kind: relation, ref: BANK, description: The bank}
          - {kind: other, ref: the car keys, description: Not checked}
          - {kind: plan_item, ref: T1, description: Task, successor: E2}
        """)
    assert problems(text) == [
        ("departments[FIN].parent", "no department with key 'HQ'", line(text, "parent: HQ")),
        ("positions[FIN-MGR].reports_to", "no position with key 'CEO2'", line(text, "CEO2")),
        (
            "positions[FIN-MGR].purpose.objectives[1]",
            "no objective with key 'SHRINK'",
            line(text, "SHRINK"),
        ),
        (
            "positions[FIN-MGR].result_areas[0].targets[0].responsibilities[0].procedures[1]",
            "no procedure with key 'SOP-9'",
            line(text, "SOP-9"),
        ),
        ("positions[FIN-MGR].skills[0].skill", "no skill with key 'EXCEL'", line(text, "EXCEL")),
        ("procedures[SOP-1].positions[1]", "no position with key 'CFO'", line(text, "key: SOP-1")),
        (
            "employees[E1].assignments[0].position",
            "no position with key 'CFO'",
            line(text, "start: 2026-01-01"),
        ),
        (
            "handovers[H1].items[1].ref",
            "no responsibility with key 'FIN-MGR-1-1-2'",
            line(text, "FIN-MGR-1-1-2"),
        ),
        ("handovers[H1].items[2].ref", "no relation with key 'BANK'", line(text, "BANK")),
        ("handovers[H1].items[4].successor", "no employee with key 'E2'", line(text, "ref: T1")),
        ("handovers[H1].items[4].ref", "no plan item with key 'T1'", line(text, "ref: T1")),
    ]


def test_integer_ranges():
    text = doc("""\
        plan:
        - {key: T, title: Task, importance: 0, urgency: 6, progress: 101}
        risks:
        - {key: R, title: Fire, likelihood: 5, impact: 9}
        skills:
        - {key: S, name: Excel}
        positions:
        - key: P
          title: Clerk
          skills:
          - {skill: S, level: 7}
        values:
          choices:
          - {value: wealth, rank: 0}
        """).replace("name: Acme", "name: Acme\n  fiscal_year_start: 13")
    assert problems(text) == [
        ("organization.fiscal_year_start", "must be between 1 and 12, got 13", 4),
        ("plan[T].importance", "must be between 1 and 5, got 0", line(text, "key: T")),
        ("plan[T].urgency", "must be between 1 and 5, got 6", line(text, "key: T")),
        ("plan[T].progress", "must be between 0 and 100, got 101", line(text, "key: T")),
        ("risks[R].impact", "must be between 1 and 5, got 9", line(text, "key: R")),
        ("positions[P].skills[0].level", "must be between 1 and 5, got 7", line(text, "level: 7")),
        ("values.choices[0].rank", "must be at least 1, got 0", line(text, "rank: 0")),
    ]


def test_the_organization_section():
    text = """\
remit: 1
organization:
  name: Acme
  language: fr
  currency: euro
  slug: acme corp
values:
  visibility: everyone
  choices:
  - {value: wealth, rank: 1}
  - {value: wealth, rank: 2}
"""
    assert problems(text) == [
        ("organization.language", "unknown value 'fr': use one of en, zh-hans", 4),
        (
            "organization.currency",
            "expected a three-letter currency code in capitals, such as EUR, USD or CNY, got 'euro'",
            5,
        ),
        (
            "organization.slug",
            "expected a short name of letters, digits, '-' and '_' (it becomes part of web addresses), got 'acme corp'",
            6,
        ),
        ("values.visibility", "unknown value 'everyone': use one of owners, admins, managers", 8),
        (
            "values.choices[1].value",
            "'wealth' appears more than once: each value choice needs its own value",
            11,
        ),
    ]


def test_the_format_version():
    assert problems("organization: {name: Acme}\n") == [
        ("remit", "required: the format version; write 'remit: 1' at the top", 1),
    ]
    assert problems("remit: '1'\norganization: {name: Acme}\n") == [
        ("remit", "expected the format version 1, got '1'", 1),
    ]
    # Another version is another format: nothing else is checked.
    assert problems("organization: {nam: Acme}\nremit: 2\npositions: 3\n") == [
        ("remit", "unsupported format version 2: this version of Remit reads version 1", 2),
    ]


def test_content_must_be_plain_data():
    text = doc("""\
        positions: [{key: P, title: Clerk}]
        job_descriptions:
        - key: JD
          position: P
          version: 1
          approved_on: 2026-01-01
          content:
            score: .inf
            1: one
        """)
    assert problems(text) == [
        (
            "job_descriptions[JD].content.score",
            "expected plain data, got the number inf",
            line(text, "score"),
        ),
        (
            "job_descriptions[JD].content.1",
            "a field name must be text, got the number 1",
            line(text, "1: one"),
        ),
    ]


def test_a_broken_file_reports_every_problem_in_file_order():
    text = doc("""\
        positons: []
        departments:
        - {key: FIN, name: Finance, parent: HQ}
        positions:
        - key: FIN-MGR
          title: Finance manager
          department: FIN
          reports_to: CEO2
          headcount: two
          result_areas:
          - title: Books
            weight: heavy
            targets:
            - statement: Close
              period: monthlyish
              deadline: soon
              responsibilities:
              - statment: Reconcile
        - key: FIN-MGR
          title: Twin
        - key: bad key
          title: X
        plan:
        - {key: T1, title: Task, importance: 9, owner: NOBODY}
        finance:
        - {key: F1, period: March, category: Rent}
        """)
    found = problems(text)
    assert [(path, at) for path, _m, at in found] == [
        ("positons", line(text, "positons")),
        ("departments[FIN].parent", line(text, "parent: HQ")),
        ("positions[FIN-MGR].reports_to", line(text, "CEO2")),
        ("positions[FIN-MGR].headcount", line(text, "headcount")),
        ("positions[FIN-MGR].result_areas[0].weight", line(text, "weight")),
        ("positions[FIN-MGR].result_areas[0].targets[0].period", line(text, "monthlyish")),
        ("positions[FIN-MGR].result_areas[0].targets[0].deadline", line(text, "soon")),
        (
            "positions[FIN-MGR].result_areas[0].targets[0].responsibilities[0].statment",
            line(text, "statment"),
        ),
        (
            "positions[FIN-MGR].result_areas[0].targets[0].responsibilities[0].statement",
            line(text, "statment"),
        ),
        ("positions[1].key", line(text, "key: FIN-MGR", 2)),
        ("positions[2].key", line(text, "bad key")),
        ("plan[T1].importance", line(text, "key: T1")),
        ("plan[T1].owner", line(text, "key: T1")),
        ("finance[F1].period", line(text, "key: F1")),
    ]


def test_problems_in_json_have_paths_and_lines():
    text = """{
  "remit": 1,
  "organization": {"name": "Acme"},
  "positions": [
    {"key": "CEO", "title": "Chief"},
    {
      "key": "FIN-MGR",
      "title": "Finance manager",
      "reports_to": "CEO2",
      "title": "Duplicate"
    }
  ]
}
"""
    assert problems(text, "json") == [
        ("positions[FIN-MGR].reports_to", "no position with key 'CEO2'", 9),
        ("positions[FIN-MGR].title", "the field 'title' is written more than once: keep one", 10),
    ]


def test_text_that_is_not_json():
    assert problems('{"remit": 1,\n "organization": {"name": "Acme"},\n}', "json") == [
        ("", "this is not valid JSON: Illegal trailing comma before end of object", 2),
    ]
    assert problems("", "json")[0][1].startswith("this is not valid JSON")


def test_unknown_kind_of_file(tmp_path):
    path = tmp_path / "company.txt"
    path.write_text("remit: 1\n")
    with pytest.raises(OrgFileError) as info:
        orgfile.load_path(path)
    assert info.value.problems == [
        Problem("", "unknown kind of file '.txt': use .yaml, .yml or .json", None, str(path))
    ]
    latin = tmp_path / "company.yaml"
    latin.write_bytes("remit: 1\norganization: {name: Café}\n".encode("latin-1"))
    with pytest.raises(OrgFileError, match="not UTF-8"):
        orgfile.load_path(latin)


def test_an_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        orgfile.load("remit: 1", format="xml")
