"""The ISU defines a plan with a section, an action and an entered indicator; a
coordinator enters the 2022 value with its source; the progress page shows it against the
baseline."""

from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from plenary.action_plan.models import IndicatorValue
from tests.browser.test_issue_consultation import signed_in

pytestmark = pytest.mark.browser


def test_the_isu_defines_a_plan_and_a_coordinator_enters_a_value(browser, page, isu, coordinator):
    context, isu_page = signed_in(browser, page.base_url, "isu", "/ccm/action-plans/")
    isu_page.get_by_role("link", name="Define an action plan").click()
    isu_page.get_by_label("Code").fill("TAP")
    isu_page.get_by_label("Name").fill("Test Action Plan")
    isu_page.get_by_label("First year").fill("2021")
    isu_page.get_by_label("Last year").fill("2026")
    isu_page.get_by_label("Decision adopting it").fill("Adopted at the Second Review Conference")
    isu_page.get_by_label("Document symbol").fill("CCM/CONF/2021/6")
    isu_page.get_by_label("Source", exact=True).fill("Final report of the 2RC")
    isu_page.get_by_role("button", name="Record the action plan").click()
    expect(isu_page.get_by_role("heading", level=1)).to_have_text("Test Action Plan 2021-2026")

    isu_page.get_by_role("link", name="Add a section").click()
    isu_page.get_by_label("Section number").fill("1")
    isu_page.get_by_label("Section title").fill("Universalisation")
    isu_page.get_by_label("Thematic area").select_option(label="Universalisation")
    isu_page.get_by_label("Source", exact=True).fill("Final report of the 2RC")
    isu_page.get_by_role("button", name="Record the section").click()
    expect(isu_page.get_by_role("heading", name="1. Universalisation")).to_be_visible()

    isu_page.get_by_role("link", name="Add an action").click()
    isu_page.get_by_label("Section", exact=True).select_option(label="TAP 1. Universalisation")
    isu_page.get_by_label("Action number").fill("1")
    isu_page.get_by_label("Text of the action").fill("Promote adherence to the Convention.")
    isu_page.get_by_label("Source", exact=True).fill("Final report of the 2RC")
    isu_page.get_by_role("button", name="Record the action").click()
    expect(isu_page.get_by_text("Promote adherence to the Convention.")).to_be_visible()

    isu_page.get_by_role("link", name="Add an indicator").click()
    isu_page.get_by_label("Section", exact=True).select_option(label="TAP 1. Universalisation")
    isu_page.get_by_label("Action (blank: the section's expected results)").select_option(
        label="1. Action 1"
    )
    isu_page.get_by_label("Indicator code").fill("1.1")
    isu_page.get_by_label("Indicator", exact=True).fill("Number of outreach events held")
    isu_page.get_by_label("Kind").select_option("count")
    isu_page.get_by_label("Baseline year").fill("2020")
    isu_page.get_by_label("Baseline value").fill("3")
    isu_page.get_by_label("Target value").fill("10")
    isu_page.get_by_label("Target year").fill("2026")
    isu_page.get_by_label("Values").select_option(label="entered by the ISU or a coordinator")
    isu_page.get_by_label("Source", exact=True).fill("Final report of the 2RC")
    isu_page.get_by_role("button", name="Record the indicator").click()
    expect(isu_page.get_by_role("heading", level=1)).to_have_text(
        "1.1: Number of outreach events held"
    )
    indicator_url = isu_page.url
    context.close()

    # A coordinator enters the 2022 value with its source.
    coordinator_context, coordinator_page = signed_in(
        browser, page.base_url, "coordinator", indicator_url.removeprefix(page.base_url)
    )
    coordinator_page.get_by_role("heading", name="Enter a value").wait_for()
    coordinator_page.get_by_label("Year").fill("2022")
    coordinator_page.get_by_label("Value", exact=True).fill("7")
    coordinator_page.get_by_label("Source", exact=True).fill("Coordinators' report to the 11MSP")
    coordinator_page.get_by_role("button", name="Record").click()
    expect(coordinator_page.get_by_role("status")).to_have_text("The value is recorded.")
    value = IndicatorValue.objects.get(indicator__code="1.1", year=2022)
    assert (value.value, value.entered_by.username) == (7, "coordinator")

    # The progress page shows it against the baseline.
    coordinator_page.goto(page.base_url + "/ccm/action-plans/TAP/progress/?year=2022")
    row = coordinator_page.get_by_role("row").filter(has_text="1.1: Number of outreach events")
    expect(row.get_by_role("cell")).to_have_text(
        [
            "1.1: Number of outreach events held (Action 1)",
            "3 (2020)",
            "10",
            "7",
            "4 (57.1% of the way to the target)",
            "Coordinators' report to the 11MSP",
        ]
    )

    # ... and so does its spreadsheet.
    with coordinator_page.expect_download() as download:
        coordinator_page.get_by_role("link", name="Download Excel (.xlsx)").click()
    sheet = load_workbook(BytesIO(download.value.path().read_bytes())).active
    cells = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]], strict=True))
    assert (cells["baseline"], cells["value"], cells["source"]) == (
        3,
        7,
        "Coordinators' report to the 11MSP",
    )
    coordinator_context.close()
