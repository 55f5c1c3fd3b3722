"""The Secretariat keeps the depositary's record on the page: Kenya, a signatory, deposits
its ratification (an accession is refused) and becomes a State Party with its Article 7
deadlines on the day Article 17 gives, not before; Peru declares its stockpile destroyed
and its Article 3 obligation shows completed from that date."""

import pytest
from playwright.sync_api import expect

from plenary.core.models import Role
from plenary.treaties.models import Obligation
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def test_the_secretariat_records_kenyas_ratification(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    sign_in(page, "secretariat", PASSWORD, "/ccm/states/KEN/")
    page.get_by_role("link", name="Record a treaty action or a completion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registry record of Kenya")

    deposit = page.get_by_role("region", name="Record a deposit")
    deposit.get_by_label("Kind of instrument").select_option("accession")
    deposit.get_by_label("Date of deposit").fill("2026-11-20")
    deposit.get_by_label("Notification of the deposit").fill("C.N.100.2026.TREATIES-XXVI.6")
    deposit.get_by_role("button", name="Record a deposit").click()
    deposit = page.get_by_role("region", name="Record a deposit")
    expect(deposit.get_by_role("alert")).to_have_text(
        "Kenya signed the Convention: it deposits an instrument of ratification, "
        "acceptance or approval, not of accession"
    )

    deposit.get_by_label("Kind of instrument").select_option("ratification")
    deposit.get_by_role("button", name="Record a deposit").click()
    expect(page.get_by_role("status")).to_have_text("The deposit was recorded.")

    # The day before Article 17 gives: deposited, not yet in force; no Article 7 deadline.
    page.goto(page.base_url + "/ccm/states/KEN/?on=2027-04-30")
    expect(page.locator("dd.status-deposited")).to_have_text(
        "Deposited, not yet in force: in force for it from 1 May 2027"
    )
    expect(page.get_by_role("table", name="Obligations on the chosen date")).to_contain_text(
        "None."
    )

    # From the first day of the sixth month after the month of deposit: a State Party.
    page.goto(page.base_url + "/ccm/states/KEN/?on=2027-05-01")
    expect(page.locator("dd.status-state_party")).to_have_text(
        "State Party, in force for it since 1 May 2027"
    )
    initial = page.get_by_role("row", name="Article 7: initial report")
    expect(initial).to_contain_text("28 October 2027")
    expect(initial).to_contain_text("pending")


def test_the_secretariat_records_perus_declaration_of_completion(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    # Peru's completion is in the reference data; the Secretariat records it here anew.
    Obligation.objects.filter(state__iso3="PER", kind="stockpile_destruction").update(
        completed_on=None, completed_by=None
    )
    sign_in(page, "secretariat", PASSWORD, "/ccm/states/PER/registry/")

    completion = page.get_by_role("region", name="Record a declaration of completion")
    completion.get_by_label("Obligation completed").select_option(label="destruction of stockpiles")
    completion.get_by_label("Date of completion").fill("2023-12-15")
    completion.get_by_label("Source of the declaration").fill(
        "Peru's declaration of completion, 12MSP"
    )
    completion.get_by_role("button", name="Record a declaration of completion").click()
    expect(page.get_by_role("status")).to_have_text("The declaration of completion was recorded.")

    page.goto(page.base_url + "/ccm/states/PER/?on=2023-12-14")
    row = page.get_by_role("row", name="Article 3: destruction of stockpiles")
    expect(row).not_to_contain_text("completed")
    page.goto(page.base_url + "/ccm/states/PER/?on=2023-12-15")
    row = page.get_by_role("row", name="Article 3: destruction of stockpiles")
    expect(row).to_contain_text("completed (15 December 2023)")
    expect(page.get_by_role("listitem").filter(has_text="15 December 2023")).to_contain_text(
        "Article 3: destruction of stockpiles: completed"
    )


def test_the_secretariat_records_a_provisional_application_and_corrects_the_deposit(page, ccm):
    make_user("secretariat", Role.SECRETARIAT)
    sign_in(page, "secretariat", PASSWORD, "/ccm/states/KEN/registry/")
    deposit = page.get_by_role("region", name="Record a deposit")
    deposit.get_by_label("Kind of instrument").select_option("ratification")
    deposit.get_by_label("Date of deposit").fill("2026-11-20")
    deposit.get_by_label("Notification of the deposit").fill("C.N.100.2026.TREATIES-XXVI.6")
    deposit.get_by_role("button", name="Record a deposit").click()
    expect(page.get_by_role("status")).to_have_text("The deposit was recorded.")

    heading = "Record a declaration of provisional application (Article 18: Article 1)"
    provisional = page.get_by_role("region", name=heading)
    provisional.get_by_label("Date of the declaration").fill("2026-11-21")
    provisional.get_by_label("Notification of the declaration").fill("C.N.101.2026")
    provisional.get_by_role("button", name=heading).click()
    expect(page.get_by_role("region", name=heading).get_by_role("alert")).to_have_text(
        "a State declares provisional application at the time of its ratification, "
        "acceptance, approval or accession, that is with its instrument deposited on "
        "20 November 2026"
    )
    provisional = page.get_by_role("region", name=heading)
    provisional.get_by_label("Date of the declaration").fill("2026-11-20")
    provisional.get_by_role("button", name=heading).click()
    expect(page.get_by_role("status")).to_have_text(
        "The declaration of provisional application was recorded."
    )

    correction = page.get_by_role("region", name="Correct a treaty action")
    correction.get_by_label("Treaty action corrected").select_option("deposit")
    correction.get_by_label("Corrected date").fill("2026-10-30")
    correction.get_by_label("Corrected kind of instrument (a deposit)").select_option("accession")
    correction.get_by_label("Reason for the correction").fill(
        "The notification gives the deposit as 30 October"
    )
    correction.get_by_role("button", name="Correct a treaty action").click()
    correction = page.get_by_role("region", name="Correct a treaty action")
    expect(correction.get_by_role("alert")).to_have_text(
        "Kenya signed the Convention: it deposits an instrument of ratification, "
        "acceptance or approval, not of accession"
    )
    correction.get_by_label("Corrected kind of instrument (a deposit)").select_option("")
    correction.get_by_role("button", name="Correct a treaty action").click()
    expect(page.get_by_role("status")).to_have_text("The correction was recorded.")

    # Entry into force follows the corrected deposit: the first day of the sixth month after
    # October 2026; the declaration made with it moved along.
    page.goto(page.base_url + "/ccm/states/KEN/?on=2027-03-31")
    expect(page.locator("dd.status-deposited")).to_have_text(
        "Deposited, not yet in force: in force for it from 1 April 2027"
    )
    expect(page.locator("dd.provisional-application")).to_have_text(
        "Applies Article 1 provisionally (Article 18) since 30 October 2026, "
        "pending entry into force"
    )
    page.goto(page.base_url + "/ccm/states/KEN/?on=2027-04-01")
    expect(page.locator("dd.status-state_party")).to_have_text(
        "State Party, in force for it since 1 April 2027"
    )
    expect(page.locator("dd.provisional-application")).to_have_count(0)
