"""Every page of a convention is under its slug; today's addresses redirect for a release."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from plenary.core.models import Role
from plenary.decisions.models import SilenceProcedure
from plenary.meetings.models import Meeting, MeetingPart
from plenary.treaties.models import Convention
from tests.conftest import client_for, grant, open_meeting

APMBC_NAME = (
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
    "Anti-Personnel Mines and on their Destruction"
)


@pytest.fixture
def apmbc(ccm) -> Convention:
    return Convention.objects.get_or_create(short_name="APMBC")[0]


def apmbc_meeting(apmbc: Convention, code: str = "21MSP") -> Meeting:
    meeting = Meeting.objects.create(
        convention=apmbc, code=code, kind="msp", title="Twenty-first Meeting of the States Parties"
    )
    MeetingPart.objects.create(
        meeting=meeting, number=1, starts_on=date(2023, 11, 20), ends_on=date(2023, 11, 24)
    )
    return meeting


def test_the_home_page_lists_every_convention(client, apmbc):
    page = client.get("/").content.decode()

    assert 'href="/ccm/"' in page
    assert 'href="/apmbc/"' in page
    assert "Convention on Cluster Munitions" in page
    assert APMBC_NAME in page


def test_a_conventions_pages_name_it(client, apmbc):
    assert APMBC_NAME in client.get("/apmbc/").content.decode()
    page = client.get("/ccm/meetings/").content.decode()
    assert (
        '<a class="convention" href="/ccm/">'
        '<span lang="en">Convention on Cluster Munitions</span></a>'
    ) in page


def test_the_slug_is_read_in_any_case(client, ccm):
    assert client.get("/CCM/states/PER/").status_code == 200


@pytest.mark.parametrize("path", ["/xyz/", "/xyz/states/", "/xyz/meetings/2RC/"])
def test_an_unknown_convention_is_404(client, ccm, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/states/?on=2020-11-25&status=signatory", "/ccm/states/?on=2020-11-25&status=signatory"),
        ("/states/PER/", "/ccm/states/PER/"),
        ("/meetings/2RC/?part=1", "/ccm/meetings/2RC/?part=1"),
        ("/meetings.ics", "/ccm/meetings.ics"),
        ("/meetings/2RC/report/", "/ccm/meetings/2RC/report/"),
        ("/documents/CCM/CONF/2020/WP.1/", "/ccm/documents/CCM/CONF/2020/WP.1/"),
        ("/silence-procedures/", "/ccm/silence-procedures/"),
        ("/due/", "/ccm/due/"),
        ("/finance/", "/ccm/finance/"),
        ("/action-plans/", "/ccm/action-plans/"),
        ("/consultations/", "/ccm/consultations/"),
    ],
)
def test_an_old_page_address_redirects_permanently_to_the_default_convention(client, ccm, old, new):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_without_a_default_convention_an_old_address_is_404(client, ccm, settings):
    settings.PLENARY_DEFAULT_CONVENTION = ""

    assert client.get("/states/").status_code == 404


def test_a_post_to_an_old_page_address_is_not_redirected(peru_delegate):
    response = client_for(peru_delegate).post("/states/PER/transparency-reports/", {})

    assert response.status_code == 404


def test_site_wide_pages_stay_where_they_were(peru_delegate):
    client = client_for(peru_delegate)

    assert client.get("/due/mine/").status_code == 200
    assert client.get("/reminders/preferences/").status_code == 200


def test_a_meeting_of_another_convention_is_404(client, ccm, apmbc):
    open_meeting(ccm)
    apmbc_meeting(apmbc)

    assert client.get("/ccm/meetings/TEST-MSP/").status_code == 200
    assert client.get("/apmbc/meetings/TEST-MSP/").status_code == 404
    assert client.get("/ccm/meetings/21MSP/").status_code == 404
    assert client.get("/apmbc/meetings/21MSP/").status_code == 200


def test_a_silence_procedure_of_another_convention_is_404(client, apmbc):
    procedure = SilenceProcedure.objects.filter(convention__short_name="CCM").first()

    assert client.get(f"/ccm/silence-procedures/{procedure.pk}/").status_code == 200
    assert client.get(f"/apmbc/silence-procedures/{procedure.pk}/").status_code == 404


def test_a_meeting_code_is_unique_within_its_convention_only(client, ccm, apmbc):
    apmbc_meeting(apmbc, code="2RC")

    ccm_page = client.get("/ccm/meetings/2RC/").content.decode()
    apmbc_page = client.get("/apmbc/meetings/2RC/").content.decode()
    assert "Second Review Conference" in ccm_page
    assert "Twenty-first Meeting of the States Parties" in apmbc_page
    with pytest.raises(IntegrityError), transaction.atomic():
        apmbc_meeting(apmbc, code="2RC")


def test_a_state_page_shows_its_status_under_each_convention(client, apmbc):
    page = client.get("/ccm/states/PER/?on=2020-11-25").content.decode()

    assert "Under each convention" in page
    assert (
        'href="/ccm/states/PER/?on=2020-11-25"><span lang="en">Convention on Cluster Munitions'
        "</span></a>"
    ) in page
    assert (
        f'href="/apmbc/states/PER/?on=2020-11-25"><span lang="en">{APMBC_NAME}</span></a>' in page
    )


def test_a_command_takes_the_convention_in_any_case(ccm, capsys):
    call_command("states", "--convention", "ccm", "--format", "csv", "--status", "signatory")

    assert "Angola" in capsys.readouterr().out


def test_a_command_without_a_convention_or_a_default_fails_clearly(ccm, settings):
    settings.PLENARY_DEFAULT_CONVENTION = ""

    with pytest.raises(CommandError, match="Give --convention"):
        call_command("states")


def test_a_command_with_an_unknown_convention_fails_clearly(ccm):
    with pytest.raises(CommandError, match="No convention 'XYZ'"):
        call_command("states", "--convention", "XYZ")


@pytest.mark.parametrize(
    "path",
    [
        "/apmbc/",
        "/apmbc/states/",
        "/apmbc/states/UKR/",
        "/apmbc/due/",
        "/apmbc/meetings/",
        "/apmbc/meetings.ics",
        "/apmbc/documents/?q=report",
        "/apmbc/silence-procedures/",
        "/apmbc/extension-requests/",
        "/apmbc/finance/scale/",
        "/apmbc/action-plans/",
        "/apmbc/thematic-areas/",
        "/apmbc/consultations/",
    ],
)
def test_every_list_page_answers_for_a_convention_without_records(client, apmbc, path):
    assert client.get(path).status_code == 200


def test_the_finance_page_answers_under_a_second_convention(secretariat, apmbc):
    # A role under the CCM opens no other convention's ledger; one under the APMBC does.
    assert client_for(secretariat).get("/apmbc/finance/").status_code == 403
    grant(secretariat, Role.SECRETARIAT, convention="APMBC")
    assert client_for(secretariat).get("/apmbc/finance/").status_code == 200
