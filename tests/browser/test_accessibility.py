"""Every key page, for the public and for each role that has screens of its own, at a desktop
width and at 375 px: axe-core reports no serious or critical WCAG 2.1 AA violation, and
nothing but a data table in its scrolling wrapper is wider than a 375 px screen."""

import pytest

from plenary.action_plan.models import Consultation
from plenary.decisions.models import ExtensionRequest, SilenceProcedure
from plenary.documents.models import Document
from tests.browser.accessibility import axe_violations, sideways_overflow
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}

PUBLIC = [
    "/",
    "/accounts/login/",
    "/ccm/",
    "/ccm/states/",
    "/ccm/states/PER/",
    "/ccm/due/",
    "/ccm/meetings/",
    "/ccm/meetings/2RC/",
    "/ccm/meetings/2RC/documents/",
    "/ccm/meetings/2RC/report/",
    "/ccm/documents/",
    "/ccm/silence-procedures/",
    "/ccm/decisions/",
    "/ccm/extension-requests/",
    "/ccm/finance/scale/",
    "/ccm/action-plans/",
    "/ccm/action-plans/DAP/",
    "/ccm/action-plans/DAP/progress/",
    "/ccm/thematic-areas/",
    "/ccm/consultations/",
    "/ccm/reports/",
    "/apmbc/",
    "/apmbc/states/",
]

SECRETARIAT = [
    "/",
    "/ccm/meetings/new/",
    "/ccm/meetings/2RC/manage/",
    "/ccm/meetings/2RC/documents/issue/",
    "/ccm/states/PER/registry/",
    "/ccm/silence-procedures/new/",
    "/ccm/decisions/new/",
    "/ccm/finance/",
    "/ccm/finance/estimates/new/",
    "/ccm/finance/isu/",
    "/ccm/action-plans/new/",
    "/ccm/action-plans/DAP/actions/translations/",
    "/ccm/consultations/new/",
    "/accounts/ccm/people/",
    "/accounts/tokens/",
    "/accounts/roles/",
    "/accounts/two-factor/settings/",
]

DELEGATE = [
    "/",
    "/due/mine/",
    "/reminders/preferences/",
    "/ccm/reports/states/PER/",
    "/ccm/extension-requests/new/",
    "/ccm/finance/",
    "/accounts/two-factor/settings/",
]


def records_pages() -> list[str]:
    """A page of each kind of record, whichever the reference data holds."""
    pages = []
    document = Document.objects.filter(meeting__code="2RC").order_by("pk").first()
    if document:
        pages.append(f"/ccm/documents/{document.symbol}/")
    procedure = SilenceProcedure.objects.order_by("pk").first()
    if procedure:
        pages.append(f"/ccm/silence-procedures/{procedure.pk}/")
    request = ExtensionRequest.objects.order_by("pk").first()
    if request:
        pages.append(f"/ccm/extension-requests/{request.pk}/")
    consultation = Consultation.objects.order_by("pk").first()
    if consultation:
        pages.append(f"/ccm/consultations/{consultation.pk}/")
    return pages


def sweep(browser, base_url, paths, username=None) -> list[str]:
    problems = []
    for name, viewport in WIDTHS.items():
        context = browser.new_context(locale="en-GB", viewport=viewport)
        tab = context.new_page()
        if username:
            tab.goto(base_url + "/accounts/login/")
            tab.get_by_label("Username").fill(username)
            tab.get_by_label("Password").fill(PASSWORD)
            tab.get_by_role("button", name="Sign in").click()
            tab.wait_for_load_state()
        for path in paths:
            response = tab.goto(base_url + path)
            who = username or "public"
            if response.status >= 500:
                problems.append(f"{who} {name} {path}: HTTP {response.status}")
                continue
            problems += [f"{who} {name} {path}: {v}" for v in axe_violations(tab)]
            if name == "phone":
                problems += [
                    f"{who} {name} {path}: wider than the screen: {e}"
                    for e in sideways_overflow(tab)
                ]
        context.close()
    return problems


def test_public_pages_meet_wcag_aa_on_desktop_and_phone(browser, page):
    problems = sweep(browser, page.base_url, PUBLIC + records_pages())
    assert not problems, "\n".join(problems)


def test_the_secretariats_pages_meet_wcag_aa(browser, page, secretariat):
    # The reset of a person's second factor: a page per person, here the Secretariat's own.
    reset = f"/accounts/ccm/people/{secretariat.pk}/second-factor/reset/"
    problems = sweep(browser, page.base_url, [*SECRETARIAT, reset], "secretariat")
    assert not problems, "\n".join(problems)


def test_a_delegations_pages_meet_wcag_aa(browser, page, peru_delegate):
    problems = sweep(browser, page.base_url, DELEGATE, "peru_delegate")
    assert not problems, "\n".join(problems)
