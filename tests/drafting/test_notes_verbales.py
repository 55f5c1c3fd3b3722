"""Notes verbales of the Secretariat: drafted from the records (seed 004's convening note,
a reminder of registration, a reminder of the annual transparency report), edited and
recorded as sent with their reference; a note recorded as sent is on the meeting page."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from plenary.drafting import content, letters, selectors, services
from plenary.drafting.models import Dispatch, DispatchForm
from plenary.meetings import selectors as meetings
from tests.conftest import client_for, token_client

REFERENCE = "ODA-2020-00130-CCM"
# Seed 004, its third paragraph: the mandate.
SEED_004_MANDATE = (
    "By operative paragraph 8 of resolution 74/62, the General Assembly requested the"
    " Secretary-General to convene the Second Review Conference of States Parties to the"
    " Convention on Cluster Munitions."
)


@pytest.fixture
def conference(ccm):
    return meetings.meeting_by_reference("2RC", convention=ccm)


def test_convening_note_body_is_drafted_and_framed_again(conference):
    records = selectors.convening_records(meeting=conference, on=date(2020, 3, 4))
    drafted = content.convening_note(records, reference=REFERENCE)

    body = letters.note_body(drafted)

    assert SEED_004_MANDATE in body.split("\n\n")
    edited = content.convening_note(
        records, reference=REFERENCE, body=body.replace(SEED_004_MANDATE, "Edited.")
    )
    texts = [block.text for block in edited.blocks]
    assert texts[:2] == ["UN OFFICE FOR DISARMAMENT AFFAIRS", f"REFERENCE: {REFERENCE}"]
    assert "Edited." in texts and SEED_004_MANDATE not in texts


@pytest.mark.parametrize("kind", ["registration", "transparency"])
def test_reminders_are_drafted_from_the_records(conference, kind):
    records = selectors.convening_records(meeting=conference, on=date(2020, 3, 4))

    texts = [b.text for b in content.convening_note(records, reference="R", kind=kind).blocks]

    assert texts[1] == "REFERENCE: R"
    assert texts[-1] == "4 March 2020"
    if kind == "registration":
        assert any("should be submitted by Monday 25 May 2020" in text for text in texts)
    else:
        assert any("no later than 30 April 2020" in text for text in texts)


def test_a_note_recorded_as_sent_appears_on_the_meeting_page(conference, secretariat):
    client = client_for(secretariat)
    url = f"/ccm/meetings/{conference.code}/note-verbale/?kind=convening&date=2020-03-04"
    page = client.get(url + f"&reference={REFERENCE}")
    assert page.status_code == 200
    body = page.context["form"].initial["body"]
    assert SEED_004_MANDATE in body

    posted = client.post(
        url,
        {
            "reference": REFERENCE,
            "sent_on": "2020-03-04",
            "addressees": "The Permanent Representatives of Member and Observer States",
            "body": body,
            "action": "record",
        },
    )

    assert posted.status_code == 302
    (note,) = Dispatch.objects.all()
    assert (note.form, note.reference, note.sent_on) == (
        DispatchForm.NOTE_VERBALE,
        REFERENCE,
        date(2020, 3, 4),
    )
    meeting_page = client_for(None).get(f"/ccm/meetings/{conference.code}/").content.decode()
    assert REFERENCE in meeting_page
    assert "4 March 2020" in meeting_page


def test_a_note_needs_its_reference_and_the_secretariat(conference, secretariat, president):
    with pytest.raises(ValidationError) as refusal:
        services.record_note_verbale_sent(
            meeting=conference, kind="convening", reference=" ", sent_on=date(2020, 3, 4),
            addressees="All", body="Text.", by=secretariat,
        )  # fmt: skip
    assert "reference" in refusal.value.message_dict
    assert (
        client_for(president).get(f"/ccm/meetings/{conference.code}/note-verbale/").status_code
        == 403
    )
    api = token_client(president)
    refused = api.post(
        f"/api/v1/ccm/meetings/{conference.code}/notes-verbales",
        {
            "kind": "convening",
            "reference": "R",
            "sent_on": "2020-03-04",
            "addressees": ["A"],
            "body": "B",
        },
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert not Dispatch.objects.exists()


def test_note_api_drafts_and_records(conference, secretariat):
    api = token_client(secretariat)
    base = f"/api/v1/ccm/meetings/{conference.code}/notes-verbales"
    draft = api.get(f"{base}/draft?kind=convening&on=2020-03-04&reference={REFERENCE}")
    assert draft.status_code == 200
    assert SEED_004_MANDATE in draft.json()["body"]
    recorded = api.post(
        base,
        {
            "kind": "convening",
            "reference": REFERENCE,
            "sent_on": "2020-03-04",
            "addressees": ["All"],
            "body": draft.json()["body"],
        },
        content_type="application/json",
    )
    assert recorded.status_code == 201, recorded.content
    assert recorded.json()["form"] == "note_verbale"


def _record_notes(conference, secretariat, count):
    for number in range(count):
        services.record_note_verbale_sent(
            meeting=conference, kind="registration", reference=f"R-{number}",
            sent_on=date(2020, 5, 1), addressees="All", body="Text.", by=secretariat,
        )  # fmt: skip


def test_meeting_page_lists_notes_in_constant_queries(
    conference, secretariat, django_assert_max_num_queries
):
    client = client_for(secretariat)
    _record_notes(conference, secretariat, 1)
    with django_assert_max_num_queries(60) as one:
        client.get(f"/ccm/meetings/{conference.code}/")
    _record_notes(conference, secretariat, 4)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(f"/ccm/meetings/{conference.code}/")
    assert page.content.decode().count("R-") >= 5


def test_note_verbale_page_runs_a_fixed_number_of_queries(
    conference, secretariat, django_assert_max_num_queries
):
    client = client_for(secretariat)
    with django_assert_max_num_queries(25):
        page = client.get(f"/ccm/meetings/{conference.code}/note-verbale/?kind=registration")
    assert page.status_code == 200
