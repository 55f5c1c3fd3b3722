"""The President, signed in, writes seed 001 from the meeting page: saves the Presidency's
letterhead, drafts the result of the silence procedure that moved the First Preparatory
Meeting, edits the body, chooses the closing, is told which field is missing, records the
letter as sent, and finds it on the meeting page."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from tests.browser.accessibility import axe_violations
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user
from tests.drafting import seed_letters as seed

pytestmark = pytest.mark.browser

MEETING = "/ccm/meetings/2RC/"
OWN_WORDS = "to follow-up on my letter of 29th May regarding the preparatory process"


def test_the_president_drafts_edits_and_records_the_seed_001_letter(page, ccm):
    make_user("president", Role.PRESIDENCY)
    sign_in(page, "president", PASSWORD, MEETING)
    page.get_by_role("link", name="Write a letter of the Presidency").click()

    head = page.get_by_role("form", name="Letterhead of the Presidency")
    head.get_by_label("Letterhead").fill(seed.LETTERHEAD)
    head.get_by_label("Reference", exact=True).fill(seed.REFERENCE)
    head.get_by_role("button", name="Save the letterhead").click()
    expect(page.get_by_role("status")).to_contain_text("The letterhead is saved.")

    choose = page.get_by_role("form", name="What the letter is about")
    choose.get_by_label("Kind of letter").select_option("silence_result")
    choose.get_by_label("Date of the letter").fill("2020-06-18")
    choose.get_by_label("Silence procedure").select_option(
        label="09.06.2020 Date of the First Preparatory Meeting: 29 June 2020"
    )
    choose.get_by_role("button", name="Draft from the records").click()

    letter = page.get_by_role("form", name="The letter", exact=True)
    body = letter.get_by_label("Body")
    expect(body).to_contain_text(seed.SEED_001_RESULT)
    drafted = body.input_value()
    body.fill(drafted.replace(seed.SEED_001_CAPACITY, f"{seed.SEED_001_CAPACITY} {OWN_WORDS}", 1))
    letter.get_by_label("Closing").select_option(label=seed.CLOSING.rstrip("."))
    letter.get_by_label("Addressees").fill("  \n  ")  # the browser's `required` lets it by
    letter.get_by_role("button", name="Record as sent").click()

    letter = page.get_by_role("form", name="The letter", exact=True)
    expect(letter.get_by_label("Addressees")).to_have_attribute("aria-invalid", "true")
    expect(letter).to_contain_text("This field is required.")
    expect(letter.get_by_label("Body")).to_contain_text(OWN_WORDS)  # nothing typed is lost
    assert axe_violations(page) == []

    letter.get_by_label("Addressees").fill("\n".join(seed.ADDRESSEES))
    letter.get_by_label("Date sent").fill("2020-06-18")
    letter.get_by_role("button", name="Record as sent").click()
    expect(page.get_by_role("status")).to_contain_text("The letter is recorded as sent.")

    sent = page.locator("table.dispatches")
    expect(sent).to_contain_text("letter of the Presidency: result of a silence procedure")
    expect(sent).to_contain_text(seed.ADDRESSEES[1])
    sent.get_by_text("Text as sent").click()
    expect(sent).to_contain_text(OWN_WORDS)
    expect(sent).to_contain_text(seed.SEED_001_RESULT)
