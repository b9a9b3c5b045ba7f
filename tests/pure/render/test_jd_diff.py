"""Comparing two versions of a job description marks what was added, removed and changed."""

import dataclasses
import re
from decimal import Decimal

import pytest

from remit.domain import duties as d
from remit.domain import people as p
from remit.render.jd_diff import WordOp, diff, render_diff_html_fragment, word_diff
from remit.render.jobdesc import JobDescription, assemble

from .test_jd_documents import parse
from .test_jobdesc import ON, finance_org


def replace(obj, **changes):
    return dataclasses.replace(obj, **changes)


@pytest.fixture(scope="module")
def versions() -> tuple[JobDescription, JobDescription]:
    org = finance_org()
    old = assemble(org, "FIN-MGR", on=ON)
    pos = org.positions["FIN-MGR"]
    a1, a2, a3, a4, _a5 = pos.result_areas
    t11 = a1.targets[0]
    t11 = replace(
        t11,
        statement="The annual budget is approved by the board before the fiscal year starts",
        responsibilities=(
            *t11.responsibilities,
            d.Responsibility(
                "FA-1-1-3", "Publish the approved budget to every manager", d.Frequency.YEARLY
            ),
        ),
    )
    a1 = replace(a1, weight=Decimal(30), targets=(t11, a1.targets[1]))
    # a new key, the same title: still the same area
    a3 = replace(a3, key="COST", targets=tuple(replace(t, key=f"COST-{t.key}") for t in a3.targets))
    # the same key, a new title: still the same area
    a4 = replace(a4, title="Tax, compliance and audit", weight=Decimal(10))
    treasury = d.ResultArea(
        "FA-6",
        "Treasury",
        Decimal(15),
        targets=(d.Target("FA-6-1", "Cash covers 60 days of operations", "days of cash", "≥ 60"),),
    )
    pos = replace(
        pos,
        department="MGT",
        purpose=replace(pos.purpose, content=pos.purpose.content.replace("lead", "develop")),
        result_areas=(a1, a2, a3, a4, treasury),
        skills=(*pos.skills[:-1], p.PositionSkill("PS6", "SK-ERP2", 2)),
    )
    org = replace(
        org,
        positions={**org.positions, "FIN-MGR": pos},
        skills={**org.skills, "SK-ERP2": p.Skill("SK-ERP2", "Treasury management system")},
    )
    return old, assemble(org, "FIN-MGR", on=ON)


def section(result, sid):
    return next(s for s in result.sections if s.id == sid)


def test_word_diff_marks_inserted_and_deleted_words():
    ops = word_diff("Close the books by day 5", "Close the monthly books by day 4")
    assert ops == (
        WordOp("same", "Close the"),
        WordOp("ins", " monthly"),
        WordOp("same", " books by day "),
        WordOp("del", "5"),
        WordOp("ins", "4"),
    )
    # Chinese is compared character by character
    assert word_diff("月度结账", "年度结账") == (
        WordOp("del", "月"),
        WordOp("ins", "年"),
        WordOp("same", "度结账"),
    )


def test_identity_and_purpose_changes(versions):
    result = diff(*versions)
    fields = {f.label: f for f in section(result, "identity").fields}
    assert fields["Department"].status == "changed"
    assert (fields["Department"].old, fields["Department"].new) == (
        "Finance (FIN)",
        "Management (MGT)",
    )
    assert fields["Title"].status == "same"
    content = next(f for f in section(result, "purpose").fields if f.label == "Work content")
    assert content.status == "changed"
    assert WordOp("del", "lead") in content.words and WordOp("ins", "develop") in content.words


def test_areas_are_matched_by_key_then_title(versions):
    areas = section(diff(*versions), "areas").items
    assert [(a.key, a.status) for a in areas] == [
        ("FA-1", "changed"),
        ("FA-2", "same"),
        ("COST", "same"),  # the new key is matched by its unchanged title
        ("FA-4", "changed"),
        ("FA-5", "removed"),
        ("FA-6", "added"),
    ]
    fa1, _, _, fa4, fa5, fa6 = areas
    weight = next(f for f in fa1.fields if f.label == "Weight")
    assert (weight.old, weight.new, weight.status) == ("25 %", "30 %", "changed")
    assert (fa4.old_title, fa4.new_title) == ("Tax and compliance", "Tax, compliance and audit")
    target = fa1.children[0]
    assert target.status == "changed"
    statement = target.fields[0]
    assert statement.status == "changed"
    assert [w.text.strip() for w in statement.words if w.op == "ins"] == ["by the board"]
    assert [(r.key, r.status) for r in target.children] == [
        ("FA-1-1-1", "same"),
        ("FA-1-1-2", "same"),
        ("FA-1-1-3", "added"),
    ]
    assert fa5.children[0].status == "removed"
    assert fa6.children[0].status == "added"


def test_lists_and_counts(versions):
    result = diff(*versions)
    skills = section(result, "skills").items
    assert [(s.key, s.status) for s in skills][-2:] == [
        ("SK-LEAD", "removed"),
        ("SK-ERP2", "added"),
    ]
    assert not section(result, "controls").changed
    assert result.changed
    assert result.count("added") >= 4 and result.count("removed") >= 2
    assert not diff(versions[0], versions[0]).changed


def test_diff_fragment_is_side_by_side_without_style_or_script(versions):
    html = render_diff_html_fragment(diff(*versions), old_label="Version 2", new_label="Version 3")
    tree = parse(html)
    assert "style" not in tree.seen and "script" not in tree.seen
    assert not re.search(r"\sstyle\s*=", html)
    assert '<th scope="col" class="diff-old">Version 2</th>' in html
    for css_class in ("diff-added", "diff-removed", "diff-changed"):
        assert css_class in html
    assert "<ins>by the board </ins>" in html
    assert "<del>lead</del>" in html and "<ins>develop</ins>" in html
    assert "Treasury" in html and "Team leadership" in html
    assert "diff-controls" not in html  # unchanged sections are left out
    assert "Light List" not in html


def test_diff_fragment_translates_and_says_when_nothing_changed(versions):
    same = render_diff_html_fragment(diff(versions[0], versions[0]), t=lambda s: f"«{s}»")
    assert "«No changes.»" in same and "«Before»" not in same
    html = render_diff_html_fragment(diff(*versions), t=lambda s: f"«{s}»")
    assert "«Key result areas»" in html and "«added»" in html and "«Weight»" in html
