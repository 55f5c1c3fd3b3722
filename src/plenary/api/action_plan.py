"""/api/v1/{convention}/action-plans and /consultations: plans, coordinators, consultations."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema, Status

from plenary.action_plan import selectors, services
from plenary.action_plan.computations import COMPUTATIONS
from plenary.action_plan.models import Indicator
from plenary.action_plan.render import progress_rows
from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core.translations import translations_of
from plenary.core.validation import invalid
from plenary.treaties.models import Organisation, State
from plenary.treaties.selectors import convention_named

router = Router(tags=["action plan"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
NO_SUCH_STATE = _("no State has the ISO 3166 code %(code)r")
NO_SUCH_ORGANISATION = _("no organisation is named or abbreviated %(name)r")
NO_SUCH_QUESTION = _("the consultation has no question %(number)s")
NO_SUCH_INDICATOR = _("No indicator %(pk)s.")
YEAR_OUTSIDE_PLAN = _("%(year)s is not a year of the plan (%(period)s)")
NO_SUCH_AREA = _("no thematic area is called %(slug)r")
NO_SUCH_SECTION = _("No section %(number)s of %(plan)s.")
NO_SUCH_ACTION = _("the section has no action %(number)s")


class PlanOut(Schema):
    code: str
    name: str
    first_year: int
    last_year: int
    adopted: str
    document_symbol: str
    source: str


class IndicatorOut(Schema):
    id: int
    code: str
    text: str
    kind: str
    action: str | None
    unit: str
    baseline_year: int | None
    baseline_value: Decimal | None
    target_value: Decimal | None
    target_year: int | None
    computed: bool
    computation: str
    definition: str
    source: str


class ActionOut(Schema):
    number: str
    text: str = Field(description="As written, in `original_language`")
    original_language: str
    text_translations: dict[str, str] = Field(description='In other languages: {"fr": "..."}')
    source: str


class SectionOut(Schema):
    number: int
    title: str
    area: str | None
    actions: list[ActionOut]
    indicators: list[IndicatorOut]


class PlanDetailOut(PlanOut):
    sections: list[SectionOut]


class ProgressRowOut(Schema):
    section: str
    action: str
    indicator: str
    text: str
    kind: str
    baseline_year: int | None
    baseline: str
    target: str
    year: int
    value: str
    change: str
    towards_target_percent: str
    computed: str
    source: str


class ValueIn(Schema):
    year: int
    value: Decimal | None = None
    answer: bool | None = None
    state: str | None = Field(None, description="ISO 3166 alpha-3 code, for a yes/no indicator")
    source: str


class ValueOut(Schema):
    indicator: str
    year: int
    state: str | None
    value: Decimal | None
    answer: bool | None
    source: str


class CoordinationOut(Schema):
    states: list[str]
    title: str
    term_from: date | None
    term_to: date | None
    in_office_year: int | None
    source: str


class AreaOut(Schema):
    slug: str
    name: str
    coordinators: list[CoordinationOut]


class CoordinationIn(Schema):
    states: list[str] = Field(description="ISO 3166 alpha-3 codes")
    title: str = ""
    term_from: date | None = None
    term_to: date | None = None
    source: str


class QuestionOut(Schema):
    number: int
    paragraph: str
    text: str = Field(description="As written, in `original_language`")
    original_language: str
    text_translations: dict[str, str] = Field(description='In other languages: {"fr": "..."}')
    level: int


class ConsultationSectionOut(Schema):
    number: str
    title: str
    area: str | None
    questions: list[QuestionOut]


class ConsultationOut(Schema):
    id: int
    title: str = Field(description="As written, in `original_language`")
    original_language: str
    title_translations: dict[str, str] = Field(description='In other languages: {"fr": "..."}')
    issued_by: str
    issued_on: date
    addressees: str
    deadline: datetime
    time_zone: str
    visibility: str
    addressed_to: str
    addressed_states: list[str] = Field(description="ISO 3166 alpha-3 codes, for `chosen`")
    addressed_organisations: list[str] = Field(description="names, for `chosen`")
    closed_at: datetime | None
    is_open: bool


class ConsultationDetailOut(ConsultationOut):
    source: str
    sections: list[ConsultationSectionOut]


class AnswerIn(Schema):
    question: int = Field(description="the question's number in the document")
    text: str


class ContributionIn(Schema):
    answers: list[AnswerIn]


class AnswerOut(Schema):
    question: int
    text: str


class ContributionOut(Schema):
    id: int
    contributor: str
    author: str
    submitted_at: datetime
    updated_at: datetime
    attachment: str
    answers: list[AnswerOut]


class DeadlineIn(Schema):
    deadline_on: date
    reason: str


class ConsultationSectionIn(Schema):
    title: str
    number: str = ""
    area: str | None = Field(None, description="the thematic area's slug")
    questions: list[str]


class ConsultationIn(Schema):
    title: str
    issued_by: str
    addressees: str = Field("", description="as the letter names them")
    addressed_to: str = Field("states_parties", description="states_parties, all_states or chosen")
    states: list[str] = Field([], description="ISO 3166 alpha-3 codes, for `chosen`")
    organisations: list[str] = Field(
        [], description="names or abbreviations of organisations, for `chosen`"
    )
    addresses_organisations: bool = False
    deadline_on: date
    visibility: str = "presidency"
    plan: str | None = Field(None, description="the code of the action plan being drafted")
    sections: list[ConsultationSectionIn]


class PlanIn(Schema):
    code: str
    name: str
    first_year: int = Field(ge=1900, le=2200)
    last_year: int = Field(ge=1900, le=2200)
    adopted: str = Field("", description="the decision adopting it")
    document_symbol: str = ""
    source: str


class AreaIn(Schema):
    slug: str
    name: str
    order: int = 0
    source: str


class SectionIn(Schema):
    number: int = Field(ge=1)
    title: str
    area: str | None = Field(None, description="the thematic area's slug")
    source: str


class ActionTranslationsIn(Schema):
    text_translations: dict[str, str] = Field(
        description='Each language\'s text: {"fr": "...", "es": ""}; a blank one removes it'
    )
    original_language: str | None = Field(None, description="Where `text`'s language changes")


class ConsultationTranslationsIn(Schema):
    title_translations: dict[str, str] = Field(
        {}, description='The title: {"fr": "...", "es": ""}; a blank one removes it'
    )
    question_translations: dict[int, dict[str, str]] = Field(
        {}, description='By question number: {"1": {"fr": "..."}}; a blank one removes it'
    )
    original_language: str | None = Field(
        None, description="The language the title and questions are written in, where it changes"
    )


class ActionIn(Schema):
    number: str
    text: str
    source: str


class IndicatorIn(Schema):
    code: str
    text: str
    kind: str = Field(description="count, share, yes_no (per State) or amount")
    action: str | None = Field(None, description="the action's number; none: the section's")
    unit: str = ""
    baseline_year: int | None = Field(None, ge=1900, le=2200)
    baseline_value: Decimal | None = None
    baseline_source: str = ""
    target_value: Decimal | None = None
    target_year: int | None = Field(None, ge=1900, le=2200)
    computation: str = Field("", description="blank: entered; else a computation's name")
    source: str


def _plan_out(plan) -> dict:
    return {
        "code": plan.code,
        "name": plan.name,
        "first_year": plan.first_year,
        "last_year": plan.last_year,
        "adopted": plan.adopted,
        "document_symbol": plan.document_symbol,
        "source": plan.source,
    }


def _indicator_out(indicator: Indicator) -> dict:
    computed = COMPUTATIONS.get(indicator.computation)
    return {
        "id": indicator.pk,
        "code": indicator.code,
        "text": indicator.text,
        "kind": indicator.kind,
        "action": indicator.action.number if indicator.action_id else None,
        "unit": indicator.unit,
        "baseline_year": indicator.baseline_year,
        "baseline_value": indicator.baseline_value,
        "target_value": indicator.target_value,
        "target_year": indicator.target_year,
        "computed": indicator.is_computed,
        "computation": indicator.computation,
        "definition": computed.definition if computed else "",
        "source": indicator.source,
    }


@router.get("/action-plans", response={200: list[PlanOut], **ERRORS})
@paged
def list_action_plans(request, convention: ConventionSlug):
    plans = selectors.action_plans(convention=convention_named(convention))
    return [_plan_out(plan) for plan in plans]


@router.get("/action-plans/thematic-areas", response={200: list[AreaOut], **ERRORS})
@paged
def list_thematic_areas(request, convention: ConventionSlug):
    """The thematic areas and every coordination on record (two queries)."""
    return [
        {
            "slug": area.slug,
            "name": area.name,
            "coordinators": [_coordination_out(c) for c in area.coordinations.all()],
        }
        for area in selectors.thematic_areas(convention=convention_named(convention))
    ]


def _coordination_out(coordination) -> dict:
    return {
        "states": [s.name for s in coordination.states.all()],
        "title": coordination.title,
        "term_from": coordination.term_from,
        "term_to": coordination.term_to,
        "in_office_year": coordination.in_office_year,
        "source": coordination.source,
    }


def _states(codes: list[str]) -> list[State]:
    found = {s.iso3: s for s in State.objects.filter(iso3__in=[c.upper() for c in codes])}
    for code in codes:
        if code.upper() not in found:
            raise invalid("states", NO_SUCH_STATE % {"code": code})
    return [found[c.upper()] for c in codes]


def _organisations(names: list[str]) -> list[Organisation]:
    found = {}
    for organisation in Organisation.objects.all():
        found[organisation.name.casefold()] = organisation
        if organisation.abbreviation:
            found.setdefault(organisation.abbreviation.casefold(), organisation)
    for name in names:
        if name.casefold() not in found:
            raise invalid("organisations", NO_SUCH_ORGANISATION % {"name": name})
    return [found[name.casefold()] for name in names]


@router.post(
    "/action-plans/thematic-areas/{slug}/coordinators",
    response={201: CoordinationOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_coordinators(request, convention: ConventionSlug, slug: str, payload: CoordinationIn):
    """Record the States coordinating an area for a term (Secretariat, ISU, Presidency)."""
    area = selectors.thematic_area(convention=convention_named(convention), slug=slug)
    if not request.auth.has_perm("action_plan.record_coordination", area):
        raise PermissionDenied(services.MAY_NOT_RECORD_COORDINATION)
    coordination = services.record_coordination(
        area=area,
        states=_states(payload.states),
        title=payload.title,
        term_from=payload.term_from,
        term_to=payload.term_to,
        source=payload.source,
        by=request.auth,
    )
    return Status(201, _coordination_out(coordination))


@router.post(
    "/action-plans/indicators/{indicator_id}/values",
    response={201: ValueOut, **ERRORS},
    auth=SIGNED_IN,
)
def enter_value(request, convention: ConventionSlug, indicator_id: int, payload: ValueIn):
    """Enter an indicator's value for a year (ISU, coordinators, Secretariat). A computed
    indicator is refused: its values are recomputed from the records."""
    indicator = (
        Indicator.objects.select_related("section__plan")
        .filter(pk=indicator_id, section__plan__convention=convention_named(convention))
        .first()
    )
    if indicator is None:
        raise Http404(NO_SUCH_INDICATOR % {"pk": indicator_id})
    if not request.auth.has_perm("action_plan.enter_indicator_value", indicator):
        raise PermissionDenied(services.MAY_NOT_ENTER_VALUE)
    state = _states([payload.state])[0] if payload.state else None
    row = services.enter_indicator_value(
        indicator=indicator,
        year=payload.year,
        value=payload.value,
        answer=payload.answer,
        state=state,
        source=payload.source,
        now=timezone.now(),
        by=request.auth,
    )
    return Status(
        201,
        {
            "indicator": indicator.code,
            "year": row.year,
            "state": state.iso3 if state else None,
            "value": row.value,
            "answer": row.answer,
            "source": row.source,
        },
    )


@router.post("/action-plans", response={201: PlanOut, **ERRORS}, auth=SIGNED_IN)
def record_action_plan(request, convention: ConventionSlug, payload: PlanIn):
    """Define (or correct) an action plan of the convention (the ISU, the Secretariat, the
    Presidency)."""
    plan = services.record_action_plan(
        convention=convention_named(convention), by=request.auth, **payload.dict()
    )
    return Status(201, _plan_out(plan))


@router.post("/action-plans/thematic-areas", response={201: AreaOut, **ERRORS}, auth=SIGNED_IN)
def record_thematic_area(request, convention: ConventionSlug, payload: AreaIn):
    """Record (or correct) a thematic area of the convention's work."""
    area = services.record_thematic_area(
        convention=convention_named(convention), by=request.auth, **payload.dict()
    )
    return Status(201, {"slug": area.slug, "name": area.name, "coordinators": []})


def _section(plan, number: int):
    section = next((s for s in plan.sections.all() if s.number == number), None)
    if section is None:
        raise Http404(NO_SUCH_SECTION % {"number": number, "plan": plan.code})
    return section


@router.post("/action-plans/{code}/sections", response={201: SectionOut, **ERRORS}, auth=SIGNED_IN)
def record_section(request, convention: ConventionSlug, code: str, payload: SectionIn):
    """Record (or correct) a thematic section of the plan."""
    found = convention_named(convention)
    plan = selectors.action_plan(convention=found, code=code)
    area = selectors.thematic_area(convention=found, slug=payload.area) if payload.area else None
    section = services.record_section(
        plan=plan,
        number=payload.number,
        title=payload.title,
        area=area,
        source=payload.source,
        by=request.auth,
    )
    return Status(
        201,
        {
            "number": section.number,
            "title": section.title,
            "area": area.slug if area else None,
            "actions": [],
            "indicators": [],
        },
    )


@router.post(
    "/action-plans/{code}/sections/{number}/actions",
    response={201: ActionOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_action(request, convention: ConventionSlug, code: str, number: int, payload: ActionIn):
    """Record (or correct) a numbered action of a section, in the plan's words."""
    plan = selectors.action_plan(convention=convention_named(convention), code=code)
    action = services.record_action(
        section=_section(plan, number),
        number=payload.number,
        text=payload.text,
        source=payload.source,
        by=request.auth,
    )
    return Status(201, _action_out(action))


def _action_out(action) -> dict:
    return {
        "number": action.number,
        "text": action.text,
        "original_language": action.original_language,
        "text_translations": translations_of(action, "text"),
        "source": action.source,
    }


@router.put(
    "/action-plans/{code}/sections/{number}/actions/{action_number}/translations",
    response={200: ActionOut, **ERRORS},
    auth=SIGNED_IN,
)
def set_action_translations(
    request,
    convention: ConventionSlug,
    code: str,
    number: int,
    action_number: str,
    payload: ActionTranslationsIn,
):
    """Give an action's text in other languages (those who keep the plans)."""
    plan = selectors.action_plan(convention=convention_named(convention), code=code)
    section = _section(plan, number)
    action = next((a for a in section.actions.all() if a.number == action_number), None)
    if action is None:
        raise Http404(NO_SUCH_ACTION.format(number=action_number))
    return _action_out(
        services.set_action_translations(action=action, **payload.dict(), by=request.auth)
    )


@router.post(
    "/action-plans/{code}/sections/{number}/indicators",
    response={201: IndicatorOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_indicator(
    request, convention: ConventionSlug, code: str, number: int, payload: IndicatorIn
):
    """Record (or correct) an indicator of an action, or of the section's expected results:
    its kind, unit, baseline, target, and whether it is computed or entered."""
    plan = selectors.action_plan(convention=convention_named(convention), code=code)
    section = _section(plan, number)
    data = payload.dict()
    action_number = data.pop("action")
    action = None
    if action_number is not None:
        action = next((a for a in section.actions.all() if a.number == action_number), None)
        if action is None:
            raise invalid("action", NO_SUCH_ACTION % {"number": action_number})
    indicator = services.record_indicator(section=section, action=action, by=request.auth, **data)
    return Status(201, _indicator_out(indicator))


@router.get("/action-plans/{code}", response={200: PlanDetailOut, **ERRORS})
def get_action_plan(request, convention: ConventionSlug, code: str):
    plan = selectors.action_plan(convention=convention_named(convention), code=code)
    return {
        **_plan_out(plan),
        "sections": [
            {
                "number": section.number,
                "title": section.title,
                "area": section.area.slug if section.area_id else None,
                "actions": [_action_out(a) for a in section.actions.all()],
                "indicators": [_indicator_out(i) for i in section.indicators.all()],
            }
            for section in plan.sections.all()
        ],
    }


@router.get("/action-plans/{code}/progress", response={200: list[ProgressRowOut], **ERRORS})
@paged
def get_progress(request, convention: ConventionSlug, code: str, year: int):
    """Each indicator in `year` against its baseline and target; computed ones recomputed."""
    plan = selectors.action_plan(convention=convention_named(convention), code=code)
    if not selectors.within_plan(plan=plan, year=year):
        raise invalid("year", YEAR_OUTSIDE_PLAN % {"year": year, "period": plan.period})
    return progress_rows(selectors.plan_progress(plan=plan, year=year))


def _consultation_out(consultation, now) -> dict:
    return {
        "id": consultation.pk,
        "title": consultation.title,
        "original_language": consultation.original_language,
        "title_translations": translations_of(consultation, "title"),
        "issued_by": consultation.issued_by,
        "issued_on": consultation.issued_on,
        "addressees": consultation.addressees,
        "deadline": consultation.deadline,
        "time_zone": consultation.time_zone,
        "visibility": consultation.visibility,
        "addressed_to": consultation.addressed_to,
        "addressed_states": [s.iso3 for s in consultation.addressed_states.all()],
        "addressed_organisations": [o.name for o in consultation.addressed_organisations.all()],
        "closed_at": consultation.closed_at,
        "is_open": consultation.closed_at is None
        and consultation.deadline >= now.replace(microsecond=0),
    }


@router.get("/consultations", response={200: list[ConsultationOut], **ERRORS})
@paged
def list_consultations(request, convention: ConventionSlug):
    now = timezone.now()
    found = selectors.consultations(convention=convention_named(convention), addressees=True)
    return [_consultation_out(c, now) for c in found]


@router.get("/consultations/{consultation_id}", response={200: ConsultationDetailOut, **ERRORS})
def get_consultation(request, convention: ConventionSlug, consultation_id: int):
    """The consultation document: its sections and questions, addressees and deadline."""
    consultation = selectors.consultation_record(
        convention=convention_named(convention), pk=consultation_id, addressees=True
    )
    return {
        **_consultation_out(consultation, timezone.now()),
        "source": consultation.source,
        "sections": [
            {
                "number": s.number,
                "title": s.title,
                "area": s.area.slug if s.area_id else None,
                "questions": [
                    {
                        "number": q.number,
                        "paragraph": q.paragraph,
                        "text": q.text,
                        "original_language": q.original_language,
                        "text_translations": translations_of(q, "text"),
                        "level": q.level,
                    }
                    for q in s.questions.all()
                ],
            }
            for s in consultation.sections.all()
        ],
    }


def _contribution_out(contribution) -> dict:
    return {
        "id": contribution.pk,
        "contributor": contribution.contributor,
        "author": str(contribution.author or ""),
        "submitted_at": contribution.submitted_at,
        "updated_at": contribution.updated_at,
        "attachment": contribution.attachment_name,
        "answers": [
            {"question": a.question.number, "text": a.text} for a in contribution.answers.all()
        ],
    }


@router.get(
    "/consultations/{consultation_id}/contributions",
    response={200: list[ContributionOut], **ERRORS},
)
@paged
def list_contributions(request, convention: ConventionSlug, consultation_id: int):
    """The contributions the caller may see: all for the President's team and where the
    consultation's visibility allows; otherwise the caller's own Delegation's."""
    consultation = selectors.consultation_record(
        convention=convention_named(convention), pk=consultation_id
    )
    return [
        _contribution_out(c)
        for c in selectors.visible_contributions(consultation=consultation, user=request.auth)
    ]


@router.put(
    "/consultations/{consultation_id}/contributions/mine",
    response={200: ContributionOut, **ERRORS},
    auth=SIGNED_IN,
)
def submit_contribution(
    request, convention: ConventionSlug, consultation_id: int, payload: ContributionIn
):
    """Submit or edit the caller's Delegation's contribution, until the deadline."""
    consultation = selectors.consultation_record(
        convention=convention_named(convention), pk=consultation_id
    )
    by_number = {q.number: q.pk for s in consultation.sections.all() for q in s.questions.all()}
    answers = {}
    for answer in payload.answers:
        if answer.question not in by_number:
            raise invalid("answers", NO_SUCH_QUESTION % {"number": answer.question})
        answers[by_number[answer.question]] = answer.text
    services.submit_contribution(
        consultation=consultation, answers=answers, by=request.auth, now=timezone.now()
    )
    own = selectors.contribution_of(consultation=consultation, user=request.auth)
    return _contribution_out(own)


@router.post(
    "/consultations/{consultation_id}/deadline",
    response={200: ConsultationOut, **ERRORS},
    auth=SIGNED_IN,
)
def move_deadline(request, convention: ConventionSlug, consultation_id: int, payload: DeadlineIn):
    """Move the deadline for contributions (the President's team or the Secretariat)."""
    consultation = selectors.consultation_record(
        convention=convention_named(convention), pk=consultation_id
    )
    now = timezone.now()
    moved = services.move_consultation_deadline(
        consultation=consultation,
        deadline_on=payload.deadline_on,
        reason=payload.reason,
        now=now,
        by=request.auth,
    )
    return _consultation_out(moved, now)


@router.put(
    "/consultations/{consultation_id}/translations",
    response={200: ConsultationDetailOut, **ERRORS},
    auth=SIGNED_IN,
)
def set_consultation_translations(
    request, convention: ConventionSlug, consultation_id: int, payload: ConsultationTranslationsIn
):
    """Give the title and the questions in other languages (the President's team or the
    Secretariat)."""
    consultation = selectors.consultation_record(
        convention=convention_named(convention), pk=consultation_id
    )
    services.set_consultation_translations(
        consultation=consultation, **payload.dict(), by=request.auth
    )
    return get_consultation(request, convention, consultation.pk)


@router.post(
    "/consultations/{consultation_id}/close",
    response={200: ConsultationOut, **ERRORS},
    auth=SIGNED_IN,
)
def close_consultation(request, convention: ConventionSlug, consultation_id: int):
    """Close the consultation before its deadline (the President's team or the Secretariat)."""
    consultation = selectors.consultation_record(
        convention=convention_named(convention), pk=consultation_id
    )
    now = timezone.now()
    closed = services.close_consultation(consultation=consultation, now=now, by=request.auth)
    return _consultation_out(closed, now)


@router.post("/consultations", response={201: ConsultationDetailOut, **ERRORS}, auth=SIGNED_IN)
def issue_consultation(request, convention: ConventionSlug, payload: ConsultationIn):
    """Issue a written consultation: its questions by section (a thematic area), its
    addressees and its deadline (the President's team or the Secretariat)."""
    found = convention_named(convention)
    areas = {a.slug: a for a in selectors.thematic_areas(convention=found)}
    sections = []
    for order, section in enumerate(payload.sections, start=1):
        area = None
        if section.area:
            area = areas.get(section.area)
            if area is None:
                raise invalid("sections", NO_SUCH_AREA % {"slug": section.area})
        sections.append(
            services.SectionSpec(
                number=section.number or str(order),
                title=section.title,
                questions=[services.QuestionSpec(text) for text in section.questions if text],
                area=area,
            )
        )
    plan = selectors.action_plan(convention=found, code=payload.plan) if payload.plan else None
    consultation = services.issue_consultation(
        convention=found,
        title=payload.title,
        issued_by=payload.issued_by,
        issued_on=timezone.localdate(),
        deadline_on=payload.deadline_on,
        addressees=payload.addressees or payload.addressed_to,
        addressed_to=payload.addressed_to,
        states=_states(payload.states),
        organisations=_organisations(payload.organisations),
        addresses_organisations=payload.addresses_organisations,
        visibility=payload.visibility,
        plan=plan,
        sections=sections,
        source=f"Issued through the API by {request.auth.username}",
        now=timezone.now(),
        by=request.auth,
    )
    return Status(201, get_consultation(request, convention, consultation.pk))
