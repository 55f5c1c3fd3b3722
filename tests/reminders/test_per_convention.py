"""Reminders name their convention, and "all States Parties" means that convention's on
the deadline's day: a State party only to the APMBC gets no CCM reminder."""

from datetime import date

from django.core import mail

from plenary.reminders import selectors, services
from plenary.rules.reminders import Bound, Deadline
from tests.apmbc_only import APMBC_ONLY, apmbc_only_delegate
from tests.conftest import client_for
from tests.reminders.conftest import geneva


def _all_parties(convention: str, day: date) -> Deadline:
    return Deadline.by_end_of(
        key=f"test:{convention}:{day}",
        kind="silence_procedure",
        day=day,
        time_zone="Europe/Zurich",
        subject="A proposal",
        bound=Bound.states_parties(),
        convention=convention,
    )


def test_all_states_parties_are_those_of_the_deadlines_convention(ccm, peru_delegate):
    outsider = apmbc_only_delegate()
    ccm_deadline = _all_parties("CCM", date(2021, 6, 1))
    apmbc_deadline = _all_parties("APMBC", date(2021, 6, 1))

    found = selectors.recipients([ccm_deadline, apmbc_deadline])

    assert peru_delegate in found[ccm_deadline.key]
    assert outsider not in found[ccm_deadline.key]
    assert outsider in found[apmbc_deadline.key]


def test_all_states_parties_on_the_deadlines_day(ccm):
    outsider = apmbc_only_delegate()  # party to the APMBC from 1 July 2015
    before = _all_parties("APMBC", date(2015, 6, 30))
    after = _all_parties("APMBC", date(2015, 7, 1))

    found = selectors.recipients([before, after])

    assert outsider not in found[before.key]
    assert outsider in found[after.key]


def test_apmbc_only_state_reminded_of_its_apmbc_report_only(ccm, peru_delegate):
    outsider = apmbc_only_delegate()

    services.send_due_reminders(now=geneva(2021, 4, 29, 9))

    to_outsider = [m.subject for m in mail.outbox if m.to == [outsider.email]]
    assert to_outsider == [
        f"Reminder: APMBC: Test State {APMBC_ONLY}: Article 7 annual report covering 2020,"
        " due 30 April 2021"
    ]
    to_peru = [m.subject for m in mail.outbox if m.to == [peru_delegate.email]]
    assert all(subject.startswith("Reminder: CCM: ") for subject in to_peru)
    [body] = [m.body for m in mail.outbox if m.to == [outsider.email]]
    assert body.startswith(
        f"APMBC: Test State {APMBC_ONLY}: Article 7 annual report covering 2020\n"
    )


def test_api_and_feed_rows_name_their_convention(ccm):
    apmbc_only_delegate()
    rows = (
        client_for(None)
        .get(f"/api/v1/deadlines?start=2021-04-01&end=2021-05-31&state={APMBC_ONLY}")
        .json()["items"]
    )
    assert [(row["convention"], row["subject"]) for row in rows] == [
        ("APMBC", f"Test State {APMBC_ONLY}: Article 7 annual report covering 2020")
    ]
