"""Every read of action plans, coordinators and consultations.

Each selector runs a fixed number of queries whatever the number of States, values or
contributions; a computed indicator runs its computation once per year it shows.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plenary.action_plan.computations import COMPUTATIONS, ComputedValue
from plenary.action_plan.models import (
    Action,
    ActionPlan,
    AddressedTo,
    Answer,
    Consultation,
    ConsultationSection,
    Contribution,
    Coordination,
    Indicator,
    IndicatorValue,
    Question,
    Section,
    ThematicArea,
)
from plenary.core.l10n import in_name_order
from plenary.core.models import Role, RoleGrant
from plenary.core.selectors import acting_for
from plenary.rules import indicators as rules
from plenary.rules import times
from plenary.rules.errors import RuleError
from plenary.treaties.models import Convention, State
from plenary.treaties.selectors import states_on


def action_plans(*, convention: Convention):
    return (
        ActionPlan.objects.select_related("convention")
        .filter(convention=convention)
        .order_by("first_year")
    )


def _indicators_queryset():
    return Indicator.objects.select_related("action").order_by("pk")


def action_plan(*, convention: Convention, code: str) -> ActionPlan:
    """A plan of the convention with its sections, their actions and indicators (four
    queries)."""
    plan = (
        ActionPlan.objects.filter(convention=convention, code__iexact=code)
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=Section.objects.select_related("area").order_by("number"),
            ),
            Prefetch("sections__actions", queryset=Action.objects.order_by("pk")),
            Prefetch("sections__indicators", queryset=_indicators_queryset()),
        )
        .first()
    )
    if plan is None:
        raise Http404(_("No action plan %(code)r.") % {"code": code})
    return plan


@dataclass
class IndicatorProgress:
    indicator: Indicator
    year: int
    value: Decimal | None
    yes: int | None = None  # yes/no indicators: how many States answered yes
    answered: int | None = None
    progress: rules.Progress | None = None
    series: list[tuple[int, Decimal | None]] = field(default_factory=list)
    source: str = ""
    definition: str = ""
    counted: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.indicator.code


@dataclass
class SectionProgress:
    section: Section
    rows: list[IndicatorProgress]


class _Computed:
    """Computations of one request, each (name, year) run once."""

    def __init__(self, convention: Convention) -> None:
        self.convention = convention
        self.cache: dict[tuple[str, int], ComputedValue] = {}

    def get(self, name: str, year: int) -> ComputedValue:
        key = (name, year)
        if key not in self.cache:
            self.cache[key] = COMPUTATIONS[name].compute(self.convention, year)
        return self.cache[key]


EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def within_plan(*, plan: ActionPlan, year: int) -> bool:
    """Whether the plan measures `year`: a year of its period (and of 1900-2200). Views and
    the API refuse any other before a series of years is built up to it."""
    first, last = max(plan.first_year, EARLIEST_YEAR), min(plan.last_year, LATEST_YEAR)
    return first <= year <= last


def _years(indicator: Indicator, plan: ActionPlan, year: int) -> list[int]:
    first = min(plan.first_year, indicator.baseline_year or plan.first_year)
    return list(range(first, year + 1))


def _entered_value(indicator: Indicator, rows: list[IndicatorValue]):
    """The year's figure of entered rows: the value, or (yes, answered) for yes/no."""
    if indicator.per_state:
        yes, answered = rules.yes_no_summary([r.answer for r in rows])
        return (Decimal(yes) if answered else None), yes, answered
    return (rows[0].value if rows else None), None, None


def _progress_of(
    indicator: Indicator,
    plan: ActionPlan,
    year: int,
    entered: dict[int, list[IndicatorValue]],
    computed: _Computed,
) -> IndicatorProgress:
    series: list[tuple[int, Decimal | None]] = []
    row = IndicatorProgress(indicator=indicator, year=year, value=None)
    for each in _years(indicator, plan, year):
        if indicator.is_computed:
            result = computed.get(indicator.computation, each)
            value, yes, answered = result.value, None, None
            if each == year:
                row.counted = result.states
                row.source = result.reason or (
                    gettext("computed from the records on %(day)s")
                    % {"day": f"{result.measured_on:%-d %B %Y}"}
                )
        else:
            rows = entered.get(each, [])
            value, yes, answered = _entered_value(indicator, rows)
            if each == year:
                row.source = "; ".join(sorted({r.source for r in rows}))
        series.append((each, value))
        if each == year:
            row.value, row.yes, row.answered = value, yes, answered
    row.series = series
    if indicator.is_computed:
        row.definition = COMPUTATIONS[indicator.computation].definition
    row.progress = rules.progress(
        baseline=indicator.baseline_value, target=indicator.target_value, value=row.value
    )
    return row


# How far from a plan's period its progress may be asked for: progress is computed year by
# year from the plan's first, so an unbounded year is an unbounded loop (issue 24).
YEARS_AROUND_PLAN = 10
YEAR_OUT_OF_RANGE = _("the year is between %(first)s and %(last)s for this plan")


def check_year(*, plan: ActionPlan, year: int) -> None:
    """A RuleError on "year" unless `year` is within YEARS_AROUND_PLAN of the plan's period."""
    first, last = plan.first_year - YEARS_AROUND_PLAN, plan.last_year + YEARS_AROUND_PLAN
    if not first <= year <= last:
        raise RuleError("year", YEAR_OUT_OF_RANGE % {"first": first, "last": last})


def plan_progress(*, plan: ActionPlan, year: int) -> list[SectionProgress]:
    """Each section's indicators in `year` against baseline and target, with their series.

    `plan` comes from `action_plan` (prefetched). One query for every entered value of
    the plan up to `year`, plus each computation once per year shown. A year far from the
    plan's period is a RuleError (`check_year`).
    """
    check_year(plan=plan, year=year)
    values: dict[int, dict[int, list[IndicatorValue]]] = defaultdict(lambda: defaultdict(list))
    for value in IndicatorValue.objects.filter(
        indicator__section__plan=plan, year__lte=year
    ).select_related("state"):
        values[value.indicator_id][value.year].append(value)
    computed = _Computed(plan.convention)
    return [
        SectionProgress(
            section=section,
            rows=[
                _progress_of(indicator, plan, year, values[indicator.pk], computed)
                for indicator in section.indicators.all()
            ],
        )
        for section in plan.sections.all()
    ]


def indicator_record(
    *, convention: Convention, pk: int, year: int | None, today: date
) -> tuple[Indicator, IndicatorProgress, list]:
    """An indicator, its progress up to `year` (by default this year, or the plan's last
    year once the plan has ended), and every value entered for it."""
    indicator = (
        Indicator.objects.select_related("section__plan__convention", "action", "section__area")
        .filter(pk=pk, section__plan__convention=convention)
        .first()
    )
    if indicator is None:
        raise Http404(_("No indicator %(pk)s.") % {"pk": pk})
    plan = indicator.section.plan
    if year is None:
        year = min(today.year, plan.last_year)
    elif not within_plan(plan=plan, year=year):
        raise Http404(
            _("%(year)s is not a year of the plan (%(period)s).")
            % {"year": year, "period": plan.period}
        )
    entered = sorted(
        in_name_order(
            IndicatorValue.objects.filter(indicator=indicator).select_related(
                "state", "entered_by"
            ),
            lambda value: str(value.state) if value.state_id else "",
        ),
        key=lambda value: value.year,
    )
    by_year: dict[int, list[IndicatorValue]] = defaultdict(list)
    for value in entered:
        if value.year <= year:
            by_year[value.year].append(value)
    row = _progress_of(indicator, plan, year, by_year, _Computed(plan.convention))
    return indicator, row, entered


# Thematic areas and coordinators --------------------------------------------------------


def _coordinations():
    return Coordination.objects.prefetch_related("states").order_by(
        "-in_office_year", "-term_from", "pk"
    )


def thematic_areas(*, convention: Convention):
    """The areas with their coordinators (two queries)."""
    return ThematicArea.objects.filter(convention=convention).prefetch_related(
        Prefetch("coordinations", queryset=_coordinations())
    )


def thematic_area(*, convention: Convention, slug: str) -> ThematicArea:
    area = (
        thematic_areas(convention=convention)
        .prefetch_related(Prefetch("sections", queryset=Section.objects.select_related("plan")))
        .filter(slug=slug)
        .first()
    )
    if area is None:
        raise Http404(_("No thematic area %(slug)r.") % {"slug": slug})
    return area


def coordinators_in(*, convention: Convention, year: int) -> list[tuple[ThematicArea, list]]:
    """Each area with the coordinations in office in `year`: a term overlapping the year,
    or a source showing them in office that year."""
    in_year = Q(in_office_year=year) | (
        (Q(term_from__isnull=True) | Q(term_from__year__lte=year))
        & (Q(term_to__isnull=True) | Q(term_to__year__gte=year))
        & (Q(term_from__isnull=False) | Q(term_to__isnull=False))
    )
    areas = ThematicArea.objects.filter(convention=convention).prefetch_related(
        Prefetch("coordinations", queryset=_coordinations().filter(in_year))
    )
    return [(area, list(area.coordinations.all())) for area in areas]


# Consultations ---------------------------------------------------------------------------


def consultations(*, convention: Convention, addressees: bool = False):
    """The convention's consultations; with `addressees`, their chosen lists prefetched."""
    found = Consultation.objects.select_related("meeting", "plan")
    if addressees:
        found = found.prefetch_related("addressed_states", "addressed_organisations")
    return found.filter(convention=convention).order_by("-deadline", "-pk")


def consultation_record(*, convention: Convention, pk: int, addressees: bool = False):
    """A consultation with its sections and questions (three queries; five with its
    chosen `addressees`)."""
    consultation = (
        consultations(convention=convention, addressees=addressees)
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=ConsultationSection.objects.select_related("area").order_by("order"),
            ),
            Prefetch("sections__questions", queryset=Question.objects.order_by("number")),
        )
        .filter(pk=pk)
        .first()
    )
    if consultation is None:
        raise Http404(_("No consultation %(pk)s.") % {"pk": pk})
    return consultation


def _contributions(consultation: Consultation):
    return (
        Contribution.objects.filter(consultation=consultation)
        .select_related("state", "organisation", "author")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by("submitted_at", "pk")
    )


def contribution_of(*, consultation: Consultation, user) -> Contribution | None:
    """The contribution of the user's own State or organisation, if any."""
    party = acting_for(user=user, convention=consultation.convention)
    if isinstance(party, State):
        return _contributions(consultation).filter(state_id=party.pk).first()
    if party is not None:
        return _contributions(consultation).filter(organisation_id=party.pk).first()
    return None


def visible_contributions(*, consultation: Consultation, user) -> list[Contribution]:
    """Every contribution the user may read: all of them for the President's team and where
    the consultation's visibility allows; otherwise only the user's own Delegation's."""
    if user.has_perm("action_plan.view_all_contributions", consultation):
        return list(_contributions(consultation))
    own = contribution_of(consultation=consultation, user=user)
    return [own] if own else []


@dataclass
class CompiledAnswer:
    contributor: str
    author: str
    text: str


@dataclass
class CompiledQuestion:
    question: Question
    section: ConsultationSection
    answers: list[CompiledAnswer]


def compiled(*, consultation: Consultation, user) -> tuple[list[CompiledQuestion], list]:
    """Per question, every visible answer with the State or organisation and its author;
    and the contributions (for their attachments). `consultation` from consultation_record."""
    contributions = visible_contributions(consultation=consultation, user=user)
    by_question: dict[int, list[CompiledAnswer]] = defaultdict(list)
    for contribution in contributions:
        for answer in contribution.answers.all():
            by_question[answer.question_id].append(
                CompiledAnswer(
                    contributor=contribution.contributor,
                    author=str(contribution.author or ""),
                    text=answer.text,
                )
            )
    rows = [
        CompiledQuestion(
            question=question,
            section=section,
            answers=sorted(by_question[question.pk], key=lambda a: a.contributor),
        )
        for section in consultation.sections.all()
        for question in section.questions.all()
    ]
    return rows, contributions


def open_consultation_deadlines(*, now: datetime) -> list[dict]:
    """The consultations still open at `now`, soonest deadline first: for the list of
    deadlines and reminders (one query)."""
    return [
        {
            "consultation": consultation,
            "deadline": consultation.deadline,
            "addressees": consultation.addressees,
        }
        for consultation in Consultation.objects.filter(deadline__gte=now.replace(microsecond=0))
        .select_related("meeting")
        .order_by("deadline", "pk")
    ]


def addressed_users(*, consultation: Consultation, on: date | None = None) -> list:
    """The users of every Delegation, in office, that the consultation is addressed to:
    the Delegations of its States (its States Parties on `on`, all States, or its chosen
    list) and, where addressed, of organisations (those chosen, with a chosen list).
    Three queries at most."""
    grants = RoleGrant.objects.current().filter(
        convention=consultation.convention, role=Role.DELEGATION
    )
    wanted = Q(pk__in=[])
    if consultation.addresses_states:
        if consultation.addressed_to == AddressedTo.STATES_PARTIES:
            day = on or datetime.now(tz=times.zone(consultation.time_zone)).date()
            parties = [
                s.state.pk
                for s in states_on(convention=consultation.convention, on=day, status="state_party")
            ]
            wanted |= Q(state_id__in=parties)
        elif consultation.addressed_to == AddressedTo.CHOSEN:
            wanted |= Q(state__in=consultation.addressed_states.all())
        else:
            wanted |= Q(state__isnull=False)
    if consultation.addresses_organisations:
        if consultation.addressed_to == AddressedTo.CHOSEN:
            wanted |= Q(organisation__in=consultation.addressed_organisations.all())
        else:
            wanted |= Q(organisation__isnull=False)
    users = {grant.user_id: grant.user for grant in grants.filter(wanted).select_related("user")}
    return [user for user in users.values() if user.email and user.is_active]
