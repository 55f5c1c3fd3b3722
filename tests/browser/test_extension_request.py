"""An extension request through its steps on the page, each by its role signed in through
the login page: the Delegation submits its State's request, the ISU records the analysis,
the President submits the draft decision, the Secretariat issues it as the meeting's next
CRP, records the recommendation at part 1 (with a reporting condition due each year) and
the decision at part 2; the State's page then lists the condition's due days."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plenary.core.models import Role
from plenary.meetings import services as meetings
from plenary.rules.months import add_months
from plenary.treaties.services import record_obligation, record_participation
from tests.conftest import PASSWORD, make_user, new_state

pytestmark = pytest.mark.browser


@pytest.fixture
def obligation(ccm):
    state = new_state("TST")
    today = timezone.localdate()
    record_participation(
        convention=ccm,
        state=state,
        signed_on=date(2008, 12, 3),
        deposited_on=add_months(today, -8 * 12) + timedelta(days=10),
        instrument="ratification",
    )
    return record_obligation(
        convention=ccm, state=state, kind="stockpile_destruction", source="test"
    )


@pytest.fixture
def conference(ccm, obligation, secretariat):
    deadline = obligation.current_deadline
    return meetings.create_meeting(
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


def signed_in(browser, base_url, username, path):
    """A fresh browser session of `username`, signed in through the login page at `path`."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.goto(base_url + "/accounts/login/?next=" + path)
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    return tab


def test_each_step_of_an_extension_request_by_its_role(
    page, browser, obligation, conference, secretariat, isu, president
):
    make_user("tst_delegate", Role.DELEGATION, "TST")
    base = page.base_url
    old = obligation.current_deadline
    new = add_months(old, 12)
    part1, part2 = conference.parts.order_by("number")

    # The Delegation submits its State's request.
    delegation = signed_in(browser, base, "tst_delegate", "/ccm/extension-requests/new/")
    form = delegation.locator("form#submit-request")
    form.get_by_label("Or months of extension").fill("12")
    form.get_by_label("Meeting asked to decide it").select_option("TEST-RC")
    form.get_by_label("Justification and work plan").fill("Destroy the remaining stocks.")
    form.get_by_role("button", name="Submit the request").click()
    expect(delegation.get_by_role("status")).to_contain_text("The request is submitted.")
    expect(delegation.get_by_role("heading", level=1)).to_have_text(
        "Test State TST: request to extend its Article 3 deadline"
    )
    expect(delegation.locator("form[id^=step-]")).to_have_count(0)
    path = delegation.url.removeprefix(base)

    # The ISU records its analysis.
    unit = signed_in(browser, base, "isu", path)
    step = unit.locator("#step-analysis")
    step.get_by_label("Symbol of the analysis").fill("CCM/CONF/2099/6")
    step.get_by_role("button", name="Record").click()
    expect(unit.locator("dl")).to_contain_text("CCM/CONF/2099/6")
    expect(unit.locator("#step-issue")).to_have_count(0)

    # The President submits the draft decision; only the Secretariat issues it.
    presidency = signed_in(browser, base, "president", path)
    step = presidency.locator("#step-draft")
    step.get_by_label("Text of the draft decision").fill("The Conference decides to grant.")
    step.get_by_role("button", name="Record").click()
    expect(presidency.get_by_role("status")).to_contain_text("Recorded.")
    expect(presidency.locator("main")).to_contain_text("The Conference decides to grant.")
    expect(presidency.locator("#step-recommend")).to_have_count(0)

    # The Secretariat issues it as the meeting's next CRP, records the recommendation at
    # part 1 and the decision at part 2.
    office = signed_in(browser, base, "secretariat", path)
    office.locator("#step-issue").get_by_role("button", name="Record").click()
    expect(office.locator("dl")).to_contain_text("CCM/CONF/2099/CRP.1")

    due = part2.starts_on + timedelta(days=30)
    step = office.locator("#step-recommend")
    step.get_by_label("Meeting part").select_option(label=str(part1))
    step.get_by_label("Recommendation").select_option("grant")
    step.get_by_label("New deadline").fill(new.isoformat())
    step.get_by_label("Day").fill(part1.starts_on.isoformat())
    step.get_by_label("Reporting conditions").fill(
        f"an updated work plan [annually by {due.isoformat()}]"
    )
    step.get_by_role("button", name="Record").click()
    expect(office.locator("dl")).to_contain_text("recommended to grant")

    step = office.locator("#step-decide")
    step.get_by_label("Meeting part").select_option(label=str(part2))
    step.get_by_label("Decision").select_option("granted")
    step.get_by_label("Day").fill(part2.starts_on.isoformat())
    step.get_by_role("button", name="Record").click()
    expect(office.locator("dl")).to_contain_text(f"granted until {new:%-d %B %Y}")
    expect(office.locator("form[id^=step-]")).to_have_count(0)

    # The condition's due days are on the State's page.
    delegation.goto(base + "/ccm/states/TST/")
    expect(delegation.locator("#reporting-conditions")).to_contain_text("(a) an updated work plan")
    expect(delegation.locator("#reporting-conditions")).to_contain_text(f"{due:%-d %B %Y}")
    for tab in (delegation, unit, presidency, office):
        tab.context.close()
