from pathlib import Path

import pytest
from playwright.sync_api import expect

from plenary.documents.models import Document
from tests.conftest import PASSWORD
from tests.documents.conftest import PDF

pytestmark = pytest.mark.browser


def test_the_secretariat_uploads_a_french_version_and_downloads_it_back(
    page, ccm, secretariat, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    # CRP.8 as the reference data loads it (the list of documents of seed 003).
    assert Document.objects.filter(symbol="CCM/CONF/2020/CRP.8").exists()
    original = tmp_path / "rapport.pdf"
    original.write_bytes(PDF + b"% version francaise\n")

    page.goto(page.base_url + "/accounts/login/?next=/ccm/documents/CCM/CONF/2020/CRP.8/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("CCM/CONF/2020/CRP.8")
    form = page.get_by_role("region", name="Upload a language version")
    form.get_by_label("Language", exact=True).select_option("fr")
    form.get_by_label("File").set_input_files(str(original))
    form.get_by_role("button", name="Upload").click()

    expect(page.get_by_role("status")).to_have_text("The French version is stored.")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CCM_CONF_2020_CRP.8_fr.pdf").click()
    download = info.value
    assert download.suggested_filename == "CCM_CONF_2020_CRP.8_fr.pdf"
    assert Path(download.path()).read_bytes() == original.read_bytes()
