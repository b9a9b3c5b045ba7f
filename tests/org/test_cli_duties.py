"""`remit jd` and `remit health` on a real organisation (the demo company)."""

import json
import subprocess
import sys
import zipfile

import pytest

from remit.org.actions.demo import demo_load

from .test_orgfile_commands import run


@pytest.fixture
def demo(db):
    org, _report = demo_load(lang="en")
    return org


def test_jd_writes_each_format(demo, tmp_path):
    for fmt, magic in (
        ("pdf", b"%PDF"),
        ("docx", b"PK"),
        ("md", b"# Planning"),
        ("html", b"<!DOCTYPE"),
    ):
        out = tmp_path / f"fin.{fmt}"
        code, _o, err = run("jd", "FIN-MGR", "--org", "demo", "--format", fmt, "-o", str(out))
        assert code == 0, err
        assert out.read_bytes().startswith(magic), fmt


def test_jd_pdf_contains_the_purpose(demo, tmp_path):
    out = tmp_path / "fin.pdf"
    run("jd", "FIN-MGR", "--org", "demo", "--format", "pdf", "-o", str(out))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Under the guidance of national policy" in " ".join(text.split())


def test_jd_all_writes_a_zip_of_every_current_position(demo, tmp_path):
    out = tmp_path / "all.zip"
    code, _o, err = run("jd", "--all", "--org", "demo", "--format", "md", "-o", str(out))
    assert code == 0, err
    names = zipfile.ZipFile(out).namelist()
    assert len(names) == 28
    assert "FIN-MGR.md" in names


def test_jd_usage_errors(demo):
    assert run("jd", "NOPE", "--org", "demo", "--format", "md")[0] == 2
    assert run("jd", "--org", "demo")[0] == 2
    assert run("jd", "FIN-MGR", "--org", "demo", "--format", "pdf")[0] == 2  # binary to stdout


def test_health_on_the_database_reports_the_planted_flaws(demo):
    code, out, _err = run("health", "--org", "demo", "--format", "json", "--today", "2026-11-24")
    assert code == 1  # the demo has an error: MKT-MGR's weights add to 90 %
    findings = json.loads(out)
    codes = {(f["code"], tuple(f["entities"][:1])) for f in findings}
    assert ("weights-not-100", ("MKT-MGR",)) in codes
    assert any(
        f["code"] == "responsibility-vague" and "HR-ADM-3-1-2" in f["entities"] for f in findings
    )
    dup = [f for f in findings if f["code"] == "responsibility-duplicated"]
    assert {tuple(sorted(f["entities"][:2])) for f in dup} == {("SAL-COORD", "SAL-ESTIM")}
    assert set(findings[0]) == {"code", "severity", "area", "message", "entities", "fix"}


def test_health_on_a_file_needs_no_database():
    from pathlib import Path

    import remit

    demo_file = Path(remit.__file__).parent / "org" / "demo" / "demo-en.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "remit", "health", str(demo_file), "--today", "2026-11-24"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
            "REMIT_DATA_DIR": "/tmp/remit-health-nodb",
        },
    )
    assert result.returncode == 1, result.stderr
    assert "weights-not-100" in result.stdout
    assert "confidentiality-agreement" in result.stdout
    assert "2 error(s)" in result.stdout


def test_health_usage_and_invalid_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "remit: 1\norganization: {name: X}\npositions:\n- key: A\n  title: A\n  reports_to: B\n"
    )
    code, _o, err = run("health", str(bad))
    assert code == 2
    assert "positions[A].reports_to" in err
    assert run("health")[0] == 2
