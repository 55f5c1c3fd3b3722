import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_finds_the_signatories_on_the_first_day_of_the_conference(page):
    page.goto(page.base_url + "/")
    page.get_by_role("main").get_by_role("link", name="Convention on Cluster Munitions").click()
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="States and obligations"
    ).click()
    page.get_by_label("Status on").fill("2020-11-25")
    page.get_by_label("Status", exact=True).select_option("signatory")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("States on 25 November 2020")
    expect(page.get_by_role("rowheader", name="Angola")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Peru")).to_have_count(0)


def test_the_language_switcher_turns_the_page_french(page):
    page.goto(page.base_url + "/ccm/states/")
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^États au "))


def test_the_first_tab_reaches_the_skip_link(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")

    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()


def test_a_state_page_shows_peru_extension(page):
    page.goto(page.base_url + "/ccm/states/PER/?on=2021-03-02")

    expect(page.get_by_role("heading", level=1)).to_have_text("Peru")
    expect(
        page.get_by_role("cell").get_by_text("extended 37 months to 1 April 2024")
    ).to_be_visible()
    page.screenshot(path="test-results/peru.png", full_page=True)
