import pytest
from playwright.sync_api import expect

from plenary.core.models import DelegationFunction, Role
from tests.conftest import PASSWORD, make_user, open_meeting

pytestmark = pytest.mark.browser


@pytest.fixture
def test_msp(ccm):
    return open_meeting(ccm)


def _sign_in(page, username: str) -> None:
    page.goto(page.base_url + "/accounts/login/?next=/ccm/meetings/TEST-MSP/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_delegation_registers_and_appears_on_the_list_of_participants(page, test_msp):
    make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    page.goto(page.base_url + "/accounts/login/?next=/ccm/meetings/TEST-MSP/")
    page.get_by_label("Username").fill("peru_focal")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Test Meeting of States Parties")
    expect(page.locator('[data-category="states_parties"]')).to_have_text("—")
    page.get_by_role("link", name="Register or edit your delegation").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Delegation of Peru")
    page.get_by_label("Role 1").select_option("head")
    page.get_by_label("Name 1").fill("Sr. Embajador Uno")
    page.get_by_label("E-mail 1").fill("uno@example.org")
    page.get_by_label("Title 1").fill("Ambassador, Permanent Representative")
    page.get_by_label("Role 2").select_option("adviser")
    page.get_by_label("Name 2").fill("Sra. Asesora Dos")
    page.get_by_role("button", name="Register the delegation").click()
    # Every member registered has an e-mail address: the missing one shows on its field.
    expect(page.get_by_role("alert")).to_have_text("Give this delegate's e-mail address.")
    page.get_by_label("E-mail 2").fill("dos@example.org")
    page.get_by_role("button", name="Register the delegation").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Test Meeting of States Parties: the delegation of Peru is registered."
    )
    expect(page.locator('[data-category="states_parties"]')).to_have_text("Peru")


def test_a_delegate_reads_the_registration_and_is_told_who_registers(page, test_msp):
    focal = make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    focal.first_name, focal.last_name = "Ana", "Focal"
    focal.save()
    make_user("peru_delegate", Role.DELEGATION, "PER")
    _sign_in(page, "peru_delegate")
    page.get_by_role("link", name="Your delegation's registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delegation of Peru")
    expect(page.get_by_test_id("who-registers")).to_have_text(
        "Only the focal point of the delegation of Peru registers it and changes its"
        " registration: Ana Focal (or the Secretariat)."
    )
    expect(page.get_by_role("button", name="Register the delegation")).to_have_count(0)
