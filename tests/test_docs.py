"""The documentation tells the truth about the code it describes."""

import re
from pathlib import Path

from remit.accounts.permissions import MATRIX, ROLES, Grant

ROOT = Path(__file__).resolve().parent.parent
SYMBOL = {Grant.YES: "yes", Grant.SCOPED: "own area", Grant.OPENED: "if opened", Grant.NO: "—"}


def _doc_matrix() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text()
    section = text.split("<!-- permission-matrix -->")[1].split("<!-- /permission-matrix -->")[0]
    rows = {}
    for line in section.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        code = re.search(r"`(\w+)`", cells[0]).group(1)
        rows[code] = cells[1:]
    return rows


def test_permission_matrix_in_the_docs_matches_the_code():
    doc = _doc_matrix()
    code = {cap.value: [SYMBOL[MATRIX[cap][r]] for r in ROLES] for cap in MATRIX}
    assert doc == code


def test_env_example_lists_every_variable_the_settings_read():
    read: set[str] = set()
    for path in (ROOT / "remit").rglob("*.py"):
        src = path.read_text()
        read |= set(re.findall(r'env_(?:str|bool|int|list)\(\s*"(\w+)"', src))
        read |= set(re.findall(r'os\.environ\.get\(\s*"(\w+)"', src))
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^#?\s*(\w+)=", example, re.M))
    assert read - documented == set(), "variables missing from .env.example"
    assert documented - read == set(), ".env.example lists variables the settings do not read"


def test_vendored_files_are_listed_with_version_and_licence():
    vendor = ROOT / "remit" / "static" / "vendor"
    readme = (vendor / "README.md").read_text()
    for folder in (p for p in vendor.iterdir() if p.is_dir()):
        _name, _, version = folder.name.rpartition("-")
        assert version in readme, f"{folder.name} not listed in vendor/README.md"
        assert any(f.name.upper().startswith("LICENSE") for f in folder.iterdir()), folder
