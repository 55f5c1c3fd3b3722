"""Roles are held per convention and for a period; checks read the convention from the
record. The APMBC's ISU cannot touch CCM records; a Delegation acts for its own State."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from plenary.core.models import Role, RoleGrant, User
from plenary.core.permissions import convention_of, has_role, within
from plenary.decisions import notifications
from plenary.decisions import services as decisions
from plenary.decisions.models import ExtensionRequest, SilenceProcedure
from plenary.meetings import services as meetings
from plenary.meetings.models import Delegation
from plenary.treaties.models import Convention, State, TransparencyReport
from tests.conftest import PASSWORD, grant, make_user, open_meeting, token_client

HEAD = [meetings.DelegateIn(role="head", name="Sra. Embajadora", title="Ambassador")]


@pytest.fixture
def ccm_request(ccm) -> ExtensionRequest:
    return ExtensionRequest.objects.filter(obligation__convention=ccm).first()


@pytest.fixture
def apmbc_isu(ccm):
    return make_user("apmbc_isu", Role.ISU, convention="APMBC")


def test_the_apmbc_isu_is_refused_on_a_ccm_extension_request(ccm_request, apmbc_isu, isu):
    before = (ccm_request.analysis_document, ccm_request.analysis_observations)

    with pytest.raises(PermissionDenied) as refused:
        decisions.record_analysis(
            request=ccm_request, analysis_document="CCM/CONF/2020/6", by=apmbc_isu
        )

    assert str(refused.value) == str(decisions.NOT_THE_SECRETARIAT)
    ccm_request.refresh_from_db()
    assert (ccm_request.analysis_document, ccm_request.analysis_observations) == before
    assert not apmbc_isu.has_perm("decisions.record_analysis", ccm_request)
    assert isu.has_perm("decisions.record_analysis", ccm_request)


def test_an_isu_of_both_conventions_may_analyse_the_ccm_request(ccm_request, apmbc_isu):
    grant(apmbc_isu, Role.ISU, convention="CCM")

    assert apmbc_isu.has_perm("decisions.record_analysis", ccm_request)


def test_the_convention_is_read_from_the_record(ccm, ccm_request, test_meeting):
    assert convention_of(ccm) == ccm
    assert convention_of(ccm_request) == ccm
    assert convention_of(test_meeting.parts.first()) == ccm
    assert convention_of(within(ccm, State.objects.get(iso3="PER"))) == ccm
    assert convention_of(None) is None


def test_a_state_alone_names_no_convention(ccm):
    with pytest.raises(TypeError, match="belongs to no convention"):
        convention_of(State.objects.get(iso3="PER"))


@pytest.fixture
def test_meeting(ccm):
    return open_meeting(ccm)


def test_chile_under_the_ccm_cannot_register_for_peru(test_meeting, chile_delegate):
    with pytest.raises(PermissionDenied):
        meetings.register_delegation(
            meeting=test_meeting,
            state=State.objects.get(iso3="PER"),
            members=HEAD,
            now=timezone.now(),
            by=chile_delegate,
        )

    response = token_client(chile_delegate).put(
        "/api/v1/ccm/meetings/TEST-MSP/delegation",
        {"state": "PER", "members": [{"role": "head", "name": "X"}]},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Delegation.objects.filter(meeting=test_meeting).exists()


def test_chile_under_the_apmbc_only_cannot_register_for_chile_at_a_ccm_meeting(test_meeting):
    apmbc_chile = make_user("apmbc_chile", Role.DELEGATION, "CHL", convention="APMBC")

    with pytest.raises(PermissionDenied):
        meetings.register_delegation(
            meeting=test_meeting,
            state=State.objects.get(iso3="CHL"),
            members=HEAD,
            now=timezone.now(),
            by=apmbc_chile,
        )


def test_the_superuser_flag_grants_no_product_role(ccm):
    root = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    before = TransparencyReport.objects.count()

    response = token_client(root).post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", "kind": "annual", "year_covered": 2020, "received_on": "2021-04-20"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert TransparencyReport.objects.count() == before
    assert not root.has_perm("finance.manage", ccm)
    assert root.has_perm("core.change_user")  # the back office stays open to it


def test_an_ended_role_no_longer_holds_and_keeps_its_history(ccm, secretariat, peru_delegate):
    row = peru_delegate.grants.get()
    peru = State.objects.get(iso3="PER")
    from plenary.core.services import end_role

    end_role(grant=row, by=secretariat, reason="Rotated to another post")

    assert not peru_delegate.has_perm("treaties.submit_transparency_report", within(ccm, peru))
    row.refresh_from_db()
    assert (row.ends_on, row.ended_by, row.end_reason) == (
        timezone.localdate(),
        secretariat,
        "Rotated to another post",
    )
    assert [h.history_change_reason for h in row.history.order_by("history_date")] == [
        None,
        "Role ended",
    ]


def test_a_role_holds_only_within_its_period(ccm):
    today = timezone.localdate()
    user = User.objects.create_user("later", "later@example.org", PASSWORD)
    RoleGrant.objects.create(
        user=user,
        convention=ccm,
        role=Role.SECRETARIAT,
        starts_on=today + timedelta(days=1),
        ends_on=today + timedelta(days=10),
    )

    assert not has_role(user, Role.SECRETARIAT, ccm)
    assert has_role(user, Role.SECRETARIAT, ccm, on=today + timedelta(days=1))
    assert not has_role(user, Role.SECRETARIAT, ccm, on=today + timedelta(days=10))


def test_an_apmbc_only_delegation_is_not_sent_a_ccm_silence_procedure(ccm, chile_delegate):
    make_user("apmbc_peru", Role.DELEGATION, "PER", convention="APMBC")
    procedure = SilenceProcedure.objects.filter(convention=ccm).order_by("circulated_on").last()

    addresses = notifications.recipients(procedure)

    assert "apmbc_peru@example.org" not in addresses
    assert Convention.objects.filter(short_name="APMBC").exists()


def test_a_user_holds_roles_under_several_conventions(ccm):
    user = make_user("both", Role.DELEGATION, "CHL")
    grant(user, Role.COORDINATOR, convention="APMBC")
    apmbc = Convention.objects.get(short_name="APMBC")

    assert has_role(user, Role.DELEGATION, ccm, state=State.objects.get(iso3="CHL"))
    assert not has_role(user, Role.COORDINATOR, ccm)
    assert has_role(user, Role.COORDINATOR, apmbc)
    assert not has_role(user, Role.DELEGATION, apmbc)
    assert date(2000, 1, 1) == user.grants.get(convention=apmbc).starts_on
