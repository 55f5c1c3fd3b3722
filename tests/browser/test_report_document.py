"""The Secretariat issues the final report of a part under its L. symbol, issues a
revision, is refused an adoption before the part, records the adoption "as orally
amended", and the meeting page shows it."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

REPORT = "/ccm/meetings/2RC/report/?part=2&kind=final"


def test_the_secretariat_issues_revises_and_adopts_the_report(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    sign_in(page, "secretariat", PASSWORD, REPORT)
    main = page.locator("main")
    expect(main).to_contain_text("Not issued as a document yet")

    issue = page.get_by_role("form", name="Issue the report")
    issue.get_by_label("Series").select_option("L")
    issue.get_by_label("Issued on").fill("2021-09-20")
    issue.get_by_role("button", name="Issue the report under the next symbol").click()
    expect(page.get_by_role("status")).to_contain_text("The report is issued as CCM/CONF/2020/L.2.")

    page.get_by_role("form", name="Revise the report").get_by_role(
        "button", name="Issue a revision"
    ).click()
    expect(page.get_by_role("status")).to_contain_text("CCM/CONF/2020/L.2/Rev.1")

    adopt = page.get_by_role("form", name="Record the adoption")
    adopt.get_by_label("Adopted on").fill("2020-01-01")
    adopt.get_by_role("button", name="Record the adoption").click()
    expect(page.get_by_role("alert").first).to_contain_text("is before part 2 began")

    adopt = page.get_by_role("form", name="Record the adoption")
    adopt.get_by_label("Adopted on").fill("2021-09-21")
    adopt.get_by_label("As orally amended").check()
    adopt.get_by_role("button", name="Record the adoption").click()
    expect(main).to_contain_text(
        "Adopted on 21 September 2021 (CCM/CONF/2020/L.2/Rev.1), as orally amended."
    )

    page.goto(page.base_url + "/ccm/meetings/2RC/?part=2")
    expect(page.locator("main")).to_contain_text(
        "Adopted on 21 September 2021 (CCM/CONF/2020/L.2/Rev.1), as orally amended."
    )
