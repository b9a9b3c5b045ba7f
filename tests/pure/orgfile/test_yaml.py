"""YAML is read safely: no aliases, no object tags, no depth bombs; one clear problem each."""

import time
import tracemalloc
from decimal import Decimal

import pytest

from remit import orgfile
from remit.domain.organization import Organization
from remit.domain.people import Department
from remit.orgfile import OrgFileError, _yaml

from .test_roundtrip import CHINESE

BILLION_LAUGHS = """\
remit: 1
organization: {name: Acme}
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def only_problem(text: str) -> tuple[str, str, int | None]:
    with pytest.raises(OrgFileError) as info:
        orgfile.load(text)
    (problem,) = info.value.problems
    return problem.path, problem.message, problem.line


def test_aliases_are_refused():
    text = "remit: 1\norganization: &org {name: Acme}\ncopy: *org\n"
    assert only_problem(text) == (
        "",
        "YAML aliases (*org) are not supported: write the value out in full",
        3,
    )


def test_an_alias_bomb_is_refused_at_once_and_small():
    tracemalloc.start()
    start = time.perf_counter()
    _path, message, at = only_problem(BILLION_LAUGHS)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (message, at) == ("YAML aliases (*a) are not supported: write the value out in full", 4)
    assert elapsed < 5 and peak < 5_000_000  # refused at the first alias: nothing expands


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object/apply:os.system ['true']", "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!timestamp 2026-01-01", "!!timestamp"),
        ("!custom x", "!custom"),
        ("!!set {a, b}", "!!set"),
    ],
)
def test_tags_that_construct_objects_are_refused(value, tag):
    text = f"remit: 1\norganization: {{name: Acme}}\nx: {value}\n"
    assert only_problem(text) == (
        "",
        f"the YAML tag {tag} is not supported: write plain values",
        3,
    )


def test_plain_tags_are_read():
    data, _dups = _yaml.read(
        "a: !!str 12\nb: !!int '7'\nc: !!float 1.5\nd: !!bool yes\ne: !!null ''\n"
    )
    assert data == {"a": "12", "b": 7, "c": Decimal("1.5"), "d": True, "e": None}
    assert only_problem("x: !!int seven\n")[1:] == ("'seven' is not a valid !!int", 1)


def test_deep_nesting_is_refused_without_crashing():
    deep = "remit: 1\nx: " + "[" * 200_000 + "]" * 200_000 + "\n"
    assert only_problem(deep) == ("", "the document is nested more than 100 levels deep", 2)


def test_one_document_only():
    text = "remit: 1\norganization: {name: Acme}\n---\nremit: 1\n"
    assert only_problem(text) == (
        "",
        "the file holds more than one YAML document ('---'): keep one",
        3,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty: it needs at least 'remit: 1' and the organization's name"),
        (
            "# nothing yet\n",
            "the file is empty: it needs at least 'remit: 1' and the organization's name",
        ),
        (
            "- remit: 1\n",
            "the file must be a mapping of sections (remit, organization, positions …), got a list",
        ),
        (
            "Acme\n",
            "the file must be a mapping of sections (remit, organization, positions …), got 'Acme'",
        ),
    ],
)
def test_a_file_that_is_not_a_mapping(text, message):
    assert only_problem(text) == ("", message, 1)


@pytest.mark.parametrize(
    ("text", "message", "at"),
    [
        (
            "remit: 1\norganization: {name: Acme\npositions: []\n",
            "this is not valid YAML: did not find expected ',' or '}'",
            3,
        ),
        (
            "remit: 1\norganization:\n\tname: Acme\n",
            "this is not valid YAML: found character that cannot start any token",
            3,
        ),
        (
            "remit: 1\norganization:\n  name: A\n name: B\n",
            "this is not valid YAML: did not find expected key",
            4,
        ),
        (
            "remit: 1\n? [a, b]\n: c\n",
            "a mapping key must be a plain value, not a list or a mapping",
            2,
        ),
        (
            "remit: 1\nx: a\x07b\n",
            "this is not valid YAML: control characters are not allowed (character #x0007)",
            2,
        ),
    ],
)
def test_text_that_is_not_yaml_is_one_problem_with_its_line(text, message, at):
    assert only_problem(text) == ("", message, at)


def test_duplicate_fields_are_reported_with_their_line():
    text = "remit: 1\norganization:\n  name: Acme\n  currency: EUR\n  name: Acme AG\n"
    assert only_problem(text) == (
        "organization.name",
        "the field 'name' is written more than once: keep one",
        5,
    )


def test_dates_are_text_until_a_date_is_expected():
    text = "remit: 1\norganization: {name: Acme}\nlessons:\n- {key: L, date: 2026-01-05, lesson: 2026-01-05}\n"
    lesson = orgfile.load(text).lessons["L"]
    assert lesson.lesson == "2026-01-05"
    assert str(lesson.date) == "2026-01-05"


def test_yaml_words_for_true_and_false_need_quotes_in_text():
    text = "remit: 1\norganization: {name: Acme}\nskills:\n- {key: S, name: no}\n"
    assert only_problem(text) == (
        "skills[S].name",
        "expected text, got false: put it in quotes to write it as text",
        4,
    )


def test_numbers_are_read_exactly():
    data, _dups = _yaml.read("a: 0.1\nb: 1_000\nc: 0x1f\nd: 1:30\ne: -0.5e+3\nf: .inf\n")
    assert data == {
        "a": Decimal("0.1"),
        "b": 1000,
        "c": 31,
        "d": 90,
        "e": Decimal("-500"),
        "f": float("inf"),
    }


def test_texts_that_look_like_other_values_are_quoted_when_written():
    names = ["yes", "null", "1.5", "2026-01-01", "- x", "a: b", "#x", "", "<<", " x"]
    org = Organization(
        "Acme",
        departments={
            f"D{i}": Department(f"D{i}", n or "x", function=n) for i, n in enumerate(names)
        },
    )
    text = orgfile.dump(org)
    assert "name: 'yes'\n" in text and "name: '2026-01-01'\n" in text and "name: '1.5'\n" in text
    assert orgfile.load(text) == org


def test_text_that_is_not_unicode_is_one_problem():
    assert only_problem("remit: 1\norganization: {name: \ud800}\n") == (
        "",
        "the text holds characters that are not valid Unicode",
        2,
    )
    with pytest.raises(OrgFileError, match="lone surrogate"):
        orgfile.load('{"remit": 1, "organization": {"name": "\\ud800"}}', format="json")
    emoji = orgfile.load('{"remit": 1, "organization": {"name": "\\ud83c\\udf89"}}', format="json")
    assert emoji.name == "🎉"


def test_deep_json_is_refused_without_crashing():
    with pytest.raises(OrgFileError, match="nested too deeply"):
        orgfile.load("[" * 200_000 + "]" * 200_000, format="json")
    content = '{"a": ' * 60 + "1" + "}" * 60
    text = f"""{{"remit": 1, "organization": {{"name": "Acme"}}, "positions": [{{"key": "P", "title": "T"}}],
    "job_descriptions": [{{"key": "J", "position": "P", "version": 1, "approved_on": "2026-01-01", "content": {content}}}]}}"""
    with pytest.raises(OrgFileError, match="nested more than 50 levels deep"):
        orgfile.load(text, format="json")


def test_without_libyaml_the_python_parser_and_emitter_give_the_same(monkeypatch):
    text = orgfile.dump(orgfile.load(CHINESE))
    fast = _yaml.read(text)
    monkeypatch.setattr(_yaml, "_Parser", _yaml.PyParser)
    monkeypatch.setattr(_yaml, "_Emitter", _yaml.Emitter)
    assert _yaml.read(text) == fast
    assert _yaml.write(fast[0]) == text
    assert only_problem(BILLION_LAUGHS)[1:] == (
        "YAML aliases (*a) are not supported: write the value out in full",
        4,
    )
    assert only_problem("remit: 1\norganization: {name: Acme\n")[1:] == (
        "this is not valid YAML: expected ',' or '}', but got '<stream end>'",
        3,
    )
