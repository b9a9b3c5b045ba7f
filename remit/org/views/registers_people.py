"""Personnel registers declared on the shared register pattern (remit/org/registers.py):
skills, grades, and development stages.

Skills and grades are listed in ``REGISTERS`` (at ``/skills/`` and ``/grades/``). The
stages' list, form and deletion come from the same pattern under ``people/stages/``
(``STAGE_URLPATTERNS``), while a stage's own page, with its staffing plan and cost, is
a view of its own in ``people_staffing.py`` under the register's URL name, so the
register's links lead there.
"""

from django import forms
from django.template.loader import render_to_string
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _

from .. import registers
from ..actions import people_staffing as actions
from ..models import Grade, Skill, Stage
from ..queries import people_staffing as queries


class SkillForm(registers.RegisterForm):
    class Meta:
        model = Skill
        fields = ["name", "key", "category", "description"]


class GradeForm(registers.RegisterForm):
    class Meta:
        model = Grade
        fields = ["name", "key", "monthly_cost"]


class StageForm(registers.RegisterForm):
    class Meta:
        model = Stage
        fields = ["name", "key", "order", "target_date", "description"]
        widgets = {
            "target_date": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "order": _("Stages follow each other in this order: 1, 2, 3 …"),
            "target_date": _("When the company should have reached the stage."),
            "description": _("What the company looks like in this stage: size, markets, people."),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        if not self.instance.pk:  # a new stage comes after the last one
            last = Stage.objects.filter(org=org).order_by("-order").values_list("order", flat=True)
            self.fields["order"].initial = (last.first() or 0) + 1


# --- the skills catalogue: writes through the area's actions ------------------------------------


def _skill_create(*, register, org, actor, data):
    return actions.skill_create(org=org, actor=actor, **data)


def _skill_update(*, register, row, actor, data):
    return actions.skill_update(skill=row, actor=actor, **data)


def _skill_delete(*, register, row, actor):
    actions.skill_delete(skill=row, actor=actor)


def _skill_usage(skill: Skill) -> str:
    """The positions that require the skill, on the skill's page."""
    return render_to_string(
        "org/people/staffing/skill_usage.html", {"skill": skill, **queries.skill_usage(skill)}
    )


SKILLS = registers.Register(
    area="people",
    name="skill",
    model=Skill,
    form=SkillForm,
    title=_("Skills"),
    singular=_("skill"),
    intro=_(
        "The skills catalogue: what positions require and employees are assessed on. "
        "Import a list from a CSV or XLSX file under Personnel → Import skills."
    ),
    columns=[
        registers.Column(_("Skill"), "name"),
        registers.Column(_("Key"), "key"),
        registers.Column(_("Category"), "category"),
    ],
    search=("key", "name", "category"),
    ordering=("category", "name"),
    key_prefix="SK",
    owner_field=None,
    create=_skill_create,
    update=_skill_update,
    delete=_skill_delete,
    children=(_skill_usage,),
)

GRADES = registers.Register(
    area="people",
    name="grade",
    model=Grade,
    form=GradeForm,
    title=_("Grades"),
    singular=_("grade"),
    intro=_(
        "Pay grades and what one holder costs per month: the basis of what a stage of the company costs."
    ),
    columns=[
        registers.Column(_("Grade"), "name"),
        registers.Column(_("Key"), "key"),
        registers.Column(_("Monthly cost"), "monthly_cost", css="text-end"),
    ],
    search=("key", "name"),
    ordering=("key",),
    key_prefix="G",
    owner_field=None,
)

REGISTERS = (SKILLS, GRADES)


# --- development stages -------------------------------------------------------------------------


def _stage_create(*, register, org, actor, data):
    return actions.stage_create(org=org, actor=actor, **data)


def _stage_update(*, register, row, actor, data):
    return actions.stage_update(stage=row, actor=actor, **data)


def _stage_delete(*, register, row, actor):
    actions.stage_delete(stage=row, actor=actor)


STAGES = registers.Register(
    area="people",
    name="stage",
    model=Stage,
    form=StageForm,
    title=_("Development stages"),
    singular=_("development stage"),
    intro=_(
        "The stages the company grows through (start-up, growth, expansion …), each with a "
        "target date and the positions and headcount it needs. Open a stage to plan its staffing."
    ),
    columns=[
        registers.Column(_("Stage"), "name"),
        registers.Column(_("Order"), "order"),
        registers.Column(_("Target date"), "target_date"),
        registers.Column(_("Key"), "key"),
    ],
    search=("key", "name", "description"),
    ordering=("order", "target_date", "key"),
    key_prefix="ST",
    owner_field=None,
    create=_stage_create,
    update=_stage_update,
    delete=_stage_delete,
)


def stage_urlpatterns() -> list[URLPattern]:
    """The stage register's list, form and delete addresses under ``people/``, without its
    detail page (``people_staffing.stage_detail`` takes that name)."""
    return [
        path(f"people/{p.pattern}", p.callback, name=p.name)
        for p in registers.urlpatterns(STAGES)
        if p.name != "stage_detail"
    ]
