"""The records a drafted document is built from, gathered in a fixed number of queries.

A selector returns plain records (a dataclass of model rows and lists); `content`
turns them into a document and `render` writes it, so each step is tested alone.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max, Min, Prefetch, Q

from plenary.action_plan.models import Consultation, Question
from plenary.decisions.models import Decision, ExtensionRequest, SilenceProcedure
from plenary.documents.models import Document
from plenary.drafting.models import Dispatch, Letterhead, ReportDocument, ReportText
from plenary.finance import selectors as finance
from plenary.finance.models import CostEstimate
from plenary.meetings import selectors as meetings
from plenary.meetings.models import Meeting, MeetingKind, MeetingPart, PlanChange
from plenary.reports import statistics
from plenary.rules import conventions, names, symbols
from plenary.treaties import selectors as treaties
from plenary.treaties.models import Convention, Organisation


@dataclass
class MeetingHistory:
    """A meeting of the series (the meeting itself, a preparatory meeting, a briefing)."""

    meeting: Meeting
    parts: list[MeetingPart]
    plan_changes: list[PlanChange]
    procedures: list[SilenceProcedure]

    @property
    def first_plan(self) -> list[dict]:
        """The plan before any change (the first change's previous plan)."""
        if self.plan_changes:
            return self.plan_changes[0].previous_plan
        return [
            {
                "number": part.number,
                "starts_on": part.starts_on.isoformat(),
                "ends_on": part.ends_on.isoformat(),
                "format": part.format,
                "venue": part.venue,
                "city": part.city,
            }
            for part in self.parts
        ]


# The languages besides English the report's paragraphs are worded in
# (templates/drafting/un/<language>/report/).
WORDED_LANGUAGES = ("fr", "es")


@dataclass
class ReportRecords:
    meeting: Meeting
    part: MeetingPart
    ruleset: conventions.RuleSet
    history: MeetingHistory
    preparations: list[MeetingHistory]
    officers: list
    agenda: list
    participants: dict[str, list[str]]
    organisations: dict[str, Organisation]
    extension_requests: list[ExtensionRequest]
    documents: list[Document]
    # The decisions the register holds for the part, with their agenda items.
    decisions: list[Decision] = field(default_factory=list)
    texts: list[ReportText] = field(default_factory=list)
    state_names: dict[int, str] = field(default_factory=dict)
    # The participants listed in the other languages the report is worded in
    # (`WORDED_LANGUAGES`): their names and order in that language.
    participants_in: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # States' forms in running French and Spanish, by language and State id (`named`).
    names_in_text: dict[str, dict[int, names.InText]] = field(default_factory=dict)
    # The report as a document of the meeting (its symbol, revisions, adoption), once issued.
    report_document: "ReportDocument | None" = None
    revisions: list[Document] = field(default_factory=list)
    # The statements the report's texts ask for (`Statement`), computed on `statements_on`.
    statements: dict[
        str,
        "StatusRecords | list[statistics.Figure] | finance.MeetingStatus | ObligationsRecords"
        " | NextEstimate",
    ] = field(default_factory=dict)
    statements_on: date | None = None

    def plan_on(self, on: date) -> list[dict]:
        """The meeting's parts as planned on `on`."""
        return plan_on(self.history, on)

    def named(self, state) -> names.StateName:
        """A State as the report names it: its English name, and its forms in running
        French and Spanish as the UN named it on the part's first day."""
        return names.StateName(
            state.name,
            {
                language: found[state.pk]
                for language, found in self.names_in_text.items()
                if state.pk in found
            },
        )


def _histories(meetings_: list[Meeting]) -> list[MeetingHistory]:
    """Parts, plan changes (with their procedures) and procedures of meetings: 4 queries."""
    ids = [meeting.pk for meeting in meetings_]
    parts = list(MeetingPart.objects.filter(meeting_id__in=ids).order_by("number"))
    changes = list(
        PlanChange.objects.filter(meeting_id__in=ids)
        .order_by("recorded_at", "pk")
        .prefetch_related("silence_procedures")
    )
    procedures = list(
        SilenceProcedure.objects.filter(meeting_id__in=ids).order_by("circulated_on", "pk")
    )
    return [
        MeetingHistory(
            meeting=meeting,
            parts=[part for part in parts if part.meeting_id == meeting.pk],
            plan_changes=[change for change in changes if change.meeting_id == meeting.pk],
            procedures=[proc for proc in procedures if proc.meeting_id == meeting.pk],
        )
        for meeting in meetings_
    ]


@dataclass
class StatusRecords:
    """The Convention's status on a day, from the registry (`treaties.states_on`): its
    States Parties and signatories, and the instruments deposited since the previous
    meeting of States Parties or Review Conference (None: no such meeting is recorded)."""

    on: date
    states_parties: list
    signatories: list
    # Instrument deposited, the Convention not yet in force for them.
    awaiting_entry_into_force: list
    previous: Meeting | None
    previous_ended_on: date | None
    deposited_since: list


def _previous_meeting(meeting: Meeting, on: date) -> Meeting | None:
    """The last Meeting of States Parties or Review Conference that closed before this
    meeting opened, with its `last_day` (one query)."""
    first_day = min((p.starts_on for p in meeting.parts.all()), default=on)
    return (
        Meeting.objects.filter(
            convention=meeting.convention,
            kind__in=[MeetingKind.MSP, MeetingKind.REVIEW_CONFERENCE],
        )
        .exclude(pk=meeting.pk)
        .annotate(first_day=Min("parts__starts_on"), last_day=Max("parts__ends_on"))
        .filter(last_day__lt=first_day)
        .order_by("-last_day", "-pk")
        .first()
    )


def _status_on(meeting: Meeting, on: date) -> StatusRecords:
    """Two queries: every State's standing on `on`, and the previous formal meeting."""
    standings = treaties.states_on(convention=meeting.convention, on=on)
    previous = _previous_meeting(meeting, on)
    since = previous.last_day if previous is not None else None
    deposited = [
        s
        for s in standings
        if since is not None and s.deposited_on is not None and since < s.deposited_on <= on
    ]
    return StatusRecords(
        on=on,
        states_parties=[s for s in standings if s.status == "state_party"],
        signatories=[s for s in standings if s.status == "signatory"],
        awaiting_entry_into_force=[s for s in standings if s.status == "deposited"],
        previous=previous,
        previous_ended_on=since,
        deposited_since=sorted(deposited, key=lambda s: (s.deposited_on, s.name)),
    )


@dataclass
class Holder:
    """A State Party's obligation as the registry holds it on a day: its deadline then
    (`extended`: as an extension granted by then moved it) and its completion, where a
    completion on or before that day is on record (`completed_on` the day, `completed_by`
    the day by which it is on record when no source gives the day)."""

    state: object
    deadline: date
    extended: bool
    completed_on: date | None
    completed_by: date | None
    # The State as the report names it in running French or Spanish (`ReportRecords.named`),
    # set by the drafting of the statement.
    named: object = None

    @property
    def name(self) -> str:
        """The State's name in the document's language (the language active when drafted)."""
        return self.state.local_name

    @property
    def completion_date(self) -> date | None:
        return self.completed_on or self.completed_by


@dataclass
class ObligationTally:
    """The States Parties with one kind of obligation on record on a day (`obligations_on`),
    sorted as met (a completion on record by that day), pending (no completion on record,
    the deadline not passed) and no record (no completion on record, the deadline passed:
    never counted as met, nor said to be missed)."""

    kind: str
    article: str
    title: str
    completed: list[Holder]
    pending: list[Holder]
    no_record: list[Holder]
    # Of `completed`, those whose completion is on record after the previous meeting closed.
    completed_since: list[Holder]

    @property
    def total(self) -> int:
        return len(self.completed) + len(self.pending) + len(self.no_record)


@dataclass
class ObligationsRecords:
    """The obligations of destruction and clearance on a day, one tally per kind of the
    convention (the convention file's order), and the previous formal meeting."""

    on: date
    tallies: list[ObligationTally]
    previous: Meeting | None
    previous_ended_on: date | None


# The obligations held as rows of the registry (`treaties.Obligation`); reports are counted
# by the transparency statement.
ROW_OBLIGATIONS = ("stockpile_destruction", "clearance")


def _obligations_status(meeting: Meeting, on: date, kinds: tuple[str, ...]) -> ObligationsRecords:
    """Three queries for each kind (the obligations with their extensions) and one for the
    previous formal meeting."""
    convention = meeting.convention
    previous = _previous_meeting(meeting, on)
    since = previous.last_day if previous is not None else None
    tallies = []
    for rule in convention.rules.obligations:
        if rule.kind not in kinds:
            continue
        groups: dict[str, list[Holder]] = {"completed": [], "pending": [], "overdue": []}
        for row in treaties.obligations_on(convention=convention, on=on, obligation=rule.kind):
            groups[row.status].append(
                Holder(
                    state=row.holder,
                    deadline=row.current_deadline,
                    extended=row.current_deadline != row.original_deadline,
                    completed_on=row.completed_on,
                    completed_by=row.completed_by,
                )
            )
        done = sorted(groups["completed"], key=lambda h: (h.completion_date, h.state.name))
        tallies.append(
            ObligationTally(
                kind=rule.kind,
                article=rule.article,
                title=rule.title,
                completed=done,
                pending=sorted(groups["pending"], key=lambda h: (h.deadline, h.state.name)),
                no_record=sorted(groups["overdue"], key=lambda h: (h.deadline, h.state.name)),
                completed_since=[
                    h for h in done if since is not None and h.completion_date > since
                ],
            )
        )
    return ObligationsRecords(on=on, tallies=tallies, previous=previous, previous_ended_on=since)


@dataclass
class NextEstimate:
    """The next Meeting of States Parties or Review Conference on record after this meeting
    (None: none is recorded), its first cost estimate on record and the estimate's total
    (None: the estimate holds no line, so no amount)."""

    meeting: Meeting | None
    estimate: CostEstimate | None
    total: Decimal | None


def _next_estimate(meeting: Meeting, on: date) -> NextEstimate:
    """Two queries and the estimate's lines: the next formal meeting opening after this
    meeting's last day, and its first cost estimate."""
    last_day = max((p.ends_on for p in meeting.parts.all()), default=on)
    following = (
        Meeting.objects.filter(
            convention=meeting.convention,
            kind__in=[MeetingKind.MSP, MeetingKind.REVIEW_CONFERENCE],
        )
        .exclude(pk=meeting.pk)
        .annotate(first_day=Min("parts__starts_on"))
        .filter(first_day__gt=last_day)
        .order_by("first_day", "pk")
        .first()
    )
    if following is None:
        return NextEstimate(meeting=None, estimate=None, total=None)
    estimate = (
        CostEstimate.objects.filter(meeting=following).prefetch_related("lines").order_by("pk")
    ).first()
    lines = list(estimate.lines.all()) if estimate is not None else []
    total = sum((line.estimated for line in lines), Decimal("0")) if lines else None
    return NextEstimate(meeting=following, estimate=estimate, total=total)


def _statements(meeting: Meeting, kinds: set[str], on: date) -> dict:
    """The records of the statements asked for (a fixed number of queries each)."""
    found: dict = {}
    if "status" in kinds:
        found["status"] = _status_on(meeting, on)
    if "transparency" in kinds:
        found["transparency"] = statistics.meeting_statistics(meeting=meeting, today=on)
    if "financial_status" in kinds:
        found["financial_status"] = finance.meeting_status(meeting=meeting, on=on)
    if "stockpile_destruction" in kinds:
        found["stockpile_destruction"] = _obligations_status(
            meeting, on, ("stockpile_destruction",)
        )
    if "obligations" in kinds:
        found["obligations"] = _obligations_status(meeting, on, ROW_OBLIGATIONS)
    if "cost_estimate" in kinds:
        found["cost_estimate"] = _next_estimate(meeting, on)
    return found


def report_records(
    *, part: MeetingPart, kind: str = "interim", on: date | None = None
) -> ReportRecords:
    """Everything the report of a part says, whatever the number of participants,
    requests or documents: about twenty queries, and a few for each statement the
    Secretariat placed in it, computed on `on` (the report's date; default: the part's
    last day)."""
    meeting = (
        Meeting.objects.select_related("convention")
        .prefetch_related("parts")
        .get(pk=part.meeting_id)
    )
    part = next(each for each in meeting.parts.all() if each.pk == part.pk)
    preparations = list(
        Meeting.objects.filter(prepares=meeting).select_related("convention").order_by("number")
    )
    histories = _histories([meeting, *preparations])
    record = meetings.meeting_record(meeting)
    organisations = {
        str(organisation): organisation
        for organisation in Organisation.objects.filter(delegation__parts=part)
    }
    requests = list(
        ExtensionRequest.objects.filter(Q(recommended_at=part) | Q(decided_at=part))
        .select_related("obligation__state", "obligation__convention", "agenda_item")
        .prefetch_related("conditions")
        # Stockpile destruction before clearance, as both conventions number them.
        .order_by("-obligation__kind", "obligation__state__name")
    )
    documents = sorted(
        Document.objects.filter(part=part).only("symbol", "title", "meeting_id", "part_id"),
        key=lambda document: symbols.sort_key(document.symbol),
    )
    # The report's own texts (L.1, L.1/Rev.1) stay among the documents it lists: the
    # annex of seed 003 lists CCM/CONF/2020/L.1 itself.
    issued = _report_document(part=part, kind=kind)
    texts = list(
        ReportText.objects.filter(part=part)
        .filter(Q(report_kind="") | Q(report_kind=kind))
        .order_by("section", "after", "position", "pk")
    )
    statements_on = on or part.ends_on
    state_names = treaties.names_in_text_on(on=part.starts_on)
    participants = meetings.participants_by_language(part=part, languages=("en", *WORDED_LANGUAGES))
    return ReportRecords(
        meeting=meeting,
        part=part,
        ruleset=conventions.get_ruleset(meeting.convention.short_name),
        history=histories[0],
        preparations=histories[1:],
        officers=record["officers"],
        agenda=record["agenda"],
        participants=participants.pop("en"),
        participants_in=participants,
        organisations=organisations,
        extension_requests=requests,
        documents=documents,
        decisions=list(
            Decision.objects.filter(part=part).prefetch_related("agenda_items").order_by("pk")
        ),
        texts=texts,
        state_names=state_names.english,
        names_in_text=state_names.in_text,
        statements=_statements(meeting, {t.statement for t in texts if t.statement}, statements_on),
        statements_on=statements_on,
        **issued,
    )


def _report_document(*, part: MeetingPart, kind: str) -> dict:
    """The report's document and every text of it, first to current (two queries)."""
    report = (
        ReportDocument.objects.filter(part=part, report_kind=kind)
        .select_related("original", "document", "decision")
        .first()
    )
    if report is None:
        return {"report_document": None, "revisions": []}
    return {"report_document": report, "revisions": _texts_of(report, _revisions([report]))}


def _revisions(reports: list[ReportDocument]) -> list[Document]:
    """The documents of reports and their revisions (one query)."""
    if not reports:
        return []
    roots = Q()
    for report in reports:
        roots |= Q(pk=report.original_id) | Q(symbol__startswith=f"{report.original.symbol}/Rev.")
    return list(Document.objects.filter(roots).only("symbol", "title", "issued_on", "status"))


def _texts_of(report: ReportDocument, found: list[Document]) -> list[Document]:
    root = report.original.symbol
    mine = [d for d in found if d.symbol == root or d.symbol.startswith(f"{root}/Rev.")]
    return sorted(mine, key=lambda document: symbols.sort_key(document.symbol))


@dataclass
class ReportOfPart:
    report: ReportDocument
    revisions: list[Document]


def reports_of(*, meeting: Meeting) -> list[ReportOfPart]:
    """The reports of a meeting's parts issued as documents, with their revisions (two
    queries, whatever the number of parts)."""
    reports = list(
        ReportDocument.objects.filter(part__meeting=meeting)
        .select_related("part", "original", "document", "decision")
        .order_by("part__number", "report_kind")
    )
    found = _revisions(reports)
    return [ReportOfPart(report, _texts_of(report, found)) for report in reports]


@dataclass
class ConveningRecords:
    """What the convening note verbale says: the meeting and its preparatory meetings,
    each with its plan as it stood on the day of the note."""

    meeting: Meeting
    ruleset: conventions.RuleSet
    meetings: list[Meeting]
    plans: dict[int, list[dict]]
    on: date


def plan_on(history: MeetingHistory, on: date) -> list[dict]:
    """The plan in force on `on`: the first plan, then every change in force by that day."""
    plan = history.first_plan
    for change in history.plan_changes:
        if in_force_from(change) <= on:
            plan = change.new_plan
    return plan


def in_force_from(change: PlanChange) -> date:
    """The day a change took effect: its decision's date; for a change whose decision is not
    on record, the day it is known by at the latest: when it was recorded, or the first day
    of a part it moved, which cannot have been held as replanned before it was decided."""
    if change.decided_on is not None:
        return change.decided_on
    before = {part["number"]: part for part in change.previous_plan}
    moved = [
        date.fromisoformat(part["starts_on"])
        for part in change.new_plan
        if before.get(part["number"]) != part
    ]
    return min([change.recorded_at.date(), *moved])


def convening_records(*, meeting: Meeting, on: date) -> ConveningRecords:
    """The meeting and its preparatory meetings as convened on `on` (five queries)."""
    preparations = list(
        Meeting.objects.filter(prepares=meeting, kind="preparatory")
        .select_related("convention")
        .order_by("number")
    )
    histories = _histories([*preparations, meeting])
    return ConveningRecords(
        meeting=meeting,
        ruleset=conventions.get_ruleset(meeting.convention.short_name),
        meetings=[history.meeting for history in histories],
        plans={history.meeting.pk: plan_on(history, on) for history in histories},
        on=on,
    )


def part_with_meeting(*, convention: Convention, reference: str, number: int) -> MeetingPart:
    """Part `number` of the convention's meeting with this code or symbol root, its meeting
    loaded."""
    meeting = meetings.meeting_by_reference(reference, convention=convention)
    part = meetings.part_of(meeting, number)
    part.meeting = meeting
    return part


def programme_records(*, part: MeetingPart):
    return meetings.programme_of(part=part)


def prefetch_parts() -> Prefetch:
    return Prefetch("parts", queryset=MeetingPart.objects.order_by("number"))


def president_of(*, meeting: Meeting):
    return meeting.officers.filter(role="president").order_by("position").first()


@dataclass
class LetterRecords:
    """What a letter of the Presidency about a meeting is drafted from: the meeting and its
    plan on the letter's day, its President and letterhead, the silence procedure or the
    consultation the letter reports, the documents it may annex and the letters sent."""

    meeting: Meeting
    ruleset: conventions.RuleSet
    on: date
    plan: list[dict]
    president: object | None
    letterhead: Letterhead | None
    procedure: SilenceProcedure | None = None
    consultation: object | None = None
    questions: list = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    sent: list[Dispatch] = field(default_factory=list)
    # The States that broke the silence of the procedure reported, in the UN's order.
    breakers: list[str] = field(default_factory=list)


def letter_records(
    *, meeting: Meeting, on: date, procedure_id: int | None = None, consultation_id=None
) -> LetterRecords:
    """The records of a letter about `meeting` written on `on` (a fixed number of queries:
    nine at most)."""
    history = _histories([meeting])[0]
    procedure = consultation = None
    questions: list = []
    if procedure_id is not None:
        procedure = (
            SilenceProcedure.objects.filter(Q(meeting=meeting) | Q(meeting__prepares=meeting))
            .select_related("meeting")
            .filter(pk=procedure_id)
            .first()
        )
    if consultation_id is not None:
        consultation = Consultation.objects.filter(meeting=meeting, pk=consultation_id).first()
        if consultation is not None:
            questions = list(
                Question.objects.filter(section__consultation=consultation)
                .select_related("section")
                .order_by("section__order", "number")
            )
    return LetterRecords(
        meeting=meeting,
        ruleset=conventions.get_ruleset(meeting.convention.short_name),
        on=on,
        plan=plan_on(history, on),
        president=president_of(meeting=meeting),
        letterhead=Letterhead.objects.filter(meeting=meeting).first(),
        procedure=procedure,
        consultation=consultation,
        questions=questions,
        breakers=sorted(
            {brk.state.name for brk in procedure.breaks.select_related("state")}
            if procedure is not None
            else set()
        ),
        documents=sorted(
            Document.objects.filter(meeting=meeting).only("symbol", "title", "meeting_id"),
            key=lambda document: symbols.sort_key(document.symbol),
        ),
        sent=list(Dispatch.objects.filter(meeting=meeting).order_by("sent_on", "pk")),
    )


def dispatches_of(*, meeting: Meeting) -> list[Dispatch]:
    """The letters and notes verbales recorded as sent about a meeting, oldest first."""
    return list(Dispatch.objects.filter(meeting=meeting).order_by("sent_on", "pk"))


def meeting_procedures(*, meeting: Meeting) -> list[SilenceProcedure]:
    """The silence procedures about a meeting and its preparatory meetings."""
    return list(
        SilenceProcedure.objects.filter(Q(meeting=meeting) | Q(meeting__prepares=meeting))
        .select_related("meeting")
        .order_by("circulated_on", "pk")
    )


def meeting_consultations(*, meeting: Meeting) -> list:
    return list(Consultation.objects.filter(meeting=meeting).order_by("issued_on", "pk"))


def report_document_of(*, part: MeetingPart, kind: str) -> ReportDocument | None:
    return ReportDocument.objects.filter(part=part, report_kind=kind).first()


def decisions_of(*, part: MeetingPart) -> list:
    """The decisions taken in plenary at a part (one of them may adopt its report)."""
    return list(Decision.objects.filter(part=part).order_by("decided_on", "pk"))
