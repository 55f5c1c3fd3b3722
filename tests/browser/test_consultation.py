import io
from datetime import timedelta

import pytest
from django.utils import timezone
from docx import Document as WordDocument
from playwright.sync_api import expect

from plenary.action_plan import render, selectors, services
from plenary.action_plan.models import Consultation
from tests.conftest import PASSWORD, the_ccm

pytestmark = pytest.mark.browser


def test_a_delegation_contributes_to_the_seed_002_consultation_and_it_is_compiled(
    page, ccm, president, peru_delegate
):
    consultation = Consultation.objects.get(title="Concept note on the Lausanne Action Plan (LAP)")
    # The Presidency gives more time: the seed's own deadline (8 June 2020) has passed.
    services.move_consultation_deadline(
        consultation=consultation,
        deadline_on=timezone.localdate() + timedelta(days=10),
        reason="More time for the Delegations",
        now=timezone.now(),
        by=president,
    )

    page.goto(page.base_url + f"/accounts/login/?next=/ccm/consultations/{consultation.pk}/")
    page.get_by_label("Username").fill("peru_delegate")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(consultation.title)
    expect(page.get_by_role("heading", name="Contribute for Peru")).to_be_visible()
    page.get_by_label("Question 1. What should be the main objective of the LAP?").fill(
        "Peru: a concise plan with measurable actions."
    )
    page.get_by_label("Question 39. What indicators should we use?").fill(
        "Peru: the number of States with national implementation measures."
    )
    page.get_by_role("button", name="Submit the contribution").click()
    expect(page.get_by_role("status")).to_have_text("Your contribution is recorded.")

    record = selectors.consultation_record(convention=the_ccm(), pk=consultation.pk)
    questions, contributions = selectors.compiled(consultation=record, user=president)
    body = render.compiled_docx(
        consultation=record, questions=questions, contributions=contributions
    )
    text = [p.text for p in WordDocument(io.BytesIO(body)).paragraphs]
    assert "Question 1. What should be the main objective of the LAP?" in text
    assert (
        "Peru (submitted by peru_delegate): Peru: a concise plan with measurable actions." in text
    )
    assert (
        "Peru (submitted by peru_delegate): Peru: the number of States with national "
        "implementation measures." in text
    )
