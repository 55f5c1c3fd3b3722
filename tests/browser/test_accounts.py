"""The Secretariat keeps the accounts on the page: it records the cost estimate of the
Second Review Conference, issues its assessments and records Peru's payment in US dollars;
the same reference again and an unaccepted currency are refused on the form; Peru's
account shows the payment and the balance."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from plenary.finance.models import Assessment
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def test_the_secretariat_records_an_estimate_assessments_and_perus_payment(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    sign_in(page, "secretariat", PASSWORD, "/ccm/finance/")
    page.get_by_role("link", name="Record a cost estimate").click()
    page.get_by_label("Meeting").select_option("2RC")
    page.get_by_label("Document of the estimate").fill("CCM/CONF/2020/EST.1")
    page.get_by_label("Decision approving it").fill("CCM/CONF/2020/L.1, para. 30")
    page.get_by_label("Line 1: category").select_option("conference_services")
    page.get_by_label("Line 1: estimated cost (US$)").fill("300000.00")
    page.get_by_label("Line 2: category").select_option("interpretation")
    page.get_by_label("Line 2: estimated cost (US$)").fill("100000.00")
    page.get_by_role("button", name="Record the cost estimate").click()
    expect(page.get_by_role("status")).to_have_text("The cost estimate was recorded.")

    issue = page.get_by_role("region", name="Issue the assessments")
    issue.get_by_label("Date of issue").fill("2020-12-01")
    issue.get_by_label("Due date").fill("2021-01-31")
    issue.get_by_role("button", name="Issue the assessments").click()
    expect(page.get_by_role("status")).to_have_text("The assessments were issued.")
    peru = Assessment.objects.get(
        estimate__document_symbol="CCM/CONF/2020/EST.1", state__iso3="PER"
    )
    expect(page.get_by_role("row", name="Peru")).to_contain_text(f"{peru.amount:,.2f}")

    def pay(currency, reference):
        form = page.get_by_role("region", name="Record a payment")
        form.get_by_label("Assessment of").select_option(str(peru.pk))
        form.get_by_label("Date received").fill("2021-01-15")
        form.get_by_label("Amount").fill("100.00")
        form.get_by_label("Currency").fill(currency)
        form.get_by_label("Payment reference").fill(reference)
        form.get_by_role("button", name="Record a payment").click()

    pay("USD", "PER-2021-001")
    expect(page.get_by_role("status")).to_have_text("The payment was recorded.")

    pay("USD", "PER-2021-001")
    expect(page.get_by_role("region", name="Record a payment").get_by_role("alert")).to_have_text(
        "a payment with the reference 'PER-2021-001' is already recorded"
    )
    pay("XYZ", "PER-2021-002")
    expect(page.get_by_role("region", name="Record a payment").get_by_role("alert")).to_have_text(
        "payments are accepted in USD, not 'XYZ'"
    )

    page.goto(page.base_url + "/ccm/finance/?on=2021-02-01")
    account = page.get_by_role("table", name="Accounts by State and year").get_by_role(
        "row", name="Peru"
    )
    expect(account.get_by_role("cell")).to_have_text(
        ["Peru", "2020", f"{peru.amount:,.2f}", "100.00", f"{peru.amount - 100:,.2f}"]
    )
    payments = page.get_by_role("table", name="Payments received")
    expect(payments.get_by_role("row", name="PER-2021-001")).to_contain_text("100.00 USD")
