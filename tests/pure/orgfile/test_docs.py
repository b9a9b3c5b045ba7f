"""docs/orgfile.md describes every section and field the format has, as the spec says."""

from pathlib import Path

from remit import orgfile
from remit.orgfile._spec import COLLECTIONS, ORGANIZATION, VALUES, EntitySpec, FieldSpec, Kind

DOC = Path(__file__).resolve().parents[3] / "docs" / "orgfile.md"
START, END = "<!-- fields -->", "<!-- /fields -->"

_KIND = {
    Kind.TEXT: "text",
    Kind.INT: "whole number",
    Kind.BOOL: "true or false",
    Kind.DECIMAL: "number",
    Kind.DATE: "date",
    Kind.MONTH: "month (YYYY-MM)",
    Kind.CADENCE: "cadence",
    Kind.TEXTS: "list of texts",
    Kind.MAPPING: "free-form mapping",
}


def _article(label: str) -> str:
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label}"


def _describe(f: FieldSpec) -> str:
    if f.ref and f.kind is Kind.TEXT:
        text = f"key of {_article(COLLECTIONS[f.ref].label)}"
    elif f.kind is Kind.KEYS:
        text = f"list of {COLLECTIONS[f.ref].label} keys"
    elif f.kind in (Kind.ENUM, Kind.CHOICE):
        text = "one of " + ", ".join(f"`{c}`" for c in f.choices)
    elif f.kind is Kind.CHILDREN:
        text = f"list of {f.entity.label} entries (below)"
    elif f.kind is Kind.RECORD:
        text = f"{_article(f.entity.label)} (below)"
    elif f.pattern:
        text = f"text: {f.pattern[1]}"
    else:
        text = _KIND[f.kind]
    if f.bounds:
        low, high = f.bounds
        text += f" {low}–{high}" if high is not None else f", at least {low}"
    default = getattr(f.default, "value", f.default)
    if not f.required and default not in (None, "", (), {}, False) and f.kind is not Kind.RECORD:
        text += f", default `{str(default).lower() if default is True else default}`"
    return text


def _entity(title: str, spec: EntitySpec, out: list[str]) -> None:
    out += ["", f"### {title}", ""]
    for name, f in spec.fields.items():
        if name == "key" and spec.keyed:
            out.append(
                "- `key` — key; left out, it is derived from the parent's key"
                if spec.nested
                else "- **key** — key"
            )
            continue
        shown = f"**{name}**" if f.required else f"`{name}`"
        out.append(f"- {shown} — {_describe(f)}")
    for name, f in spec.fields.items():
        if f.kind in (Kind.CHILDREN, Kind.RECORD):
            _entity(f"{title} › {name}", f.entity, out)


def reference() -> str:
    """The field reference as the docs must hold it."""
    out: list[str] = []
    _entity("organization", ORGANIZATION, out)
    _entity("values", VALUES, out)
    for name, spec in COLLECTIONS.items():
        _entity(name, spec, out)
    return "\n".join(out).strip()


def test_the_field_reference_in_the_docs_matches_the_spec():
    text = DOC.read_text(encoding="utf-8")
    documented = text.split(START)[1].split(END)[0].strip()
    assert documented == reference(), "docs/orgfile.md is out of date: paste reference() in"


def test_the_example_in_the_docs_loads():

    example = DOC.read_text(encoding="utf-8").split("```yaml\n")[1].split("```")[0]
    org = orgfile.load(example, source="docs/orgfile.md")
    responsibility = org.responsibility_refs["FIN-MGR-1-1-1"].responsibility
    assert responsibility.procedures == ("SOP-CLOSE",)
    assert org.procedures["SOP-CLOSE"].steps[1].key == "SOP-CLOSE-2"
