import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from tests.conftest import PASSWORD, make_user, open_meeting

pytestmark = pytest.mark.browser


@pytest.fixture
def test_msp(ccm):
    return open_meeting(ccm)


def test_a_delegation_registers_and_appears_on_the_list_of_participants(page, test_msp):
    make_user("peru_delegate", Role.DELEGATION, "PER")
    page.goto(page.base_url + "/accounts/login/?next=/ccm/meetings/TEST-MSP/")
    page.get_by_label("Username").fill("peru_delegate")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Test Meeting of States Parties")
    expect(page.locator('[data-category="states_parties"]')).to_have_text("—")
    page.get_by_role("link", name="Register or edit your delegation").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Delegation of Peru")
    page.get_by_label("Role 1").select_option("head")
    page.get_by_label("Name 1").fill("Sr. Embajador Uno")
    page.get_by_label("Title 1").fill("Ambassador, Permanent Representative")
    page.get_by_label("Role 2").select_option("adviser")
    page.get_by_label("Name 2").fill("Sra. Asesora Dos")
    page.get_by_role("button", name="Register the delegation").click()

    expect(page.get_by_role("status")).to_contain_text(
        "The delegation of Peru is registered for Test Meeting of States Parties."
    )
    expect(page.locator('[data-category="states_parties"]')).to_have_text("Peru")
