"""Peru's drafter fills two forms of its annual report and saves; Peru's approver submits
it; the Secretariat sees it received today; Peru revises one form and both versions are in
its history. Chile cannot read Peru's draft; the report, restricted to States Parties, is
absent from the public register and read by Chile once submitted, and counted in the
statistics (named to Chile, not to the public). The report covers the year in progress,
so that it falls within the record of annual reports (complete from plenary's first day)."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import DelegationFunction, Role
from plenary.reports.selectors import today_for
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def sign_in_as(browser, page):
    contexts = []

    def open_as(username):
        context = browser.new_context(locale="en-GB")
        contexts.append(context)
        tab = context.new_page()
        tab.base_url = page.base_url
        tab.goto(tab.base_url + "/accounts/login/")
        tab.get_by_label("Username").fill(username)
        tab.get_by_label("Password").fill(PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        return tab

    yield open_as
    for context in contexts:
        context.close()


def test_peru_drafts_submits_and_revises_its_report(page, sign_in_as, ccm):
    make_user("peru_drafter", Role.DELEGATION, "PER", function=DelegationFunction.DRAFTER)
    make_user("peru_approver", Role.DELEGATION, "PER", function=DelegationFunction.APPROVER)
    make_user("chile_delegate", Role.DELEGATION, "CHL")
    make_user("secretariat", Role.SECRETARIAT)
    today = today_for(ccm)
    year = today.year

    # Peru's drafter opens the annual report, for States Parties only, fills two forms.
    drafter = sign_in_as("peru_drafter")
    drafter.goto(drafter.base_url + "/ccm/reports/states/PER/")
    start = drafter.locator("form#start")
    start.get_by_label("Kind of report").select_option("annual")
    start.get_by_label("Calendar year covered (annual reports)").fill(str(year))
    start.get_by_label("Who may read it").select_option("states_parties")
    start.get_by_role("button", name="Start the draft").click()
    expect(drafter.get_by_role("status")).to_contain_text("only Peru reads it")
    report_url = drafter.url
    drafter.get_by_label("Form A: National implementation measures, content").fill(
        "Law 30000 of 2025 prohibits cluster munitions."
    )
    drafter.get_by_label("Form B: Stockpiles and destruction, content").fill(
        "No stockpiles remain."
    )
    drafter.get_by_role("button", name="Save the draft").click()
    expect(drafter.get_by_role("status")).to_contain_text("The draft is saved.")
    expect(drafter.get_by_role("button", name="Submit the report")).to_have_count(0)

    # Chile cannot read Peru's draft.
    chile = sign_in_as("chile_delegate")
    response = chile.goto(report_url)
    assert response.status == 404

    # Peru's approver submits it.
    approver = sign_in_as("peru_approver")
    approver.goto(report_url)
    expect(
        approver.get_by_label("Form A: National implementation measures, content")
    ).to_have_value("Law 30000 of 2025 prohibits cluster munitions.")
    approver.get_by_role("button", name="Submit the report").click()
    expect(approver.get_by_role("status")).to_contain_text("The report is submitted.")

    # The Secretariat sees it received today.
    secretariat = sign_in_as("secretariat")
    secretariat.goto(report_url)
    expect(secretariat.locator("#received-on")).to_have_text(f"{today.day} {today:%B %Y}")

    # Absent from the public register; Chile reads it once submitted.
    page.goto(page.base_url + "/ccm/reports/")
    expect(page.locator("table.register tbody")).to_have_text("No report.")
    chile.goto(chile.base_url + "/ccm/reports/")
    chile.get_by_role("link", name=f"Annual report of Peru covering {year}").click()
    expect(chile.locator("section.form-entry").first).to_contain_text("Law 30000 of 2025")

    # Counted in the statistics of the year it is due: named to Chile, not to the public.
    statistics = f"/ccm/reports/statistics/?year={year + 1}"
    chile.goto(chile.base_url + statistics)
    figure = chile.locator("#figure-annual_reports_received_by_30_april")
    expect(figure.locator("td").nth(0)).to_have_text("1")
    expect(figure.locator("td").nth(2)).to_have_text("Peru")
    page.goto(page.base_url + statistics)
    figure = page.locator("#figure-annual_reports_received_by_30_april")
    expect(figure.locator("td").nth(0)).to_have_text("1")
    expect(figure.locator("td").nth(2)).to_have_text("")

    # Peru revises Form B; the first version stays current until the second is submitted.
    drafter.goto(report_url)
    drafter.get_by_role("button", name="Revise").click()
    expect(drafter.get_by_role("status")).to_contain_text("the submitted one stays current")
    expect(drafter.get_by_label("Form A: National implementation measures, status")).to_have_value(
        "unchanged"
    )
    drafter.get_by_label("Form B: Stockpiles and destruction, status").select_option("changed")
    drafter.get_by_label("Form B: Stockpiles and destruction, content").fill(
        "120 submunitions found in 2025, destroyed in March 2026."
    )
    drafter.get_by_role("button", name="Save the draft").click()
    expect(drafter.get_by_role("status")).to_contain_text("The draft is saved.")
    chile.goto(report_url)
    expect(chile.locator("#current-version")).to_have_text("1")

    approver.goto(report_url)
    approver.get_by_role("button", name="Submit the report").click()
    expect(approver.get_by_role("status")).to_contain_text("The report is submitted.")
    rows = approver.locator("table.versions tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("A B")
    expect(rows.nth(1)).to_contain_text("B")
    expect(approver.locator("#current-version")).to_have_text("2")
    chile.goto(report_url)
    expect(chile.locator("section.form-entry").nth(1)).to_contain_text("120 submunitions")
