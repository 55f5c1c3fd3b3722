"""Peru's focal point registers eight members with a note verbale; two heads are refused
on the form; the Secretariat accredits Peru, which then appears under States Parties in
the list of participants (.docx, read back with python-docx)."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from docx import Document as Docx
from playwright.sync_api import expect
from pypdf import PdfWriter

from plenary.core.models import DelegationFunction, Role
from plenary.meetings import services
from plenary.meetings.models import Delegation
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def _sign_in(page, username, next_url):
    page.goto(page.base_url + f"/accounts/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def msp(ccm, secretariat):
    today = timezone.localdate()
    return services.create_meeting(
        convention=ccm,
        code="14MSP",
        kind="msp",
        title="Fourteenth Meeting of States Parties",
        symbol_root="CCM/MSP/2027",
        parts=[
            services.PartPlan(
                1,
                today + timedelta(days=60),
                today + timedelta(days=62),
                "in_person",
                registration_deadline=today + timedelta(days=30),
            )
        ],
        by=secretariat,
    )


@pytest.fixture
def note_verbale(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "note-verbale-peru.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_peru_registers_eight_and_is_accredited_into_the_list(
    page, browser, live_server, msp, secretariat, note_verbale
):
    make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    _sign_in(page, "peru_focal", "/ccm/meetings/14MSP/")
    page.get_by_role("link", name="Register or edit your delegation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delegation of Peru")
    page.get_by_role("button", name="Add a member").click()
    page.get_by_role("button", name="Add a member").click()
    for n in range(1, 9):
        page.get_by_label(f"Role {n}", exact=True).select_option("head" if n <= 2 else "adviser")
        page.get_by_label(f"Title {n}", exact=True).fill("Ms." if n % 2 else "Mr.")
        page.get_by_label(f"Name {n}", exact=True).fill(f"Delegate {n}")
        page.get_by_label(f"Function {n}", exact=True).fill(f"Function {n}")
        page.get_by_label(f"E-mail {n}", exact=True).fill(f"delegate{n}@example.org")
    page.get_by_label("Listed 1", exact=True).check()
    page.get_by_label("Note verbale or credentials (PDF)").set_input_files(note_verbale)
    page.get_by_role("button", name="Register the delegation").click()
    expect(page.get_by_role("alert").first).to_have_text(
        "a delegation has exactly one head of delegation"
    )
    assert not Delegation.objects.filter(meeting=msp).exists()

    page.get_by_label("Role 2", exact=True).select_option("alternate")
    page.get_by_label("Note verbale or credentials (PDF)").set_input_files(note_verbale)
    page.get_by_role("button", name="Register the delegation").click()
    expect(page.get_by_role("status")).to_have_text(
        "Fourteenth Meeting of States Parties: the delegation of Peru is registered."
    )
    delegation = Delegation.objects.get(meeting=msp, state__iso3="PER")
    assert delegation.members.count() == 8
    assert delegation.credentials_kind == "note_verbale"
    assert delegation.status == "nominated"

    context = browser.new_context(locale="en-GB")
    office = context.new_page()
    office.base_url = live_server.url
    _sign_in(office, "secretariat", "/ccm/meetings/14MSP/")
    office.get_by_role("link", name="Registrations and accreditation (Secretariat)").click()
    peru = office.locator('[data-participant="PER"]')
    expect(peru).to_contain_text("delegate8@example.org")
    expect(office.locator('[data-not-registered="states_parties"]')).to_contain_text("Chile")
    peru.get_by_role("button", name="Accredit Peru").click()
    expect(office.get_by_role("status")).to_have_text("The delegation of Peru is accredited.")

    office.get_by_role("link", name="List of participants").click()
    states_parties = office.locator('[data-category="states_parties"]')
    expect(states_parties).to_contain_text("Peru")
    expect(states_parties).to_contain_text("Ms. Delegate 1, Function 1 (Head of delegation)")
    expect(states_parties).not_to_contain_text("Delegate 2")
    expect(states_parties).not_to_contain_text("@example.org")
    with office.expect_download() as download:
        office.get_by_role("link", name="Word (.docx)").click()
    lines = [p.text for p in Docx(io.BytesIO(download.value.path().read_bytes())).paragraphs]
    heading = lines.index("States Parties")
    assert lines[heading + 1] == "Peru"
    assert lines[heading + 2] == "Ms. Delegate 1, Function 1 (Head of delegation)"
    context.close()
