"""Every read of decisions, each in a fixed number of queries whatever the number of rows.

Every selector answers for one convention, passed in explicitly: a silence procedure is
its convention's, an extension request its obligation's."""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plenary.core.l10n import day as long_date
from plenary.core.l10n import in_name_order
from plenary.core.models import Role
from plenary.core.permissions import current_grants
from plenary.decisions.models import (
    Addressee,
    Decision,
    ExtensionRequest,
    Outcome,
    ReportingCondition,
    SilenceBreak,
    SilenceProcedure,
)
from plenary.finance.models import CostEstimate
from plenary.meetings.models import AgendaItem, Meeting, MeetingPart
from plenary.meetings.services import PartPlan
from plenary.rules.months import add_months
from plenary.treaties import selectors as treaty_selectors
from plenary.treaties.models import Convention, Obligation, State, TransparencyReport

_BREAKS = Prefetch("breaks", queryset=SilenceBreak.objects.select_related("state"))


def silence_procedures(*, convention: Convention, outcome: str | None = None):
    """The convention's procedures, latest deadline first, with the States that broke each
    (2 queries)."""
    procedures = (
        SilenceProcedure.objects.filter(convention=convention)
        .select_related("meeting")
        .prefetch_related(_BREAKS)
    )
    if outcome:
        procedures = procedures.filter(outcome=outcome)
    return procedures


def open_silence_procedures(*, convention: Convention, now: datetime):
    """The convention's procedures still open at `now`, soonest deadline first."""
    return (
        silence_procedures(convention=convention, outcome=Outcome.OPEN)
        .filter(deadline__gte=now)
        .order_by("deadline")
    )


def procedures_to_answer(*, convention: Convention, state: State, now: datetime):
    """The convention's procedures open at `now` that were circulated to `state`: those its
    Delegation must answer (break or keep silent). None for a State not party to it."""
    return open_silence_procedures(convention=convention, now=now).filter(addressees__state=state)


def silence_procedure_record(*, convention: Convention, pk: int) -> SilenceProcedure:
    """One of the convention's procedures with its addressees and breaks (3 queries)."""
    procedure = (
        SilenceProcedure.objects.filter(convention=convention)
        .select_related("convention", "meeting", "plan_change", "circulated_by_user")
        .prefetch_related(
            _BREAKS,
            Prefetch("addressees", queryset=Addressee.objects.select_related("state")),
        )
        .filter(pk=pk, convention=convention)
        .first()
    )
    if procedure is None:
        raise Http404(_("No silence procedure %(pk)s.") % {"pk": pk})
    return procedure


def time_left(procedure: SilenceProcedure, now: datetime) -> str:
    """ "2 days 3 hours", "45 minutes": the time until the deadline, for an open procedure."""
    seconds = int((procedure.deadline - now).total_seconds())
    if seconds < 0:
        return _("deadline passed")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if not days and (minutes or not parts):
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return " ".join(parts)


def silence_row(procedure: SilenceProcedure) -> dict:
    """The public summary of a procedure, as the command line and the API give it."""
    return {
        "subject": procedure.subject,
        "circulated": procedure.circulated_on,
        "deadline": procedure.deadline.astimezone(_zone(procedure)).isoformat(),
        "outcome": procedure.outcome,
        "broken_by": sorted(b.state.name for b in procedure.breaks.all()),
    }


def _zone(procedure: SilenceProcedure) -> ZoneInfo:
    return ZoneInfo(procedure.time_zone)


def meeting_named(*, convention: Convention, name: str) -> Meeting:
    """A meeting of the convention by its code (2RC) or the root of its symbols
    (CCM/CONF/2020)."""
    meeting = (
        Meeting.objects.filter(convention=convention)
        .filter(Q(code=name) | Q(symbol_root=name))
        .first()
    )
    if meeting is None:
        raise Http404(_("No meeting has the code or symbol root %(name)r.") % {"name": name})
    return meeting


def extension_requests(
    *, convention: Convention, meeting: Meeting | None = None, iso3: str | None = None
):
    """The extension requests under the convention (their obligations'), with their State,
    parts, extension and conditions (2 queries)."""
    requests = (
        ExtensionRequest.objects.filter(obligation__convention=convention)
        .select_related(
            "obligation__state",
            "obligation__convention",
            "meeting",
            "recommended_at__meeting",
            "decided_at__meeting",
            "decided_by_procedure",
            "extension",
        )
        .prefetch_related("conditions")
    )
    if meeting is not None:
        requests = requests.filter(meeting=meeting)
    if iso3:
        requests = requests.filter(obligation__state__iso3=iso3.upper())
    return requests


def extension_request(*, convention: Convention, pk: int) -> ExtensionRequest:
    request = extension_requests(convention=convention).filter(pk=pk).first()
    if request is None:
        raise Http404(_("No extension request %(pk)s.") % {"pk": pk})
    return request


def recommendation_text(request: ExtensionRequest) -> str | None:
    if not request.recommendation:
        return None
    if request.recommended_deadline:
        return _("recommended to grant until %(deadline)s") % {
            "deadline": request.recommended_deadline.isoformat()
        }
    return _("recommended to refuse")


def extension_row(request: ExtensionRequest) -> dict:
    """A request as the `extensions` command and the API list give it."""
    return {
        "state": request.obligation.state.name,
        "article": int(request.obligation.article),
        "obligation": request.obligation.kind,
        "original_deadline": request.current_deadline,
        "requested_deadline": request.requested_deadline,
        "months": request.requested_months,
        "recommendation": recommendation_text(request),
        "decision": request.decision or None,
        "granted_deadline": request.granted_deadline,
    }


def undecided_requests(*, convention: Convention) -> list[ExtensionRequest]:
    """The convention's requests still to decide (one query): a procedure may decide them."""
    rows = (
        ExtensionRequest.objects.filter(obligation__convention=convention, decision="")
        .select_related("obligation__state", "obligation__convention")
        .order_by("pk")
    )
    return in_name_order(rows, lambda row: str(row.obligation.state))


def estimates_awaiting_approval(*, convention: Convention) -> list[CostEstimate]:
    """The convention's cost estimates no decision has approved yet (one query)."""
    return list(
        CostEstimate.objects.filter(convention=convention, approved_by="")
        .select_related("meeting")
        .order_by("pk")
    )


def reporting_conditions(*, convention: Convention, iso3: str) -> list[dict]:
    """What decisions on a State's extension requests under the convention ask it to report
    under the convention's transparency article."""
    requests = extension_requests(convention=convention, iso3=iso3).exclude(
        recommendation="", decision=""
    )
    return [
        {
            "request": request,
            "article": request.obligation.article,
            "obligation": request.obligation.kind,
            "until": request.granted_deadline or request.recommended_deadline,
            "conditions": list(request.conditions.all()),
        }
        for request in requests
        if request.conditions.all()
    ]


@dataclass(frozen=True)
class Requirement:
    """One due day of a reporting condition a grant attached: met when the State's report
    under the transparency article is received after the previous due day (or the
    decision) and by this one; late when received after it, before the next."""

    condition: ReportingCondition
    request: ExtensionRequest
    due_on: date
    met_on: date | None
    status: str  # "met", "met_late", "overdue" or "due"

    @property
    def status_text(self) -> str:
        if self.status == "met":
            return _("met: report received on %(day)s") % {"day": long_date(self.met_on)}
        if self.status == "met_late":
            return _("met late: report received on %(day)s") % {"day": long_date(self.met_on)}
        if self.status == "overdue":
            return _("overdue: no report received by then")
        return _("due")


def _due_days(condition: ReportingCondition, request: ExtensionRequest) -> list[date]:
    if condition.due_on is None:
        return []
    days = [condition.due_on]
    if condition.annually:
        until = request.granted_deadline or condition.due_on
        while add_months(days[-1], 12) <= until:
            days.append(add_months(days[-1], 12))
    return days


def reporting_requirements(
    *, today: date, convention: Convention | None = None, iso3: str | None = None
) -> list[Requirement]:
    """The due days of the reporting conditions of granted extension requests, with
    whether the State met each (three queries), in order of day. Without `convention`,
    every convention's."""
    conditions = ReportingCondition.objects.filter(
        due_on__isnull=False, request__decision="granted"
    ).select_related("request__obligation__state", "request__obligation__convention")
    if convention is not None:
        conditions = conditions.filter(request__obligation__convention=convention)
    if iso3:
        conditions = conditions.filter(request__obligation__state__iso3=iso3.upper())
    conditions = list(conditions)
    received: dict[tuple[int, int], list[date]] = {}
    keys = {(c.request.obligation.convention_id, c.request.obligation.state_id) for c in conditions}
    if keys:
        reports = TransparencyReport.objects.filter(
            convention_id__in={k[0] for k in keys}, state_id__in={k[1] for k in keys}
        ).order_by("received_on")
        for report in reports.values("convention_id", "state_id", "received_on"):
            key = (report["convention_id"], report["state_id"])
            received.setdefault(key, []).append(report["received_on"])
    found = []
    for condition in conditions:
        request = condition.request
        days = _due_days(condition, request)
        reports = received.get((request.obligation.convention_id, request.obligation.state_id), [])
        for index, day in enumerate(days):
            after = days[index - 1] if index else request.decided_on
            following = days[index + 1] if index + 1 < len(days) else None
            timely = [r for r in reports if (after is None or r > after) and r <= day]
            late = [r for r in reports if r > day and (following is None or r <= following)]
            if timely:
                status, met_on = "met", timely[0]
            elif late:
                status, met_on = "met_late", late[0]
            else:
                status, met_on = ("overdue" if today > day else "due"), None
            found.append(Requirement(condition, request, day, met_on, status))
    return sorted(found, key=lambda r: (r.due_on, r.request.pk, r.condition.letter))


def decisions_of(*, meeting: Meeting):
    """The decisions taken at a meeting's parts, with their agenda items (2 queries)."""
    return (
        Decision.objects.filter(part__meeting=meeting)
        .select_related("part")
        .prefetch_related("agenda_items")
        .order_by("part__number", "decided_on", "pk")
    )


def addressees_on(*, convention: Convention, on) -> list[State]:
    """The States a procedure circulated on `on` would go to: the convention's States
    Parties that day (what circulation fixes as addressees)."""
    return [
        standing.state
        for standing in treaty_selectors.states_on(
            convention=convention, on=on, status="state_party"
        )
    ]


def meetings_of(*, convention: Convention):
    return Meeting.objects.filter(convention=convention).order_by("code")


def replan_effect(*, meeting: Meeting, number: int, starts_on, ends_on, reason: str) -> dict:
    """A "replan_meeting" effect: the meeting's present plan with part `number` moved to
    the new dates (the other parts as they are)."""
    parts = []
    for part in meeting.parts.order_by("number"):
        plan = asdict(PartPlan.of(part))
        if part.number == number:
            plan["starts_on"], plan["ends_on"] = starts_on, ends_on
        parts.append({**plan, "starts_on": str(plan["starts_on"]), "ends_on": str(plan["ends_on"])})
    return {"parts": parts, "reason": reason}


def outcome_text(procedure: SilenceProcedure) -> str:
    """What the page says of a procedure's outcome; a break is said at once, before the
    deadline concludes it (reads the prefetched breaks)."""
    breaks = list(procedure.breaks.all())
    if procedure.is_open and breaks:
        first = breaks[0]
        local = first.broken_at.astimezone(_zone(procedure))
        return _("silence broken by %(states)s on %(day)s; to be concluded at the deadline") % {
            "states": ", ".join(b.state.name for b in breaks),
            "day": long_date(local.date()),
        }
    if procedure.outcome == Outcome.BROKEN:
        return _("silence broken by %(states)s") % {
            "states": ", ".join(b.state.name for b in breaks)
        }
    if procedure.outcome == Outcome.WITHDRAWN:
        return _("withdrawn: %(reason)s") % {"reason": procedure.withdrawal_reason}
    return str(procedure.get_outcome_display())


def describe_deadline(procedure: SilenceProcedure) -> str:
    local = procedure.deadline.astimezone(_zone(procedure))
    return _("%(time)s on %(day)s (%(zone)s time)") % {
        "time": f"{local:%H:%M:%S}",
        "day": long_date(local.date()),
        "zone": procedure.time_zone,
    }


def procedure_history(procedure: SilenceProcedure) -> list:
    """The procedure's recorded changes with their reasons, oldest first (1 query)."""
    return list(
        procedure.history.exclude(history_change_reason__isnull=True)
        .exclude(history_change_reason="")
        .select_related("history_user")
        .order_by("history_date")
    )


def decision_register(*, convention: Convention, query: str = "", meeting: Meeting | None = None):
    """The convention's decisions, in plenary and by silence procedure, latest first,
    matching `query` in their text, symbol or documents (2 queries)."""
    decisions = (
        Decision.objects.filter(
            Q(part__meeting__convention=convention) | Q(silence_procedure__convention=convention)
        )
        .select_related(
            "part__meeting", "silence_procedure__meeting", "silence_procedure__plan_change"
        )
        .prefetch_related("agenda_items")
        .order_by("-decided_on", "-pk")
    )
    if meeting is not None:
        decisions = decisions.filter(
            Q(part__meeting=meeting) | Q(silence_procedure__meeting=meeting)
        )
    for word in query.split():
        decisions = decisions.filter(
            Q(subject__icontains=word)
            | Q(symbol__icontains=word)
            | Q(documents__icontains=word)
            | Q(paragraph__icontains=word)
        )
    return decisions


def parts_of_convention(*, convention: Convention):
    """Every part of the convention's meetings, for a choice of the part a decision was
    taken at."""
    return (
        MeetingPart.objects.filter(meeting__convention=convention)
        .select_related("meeting")
        .order_by("-starts_on", "number")
    )


def part_named(*, convention: Convention, meeting: str, number: int) -> MeetingPart:
    part = (
        MeetingPart.objects.filter(meeting__convention=convention, number=number)
        .filter(Q(meeting__code=meeting) | Q(meeting__symbol_root=meeting))
        .select_related("meeting")
        .first()
    )
    if part is None:
        raise Http404(
            _("No part %(number)s of a meeting %(meeting)r.")
            % {"number": number, "meeting": meeting}
        )
    return part


def agenda_items_named(*, meeting: Meeting, numbers: list[str]) -> list:
    """The agenda items of `meeting` numbered "10" or "10a"; unknown numbers are left out
    (the caller reports them)."""
    items = {f"{i.number}{i.letter}": i for i in AgendaItem.objects.filter(meeting=meeting)}
    return [items[n] for n in numbers if n in items]


def requestable_obligations(*, convention: Convention, state: State | None):
    """The obligations under the convention an extension may be requested of: those with
    a deadline to extend (stockpile destruction, clearance), not completed; one State's
    when `state` is given."""
    obligations = (
        Obligation.objects.filter(
            convention=convention,
            kind__in=["stockpile_destruction", "clearance"],
            completed_on__isnull=True,
            completed_by__isnull=True,
        )
        .select_related("state", "convention")
        .order_by("state__name", "kind")
    )
    if state is not None:
        obligations = obligations.filter(state=state)
    return obligations


def parts_for_request(request: ExtensionRequest):
    """The parts a request may be recommended or decided at: its meeting's, or every part
    of its convention's meetings while it is before none."""
    if request.meeting_id is not None:
        return request.meeting.parts.select_related("meeting").order_by("number")
    return parts_of_convention(convention=request.obligation.convention)


@dataclass(frozen=True)
class QueueItem:
    convention: Convention
    label: str
    url: str


def _queue_of(user, convention: Convention, now: datetime) -> list[QueueItem]:
    grants = current_grants(user, convention)
    roles = {g.role for g in grants}
    states = {g.state_id for g in grants if g.role == Role.DELEGATION and g.state_id}
    base = f"/{convention.slug}"
    items: list[QueueItem] = []
    if states:
        procedures = (
            open_silence_procedures(convention=convention, now=now)
            .filter(addressees__state__in=states)
            .exclude(breaks__state__in=states)
            .distinct()
        )
        items += [
            QueueItem(
                convention,
                _("Silence procedure to answer by %(day)s: %(subject)s")
                % {"day": long_date(p.deadline_date), "subject": p.subject},
                f"{base}/silence-procedures/{p.pk}/",
            )
            for p in procedures
        ]
    undecided = ExtensionRequest.objects.filter(
        obligation__convention=convention, decision=""
    ).select_related("obligation__state", "obligation__convention")
    for request in undecided:
        url = f"{base}/extension-requests/{request.pk}/"
        state = request.obligation.state
        if request.obligation.state_id in states:
            items.append(
                QueueItem(
                    convention, _("Your State's request is pending: %(r)s") % {"r": request}, url
                )
            )
        if not request.analysis_document and roles & {Role.SECRETARIAT, Role.ISU, Role.COORDINATOR}:
            items.append(
                QueueItem(convention, _("Request awaiting analysis: %(s)s") % {"s": state}, url)
            )
        elif (
            request.analysis_document
            and not request.draft_decision_text
            and not request.draft_decision_document
            and Role.PRESIDENCY in roles
        ):
            items.append(
                QueueItem(
                    convention, _("Request awaiting a draft decision: %(s)s") % {"s": state}, url
                )
            )
        elif (
            request.draft_decision_text
            and not request.draft_decision_document
            and Role.SECRETARIAT in roles
        ):
            items.append(
                QueueItem(
                    convention, _("Draft decision to issue as a CRP: %(s)s") % {"s": state}, url
                )
            )
    if roles & {Role.PRESIDENCY, Role.SECRETARIAT}:
        due = SilenceProcedure.objects.filter(
            convention=convention, outcome=Outcome.OPEN, deadline__lt=now
        )
        items += [
            QueueItem(
                convention,
                _("Silence procedure past its deadline, to be concluded: %(s)s") % {"s": p.subject},
                f"{base}/silence-procedures/{p.pk}/",
            )
            for p in due
        ]
    return items


def queue_for(*, user, conventions, now: datetime) -> list[QueueItem]:
    """What waits for a signed-in user under each convention they hold a role in:
    procedures to answer, requests awaiting their analysis, draft or issue, their State's
    pending requests. A few queries per convention, none per row."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [item for convention in conventions for item in _queue_of(user, convention, now)]
