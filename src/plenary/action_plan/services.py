"""Every write to action plans, coordinators and consultations: one function per change.

Each service checks its rules and raises a ValidationError keyed by the field at fault
(or PermissionDenied) before anything is written, so a refused change leaves no trace.
`by=None` is the system recording facts of the record (the reference data); a person
acting is always checked against `permissions`. The clock comes in as `now`.
"""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.action_plan.computations import COMPUTATIONS
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
    Visibility,
)
from plenary.action_plan.selectors import addressed_users
from plenary.core.audit import assign, attribute
from plenary.core.l10n import day as long_date
from plenary.core.notices import send_notice
from plenary.core.selectors import acting_for
from plenary.core.translations import merged as _merged_translations
from plenary.core.validation import check_may as _check_may
from plenary.core.validation import invalid as _invalid
from plenary.documents.services import check_upload
from plenary.meetings.models import Meeting
from plenary.rules import deadlines, indicators, times
from plenary.rules.errors import RuleError
from plenary.treaties.models import Convention, Organisation, State
from plenary.treaties.selectors import state_standing

# Plans and indicators
MAY_NOT_MANAGE_PLAN = _("Only the Secretariat, the ISU or the Presidency keeps the action plans.")
MAY_NOT_ENTER_VALUE = _("Only the ISU, a coordinator or the Secretariat enters indicator values.")
PLAN_YEARS = _("the last year (%(last)s) cannot be before the first (%(first)s)")
TEXT_REQUIRED = _("give the text")
CODE_TAKEN = _("the code {code} is taken by an action plan of another convention")
ACTION_OF_ANOTHER_SECTION = _("action %(number)s is not an action of section %(section)s")
UNKNOWN_COMPUTATION = _("no computation is called %(value)r; there are %(choices)s")
COMPUTATION_OF_ANOTHER_KIND = _("the computation %(name)r gives a %(computed)s, not a %(kind)s")
COMPUTED_NOT_TYPED = _(
    "%(code)s is computed from the records (%(label)s); its values are recomputed, not entered"
)
SOURCE_REQUIRED = _("give the source of the value")
# Coordinators
MAY_NOT_RECORD_COORDINATION = _(
    "Only the Secretariat, the ISU or the Presidency records coordinators."
)
TERM_ENDS_BEFORE_START = _("the term ends on %(to)s, before it starts on %(start)s")
STATES_REQUIRED = _("name at least one coordinating State")
# Consultations
MAY_NOT_ISSUE = _("Only the President's team or the Secretariat issues a consultation.")
DEADLINE_BEFORE_ISSUE = _(
    "the deadline (%(deadline)s) cannot be before the issue date (%(issued)s)"
)
CLOCK_ON_DAY = _("%(time)s on %(day)s")
DEADLINE_ALREADY_PAST = _("the deadline %(deadline)s (%(zone)s time) has already passed")
NO_ADDRESSEES = _("address the consultation to States, to organisations, or to both")
UNKNOWN_VISIBILITY = _("the visibility is one of %(choices)s, not %(value)r")
NO_QUESTIONS = _("a consultation has at least one question")
NOT_ADDRESSED = _(
    "this consultation is addressed to %(addressees)s; your Delegation may not contribute"
)
NOT_A_DELEGATION = _("only the Delegation of a State or an organisation contributes")
CONSULTATION_CLOSED = _(
    "the deadline for contributions was %(time)s on %(deadline)s (%(zone)s time); "
    "contributions can no longer be made or changed"
)
NOT_A_QUESTION = _("question %(value)s is not a question of this consultation")
EMPTY_CONTRIBUTION = _("answer at least one question or attach a file")
NOT_A_QUESTION_NUMBER = NOT_A_QUESTION
UNKNOWN_ADDRESSEES = _("the addressees are one of {choices}, not {value!r}")
NO_STATES_CHOSEN = _("choose the States or organisations the consultation is addressed to")
NOT_A_STATE_PARTY = _(
    "{convention}: {state} is not a State Party, and this consultation is addressed to the"
    " States Parties"
)
NOT_AMONG_ADDRESSEES = _("{state} is not among the States this consultation is addressed to")
NOT_AMONG_ORGANISATIONS = _(
    "{organisation} is not among the organisations this consultation is addressed to"
)
REASON_REQUIRED = _("give the reason for moving the deadline")
ALREADY_CLOSED = _("the consultation was closed on {day}")
CLOSED_BY_PRESIDENCY = _(
    "the consultation was closed on {day}; contributions can no longer be made or changed"
)
NOT_THE_AUTHOR = _(
    "the contribution of %(contributor)s was submitted by %(author)s; only its author edits it"
)


def _rule(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except RuleError as error:
        raise _invalid(error.field, error.message) from None


# Plans -----------------------------------------------------------------------------------


@transaction.atomic
def record_action_plan(
    *,
    convention: Convention,
    code: str,
    name: str,
    first_year: int,
    last_year: int,
    source: str,
    adopted: str = "",
    document_symbol: str = "",
    by=None,
) -> ActionPlan:
    """Record an action plan, or update the one of that code.

    Steps: check the person may keep plans; check the name and years; save if new or
    changed.
    """
    _check_may(by, "action_plan.manage_plan", MAY_NOT_MANAGE_PLAN, convention)
    if not name.strip():
        raise _invalid("name", TEXT_REQUIRED)
    if last_year < first_year:
        raise _invalid("last_year", PLAN_YEARS % {"first": first_year, "last": last_year})
    plan = ActionPlan.objects.filter(code=code).first() or ActionPlan(code=code)
    if plan.pk is not None and plan.convention_id != convention.pk:
        raise _invalid("code", CODE_TAKEN.format(code=code))
    values = {
        "convention": convention,
        "name": name.strip(),
        "first_year": first_year,
        "last_year": last_year,
        "adopted": adopted,
        "document_symbol": document_symbol,
        "source": source,
    }
    if assign(plan, values):
        attribute(plan, by=by, reason="Action plan recorded")
        plan.save()
    return plan


@transaction.atomic
def record_thematic_area(
    *, convention: Convention, slug: str, name: str, order: int, source: str, by=None
) -> ThematicArea:
    """Record a thematic area of the Convention's work, or update the one of that slug."""
    _check_may(by, "action_plan.manage_plan", MAY_NOT_MANAGE_PLAN, convention)
    if not name.strip():
        raise _invalid("name", TEXT_REQUIRED)
    area = ThematicArea.objects.filter(convention=convention, slug=slug).first() or ThematicArea(
        convention=convention, slug=slug
    )
    if assign(area, {"name": name.strip(), "order": order, "source": source}):
        attribute(area, by=by, reason="Thematic area recorded")
        area.save()
    return area


@transaction.atomic
def record_section(
    *,
    plan: ActionPlan,
    number: int,
    title: str,
    source: str,
    area: ThematicArea | None = None,
    by=None,
) -> Section:
    """Record a thematic section of a plan, or update the one of that number."""
    _check_may(by, "action_plan.manage_plan", MAY_NOT_MANAGE_PLAN, plan)
    if not title.strip():
        raise _invalid("title", TEXT_REQUIRED)
    section = Section.objects.filter(plan=plan, number=number).first() or Section(
        plan=plan, number=number
    )
    if assign(section, {"title": title.strip(), "area": area, "source": source}):
        attribute(section, by=by, reason="Section recorded")
        section.save()
    return section


@transaction.atomic
def record_action(*, section: Section, number: str, text: str, source: str, by=None) -> Action:
    """Record a numbered action of a section in the plan's words, or update it."""
    _check_may(by, "action_plan.manage_plan", MAY_NOT_MANAGE_PLAN, section)
    if not text.strip():
        raise _invalid("text", TEXT_REQUIRED)
    action = Action.objects.filter(section=section, number=number).first() or Action(
        section=section, number=number
    )
    if assign(action, {"text": text.strip(), "source": source}):
        attribute(action, by=by, reason="Action recorded")
        action.save()
    return action


@transaction.atomic
def set_action_translations(
    *,
    action: Action,
    text_translations: Mapping[str, str],
    original_language: str | None = None,
    by,
) -> Action:
    """Give an action's text in other languages (core/translations.py).

    Steps: check the person keeps the convention's action plans; check each language is
    one of settings.LANGUAGES and not the original's; set each text given, remove each
    blank one (languages not named stay); optionally change the language the text is
    written in; save, recorded in the history.
    """
    _check_may(by, "action_plan.manage_plan", MAY_NOT_MANAGE_PLAN, action.section)
    action.original_language, action.translations = _merged_translations(
        action, {"text": text_translations}, original_language=original_language
    )
    attribute(action, by=by, reason="Translations")
    action.save(update_fields=["original_language", "translations"])
    return action


def _decimal(field_name: str, value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise _invalid(field_name, _("%(value)r is not a number") % {"value": value}) from None


@transaction.atomic
def record_indicator(
    *,
    section: Section,
    code: str,
    text: str,
    kind: str,
    source: str,
    action: Action | None = None,
    unit: str = "",
    baseline_year: int | None = None,
    baseline_value=None,
    baseline_source: str = "",
    target_value=None,
    target_year: int | None = None,
    computation: str = "",
    by=None,
) -> Indicator:
    """Record an indicator of an action (or of a section's expected results), or update it.

    Steps: check the person may keep plans; check the text, the kind, that the action is
    of this section, that a computation exists and gives the indicator's kind, and that
    baseline and target are values of the kind; save if new or changed.
    """
    _check_may(by, "action_plan.manage_plan", MAY_NOT_MANAGE_PLAN, section)
    if not text.strip():
        raise _invalid("text", TEXT_REQUIRED)
    _rule(indicators.check_kind, kind)
    if action is not None and action.section_id != section.pk:
        raise _invalid(
            "action", ACTION_OF_ANOTHER_SECTION % {"number": action.number, "section": section}
        )
    if computation:
        found = COMPUTATIONS.get(computation)
        if found is None:
            raise _invalid(
                "computation",
                UNKNOWN_COMPUTATION % {"value": computation, "choices": ", ".join(COMPUTATIONS)},
            )
        if found.kind != kind:
            raise _invalid(
                "computation",
                COMPUTATION_OF_ANOTHER_KIND
                % {"name": computation, "computed": found.kind, "kind": kind},
            )
    baseline = _decimal("baseline_value", baseline_value)
    target = _decimal("target_value", target_value)
    if not indicators.is_per_state(kind):
        for name, number in (("baseline_value", baseline), ("target_value", target)):
            if number is not None:
                try:
                    indicators.check_value(kind=kind, value=number, answer=None, has_state=False)
                except RuleError as error:
                    raise _invalid(name, error.message) from None
    indicator = Indicator.objects.filter(section=section, code=code).first() or Indicator(
        section=section, code=code
    )
    values = {
        "action": action,
        "text": text.strip(),
        "kind": kind,
        "unit": unit,
        "baseline_year": baseline_year,
        "baseline_value": baseline,
        "baseline_source": baseline_source,
        "target_value": target,
        "target_year": target_year,
        "computation": computation,
        "source": source,
    }
    if assign(indicator, values):
        attribute(indicator, by=by, reason="Indicator recorded")
        indicator.save()
    return indicator


@transaction.atomic
def enter_indicator_value(
    *,
    indicator: Indicator,
    year: int,
    source: str,
    now: datetime,
    value=None,
    answer: bool | None = None,
    state: State | None = None,
    by=None,
) -> IndicatorValue:
    """Enter (or correct) an indicator's value for a year, and a State where it is per State.

    Steps: check the person is the ISU, a coordinator or the Secretariat; refuse a computed
    indicator (its values are recomputed from the records); check the year is one the plan
    measures (from its baseline year); check the value is of the indicator's kind (a number
    for a count, share or amount; a yes/no answer for one State for a yes/no indicator) and
    that a source is given; save, replacing the value of that year and State.
    """
    _check_may(by, "action_plan.enter_indicator_value", MAY_NOT_ENTER_VALUE, indicator)
    if indicator.is_computed:
        computed = COMPUTATIONS[indicator.computation]
        raise _invalid(
            "indicator", COMPUTED_NOT_TYPED % {"code": indicator.code, "label": computed.label}
        )
    plan = indicator.section.plan
    first = min(plan.first_year, indicator.baseline_year or plan.first_year)
    _rule(indicators.check_year, year=year, first=first, last=plan.last_year)
    number = _decimal("value", value)
    _rule(
        indicators.check_value,
        kind=indicator.kind,
        value=number,
        answer=answer,
        has_state=state is not None,
    )
    if not source.strip():
        raise _invalid("source", SOURCE_REQUIRED)
    row = (
        IndicatorValue.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, year=year, state=state)
        .order_by()
        .first()
    ) or IndicatorValue(indicator=indicator, year=year, state=state)
    corrected = row.pk is not None
    row.value = number
    row.answer = answer
    row.source = source.strip()
    row.entered_by = by if getattr(by, "is_authenticated", False) else None
    row.entered_at = now
    attribute(row, by=by, reason="Value corrected" if corrected else "Value entered")
    row.save()
    return row


# Coordinators ----------------------------------------------------------------------------


@transaction.atomic
def record_coordination(
    *,
    area: ThematicArea,
    states: Sequence[State],
    source: str,
    title: str = "",
    term_from: date | None = None,
    term_to: date | None = None,
    in_office_year: int | None = None,
    by=None,
) -> Coordination:
    """Record the States coordinating a thematic area for a term.

    Steps: check the person may record coordinators; check at least one State is named
    and that the term does not end before it starts; reuse the record of the same area,
    States and term if there is one (so a second load adds nothing); save.
    """
    _check_may(by, "action_plan.record_coordination", MAY_NOT_RECORD_COORDINATION, area)
    if not states:
        raise _invalid("states", STATES_REQUIRED)
    if term_from is not None and term_to is not None and term_to < term_from:
        raise _invalid(
            "term_to",
            TERM_ENDS_BEFORE_START % {"to": long_date(term_to), "start": long_date(term_from)},
        )
    wanted = sorted(state.pk for state in states)
    candidates = Coordination.objects.filter(
        area=area, term_from=term_from, term_to=term_to, in_office_year=in_office_year
    ).prefetch_related("states")
    for existing in candidates:
        if sorted(s.pk for s in existing.states.all()) == wanted:
            if assign(existing, {"title": title, "source": source}):
                attribute(existing, by=by, reason="Coordinators corrected")
                existing.save()
            return existing
    coordination = Coordination(
        area=area,
        title=title,
        term_from=term_from,
        term_to=term_to,
        in_office_year=in_office_year,
        source=source,
    )
    attribute(coordination, by=by, reason="Coordinators recorded")
    coordination.save()
    coordination.states.set(states)
    return coordination


# Consultations ---------------------------------------------------------------------------


@dataclass
class QuestionSpec:
    text: str
    paragraph: str = ""
    level: int = 0


@dataclass
class SectionSpec:
    number: str
    title: str
    questions: list[QuestionSpec] = field(default_factory=list)
    area: ThematicArea | None = None


def _deadline(day: date, clock: time, zone: str) -> datetime:
    return _rule(times.at, day, clock, zone)


def _clock_and_day(moment: datetime, zone: str) -> tuple[str, str]:
    local = moment.astimezone(times.zone(zone))
    return f"{local:%H:%M:%S}", long_date(local.date())


@transaction.atomic
def issue_consultation(
    *,
    convention: Convention,
    title: str,
    issued_by: str,
    issued_on: date,
    deadline_on: date,
    addressees: str,
    sections: Sequence[SectionSpec],
    source: str,
    now: datetime | None,
    deadline_time: time = times.END_OF_DAY,
    time_zone: str | None = None,
    meeting: Meeting | None = None,
    plan: ActionPlan | None = None,
    addresses_states: bool = True,
    addresses_organisations: bool = False,
    addressed_to: str = AddressedTo.ALL_STATES,
    states: Sequence[State] = (),
    organisations: Sequence[Organisation] = (),
    visibility: str = Visibility.PRESIDENCY,
    send_to: str = "",
    by=None,
) -> Consultation:
    """Issue a written consultation: its document of questions, addressees and deadline.

    Steps: check the person is the President's team or the Secretariat; check the title,
    the addressees (which States: its States Parties, all States, or a chosen list of
    States and organisations, which is then not empty and alone decides who may
    contribute), the visibility and that there is a question; fix the deadline at
    `deadline_time` (by default 23:59:59) on `deadline_on` in the meeting's zone (else
    `time_zone`, else the zone of the convention's secretariat), not before the issue date
    and, for a consultation issued now (`now` given), not already past; save the
    consultation, its chosen States, its sections and its questions numbered 1, 2, ...
    across the document; notify the addressed Delegations' users. `now=None` records one
    of the past (no one is notified).
    """
    _check_may(by, "action_plan.issue_consultation", MAY_NOT_ISSUE, convention)
    if not title.strip():
        raise _invalid("title", TEXT_REQUIRED)
    if addressed_to not in AddressedTo.values:
        raise _invalid(
            "addressed_to",
            UNKNOWN_ADDRESSEES.format(choices=", ".join(AddressedTo.values), value=addressed_to),
        )
    if addressed_to == AddressedTo.CHOSEN:
        if not (states or organisations):
            raise _invalid("states", NO_STATES_CHOSEN)
        addresses_states, addresses_organisations = bool(states), bool(organisations)
    if not (addresses_states or addresses_organisations):
        raise _invalid("addressees", NO_ADDRESSEES)
    if visibility not in Visibility.values:
        raise _invalid(
            "visibility",
            UNKNOWN_VISIBILITY % {"choices": ", ".join(Visibility.values), "value": visibility},
        )
    if not any(spec.questions for spec in sections):
        raise _invalid("sections", NO_QUESTIONS)
    zone = time_zone or (meeting.time_zone if meeting else convention.time_zone)
    deadline = _deadline(deadline_on, deadline_time, zone)
    if deadline_on < issued_on:
        raise _invalid(
            "deadline",
            DEADLINE_BEFORE_ISSUE
            % {"deadline": long_date(deadline_on), "issued": long_date(issued_on)},
        )
    if now is not None and times.is_past(deadline, now):
        clock, day = _clock_and_day(deadline, zone)
        raise _invalid(
            "deadline",
            DEADLINE_ALREADY_PAST
            % {"deadline": CLOCK_ON_DAY % {"time": clock, "day": day}, "zone": zone},
        )
    consultation = Consultation(
        convention=convention,
        title=title.strip(),
        issued_by=issued_by,
        issued_on=issued_on,
        meeting=meeting,
        plan=plan,
        addressees=addressees,
        addresses_states=addresses_states,
        addresses_organisations=addresses_organisations,
        addressed_to=addressed_to,
        deadline=deadline,
        time_zone=zone,
        visibility=visibility,
        send_to=send_to,
        source=source,
    )
    attribute(consultation, by=by, reason="Consultation issued")
    consultation.save()
    if addressed_to == AddressedTo.CHOSEN:
        consultation.addressed_states.set(states)
        consultation.addressed_organisations.set(organisations)
    number = 0
    for order, spec in enumerate(sections, start=1):
        section = ConsultationSection.objects.create(
            consultation=consultation,
            order=order,
            number=spec.number,
            title=spec.title,
            area=spec.area,
        )
        for question in spec.questions:
            number += 1
            Question.objects.create(
                section=section,
                number=number,
                paragraph=question.paragraph,
                text=question.text,
                level=question.level,
            )
    if now is not None:
        _notify_addressees(
            consultation,
            "action_plan/notices/consultation_issued_subject.txt",
            "action_plan/notices/consultation_issued_body.txt",
            {},
        )
    return consultation


def _notify_addressees(consultation: Consultation, subject: str, body: str, context) -> None:
    """Notify the users of every Delegation the consultation is addressed to, after commit."""
    users = addressed_users(consultation=consultation)
    context = {"consultation": consultation, **context}

    def send() -> None:
        for user in users:
            send_notice(user, subject, body, context)

    transaction.on_commit(send)


@transaction.atomic
def move_consultation_deadline(
    *,
    consultation: Consultation,
    deadline_on: date,
    reason: str,
    now: datetime,
    deadline_time: time = times.END_OF_DAY,
    by=None,
) -> Consultation:
    """Move a consultation's deadline (e.g. to give the Delegations more time).

    Steps: check the person is the President's team or the Secretariat; check a reason is
    given; lock the consultation; refuse a closed one; fix the new deadline in the
    consultation's zone; refuse one before the issue date or already past; save (the
    history keeps the old deadline and the reason); notify the addressees.
    """
    _check_may(by, "action_plan.issue_consultation", MAY_NOT_ISSUE, consultation)
    if not reason.strip():
        raise _invalid("reason", REASON_REQUIRED)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.closed_at is not None:
        raise _invalid(
            "deadline",
            ALREADY_CLOSED.format(
                day=_clock_and_day(consultation.closed_at, consultation.time_zone)[1]
            ),
        )
    deadline = _deadline(deadline_on, deadline_time, consultation.time_zone)
    if deadline_on < consultation.issued_on:
        raise _invalid(
            "deadline",
            DEADLINE_BEFORE_ISSUE
            % {"deadline": long_date(deadline_on), "issued": long_date(consultation.issued_on)},
        )
    if times.is_past(deadline, now):
        clock, day = _clock_and_day(deadline, consultation.time_zone)
        raise _invalid(
            "deadline",
            DEADLINE_ALREADY_PAST
            % {
                "deadline": CLOCK_ON_DAY % {"time": clock, "day": day},
                "zone": consultation.time_zone,
            },
        )
    consultation.deadline = deadline
    attribute(
        consultation,
        by=by,
        reason=f"Deadline moved to {deadlines.long_date(deadline_on)}: {reason.strip()}",
    )
    consultation.save()
    _notify_addressees(
        consultation,
        "action_plan/notices/deadline_moved_subject.txt",
        "action_plan/notices/deadline_moved_body.txt",
        {"reason": reason.strip()},
    )
    return consultation


@transaction.atomic
def close_consultation(*, consultation: Consultation, now: datetime, by) -> Consultation:
    """Close a consultation before its deadline: no contribution is made or changed after.

    Steps: check the person is the President's team or the Secretariat; lock the
    consultation; refuse one already closed; record when it closed; save.
    """
    _check_may(by, "action_plan.issue_consultation", MAY_NOT_ISSUE, consultation)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.closed_at is not None:
        day = _clock_and_day(consultation.closed_at, consultation.time_zone)[1]
        raise _invalid("consultation", ALREADY_CLOSED.format(day=day))
    consultation.closed_at = now
    attribute(consultation, by=by, reason="Consultation closed")
    consultation.save()
    return consultation


@transaction.atomic
def set_consultation_translations(
    *,
    consultation: Consultation,
    title_translations: Mapping[str, str] | None = None,
    question_translations: Mapping[int, Mapping[str, str]] | None = None,
    original_language: str | None = None,
    by,
) -> Consultation:
    """Give a consultation's title and questions in other languages (core/translations.py).

    Steps: check the person is the President's team or the Secretariat; check each
    question named (by its number) is one of the consultation's, and each language is
    one of settings.LANGUAGES and not the original's; set each text given, remove each
    blank one (languages not named stay); optionally change the language the title and
    the questions are written in; save each record changed, recorded in its history.
    """
    _check_may(by, "action_plan.issue_consultation", MAY_NOT_ISSUE, consultation)
    questions = {q.number: q for q in Question.objects.filter(section__consultation=consultation)}
    for number in question_translations or {}:
        if number not in questions:
            raise _invalid("question_translations", NOT_A_QUESTION_NUMBER % {"value": number})
    # Every change checked before any is made: a refusal leaves each record as it was.
    limits = {"title": Consultation._meta.get_field("title").max_length}
    after = [
        (
            record,
            _merged_translations(
                record, {field: texts}, original_language=original_language, limits=limits
            ),
        )
        for record, field, texts in [
            (consultation, "title", title_translations or {}),
            *(
                (question, "text", (question_translations or {}).get(number, {}))
                for number, question in sorted(questions.items())
            ),
        ]
    ]
    for record, (language, translations) in after:
        if (language, translations) != (record.original_language, record.translations):
            record.original_language, record.translations = language, translations
            attribute(record, by=by, reason="Translations")
            record.save(update_fields=["original_language", "translations"])
    return consultation


def _check_addressed(consultation: Consultation, state: State, now: datetime) -> None:
    """Refuse a State the consultation is not addressed to (its States Parties, a list)."""
    if consultation.addressed_to == AddressedTo.STATES_PARTIES:
        on = now.astimezone(times.zone(consultation.time_zone)).date()
        standing = state_standing(convention=consultation.convention, iso3=state.iso3, on=on)
        if standing.status != "state_party":
            raise _invalid(
                "state",
                NOT_A_STATE_PARTY.format(
                    state=state.local_name, convention=consultation.convention.short_name
                ),
            )
    elif (
        consultation.addressed_to == AddressedTo.CHOSEN
        and not consultation.addressed_states.filter(pk=state.pk).exists()
    ):
        raise _invalid("state", NOT_AMONG_ADDRESSEES.format(state=state.local_name))


def _check_organisation_addressed(consultation: Consultation, organisation: Organisation) -> None:
    """Refuse an organisation not on the consultation's chosen list."""
    if (
        consultation.addressed_to == AddressedTo.CHOSEN
        and not consultation.addressed_organisations.filter(pk=organisation.pk).exists()
    ):
        raise _invalid(
            "organisation", NOT_AMONG_ORGANISATIONS.format(organisation=organisation.name)
        )


def _check_open(consultation: Consultation, now: datetime) -> None:
    """Refuse once closed or once the deadline has passed (its last second still counts)."""
    if consultation.closed_at is not None:
        day = _clock_and_day(consultation.closed_at, consultation.time_zone)[1]
        raise _invalid("deadline", CLOSED_BY_PRESIDENCY.format(day=day))
    if times.is_past(consultation.deadline, now):
        clock, day = _clock_and_day(consultation.deadline, consultation.time_zone)
        raise _invalid(
            "deadline",
            CONSULTATION_CLOSED % {"time": clock, "deadline": day, "zone": consultation.time_zone},
        )


def _sha256(upload: File) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@transaction.atomic
def submit_contribution(
    *,
    consultation: Consultation,
    answers: Mapping[int, str],
    by,
    now: datetime,
    attachment: File | None = None,
) -> Contribution:
    """Submit, or edit, the caller's Delegation's contribution to a consultation.

    Steps: check the person is a Delegation of a kind the consultation is addressed to
    (a Delegation acts only for its own State or organisation); lock the consultation and
    refuse once closed or after its deadline; refuse a State it is not addressed to (not a
    State Party, when addressed to the States Parties; not on its list) or an organisation
    not on its chosen list; check every
    answer is to a question of this consultation and that something is answered or
    attached; check an attachment like a document's file (PDF or .docx by its bytes,
    within the size limit); refuse to edit a contribution another person of the
    Delegation submitted; save the contribution and its answers (an empty answer removes
    the earlier one); store the attachment last, deleting it again if the save fails.
    """
    party = acting_for(user=by, convention=consultation.convention) if by is not None else None
    if party is None:
        raise PermissionDenied(NOT_A_DELEGATION)
    if not by.has_perm("action_plan.contribute", consultation):
        raise PermissionDenied(NOT_ADDRESSED % {"addressees": consultation.addressees})
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_open(consultation, now)
    if isinstance(party, State):
        _check_addressed(consultation, party, now)
    else:
        _check_organisation_addressed(consultation, party)
    questions = {q.pk: q for q in Question.objects.filter(section__consultation=consultation)}
    for key in answers:
        if key not in questions:
            raise _invalid("answers", NOT_A_QUESTION % {"value": key})
    texts = {key: (text or "").strip() for key, text in answers.items()}
    if attachment is not None:
        try:
            check_upload(attachment)
        except ValidationError as error:
            raise _invalid("attachment", " ".join(error.messages)) from None
    lookup = {"state": party} if isinstance(party, State) else {"organisation": party}
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("author", "state", "organisation")
        .filter(consultation=consultation, **lookup)
        .first()
    )
    if contribution is not None and contribution.author_id not in (None, by.pk):
        raise PermissionDenied(
            NOT_THE_AUTHOR
            % {"contributor": contribution.contributor, "author": contribution.author}
        )
    kept = {a.question_id: a for a in contribution.answers.all()} if contribution else {}
    remaining = {k for k, a in kept.items() if texts.get(k, a.text)}
    if (
        not ({k for k, t in texts.items() if t} | remaining)
        and attachment is None
        and not (contribution and contribution.attachment)
    ):
        raise _invalid("answers", EMPTY_CONTRIBUTION)
    if contribution is None:
        contribution = Contribution(
            consultation=consultation, author=by, submitted_at=now, **lookup
        )
        reason = "Contribution submitted"
    else:
        reason = "Contribution edited"
    contribution.updated_at = now
    stored = None
    if attachment is not None:
        storage = Contribution._meta.get_field("attachment").storage
        name = attachment.name.rsplit("/", 1)[-1]
        stored = storage.save(f"contributions/{consultation.pk}/{name}", attachment)
        contribution.attachment.name = stored
        contribution.attachment_name = name
        contribution.attachment_sha256 = _sha256(attachment)
    try:
        with transaction.atomic():
            attribute(contribution, by=by, reason=reason)
            contribution.save()
            for key, text in texts.items():
                existing = kept.get(key)
                if not text:
                    if existing is not None:
                        existing.delete()
                    continue
                if existing is None:
                    Answer.objects.create(contribution=contribution, question_id=key, text=text)
                elif existing.text != text:
                    existing.text = text
                    attribute(existing, by=by, reason="Answer edited")
                    existing.save()
    except BaseException:
        if stored:
            Contribution._meta.get_field("attachment").storage.delete(stored)
        raise
    return contribution
