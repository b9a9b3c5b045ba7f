"""The responsibility library: the O*NET import, search, the pages and `remit library`.

The real O*NET 30.1 files come from the shared data folder (../shared/data next to
the repository); without it those tests skip, except under CI=true, where they
fail. The other tests write a small O*NET directory of their own.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from remit.accounts.models import AuditEvent
from remit.org.actions.library import LibraryImportError, library_import_onet
from remit.org.models import LibraryOccupation, LibraryTask
from remit.org.queries import library as queries

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ATTRIBUTION = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license."
)


def real_onet() -> Path:
    path = DATA / "onet"
    if not (path / "Task Statements.txt").exists():
        message = f"the shared O*NET files are absent ({path} not found)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": under CI=true they must be there")
        pytest.skip(message)
    return path


FILES = {
    "Occupation Data.txt": [
        ("O*NET-SOC Code", "Title", "Description"),
        ("11-3031.00", "Financial Managers", "Plan, direct, or coordinate accounting."),
        ("11-3031.01", "Treasurers and Controllers", "Direct financial activities."),
        ("47-2031.00", "Carpenters", "Construct and repair structures."),
    ],
    "Task Statements.txt": [
        ("O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding"),
        ("11-3031.00", "101", "Prepare the annual budget and budget reports.", "Core", "9"),
        ("11-3031.00", "102", "Approve budget expenditures of departments.", "Supplemental", "9"),
        ("11-3031.01", "201", "Prepare financial statements, budgets and forecasts.", "Core", "9"),
        ("11-3031.01", "202", 'Coordinate "right-to-know" reporting of debts.', "n/a", "n/a"),
        ("47-2031.00", "301", "Measure and mark cutting lines on materials.", "Core", "9"),
        ("47-2031.00", "302", "Build budget-friendly wooden frames.", "Core", "9"),
    ],
    "Tasks to DWAs.txt": [
        ("O*NET-SOC Code", "Task ID", "DWA ID", "Date"),
        ("11-3031.00", "101", "D2", "07/2014"),
        ("11-3031.00", "101", "D1", "07/2014"),
        ("47-2031.00", "301", "D3", "07/2014"),
    ],
    "DWA Reference.txt": [
        ("Element ID", "IWA ID", "DWA ID", "DWA Title"),
        ("4.A", "4.A.1", "D1", "Prepare financial documents."),
        ("4.A", "4.A.1", "D2", "Prepare operational budgets."),
        ("4.A", "4.A.2", "D3", "Measure materials or objects for installation or assembly."),
    ],
}


def write_onet(folder: Path, files=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (files or FILES).items():
        text = "\r\n".join("\t".join(r) for r in rows) + "\r\n"
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def mini(tmp_path, db):
    folder = write_onet(tmp_path / "onet")
    library_import_onet(directory=folder)
    return folder


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # CommandError carries the exit code scripts see
        code = getattr(exc, "returncode", 1)
        err.write(str(exc))
    return code, out.getvalue(), err.getvalue()


# --- the import ---------------------------------------------------------------------------


def test_the_real_onet_files_import_in_full_and_again_change_nothing(
    db, django_assert_max_num_queries
):
    folder = real_onet()
    report = library_import_onet(directory=folder)
    assert report["occupations"] == {"created": 1016, "updated": 0, "deleted": 0, "unchanged": 0}
    assert report["tasks"] == {"created": 18796, "updated": 0, "deleted": 0, "unchanged": 0}
    assert report["core_tasks"] == 13643
    assert report["activity_links"] == 23850
    assert LibraryOccupation.objects.count() == 1016
    assert LibraryTask.objects.count() == 18796
    assert LibraryTask.objects.filter(core=True).count() == 13643
    ceo = LibraryTask.objects.get(occupation__code="11-1011.00", source_id="8823")
    assert ceo.statement.startswith("Direct or coordinate an organization's financial")
    assert ceo.activities == "Direct financial operations."
    quoted = LibraryTask.objects.get(source_id="15287")  # a statement with quotes in it
    assert (
        quoted.statement == 'Conduct "head counts" to help predict the outcome of upcoming votes.'
    )
    assert quoted.core is False  # task type n/a
    events = AuditEvent.objects.filter(entity_type="librarytask").count()
    assert events == 1

    # Idempotent, and in a handful of bulk statements (not one per task).
    with django_assert_max_num_queries(12):
        again = library_import_onet(directory=folder)
    assert again["changes"] == 0
    assert again["tasks"]["unchanged"] == 18796
    assert AuditEvent.objects.filter(entity_type="librarytask").count() == events


def test_activities_are_the_dwa_titles_one_per_line(mini):
    task = LibraryTask.objects.get(source_id="101")
    assert task.activities == "Prepare financial documents.\nPrepare operational budgets."
    assert task.core is True
    assert LibraryTask.objects.get(source_id="102").core is False
    assert LibraryTask.objects.get(source_id="202").core is False


def test_a_new_release_updates_adds_and_removes(mini, tmp_path):
    files = {k: list(v) for k, v in FILES.items()}
    tasks = files["Task Statements.txt"]
    tasks[1] = ("11-3031.00", "101", "Prepare the annual budget.", "Core", "9")
    del tasks[5]  # task 301 is gone
    tasks.append(("47-2031.00", "303", "Install doors and windows.", "Core", "9"))
    files["Tasks to DWAs.txt"] = files["Tasks to DWAs.txt"][:3]
    report = library_import_onet(directory=write_onet(tmp_path / "next", files))
    assert report["tasks"] == {"created": 1, "updated": 1, "deleted": 1, "unchanged": 4}
    assert LibraryTask.objects.get(source_id="101").statement == "Prepare the annual budget."
    assert not LibraryTask.objects.filter(source_id="301").exists()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f.pop("DWA Reference.txt"), ["DWA Reference.txt: file not found in"]),
        (
            lambda f: f.__setitem__(
                "Task Statements.txt",
                [
                    ("O*NET-SOC Code", "Task ID", "Task"),
                    *[r[:3] for r in f["Task Statements.txt"][1:]],
                ],
            ),
            ["Task Statements.txt, line 1: missing column 'Task Type'"],
        ),
        (
            lambda f: f["Task Statements.txt"].insert(2, ("11-3031.00", "150", "Too short")),
            ["Task Statements.txt, line 3: 3 fields, but the header has 5"],
        ),
        (
            lambda f: f["Task Statements.txt"].append(("99-0000.00", "999", "Orphan", "Core", "1")),
            ["Task Statements.txt, line 8: occupation 99-0000.00 is not in Occupation Data.txt"],
        ),
        (
            lambda f: f["Task Statements.txt"].append(("47-2031.00", "302", "Twice", "Core", "1")),
            ["Task Statements.txt, line 8: task 302 of 47-2031.00 appears twice"],
        ),
        (
            lambda f: f["Tasks to DWAs.txt"].append(("47-2031.00", "301", "D9", "07/2014")),
            ["Tasks to DWAs.txt, line 5: DWA D9 is not in DWA Reference.txt"],
        ),
    ],
)
def test_broken_files_are_reported_by_file_and_line_and_nothing_is_written(
    db, tmp_path, change, expected
):
    files = {k: list(v) for k, v in FILES.items()}
    change(files)
    folder = write_onet(tmp_path / "broken", files)
    with pytest.raises(LibraryImportError) as exc:
        library_import_onet(directory=folder)
    assert len(exc.value.problems) == len(expected)
    for problem, start in zip(exc.value.problems, expected, strict=True):
        assert problem.startswith(start), problem
    assert LibraryOccupation.objects.count() == 0
    assert LibraryTask.objects.count() == 0


def test_every_problem_is_listed_not_only_the_first(db, tmp_path):
    files = {k: list(v) for k, v in FILES.items()}
    files["Task Statements.txt"].insert(2, ("x",))
    files["Task Statements.txt"].append(("11-3031.00", "", "No id", "Core", "1"))
    files["Task Statements.txt"].append(("11-3031.00", "103", "Odd type", "Primary", "1"))
    with pytest.raises(LibraryImportError) as exc:
        library_import_onet(directory=write_onet(tmp_path / "broken", files))
    assert exc.value.problems == [
        "Task Statements.txt, line 3: 1 fields, but the header has 5",
        "Task Statements.txt, line 9: the task id and the task must not be empty",
        "Task Statements.txt, line 10: unknown task type 'Primary' (Core, Supplemental or n/a)",
    ]


# --- search ----------------------------------------------------------------------------------


def test_search_needs_every_word_case_insensitive_and_ranks_whole_words_first(mini):
    found = queries.search("BUDGET prepare")
    statements = [t.statement for t in found.page.object_list]
    # "budget-friendly" has "budget" as a whole word too, but not "prepare".
    assert statements == [
        "Prepare the annual budget and budget reports.",
        "Prepare financial statements, budgets and forecasts.",
    ]
    assert queries.search("budget").page.paginator.count == 4
    assert queries.search("budget zebra").page.paginator.count == 0


def test_search_by_occupation_code_or_title_words(mini):
    by_code = queries.search("budget", occupation="11-3031.01")
    assert [t.source_id for t in by_code.page.object_list] == ["201"]
    by_title = queries.search("", occupation="financial managers")
    assert [o.code for o in by_title.occupations] == ["11-3031.00"]
    assert [t.source_id for t in by_title.page.object_list] == ["101", "102"]  # core first
    assert queries.search("").page.paginator.count == 0


def test_search_is_paginated(mini):
    first = queries.search("e", per_page=4)
    assert first.page.paginator.count == 6
    assert len(first.page.object_list) == 4
    second = queries.search("e", per_page=4, page=2)
    ids = {t.pk for t in first.page.object_list} | {t.pk for t in second.page.object_list}
    assert len(ids) == 6


# --- the pages ---------------------------------------------------------------------------


def test_the_page_explains_how_to_load_an_empty_library(owner_client, org):
    html = owner_client.get(reverse("org:library", args=[org.slug])).content.decode()
    assert 'data-testid="library-empty"' in html
    assert "remit library import-onet DIR" in html
    assert ATTRIBUTION in html


def test_search_page_shows_tasks_occupations_and_activities(
    owner_client, org, mini, django_assert_max_num_queries
):
    url = reverse("org:library", args=[org.slug])
    with django_assert_max_num_queries(10):
        r = owner_client.get(url, {"q": "budget prepare"})
    html = r.content.decode()
    assert r.status_code == 200
    assert "Prepare the annual budget and budget reports." in html
    assert "Financial Managers" in html and "11-3031.00" in html
    assert "Prepare operational budgets." in html  # its work activities
    assert reverse("org:library_occupation", args=[org.slug, "11-3031.00"]) in html
    assert ATTRIBUTION in html
    html = owner_client.get(url, {"q": "zebra"}).content.decode()
    assert "No task matches" in html
    html = owner_client.get(url, {"occupation": "carpenters"}).content.decode()
    assert "Measure and mark cutting lines" in html


def test_occupation_page_lists_its_tasks(client, org, mini, make_user, member_of):
    viewer = make_user("viewer@example.com")
    member_of(viewer, org, "viewer")
    client.force_login(viewer)  # reference data: every member may read it
    r = client.get(reverse("org:library_occupation", args=[org.slug, "11-3031.00"]))
    html = r.content.decode()
    assert r.status_code == 200
    assert "Financial Managers" in html
    assert html.index("Prepare the annual budget") < html.index("Approve budget expenditures")
    assert ATTRIBUTION in html
    missing = client.get(reverse("org:library_occupation", args=[org.slug, "00-0000.00"]))
    assert missing.status_code == 404


def test_the_positions_page_links_to_the_library(owner_client, org):
    html = owner_client.get(reverse("org:duties", args=[org.slug])).content.decode()
    assert reverse("org:library", args=[org.slug]) in html
    assert reverse("org:import_upload", args=[org.slug]) in html


# --- the command ---------------------------------------------------------------------------


def test_command_imports_and_searches(db, tmp_path):
    folder = write_onet(tmp_path / "onet")
    code, out, _err = run("library", "import-onet", str(folder))
    assert code == 0
    assert "3 occupations, 6 tasks (4 core), 3 task-activity links" in out
    assert ATTRIBUTION in out
    code, out, _ = run("library", "import-onet", str(folder), "--format", "json")
    assert code == 0 and json.loads(out)["changes"] == 0

    code, out, _ = run("library", "search", "budget", "--limit", "1", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["count"] == 4
    assert [t["task_id"] for t in data["tasks"]] == ["101"]
    assert data["tasks"][0]["activities"] == [
        "Prepare financial documents.",
        "Prepare operational budgets.",
    ]
    code, out, _ = run("library", "search", "cutting", "--occupation", "47-2031.00")
    assert code == 0
    assert "47-2031.00  Carpenters  [301]" in out


def test_command_exit_codes(db, tmp_path):
    files = {k: list(v) for k, v in FILES.items()}
    files.pop("Occupation Data.txt")
    broken = write_onet(tmp_path / "broken", files)
    code, _out, err = run("library", "import-onet", str(broken))
    assert code == 1
    assert "Occupation Data.txt: file not found" in err
    assert run("library", "import-onet", str(tmp_path / "nowhere"))[0] == 2
    assert run("library", "search")[0] == 2
    assert run("library", "search", "x", "--limit", "0")[0] == 2


@pytest.mark.nodb
def test_a_missing_subcommand_is_a_usage_error(tmp_path):
    env = {**os.environ, "REMIT_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "remit", "library"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert "import-onet" in result.stderr
