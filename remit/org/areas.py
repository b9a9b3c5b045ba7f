"""The areas of Remit: the owner's nine concerns and the job responsibilities.

One name per area, used in every layer: ``models/<code>.py``, ``actions/<code>.py``,
``queries/<code>.py``, ``views/<code>.py``, ``api/<code>.py``, ``templates/org/<code>/``.
The navigation and the organisation home are drawn from this list.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    ref: str  # the framework's reference: A1..A9, B
    label: Promise
    question: Promise
    url_name: str


AREAS: tuple[Area, ...] = (
    Area(
        "duties",
        "B",
        _("Job responsibilities"),
        _("What is each position responsible for, from purpose to daily activities?"),
        "org:duties",
    ),
    Area("values", "A1", _("Values"), _("What does the owner really want?"), "org:values"),
    Area(
        "strategy", "A2", _("Objectives"), _("What must be achieved, and by when?"), "org:strategy"
    ),
    Area(
        "plan",
        "A3",
        _("Plan"),
        _("Which goals, stages, projects and tasks get us there, in which order?"),
        "org:plan",
    ),
    Area(
        "resources",
        "A4",
        _("Resources"),
        _("What is needed, what is there, what is lacking, and how is each gap filled?"),
        "org:resources",
    ),
    Area(
        "transparency",
        "A5",
        _("Status & finance"),
        _("Who does what, how far along, which problems, and what it costs?"),
        "org:transparency",
    ),
    Area(
        "relations",
        "A6",
        _("Relations"),
        _("Which customers, suppliers, partners and authorities do we keep in touch with?"),
        "org:relations",
    ),
    Area(
        "people",
        "A7",
        _("Personnel"),
        _("Which departments, positions and people, at each stage of growth?"),
        "org:people",
    ),
    Area(
        "control",
        "A8",
        _("Control"),
        _("Which risks are prevented, and what is the plan when prevention fails?"),
        "org:control",
    ),
    Area(
        "methods",
        "A9",
        _("Methods"),
        _("Which standard operating procedures hold the staff's experience?"),
        "org:methods",
    ),
)

AREA_BY_CODE = {a.code: a for a in AREAS}
