"""The Secretariat issues the first working paper of a meeting it convened, its language
versions, then its revision; the original shows as superseded."""

from datetime import date

import pytest
from playwright.sync_api import expect

from plenary.documents.models import Document
from plenary.meetings import services
from tests.conftest import PASSWORD
from tests.documents.conftest import PDF

pytestmark = pytest.mark.browser


def test_the_secretariat_issues_wp1_its_versions_and_its_revision(
    page, ccm, secretariat, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    services.create_meeting(
        convention=ccm,
        code="14MSP",
        kind="msp",
        number=14,
        title="Fourteenth Meeting of States Parties",
        symbol_root="CCM/MSP/2027",
        parts=[services.PartPlan(1, date(2027, 9, 7), date(2027, 9, 9), "in_person")],
        by=secretariat,
    )
    english, french = tmp_path / "wp1-en.pdf", tmp_path / "wp1-fr.pdf"
    english.write_bytes(PDF + b"% English\n")
    french.write_bytes(PDF + b"% francais\n")

    page.goto(page.base_url + "/accounts/login/?next=/ccm/meetings/14MSP/documents/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    issue = page.get_by_role("region", name="Issue a document")
    issue.get_by_label("Series").select_option("WP")
    issue.get_by_label("Title").fill("Universalization of the Convention")
    issue.get_by_role("button", name="Issue the document").click()
    expect(page.get_by_role("status")).to_have_text("CCM/MSP/2027/WP.1 is issued.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("CCM/MSP/2027/WP.1")

    upload = page.get_by_role("region", name="Upload a language version")
    upload.get_by_label("Language", exact=True).select_option("en")
    upload.get_by_label("This is the original language").check()
    upload.get_by_label("File").set_input_files(str(english))
    upload.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_have_text("The English version is stored.")
    upload = page.get_by_role("region", name="Upload a language version")
    upload.get_by_label("Language", exact=True).select_option("fr")
    upload.get_by_label("File").set_input_files(str(french))
    upload.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_have_text("The French version is stored.")
    expect(page.get_by_role("link", name="Download CCM_MSP_2027_WP.1_fr.pdf")).to_be_visible()

    page.goto(page.base_url + "/ccm/meetings/14MSP/documents/")
    issue = page.get_by_role("region", name="Issue a document")
    issue.get_by_label("Or a change of the document").select_option("CCM/MSP/2027/WP.1")
    issue.get_by_label("Kind of change").select_option("Rev")
    issue.get_by_label("Title").fill("Universalization of the Convention (revised)")
    issue.get_by_role("button", name="Issue the document").click()
    expect(page.get_by_role("status")).to_have_text("CCM/MSP/2027/WP.1/Rev.1 is issued.")

    page.get_by_role("link", name="CCM/MSP/2027/WP.1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("CCM/MSP/2027/WP.1")
    expect(page.locator("dl.facts")).to_contain_text("superseded")
    assert Document.objects.get(symbol="CCM/MSP/2027/WP.1").status == "superseded"
    assert sorted(
        Document.objects.get(symbol="CCM/MSP/2027/WP.1").versions.values_list("language", flat=True)
    ) == ["en", "fr"]
