"""The role x action matrix over every write action of the product.

Every service (a public function of a `services.py`) and every write operation of the API
has a row here, or this test fails: a new action cannot be added without saying who may
take it. A row either runs here (`ACTIONS`: each role of the cast tried on the page and
through the API; a refused role gets 403 and changes nothing, an allowed one is let
through), points at the per-role test in `test_role_matrix.py` that tries it, or says
why no person takes it (the scheduler, the user's own account, a helper)."""

import ast
import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from plenary.action_plan import services as action_plan
from plenary.action_plan.models import ActionPlan
from plenary.core.models import DelegationFunction, Role, User
from plenary.decisions import services as decisions
from plenary.documents import services as documents
from plenary.drafting import services as drafting
from plenary.finance import services as finance
from plenary.finance.services import LineIn, record_cost_estimate
from plenary.meetings import services as meetings
from plenary.reports import services as reports
from plenary.rules.months import add_months
from plenary.treaties.models import State
from plenary.treaties.services import record_obligation, record_participation
from tests.conftest import client_for, make_user, new_state, token_client

ROOT = Path(__file__).resolve().parents[2]
ROLES = [
    "secretariat",
    "president",
    "isu",
    "coordinator",
    "peru_delegate",
    "chile_delegate",
    "observer",
]
# A State's delegation is registered by its Delegation's focal point (or the Secretariat).
REGISTRARS = (*ROLES, "peru_focal_point", "chile_focal_point")
SECRETARIAT = {"secretariat"}
PRESIDENCY = {"secretariat", "president"}
ANALYSTS = {"secretariat", "isu", "coordinator"}


# --- The world the actions run on ---------------------------------------------------------


@dataclass
class World:
    obligation: object
    meeting: object
    request: object
    procedure: object
    estimate: object
    cache: dict = field(default_factory=dict)
    slot: object = None
    document: object = None
    entry: object = None
    item: object = None
    today: date = field(default_factory=timezone.localdate)

    @property
    def first_day(self) -> date:
        return self.meeting.parts.get(number=1).starts_on


@pytest.fixture
def world(ccm, secretariat) -> World:
    """A test State's obligation with a request before a two-part meeting, an open silence
    procedure and a cost estimate awaiting approval."""
    state = new_state("TST")
    today = timezone.localdate()
    record_participation(
        convention=ccm,
        state=state,
        signed_on=date(2008, 12, 3),
        deposited_on=add_months(today, -8 * 12) + timedelta(days=10),
        instrument="ratification",
    )
    obligation = record_obligation(
        convention=ccm, state=state, kind="stockpile_destruction", source="test"
    )
    deadline = obligation.current_deadline
    meeting = meetings.create_meeting(
        convention=ccm,
        code="TEST-RC",
        kind="review_conference",
        title="Test Review Conference",
        symbol_root="CCM/CONF/2099",
        parts=[
            meetings.PartPlan(1, deadline - timedelta(days=40), deadline - timedelta(days=38)),
            meetings.PartPlan(2, deadline + timedelta(days=20), deadline + timedelta(days=21)),
        ],
        by=secretariat,
    )
    request = decisions.submit_extension_request(
        obligation=obligation, by=secretariat, submitted_on=today, months=12, meeting=meeting
    )
    procedure = decisions.circulate_silence_procedure(
        convention=ccm,
        subject="Matrix procedure",
        circulated_on=today,
        deadline_on=today + timedelta(days=7),
        now=timezone.now(),
        by=secretariat,
    )
    estimate = record_cost_estimate(
        convention=ccm, meeting=meeting, lines=[LineIn("other", "10.00")], by=secretariat
    )
    part = meeting.parts.get(number=1)
    slot = meetings.add_programme_slot(
        part=part, day=part.starts_on, starts_at=time(10), ends_at=time(13), by=secretariat
    )
    entry = meetings.add_programme_entry(slot=slot, text="Opening", by=secretariat)
    item = meetings.add_agenda_item(meeting=meeting, number=1, title="Opening", by=secretariat)
    meetings.register_delegation(
        meeting=meeting,
        state=State.objects.get(iso3="PER"),
        members=[meetings.DelegateIn("head", "Ms. Head", email="head@example.org")],
        now=timezone.now(),
        by=secretariat,
    )
    document = documents.create_document(
        meeting=meeting,
        symbol="CCM/CONF/2099/WP.1",
        title="Peru's working paper",
        submitted_by="states",
        submitting_states=[State.objects.get(iso3="PER")],
        by=secretariat,
    )
    return World(obligation, meeting, request, procedure, estimate, {}, slot, document, entry, item)


@pytest.fixture
def peru_approver(ccm):
    return make_user("peru_approver", Role.DELEGATION, "PER", function=DelegationFunction.APPROVER)


def _once(make):
    """A record only some actions need, made the first time one asks (before it is tried)."""

    def get(w):
        if make.__name__ not in w.cache:
            w.cache[make.__name__] = make(w)
        return w.cache[make.__name__]

    return get


@_once
def _assessment(w):
    by = User.objects.get(username="secretariat")
    finance.approve_cost_estimate(
        estimate=w.estimate, approved_by="Report, para. 3", approved_on=w.today, by=by
    )
    return finance.issue_assessments(
        estimate=w.estimate, issued_on=w.today, due_on=w.today + timedelta(days=30), by=by
    )[0]


@_once
def _settleable(w):
    by = User.objects.get(username="secretariat")
    _assessment(w)
    finance.record_actual_cost(line=w.estimate.lines.get(), actual="9.00", by=by)
    return w.estimate


@_once
def _peru_reports(w):
    """Peru's annual report on 2024 submitted, on 2025 a draft: made by a drafter of Peru's."""
    drafter = make_user("the_drafter", Role.DELEGATION, "PER", function=DelegationFunction.APPROVER)
    peru = State.objects.get(iso3="PER")
    submitted, draft = (
        reports.start_report(
            convention=w.meeting.convention, state=peru, kind="annual", year_covered=y, by=drafter
        )
        for y in (2024, 2025)
    )
    reports.submit_report(version=submitted.versions.get(), today=w.today, by=drafter)
    return submitted, draft


@_once
def _report_text(w):
    return drafting.add_report_text(
        part=w.meeting.parts.get(number=1),
        section="introduction",
        body="The Conference opened.",
        by=User.objects.get(username="secretariat"),
    )


@_once
def _report_document(w):
    return drafting.issue_report_document(
        part=w.meeting.parts.get(number=1),
        kind="interim",
        by=User.objects.get(username="secretariat"),
    )


@_once
def _section(w):
    return action_plan.record_section(
        plan=ActionPlan.objects.get(convention=w.meeting.convention, code="LAP"),
        number=99,
        title="Matrix section",
        source="test",
        by=User.objects.get(username="secretariat"),
    )


@_once
def _consultation(w):
    return action_plan.issue_consultation(
        convention=w.meeting.convention,
        title="Matrix consultation",
        issued_by="The President",
        issued_on=w.today,
        deadline_on=w.today + timedelta(days=9),
        addressees="All States Parties",
        sections=[
            action_plan.SectionSpec("1", "Universalisation", [action_plan.QuestionSpec("Why?")])
        ],
        source="test",
        now=timezone.now(),
        by=User.objects.get(username="secretariat"),
    )


@_once
def _action(w):
    return action_plan.record_action(
        section=_section(w),
        number="99",
        text="Matrix action",
        source="test",
        by=User.objects.get(username="secretariat"),
    )


@_once
def _french_version(w):
    return documents.add_language_version(
        document=w.document,
        language="fr",
        upload=_pdf("wp1-fr.pdf"),
        by=User.objects.get(username="secretariat"),
    )


# A new text for each try, so that each allowed role's records a change.
_TEXTS = itertools.count(1)


@_once
def _person(w):
    return make_user("to_erase", Role.OBSERVER)


@_once
def _lost_phone(w):
    """A Presidency user with an authenticator and backup codes, who lost the phone."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    person = make_user("lost_phone", Role.PRESIDENCY)
    TOTPDevice.objects.create(user=person, name="authenticator", confirmed=True)
    StaticDevice.objects.create(user=person, name="backup codes", confirmed=True)
    return person


def _pdf(name: str) -> SimpleUploadedFile:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def trail() -> dict[str, int]:
    """Every history table's count: a refused action leaves each as it was."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
    }


# --- Actions tried here, each on the page and through the API -------------------------------


@dataclass(frozen=True)
class Action:
    name: str
    services: tuple[str, ...]
    allowed: frozenset
    api: Callable[[World], tuple[str, str, dict]] | None = None
    page: Callable[[World], tuple[str, dict]] | None = None
    # Who may on the page, where it differs (the page acts for the user's own State).
    page_allowed: frozenset | None = None
    # What a refused role gets: 403, or 404 where the record is hidden from it.
    refused: frozenset = frozenset({403})
    page_refused: frozenset | None = None
    # Who tries it: the cast, and for a State's own records its approver.
    roles: tuple[str, ...] = tuple(ROLES)


def _extend_api(w):
    body = {"deadline_on": (w.today + timedelta(days=10)).isoformat(), "reason": "More time"}
    return "post", f"/silence-procedures/{w.procedure.pk}/extend", body


def _step(step, data):
    return lambda w: (
        f"/ccm/extension-requests/{w.request.pk}/{step}/",
        {f"{step}-{k}": v(w) if callable(v) else v for k, v in data.items()},
    )


def _part(number):
    return lambda w: w.meeting.parts.get(number=number).pk


ACTIONS = [
    Action(
        "circulate a silence procedure",
        ("decisions.circulate_silence_procedure",),
        frozenset(PRESIDENCY),
        api=lambda w: (
            "post",
            "/silence-procedures",
            {"subject": "Matrix", "deadline_on": (w.today + timedelta(days=7)).isoformat()},
        ),
        page=lambda w: (
            "/ccm/silence-procedures/new/",
            {
                "subject": "Matrix",
                "deadline_on": (w.today + timedelta(days=7)).isoformat(),
                "deadline_time": "23:59:59",
                "time_zone": "Europe/Zurich",
                "effect_kind": "none",
            },
        ),
    ),
    Action(
        "extend a silence procedure",
        ("decisions.extend_silence_procedure",),
        frozenset(PRESIDENCY),
        api=_extend_api,
        page=lambda w: (
            f"/ccm/silence-procedures/{w.procedure.pk}/extend/",
            {
                "deadline_on": (w.today + timedelta(days=10)).isoformat(),
                "deadline_time": "23:59:59",
                "reason": "More time",
            },
        ),
    ),
    Action(
        "withdraw a silence procedure",
        ("decisions.withdraw_silence_procedure",),
        frozenset(PRESIDENCY),
        api=lambda w: ("post", f"/silence-procedures/{w.procedure.pk}/withdraw", {"reason": "r"}),
        page=lambda w: (f"/ccm/silence-procedures/{w.procedure.pk}/withdraw/", {"reason": "r"}),
    ),
    Action(
        "break the silence",
        ("decisions.break_silence",),
        frozenset({"peru_delegate"}),
        api=lambda w: (
            "post",
            f"/silence-procedures/{w.procedure.pk}/breaks",
            {"state": "PER", "reason": "We object."},
        ),
        page=lambda w: (
            f"/ccm/silence-procedures/{w.procedure.pk}/breaks/",
            {"kind": "objection", "reason": "We object.", "confirmed": "on"},
        ),
        # On the page each Delegation breaks it for its own State, Chile as Peru.
        page_allowed=frozenset({"peru_delegate", "chile_delegate"}),
    ),
    Action(
        "conclude a silence procedure",
        ("decisions.conclude_silence_procedure",),
        # Let through, then refused by the rules: its deadline has not passed.
        frozenset(SECRETARIAT),
        api=lambda w: ("post", f"/silence-procedures/{w.procedure.pk}/conclude", {}),
    ),
    Action(
        "record a silence procedure of the past",
        ("decisions.record_concluded_silence_procedure",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/silence-procedures/past",
            {
                "subject": "Matrix past",
                "circulated_on": "2021-01-04",
                "deadline_on": "2021-01-11",
                "outcome": "adopted",
                "source": "test",
            },
        ),
    ),
    Action(
        "submit a Test State's extension request",
        ("decisions.submit_extension_request",),
        # No role of the cast acts for the Test State: only the Secretariat records it.
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/extension-requests",
            {"state": "TST", "obligation": "stockpile_destruction", "months": 12},
        ),
    ),
    Action(
        "record the analysis of a request",
        ("decisions.record_analysis",),
        frozenset(ANALYSTS),
        api=lambda w: (
            "post",
            f"/extension-requests/{w.request.pk}/analysis",
            {"analysis_document": "CCM/CONF/2099/6"},
        ),
        page=_step("analysis", {"analysis_document": "CCM/CONF/2099/6", "observations": ""}),
    ),
    Action(
        "submit a draft decision",
        ("decisions.submit_draft_decision",),
        frozenset(PRESIDENCY),
        api=lambda w: (
            "post",
            f"/extension-requests/{w.request.pk}/draft-decision",
            {"text": "The Conference decides."},
        ),
        page=_step("draft", {"text": "The Conference decides."}),
    ),
    Action(
        "issue a draft decision as the next CRP",
        ("decisions.record_draft_decision",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", f"/extension-requests/{w.request.pk}/draft-decision/issue", {}),
        page=_step("issue", {"draft_decision_document": ""}),
    ),
    Action(
        "recommend a request at part 1",
        ("decisions.recommend_extension",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/extension-requests/{w.request.pk}/recommendation",
            {"meeting": "TEST-RC", "part": 1, "recommendation": "refuse"},
        ),
        page=_step("recommend", {"part": _part(1), "recommendation": "refuse"}),
    ),
    Action(
        "decide a request at part 2",
        ("decisions.decide_extension_request",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/extension-requests/{w.request.pk}/decision",
            {"meeting": "TEST-RC", "part": 2, "decision": "refused"},
        ),
        page=_step("decide", {"part": _part(2), "decision": "refused"}),
    ),
    Action(
        "record a cost estimate",
        ("finance.record_cost_estimate",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/finance/estimates",
            {"meeting": "TEST-RC", "lines": [{"category": "other", "estimated": "5.00"}]},
        ),
    ),
    Action(
        "approve a cost estimate",
        ("finance.approve_cost_estimate",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/finance/estimates/{w.estimate.pk}/approval",
            {"approved_by": "Report, para. 3"},
        ),
    ),
    Action(
        "record a line's actual cost",
        ("finance.record_actual_cost",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "put",
            f"/finance/estimates/{w.estimate.pk}/lines/{w.estimate.lines.get().pk}/actual",
            {"actual": "9.00"},
        ),
    ),
]


def _participation_correction(w):
    held = w.obligation.state.participations.get(convention=w.obligation.convention)
    body = {
        "reason": "The depositary's corrected notification",
        "signed_on": held.signed_on.isoformat(),
        "deposited_on": held.deposited_on.isoformat(),
        "instrument": held.instrument,
        "deposit_source": "C.N.1.2099.TREATIES-XXVI.6 (matrix)",
    }
    return "put", f"/states/{w.obligation.state.iso3}/participation", body


ACTIONS += [
    Action(
        "correct a State's whole depositary record",
        ("treaties.record_participation",),
        frozenset(SECRETARIAT),
        api=_participation_correction,
    ),
    Action(
        "record or correct a State Party's obligation",
        ("treaties.record_obligation",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "put",
            "/obligations",
            {
                "state": w.obligation.state.iso3,
                "obligation": "stockpile_destruction",
                "source": "Article 7 report (matrix)",
                "reason": "Completion recorded by the report",
                "completed_on": (w.today - timedelta(days=30)).isoformat(),
            },
        ),
    ),
]
ACTIONS += [
    Action(
        "issue the assessments on an estimate",
        ("finance.issue_assessments",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/finance/estimates/{w.estimate.pk}/assessments",
            {
                "issued_on": w.today.isoformat(),
                "due_on": (w.today + timedelta(days=30)).isoformat(),
            },
        ),
    ),
    Action(
        "record an ISU budget",
        ("finance.record_isu_budget",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/finance/isu-budgets",
            {"kind": "annual", "first_year": 2031, "last_year": 2031, "title": "Matrix budget"},
        ),
    ),
    Action(
        "record a signature",
        ("treaties.record_signature",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/states/TST/signature",
            {"signed_on": "2008-12-03", "notification": "C.N.1.2008"},
        ),
    ),
    Action(
        "record a withdrawal",
        ("treaties.record_withdrawal",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/states/TST/withdrawal",
            {"received_on": w.today.isoformat(), "notification": "C.N.2.2030"},
        ),
    ),
    Action(
        "declare an obligation completed",
        ("treaties.declare_completion",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/obligations/{w.obligation.pk}/completion",
            {"completed_on": w.today.isoformat(), "source": "test"},
        ),
    ),
]


def _parts(w, shift: int = 0) -> list[dict]:
    return [
        {
            "starts_on": (p.starts_on + timedelta(days=shift)).isoformat(),
            "ends_on": (p.ends_on + timedelta(days=shift)).isoformat(),
        }
        for p in w.meeting.parts.all()
    ]


def _slot(w, hour: int = 10) -> dict:
    return {
        "part": 1,
        "day": w.first_day.isoformat(),
        "starts_at": f"{hour}:00",
        "ends_at": f"{hour + 1}:00",
    }


def _manage(step: str, prefix: str, data: dict):
    """A form of the meeting's management page, its fields under the form's prefix."""
    return lambda w: (
        f"/ccm/meetings/TEST-RC/manage/{step}/",
        {f"{prefix}-{k}": v(w) if callable(v) else v for k, v in data.items()},
    )


def _slot_form(prefix: str, **more):
    return _manage(
        prefix if prefix == "slots" else "slots/move",
        "slot" if prefix == "slots" else "move",
        {
            "part": 1,
            "day": lambda w: w.first_day.isoformat(),
            "starts_at": "15:00",
            "ends_at": "16:00",
            **more,
        },
    )


def _members() -> list[dict]:
    return [{"role": "head", "name": "H.E. Head of Delegation", "email": "head@example.org"}]


# Meetings: the Secretariat keeps them; a Delegation registers its own State.
ACTIONS += [
    Action(
        "convene a meeting",
        ("meetings.create_meeting",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/meetings",
            {"kind": "msp", "code": "MATRIX-MSP", "title": "Matrix", "parts": _parts(w, 400)},
        ),
    ),
    Action(
        "replan a meeting",
        ("meetings.replan_meeting",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/meetings/TEST-RC/plan",
            {"parts": _parts(w, 1), "decided_by": "the Bureau", "reason": "Matrix"},
        ),
    ),
    Action(
        "record the plenary meetings a part held",
        ("meetings.record_plenary_meetings_held",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/parts/1/plenary-meetings", {"count": 3}),
        page=_manage("plenary-meetings", "plenary", {"part": 1, "count": 3}),
    ),
    Action(
        "record an officer",
        ("meetings.record_officer",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/meetings/TEST-RC/officers",
            {"role": "vice_president", "state": "CHL"},
        ),
        page=_manage(
            "officers",
            "officer",
            {"role": "vice_president", "person": "Ms. Vice", "act": "serving"},
        ),
    ),
    Action(
        "put an item on the agenda",
        ("meetings.add_agenda_item",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/agenda", {"number": 2, "title": "Matrix"}),
        page=_manage("agenda", "item", {"number": 2, "title": "Matrix"}),
    ),
    Action(
        "adopt the agenda",
        ("meetings.adopt_agenda",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/agenda/adoption", {"on": w.today.isoformat()}),
        page=_manage("agenda/adoption", "adopt", {"on": lambda w: w.today.isoformat()}),
    ),
    Action(
        "give the meeting's title in French",
        ("meetings.set_meeting_translations",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "put",
            "/meetings/TEST-RC/translations",
            {"title_translations": {"fr": "Conférence d'essai"}},
        ),
        page=_manage(
            "translations",
            "translations",
            {"original_language": "en", "title_fr": "Conférence d'essai"},
        ),
    ),
    Action(
        "give an agenda item's title in French",
        ("meetings.set_agenda_item_translations",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "put",
            "/meetings/TEST-RC/agenda/1/translations",
            {"title_translations": {"fr": "Ouverture"}},
        ),
        page=_manage(
            "agenda/translations",
            "item_translation",
            {"item": lambda w: w.item.pk, "language": "fr", "text": "Ouverture"},
        ),
    ),
    Action(
        "add a slot to the programme",
        ("meetings.add_programme_slot",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/slots", _slot(w, 15)),
        page=_slot_form("slots"),
    ),
    Action(
        "add a line to a slot",
        ("meetings.add_programme_entry",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/meetings/TEST-RC/slots/{w.slot.pk}/entries",
            {"agenda_item": "1"},
        ),
        page=_manage("entries", "entry", {"slot": lambda w: w.slot.pk, "text": "Matrix"}),
    ),
    Action(
        "move a slot of the programme",
        ("meetings.move_programme_slot",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", f"/meetings/TEST-RC/slots/{w.slot.pk}/move", _slot(w, 15)),
        page=_slot_form("move", slot=lambda w: w.slot.pk),
    ),
    Action(
        "take a line out of a slot",
        ("meetings.remove_programme_entry",),
        frozenset(SECRETARIAT),
        api=lambda w: ("delete", f"/meetings/TEST-RC/slots/{w.slot.pk}/entries/1", {}),
        page=_manage("entries/remove", "remove_entry", {"entry": lambda w: w.entry.pk}),
    ),
    Action(
        "take a slot out of the programme",
        ("meetings.remove_programme_slot",),
        frozenset(SECRETARIAT),
        api=lambda w: ("delete", f"/meetings/TEST-RC/slots/{w.slot.pk}", {}),
        page=_manage("slots/remove", "remove_slot", {"slot": lambda w: w.slot.pk}),
    ),
    Action(
        "release the programme",
        ("meetings.release_programme",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/programme/releases", {"note": "Matrix"}),
        page=_manage("release", "release", {"note": "Matrix"}),
    ),
    Action(
        "register Chile's delegation",
        ("meetings.register_delegation",),
        frozenset({"secretariat", "chile_focal_point"}),
        roles=REGISTRARS,
        api=lambda w: (
            "put",
            "/meetings/TEST-RC/delegation",
            {"state": "CHL", "members": _members()},
        ),
    ),
    Action(
        "change Peru's delegation",
        ("meetings.update_delegation",),
        frozenset({"secretariat", "peru_focal_point"}),
        roles=REGISTRARS,
        api=lambda w: (
            "put",
            "/meetings/TEST-RC/delegation",
            {"state": "PER", "members": _members(), "reason": "Matrix"},
        ),
    ),
]

# Documents: the Secretariat issues them; a submitting State's Delegation uploads its files.
ACTIONS += [
    Action(
        "reserve the next symbol",
        ("documents.allocate_next_symbol",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/documents/next-symbol", {"title": "Matrix"}),
    ),
    Action(
        "issue a document under the next symbol",
        ("documents.issue_document",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/documents", {"title": "Matrix", "series": "WP"}),
        page=lambda w: (
            "/ccm/meetings/TEST-RC/documents/issue/",
            {"series": "WP", "title": "Matrix", "submitted_by": "secretariat", "status": "issued"},
        ),
    ),
    Action(
        "issue a document under its symbol",
        ("documents.create_document",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/meetings/TEST-RC/documents",
            {"title": "Matrix", "symbol": "CCM/CONF/2099/INF.7"},
        ),
    ),
    Action(
        "mark a document withdrawn",
        ("documents.mark_document",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", f"/documents/{w.document.symbol}/status", {"status": "withdrawn"}),
        page=lambda w: (f"/ccm/documents/{w.document.symbol}/status/", {"status": "withdrawn"}),
    ),
]


REPORTERS = (*ROLES, "peru_approver")
PERU_APPROVER = frozenset({"peru_approver"})

# Finance and Peru's reports.
ACTIONS += [
    Action(
        "record a payment",
        ("finance.record_payment",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/finance/payments",
            {
                "assessment": _assessment(w).pk,
                "received_on": w.today.isoformat(),
                "amount": "1.00",
                "currency": "USD",
                "reference": "Matrix",
            },
        ),
    ),
    Action(
        "settle the actual cost",
        ("finance.settle_actual_cost",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/finance/estimates/{_settleable(w).pk}/settlement",
            {
                "issued_on": w.today.isoformat(),
                "due_on": (w.today + timedelta(days=30)).isoformat(),
            },
        ),
    ),
    Action(
        "record a report received by e-mail",
        ("reports.record_report_received",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/reports/received",
            {
                "state": "CHL",
                "kind": "annual",
                "year_covered": 2025,
                "channel": "email",
                "received_on": w.today.isoformat(),
            },
        ),
    ),
    Action(
        "save Peru's draft report",
        ("reports.save_draft",),
        PERU_APPROVER,
        api=lambda w: (
            "put",
            f"/reports/{_peru_reports(w)[1].pk}/draft",
            {"forms": {"A": {"status": "changed", "content": "Matrix"}}},
        ),
        refused=frozenset({403, 404}),  # the draft is Peru's own: hidden from the others
        roles=REPORTERS,
    ),
    Action(
        "revise Peru's report",
        ("reports.revise_report",),
        PERU_APPROVER,
        api=lambda w: ("post", f"/reports/{_peru_reports(w)[0].pk}/revise", {}),
        page=lambda w: (f"/ccm/reports/{_peru_reports(w)[0].pk}/revise/", {}),
        page_refused=frozenset({403, 404}),  # on the page a report may be hidden from the role
        roles=REPORTERS,
    ),
    Action(
        "recall Peru's report",
        ("reports.recall_report",),
        PERU_APPROVER,
        api=lambda w: ("post", f"/reports/{_peru_reports(w)[0].pk}/recall", {}),
        page=lambda w: (f"/ccm/reports/{_peru_reports(w)[0].pk}/recall/", {}),
        page_refused=frozenset({403, 404}),  # on the page a report may be hidden from the role
        roles=REPORTERS,
    ),
    Action(
        "process Peru's report",
        ("reports.process_report",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", f"/reports/{_peru_reports(w)[0].pk}/process", {}),
        page=lambda w: (f"/ccm/reports/{_peru_reports(w)[0].pk}/process/", {}),
        page_refused=frozenset({403, 404}),  # on the page a report may be hidden from the role
        roles=REPORTERS,
    ),
]


# The depositary's records, the report of a meeting, the Presidency's letters.
ACTIONS += [
    Action(
        "record a provisional application",
        ("treaties.record_provisional_application",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/states/TST/provisional-application",
            {"declared_on": "2009-01-05", "notification": "C.N.3.2009"},
        ),
    ),
    Action(
        "correct a treaty action",
        ("treaties.correct_treaty_action",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/states/TST/correction",
            {"action": "signature", "on": "2008-12-04", "reason": "Matrix"},
        ),
    ),
    Action(
        "change a text of the meeting's report",
        ("drafting.change_report_text",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "put",
            f"/meetings/TEST-RC/report-texts/{_report_text(w).pk}",
            {"body": "The Conference opened on time.", "reason": "Matrix"},
        ),
    ),
    Action(
        "issue the report of a part as a document",
        ("drafting.issue_report_document",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/reports", {"part": 1, "report_kind": "final"}),
    ),
    Action(
        "revise the report issued as a document",
        ("drafting.revise_report_document",),
        frozenset(SECRETARIAT),
        api=lambda w: ("post", f"/meetings/TEST-RC/reports/{_report_document(w).pk}/revisions", {}),
    ),
    Action(
        "record the report's adoption",
        ("drafting.record_report_adoption",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "put",
            f"/meetings/TEST-RC/reports/{_report_document(w).pk}/adoption",
            {"adopted_on": w.meeting.parts.get(number=1).ends_on.isoformat()},
        ),
    ),
    Action(
        "set the Presidency's letterhead",
        ("drafting.set_letterhead",),
        frozenset({"president"}),
        api=lambda w: ("put", "/meetings/TEST-RC/letterhead", {"lines": "The President"}),
    ),
    Action(
        "record a letter of the Presidency sent",
        ("drafting.record_letter_sent",),
        frozenset({"president"}),
        api=lambda w: (
            "post",
            "/meetings/TEST-RC/letters",
            {
                "kind": "free",
                "sent_on": w.today.isoformat(),
                "addressees": ["PER"],
                "body": "Excellency,",
            },
        ),
    ),
    Action(
        "record a note verbale sent",
        ("drafting.record_note_verbale_sent",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/meetings/TEST-RC/notes-verbales",
            {
                "kind": "convening",
                "reference": "Matrix/1",
                "sent_on": w.today.isoformat(),
                "addressees": ["PER"],
                "body": "The Secretariat presents its compliments.",
            },
        ),
    ),
]


PLAN_KEEPERS = frozenset({"secretariat", "isu", "president"})
ADDRESSED = frozenset({"peru_delegate", "chile_delegate"})

# The action plans and written consultations.
ACTIONS += [
    Action(
        "record an action plan",
        ("action_plan.record_action_plan",),
        PLAN_KEEPERS,
        api=lambda w: (
            "post",
            "/action-plans",
            {
                "code": "MAP",
                "name": "Matrix plan",
                "first_year": 2031,
                "last_year": 2035,
                "source": "test",
            },
        ),
    ),
    Action(
        "record a thematic area",
        ("action_plan.record_thematic_area",),
        PLAN_KEEPERS,
        api=lambda w: (
            "post",
            "/action-plans/thematic-areas",
            {"slug": "matrix", "name": "Matrix", "source": "test"},
        ),
    ),
    Action(
        "record an action of a plan",
        ("action_plan.record_action",),
        PLAN_KEEPERS,
        api=lambda w: (
            "post",
            f"/action-plans/LAP/sections/{_section(w).number}/actions",
            {"number": "99", "text": "Matrix action", "source": "test"},
        ),
    ),
    Action(
        "record an indicator of a plan",
        ("action_plan.record_indicator",),
        PLAN_KEEPERS,
        api=lambda w: (
            "post",
            f"/action-plans/LAP/sections/{_section(w).number}/indicators",
            {"code": "M.99", "text": "Matrix", "kind": "count", "source": "test"},
        ),
    ),
    Action(
        "record the coordinators of a thematic area",
        ("action_plan.record_coordination",),
        PLAN_KEEPERS,
        api=lambda w: (
            "post",
            "/action-plans/thematic-areas/universalisation/coordinators",
            {"states": ["CHL"], "title": "Coordinators", "source": "test"},
        ),
    ),
    Action(
        "move a consultation's deadline",
        ("action_plan.move_consultation_deadline",),
        PRESIDENCY,
        api=lambda w: (
            "post",
            f"/consultations/{_consultation(w).pk}/deadline",
            {"deadline_on": (w.today + timedelta(days=12)).isoformat(), "reason": "Matrix"},
        ),
    ),
    Action(
        "contribute to a consultation",
        ("action_plan.submit_contribution",),
        ADDRESSED,
        api=lambda w: (
            "put",
            f"/consultations/{_consultation(w).pk}/contributions/mine",
            {"answers": [{"question": 1, "text": "Because."}]},
        ),
    ),
    Action(
        "give a consultation's title and questions in French",
        ("action_plan.set_consultation_translations",),
        PRESIDENCY,
        api=lambda w: (
            "put",
            f"/consultations/{_consultation(w).pk}/translations",
            {"title_translations": {"fr": "Consultation"}, "question_translations": {"1": {}}},
        ),
        # Each allowed role writes a new text, so that each records a change.
        page=lambda w: (
            f"/ccm/consultations/{_consultation(w).pk}/translations/",
            {
                "translations-original_language": "en",
                "translations-title_fr": f"Consultation {next(_TEXTS)}",
            },
        ),
    ),
    Action(
        "give an action's text in French",
        ("action_plan.set_action_translations",),
        PLAN_KEEPERS,
        api=lambda w: (
            "put",
            f"/action-plans/LAP/sections/{_action(w).section.number}/actions/99/translations",
            {"text_translations": {"fr": "Action de la matrice"}},
        ),
        page=lambda w: (
            "/ccm/action-plans/LAP/actions/translations/",
            {"item": _action(w).pk, "language": "fr", "text": f"Action {next(_TEXTS)}"},
        ),
    ),
    Action(
        "close a consultation",
        ("action_plan.close_consultation",),
        PRESIDENCY,
        api=lambda w: ("post", f"/consultations/{_consultation(w).pk}/close", {}),
    ),
]


# Files and accreditation.
ACTIONS += [
    Action(
        "send Peru's note verbale",
        ("meetings.upload_credentials",),
        frozenset({"secretariat", "peru_focal_point"}),
        roles=REGISTRARS,
        api=lambda w: (
            "multipart",
            "/meetings/TEST-RC/delegation/credentials",
            {"file": _pdf("note.pdf"), "kind": "note_verbale", "state": "PER"},
        ),
    ),
    Action(
        "upload a language version of Peru's paper",
        ("documents.add_language_version",),
        frozenset({"secretariat", "peru_delegate"}),
        api=lambda w: (
            "multipart",
            f"/documents/{w.document.symbol}/versions",
            {"file": _pdf("wp1.pdf"), "language": "en", "is_original": "true"},
        ),
    ),
    Action(
        "give the title of the French version of Peru's paper",
        ("documents.set_version_title",),
        frozenset({"secretariat", "peru_delegate"}),
        api=lambda w: (
            "put",
            f"/documents/{_french_version(w).document.symbol}/title",
            {"language": "fr", "title": "Document de travail du Pérou"},
        ),
        page=lambda w: (
            f"/ccm/documents/{_french_version(w).document.symbol}/titles/",
            {"language": "fr", "title": f"Document de travail {next(_TEXTS)}"},
        ),
    ),
    Action(
        "accredit Peru's delegation",
        ("meetings.accredit_delegation",),
        # Let through, then refused by the rules: Peru has sent no note verbale yet.
        frozenset(SECRETARIAT),
        api=lambda w: ("post", "/meetings/TEST-RC/delegations/PER/accreditation", {}),
    ),
    Action(
        "approve an observer's attendance",
        ("meetings.approve_observer_attendance",),
        # Let through, then refused by the rules: Peru is no rule 1 (3) observer.
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            "/meetings/TEST-RC/delegations/PER/attendance-approval",
            {"decided_on": w.today.isoformat(), "reference": "Matrix"},
        ),
    ),
]


# People: no API operation erases a person; the page is the Secretariat's. A second factor
# is reset on the page and through the API.
ACTIONS += [
    Action(
        "erase a person's personal data",
        ("core.erase_personal_data",),
        frozenset(SECRETARIAT),
        page=lambda w: (f"/accounts/ccm/people/{_person(w).pk}/erase/", {"reason": "Asked"}),
    ),
    Action(
        "reset a person's second factor",
        ("core.reset_second_factor",),
        frozenset(SECRETARIAT),
        api=lambda w: (
            "post",
            f"/people/{_lost_phone(w).username}/second-factor/reset",
            {"reason": "Phone lost; asked by telephone"},
        ),
        page=lambda w: (
            f"/accounts/ccm/people/{_lost_phone(w).pk}/second-factor/reset/",
            {"reason": "Phone lost; asked by telephone"},
        ),
    ),
]


def _order(action, allowed) -> list[str]:
    """The refused roles first (they change nothing, so the world stays as built), then the
    allowed ones: one world per action, not per role (the file stays fast)."""
    roles = action.roles
    return [r for r in roles if r not in allowed] + [r for r in roles if r in allowed]


@pytest.mark.parametrize("action", [a for a in ACTIONS if a.api], ids=lambda a: a.name)
def test_each_role_on_each_action_through_the_api(action, request, world):
    failures = []
    for role in _order(action, action.allowed):
        user = request.getfixturevalue(role)
        method, path, body = action.api(world)
        # Tried at the door the table names for its service.
        assert set(action.services) & set(OPERATIONS.get(operation_of(method, path), ()))
        client = token_client(user)  # issuing the token is no part of the action
        before = trail()

        if method == "multipart":  # a file sent with its form fields
            response = client.post(f"/api/v1/ccm{path}", body)
        else:
            response = getattr(client, method)(
                f"/api/v1/ccm{path}", body, content_type="application/json"
            )

        got = response.status_code
        if role in action.allowed:
            if got in (401, 403, 500):
                failures.append(f"{role} allowed, got {got}: {response.content[:300]!r}")
        elif got not in action.refused:
            failures.append(f"{role} refused, got {got}: {response.content[:300]!r}")
        elif trail() != before:
            failures.append(f"{role} refused, yet the history changed")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("action", [a for a in ACTIONS if a.page], ids=lambda a: a.name)
def test_each_role_on_each_action_on_the_page(action, request, world):
    allowed = action.page_allowed or action.allowed
    failures = []
    for role in _order(action, allowed):
        user = request.getfixturevalue(role)
        path, data = action.page(world)
        client = client_for(user)  # signing in is no part of the action
        before = trail()

        response = client.post(path, data)

        got = response.status_code
        if role in allowed:
            if got not in (200, 302, 422):
                failures.append(f"{role} allowed, got {got}: {response.content[:300]!r}")
            elif got == 302 and trail() == before:
                failures.append(f"{role} allowed, redirected, yet nothing recorded")
        elif got not in (action.page_refused or action.refused):
            failures.append(f"{role} refused, got {got}")
        elif trail() != before:
            failures.append(f"{role} refused, yet the history changed")
    assert not failures, "\n".join(failures)


def test_the_allowed_roles_change_what_they_decide(world, secretariat, president):
    """Spot check that "let through" means done: the President's draft is on the request."""
    make_user("tst_delegate", Role.DELEGATION, "TST")
    response = token_client(president).post(
        f"/api/v1/ccm/extension-requests/{world.request.pk}/draft-decision",
        {"text": "The Conference decides."},
        content_type="application/json",
    )
    assert response.status_code == 200
    world.request.refresh_from_db()
    assert world.request.draft_decision_text == "The Conference decides."


# --- Every service and API write has its row -----------------------------------------------

# Tried per role in test_role_matrix.py (each role on the page and/or the API there).
IN_ROLE_MATRIX = {
    "treaties.record_transparency_report": "test_api_records_a_peru_report_only_for_the_secretariat_and_peru",  # noqa: E501
    "treaties.grant_extension": "test_api_records_an_extension_only_for_the_secretariat",
    "core.invite_user": "test_page_invites_only_for_the_secretariat",
    "core.grant_role": "test_api_grants_the_isu_role_only_for_the_secretariat",
    "core.end_role": "test_api_ends_a_chilean_role_only_for_the_secretariat",
    "core.issue_api_token": "test_every_user_issues_and_revokes_their_own_tokens_only",
    "core.revoke_api_token": "test_every_user_issues_and_revokes_their_own_tokens_only",
    "treaties.record_deposit": "test_api_records_a_deposit_only_for_the_secretariat",
    "finance.record_voluntary_contribution": "test_api_records_a_voluntary_contribution_only_for_the_secretariat",  # noqa: E501
    "action_plan.issue_consultation": "test_page_issues_a_consultation_only_for_the_presidency_and_secretariat",  # noqa: E501
    "action_plan.record_section": "test_api_records_a_plan_section_only_for_the_keepers_of_plans",
    "action_plan.enter_indicator_value": "test_api_enters_an_indicator_value_only_for_the_isu_coordinators_secretariat",  # noqa: E501
    "reports.start_report": "test_page_and_api_open_a_peru_report_only_for_its_drafters",
    "reports.submit_report": "test_page_and_api_submit_a_peru_report_only_for_its_approver",
    "decisions.record_decision": "test_api_records_a_decision_only_for_the_secretariat",
    "drafting.add_report_text": "test_page_and_api_add_a_report_text_only_for_the_secretariat",
}  # fmt: skip

# No person takes these: the scheduler, sign-in bookkeeping, loaders, helpers.
NOT_A_PERSONS_ACTION = {
    "core.record_failed_login": "sign-in bookkeeping, by the login page itself",
    "core.clear_failed_logins": "sign-in bookkeeping, by the login page itself",
    "core.ensure_demo_users": "a command for demonstration sites",
    "decisions.conclude_due_silence_procedures": "the scheduler's job",
    "reminders.send_due_reminders": "the scheduler's job",
    "core.choose_language": "each user's own language, no role (tests/core/test_language.py)",
    "reminders.set_preferences": "each user's own preferences, no role",
    "reminders.unsubscribe": "each user's own link, no role",
    "reminders.issue_feed_token": "each user's own feed, no role",
    "reminders.revoke_feed_token": "each user's own feed, no role",
    "documents.check_upload": "a check of a file, writes nothing",
    "meetings.registration_closes_at": "a computation, writes nothing",
    "treaties.notify_entries_into_force": "the scheduler's job",
    "core.delegates_named_like": "a look-up for the erasure page, writes nothing",
    "core.make_backup_codes": "each user's own second factor, no role",
    "core.remove_second_factor": "each user's own second factor, no role",
}

# Write actions with a door but not yet tried role by role (what remains to extend).
NOT_YET_TRIED: set[str] = set()  # none left: every write service is tried


def services_of_the_product() -> set[str]:
    found = set()
    for path in sorted((ROOT / "src" / "plenary").glob("*/services.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                found.add(f"{path.parent.name}.{node.name}")
    return found


def test_every_service_has_a_row():
    tried_here = {name for action in ACTIONS for name in action.services}
    rows = [tried_here, set(IN_ROLE_MATRIX), set(NOT_A_PERSONS_ACTION), NOT_YET_TRIED]
    services = services_of_the_product()

    missing = services - set().union(*rows)
    assert not missing, f"services with no row in the role matrix: {sorted(missing)}"
    stale = set().union(*rows) - services
    assert not stale, f"rows naming no service: {sorted(stale)}"
    # One row each: a service tried here is not also listed as still to try.
    assert sum(len(row) for row in rows) == len(set().union(*rows))


# Every write operation of the API (its path after /api/v1/{convention}, or /api/v1 for
# the user's own) and the service(s) it calls: a new operation fails
# `test_every_api_write_has_a_row` until it is named here (and its service has a row).
OPERATIONS = {
    "POST /me/tokens": ("core.issue_api_token",),
    "POST /me/tokens/{token_id}/revoke": ("core.revoke_api_token",),
    "POST /grants": ("core.grant_role",),
    "POST /grants/{grant_id}/end": ("core.end_role",),
    "POST /people/{username}/second-factor/reset": ("core.reset_second_factor",),
    "PUT /obligations": ("treaties.record_obligation",),
    "POST /transparency-reports": ("treaties.record_transparency_report",),
    "POST /obligations/{obligation_id}/extensions": ("treaties.grant_extension",),
    "POST /states/{iso3}/signature": ("treaties.record_signature",),
    "POST /states/{iso3}/deposit": ("treaties.record_deposit",),
    "POST /states/{iso3}/withdrawal": ("treaties.record_withdrawal",),
    "POST /states/{iso3}/provisional-application": ("treaties.record_provisional_application",),
    "POST /states/{iso3}/correction": ("treaties.correct_treaty_action",),
    "PUT /states/{iso3}/participation": ("treaties.record_participation",),
    "POST /obligations/{obligation_id}/completion": ("treaties.declare_completion",),
    "POST /meetings": ("meetings.create_meeting",),
    "PUT /meetings/{code}/delegation": ("meetings.register_delegation", "meetings.update_delegation"),  # noqa: E501
    "POST /meetings/{code}/delegation/credentials": ("meetings.upload_credentials",),
    "POST /meetings/{code}/delegations/{reference}/accreditation": ("meetings.accredit_delegation",),  # noqa: E501
    "POST /meetings/{code}/delegations/{reference}/attendance-approval": ("meetings.approve_observer_attendance",),  # noqa: E501
    "POST /meetings/{code}/plan": ("meetings.replan_meeting",),
    "POST /meetings/{code}/officers": ("meetings.record_officer",),
    "POST /meetings/{code}/agenda": ("meetings.add_agenda_item",),
    "POST /meetings/{code}/agenda/adoption": ("meetings.adopt_agenda",),
    "PUT /meetings/{code}/translations": ("meetings.set_meeting_translations",),
    "PUT /meetings/{code}/agenda/{label}/translations": ("meetings.set_agenda_item_translations",),
    "POST /meetings/{code}/slots": ("meetings.add_programme_slot",),
    "POST /meetings/{code}/slots/{slot_id}/entries": ("meetings.add_programme_entry",),
    "POST /meetings/{code}/parts/{number}/plenary-meetings": ("meetings.record_plenary_meetings_held",),  # noqa: E501
    "POST /meetings/{code}/slots/{slot_id}/move": ("meetings.move_programme_slot",),
    "DELETE /meetings/{code}/slots/{slot_id}": ("meetings.remove_programme_slot",),
    "DELETE /meetings/{code}/slots/{slot_id}/entries/{position}": ("meetings.remove_programme_entry",),  # noqa: E501
    "POST /meetings/{code}/programme/releases": ("meetings.release_programme",),
    "POST /documents/{symbol}/versions": ("documents.add_language_version",),
    "POST /documents/{symbol}/status": ("documents.mark_document",),
    "PUT /documents/{symbol}/title": ("documents.set_version_title",),
    "POST /meetings/{code}/documents/next-symbol": ("documents.allocate_next_symbol",),
    "POST /meetings/{code}/documents": ("documents.issue_document", "documents.create_document"),
    "POST /silence-procedures": ("decisions.circulate_silence_procedure",),
    "POST /silence-procedures/past": ("decisions.record_concluded_silence_procedure",),
    "POST /silence-procedures/{procedure_id}/breaks": ("decisions.break_silence",),
    "POST /silence-procedures/{procedure_id}/extend": ("decisions.extend_silence_procedure",),
    "POST /silence-procedures/{procedure_id}/withdraw": ("decisions.withdraw_silence_procedure",),
    "POST /silence-procedures/{procedure_id}/conclude": ("decisions.conclude_silence_procedure",),
    "POST /extension-requests": ("decisions.submit_extension_request",),
    "POST /decisions": ("decisions.record_decision",),
    "POST /extension-requests/{request_id}/analysis": ("decisions.record_analysis",),
    "POST /extension-requests/{request_id}/draft-decision": ("decisions.submit_draft_decision",),
    "POST /extension-requests/{request_id}/draft-decision/issue": ("decisions.record_draft_decision",),  # noqa: E501
    "POST /extension-requests/{request_id}/recommendation": ("decisions.recommend_extension",),
    "POST /extension-requests/{request_id}/decision": ("decisions.decide_extension_request",),
    "POST /finance/estimates": ("finance.record_cost_estimate",),
    "POST /finance/estimates/{pk}/assessments": ("finance.issue_assessments",),
    "POST /finance/payments": ("finance.record_payment",),
    "POST /finance/isu-budgets": ("finance.record_isu_budget",),
    "POST /finance/contributions": ("finance.record_voluntary_contribution",),
    "POST /finance/estimates/{pk}/approval": ("finance.approve_cost_estimate",),
    "PUT /finance/estimates/{pk}/lines/{line_id}/actual": ("finance.record_actual_cost",),
    "POST /finance/estimates/{pk}/settlement": ("finance.settle_actual_cost",),
    "POST /action-plans": ("action_plan.record_action_plan",),
    "POST /action-plans/thematic-areas": ("action_plan.record_thematic_area",),
    "POST /action-plans/thematic-areas/{slug}/coordinators": ("action_plan.record_coordination",),
    "POST /action-plans/indicators/{indicator_id}/values": ("action_plan.enter_indicator_value",),
    "POST /action-plans/{code}/sections": ("action_plan.record_section",),
    "POST /action-plans/{code}/sections/{number}/actions": ("action_plan.record_action",),
    "POST /action-plans/{code}/sections/{number}/indicators": ("action_plan.record_indicator",),
    "POST /consultations": ("action_plan.issue_consultation",),
    "PUT /consultations/{consultation_id}/contributions/mine": ("action_plan.submit_contribution",),
    "POST /consultations/{consultation_id}/deadline": ("action_plan.move_consultation_deadline",),
    "POST /consultations/{consultation_id}/close": ("action_plan.close_consultation",),
    "PUT /consultations/{consultation_id}/translations": ("action_plan.set_consultation_translations",),  # noqa: E501
    "PUT /action-plans/{code}/sections/{number}/actions/{action_number}/translations": ("action_plan.set_action_translations",),  # noqa: E501
    "POST /reports/received": ("reports.record_report_received",),
    "POST /reports": ("reports.start_report",),
    "PUT /reports/{report_id}/draft": ("reports.save_draft",),
    "POST /reports/{report_id}/submit": ("reports.submit_report",),
    "POST /reports/{report_id}/revise": ("reports.revise_report",),
    "POST /reports/{report_id}/recall": ("reports.recall_report",),
    "POST /reports/{report_id}/process": ("reports.process_report",),
    "POST /meetings/{code}/report-texts": ("drafting.add_report_text",),
    "PUT /meetings/{code}/report-texts/{text_id}": ("drafting.change_report_text",),
    "PUT /meetings/{code}/letterhead": ("drafting.set_letterhead",),
    "POST /meetings/{code}/letters": ("drafting.record_letter_sent",),
    "POST /meetings/{code}/reports": ("drafting.issue_report_document",),
    "POST /meetings/{code}/reports/{report_id}/revisions": ("drafting.revise_report_document",),
    "PUT /meetings/{code}/reports/{report_id}/adoption": ("drafting.record_report_adoption",),
    "POST /meetings/{code}/notes-verbales": ("drafting.record_note_verbale_sent",),
}  # fmt: skip


def api_writes() -> set[str]:
    schema = client_for(None).get("/api/v1/openapi.json").json()
    return {
        f"{method.upper()} {path.removeprefix('/api/v1').removeprefix('/{convention}')}"
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }


def test_every_api_write_has_a_row(db):
    writes = api_writes()
    unmapped = writes - set(OPERATIONS)
    assert not unmapped, f"API write operations with no row in OPERATIONS: {sorted(unmapped)}"
    assert not set(OPERATIONS) - writes, "OPERATIONS names an operation the API no longer has"
    named = {service for services in OPERATIONS.values() for service in services}
    assert named <= services_of_the_product(), sorted(named - services_of_the_product())
    # The operation's services are rows of the matrix (tried, pointed at, or still to try).
    tried_here = {name for action in ACTIONS for name in action.services}
    rows = tried_here | set(IN_ROLE_MATRIX) | set(NOT_A_PERSONS_ACTION) | NOT_YET_TRIED
    assert named <= rows


def operation_of(method: str, path: str) -> str | None:
    """The row of OPERATIONS a request goes through ("POST /meetings/{code}/plan")."""
    method = "post" if method == "multipart" else method
    for operation in OPERATIONS:
        verb, template = operation.split(" ", 1)
        pattern = re.sub(r"\\{symbol\\}", ".+", re.escape(template))
        pattern = re.sub(r"\\{[a-z0-9_]+\\}", "[^/]+", pattern)
        if verb == method.upper() and re.fullmatch(pattern, path):
            return operation
    return None


def test_the_role_matrix_tests_named_exist():
    source = (Path(__file__).parent / "test_role_matrix.py").read_text(encoding="utf-8")
    names = {node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}
    assert set(IN_ROLE_MATRIX.values()) <= names
