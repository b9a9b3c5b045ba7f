"""The one bridge: load a whole organisation from the database into the domain snapshot.

One query per table (and per many-to-many table), whatever the organisation's
size: rows come as plain tuples (``values_list``), and the nested dataclasses are
built bottom-up in memory.
"""

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db.models import Q

from remit.accounts.models import Organization as OrgRow
from remit.domain import Organization

from .mapping import (
    CHILDREN,
    SPEC,
    SPECS,
    Link,
    Spec,
    columns,
    default_of,
    depth,
    embedded_fields,
    embedded_links,
    field_types,
    from_db,
    has_key,
    plain_fields,
)


def _m2m(spec: Spec, link: Link, org: OrgRow, source_ids: list[int] | None) -> dict[int, list[int]]:
    """Source id -> target ids, in insertion order, for one many-to-many field."""
    out: dict[int, list[int]] = defaultdict(list)
    if source_ids is not None and not source_ids:
        return out
    field = spec.model._meta.get_field(link.model)
    through = field.remote_field.through
    src = field.m2m_field_name()
    src_att = through._meta.get_field(src).attname
    tgt_att = through._meta.get_field(field.m2m_reverse_field_name()).attname
    qs = through.objects.filter(**{f"{src}__org": org})
    if source_ids is not None:
        qs = qs.filter(**{f"{src_att}__in": source_ids})
    for s, t in qs.order_by("pk").values_list(src_att, tgt_att):
        out[s].append(t)
    return out


def load(org: OrgRow, scope: Mapping[str, Q] | None = None) -> Organization:
    """The organisation as a domain snapshot: all of it, or only what ``scope`` selects.

    ``scope`` maps top-level spec names to filters; specs not named are left out, the
    children of selected rows come with them (filtered too when the scope names the
    child spec), and every key a selected row refers to
    is resolved (at most one more query per referenced table). Either way the number
    of queries does not depend on the organisation's size.
    """
    rows: dict[str, list[tuple]] = {}
    keys: dict[str, dict[int, str]] = defaultdict(dict)
    for spec in sorted(SPECS, key=depth):
        qs = spec.model.objects.filter(org=org)
        if scope is not None:
            if spec.parent:
                parent_ids = [r[0] for r in rows.get(spec.parent, [])]
                if not parent_ids:
                    continue
                qs = qs.filter(**{f"{spec.parent_field}__in": parent_ids})
                if spec.name in scope:
                    qs = qs.filter(scope[spec.name])
            elif spec.name in scope:
                qs = qs.filter(scope[spec.name])
            else:
                continue
        order: list[Any] = []
        if spec.parent:
            order.append(spec.model._meta.get_field(spec.parent_field).attname)
        if spec.ordered:
            order.append("order")
        order.append("id")
        rows[spec.name] = list(qs.order_by(*order).values_list(*columns(spec)))
        keys[spec.name] = {r[0]: r[1] for r in rows[spec.name]}

    multi: dict[tuple[str, str], dict[int, list[int]]] = {}
    for spec in SPECS:
        ids = None if scope is None else [r[0] for r in rows.get(spec.name, [])]
        for link in spec.multi:
            multi[(spec.name, link.domain)] = _m2m(spec, link, org, ids)
        for attr, link in embedded_links(spec):
            multi[(spec.name, f"{attr}.{link.domain}")] = _m2m(spec, link, org, ids)
    if scope is not None:
        _resolve_missing_keys(rows, keys, multi)

    built: dict[str, dict[int, Any]] = {}
    by_parent: dict[str, dict[int, list[Any]]] = {}
    for spec in sorted(SPECS, key=depth, reverse=True):
        built[spec.name] = _build(spec, rows.get(spec.name, []), keys, multi, by_parent)
        if spec.parent:
            grouped: dict[int, list[Any]] = defaultdict(list)
            for row in rows.get(spec.name, []):
                grouped[row[2]].append(built[spec.name][row[0]])
            by_parent[spec.name] = grouped

    collections: dict[str, Any] = {}
    for spec in SPECS:
        if spec.collection == "values":
            objs = list(built[spec.name].values())
            collections["values"] = objs[0] if objs else None
        elif spec.collection:
            collections[spec.collection] = {o.key: o for o in built[spec.name].values()}
    return Organization(
        name=org.name,
        slug=org.slug,
        language=org.language,
        currency=org.currency,
        fiscal_year_start=org.fiscal_year_start,
        **collections,
    )


def _resolve_missing_keys(rows, keys, multi) -> None:
    """Fetch the keys of rows that selected rows refer to but the scope left out."""
    missing: dict[str, set[int]] = defaultdict(set)
    for spec in SPECS:
        plain = plain_fields(spec)
        start = (3 if spec.parent else 2) + len(plain)
        for row in rows.get(spec.name, []):
            for i, link in enumerate(spec.links):
                target_id = row[start + i]
                if target_id is not None and target_id not in keys[link.target]:
                    missing[link.target].add(target_id)
        links = list(spec.multi) + [link for _a, link in embedded_links(spec)]
        names = [link.domain for link in spec.multi] + [
            f"{a}.{link.domain}" for a, link in embedded_links(spec)
        ]
        for link, name in zip(links, names, strict=True):
            for targets in multi[(spec.name, name)].values():
                missing[link.target].update(t for t in targets if t not in keys[link.target])
    for target, ids in missing.items():
        model = SPEC[target].model
        keys[target].update(model.objects.filter(pk__in=ids).values_list("id", "key"))


def _build(
    spec: Spec,
    spec_rows: list[tuple],
    keys: dict[str, dict[int, str]],
    multi: dict[tuple[str, str], dict[int, list[int]]],
    by_parent: dict[str, dict[int, list[Any]]],
) -> dict[int, Any]:
    types = field_types(spec.domain)
    plain = plain_fields(spec)
    start = 3 if spec.parent else 2
    link_start = start + len(plain)
    emb_start = link_start + len(spec.links)
    embedded = embedded_fields(spec)
    out: dict[int, Any] = {}
    for row in spec_rows:
        pk = row[0]
        kw: dict[str, Any] = {}
        if has_key(spec):
            kw["key"] = row[1]
        for i, (dname, _mname) in enumerate(plain):
            value = from_db(row[start + i], types[dname])
            kw[dname] = _default_if_empty(spec, dname, value, types[dname])
        for i, link in enumerate(spec.links):
            target_id = row[link_start + i]
            kw[link.domain] = keys[link.target].get(target_id) if target_id is not None else None
        for link in spec.multi:
            ids = multi[(spec.name, link.domain)].get(pk, ())
            kw[link.domain] = tuple(keys[link.target][i] for i in ids)
        if embedded:
            subs: dict[str, dict[str, Any]] = defaultdict(dict)
            for i, (attr, sub, _mf, _cls) in enumerate(embedded):
                subs[attr][sub] = row[emb_start + i]
            for attr, link in embedded_links(spec):
                ids = multi[(spec.name, f"{attr}.{link.domain}")].get(pk, ())
                subs[attr][link.domain] = tuple(keys[link.target][i] for i in ids)
            for attr, cls, _pairs, _links in spec.embedded:
                kw[attr] = cls(**subs[attr])
        for child in CHILDREN.get(spec.name, []):
            kw[child.children_attr] = tuple(by_parent[child.name].get(pk, ()))
        out[pk] = spec.domain(**kw)
    return out


def _default_if_empty(spec: Spec, name: str, value: Any, tp: Any) -> Any:
    """A missing optional value (NULL, or '' for enums and cadences) takes the domain default."""
    return default_of(spec.domain, name) if value is None else value


def query_count() -> int:
    """How many queries a full :func:`load` makes: one per table and many-to-many table."""
    return len(SPECS) + sum(len(s.multi) + len(embedded_links(s)) for s in SPECS)
