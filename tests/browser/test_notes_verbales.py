"""The Secretariat drafts the convening note verbale of a meeting from its records, edits
it, records it as sent with its reference, and the meeting page lists it."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

NOTE = "/ccm/meetings/2RC/note-verbale/"


def test_the_secretariat_drafts_and_records_a_note_verbale(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    sign_in(page, "secretariat", PASSWORD, NOTE)

    choose = page.get_by_role("form", name="What the note is about")
    choose.get_by_label("Kind of note verbale").select_option("convening")
    choose.get_by_label("Date of the note").fill("2020-03-04")
    choose.get_by_role("button", name="Draft from the records").click()

    note = page.get_by_role("form", name="The note")
    expect(note.get_by_label("Text")).to_contain_text("General Assembly")
    note.get_by_label("Reference").fill("ODA-2020-00130-CCM")
    note.get_by_label("Date sent").fill("2020-03-04")
    note.get_by_label("Addressees").fill(
        "The Permanent Representatives of Member and Observer States"
    )
    note.get_by_role("button", name="Record as sent").click()
    expect(page.get_by_role("status")).to_contain_text("The note verbale is recorded as sent.")

    page.goto(page.base_url + "/ccm/meetings/2RC/")
    expect(page.locator("main")).to_contain_text("ODA-2020-00130-CCM")
    expect(page.locator("table.dispatches")).to_contain_text(
        "note verbale of the Secretariat: convening the meeting"
    )
