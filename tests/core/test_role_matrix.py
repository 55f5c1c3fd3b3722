"""Every role against every action, on the page and through the API: allowed, or 403 and
nothing changed. A Delegation acts for its own State only; roles count under their own
convention only (the APMBC's Secretariat manages no CCM people)."""

import pytest

from plenary.core.models import ApiToken, DelegationFunction, Role, RoleGrant, User
from plenary.treaties.models import Obligation, TransparencyReport
from tests.conftest import client_for, make_user, token_client

ROLES = [
    "secretariat",
    "president",
    "isu",
    "coordinator",
    "peru_delegate",
    "chile_delegate",
    "observer",
]
# Only the Secretariat records the date a report was received (issue 20): Peru drafts and
# submits its report in plenary.reports, which sets the date itself.
MAY_REPORT_FOR_PERU = {"secretariat"}
MAY_RECORD_EXTENSIONS = {"secretariat"}

REPORT = {"kind": "annual", "year_covered": 2020, "received_on": "2021-04-20"}


def peru_reports():
    return TransparencyReport.objects.filter(state__iso3="PER").count()


@pytest.mark.parametrize("role", ROLES)
def test_page_records_a_peru_report_only_for_the_secretariat_and_peru(role, request):
    user = request.getfixturevalue(role)
    before = peru_reports()

    response = client_for(user).post("/ccm/states/PER/transparency-reports/", REPORT)

    if role in MAY_REPORT_FOR_PERU:
        assert response.status_code == 302
        assert peru_reports() == before + 1
    else:
        assert response.status_code == 403
        assert peru_reports() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_records_a_peru_report_only_for_the_secretariat_and_peru(role, request):
    user = request.getfixturevalue(role)
    before = peru_reports()

    response = token_client(user).post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", **REPORT},
        content_type="application/json",
    )

    if role in MAY_REPORT_FOR_PERU:
        assert response.status_code == 201
        assert response.json()["iso3"] == "PER"
        assert peru_reports() == before + 1
    else:
        assert response.status_code == 403
        assert response.json() == {
            "detail": "You may record transparency reports only for your own State.",
            "errors": [],
        }
        assert peru_reports() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_records_an_extension_only_for_the_secretariat(role, request, ccm):
    user = request.getfixturevalue(role)
    obligation = Obligation.objects.get(state__iso3="LBN", kind="clearance")
    before = (obligation.current_deadline, obligation.extensions.count())

    response = token_client(user).post(
        f"/api/v1/ccm/obligations/{obligation.pk}/extensions",
        {"new_deadline": "2027-05-01", "meeting": "Test meeting", "source": "test"},
        content_type="application/json",
    )

    obligation.refresh_from_db()
    if role in MAY_RECORD_EXTENSIONS:
        assert response.status_code == 201
        assert response.json()["months"] == 12
        assert obligation.current_deadline.isoformat() == "2027-05-01"
    else:
        assert response.status_code == 403
        assert (obligation.current_deadline, obligation.extensions.count()) == before


def test_anonymous_public_cannot_record_a_report_on_the_page(client, ccm):
    before = peru_reports()

    response = client.post("/ccm/states/PER/transparency-reports/", REPORT)

    assert response.status_code == 403
    assert peru_reports() == before


def test_anonymous_public_gets_401_from_the_api_for_a_write(client, ccm):
    response = client.post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", **REPORT},
        content_type="application/json",
    )

    assert response.status_code == 401
    assert response.json()["detail"].startswith("Sign in")


def test_api_write_with_a_session_needs_the_csrf_token(peru_delegate):
    client = client_for(peru_delegate)
    client.handler.enforce_csrf_checks = True
    before = peru_reports()

    response = client.post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", **REPORT},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check Failed", "errors": []}
    assert peru_reports() == before


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_reads_history(role, request, ccm):
    user = request.getfixturevalue(role)
    peru = ccm.participation_set.get(state__iso3="PER")

    response = client_for(user).get(f"/history/treaties/participation/{peru.pk}/")

    assert response.status_code == 200


def test_anonymous_public_is_sent_to_sign_in_for_history(client, ccm):
    peru = ccm.participation_set.get(state__iso3="PER")

    response = client.get(f"/history/treaties/participation/{peru.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# People and roles. The cast adds a focal point of Peru; the target of grants and ends is
# a Chilean delegate nobody in the cast is.
PEOPLE_ROLES = [*ROLES, "peru_focal_point", "apmbc_secretariat"]
MAY_MANAGE_CCM_PEOPLE = {"secretariat"}
MAY_MANAGE_PERU_DELEGATES = {"secretariat", "peru_focal_point"}


@pytest.fixture
def peru_focal_point(ccm):
    return make_user(
        "peru_focal_point", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT
    )


@pytest.fixture
def apmbc_secretariat(ccm):
    return make_user("apmbc_secretariat", Role.SECRETARIAT, convention="APMBC")


@pytest.fixture
def newcomer(ccm):
    return User.objects.create_user("newcomer", "newcomer@example.org")


def grants_now() -> list[tuple]:
    return list(RoleGrant.objects.order_by("pk").values_list("pk", "role", "ends_on"))


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_page_invites_only_for_the_secretariat(role, request):
    user = request.getfixturevalue(role)
    before = (User.objects.count(), grants_now())

    response = client_for(user).post(
        "/accounts/ccm/people/invite/",
        {"invite-email": "new@example.org", "invite-language": "es", "invite-role": "observer"},
    )

    if role in MAY_MANAGE_CCM_PEOPLE:
        assert response.status_code == 302
        assert User.objects.filter(email="new@example.org").exists()
    else:
        assert response.status_code in (403, 422)
        assert (User.objects.count(), grants_now()) == before


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_page_grants_a_peru_drafter_only_for_the_secretariat_and_perus_focal_point(
    role, request, newcomer
):
    user = request.getfixturevalue(role)
    before = grants_now()

    response = client_for(user).post(
        "/accounts/ccm/people/grant/",
        {
            "grant-username": "newcomer",
            "grant-role": "delegation",
            "grant-state": "PER",
            "grant-function": "drafter",
        },
    )

    if role in MAY_MANAGE_PERU_DELEGATES:
        assert response.status_code == 302
        assert newcomer.grants.get().function == "drafter"
    else:
        assert response.status_code in (403, 422)
        assert grants_now() == before


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_api_grants_the_isu_role_only_for_the_secretariat(role, request, newcomer):
    user = request.getfixturevalue(role)
    before = grants_now()

    response = token_client(user).post(
        "/api/v1/ccm/grants",
        {"username": "newcomer", "role": "isu"},
        content_type="application/json",
    )

    if role in MAY_MANAGE_CCM_PEOPLE:
        assert response.status_code == 201
        assert response.json()["role"] == "isu"
    else:
        assert response.status_code == 403
        assert grants_now() == before


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_page_ends_a_peru_delegates_role_only_for_the_secretariat_and_the_focal_point(
    role, request, peru_delegate
):
    user = request.getfixturevalue(role)
    target = peru_delegate.grants.get()
    before = grants_now()

    response = client_for(user).post(
        f"/accounts/ccm/people/grants/{target.pk}/end/", {f"end-{target.pk}-reason": "Rotated"}
    )

    target.refresh_from_db()
    if role in MAY_MANAGE_PERU_DELEGATES and role != "peru_delegate":
        assert response.status_code == 302
        assert target.ends_on is not None
    else:
        assert response.status_code == 403
        assert grants_now() == before


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_api_ends_a_chilean_role_only_for_the_secretariat(role, request, chile_delegate):
    user = request.getfixturevalue(role)
    target = chile_delegate.grants.get()
    before = grants_now()

    response = token_client(user).post(
        f"/api/v1/ccm/grants/{target.pk}/end",
        {"reason": "Rotated"},
        content_type="application/json",
    )

    if role in MAY_MANAGE_CCM_PEOPLE:
        assert response.status_code == 200
        assert response.json()["end_reason"] == "Rotated"
    else:
        assert response.status_code == 403
        assert grants_now() == before


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_every_user_issues_and_revokes_their_own_tokens_only(role, request, observer):
    user = request.getfixturevalue(role)
    client = client_for(user)

    issued = client.post("/api/v1/me/tokens", {"name": "script"}, content_type="application/json")
    assert issued.status_code == 201
    own = ApiToken.objects.get(pk=issued.json()["id"])
    theirs = ApiToken.objects.create(user=observer, name="x", digest=f"d-{role}", prefix="p")

    if user != observer:
        assert client.post(f"/api/v1/me/tokens/{theirs.pk}/revoke").status_code == 404
        assert client.post(f"/accounts/tokens/{theirs.pk}/revoke/").status_code == 404
        theirs.refresh_from_db()
        assert theirs.revoked_at is None
    assert client.post(f"/api/v1/me/tokens/{own.pk}/revoke").status_code == 200
    own.refresh_from_db()
    assert own.revoked_at is not None


# Issue 17: the depositary's record and the accounts are the Secretariat's alone.
KENYA_DEPOSIT = {"instrument": "ratification", "deposited_on": "2026-11-20"}


def kenya_deposited():
    from plenary.treaties.models import Participation

    return Participation.objects.get(state__iso3="KEN").deposited_on is not None


@pytest.mark.parametrize("role", ROLES)
def test_page_records_a_deposit_only_for_the_secretariat(role, request, ccm):
    user = request.getfixturevalue(role)
    response = client_for(user).post(
        "/ccm/states/KEN/registry/",
        {
            "action": "deposit",
            "deposit-instrument": "ratification",
            "deposit-deposited_on": "2026-11-20",
            "deposit-notification": "C.N.1",
        },
    )
    expected = 302 if role == "secretariat" else 403
    assert (response.status_code, kenya_deposited()) == (expected, role == "secretariat")


@pytest.mark.parametrize("role", ROLES)
def test_api_records_a_deposit_only_for_the_secretariat(role, request, ccm):
    user = request.getfixturevalue(role)
    response = token_client(user).post(
        "/api/v1/ccm/states/KEN/deposit",
        {**KENYA_DEPOSIT, "notification": "C.N.1"},
        content_type="application/json",
    )
    expected = 201 if role == "secretariat" else 403
    assert (response.status_code, kenya_deposited()) == (expected, role == "secretariat")


@pytest.mark.parametrize("role", ROLES)
def test_page_records_a_cost_estimate_only_for_the_secretariat(role, request, ccm):
    from plenary.finance.models import CostEstimate

    user = request.getfixturevalue(role)
    before = CostEstimate.objects.count()
    response = client_for(user).post(
        "/ccm/finance/estimates/new/",
        {
            "meeting": "2RC",
            "document_symbol": "M",
            "approved_by": "M",
            "line_1_category": "other",
            "line_1_estimated": "1.00",
        },
    )
    if role == "secretariat":
        assert (response.status_code, CostEstimate.objects.count()) == (302, before + 1)
    else:
        assert (response.status_code, CostEstimate.objects.count()) == (403, before)


@pytest.mark.parametrize("role", ROLES)
def test_api_records_a_voluntary_contribution_only_for_the_secretariat(role, request, ccm):
    from plenary.finance.models import VoluntaryContribution

    user = request.getfixturevalue(role)
    before = VoluntaryContribution.objects.count()
    response = token_client(user).post(
        "/api/v1/ccm/finance/contributions",
        {"state": "PER", "year": 2027, "amount": "10.00"},
        content_type="application/json",
    )
    if role == "secretariat":
        assert (response.status_code, VoluntaryContribution.objects.count()) == (201, before + 1)
    else:
        assert (response.status_code, VoluntaryContribution.objects.count()) == (403, before)


# Action plans and consultations (issue 21) -----------------------------------------------

MAY_ISSUE_CONSULTATIONS = {"secretariat", "president"}
MAY_KEEP_PLANS = {"secretariat", "president", "isu"}
MAY_ENTER_VALUES = {"secretariat", "isu", "coordinator"}


@pytest.mark.parametrize("role", ROLES)
def test_page_issues_a_consultation_only_for_the_presidency_and_secretariat(role, request):
    from datetime import timedelta

    from django.utils import timezone

    from plenary.action_plan.models import Consultation

    user = request.getfixturevalue(role)
    response = client_for(user).post(
        "/ccm/consultations/new/",
        {
            "title": "Matrix consultation",
            "issued_by": "The President",
            "addressed_to": "states_parties",
            "deadline_on": (timezone.localdate() + timedelta(days=9)).isoformat(),
            "visibility": "presidency",
            "area_1": "universalisation",
            "questions_1": "Why?",
        },
    )
    issued = Consultation.objects.filter(title="Matrix consultation").count()
    if role in MAY_ISSUE_CONSULTATIONS:
        assert (response.status_code, issued) == (302, 1)
    else:
        assert (response.status_code, issued) == (403, 0)


@pytest.mark.parametrize("role", ROLES)
def test_api_records_a_plan_section_only_for_the_keepers_of_plans(role, request, ccm):
    from plenary.action_plan.models import Section

    user = request.getfixturevalue(role)
    response = token_client(user).post(
        "/api/v1/ccm/action-plans/LAP/sections",
        {"number": 99, "title": "Matrix section", "source": "test"},
        content_type="application/json",
    )
    added = Section.objects.filter(title="Matrix section").count()
    if role in MAY_KEEP_PLANS:
        assert (response.status_code, added) == (201, 1)
    else:
        assert (response.status_code, added) == (403, 0)


@pytest.mark.parametrize("role", ROLES)
def test_api_enters_an_indicator_value_only_for_the_isu_coordinators_secretariat(
    role, request, ccm, isu
):
    from plenary.action_plan import services
    from plenary.action_plan.models import IndicatorValue, Section

    user = request.getfixturevalue(role)
    section = Section.objects.filter(plan__code="DAP").first()
    indicator = services.record_indicator(
        section=section, code="M.1", text="Matrix", kind="count", source="test", by=isu
    )
    response = token_client(user).post(
        f"/api/v1/ccm/action-plans/indicators/{indicator.pk}/values",
        {"year": 2019, "value": "5", "source": "test"},
        content_type="application/json",
    )
    entered = IndicatorValue.objects.filter(indicator=indicator).count()
    if role in MAY_ENTER_VALUES:
        assert (response.status_code, entered) == (201, 1)
    else:
        assert (response.status_code, entered) == (403, 0)


# Issue 20: Article 7 reports. Every role of the cast, and Peru's drafter and approver, try
# to open Peru's report and to submit it, on the page and through the API.
REPORT_ROLES = [*ROLES, "peru_drafter", "peru_approver"]
MAY_DRAFT_FOR_PERU = {"peru_drafter", "peru_approver"}


def _report_cast(request, role):
    from plenary.core.models import DelegationFunction, Role

    if role in ("peru_drafter", "peru_approver"):
        function = (
            DelegationFunction.DRAFTER if role == "peru_drafter" else DelegationFunction.APPROVER
        )
        return make_user(role, Role.DELEGATION, "PER", function=function)
    return request.getfixturevalue(role)


@pytest.mark.parametrize("role", REPORT_ROLES)
def test_page_and_api_open_a_peru_report_only_for_its_drafters(request, ccm, role):
    from plenary.reports.models import Report

    user = _report_cast(request, role)
    start = {"kind": "annual", "year_covered": "2025", "visibility": "public"}
    page = client_for(user).post("/ccm/reports/states/PER/start/", start)
    api = token_client(user).post(
        "/api/v1/ccm/reports",
        {"state": "PER", "kind": "annual", "year_covered": 2024},
        content_type="application/json",
    )
    if role in MAY_DRAFT_FOR_PERU:
        assert (page.status_code, api.status_code) == (302, 201)
        assert Report.objects.filter(state__iso3="PER").count() == 2
    else:
        assert (page.status_code, api.status_code) == (403, 403)
        assert not Report.objects.filter(state__iso3="PER").exists()


@pytest.mark.parametrize("role", REPORT_ROLES)
def test_page_and_api_submit_a_peru_report_only_for_its_approver(request, ccm, role):
    from plenary.core.models import DelegationFunction, Role
    from plenary.reports import services as reports
    from plenary.treaties.models import State

    drafter = make_user("the_drafter", Role.DELEGATION, "PER", function=DelegationFunction.DRAFTER)
    peru = State.objects.get(iso3="PER")
    first, second = (
        reports.start_report(convention=ccm, state=peru, kind="annual", year_covered=y, by=drafter)
        for y in (2024, 2025)
    )
    user = _report_cast(request, role)
    page = client_for(user).post(f"/ccm/reports/{first.pk}/submit/")
    api = token_client(user).post(
        f"/api/v1/ccm/reports/{second.pk}/submit", "{}", content_type="application/json"
    )
    submitted = TransparencyReport.objects.filter(state__iso3="PER", year_covered__in=[2024, 2025])
    if role == "peru_approver":
        assert (page.status_code, api.status_code) == (302, 200)
        assert submitted.count() == 2
    else:
        # The draft is Peru's: another reader does not find it; Peru's drafter may not submit.
        assert page.status_code in (403, 404) and api.status_code in (403, 404)
        assert submitted.count() == 0


# Decisions (issue 19): circulate, record a decision, record an analysis, each on the page
# and through the API; refused roles change nothing.
MAY_CIRCULATE = {"secretariat", "president"}
MAY_RECORD_DECISIONS = {"secretariat"}
MAY_ANALYSE = {"secretariat", "isu", "coordinator"}


def _silence_count():
    from plenary.decisions.models import SilenceProcedure

    return SilenceProcedure.objects.filter(subject="Matrix proposal").count()


@pytest.mark.parametrize("role", ROLES)
def test_api_circulates_only_for_the_presidency_and_secretariat(role, request):
    from datetime import timedelta

    from django.utils import timezone

    user = request.getfixturevalue(role)
    deadline = timezone.localdate() + timedelta(days=7)
    response = token_client(user).post(
        "/api/v1/ccm/silence-procedures",
        {"subject": "Matrix proposal", "deadline_on": deadline.isoformat()},
        content_type="application/json",
    )
    if role in MAY_CIRCULATE:
        assert response.status_code == 201
        assert _silence_count() == 1
    else:
        assert response.status_code == 403
        assert _silence_count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_page_circulates_only_for_the_presidency_and_secretariat(role, request):
    from datetime import timedelta

    from django.utils import timezone

    user = request.getfixturevalue(role)
    deadline = timezone.localdate() + timedelta(days=7)
    response = client_for(user).post(
        "/ccm/silence-procedures/new/",
        {
            "subject": "Matrix proposal",
            "deadline_on": deadline.isoformat(),
            "deadline_time": "23:59:59",
            "time_zone": "Europe/Zurich",
            "effect_kind": "none",
        },
    )
    if role in MAY_CIRCULATE:
        assert response.status_code == 302
        assert _silence_count() == 1
    else:
        assert response.status_code == 403
        assert _silence_count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_api_records_a_decision_only_for_the_secretariat(role, request):
    from plenary.decisions.models import Decision

    user = request.getfixturevalue(role)
    from plenary.meetings.models import MeetingPart

    part = MeetingPart.objects.filter(meeting__code="2RC", number=1).get()
    response = token_client(user).post(
        "/api/v1/ccm/decisions",
        {"meeting": part.meeting.code, "part": part.number, "kind": "adopted", "text": "Matrix"},
        content_type="application/json",
    )
    if role in MAY_RECORD_DECISIONS:
        assert response.status_code == 201
        assert Decision.objects.filter(subject="Matrix").count() == 1
    else:
        assert response.status_code == 403
        assert not Decision.objects.filter(subject="Matrix").exists()


@pytest.mark.parametrize("role", ROLES)
def test_api_records_an_analysis_only_for_the_isu_coordinators_and_secretariat(role, request):

    from datetime import date, timedelta

    from django.utils import timezone

    from plenary.decisions import services as decisions
    from plenary.rules.months import add_months
    from plenary.treaties.services import record_obligation, record_participation
    from tests.conftest import new_state

    user = request.getfixturevalue(role)
    ccm = request.getfixturevalue("ccm")
    state = new_state("TST")
    record_participation(
        convention=ccm,
        state=state,
        signed_on=date(2008, 12, 3),
        deposited_on=add_months(timezone.localdate(), -8 * 12) + timedelta(days=10),
        instrument="ratification",
    )
    obligation = record_obligation(
        convention=ccm, state=state, kind="stockpile_destruction", source="test"
    )
    pending = decisions.submit_extension_request(
        obligation=obligation, by=None, submitted_on=timezone.localdate(), months=12
    )
    before = pending.analysis_document
    response = token_client(user).post(
        f"/api/v1/ccm/extension-requests/{pending.pk}/analysis",
        {"analysis_document": "CCM/CONF/2020/99"},
        content_type="application/json",
    )
    pending.refresh_from_db()
    if role in MAY_ANALYSE:
        assert response.status_code == 200
        assert pending.analysis_document == "CCM/CONF/2020/99"
    else:
        assert response.status_code == 403
        assert pending.analysis_document == before


# Drafting doors: texts added by hand to a report, the Secretariat only.
@pytest.mark.parametrize("role", ROLES)
def test_page_and_api_add_a_report_text_only_for_the_secretariat(role, request, ccm):
    from plenary.drafting.models import ReportText

    user = request.getfixturevalue(role)
    page = client_for(user).post(
        "/ccm/meetings/2RC/report/texts/?part=1&kind=interim",
        {"add-after": "work-opening", "add-placement": "paragraph", "add-position": "7"},
    )
    api = token_client(user).post(
        "/api/v1/ccm/meetings/2RC/report-texts",
        {"section": "work", "after": "work-opening", "position": 8, "body": "Matrix."},
        content_type="application/json",
    )
    added = ReportText.objects.filter(body="Matrix.").exists()
    if role == "secretariat":
        assert (page.status_code, api.status_code, added) == (422, 201, True)
    else:
        assert (page.status_code, api.status_code, added) == (403, 403, False)


# A statement drafted from the records (issue 23) is placed through the same door: the
# destruction of stockpiles on the page, the obligations met or pending through the API.
@pytest.mark.parametrize("role", ROLES)
def test_page_and_api_place_an_obligations_statement_only_for_the_secretariat(role, request, ccm):
    from plenary.drafting.models import ReportText

    user = request.getfixturevalue(role)
    before = ReportText.history.count()
    page = client_for(user).post(
        "/ccm/meetings/2RC/report/texts/?part=1&kind=interim",
        {
            "add-after": "work-opening",
            "add-placement": "paragraph",
            "add-position": "7",
            "add-statement": "stockpile_destruction",
        },
    )
    api = token_client(user).post(
        "/api/v1/ccm/meetings/2RC/report-texts",
        {"section": "decisions", "position": 8, "statement": "obligations"},
        content_type="application/json",
    )
    placed = sorted(ReportText.objects.exclude(statement="").values_list("statement", flat=True))
    if role == "secretariat":
        assert (page.status_code, api.status_code) == (302, 201)
        assert placed == ["obligations", "stockpile_destruction"]
        assert ReportText.history.count() == before + 2
    else:
        assert (page.status_code, api.status_code, placed) == (403, 403, [])
        assert ReportText.history.count() == before


# Meetings doors: the programme's draft and its releases, the Secretariat only.
@pytest.mark.parametrize("role", ROLES)
def test_page_and_api_release_and_move_the_programme_only_for_the_secretariat(role, request, ccm):
    from plenary.meetings.models import ProgrammeRelease, ProgrammeSlot

    user = request.getfixturevalue(role)
    slot = ProgrammeSlot.objects.filter(part__meeting__code="2RC").order_by("day", "starts_at")[0]
    before = (slot.day, slot.starts_at)
    page = client_for(user).post("/ccm/meetings/2RC/manage/release/", {"release-note": ""})
    api = token_client(user).post(
        f"/api/v1/ccm/meetings/2RC/slots/{slot.pk}/move",
        {"part": 1, "day": "2020-11-27", "starts_at": "19:00", "ends_at": "20:00"},
        content_type="application/json",
    )
    slot.refresh_from_db()
    releases = ProgrammeRelease.objects.filter(meeting__code="2RC").count()
    if role == "secretariat":
        # The draft equals release 1: nothing to release, said on the page.
        assert (page.status_code, api.status_code, releases) == (422, 200, 1)
        assert (slot.day.isoformat(), f"{slot.starts_at:%H:%M}") == ("2020-11-27", "19:00")
    else:
        assert (page.status_code, api.status_code, releases) == (403, 403, 1)
        assert (slot.day, slot.starts_at) == before


# Registration (issue 18): only the Secretariat accredits and sees every registration.
MAY_ACCREDIT = {"secretariat"}


def _peru_with_a_note_verbale():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone
    from pypdf import PdfWriter

    from plenary.meetings import services
    from plenary.treaties.models import Convention, State
    from tests.conftest import open_meeting

    meeting = open_meeting(Convention.objects.get(short_name="CCM"))
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    secretariat = make_user("matrix_secretariat", Role.SECRETARIAT)
    return services.register_delegation(
        meeting=meeting,
        state=State.objects.get(iso3="PER"),
        members=[services.DelegateIn(role="head", name="Head", email="head@example.org")],
        credentials=SimpleUploadedFile("nv.pdf", out.getvalue()),
        now=timezone.now(),
        by=secretariat,
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("door", ["page", "api"])
def test_only_the_secretariat_accredits_a_delegation(role, door, request, ccm):
    delegation = _peru_with_a_note_verbale()
    user = request.getfixturevalue(role)
    if door == "page":
        response = client_for(user).post(
            "/ccm/meetings/TEST-MSP/registrations/accreditation/", {"delegation": "PER"}
        )
        allowed = 302
    else:
        response = token_client(user).post(
            "/api/v1/ccm/meetings/TEST-MSP/delegations/PER/accreditation"
        )
        allowed = 200
    delegation.refresh_from_db()
    if role in MAY_ACCREDIT:
        assert response.status_code == allowed
        assert delegation.status == "accredited"
    else:
        assert response.status_code == 403
        assert delegation.status == "nominated"
    registrations = client_for(user).get("/ccm/meetings/TEST-MSP/registrations/")
    assert registrations.status_code == (200 if role in MAY_ACCREDIT else 403)


# Drafting doors: letters recorded as sent by the Presidency, notes verbales by the
# Secretariat, on the page and through the API.
@pytest.mark.parametrize("role", ROLES)
def test_page_and_api_record_a_letter_only_for_the_presidency(role, request, ccm):
    from plenary.drafting.models import Dispatch

    user = request.getfixturevalue(role)
    page = client_for(user).post(
        "/ccm/meetings/2RC/letter/?kind=free&date=2020-06-18",
        {"sent_on": "2020-06-18", "addressees": "All", "body": "Page.", "closing": "sincerely"},
    )
    api = token_client(user).post(
        "/api/v1/ccm/meetings/2RC/letters",
        {"kind": "free", "sent_on": "2020-06-18", "addressees": ["All"], "body": "Api."},
        content_type="application/json",
    )
    recorded = Dispatch.objects.filter(form="letter").count()
    if role == "president":
        assert (page.status_code, api.status_code, recorded) == (302, 201, 2)
    else:
        assert (page.status_code, api.status_code, recorded) == (403, 403, 0)


@pytest.mark.parametrize("role", ROLES)
def test_page_and_api_record_a_note_verbale_only_for_the_secretariat(role, request, ccm):
    from plenary.drafting.models import Dispatch

    user = request.getfixturevalue(role)
    page = client_for(user).post(
        "/ccm/meetings/2RC/note-verbale/?kind=registration&date=2020-05-01",
        {"reference": "R-1", "sent_on": "2020-05-01", "addressees": "All", "body": "Page."},
    )
    api = token_client(user).post(
        "/api/v1/ccm/meetings/2RC/notes-verbales",
        {
            "kind": "registration",
            "reference": "R-2",
            "sent_on": "2020-05-01",
            "addressees": ["All"],
            "body": "Api.",
        },
        content_type="application/json",
    )
    recorded = Dispatch.objects.filter(form="note_verbale").count()
    if role == "secretariat":
        assert (page.status_code, api.status_code, recorded) == (302, 201, 2)
    else:
        assert (page.status_code, api.status_code, recorded) == (403, 403, 0)


# Registration (issue 18): the focal point of a State's Delegation registers it (and the
# Secretariat anyone); a plain delegate of Peru and the focal point of Chile may not.
REGISTER_ROLES = [*ROLES, "peru_focal_point", "chile_focal_point"]
MAY_REGISTER_PERU = {"secretariat", "peru_focal_point"}
# Focal points of another State register their own State on their page, never Peru.
REGISTERS_ITS_OWN = {"chile_focal_point"}
MEMBER = {"role": "head", "name": "Head", "email": "head@example.org"}


@pytest.mark.parametrize("role", REGISTER_ROLES)
@pytest.mark.parametrize("door", ["page", "api"])
def test_only_peru_s_focal_point_and_the_secretariat_register_peru(role, door, request, ccm):
    import json

    from plenary.meetings.models import Delegation
    from tests.conftest import open_meeting

    meeting = open_meeting(ccm)
    user = request.getfixturevalue(role)
    if door == "page":
        response = client_for(user).post(
            "/ccm/meetings/TEST-MSP/registration/?state=PER",
            {
                "members-TOTAL_FORMS": "6",
                "members-INITIAL_FORMS": "0",
                "members-MIN_NUM_FORMS": "6",
                "members-MAX_NUM_FORMS": "1000",
                **{f"members-0-{key}": value for key, value in MEMBER.items()},
                "parts": [str(meeting.parts.get().pk)],
            },
        )
        allowed = 302
    else:
        response = token_client(user).put(
            "/api/v1/ccm/meetings/TEST-MSP/delegation",
            json.dumps({"state": "PER", "members": [MEMBER]}),
            content_type="application/json",
        )
        allowed = 201
    peru = Delegation.objects.filter(meeting=meeting, state__iso3="PER").exists()
    if role in MAY_REGISTER_PERU:
        assert (response.status_code, peru) == (allowed, True)
    elif role in REGISTERS_ITS_OWN and door == "page":
        # The page registers the user's own State whatever the address asks.
        assert (response.status_code, peru) == (302, False)
        assert Delegation.objects.filter(meeting=meeting, state__iso3="CHL").exists()
    else:
        assert (response.status_code, peru) == (403, False)
    if role == "peru_delegate":
        assert "only the focal point of the delegation of peru" in response.content.decode().lower()
