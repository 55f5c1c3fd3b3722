"""The President's letters of seeds 001 and 002 drafted from the records: the silence
procedure that moved the First Preparatory Meeting and the written consultation on the
action plan. The paragraphs the records state are compared word for word."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.action_plan.models import Consultation
from plenary.decisions.models import SilenceProcedure
from plenary.drafting import letters, render, selectors, services
from plenary.drafting.models import Closing, Dispatch, LetterKind
from plenary.meetings import selectors as meetings
from tests.conftest import client_for
from tests.drafting import seed_letters as seed


@pytest.fixture
def conference(ccm):
    return meetings.meeting_by_reference("2RC", convention=ccm)


@pytest.fixture
def letterhead(conference, president):
    return services.set_letterhead(
        meeting=conference,
        lines=seed.LETTERHEAD,
        reference=seed.REFERENCE,
        reference_label=seed.REFERENCE_LABEL,
        place="Geneva",
        signature=seed.SIGNATURE,
        by=president,
    )


def _new_date_procedure():
    return SilenceProcedure.objects.get(
        subject="Date of the First Preparatory Meeting: 29 June 2020"
    )


def test_seed_001_silence_result_is_drafted_from_the_procedure(conference, letterhead):
    records = selectors.letter_records(
        meeting=conference, on=date(2020, 6, 18), procedure_id=_new_date_procedure().pk
    )

    body = letters.letter_body(records, kind=LetterKind.SILENCE_RESULT)

    paragraphs = letters.paragraphs_of(body)
    assert paragraphs[0] == seed.SEED_001_CAPACITY + "."
    assert paragraphs[1] == seed.SEED_001_RESULT
    drafted = letters.letter(
        records,
        kind=LetterKind.SILENCE_RESULT,
        body=body,
        closing=Closing.HIGHEST_CONSIDERATION,
    )
    texts = [block.text for block in drafted.blocks]
    assert texts[:5] == seed.LETTERHEAD.splitlines()
    assert texts[5:9] == [
        *seed.ADDRESSEES,
        f"{seed.REFERENCE_LABEL} {seed.REFERENCE}",
        seed.SEED_001_DATELINE,
    ]
    assert texts[9] == "Excellencies, dear colleagues,"
    assert seed.CLOSING in texts
    assert texts[-4:] == seed.SIGNATURE.splitlines()
    assert drafted.missing == []
    assert render.to_docx(drafted).startswith(b"PK")


def test_seed_002_consultation_is_drafted_from_the_consultation(conference, letterhead):
    consultation = Consultation.objects.get(title="Concept note on the Lausanne Action Plan (LAP)")
    records = selectors.letter_records(
        meeting=conference, on=date(2020, 5, 15), consultation_id=consultation.pk
    )

    body = letters.letter_body(records, kind=LetterKind.CONSULTATION)

    paragraphs = letters.paragraphs_of(body)
    expected_opening = seed.SEED_002_OPENING
    for words in seed.SEED_002_NOT_IN_RECORDS:
        expected_opening = expected_opening.replace(words, "")
    assert paragraphs[0] == expected_opening
    assert paragraphs[1] == seed.SEED_002_CONSULTATION
    drafted = letters.letter(records, kind=LetterKind.CONSULTATION, body=body)
    texts = [block.text for block in drafted.blocks]
    assert seed.SEED_002_DATELINE in texts
    # The consultation's questions are annexed, under its title.
    assert "Concept note on the Lausanne Action Plan (LAP)" in texts
    assert any(
        text.startswith("1. What should be the main objective of the LAP?") for text in texts
    )


def test_a_letter_recorded_as_sent_is_listed_on_the_meeting_page(conference, letterhead, president):
    procedure = _new_date_procedure()
    records = selectors.letter_records(
        meeting=conference, on=date(2020, 6, 18), procedure_id=procedure.pk
    )
    body = letters.letter_body(records, kind=LetterKind.SILENCE_RESULT)
    edited = body + "\n\nI look forward to meeting with you on this occasion."

    letter = services.record_letter_sent(
        meeting=conference,
        kind=LetterKind.SILENCE_RESULT,
        sent_on=date(2020, 6, 18),
        addressees="\n".join(seed.ADDRESSEES),
        body=edited,
        closing=Closing.HIGHEST_CONSIDERATION,
        silence_procedure=procedure,
        by=president,
    )

    assert letter.reference == seed.REFERENCE
    assert letter.body.endswith("meeting with you on this occasion.")
    page = client_for(president).get(f"/ccm/meetings/{conference.code}/")
    assert page.status_code == 200
    assert seed.REFERENCE in page.content.decode()
    assert "18 June 2020" in page.content.decode()


def test_only_the_presidency_records_a_letter(conference, secretariat):
    with pytest.raises(PermissionDenied):
        services.record_letter_sent(
            meeting=conference,
            kind=LetterKind.FREE,
            sent_on=date(2020, 6, 18),
            addressees="All",
            body="Text.",
            by=secretariat,
        )
    assert not Dispatch.objects.exists()


def test_an_annex_must_be_a_document_of_the_meeting(conference, president):
    with pytest.raises(ValidationError) as refusal:
        services.record_letter_sent(
            meeting=conference,
            kind=LetterKind.FREE,
            sent_on=date(2020, 6, 18),
            addressees="All",
            body="Text.",
            annexes=["XYZ/1"],
            by=president,
        )
    assert "annexes" in refusal.value.message_dict


def test_letter_page_drafts_edits_and_records_for_the_president(conference, letterhead, president):
    procedure = _new_date_procedure()
    client = client_for(president)
    url = f"/ccm/meetings/{conference.code}/letter/"
    query = f"?kind=silence_result&date=2020-06-18&procedure={procedure.pk}"

    page = client.get(url + query)

    assert page.status_code == 200
    assert seed.SEED_001_RESULT in page.content.decode()
    body = page.context["form"].initial["body"]
    posted = client.post(
        url + query,
        {
            "sent_on": "2020-06-18",
            "addressees": "\n".join(seed.ADDRESSEES),
            "body": body + "\n\nI look forward to meeting with you on this occasion.",
            "closing": "highest_consideration",
            "action": "record",
        },
    )
    assert posted.status_code == 302
    (letter,) = Dispatch.objects.all()
    assert letter.silence_procedure == procedure
    assert letter.sent_on == date(2020, 6, 18)
    meeting_page = client.get(f"/ccm/meetings/{conference.code}/").content.decode()
    assert "Letters and notes verbales sent" in meeting_page
    assert seed.REFERENCE in meeting_page


def test_letter_page_refuses_the_secretariat(conference, secretariat):
    assert (
        client_for(secretariat).get(f"/ccm/meetings/{conference.code}/letter/").status_code == 403
    )


def test_letter_api_drafts_and_records(conference, letterhead, president):
    from tests.conftest import token_client

    api = token_client(president)
    procedure = _new_date_procedure()
    base = f"/api/v1/ccm/meetings/{conference.code}"

    draft = api.get(
        f"{base}/letters/draft?kind=silence_result&on=2020-06-18&silence_procedure={procedure.pk}"
    )

    assert draft.status_code == 200
    assert seed.SEED_001_RESULT in draft.json()["body"]
    recorded = api.post(
        f"{base}/letters",
        {
            "kind": "silence_result",
            "sent_on": "2020-06-18",
            "addressees": seed.ADDRESSEES,
            "body": draft.json()["body"],
            "silence_procedure": procedure.pk,
        },
        content_type="application/json",
    )
    assert recorded.status_code == 201, recorded.content
    assert recorded.json()["reference"] == seed.REFERENCE
    listed = api.get(f"{base}/dispatches").json()
    assert [item["sent_on"] for item in listed["items"]] == ["2020-06-18"]
    refused = api.post(
        f"{base}/letters",
        {"kind": "nonsense", "sent_on": "2020-06-18", "addressees": ["A"], "body": "B"},
        content_type="application/json",
    )
    assert refused.status_code == 422


def test_a_broken_procedure_run_in_the_test_is_drafted_from_its_record(
    conference, president, peru_delegate
):
    from datetime import timedelta

    from django.utils import timezone

    from plenary.decisions import services as decisions
    from plenary.treaties.models import State

    today = timezone.localdate()
    procedure = decisions.circulate_silence_procedure(
        convention=conference.convention,
        subject="Dates of the next meeting",
        circulated_on=today,
        deadline_on=today + timedelta(days=7),
        now=timezone.now(),
        meeting=conference,
        by=president,
    )
    decisions.break_silence(
        procedure=procedure,
        state=State.objects.get(iso3="PER"),
        reason="We propose other dates.",
        now=timezone.now(),
        by=peru_delegate,
    )
    decisions.conclude_silence_procedure(
        procedure=procedure, now=procedure.deadline + timedelta(seconds=1)
    )
    records = selectors.letter_records(meeting=conference, on=today, procedure_id=procedure.pk)

    paragraphs = letters.paragraphs_of(letters.letter_body(records, kind=LetterKind.SILENCE_RESULT))

    assert paragraphs[1] == (
        'As indicated by the Secretariat, the silence procedure on the proposal "Dates of the'
        ' next meeting" was broken by Peru; the proposal is not adopted.'
    )


def test_letter_page_runs_a_fixed_number_of_queries(
    conference, letterhead, president, django_assert_max_num_queries
):
    procedure = _new_date_procedure()
    client = client_for(president)
    with django_assert_max_num_queries(30):
        page = client.get(
            f"/ccm/meetings/{conference.code}/letter/?kind=silence_result&procedure={procedure.pk}"
        )
    assert page.status_code == 200


def test_the_2rc_letterhead_ships_as_reference_data(conference):
    records = selectors.letter_records(meeting=conference, on=date(2020, 6, 18))

    assert records.letterhead.reference == seed.REFERENCE
    assert records.letterhead.reference_label == seed.REFERENCE_LABEL
    assert records.letterhead.lines.splitlines() == seed.LETTERHEAD.splitlines()
    assert records.letterhead.signature.splitlines() == seed.SIGNATURE.splitlines()


def test_letter_command_drafts_from_the_records(conference):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command(
        "letter", "2RC", "--kind", "silence_result", "--procedure",
        str(_new_date_procedure().pk), "--date", "2020-06-18", stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert seed.SEED_001_RESULT in text
    assert f"{seed.REFERENCE_LABEL} {seed.REFERENCE}" in text
    assert seed.CLOSING in text


def test_seed_000_next_steps_is_drafted_from_the_procedure_and_the_programme(conference, president):
    """Seed 000: the opening and the result of the silence procedure of 6 to 10 November
    2020 from the records; the rest is the President's own words; the programme of the
    first part annexed."""
    services.set_letterhead(
        meeting=conference,
        lines=seed.SEED_000_LETTERHEAD,
        reference=seed.REFERENCE,
        reference_label=seed.SEED_000_REFERENCE_LABEL,
        place="Geneva",
        signature=seed.SIGNATURE,
        by=president,
    )
    procedure = SilenceProcedure.objects.get(circulated_on=date(2020, 11, 6))
    records = selectors.letter_records(
        meeting=conference, on=date(2020, 11, 12), procedure_id=procedure.pk
    )

    drafted_body = letters.paragraphs_of(letters.letter_body(records, kind=LetterKind.NEXT_STEPS))

    assert drafted_body[0] == seed.SEED_000_BODY[0]
    first_sentence = seed.SEED_000_BODY[1].split(" The first part of")[0]
    for drafted_words, presidents in seed.SEED_000_PRESIDENTS_EDITS:
        first_sentence = first_sentence.replace(presidents, drafted_words)
    assert drafted_body[1] == first_sentence
    # The President edits: their own words, the drafted paragraphs kept as edited.
    body = "\n\n".join(seed.SEED_000_BODY)
    part = conference.parts.get(number=1)
    drafted = letters.letter(
        records,
        kind=LetterKind.NEXT_STEPS,
        body=body,
        closing=Closing.SINCERELY,
        programme_part=part,
        days=selectors.programme_records(part=part),
    )
    texts = [block.text for block in drafted.blocks]
    assert texts[:5] == seed.SEED_000_LETTERHEAD.splitlines()
    assert texts[5:9] == [
        *seed.ADDRESSEES,
        f"{seed.SEED_000_REFERENCE_LABEL} {seed.REFERENCE}",
        seed.SEED_000_DATELINE,
    ]
    start = texts.index("Excellencies, dear colleagues,") + 1
    assert texts[start : start + 6] == seed.SEED_000_BODY
    assert texts[start + 6] == "Yours sincerely,"
    assert "Provisional Programme of work" in texts or any(
        text.lower().startswith("provisional programme of work") for text in texts
    )


def test_convening_postponement_and_free_bodies_are_drafted_from_the_records(
    conference, letterhead
):
    """The three kinds the seeds do not show: the convening information gives the parts as
    planned on the letter's date, the proposal to postpone names the meeting the procedure
    moves and its new date, and a free letter is the opening and the closing paragraph."""
    procedure = _new_date_procedure()

    def body(kind, on, **ids) -> list[str]:
        records = selectors.letter_records(meeting=conference, on=on, **ids)
        return letters.paragraphs_of(letters.letter_body(records, kind=kind))

    drafted = {
        "convening": body(LetterKind.CONVENING, date(2020, 10, 1)),
        "postponement": body(LetterKind.POSTPONEMENT, date(2020, 6, 1), procedure_id=procedure.pk),
        "free": body(LetterKind.FREE, date(2020, 10, 1)),
    }
    opening = (
        "It is my pleasure to write to you in my capacity as President of the Second Review"
        " Conference of the Convention on Cluster Munitions (CCM)"
    )
    # On both days the records planned the Conference in Lausanne (data/ccm/meetings.json).
    preparation = (
        f"{opening}, to share some important information regarding the preparation process"
        " to this event, to be held in Lausanne from 23rd to 27th November 2020."
    )
    closing = "I look forward to continuing our collaboration towards the Second Review Conference."
    assert drafted == {
        "convening": [
            preparation,
            "The Second Review Conference will be held from 23 to 27 November 2020 at the"
            " SwissTech Convention Center in Lausanne.",
            closing,
        ],
        "postponement": [
            preparation,
            "I propose to postpone the First Preparatory Meeting of the Second Review"
            " Conference. I kindly ask you to save the date of 29th June 2020. A silence"
            " procedure will then be launched to take a formal decision.",
            closing,
        ],
        "free": [f"{opening}.", closing],
    }
