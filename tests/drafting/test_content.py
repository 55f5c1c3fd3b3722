from datetime import date

import pytest
from django.core.exceptions import ValidationError

from plenary.drafting import content, render, selectors, services, wording
from plenary.drafting.models import ReportText
from plenary.meetings import services as meetings
from tests.conftest import open_meeting, the_ccm
from tests.drafting.conftest import REPORT_DAY, drafted_report


def test_report_of_a_part_without_records_says_what_is_missing(ccm):
    meeting = open_meeting(ccm)
    drafted = drafted_report(reference=meeting.code)
    assert drafted.missing == [
        content.NO_PARTICIPANTS.format(number=1),
        content.NO_PLENARY_MEETINGS,
        content.NO_DOCUMENTS.format(number=1),
        content.NO_DECISIONS.format(number=1),
    ]
    text = render.to_text(drafted)
    assert f"[Missing: {content.NO_PLENARY_MEETINGS}]" in text
    assert content.NO_SYMBOL in text
    assert render.to_docx(drafted).startswith(b"PK")


def test_report_template_error_names_the_template_and_line(ccm, settings, tmp_path):
    broken = tmp_path / "drafting" / "ccm" / "en" / "report"
    broken.mkdir(parents=True)
    (broken / "work_opening.txt").write_text("On {{ part.starts_on|un_date }},\n{% if %}\n")
    settings.DRAFTING_TEMPLATE_DIRS = [str(tmp_path)]
    with pytest.raises(wording.TemplateError) as raised:
        drafted_report()
    assert str(raised.value).startswith("drafting/ccm/en/report/work_opening.txt, line 2: ")


def test_report_wording_comes_from_an_overriding_template(ccm, settings, tmp_path):
    own = tmp_path / "drafting" / "ccm" / "en" / "report"
    own.mkdir(parents=True)
    (own / "work_plenary_meetings.txt").write_text(
        "The {{ body }} met {{ part.plenary_meetings_held }} times."
    )
    settings.DRAFTING_TEMPLATE_DIRS = [str(tmp_path)]
    texts = [block.text for block in drafted_report().paragraphs]
    assert "The Conference met 9 times." in texts


def test_report_records_take_a_constant_number_of_queries(ccm):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = open_meeting(ccm)
    counts = []
    for reference in (small.code, "CCM/CONF/2020"):
        part = selectors.part_with_meeting(convention=the_ccm(), reference=reference, number=1)
        with CaptureQueriesContext(connection) as queries:
            content.report(selectors.report_records(part=part), kind="interim", on=REPORT_DAY)
        counts.append(len(queries))
    # An empty part (prefetches of nothing are skipped) and one with 86 delegations, five
    # requests and 30 documents: the count does not grow with the records.
    # The report as a document: one query, and one for its texts once issued; the
    # decisions of the part and their agenda items (skipped when there are none).
    assert counts == [22, 27]


def test_report_text_added_by_the_secretariat_is_placed_after_its_paragraph(ccm, secretariat):
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    services.add_report_text(
        part=part,
        section="work",
        after="work-opening",
        body="The President made an opening statement.",
        by=secretariat,
    )
    texts = [block.text for block in drafted_report().paragraphs]
    opening = next(i for i, text in enumerate(texts) if text.startswith("On 25 November 2020, the"))
    assert texts[opening + 1] == "The President made an opening statement."


def test_report_text_after_a_paragraph_not_drafted_ends_its_section(ccm, secretariat):
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    services.add_report_text(
        part=part, section="organization", after="no-such-paragraph", body="Kept.", by=secretariat
    )
    drafted = drafted_report()
    blocks = drafted.blocks
    work = next(i for i, b in enumerate(blocks) if b.text.startswith("III. Work"))
    assert blocks[work - 1].text == "Kept."


def test_report_text_refused_without_a_body(ccm, secretariat):
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    with pytest.raises(ValidationError) as raised:
        services.add_report_text(part=part, section="work", body="  ", by=secretariat)
    assert raised.value.message_dict == {"body": [services.BODY_REQUIRED]}
    assert not ReportText.objects.filter(body="").exists()


def test_report_text_refused_outside_the_part(ccm, secretariat):
    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    with pytest.raises(ValidationError) as raised:
        services.add_report_text(
            part=part, section="work", body="Text.", on=date(2020, 12, 1), by=secretariat
        )
    assert raised.value.message_dict == {
        "on": [
            services.DAY_OUTSIDE_PART.format(
                day=date(2020, 12, 1), number=1, starts=part.starts_on, ends=part.ends_on
            )
        ]
    }


def test_report_text_refused_for_a_delegation(ccm, peru_delegate):
    from django.core.exceptions import PermissionDenied

    part = selectors.part_with_meeting(convention=the_ccm(), reference="2RC", number=1)
    with pytest.raises(PermissionDenied):
        services.add_report_text(part=part, section="work", body="Text.", by=peru_delegate)


def test_report_text_change_keeps_the_earlier_wording_in_history(ccm, secretariat):
    text = ReportText.objects.get(after="work-plenary-meetings", position=2)
    services.change_report_text(text=text, body="Changed.", by=secretariat)
    assert [h.body for h in text.history.order_by("history_date")][-2:] == [
        "On the same day, Mr. Chue Por, a cluster munitions survivor, delivered a video message"
        " to the Conference.",
        "Changed.",
    ]


def test_reference_texts_load_twice_adds_nothing(ccm):
    from pathlib import Path

    from plenary.drafting.reference import load_report_texts

    before = ReportText.objects.count()
    data = Path(__file__).resolve().parents[2] / "data"
    assert (
        load_report_texts(convention=ccm, directory=data / "ccm")
        == "Drafting: 0 texts added by hand to reports."
    )
    assert ReportText.objects.count() == before == 9


def test_final_report_has_its_own_title(ccm):
    drafted = drafted_report(kind="final")
    assert drafted.title == "Final report of the Second Review Conference"


def test_report_of_a_meeting_of_states_parties_calls_it_the_meeting(ccm):
    meeting = open_meeting(ccm)
    part = meeting.parts.get()
    meetings.record_plenary_meetings_held(part=part, count=2)
    drafted = content.report(selectors.report_records(part=part), kind="interim", on=REPORT_DAY)
    texts = [block.text for block in drafted.paragraphs]
    assert "The Conference held two formal plenary meetings." not in texts
    assert "The Meeting held two formal plenary meetings." in texts


def test_decisions_recorded_for_a_convened_meeting_are_drafted_by_kind(ccm, secretariat):
    """The same templates draft a meeting convened here, whose decisions the Secretariat
    records through the services during the test, item by item."""
    from plenary.decisions import services as decisions

    meeting = open_meeting(ccm)
    part = meeting.parts.get()
    finance = meetings.add_agenda_item(
        meeting=meeting, number=9, title="Financial matters", by=secretariat
    )
    support = meetings.add_agenda_item(
        meeting=meeting, number=8, title="Implementation support", by=secretariat
    )
    decisions.record_decision(
        part=part,
        kind="approved",
        subject="the estimated costs of the next Meeting of States Parties",
        documents=["CCM/MSP/2030/WP.2"],
        agenda_items=[finance],
        by=secretariat,
    )
    decisions.record_decision(
        part=part,
        kind="took_note",
        subject="the annual report of the Implementation Support Unit",
        agenda_items=[support],
        by=secretariat,
    )
    decisions.record_decision(
        part=part, kind="welcomed", subject="the accession of a State", by=secretariat
    )
    drafted = content.report(selectors.report_records(part=part), kind="interim", on=REPORT_DAY)
    section = [block for block in drafted.paragraphs if block.section == "decisions"]
    assert [(block.key, block.text) for block in section] == [
        (
            "decision-8",
            "The Meeting took note of the annual report of the Implementation Support Unit.",
        ),
        (
            "decision-9",
            "The Meeting approved the estimated costs of the next Meeting of States Parties"
            " (CCM/MSP/2030/WP.2).",
        ),
        ("decision-other", "The Meeting welcomed the accession of a State."),
    ]
    assert content.NO_DECISIONS.format(number=1) not in drafted.missing
