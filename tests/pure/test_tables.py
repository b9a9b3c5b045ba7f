"""Tables from CSV and XLSX: reading, limits, column matching, row checks, safe writing.

No database: ``remit.orgfile.tables`` is pure. The real files come from the shared
data folder (../shared/data next to the repository); without it these tests skip,
except under CI=true, where they fail (the data is always there in CI).
"""

import codecs
import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from remit.orgfile import tables as t

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def real(relative: str) -> Path:
    path = DATA / relative
    if not path.exists():
        message = f"the shared real-world data is absent ({path} not found)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": under CI=true it must be there")
        pytest.skip(message)
    return path


def csv_table(text: str, name: str = "company.csv", encoding: str = "utf-8") -> t.Table:
    return t.read_table(text.encode(encoding), name)


def xlsx_bytes(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Posts"
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems_of(kind, table, mapping, existing=None, **kw) -> list[tuple]:
    with pytest.raises(t.TableProblems) as exc:
        t.prepare(kind, table, mapping, existing or t.Existing(), **kw)
    return [(p.row, p.field, p.message) for p in exc.value.problems]


# --- reading CSV ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Title,Dept\nCafé manager,Küche\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Title,Dept\nCafé manager,Küche\n".encode(), "utf-8-sig"),
        ("Title,Dept\nCafé manager,Küche\n".encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + "Title,Dept\nCafé manager,Küche\n".encode("utf-16-le"), "utf-16"),
    ],
)
def test_csv_encodings_are_detected(data, encoding):
    table = t.read_table(data, "x.csv")
    assert table.encoding == encoding
    assert table.headers == ("Title", "Dept")
    assert table.rows[0].cells == ("Café manager", "Küche")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ('"x;y",b,c\n1,2,3\n', ","),  # a delimiter inside quotes does not count
    ],
)
def test_csv_delimiter_is_detected_from_the_header(text, delimiter):
    table = csv_table(text)
    assert table.delimiter == delimiter
    assert len(table.headers) == 3
    assert len(table.rows[0].cells) == 3


def test_csv_rows_keep_the_numbers_a_spreadsheet_shows():
    text = 'Title,Note\n\nClerk,"two\nlines"\n,\nCook,x\n'
    table = csv_table(text)
    # Row 1 header, row 2 empty (skipped), row 3 spans two lines, row 4 empty cells.
    assert [(r.number, r.cells) for r in table.rows] == [
        (3, ("Clerk", "two\nlines")),
        (5, ("Cook", "x")),
    ]


def test_headers_are_unique_and_never_empty():
    table = csv_table("Name,,Name\n1,2,3\n")
    assert table.headers == ("Name", "Column 2", "Name (2)")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "x.csv", "no header row"),
        (b"\n\n  \n", "x.csv", "no header row"),
        (b"a,b\x00c\n", "x.csv", "binary data"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls", "Old Excel files"),
        (b"title\nnot really a spreadsheet\n", "posts.xlsx", "not an XLSX file"),
    ],
)
def test_unreadable_files_say_why(data, name, message):
    with pytest.raises(t.TableError, match=message):
        t.read_table(data, name)


def test_the_packed_size_is_limited():
    data = b"title\n" + b"Clerk\n" * 1000
    with pytest.raises(t.TableError, match="the limit is 100 bytes"):
        t.read_table(data, "x.csv", limits=t.Limits(max_bytes=100))


def test_row_and_column_counts_are_limited():
    with pytest.raises(t.TableError, match="more than 3 rows"):
        t.read_table(b"a\n1\n2\n3\n4\n", "x.csv", limits=t.Limits(max_rows=3))
    with pytest.raises(t.TableError, match="4 columns; the limit is 3"):
        t.read_table(b"a,b,c,d\n", "x.csv", limits=t.Limits(max_columns=3))


# --- reading XLSX -----------------------------------------------------------------------


def test_xlsx_cells_become_text_with_their_row_numbers():
    data = xlsx_bytes(
        [
            ["Post Unique Reference", "Job Title", "FTE", "Start"],
            [163901.0, "Director", 1.0, dt.datetime(2024, 3, 1)],
            [],
            ["00163902", "Deputy", 0.5, dt.date(2024, 4, 2)],
            [None, None, None, None],
            ["A3", True, 2, dt.datetime(2024, 5, 3, 9, 30)],
        ]
    )
    table = t.read_table(data, "posts.xlsx")
    assert table.sheet == "Posts"
    assert table.headers == ("Post Unique Reference", "Job Title", "FTE", "Start")
    assert [(r.number, r.cells) for r in table.rows] == [
        (2, ("163901", "Director", "1", "2024-03-01")),
        (4, ("00163902", "Deputy", "0.5", "2024-04-02")),
        (6, ("A3", "true", "2", "2024-05-03 09:30:00")),
    ]


def test_xlsx_named_sheet():
    book = openpyxl.Workbook()
    book.active.append(["ignored"])
    other = book.create_sheet("Staff")
    other.append(["Key", "Name"])
    other.append(["E1", "Ada"])
    out = io.BytesIO()
    book.save(out)
    table = t.read_table(out.getvalue(), "x.xlsx", sheet="Staff")
    assert table.rows[0].cells == ("E1", "Ada")
    with pytest.raises(t.TableError, match="no sheet named"):
        t.read_table(out.getvalue(), "x.xlsx", sheet="Nope")


def zip_with(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    # 60 MB of zeros deflate to about 60 KB: a ratio near 1000.
    bomb = zip_with({"xl/worksheets/sheet1.xml": b"0" * (60 * t.MiB)})
    assert len(bomb) < t.MiB
    with pytest.raises(t.TableError, match="zip bomb"):
        t.read_table(bomb, "bomb.xlsx")


def test_the_unpacked_size_is_limited():
    # Incompressible content: the ratio is fine, the unpacked total is not.
    members = {f"xl/m{i}.bin": os.urandom(300_000) for i in range(4)}
    data = zip_with(members)
    with pytest.raises(t.TableError, match=r"unpacks to 1\.1 MB; the limit is 1\.0 MB"):
        t.read_table(data, "big.xlsx", limits=t.Limits(max_unpacked_bytes=t.MiB))
    with pytest.raises(t.TableError, match="cannot be read"):  # within limits, not a workbook
        t.read_table(data, "big.xlsx")


def test_an_archive_with_too_many_members_is_refused():
    data = zip_with({f"m{i}": b"x" for i in range(30)})
    with pytest.raises(t.TableError, match="30 members"):
        t.check_zip(data, t.Limits(max_members=20))


def test_a_real_workbook_passes_the_zip_checks():
    data = xlsx_bytes([["Title"], *[[f"Clerk {i}"] for i in range(2000)]])
    t.check_zip(data)
    assert len(t.read_table(data, "x.xlsx").rows) == 2000


# --- writing safely -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Finance manager", "Finance manager"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, -5),
        (1.5, 1.5),
        (None, None),
    ],
)
def test_escape_cell(value, escaped):
    assert t.escape_cell(value) == escaped


def test_csv_bytes_escapes_every_cell_and_reads_back():
    data = t.csv_bytes([["title", "note"], ["=cmd|' /C calc'!A0", "@x"], ["Clerk", None]])
    assert data.startswith(codecs.BOM_UTF8)
    table = t.read_table(data, "out.csv")
    assert [r.cells for r in table.rows] == [("'=cmd|' /C calc'!A0", "'@x"), ("Clerk",)]


# --- matching columns -----------------------------------------------------------------

UK_HEADERS = (
    "Post Unique Reference,Grade,Job Title,Job/Team Function,Parent Department,Organisation,"
    "Unit,Reports to Senior Post,Salary Cost of Reports (£),FTE,Actual Pay Floor (£),"
    "Actual Pay Ceiling (£),Professional/Occupational Group,Notes,Valid?,source_file"
).split(",")


def test_suggestions_for_the_uk_organograms():
    assert t.suggest_mapping(t.ORGCHART, UK_HEADERS) == {
        "Post Unique Reference": "key",
        "Grade": "grade",
        "Job Title": "title",
        "Job/Team Function": "function",
        "Unit": "department",  # not "Parent Department": each field is matched once
        "Reports to Senior Post": "reports_to",
        "FTE": "headcount",
    }


def test_suggestions_in_chinese_and_for_camel_case():
    headers = ["岗位编号", "岗位名称", "所属部门", "上级岗位", "职级", "编制人数", "备注"]
    assert t.suggest_mapping(t.POSITIONS, headers) == {
        "岗位编号": "key",
        "岗位名称": "title",
        "所属部门": "department",
        "上级岗位": "reports_to",
        "职级": "grade",
        "编制人数": "headcount",
    }
    ibm = ["Age", "Department", "EmployeeCount", "EmployeeNumber", "JobLevel", "JobRole"]
    assert t.suggest_mapping(t.EMPLOYEES, ibm) == {
        "Department": "department",
        "EmployeeNumber": "key",
        "JobRole": "position",
    }
    assert t.suggest_mapping(t.POSITIONS, ["Job Title", "Dept.", "Reports To"]) == {
        "Job Title": "title",
        "Dept.": "department",
        "Reports To": "reports_to",
    }


def test_check_mapping_lists_every_mistake():
    table = csv_table("Name,Boss,Code\nx,y,z\n")
    problems = t.check_mapping(
        t.POSITIONS, table, {"Name": "key", "Boss": "reports_to", "Code": "key", "Nope": "grade"}
    )
    assert [(p.field, p.message) for p in problems] == [
        ("grade", "the file has no column “Nope”"),
        ("key", "several columns are matched to it (“Name”, “Code”): keep one"),
        ("title", "required: match one of the file's columns to it"),
    ]
    assert str(problems[0]) == "company.csv, grade: the file has no column “Nope”"


# --- checking rows: positions and org charts ------------------------------------------


def test_every_problem_is_listed_with_row_and_field():
    table = csv_table(
        "key,title,reports_to,headcount\n"
        "CEO,General manager,,1\n"
        "FIN,,CEO,2\n"  # row 3: no title
        "bad key,Clerk,CEO,1\n"  # row 4: key with a space
        "OPS,Operations,ABC123,x\n"  # row 5: unknown boss, not a number
        "HR,HR manager,CEO,1.5\n"  # row 6: half a post
        "CEO,Chief,,1\n"  # row 7: the key again, another title
    )
    mapping = {"key": "key", "title": "title", "reports_to": "reports_to", "headcount": "headcount"}
    assert problems_of("positions", table, mapping) == [
        (3, "title", "empty: every position needs a title"),
        (
            4,
            "key",
            "“bad key” cannot be a key: use 1–64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
        ),
        (5, "headcount", "“x” is not a number of posts"),
        (5, "reports_to", "no post with reference “ABC123” in this file or the organisation"),
        (6, "headcount", "“1.5” is not a whole number"),
        (7, "key", "“CEO” is also on row 2, with another title"),
    ]
    with pytest.raises(t.TableProblems) as exc:
        t.prepare("positions", table, mapping)
    assert str(exc.value.problems[3]) == (
        "company.csv, row 5, reports_to: no post with reference “ABC123” in this file or the "
        "organisation"
    )


def test_reports_to_resolves_in_the_file_then_the_organisation():
    existing = t.Existing(positions={"BOARD": t.ExistingPosition("Board", None, None)})
    table = csv_table("key,title,reports_to\nCEO,Chief,BOARD\nCFO,Finance,CEO\nCOO,Ops,XX\n")
    plan = t.prepare(
        "positions", table, {"key": "key", "title": "title", "reports_to": "reports_to"}, existing
    )
    assert {p.key: p.reports_to for p in plan.positions} == {
        "CEO": "BOARD",
        "CFO": "CEO",
        "COO": None,
    }


def test_loops_are_problems_even_through_the_organisation():
    existing = t.Existing(positions={"X": t.ExistingPosition("X", None, "A")})
    table = csv_table("key,title,reports_to\nA,A,B\nB,B,A\nC,C,X\n")
    mapping = {"key": "key", "title": "title", "reports_to": "reports_to"}
    assert problems_of("positions", table, mapping, existing) == [
        (2, "reports_to", "these posts report to each other in a loop: A → B → A"),
    ]
    table = csv_table("key,title,reports_to\nA,A,X\n")
    assert problems_of("positions", table, mapping, existing) == [
        (2, "reports_to", "these posts report to each other in a loop: A → X → A"),
    ]


def test_the_conventions_for_the_top_and_for_lost_zeros_are_noted():
    table = csv_table(
        "ref,title,boss\n"
        "163901,Director General,xx\n"
        "2,Director,00163901\n"
        "3,Adviser,3\n"
        "4,Chief executive,9000\n"
    )
    plan = t.prepare(
        "orgchart",
        table,
        {"ref": "key", "title": "title", "boss": "reports_to"},
        outside_refs=frozenset({"9000"}),
    )
    assert {p.key: p.reports_to for p in plan.positions} == {
        "163901": None,
        "2": "163901",
        "3": None,
        "4": None,
    }
    assert [(n.row, n.field, n.message) for n in plan.notes] == [
        (3, "reports_to", "“00163901” taken as post “163901” (leading zeros ignored)"),
        (4, "reports_to", "the post reports to itself: taken as a top post"),
        (5, "reports_to", "“9000” is a post of another organisation: a top post here"),
    ]


def test_orgchart_fte_is_rounded_up_and_repeated_posts_merge():
    text = (
        "ref,title,unit,fte,function,grade\n"
        "A,Director,Policy,0.39,'Lead policy.',SCS2\n"
        "B,Deputy,Policy,1.2,,SCS1\n"
        "C,Adviser,Policy,0,,SCS1\n"
        "B,Deputy,Policy,0.5,,SCS1\n"  # the same post again (a job share): one post
    )
    mapping = {
        "ref": "key",
        "title": "title",
        "unit": "department",
        "fte": "headcount",
        "function": "function",
        "grade": "grade",
    }
    assert problems_of("orgchart", csv_table(text + "D,Clerk,,abc,,\n"), mapping) == [
        (6, "headcount", "“abc” is not a full-time equivalent (such as 1 or 0.5)")
    ]
    plan = t.prepare("orgchart", csv_table(text), mapping)
    by_key = {p.key: p for p in plan.positions}
    assert {k: p.headcount for k, p in by_key.items()} == {"A": 1, "B": 2, "C": 1}
    assert by_key["B"].rows == [3, 5]
    assert by_key["A"].purpose_content == "Lead policy."  # the publisher's quotes go
    assert by_key["A"].department == "POLICY"
    assert [(d.key, d.name) for d in plan.departments] == [("POLICY", "Policy")]
    assert [(g.key, g.name) for g in plan.grades] == [("SCS2", "SCS2"), ("SCS1", "SCS1")]
    conflict = text + "C,Senior adviser,Policy,1,,SCS1\n"
    assert problems_of("orgchart", csv_table(conflict), mapping) == [
        (6, "key", "“C” is also on row 4, with another title")
    ]


def test_rows_without_keys_are_one_position_per_title_and_department():
    table = csv_table(
        "Role,Dept\n"
        "Manager,Sales\n"
        "Sales Executive,Sales\n"
        "Manager,R&D\n"
        "Sales Executive,sales\n"  # the same department, written differently
        "Manager,Sales\n"
    )
    plan = t.prepare("positions", table, {"Role": "title", "Dept": "department"})
    assert [(p.key, p.title, p.department, p.headcount, p.rows) for p in plan.positions] == [
        ("SALES-MANAGER", "Manager", "SALES", 2, [2, 6]),
        ("SALES-EXECUTIVE", "Sales Executive", "SALES", 2, [3, 5]),
        ("R-D-MANAGER", "Manager", "R-D", t.UNSET, [4]),  # one row: the default, 1
    ]
    # Importing again into the organisation that now has them keeps their keys.
    existing = t.Existing(
        positions={
            "SALES-MANAGER": t.ExistingPosition("Manager", "SALES", None),
            "S-EXEC": t.ExistingPosition("Sales executive", "SALES", None),
        },
        departments={"SALES": "Sales"},
    )
    plan = t.prepare("positions", table, {"Role": "title", "Dept": "department"}, existing)
    assert [p.key for p in plan.positions] == ["SALES-MANAGER", "S-EXEC", "R-D-MANAGER"]
    assert [d.name for d in plan.departments] == ["R&D"]


def test_ambiguous_titles_ask_for_a_key():
    existing = t.Existing(
        positions={
            "CLERK-1": t.ExistingPosition("Clerk", None, None),
            "CLERK-2": t.ExistingPosition("Clerk", None, None),
        }
    )
    table = csv_table("title\nClerk\n")
    assert problems_of("positions", table, {"title": "title"}, existing) == [
        (
            2,
            "title",
            "the organisation has 2 positions titled “Clerk” here (CLERK-1, CLERK-2): add a key "
            "column to say which",
        )
    ]


def test_cells_beyond_the_header_and_long_values_are_problems():
    table = csv_table("key,title\nA,Clerk,surprise\nB," + "x" * 201 + "\n")
    assert problems_of("positions", table, {"key": "key", "title": "title"}) == [
        (2, "", "1 more cell(s) than the header has columns (“surprise” …)"),
        (3, "title", "at most 200 characters (this has 201)"),
    ]


# --- checking rows: employees ---------------------------------------------------------

ORG = t.Existing(
    positions={
        "SALES-MGR": t.ExistingPosition("Manager", "SALES", None),
        "HR-MGR": t.ExistingPosition("Manager", "HR", None),
        "CLERK": t.ExistingPosition("Clerk", "HR", None),
    },
    departments={"SALES": "Sales", "HR": "Human Resources"},
)


def test_employees_find_their_position_by_key_or_title():
    table = csv_table(
        "id,name,mail,job,dept,joined\n"
        "1,Ada,ada@example.com,CLERK,,2024-01-15\n"
        "2,Bo,,Manager,Human Resources,15.02.2024\n"
        "3,Cy,,clerk,,2024年3月5日\n"
        "4,Di,,,,\n"
    )
    mapping = {
        "id": "key",
        "name": "name",
        "mail": "email",
        "job": "position",
        "dept": "department",
        "joined": "start",
    }
    plan = t.prepare("employees", table, mapping, ORG)
    assert [(e.key, e.name, e.email, e.position, e.start) for e in plan.employees] == [
        ("1", "Ada", "ada@example.com", "CLERK", dt.date(2024, 1, 15)),
        ("2", "Bo", "", "HR-MGR", dt.date(2024, 2, 15)),
        ("3", "Cy", "", "CLERK", dt.date(2024, 3, 5)),
        ("4", "Di", "", None, None),
    ]
    assert plan.notes == []


def test_employee_problems_are_all_listed():
    table = csv_table(
        "id,mail,job,dept,joined\n"
        "1,not-an-address,Manager,,2024-01-15\n"
        "2,,Manager,Nowhere,3/4/2024\n"
        ",,Clerk,,\n"
        "4,,Astronaut,HR,\n"
        "4,,Clerk,,\n"
    )
    mapping = {
        "id": "key",
        "mail": "email",
        "job": "position",
        "dept": "department",
        "joined": "start",
    }
    assert problems_of("employees", table, mapping, ORG) == [
        (2, "email", "“not-an-address” is not an e-mail address"),
        (
            2,
            "position",
            "“Manager” is the title of 2 positions (HR-MGR, SALES-MGR): match the department "
            "column too, or use position keys",
        ),
        (3, "department", "no department “Nowhere” in the organisation"),
        (
            3,
            "position",
            "“Manager” is the title of 2 positions (HR-MGR, SALES-MGR): match the department "
            "column too, or use position keys",
        ),
        (3, "start", "“3/4/2024” is not a date: write it as YYYY-MM-DD"),
        (4, "key", "empty: every employee needs a key"),
        (
            5,
            "position",
            "no position with the key or title “Astronaut” in Human Resources: import the "
            "positions first",
        ),
        (6, "key", "“4” is also on row 5, with other values"),
    ]


def test_an_export_without_names_or_dates_is_noted():
    plan = t.prepare(
        "employees",
        csv_table("EmployeeNumber,JobRole\n7,Clerk\n"),
        {"EmployeeNumber": "key", "JobRole": "position"},
        ORG,
    )
    assert [n.message for n in plan.notes] == [
        "no name column: new employees are named by their key",
        "no start date column: new assignments start on the day of the import",
    ]


# --- the real files ---------------------------------------------------------------------


def test_the_uk_organograms_read_and_check_in_pure_python():
    data = real("org_charts/uk_gov_organograms_sep2013_senior_posts.csv").read_bytes()
    table = t.read_table(data, "uk.csv")
    assert len(table.rows) == 5813
    assert table.encoding == "utf-8" and table.delimiter == ","
    groups = table.split("Organisation")
    assert len(groups) == 112  # 113 names, one of them twice: with and without a final space
    mapping = t.suggest_mapping(t.ORGCHART, table.headers)
    plan = t.prepare("orgchart", groups["Department of Health"], mapping)
    assert len(plan.positions) == 173
    assert [p.key for p in plan.positions if p.reports_to is None] == ["ERD001"]
    assert len(plan.departments) == 8
    assert sorted(g.key for g in plan.grades) == ["SCS1", "SCS2", "SCS3", "SCS4"]


def test_the_ibm_sample_reads_with_its_byte_order_mark():
    table = t.read_table(real("hr_samples/ibm_hr_employee_attrition.csv").read_bytes(), "ibm.csv")
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "Age"
    assert len(table.rows) == 1470
