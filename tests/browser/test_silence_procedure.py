"""The President circulates a silence procedure moving a meeting part; Peru opens it from
its notice, breaks it with an amendment and the page says so at once. A second procedure
with a deadline seconds away is concluded by the scheduler (the process `make serve`
starts, run here with a short tick): its effect shows on the meeting page and the outcome
notices are in the outbox."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from plenary.core.scheduler import Scheduler, configured_jobs, deadline_after
from plenary.decisions.models import Outcome, SilenceProcedure
from tests.conftest import PASSWORD, open_meeting

pytestmark = pytest.mark.browser

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def sign_in(page, username, next_path):
    page.goto(page.base_url + "/accounts/login/?next=" + next_path)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def delegate_page(browser, page):
    context = browser.new_context(locale="en-GB")
    second = context.new_page()
    second.base_url = page.base_url
    yield second
    context.close()


def circulate_moving_part(page, subject, deadline_on, deadline_time, starts_on, ends_on):
    page.goto(page.base_url + "/ccm/silence-procedures/new/?meeting=TEST-MSP")
    expect(page.get_by_role("heading", level=1)).to_have_text("Circulate a silence procedure")
    expect(page.locator("#addressees")).to_contain_text("Peru")
    form = page.locator("form#circulate")
    form.get_by_label("Subject").fill(subject)
    form.get_by_label("Text of the proposal").fill("The States Parties decide to move the meeting.")
    form.get_by_label("Deadline (date)").fill(deadline_on.isoformat())
    form.get_by_label("Deadline (time)").fill(deadline_time)
    form.get_by_label("Effect if adopted").select_option("replan_meeting")
    form.get_by_label("Part").fill("1")
    form.get_by_label("New first day").fill(starts_on.isoformat())
    form.get_by_label("New last day").fill(ends_on.isoformat())
    form.get_by_role("button", name="Circulate").click()
    expect(page.get_by_role("status")).to_contain_text("The silence procedure is circulated.")
    expect(page.get_by_role("heading", level=1)).to_have_text(subject)


def test_a_procedure_broken_by_peru_and_one_concluded_by_the_scheduler(
    page, delegate_page, ccm, president, peru_delegate, settings
):
    settings.TASKS = IMMEDIATE
    settings.PLENARY_SCHEDULE = [(name, 1, path) for name, _, path in settings.PLENARY_SCHEDULE]
    meeting = open_meeting(ccm)
    today = timezone.localdate()
    sign_in(page, "president", "/ccm/silence-procedures/")
    page.get_by_role("link", name="Circulate a silence procedure").click()

    # The first procedure: a week to answer.
    circulate_moving_part(
        page,
        "Dates of the Test Meeting",
        today + timedelta(days=7),
        "23:59:59",
        today + timedelta(days=90),
        today + timedelta(days=92),
    )
    notice = next(m for m in mail.outbox if m.to == [peru_delegate.email])
    assert notice.subject == "CCM: Silence procedure: Dates of the Test Meeting"

    # Peru opens it from the notice and proposes an amendment, after a confirmation step.
    path = re.search(r"https?://\S+?(/ccm/silence-procedures/\d+/)", notice.body).group(1)
    sign_in(delegate_page, "peru_delegate", path)
    expect(delegate_page.get_by_role("heading", level=1)).to_have_text("Dates of the Test Meeting")
    form = delegate_page.locator("form#break")
    form.get_by_label("Your State's answer").select_option("amendment")
    form.get_by_label("Reason for breaking the silence").fill("Peru proposes the week after.")
    form.get_by_role("button", name="Break the silence").click()
    expect(delegate_page.get_by_role("heading", name="Confirm the break")).to_be_visible()
    delegate_page.get_by_role("button", name="Confirm the break").click()
    expect(delegate_page.get_by_role("status")).to_contain_text("break of the silence is recorded")
    outcome = delegate_page.locator("#outcome")
    expect(outcome).to_contain_text("silence broken by Peru on")
    expect(outcome).to_contain_text("to be concluded at the deadline")
    expect(delegate_page.locator("form#break")).to_have_count(0)
    # The President's page says so too.
    page.reload()
    expect(page.locator("#outcome")).to_contain_text("silence broken by Peru on")

    # The second: due seconds from now, in the convention's zone.
    soon = (timezone.now() + timedelta(seconds=6)).astimezone(ZoneInfo(ccm.time_zone))
    new_start, new_end = today + timedelta(days=120), today + timedelta(days=121)
    page.goto(page.base_url + "/ccm/silence-procedures/")
    page.get_by_role("link", name="Circulate a silence procedure").click()
    circulate_moving_part(
        page, "New dates of the Test Meeting", soon.date(), f"{soon:%H:%M:%S}", new_start, new_end
    )
    second = SilenceProcedure.objects.get(subject="New dates of the Test Meeting")
    mail.outbox.clear()

    def concluded() -> bool:
        second.refresh_from_db()
        return second.outcome != Outcome.OPEN

    give_up = deadline_after(30)
    Scheduler(configured_jobs()).run(tick=0.2, until=lambda: concluded() or give_up())

    assert second.outcome == Outcome.ADOPTED
    page.goto(page.base_url + f"/ccm/meetings/{meeting.code}/")
    expect(page.locator("main")).to_contain_text(
        f"{new_start:%-d %B %Y} \N{EN DASH} {new_end:%-d %B %Y}"
    )
    # The reminders job runs too; the outcome notice is the one on the outcome.
    outcomes = [m for m in mail.outbox if "concluded" in m.subject]
    assert {m.subject for m in outcomes} == {
        "CCM: Silence procedure concluded: New dates of the Test Meeting"
    }
    assert [peru_delegate.email] in [m.to for m in outcomes]
    assert "the silence was not broken and the proposal is adopted" in outcomes[0].body
    # The first, broken, is still open until its own deadline.
    assert SilenceProcedure.objects.get(subject="Dates of the Test Meeting").is_open
