"""A3 — when the plan's work happens: order of work, critical path, slack and warnings.

The plan is read as a precedence graph of events. Every item has two, its start S
and its finish F (days as ordinals; F is the day *after* the last day of work):

* ``S(x) → F(x)``: an item without parts takes its duration; one with parts finishes
  no earlier than it starts (its own duration is what its parts take);
* ``S(whole) → S(part)``: a part starts no earlier than the whole it belongs to;
* ``F(part) → F(whole)``: the whole finishes when its last part does;
* ``F(d) → S(x)`` for every ``d`` that ``x`` depends on (finish-to-start).

A planned start is a "start no earlier than" constraint on S, so the schedule keeps
the dates people chose and dependencies only push work later. A cycle in this graph
— items that wait for each other, or an item that depends on its own whole or part —
can never be scheduled: it is reported (naming its items) and left out, never a crash.

Cancelled items take no part; done items keep their place in the schedule (the
critical path is the chain that decides when each goal finishes) but not in the
order of work. Everything here is pure and costs near-linear time in the plan's size.
"""

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from remit.domain.plan import PlanItem, PlanStatus

Plan = Mapping[str, PlanItem]

DEP, PART = "depends", "part"  # the two kinds of edges, for describing cycles


# --- planned dates -----------------------------------------------------------------------


def span_days(item: PlanItem) -> int | None:
    """The item's duration in days: as stated, or from its start to its due date (inclusive)."""
    if item.duration_days is not None:
        return item.duration_days
    if item.start and item.due:
        return max(0, (item.due - item.start).days + 1)
    return None


def planned_start(item: PlanItem) -> dt.date | None:
    """The planned first day: the start, or the due date less the duration."""
    if item.start:
        return item.start
    span = span_days(item)
    if item.due and span is not None:
        return item.due - dt.timedelta(days=max(0, span - 1))
    return None


def planned_finish(item: PlanItem) -> dt.date | None:
    """The planned last day: the due date, or the start plus the duration."""
    if item.due:
        return item.due
    span = span_days(item)
    if item.start and span is not None:
        return item.start + dt.timedelta(days=max(0, span - 1))
    return None


# --- the tree --------------------------------------------------------------------------------


def live(plan: Plan) -> dict[str, PlanItem]:
    """The items that take part in scheduling: all but the cancelled ones."""
    return {k: it for k, it in plan.items() if it.status is not PlanStatus.CANCELLED}


def children_of(plan: Plan) -> dict[str | None, list[str]]:
    """Item keys by the key of their whole (None: the top), in the plan's order."""
    out: dict[str | None, list[str]] = defaultdict(list)
    for k, it in plan.items():
        out[it.parent if it.parent in plan else None].append(k)
    return out


def ancestors(plan: Plan, key: str) -> list[str]:
    """The wholes an item belongs to, nearest first (a parent loop stops the walk)."""
    out: list[str] = []
    seen = {key}
    k = plan[key].parent if key in plan else None
    while k is not None and k in plan and k not in seen:
        out.append(k)
        seen.add(k)
        k = plan[k].parent
    return out


def tree_order(plan: Plan, order: Mapping[str, int] | None = None) -> list[tuple[str, int]]:
    """Every item with its depth, wholes before their parts, siblings by ``order``.

    Items caught in a parent loop (only a broken file can hold one) come last, at depth 0.
    """
    order = order or {}
    position = {k: i for i, k in enumerate(plan)}
    kids = children_of(plan)
    for siblings in kids.values():
        siblings.sort(key=lambda k: (order.get(k, 0), position[k]))
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    stack = [(k, 0) for k in reversed(kids.get(None, []))]
    while stack:
        k, depth = stack.pop()
        if k in seen:
            continue
        seen.add(k)
        out.append((k, depth))
        stack.extend((c, depth + 1) for c in reversed(kids.get(k, [])))
    out.extend((k, 0) for k in plan if k not in seen)
    return out


def descendants(plan: Plan, key: str) -> list[str]:
    """Every part of an item, at any depth."""
    kids = children_of(plan)
    out: list[str] = []
    seen = {key}
    todo = list(kids.get(key, []))
    while todo:
        k = todo.pop()
        if k in seen:
            continue
        seen.add(k)
        out.append(k)
        todo.extend(kids.get(k, []))
    return out


def objective_of(plan: Plan, key: str) -> str | None:
    """The objective an item serves: its own, or the nearest whole's."""
    it = plan[key]
    if it.objective:
        return it.objective
    for a in ancestors(plan, key):
        if plan[a].objective:
            return plan[a].objective
    return None


# --- the graph -------------------------------------------------------------------------------


@dataclass
class _Graph:
    keys: list[str]
    index: dict[str, int]
    parent: list[int | None]
    has_parts: list[bool]
    succ: list[list[tuple[int, int, str]]]  # node -> (node, weight, kind)

    @staticmethod
    def s(i: int) -> int:
        return 2 * i

    @staticmethod
    def f(i: int) -> int:
        return 2 * i + 1

    def preds(self) -> list[list[tuple[int, int, str]]]:
        out: list[list[tuple[int, int, str]]] = [[] for _ in self.succ]
        for u, edges in enumerate(self.succ):
            for v, w, kind in edges:
                out[v].append((u, w, kind))
        return out


def _duration(item: PlanItem) -> int:
    """Days of work of an item without parts: 1 when nothing says how long."""
    span = span_days(item)
    if span is not None:
        return span
    return 1


def _graph(plan: Plan) -> _Graph:
    keys = list(plan)
    index = {k: i for i, k in enumerate(keys)}
    parent = [index.get(plan[k].parent) if plan[k].parent else None for k in keys]
    has_parts = [False] * len(keys)
    for p in parent:
        if p is not None:
            has_parts[p] = True
    succ: list[list[tuple[int, int, str]]] = [[] for _ in range(2 * len(keys))]
    for i, k in enumerate(keys):
        it = plan[k]
        succ[2 * i].append((2 * i + 1, 0 if has_parts[i] else _duration(it), PART))
        p = parent[i]
        if p is not None:
            succ[2 * p].append((2 * i, 0, PART))
            succ[2 * i + 1].append((2 * p + 1, 0, PART))
        for d in dict.fromkeys(it.depends_on):
            j = index.get(d)
            if j is not None:
                succ[2 * j + 1].append((2 * i, 0, DEP))
    return _Graph(keys, index, parent, has_parts, succ)


def _components(n: int, succ: list[list[tuple[int, int, str]]]) -> list[list[int]]:
    """Strongly connected components with more than one node (Tarjan, iterative)."""
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        while work:
            v, pos = work[-1]
            if pos == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            edges = succ[v]
            if pos < len(edges):
                work[-1] = (v, pos + 1)
                w = edges[pos][0]
                if index[w] == -1:
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(comp)
    return out


@dataclass(frozen=True, slots=True)
class Cycle:
    """Plan items that wait for each other in a circle, in the order they wait."""

    keys: tuple[str, ...]  # each must finish before the next; the last before the first
    through_parts: bool = False  # the circle runs through a whole and its part

    @property
    def text(self) -> str:
        """``A → B → C → A``"""
        return " → ".join((*self.keys, self.keys[0]))


def _one_cycle(g: _Graph, comp: list[int]) -> Cycle:
    """A circle inside a strongly connected component, named by its items."""
    members = set(comp)
    start = min(comp, key=lambda n: (g.keys[n // 2], n))
    # Breadth-first from the start back to itself: the shortest circle through it.
    came: dict[int, tuple[int, str]] = {}
    todo = [start]
    found = False
    while todo and not found:
        nxt = []
        for u in todo:
            for v, _w, kind in g.succ[u]:
                if v not in members or v in came:
                    continue
                came[v] = (u, kind)
                if v == start:
                    found = True
                    break
                nxt.append(v)
            if found:
                break
        todo = nxt
    path: list[int] = []
    kinds: list[str] = []
    v = start
    while True:
        u, kind = came[v]
        path.append(v)
        kinds.append(kind)
        v = u
        if v == start:
            break
    path.reverse()
    kinds.reverse()
    items: list[str] = []
    for n in [start, *path]:
        k = g.keys[n // 2]
        if not items or items[-1] != k:
            items.append(k)
    if len(items) > 1 and items[0] == items[-1]:
        items.pop()
    # Start the circle at its smallest key, so the same circle is always named alike.
    first = items.index(min(items))
    items = items[first:] + items[:first]
    # A step between different items along a "part" edge means a whole and its part.
    through_parts = any(
        kind == PART and g.keys[a // 2] != g.keys[b // 2]
        for a, b, kind in zip([start, *path[:-1]], path, kinds, strict=True)
    )
    return Cycle(tuple(items), through_parts)


def find_cycles(plan: Plan) -> list[Cycle]:
    """Every circle of waiting in the plan (one per tangle), cancelled items left out."""
    g = _graph(live(plan))
    cycles = [_one_cycle(g, comp) for comp in _components(2 * len(g.keys), g.succ)]
    return sorted(cycles, key=lambda c: c.keys)


def cycle_through(plan: Plan, key: str) -> Cycle | None:
    """The circle an item is caught in, if any (actions refuse a change that makes one)."""
    return next((c for c in find_cycles(plan) if key in c.keys), None)


# --- the critical path ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Timing:
    """When an item can happen at the earliest and latest, and how much it may slip."""

    key: str
    early_start: dt.date
    early_finish: dt.date  # last day of work
    late_start: dt.date
    late_finish: dt.date
    slack: int  # days it can slip without delaying its goal's finish
    duration: int  # days of work (an item with parts: from its first to its last part)

    @property
    def critical(self) -> bool:
        return self.slack == 0


@dataclass(frozen=True)
class Schedule:
    timings: dict[str, Timing]
    paths: dict[str, tuple[str, ...]]  # top item -> the chain that decides when it finishes
    finish: dict[str, dt.date]  # top item -> its forecast last day
    cycles: tuple[Cycle, ...]
    unscheduled: tuple[str, ...]  # no date anywhere in reach: nothing to compute from
    critical: frozenset[str] = field(default_factory=frozenset)

    def timing(self, key: str) -> Timing | None:
        return self.timings.get(key)


def _topological(n: int, succ: list[list[tuple[int, int, str]]], alive: list[bool]) -> list[int]:
    indegree = [0] * n
    for u in range(n):
        if alive[u]:
            for v, _w, _k in succ[u]:
                if alive[v]:
                    indegree[v] += 1
    todo = [u for u in range(n) if alive[u] and indegree[u] == 0]
    out: list[int] = []
    while todo:
        u = todo.pop()
        out.append(u)
        for v, _w, _k in succ[u]:
            if alive[v]:
                indegree[v] -= 1
                if indegree[v] == 0:
                    todo.append(v)
    return out


def schedule(plan: Plan) -> Schedule:
    """Early and late dates, slack and the critical path of every goal (top item)."""
    items = live(plan)
    g = _graph(items)
    n = 2 * len(g.keys)
    cycles = [_one_cycle(g, comp) for comp in _components(n, g.succ)]
    caught = {k for c in cycles for k in c.keys}
    alive = [g.keys[u // 2] not in caught for u in range(n)]
    topo = _topological(n, g.succ, alive)

    early: list[int | None] = [None] * n
    for i, k in enumerate(g.keys):
        it = items[k]
        anchor = it.start if g.has_parts[i] else planned_start(it)
        if anchor is None and not g.has_parts[i] and it.due:
            anchor = it.due - dt.timedelta(days=max(0, _duration(it) - 1))
        if anchor is not None:
            early[2 * i] = anchor.toordinal()
    for u in topo:
        if early[u] is None:
            continue
        for v, w, _k in g.succ[u]:
            if alive[v] and (early[v] is None or early[u] + w > early[v]):
                early[v] = early[u] + w

    # A whole with no start of its own (nor dependencies) starts with its earliest part.
    kids: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(g.parent):
        if p is not None:
            kids[p].append(i)
    for u in reversed(topo):
        i = u // 2
        if u % 2 == 0 and g.has_parts[i] and early[u] is None:
            starts = [early[2 * c] for c in kids[i] if early[2 * c] is not None]
            early[u] = min(starts) if starts else None  # type: ignore[type-var]

    # Each top item's finish is its goal's end: every part may finish as late as it does.
    top_of: dict[int, int] = {}
    for i in range(len(g.keys)):
        j, seen = i, {i}
        while g.parent[j] is not None and g.parent[j] not in seen:
            j = g.parent[j]
            seen.add(j)
        top_of[i] = j
    late: list[int | None] = [None] * n
    for u in reversed(topo):
        if early[u] is None:
            continue
        best: int | None = None
        for v, w, _k in g.succ[u]:
            if alive[v] and late[v] is not None:
                cand = late[v] - w
                best = cand if best is None else min(best, cand)
        i = u // 2
        if u % 2 == 1 and g.parent[i] is None:
            best = early[u] if best is None else min(best, early[u])
        late[u] = best if best is not None else early[u]

    timings: dict[str, Timing] = {}
    unscheduled: list[str] = []
    for i, k in enumerate(g.keys):
        s, f = 2 * i, 2 * i + 1
        if k in caught:
            continue
        es, ef, ls, lf = early[s], early[f], late[s], late[f]
        if es is None or ef is None or ls is None or lf is None:
            unscheduled.append(k)
            continue
        day = dt.date.fromordinal
        timings[k] = Timing(
            key=k,
            early_start=day(es),
            early_finish=day(max(es, ef - 1)),
            late_start=day(ls),
            late_finish=day(max(ls, lf - 1)),
            slack=lf - ef,
            duration=ef - es,
        )

    paths: dict[str, tuple[str, ...]] = {}
    finish: dict[str, dt.date] = {}
    preds = g.preds()
    for i, k in enumerate(g.keys):
        if g.parent[i] is not None or k not in timings:
            continue
        finish[k] = timings[k].early_finish
        paths[k] = _critical_chain(g, preds, early, late, alive, 2 * i + 1)
    return Schedule(
        timings=timings,
        paths=paths,
        finish=finish,
        cycles=tuple(sorted(cycles, key=lambda c: c.keys)),
        unscheduled=tuple(unscheduled),
        critical=frozenset(k for k, t in timings.items() if t.critical),
    )


def _critical_chain(g: _Graph, preds, early, late, alive, end: int) -> tuple[str, ...]:
    """Walk back from a goal's finish along the edges that drive it (no slack, no gap)."""
    chain: list[str] = []
    u: int | None = end
    seen: set[int] = set()
    while u is not None and u not in seen:
        seen.add(u)
        i = u // 2
        if not g.has_parts[i] and (not chain or chain[-1] != g.keys[i]):
            chain.append(g.keys[i])
        tight = [
            (p, kind)
            for p, w, kind in preds[u]
            if alive[p]
            and early[p] is not None
            and early[p] + w == early[u]
            and late[p] == early[p]
        ]
        # Prefer a dependency over "starts with its whole": it says more about what drives.
        tight.sort(key=lambda pk: (pk[1] != DEP, g.keys[pk[0] // 2], pk[0]))
        u = tight[0][0] if tight else None
    chain.reverse()
    return tuple(chain)


# --- the order of work --------------------------------------------------------------------------


def order_of_work(plan: Plan) -> list[str]:
    """The open items in the order to do them: dependencies first, then importance × urgency.

    Among the items whose dependencies are done, the one with the highest priority comes
    next (then the earlier planned start, then the key). A whole is listed as soon as it
    may begin, just before its first part; its parts are ranked by their own priority.
    Items caught in a cycle cannot be ordered: they come last, by key.
    """
    items = {k: it for k, it in live(plan).items() if it.is_open}
    g = _graph(items)
    n = 2 * len(g.keys)
    caught = {k for comp in _components(n, g.succ) for k in (g.keys[u // 2] for u in comp)}
    alive = [g.keys[u // 2] not in caught for u in range(n)]
    indegree = [0] * n
    for u in range(n):
        if alive[u]:
            for v, _w, _k in g.succ[u]:
                if alive[v]:
                    indegree[v] += 1
    far = dt.date.max.toordinal()

    def entry(u: int) -> tuple:
        it = items[g.keys[u // 2]]
        # A finish is no work, and a whole is done through its parts: release what waits
        # for them at once, so that parts compete by their own priority.
        if u % 2 or g.has_parts[u // 2]:
            return (0, 0, 0, it.key, u)
        start = planned_start(it)
        return (1, -it.priority, start.toordinal() if start else far, it.key, u)

    heap = [entry(u) for u in range(n) if alive[u] and indegree[u] == 0]
    heapq.heapify(heap)
    out: list[str] = []
    listed: set[int] = set()

    def emit(i: int) -> None:
        # A whole is listed just before its first part (or where it ends, with none open).
        chain: list[int] = []
        j: int | None = i
        while j is not None and j not in listed and j not in chain and alive[2 * j]:
            chain.append(j)
            j = g.parent[j]
        for j in reversed(chain):
            listed.add(j)
            out.append(g.keys[j])

    while heap:
        *_rest, u = heapq.heappop(heap)
        i = u // 2
        if (u % 2 == 0 and not g.has_parts[i]) or (u % 2 == 1 and g.has_parts[i]):
            emit(i)
        for v, _w, _k in g.succ[u]:
            if alive[v]:
                indegree[v] -= 1
                if indegree[v] == 0:
                    heapq.heappush(heap, entry(v))
    out.extend(sorted(caught))
    return out


def waits_for(plan: Plan, key: str) -> list[str]:
    """The open items this one still waits for: its own dependencies and its wholes'."""
    out: list[str] = []
    for k in [key, *ancestors(plan, key)]:
        for d in plan[k].depends_on:
            if d in plan and plan[d].is_open and d not in out and d != key:
                out.append(d)
    return out


# --- warnings ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Preparation:
    """When preparing an item must begin: its start less its lead time."""

    key: str
    start: dt.date
    lead_time_days: int
    prepare_from: dt.date

    def late_by(self, today: dt.date) -> int:
        """Days since preparation should have begun (0 or less: not late)."""
        return (today - self.prepare_from).days


def preparations(plan: Plan) -> dict[str, Preparation]:
    """Items not started yet that need preparing ahead, with the day preparation begins."""
    out: dict[str, Preparation] = {}
    for k, it in plan.items():
        if it.status is not PlanStatus.NOT_STARTED or it.lead_time_days <= 0:
            continue
        start = planned_start(it)
        if start is None:
            continue
        out[k] = Preparation(
            k, start, it.lead_time_days, start - dt.timedelta(days=it.lead_time_days)
        )
    return out


def preparation_late(plan: Plan, today: dt.date) -> list[Preparation]:
    """Items whose preparation should have started: start − lead time has passed."""
    return [p for p in preparations(plan).values() if p.prepare_from < today]


def overdue(plan: Plan, today: dt.date) -> list[str]:
    """Open items whose planned finish has passed."""
    out = []
    for k, it in plan.items():
        finish = planned_finish(it)
        if it.is_open and finish is not None and finish < today:
            out.append(k)
    return out


@dataclass(frozen=True, slots=True)
class Conflict:
    """An item planned to start before something it depends on is due to finish."""

    key: str
    start: dt.date
    dependency: str
    dependency_finish: dt.date

    @property
    def overlap_days(self) -> int:
        return (self.dependency_finish - self.start).days


def date_conflicts(plan: Plan) -> list[Conflict]:
    """Dates that contradict a dependency: the item starts before its dependency's due date.

    Starting on the day the dependency is due counts as a hand-over, not a conflict.
    """
    out = []
    for k, it in live(plan).items():
        start = planned_start(it)
        if start is None:
            continue
        for d in dict.fromkeys(it.depends_on):
            dep = plan.get(d)
            if dep is None or dep.status is PlanStatus.CANCELLED or d == k:
                continue
            finish = planned_finish(dep)
            if finish is not None and start < finish:
                out.append(Conflict(k, start, d, finish))
    return out


def untraced(plan: Plan) -> list[str]:
    """Items that serve no objective, neither themselves nor through any whole (drift)."""
    return [k for k in live(plan) if objective_of(plan, k) is None]


def unowned(plan: Plan) -> list[str]:
    """Items no position is accountable for."""
    return [k for k, it in live(plan).items() if not it.owner]


def iter_edges(plan: Plan) -> Iterator[tuple[str, str]]:
    """Every dependency as (predecessor, successor), both present and not cancelled."""
    items = live(plan)
    for k, it in items.items():
        for d in dict.fromkeys(it.depends_on):
            if d in items and d != k:
                yield d, k


def keys_in(plan: Plan, keys: Iterable[str]) -> list[str]:
    """The given keys that name items of the plan, in the given order, once each."""
    return [k for k in dict.fromkeys(keys) if k in plan]
