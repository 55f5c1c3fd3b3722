"""The Secretariat adds a text by hand to a part's draft report, sees it placed after its
paragraph, is refused a place already taken, and changes the wording; then places there a
statement drafted from the records (the destruction of stockpiles) and reads it in the draft."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

REPORT = "/ccm/meetings/2RC/report/?part=1&kind=interim"


def test_the_secretariat_adds_and_changes_a_text_of_the_report(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    sign_in(page, "secretariat", PASSWORD, REPORT)
    expect(page.get_by_role("heading", name="Texts added by hand")).to_be_visible()

    add = page.locator("form", has=page.get_by_role("button", name="Add the text"))
    add.get_by_label("Paragraph").select_option("work-opening")
    add.get_by_label("Text").fill("The President made an opening statement.")
    add.get_by_label("Reason").fill("Statement heard")
    add.get_by_role("button", name="Add the text").click()
    expect(page.get_by_role("status")).to_contain_text("The text is added to the report.")
    expect(page.locator("main")).to_contain_text("The President made an opening statement.")

    # The same place again is refused on its field.
    add = page.locator("form", has=page.get_by_role("button", name="Add the text"))
    add.get_by_label("Paragraph").select_option("work-opening")
    add.get_by_label("Text").fill("A second text at the same place.")
    add.get_by_role("button", name="Add the text").click()
    expect(page.get_by_role("alert").first).to_contain_text("a text is already at position 1")

    # Change the text just added.
    page.goto(page.base_url + REPORT)
    edit = page.locator("form").filter(
        has=page.get_by_text("The President made an opening statement.", exact=True)
    )
    edit.get_by_label("Text").fill("The President made a short opening statement.")
    edit.get_by_role("button", name="Change the text").click()
    expect(page.get_by_role("status")).to_contain_text("The text is changed.")
    expect(page.locator("main")).to_contain_text("The President made a short opening statement.")

    # A statement drafted from the records takes a place of its own, without a text.
    add = page.locator("form", has=page.get_by_role("button", name="Add the text"))
    add.get_by_label("Paragraph").select_option("work-opening")
    add.get_by_label("Position").fill("2")
    add.get_by_label("Or a statement from the records").select_option("stockpile_destruction")
    add.get_by_role("button", name="Add the text").click()
    expect(page.get_by_role("status")).to_contain_text("The text is added to the report.")
    expect(page.locator("main")).to_contain_text(
        "with an obligation under Article 3 of the Convention (destruction of stockpiles) on record"
    )
    expect(page.locator("main")).to_contain_text(
        "Drafted from the records: it has no text to change."
    )
