"""The Secretariat convenes a meeting of two parts, builds its agenda and programme,
releases version 1, replans part 2 with a reason and releases version 2 with the change
listed; Peru's focal point registers a delegation of eight; two heads are refused
on the form."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plenary.core.models import DelegationFunction, Role
from plenary.meetings.models import Meeting
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def _sign_in(page, username, next_url):
    page.goto(page.base_url + f"/accounts/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_secretariat_convenes_and_peru_registers_eight(page, browser, live_server, secretariat):
    today = timezone.localdate()
    day = lambda n: (today + timedelta(days=n)).isoformat()  # noqa: E731
    _sign_in(page, "secretariat", "/ccm/meetings/")
    page.get_by_role("link", name="Convene a meeting").click()
    page.get_by_label("Kind of meeting").select_option("msp")
    page.get_by_label("Code").fill("14MSP")
    page.get_by_label("Number").fill("14")
    page.get_by_label("Symbol root").fill("CCM/MSP/2027")
    page.get_by_label("Title", exact=True).fill("Fourteenth Meeting of States Parties")
    page.get_by_label("Mandate").fill("Final report of the 13MSP, para. 40")
    page.get_by_label("Convened by").fill("the Thirteenth Meeting of States Parties")
    page.get_by_label("Starts on, part 1").fill(day(60))
    page.get_by_label("Ends on, part 1").fill(day(62))
    page.get_by_label("Format, part 1").select_option("in_person")
    page.get_by_label("Venue, part 1").fill("Palais des Nations")
    page.get_by_label("Registration deadline, part 1").fill(day(30))
    page.get_by_label("Starts on, part 2").fill(day(120))
    page.get_by_label("Ends on, part 2").fill(day(121))
    page.get_by_label("Format, part 2").select_option("virtual")
    page.get_by_label("Registration deadline, part 2").fill(day(90))
    page.get_by_role("button", name="Convene the meeting").click()
    expect(page.get_by_role("status")).to_have_text(
        "Meeting convened: Fourteenth Meeting of States Parties."
    )

    agenda = page.get_by_role("region", name="Agenda")
    agenda.get_by_label("Item number").fill("1")
    agenda.get_by_label("Title of the item").fill("Opening of the Meeting")
    agenda.get_by_role("button", name="Add to the agenda").click()
    expect(page.get_by_role("status")).to_have_text(
        "Item 1. Opening of the Meeting is on the agenda."
    )

    for part, first_day, ends in (("1", day(60), "13:00"), ("2", day(120), "12:00")):
        programme = page.get_by_role("region", name="Programme of work")
        programme.get_by_label("Part", exact=True).select_option(part)
        programme.get_by_label("Day", exact=True).fill(first_day)
        programme.get_by_label("Starts at").fill("10:00")
        programme.get_by_label("Ends at").fill(ends)
        programme.get_by_role("button", name="Add the slot").click()
        expect(page.get_by_role("status")).to_contain_text("is in the programme.")
        programme = page.get_by_role("region", name="Programme of work")
        programme.get_by_label("Time slot").select_option(
            label=f"part {part}: {first_day} 10:00-{ends}"
        )
        programme.get_by_label("Agenda item").select_option(label="1. Opening of the Meeting")
        programme.get_by_role("button", name="Add the line to the slot").click()
        expect(page.get_by_role("status")).to_contain_text("The line is added to the slot")
    page.get_by_role("region", name="Release the programme").get_by_role(
        "button", name="Release the next version"
    ).click()
    expect(page.get_by_role("status")).to_have_text(
        "Version 1 of the programme of work is released."
    )

    plan = page.get_by_role("region", name="Replan the meeting")
    plan.get_by_label("Starts on, part 2").fill(day(127))
    plan.get_by_label("Ends on, part 2").fill(day(128))
    plan.get_by_role("button", name="Record the new plan").click()
    expect(page.get_by_role("alert").first).to_contain_text("name the decision behind the change")
    plan = page.get_by_role("region", name="Replan the meeting")
    plan.get_by_label("Decided by").fill("silence procedure")
    plan.get_by_label("Reason").fill("The conference rooms are taken that week.")
    plan.get_by_role("button", name="Record the new plan").click()
    expect(page.get_by_role("status")).to_have_text("The new plan is recorded.")
    # Part 2 moved a week: its slot follows, and version 2 lists the move.
    programme = page.get_by_role("region", name="Programme of work")
    programme.get_by_label("Slot to move").select_option(label=f"part 2: {day(120)} 10:00-12:00")
    programme.get_by_label("To part").select_option("2")
    programme.get_by_label("To day").fill(day(127))
    programme.get_by_label("New start").fill("10:00")
    programme.get_by_label("New end").fill("12:00")
    programme.get_by_role("button", name="Move the slot", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("The slot is moved to")
    release = page.get_by_role("region", name="Release the programme")
    release.get_by_label("Note on this version").fill("Part 2 moved by a week.")
    release.get_by_role("button", name="Release the next version").click()
    expect(page.get_by_role("status")).to_have_text(
        "Version 2 of the programme of work is released."
    )
    page.get_by_role("link", name="The meeting's page").click()
    expect(page.locator(".plan-changes")).to_contain_text("Previously planned for")
    expect(page.locator(".plan-changes")).to_contain_text(
        "The conference rooms are taken that week."
    )
    meeting = Meeting.objects.get(code="14MSP")
    assert meeting.parts.get(number=2).starts_on == today + timedelta(days=127)
    expect(page.locator("p.release")).to_contain_text("Version 2, released on")
    page.get_by_role("link", name="Every version and what changed").click()
    moved = page.locator("#version-2 .changes")
    expect(moved).to_contain_text("Slot moved from part 2,")
    expect(moved).to_contain_text("10:00\u201312:00 to part 2,")
    expect(page.locator("#version-2")).to_contain_text("Part 2 moved by a week.")
    expect(page.locator("#version-1")).to_contain_text("The first version.")

    make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    context = browser.new_context(locale="en-GB")
    peru = context.new_page()
    peru.base_url = live_server.url
    _sign_in(peru, "peru_focal", "/ccm/meetings/14MSP/registration/")
    expect(peru.get_by_role("heading", level=1)).to_have_text("Delegation of Peru")
    peru.get_by_role("button", name="Add a member").click()
    peru.get_by_role("button", name="Add a member").click()
    for n in range(1, 9):
        peru.get_by_label(f"Role {n}", exact=True).select_option("head" if n == 1 else "adviser")
        peru.get_by_label(f"Name {n}", exact=True).fill(f"Delegate {n}")
        peru.get_by_label(f"E-mail {n}", exact=True).fill(f"delegate{n}@example.org")
    peru.get_by_role("button", name="Register the delegation").click()
    expect(peru.get_by_role("status")).to_have_text(
        "Fourteenth Meeting of States Parties: the delegation of Peru is registered."
    )
    delegation = meeting.delegations.get(state__iso3="PER")
    assert delegation.members.count() == 8

    peru.goto(peru.base_url + "/ccm/meetings/14MSP/registration/")
    peru.get_by_label("Role 2", exact=True).select_option("head")
    peru.get_by_role("button", name="Save the delegation").click()
    expect(peru.get_by_role("alert").first).to_have_text(
        "a delegation has exactly one head of delegation"
    )
    assert delegation.members.filter(role="head").count() == 1
    context.close()
