"""Tables from CSV and XLSX files: reading, matching columns to fields, checking every row.

Pure Python (no Django): the Django layer loads what the organisation already has
into an :class:`Existing`, calls :func:`prepare`, and writes the :class:`Plan` it
gets back in one transaction (``remit/org/actions/imports.py``).

Reading (:func:`read_table`)
    CSV: the text encoding is found from the bytes (a UTF-8 or UTF-16 byte-order
    mark, else UTF-8, else Windows-1252, the encoding of Excel's "CSV" on Western
    Windows) and the delimiter from the header line (comma, semicolon, tab or
    bar, whichever it has most of outside quotes). XLSX: the first worksheet, read
    with openpyxl in read-only mode (its XML goes through defusedxml). Before an
    XLSX file is opened, its ZIP directory is checked: the total unpacked size and
    every large member's compression ratio must stay under the limits, so a "zip
    bomb" is refused before a byte of it is inflated (Python's zipfile never
    inflates a member past the size its directory declares). The packed size is
    checked too; callers check it before they even read the upload.

    The first non-empty row is the header; empty rows are skipped. Every row keeps
    its number in the file as a spreadsheet shows it (the header of a plain CSV is
    row 1), so problems point at the row people see.

Matching (:func:`suggest_mapping`, :func:`check_mapping`)
    The user matches file columns to the fields of an import kind; suggestions
    compare normalised headers ("EmployeeNumber" -> "employee number") with each
    field's English and Chinese names ("Job Title"/"岗位名称" -> title).

Checking (:func:`prepare`)
    Every row is checked and every problem kept, with the file, row, field and a
    plain message: ``company.csv, row 17, reports_to: no post with reference
    'ABC123' in this file or the organisation``. Nothing stops at the first
    problem. Messages are English templates marked with ``gettext_noop``; the web
    layer translates them.

The import kinds and the rules they follow:

positions
    key (or generated), title, department (a name or key: created if missing),
    reports_to (a post's key), grade (created if missing), headcount. Rows with a
    key are upserted by key. Rows without one are matched by title and department:
    rows with the same title in the same department are one position whose
    headcount is the sum of theirs (a row without a headcount counts 1) — so an
    HRIS export with one row per employee gives one position per job and
    department, staffed as many times as it has employees. Such a position keeps
    the key of the organisation's position with that title and department, or
    gets one made from its title (with the department's name in front when two
    positions in the file would otherwise share it).

employees
    key, name, email, position, start, department. The position is a position's
    key or its title (the department, when mapped, tells apart positions with the
    same title: "Manager" in Sales and in Human Resources). The positions must
    exist already: import them first. ``start`` is the hire date and the start of
    the assignment to the position; a file without start dates (anonymised
    samples) gets assignments starting on the day of the import. An export
    without names (anonymised samples) names each employee by their key.

orgchart
    The common shape of published organisation charts (the UK government's
    organograms): post reference -> key, job title -> title, unit -> department,
    job/team function -> the position's work content (B1; a department gets
    nothing invented), reports-to post -> reports_to, FTE -> headcount (rounded
    up, at least 1), grade -> grade (created if missing).

For both position kinds, rows repeating a key are one post: they must agree on
everything but the headcount, and the post's headcount is the largest of theirs
(publications that join copies of the same list repeat posts; a job share
lists one post twice at part-time FTE). A reports-to value resolves to a post in
the file, else to one of the organisation's positions; else:

* a value meaning "no one" makes a top post: empty, "XX" (how the UK organograms
  mark the top post), "N/A", "none", "null", "-", "top", "无";
* a post that names itself makes a top post (noted);
* digits match a post whose reference is the same number once leading zeros are
  ignored, when exactly one does (spreadsheets drop leading zeros: the Ministry of
  Defence's file reports to "00163901" while the post is "163901") (noted);
* a post named in ``outside_refs`` (another organisation's post in the same
  published file, when a file of many organisations is imported as one
  organisation each) makes a top post (noted);
* anything else is a problem. So is a loop (A reports to B, B to A).
"""

import codecs
import csv
import datetime as dt
import difflib
import io
import math
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from remit.domain.common import KEY_PATTERN, gettext_noop

# --- limits and errors --------------------------------------------------------------

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MiB  # the file as uploaded (packed)
    max_unpacked_bytes: int = 100 * MiB  # an XLSX file's members, inflated
    max_ratio: int = 100  # inflated / packed, for members (and totals) above 1 MiB
    max_members: int = 5_000  # members of an XLSX archive
    max_rows: int = 200_000
    max_columns: int = 500


class TableError(ValueError):
    """The file cannot be read as a table at all (its rows' content is :class:`Problem`)."""

    def __init__(self, template: str, **params: Any):
        self.template = template
        self.params = params
        super().__init__(template % params if params else template)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one row (or with the mapping, when ``row`` is None)."""

    file: str
    row: int | None
    field: str
    template: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def message(self) -> str:
        return self.template % self.params if self.params else self.template

    def __str__(self) -> str:
        parts = [self.file or "<file>"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(self.field)
        return f"{', '.join(parts)}: {self.message}"


class TableProblems(ValueError):
    """The rows cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            "\n".join([f"{len(problems)} problem(s); nothing was written", *map(str, problems)])
        )


# --- tables ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # as a spreadsheet shows it
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str = ""  # CSV: the encoding found
    delimiter: str = ""  # CSV: the delimiter found
    sheet: str = ""  # XLSX: the worksheet read

    def values(self, row: Row, header: str) -> str:
        i = self.headers.index(header)
        return row.cells[i] if i < len(row.cells) else ""

    def preview(self, n: int = 5) -> list[tuple[int, tuple[str, ...]]]:
        return [(r.number, r.cells[: len(self.headers)]) for r in self.rows[:n]]

    def split(self, header: str, *, key=None) -> dict[str, "Table"]:
        """One table per value of a column (a file of many organisations, one each).

        ``key`` turns a value into the group's name (values with the same name are one
        group: "Foreign and Commonwealth Office" and "… office" share a short name).
        """
        i = self.headers.index(header)
        groups: dict[str, list[Row]] = defaultdict(list)
        for r in self.rows:
            value = r.cells[i] if i < len(r.cells) else ""
            groups[key(value) if key else value].append(r)
        return {
            k: Table(self.name, self.headers, tuple(v), self.encoding, self.delimiter, self.sheet)
            for k, v in groups.items()
        }


def read_table(data: bytes, name: str, *, limits: Limits = Limits(), sheet: str = "") -> Table:
    """The table in a CSV or XLSX file's bytes; raises :class:`TableError`."""
    if len(data) > limits.max_bytes:
        raise TableError(
            gettext_noop("The file is %(size)s; the limit is %(limit)s."),
            size=human_size(len(data)),
            limit=human_size(limits.max_bytes),
        )
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, name, limits, sheet)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableError(
            gettext_noop("Old Excel files (.xls) cannot be read: save the sheet as .xlsx or CSV.")
        )
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise TableError(gettext_noop("This is not an XLSX file (it is not a ZIP archive)."))
    return _read_csv(data, name, limits)


def human_size(n: int) -> str:
    if n >= MiB:
        return f"{n / MiB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise TableError(
                gettext_noop("The file says it is UTF-8 but is not (byte %(at)s)."), at=exc.start
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise TableError(gettext_noop("The file says it is UTF-16 but is not.")) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise TableError(
            gettext_noop("The file's text encoding is unknown: save it as UTF-8 CSV.")
        ) from None


DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(line: str) -> str:
    """The delimiter the header line has most of, outside quotes (a comma if none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the earlier in DELIMITERS
    return best if counts[best] else ","


def _read_csv(data: bytes, name: str, limits: Limits) -> Table:
    text, encoding = decode(data)
    if "\x00" in text:
        raise TableError(gettext_noop("The file holds binary data: it is not a CSV file."))
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = [(n, [c.strip() for c in rec]) for n, rec in enumerate(reader, 1)]
    except csv.Error as exc:
        raise TableError(
            gettext_noop("Row %(row)s cannot be read: %(error)s."), row=reader.line_num, error=exc
        ) from None
    return _table(records, name, limits, encoding=encoding, delimiter=delimiter)


def _table(records: Iterable[tuple[int, list[str]]], name: str, limits: Limits, **meta) -> Table:
    headers: tuple[str, ...] | None = None
    rows: list[Row] = []
    for number, cells in records:
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if headers is None:
            if len(cells) > limits.max_columns:
                raise TableError(
                    gettext_noop("The file has %(n)s columns; the limit is %(limit)s."),
                    n=len(cells),
                    limit=limits.max_columns,
                )
            headers = _headers(cells)
            continue
        if len(rows) >= limits.max_rows:
            raise TableError(
                gettext_noop("The file has more than %(limit)s rows: split it."),
                limit=limits.max_rows,
            )
        rows.append(Row(number, tuple(cells)))
    if headers is None:
        raise TableError(gettext_noop("The file is empty: it has no header row."))
    return Table(name, headers, tuple(rows), **meta)


def _headers(cells: list[str]) -> tuple[str, ...]:
    """Header names, each unique and none empty ("Column 3", "Name (2)")."""
    out: list[str] = []
    for i, c in enumerate(cells, 1):
        base = c or f"Column {i}"
        label, n = base, 2
        while label in out:
            label, n = f"{base} ({n})", n + 1
        out.append(label)
    return tuple(out)


def check_zip(data: bytes, limits: Limits = Limits()) -> None:
    """Refuse an archive that would unpack too large or is compressed like a zip bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableError(
            gettext_noop("This is not an XLSX file (the archive is damaged).")
        ) from None
    with archive:
        members = archive.infolist()
    if len(members) > limits.max_members:
        raise TableError(
            gettext_noop("The archive has %(n)s members; an XLSX file has far fewer."),
            n=len(members),
        )
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if unpacked > limits.max_unpacked_bytes:
        raise TableError(
            gettext_noop("The file unpacks to %(size)s; the limit is %(limit)s."),
            size=human_size(unpacked),
            limit=human_size(limits.max_unpacked_bytes),
        )
    for size, compressed in [
        *((m.file_size, m.compress_size) for m in members),
        (unpacked, packed),
    ]:
        if size > MiB and size > limits.max_ratio * max(compressed, 1):
            raise TableError(
                gettext_noop(
                    "The file is compressed %(ratio)s times (the limit is %(limit)s): it looks "
                    "like a zip bomb and is refused."
                ),
                ratio=size // max(compressed, 1),
                limit=limits.max_ratio,
            )


def _read_xlsx(data: bytes, name: str, limits: Limits, sheet: str) -> Table:
    check_zip(data, limits)
    import openpyxl  # imported here: CSV-only callers never pay for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise TableError(
            gettext_noop("The XLSX file cannot be read: %(error)s"), error=str(exc)[:200]
        ) from None
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise TableError(
                    gettext_noop("The file has no sheet named “%(sheet)s”."), sheet=sheet
                )
            ws = book[sheet]
        else:
            ws = next((w for w in book.worksheets), None)
            if ws is None:
                raise TableError(gettext_noop("The file has no worksheet."))
        records = (
            (n, [cell_text(v) for v in values])
            for n, values in enumerate(ws.iter_rows(values_only=True), 1)
        )
        try:
            return _table(records, name, limits, sheet=ws.title)
        except TableError:
            raise
        except Exception as exc:
            raise TableError(
                gettext_noop("The XLSX file cannot be read: %(error)s"), error=str(exc)[:200]
            ) from None
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A spreadsheet cell as text: integral numbers without '.0', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


# --- writing safely -------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting like a formula gets an apostrophe.

    Use it for every cell of every CSV or XLSX file Remit writes ("CSV injection":
    ``=HYPERLINK(…)`` typed into a field must stay text for whoever opens the export).
    Numbers, dates and empty values pass unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """Rows as a UTF-8 CSV file (with a byte-order mark, so Excel reads it), cells escaped."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(["" if v is None else escape_cell(v) for v in row])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


# --- import kinds and their fields ----------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # English, marked for translation
    required: bool = False
    aliases: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    fields: tuple[Field, ...]
    help: str = ""

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split("|"))


# What columns for each field are called, in English and in Chinese.
_POSITION_KEY = _names(
    "position key|position id|position code|post reference|post unique reference|post ref|"
    "post id|reference|岗位编号|岗位代码|编号|职位编号"
)
_TITLE = _names(
    "job title|position title|post title|position name|job name|job role|role|"
    "岗位名称|岗位|职位|职位名称|职务"
)
_DEPARTMENT = _names("department|dept|department name|division|部门|所属部门|部门名称")
_REPORTS_TO = _names(
    "reports to|reports to post|reports to senior post|reports to key|manager post|parent post|"
    "supervisor post|上级岗位|直接上级|汇报对象|上级"
)
_GRADE = _names("grade|pay grade|band|pay band|职级|岗位等级|等级")

POSITIONS = Kind(
    "positions",
    gettext_noop("Positions"),
    (
        Field(
            "key",
            gettext_noop("Key"),
            aliases=("key", *_POSITION_KEY),
            help=gettext_noop("Left empty, it is made from the title."),
        ),
        Field("title", gettext_noop("Title"), required=True, aliases=("title", *_TITLE)),
        Field(
            "department",
            gettext_noop("Department"),
            aliases=_DEPARTMENT,
            help=gettext_noop("A department's name or key; created if missing."),
        ),
        Field(
            "reports_to",
            gettext_noop("Reports to"),
            aliases=_REPORTS_TO,
            help=gettext_noop("The key of the position it reports to."),
        ),
        Field(
            "grade", gettext_noop("Grade"), aliases=_GRADE, help=gettext_noop("Created if missing.")
        ),
        Field(
            "headcount",
            gettext_noop("Headcount"),
            aliases=_names("headcount|head count|posts|number of posts|编制|编制人数|人数"),
        ),
    ),
    gettext_noop("One row per position (or per holder: rows with the same title are added up)."),
)

EMPLOYEES = Kind(
    "employees",
    gettext_noop("Employees"),
    (
        Field(
            "key",
            gettext_noop("Key"),
            required=True,
            aliases=_names(
                "key|employee number|employee id|employee no|emp no|staff number|staff id|"
                "personnel number|工号|员工编号|员工号"
            ),
        ),
        Field(
            "name",
            gettext_noop("Name"),
            aliases=_names("name|full name|employee name|姓名|员工姓名"),
        ),
        Field(
            "email",
            gettext_noop("E-mail"),
            aliases=_names("email|e mail|email address|work email|邮箱|电子邮件|邮件"),
        ),
        Field(
            "position",
            gettext_noop("Position"),
            aliases=_names("position|position key|job role|job title|role|岗位|职位"),
            help=gettext_noop("A position's key or title; the positions must exist already."),
        ),
        Field(
            "start",
            gettext_noop("Start date"),
            aliases=_names(
                "start|start date|hire date|hired on|date of joining|joined|入职日期|到岗日期|开始日期"
            ),
            help=gettext_noop("The hire date, and the start of the assignment to the position."),
        ),
        Field(
            "department",
            gettext_noop("Department"),
            aliases=_DEPARTMENT,
            help=gettext_noop("Tells apart positions with the same title."),
        ),
    ),
    gettext_noop("One row per employee, as an HR system exports them."),
)

ORGCHART = Kind(
    "orgchart",
    gettext_noop("Organisation chart"),
    (
        Field(
            "key",
            gettext_noop("Post reference"),
            required=True,
            aliases=("key", "post", *_POSITION_KEY),
        ),
        Field("title", gettext_noop("Job title"), required=True, aliases=("title", *_TITLE)),
        Field(
            "function",
            gettext_noop("Job/team function"),
            aliases=_names(
                "job team function|function|job function|team function|purpose|job purpose|"
                "岗位职责|工作内容|职能"
            ),
            help=gettext_noop("Becomes the position's work content (step 1)."),
        ),
        Field(
            "department",
            gettext_noop("Unit"),
            aliases=("unit", "team", "business unit", *_DEPARTMENT),
            help=gettext_noop("Becomes the position's department; created if missing."),
        ),
        Field(
            "reports_to",
            gettext_noop("Reports to post"),
            aliases=_REPORTS_TO,
            help=gettext_noop("The reference of the post it reports to; “XX” marks the top."),
        ),
        Field(
            "headcount",
            gettext_noop("FTE"),
            aliases=_names("fte|full time equivalent|headcount|编制|人数"),
            help=gettext_noop("Full-time equivalents, rounded up: at least 1."),
        ),
        Field(
            "grade", gettext_noop("Grade"), aliases=_GRADE, help=gettext_noop("Created if missing.")
        ),
    ),
    gettext_noop(
        "A published organisation chart: post reference, job title, job/team function, "
        "unit, reports-to post, FTE, grade."
    ),
)

KINDS: dict[str, Kind] = {k.name: k for k in (POSITIONS, EMPLOYEES, ORGCHART)}


# --- matching columns to fields ---------------------------------------------------------

SUGGEST_THRESHOLD = 0.8


def normalise(text: str) -> str:
    """A header in comparable form: "EmployeeNumber" -> "employee number"."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def similarity(header: str, alias: str) -> float:
    """1 for the same words, 0.9 when the header contains the alias's words, else a ratio."""
    if header == alias:
        return 1.0
    if not header or not alias:
        return 0.0
    if len(alias) > 2 and re.search(rf"(^|\s){re.escape(alias)}(\s|$)", header):
        return 0.9
    return difflib.SequenceMatcher(None, header, alias).ratio()


def suggest_mapping(kind: Kind, headers: Iterable[str]) -> dict[str, str]:
    """{column: field} for the columns that look like a field (each field at most once)."""
    headers = list(headers)
    scored = []
    for i, h in enumerate(headers):
        n = normalise(h)
        for f in kind.fields:
            names = (f.name.replace("_", " "), normalise(f.label), *map(normalise, f.aliases))
            best = max(similarity(n, a) for a in names)
            if best >= SUGGEST_THRESHOLD:
                scored.append((-best, i, h, f.name))
    out: dict[str, str] = {}
    for _s, _i, h, name in sorted(scored):
        if h not in out and name not in out.values():
            out[h] = name
    return {h: out[h] for h in headers if h in out}


def check_mapping(kind: Kind, table: Table, mapping: Mapping[str, str]) -> list[Problem]:
    problems = []
    for column, name in mapping.items():
        if column not in table.headers:
            problems.append(
                Problem(
                    table.name,
                    None,
                    name,
                    gettext_noop("the file has no column “%(column)s”"),
                    {"column": column},
                )
            )
        if name not in kind.field_names:
            problems.append(
                Problem(
                    table.name,
                    None,
                    name,
                    gettext_noop("no such field for %(kind)s: use one of %(fields)s"),
                    {"kind": kind.name, "fields": ", ".join(kind.field_names)},
                )
            )
    names = list(mapping.values())
    for name in sorted({n for n in names if names.count(n) > 1}):
        columns = ", ".join(f"“{c}”" for c, n in mapping.items() if n == name)
        problems.append(
            Problem(
                table.name,
                None,
                name,
                gettext_noop("several columns are matched to it (%(columns)s): keep one"),
                {"columns": columns},
            )
        )
    for f in kind.fields:
        if f.required and f.name not in names:
            problems.append(
                Problem(
                    table.name,
                    None,
                    f.name,
                    gettext_noop("required: match one of the file's columns to it"),
                )
            )
    return problems


# --- what the organisation has, and what the import will write -----------------------


@dataclass(frozen=True)
class ExistingPosition:
    title: str
    department: str | None  # key
    reports_to: str | None  # key


@dataclass(frozen=True)
class Existing:
    """What the organisation already has, as plain values (the Django layer fills it)."""

    positions: Mapping[str, ExistingPosition] = field(default_factory=dict)
    departments: Mapping[str, str] = field(default_factory=dict)  # key -> name
    grades: Mapping[str, str] = field(default_factory=dict)  # key -> name


class _Unset:
    """A field the file does not set: an update keeps the current value."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()


@dataclass
class NewDepartment:
    key: str
    name: str


@dataclass
class NewGrade:
    key: str
    name: str


@dataclass
class PositionPlan:
    key: str
    title: str
    rows: list[int]
    department: Any = UNSET  # key | None
    reports_to: Any = UNSET  # key | None
    grade: Any = UNSET  # key | None
    headcount: Any = UNSET  # int
    purpose_content: Any = UNSET  # str


@dataclass
class EmployeePlan:
    key: str
    rows: list[int]
    name: Any = UNSET
    email: Any = UNSET
    start: Any = UNSET  # date | None
    position: Any = UNSET  # key | None


@dataclass
class Plan:
    kind: str
    departments: list[NewDepartment] = field(default_factory=list)
    grades: list[NewGrade] = field(default_factory=list)
    positions: list[PositionPlan] = field(default_factory=list)
    employees: list[EmployeePlan] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


# --- checking and planning ------------------------------------------------------------

# Internal names of planned values, as the fields people matched are called.
_FIELD_OF = {"reports_to_raw": "reports_to", "purpose_content": "function"}

TOP_VALUES = frozenset({"", "xx", "n/a", "na", "none", "null", "-", "top", "无"})
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
LIMITS = {"title": 200, "department": 200, "grade": 100, "name": 200, "email": 254}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def key_from_text(text: str, *, fallback: str = "POST", limit: int = 40) -> str:
    """A readable key from a title: 'Finance manager' -> 'FINANCE-MANAGER'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").upper()[:limit].strip("-")
    return base or fallback


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        text = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _unquote(text: str) -> str:
    """Text without one pair of quotes around all of it ('…' as some publishers write)."""
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"‘’“”":
        return t[1:-1].strip()
    if len(t) >= 2 and t[0] in "‘“" and t[-1] in "’”":
        return t[1:-1].strip()
    return t


class _Checker:
    def __init__(self, kind: Kind, table: Table, mapping: Mapping[str, str]):
        self.kind = kind
        self.table = table
        self.index = {name: table.headers.index(col) for col, name in mapping.items()}
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []

    def cell(self, row: Row, name: str) -> str | None:
        """The row's value for a field; None when no column is matched to it."""
        i = self.index.get(name)
        if i is None:
            return None
        return row.cells[i] if i < len(row.cells) else ""

    def problem(self, _row: int | None, _field: str, _template: str, **params) -> None:
        self.problems.append(Problem(self.table.name, _row, _field, _template, params))

    def note(self, _row: int | None, _field: str, _template: str, **params) -> None:
        self.notes.append(Problem(self.table.name, _row, _field, _template, params))

    def text(self, row: Row, name: str) -> str | None:
        value = self.cell(row, name)
        if value is None:
            return None
        limit = LIMITS.get(name)
        if limit and len(value) > limit:
            self.problem(
                row.number,
                name,
                gettext_noop("at most %(limit)s characters (this has %(n)s)"),
                limit=limit,
                n=len(value),
            )
        return value

    def overflow(self) -> None:
        for r in self.table.rows:
            extra = [c for c in r.cells[len(self.table.headers) :] if c]
            if extra:
                self.problem(
                    r.number,
                    "",
                    gettext_noop("%(n)s more cell(s) than the header has columns (“%(first)s” …)"),
                    n=len(extra),
                    first=extra[0][:40],
                )


class Names:
    """Departments or grades by key or name: the organisation's, and the new ones named."""

    def __init__(self, existing: Mapping[str, str], fallback: str, *, keep_keys: bool):
        self.by_key = dict(existing)
        self.by_name = {}
        for k, n in sorted(existing.items()):
            self.by_name.setdefault(n.casefold(), k)
        self.new: list[NewDepartment | NewGrade] = []
        self.fallback = fallback
        self.keep_keys = keep_keys

    def resolve(self, value: str, make) -> str:
        """The key of the row named ``value`` (a key or a name); a new row if none."""
        if value in self.by_key:
            return value
        found = self.by_name.get(value.casefold())
        if found:
            return found
        if self.keep_keys and KEY_PATTERN.match(value):
            base = value
        else:
            base = key_from_text(value, fallback=self.fallback)
        key, n = base, 2
        while key in self.by_key:
            key, n = f"{base[:56]}-{n}", n + 1
        self.by_key[key] = value
        self.by_name[value.casefold()] = key
        self.new.append(make(key=key, name=value))
        return key


def prepare(
    kind: Kind | str,
    table: Table,
    mapping: Mapping[str, str],
    existing: Existing = Existing(),
    *,
    outside_refs: frozenset[str] = frozenset(),
) -> Plan:
    """Check every row and plan the writes; raises :class:`TableProblems` listing every problem."""
    kind = KINDS[kind] if isinstance(kind, str) else kind
    mapping = {column: name for column, name in mapping.items() if name}
    problems = check_mapping(kind, table, mapping)
    if problems:
        raise TableProblems(problems)
    c = _Checker(kind, table, mapping)
    c.overflow()
    if kind.name == "employees":
        plan = _plan_employees(c, existing)
    else:
        plan = _plan_positions(c, existing, outside_refs)
    if c.problems:
        raise TableProblems(sorted(c.problems, key=lambda p: (p.row or 0, p.field)))
    plan.notes = c.notes
    return plan


def _plan_positions(c: _Checker, existing: Existing, outside_refs: frozenset[str]) -> Plan:
    orgchart = c.kind.name == "orgchart"
    departments = Names(existing.departments, "DEPT", keep_keys=False)
    grades = Names(existing.grades, "GRADE", keep_keys=True)
    mapped = set(c.index)

    # 1. Each row's values, checked one by one.
    rows = []
    for r in c.table.rows:
        key = c.cell(r, "key") or ""
        title = c.text(r, "title") or ""
        if not title:
            c.problem(r.number, "title", gettext_noop("empty: every position needs a title"))
        if key and not KEY_PATTERN.match(key):
            c.problem(
                r.number,
                "key",
                gettext_noop(
                    "“%(key)s” cannot be a key: use 1–64 letters, digits, '.', '_' or '-', "
                    "starting with a letter or digit"
                ),
                key=key,
            )
        elif orgchart and not key:
            c.problem(r.number, "key", gettext_noop("empty: every post needs its reference"))
        values: dict[str, Any] = {}
        if "department" in mapped:
            name = c.text(r, "department")
            values["department"] = (
                departments.resolve(name, NewDepartment) if name and len(name) <= 200 else None
            )
        if "grade" in mapped:
            name = c.text(r, "grade")
            values["grade"] = grades.resolve(name, NewGrade) if name and len(name) <= 100 else None
        if "function" in mapped:
            values["purpose_content"] = _unquote(c.cell(r, "function") or "")
        if "headcount" in mapped:
            values["headcount"] = _headcount(c, r, fte=orgchart)
        if "reports_to" in mapped:
            values["reports_to_raw"] = c.cell(r, "reports_to") or ""
        rows.append((r.number, key, title, values))

    # 2. Rows naming the same post become one.
    posts: dict[str, PositionPlan] = {}
    firsts: dict[str, tuple[int, str, dict]] = {}
    unkeyed: dict[tuple[str, Any], list[tuple[int, str, dict]]] = defaultdict(list)
    for number, key, title, values in rows:
        if not key:
            unkeyed[(title.casefold(), values.get("department"))].append((number, title, values))
            continue
        if key in firsts:
            first_number, first_title, first_values = firsts[key]
            differ = [
                f
                for f in ("title", "department", "reports_to_raw", "grade", "purpose_content")
                if (title if f == "title" else values.get(f))
                != (first_title if f == "title" else first_values.get(f))
            ]
            if differ:
                c.problem(
                    number,
                    "key",
                    gettext_noop("“%(key)s” is also on row %(row)s, with another %(fields)s"),
                    key=key,
                    row=first_number,
                    fields=", ".join(_FIELD_OF.get(f, f) for f in differ),
                )
            post = posts[key]
            post.rows.append(number)
            if isinstance(values.get("headcount"), int):
                post.headcount = max(post.headcount or 0, values["headcount"])
            continue
        firsts[key] = (number, title, values)
        posts[key] = _post(key, title, number, values)

    _plan_unkeyed(c, existing, departments, unkeyed, posts, mapped)

    # 3. Reports-to: resolved, then checked for loops.
    if "reports_to" in mapped:
        for post in posts.values():
            post.reports_to = _reports_to(
                c, post, post.reports_to or "", posts, existing, outside_refs
            )
        _check_loops(c, posts, existing)

    return Plan(
        kind=c.kind.name,
        departments=departments.new,  # type: ignore[arg-type]
        grades=grades.new,  # type: ignore[arg-type]
        positions=list(posts.values()),
    )


def _post(key: str, title: str, number: int, values: dict) -> PositionPlan:
    post = PositionPlan(key=key, title=title, rows=[number])
    for name in ("department", "grade", "headcount", "purpose_content"):
        if name in values and not (name == "headcount" and values[name] is None):
            setattr(post, name, values[name])
    if "reports_to_raw" in values:
        post.reports_to = values["reports_to_raw"]
    return post


def _headcount(c: _Checker, r: Row, *, fte: bool) -> int | None:
    raw = c.cell(r, "headcount") or ""
    if not raw:
        return None
    value = _number(raw)
    if value is None or value < 0:
        c.problem(
            r.number,
            "headcount",
            gettext_noop("“%(value)s” is not a number of posts")
            if not fte
            else gettext_noop("“%(value)s” is not a full-time equivalent (such as 1 or 0.5)"),
            value=raw,
        )
        return None
    if not fte and value != value.to_integral_value():
        c.problem(
            r.number, "headcount", gettext_noop("“%(value)s” is not a whole number"), value=raw
        )
        return None
    if value > 100_000:
        c.problem(r.number, "headcount", gettext_noop("“%(value)s” is too large"), value=raw)
        return None
    return max(1, math.ceil(value))


def _plan_unkeyed(c, existing, departments, unkeyed, posts, mapped) -> None:
    """Positions named by title and department: matched to the organisation's, or new."""
    if not unkeyed:
        return
    by_title: dict[tuple[str, Any], list[str]] = defaultdict(list)
    for k, p in sorted(existing.positions.items()):
        by_title[(p.title.casefold(), p.department)].append(k)
    base_count: dict[str, int] = defaultdict(int)
    for items in unkeyed.values():
        base_count[key_from_text(items[0][1])] += 1
    taken = set(existing.positions) | set(posts)
    for (title_cf, dept), items in unkeyed.items():
        number, title, values = items[0]
        for other_number, _t, other in items[1:]:
            differ = [
                f
                for f in ("reports_to_raw", "grade", "purpose_content")
                if other.get(f) != values.get(f)
            ]
            if differ:
                c.problem(
                    other_number,
                    _FIELD_OF.get(differ[0], differ[0]),
                    gettext_noop(
                        "row %(row)s names the same position (“%(title)s”) with another %(fields)s"
                    ),
                    row=number,
                    title=title,
                    fields=", ".join(_FIELD_OF.get(f, f) for f in differ),
                )
        matches = (
            by_title.get((title_cf, dept), [])
            if "department" in mapped
            else [k for (t, _d), ks in by_title.items() if t == title_cf for k in ks]
        )
        if len(matches) > 1:
            c.problem(
                number,
                "title",
                gettext_noop(
                    "the organisation has %(n)s positions titled “%(title)s” here (%(keys)s): "
                    "add a key column to say which"
                ),
                n=len(matches),
                title=title,
                keys=", ".join(matches),
            )
            continue
        if matches and matches[0] in posts:
            c.problem(
                number,
                "key",
                gettext_noop(
                    "“%(title)s” is position “%(key)s”, which another row names by its key: "
                    "give this row the key too"
                ),
                title=title,
                key=matches[0],
            )
            continue
        if matches:
            key = matches[0]
        else:
            base = key_from_text(title)
            if base_count[base] > 1 and dept:
                base = key_from_text(f"{departments.by_key.get(dept, dept)} {title}")
            key, n = base, 2
            while key in taken:
                key, n = f"{base}-{n}", n + 1
        taken.add(key)
        post = _post(key, title, number, values)
        post.rows = [i[0] for i in items]
        if "headcount" in mapped or len(items) > 1:
            post.headcount = sum(
                (v.get("headcount") if isinstance(v.get("headcount"), int) else 1)
                for _n, _t, v in items
            )
        posts[key] = post


def _reports_to(c, post, raw: str, posts, existing: Existing, outside_refs) -> str | None:
    number = post.rows[0]
    value = raw.strip()
    if value.casefold() in TOP_VALUES:
        return None
    if value == post.key:
        c.note(
            number, "reports_to", gettext_noop("the post reports to itself: taken as a top post")
        )
        return None
    if value in posts or value in existing.positions:
        return value
    if value.isdigit():
        same = {k for k in (*posts, *existing.positions) if k.isdigit() and int(k) == int(value)}
        if len(same) == 1:
            found = same.pop()
            if found != post.key:
                c.note(
                    number,
                    "reports_to",
                    gettext_noop("“%(value)s” taken as post “%(key)s” (leading zeros ignored)"),
                    value=value,
                    key=found,
                )
                return found
    if value in outside_refs:
        c.note(
            number,
            "reports_to",
            gettext_noop("“%(value)s” is a post of another organisation: a top post here"),
            value=value,
        )
        return None
    c.problem(
        number,
        "reports_to",
        gettext_noop("no post with reference “%(value)s” in this file or the organisation"),
        value=value,
    )
    return None


def _check_loops(c: _Checker, posts: dict[str, PositionPlan], existing: Existing) -> None:
    def parent(key: str) -> str | None:
        if key in posts:
            return posts[key].reports_to
        p = existing.positions.get(key)
        return p.reports_to if p else None

    done: set[str] = set()
    for start in posts:
        path: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in seen:
            seen.add(node)
            path.append(node)
            node = parent(node)
        if node is not None and node in seen:
            loop = path[path.index(node) :]
            first = min((k for k in loop if k in posts), key=lambda k: posts[k].rows[0])
            c.problem(
                posts[first].rows[0],
                "reports_to",
                gettext_noop("these posts report to each other in a loop: %(loop)s"),
                loop=" → ".join([*loop, loop[0]]),
            )
        done.update(path)


def _plan_employees(c: _Checker, existing: Existing) -> Plan:
    mapped = set(c.index)
    dept_by_name = {n.casefold(): k for k, n in sorted(existing.departments.items())}
    by_title: dict[str, list[str]] = defaultdict(list)
    for k, p in sorted(existing.positions.items()):
        by_title[p.title.casefold()].append(k)
    people: dict[str, EmployeePlan] = {}
    first_values: dict[str, tuple] = {}
    for r in c.table.rows:
        key = c.cell(r, "key") or ""
        if not key:
            c.problem(r.number, "key", gettext_noop("empty: every employee needs a key"))
            continue
        if not KEY_PATTERN.match(key):
            c.problem(
                r.number,
                "key",
                gettext_noop(
                    "“%(key)s” cannot be a key: use 1–64 letters, digits, '.', '_' or '-', "
                    "starting with a letter or digit"
                ),
                key=key,
            )
            continue
        e = EmployeePlan(key=key, rows=[r.number])
        if "name" in mapped:
            e.name = c.text(r, "name") or UNSET
        if "email" in mapped:
            email = c.text(r, "email") or ""
            if email and not EMAIL.match(email):
                c.problem(
                    r.number,
                    "email",
                    gettext_noop("“%(value)s” is not an e-mail address"),
                    value=email,
                )
            e.email = email
        if "start" in mapped:
            raw = c.cell(r, "start") or ""
            e.start = parse_date(raw) if raw else None
            if raw and e.start is None:
                c.problem(
                    r.number,
                    "start",
                    gettext_noop("“%(value)s” is not a date: write it as YYYY-MM-DD"),
                    value=raw,
                )
        department = None
        if "department" in mapped:
            raw = c.cell(r, "department") or ""
            if raw:
                department = (
                    raw if raw in existing.departments else dept_by_name.get(raw.casefold())
                )
                if department is None:
                    c.problem(
                        r.number,
                        "department",
                        gettext_noop("no department “%(value)s” in the organisation"),
                        value=raw,
                    )
        if "position" in mapped:
            raw = c.cell(r, "position") or ""
            e.position = _employee_position(c, r, raw, department, existing, by_title)
        signature = (e.name, e.email, e.start, e.position)
        if key in people:
            if first_values[key] != signature:
                c.problem(
                    r.number,
                    "key",
                    gettext_noop("“%(key)s” is also on row %(row)s, with other values"),
                    key=key,
                    row=people[key].rows[0],
                )
            people[key].rows.append(r.number)
            continue
        people[key] = e
        first_values[key] = signature
    if "name" not in mapped and people:
        c.note(None, "name", gettext_noop("no name column: new employees are named by their key"))
    if "position" in mapped and "start" not in mapped and people:
        c.note(
            None,
            "start",
            gettext_noop("no start date column: new assignments start on the day of the import"),
        )
    return Plan(kind="employees", employees=list(people.values()))


def _employee_position(c, r, raw, department, existing, by_title) -> str | None:
    if not raw:
        return None
    if raw in existing.positions:
        return raw
    matches = by_title.get(raw.casefold(), [])
    if department is not None:
        matches = [k for k in matches if existing.positions[k].department == department]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        c.problem(
            r.number,
            "position",
            gettext_noop(
                "no position with the key or title “%(value)s” in %(department)s: "
                "import the positions first"
            )
            if department
            else gettext_noop(
                "no position with the key or title “%(value)s”: import the positions first"
            ),
            value=raw,
            department=existing.departments.get(department, department) if department else "",
        )
    else:
        c.problem(
            r.number,
            "position",
            gettext_noop(
                "“%(value)s” is the title of %(n)s positions (%(keys)s): match the department "
                "column too, or use position keys"
            ),
            value=raw,
            n=len(matches),
            keys=", ".join(matches),
        )
    return None
