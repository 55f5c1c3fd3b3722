"""The Secretariat gives a meeting's title in French on its management page, then reads
the meeting's page in French: the French title, marked as French for screen readers; in
Spanish, where no translation is given, the English original with its mark."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.conftest import PASSWORD, open_meeting

pytestmark = pytest.mark.browser

FRENCH = "Réunion d'essai des États parties"


def test_the_secretariat_enters_a_french_title_and_reads_it_in_french(page, ccm, secretariat):
    meeting = open_meeting(ccm)
    page.goto(page.base_url + f"/accounts/login/?next=/ccm/meetings/{meeting.code}/manage/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    translations = page.get_by_role("region", name="The title in other languages")
    translations.get_by_label("Title in French").fill(FRENCH)
    translations.get_by_role("button", name="Record the translations").click()
    expect(page.get_by_role("status")).to_have_text("The title's translations are recorded.")
    expect(translations.get_by_label("Title in French")).to_have_value(FRENCH)
    assert_accessible(page)

    page.goto(page.base_url + f"/ccm/meetings/{meeting.code}/")
    page.get_by_label("Language", exact=True).select_option("fr")
    page.get_by_role("button", name="Change").click()

    heading = page.get_by_role("heading", level=1)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(heading).to_have_text(FRENCH)
    expect(heading.locator("span")).to_have_attribute("lang", "fr")

    page.get_by_label("Langue", exact=True).select_option("es")
    page.get_by_role("button", name="Changer").click()

    expect(heading).to_have_text("Test Meeting of States Parties (Inglés)")
    expect(heading.locator("span")).to_have_attribute("lang", "en")
    assert_accessible(page)
