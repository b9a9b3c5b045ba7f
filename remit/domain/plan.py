"""A3 — the plan: goals, stages, projects and tasks under the objectives."""

import datetime as dt
from dataclasses import dataclass

from .common import Labelled, gettext_noop


class PlanKind(Labelled):
    GOAL = "goal", gettext_noop("Goal")
    STAGE = "stage", gettext_noop("Stage")
    PROJECT = "project", gettext_noop("Project")
    TASK = "task", gettext_noop("Task")


class PlanStatus(Labelled):
    NOT_STARTED = "not_started", gettext_noop("Not started")
    IN_PROGRESS = "in_progress", gettext_noop("In progress")
    BLOCKED = "blocked", gettext_noop("Blocked")
    DONE = "done", gettext_noop("Done")
    CANCELLED = "cancelled", gettext_noop("Cancelled")


@dataclass(frozen=True, slots=True)
class PlanItem:
    key: str
    title: str
    kind: PlanKind = PlanKind.TASK
    parent: str | None = None  # plan item key
    objective: str | None = None  # objective key
    description: str = ""
    start: dt.date | None = None
    due: dt.date | None = None
    duration_days: int | None = None
    owner: str | None = None  # position key
    assignee: str | None = None  # employee key
    importance: int = 3  # 1..5
    urgency: int = 3  # 1..5
    status: PlanStatus = PlanStatus.NOT_STARTED
    progress: int = 0  # percent
    advance: str = ""  # how to advance it: the path to push it forward
    lead_time_days: int = 0  # preparation must start this long before start
    depends_on: tuple[str, ...] = ()  # plan item keys that must finish first

    @property
    def priority(self) -> int:
        return self.importance * self.urgency

    @property
    def is_open(self) -> bool:
        return self.status not in (PlanStatus.DONE, PlanStatus.CANCELLED)
