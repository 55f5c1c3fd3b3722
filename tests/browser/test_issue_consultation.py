"""The President issues a consultation on a draft action plan with questions in two
thematic areas and a deadline, then moves the deadline; Peru contributes; Brazil, not a
State Party, is refused on the page; the compiled .docx lists Peru's answers."""

from datetime import timedelta

import pytest
from django.utils import timezone
from docx import Document as WordDocument
from playwright.sync_api import expect

from plenary.action_plan.models import Consultation
from plenary.core.models import Role
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

TITLE = "Draft action plan: call for written contributions"


def signed_in(browser, base_url, username, next_path):
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "/accounts/login/?next=" + next_path)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return context, page


def test_the_president_consults_peru_contributes_and_brazil_is_refused(
    browser, page, president, peru_delegate
):
    make_user("brazil_delegate", Role.DELEGATION, "BRA")
    today = timezone.localdate()
    first, moved = today + timedelta(days=14), today + timedelta(days=30)

    # The President issues the consultation.
    context, president_page = signed_in(browser, page.base_url, "president", "/ccm/consultations/")
    president_page.get_by_role("link", name="Issue a written consultation").click()
    president_page.get_by_label("Title", exact=True).fill(TITLE)
    president_page.get_by_label("The action plan it accompanies (if any)").select_option("LAP")
    president_page.get_by_label("States that may contribute").select_option("states_parties")
    president_page.get_by_label("Deadline for contributions").fill(first.isoformat())
    president_page.get_by_label("Section 1: thematic area").select_option(label="Universalisation")
    president_page.get_by_label("Section 1: questions, one per line").fill(
        "How should the plan promote universalisation?\nWhich States should be approached?"
    )
    president_page.get_by_label("Section 2: thematic area").select_option(label="Victim assistance")
    president_page.get_by_label("Section 2: questions, one per line").fill(
        "What should victim assistance measure?"
    )
    president_page.get_by_role("button", name="Issue the consultation").click()
    expect(president_page.get_by_role("status")).to_have_text("The consultation is issued.")
    expect(president_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(president_page.get_by_role("heading", name="1. Universalisation")).to_be_visible()
    expect(president_page.get_by_role("heading", name="2. Victim assistance")).to_be_visible()

    # ... and moves its deadline, with a reason.
    president_page.get_by_label("New deadline").fill(moved.isoformat())
    president_page.get_by_label("Reason", exact=True).fill(
        "More time, at the request of several States"
    )
    president_page.get_by_role("button", name="Move the deadline").click()
    expect(president_page.get_by_role("status")).to_have_text("The deadline is moved.")
    consultation = Consultation.objects.get(title=TITLE)
    assert (consultation.deadline_date, consultation.plan.code) == (moved, "LAP")
    expect(president_page.get_by_text(f"{moved.day} {moved:%B %Y}")).to_be_visible()

    # Peru contributes.
    peru_context, peru = signed_in(
        browser, page.base_url, "peru_delegate", f"/ccm/consultations/{consultation.pk}/"
    )
    expect(peru.get_by_role("heading", name="Contribute for Peru")).to_be_visible()
    peru.get_by_label("Question 1. How should the plan promote universalisation?").fill(
        "Peru: by regional dialogue."
    )
    peru.get_by_label("Question 3. What should victim assistance measure?").fill(
        "Peru: services reached, by region."
    )
    peru.get_by_role("button", name="Submit the contribution").click()
    expect(peru.get_by_role("status")).to_have_text("Your contribution is recorded.")
    peru_context.close()

    # Brazil, not a State Party to the CCM, is refused.
    brazil_context, brazil = signed_in(
        browser, page.base_url, "brazil_delegate", f"/ccm/consultations/{consultation.pk}/"
    )
    brazil.get_by_label("Question 1. How should the plan promote universalisation?").fill(
        "Brazil's view"
    )
    brazil.get_by_role("button", name="Submit the contribution").click()
    expect(brazil.get_by_role("alert")).to_contain_text(
        "CCM: Brazil is not a State Party, and this consultation is addressed to the States Parties"
    )
    brazil_context.close()
    assert [c.state.iso3 for c in consultation.contributions.all()] == ["PER"]

    # The compiled .docx lists Peru's answers.
    president_page.goto(page.base_url + f"/ccm/consultations/{consultation.pk}/compiled/")
    with president_page.expect_download() as download:
        president_page.get_by_role("link", name="Download Word (.docx)").click()
    text = [p.text for p in WordDocument(download.value.path()).paragraphs]
    assert "Question 1. How should the plan promote universalisation?" in text
    assert "Peru (submitted by peru_delegate): Peru: by regional dialogue." in text
    assert "Peru (submitted by peru_delegate): Peru: services reached, by region." in text
    assert not any("Brazil" in line for line in text)
    context.close()
