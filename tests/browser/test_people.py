"""The Secretariat invites a person and makes them Chile's Delegation under the CCM; they
choose a password from the e-mail, sign in and register Chile's delegation; once the
Secretariat ends the role, their next action is refused with a clear message."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from plenary.core.models import Role
from tests.conftest import PASSWORD, make_user, open_meeting

pytestmark = pytest.mark.browser

EMAIL = "chile.delegate@example.org"
NEW_PASSWORD = "a-fresh-long-password"


def sign_in(page, username, password, next_path):
    page.goto(page.base_url + "/accounts/login/?next=" + next_path)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def invitee(browser, page):
    """A second browser, the invitee's own."""
    context = browser.new_context(locale="en-GB")
    second = context.new_page()
    second.base_url = page.base_url
    yield second
    context.close()


def test_an_invited_delegate_acts_for_chile_until_the_role_ends(page, invitee, ccm):
    open_meeting(ccm)
    make_user("secretariat", Role.SECRETARIAT)

    # The Secretariat invites the person, then grants them Chile's Delegation.
    sign_in(page, "secretariat", PASSWORD, "/accounts/ccm/people/")
    expect(page.get_by_role("heading", level=1)).to_have_text("CCM: people")
    invite = page.locator("form#invite")
    invite.get_by_label("E-mail address").fill(EMAIL)
    invite.get_by_label("First name").fill("Ana")
    invite.get_by_label("Last name").fill("Delegada")
    invite.get_by_label("Language of the invitation").select_option("en")
    invite.get_by_label("Role").select_option("observer")
    invite.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("status")).to_contain_text(f"{EMAIL} is invited")

    grant = page.locator("form#grant")
    grant.get_by_label("User name or e-mail address").fill(EMAIL)
    grant.get_by_label("Role").select_option("delegation")
    grant.get_by_label("State").select_option(label="Chile")
    # Chile's focal point: the function that registers Chile's delegations.
    grant.get_by_label("Function in the delegation").select_option("focal_point")
    grant.get_by_role("button", name="Grant the role").click()
    expect(page.get_by_role("status")).to_contain_text("Role granted")

    # The invitee chooses a password through the link in the e-mail, and signs in.
    [message] = mail.outbox
    link = re.search(r"http://\S+/accounts/reset/\S+/", message.body).group(0)
    path = link.split("/accounts/", 1)[1]
    invitee.goto(f"{page.base_url}/accounts/{path}")
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    invitee.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    invitee.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Change my password").click()

    sign_in(invitee, EMAIL, NEW_PASSWORD, "/ccm/meetings/TEST-MSP/")
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Test Meeting of States Parties")
    invitee.get_by_role("link", name="Register or edit your delegation").click()
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Delegation of Chile")
    invitee.get_by_label("Role 1").select_option("head")
    invitee.get_by_label("Name 1").fill("Sra. Embajadora Uno")
    invitee.get_by_label("E-mail 1").fill("uno@example.org")
    invitee.get_by_role("button", name="Register the delegation").click()
    expect(invitee.get_by_role("status")).to_contain_text(
        "Test Meeting of States Parties: the delegation of Chile is registered."
    )

    # The Secretariat ends the role; the history stays on the page.
    page.goto(page.base_url + "/accounts/ccm/people/")
    row = page.locator("tr", has_text=EMAIL).filter(has_text="Delegation")
    row.get_by_label("Why the role ends").fill("Rotated to another post")
    row.get_by_role("button", name="End the role").click()
    expect(page.get_by_role("status")).to_contain_text("Role ended")
    expect(page.locator("tr", has_text=EMAIL).filter(has_text="Delegation")).to_contain_text(
        "Rotated to another post"
    )

    # The next action is refused, with the reason, not a server error.
    invitee.goto(invitee.base_url + "/ccm/meetings/TEST-MSP/")
    expect(invitee.get_by_role("link", name="Register or edit your delegation")).to_have_count(0)
    response = invitee.goto(invitee.base_url + "/ccm/meetings/TEST-MSP/registration/")
    assert response.status == 403
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Not permitted")
    expect(invitee.get_by_role("alert")).to_have_text(
        "Only a Delegation registers its own delegation."
    )
