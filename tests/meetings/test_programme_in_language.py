"""A programme of work is written in the reader's language (issue #27): the part's heading
and its days on the release page and from `plenary programme`, the plans in a replan's
e-mail in each recipient's language; the .docx drafts keep their document's language."""

from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from plenary.core import l10n
from plenary.drafting import content
from plenary.meetings import selectors, services
from plenary.meetings.models import Meeting
from plenary.meetings.render import part_heading
from tests.conftest import client_for
from tests.meetings.test_programme_releases import msp  # noqa: F401 (a fixture)


def _programme(language: str) -> list[str]:
    out = StringIO()
    with translation.override(language):
        call_command("programme", "2RC", "--part", "1", stdout=out)
    return out.getvalue().splitlines()


def test_the_programme_in_french(ccm):
    lines = _programme("fr")

    assert lines[1] == "1re partie : réunion virtuelle, 25-27 novembre 2020"
    assert lines[3] == "Programme de travail"
    assert "mercredi 25 novembre" in lines
    assert "jeudi 26 novembre" in lines


def test_the_programme_in_spanish_and_english(ccm):
    spanish, english = _programme("es"), _programme("en")

    assert spanish[1] == "1.ª parte: reunión virtual, 25 a 27 de noviembre de 2020"
    assert "miércoles 25 de noviembre" in spanish
    assert english[1] == "1st Part: virtual meeting, 25-27 November 2020"
    assert "Wednesday 25 November" in english


def test_the_headings_of_other_parts_in_french(ccm):
    meeting = Meeting.objects.get(convention=ccm, code="2RC")
    second = meeting.parts.get(number=2)

    with translation.override("fr"):
        heading = part_heading(second)

    assert heading == f"2e partie : réunion hybride, {_french_period(second)}"


def _french_period(part) -> str:
    with translation.override("fr"):
        return l10n.period(part.starts_on, part.ends_on)


def test_the_release_page_heads_each_part_in_french(ccm):
    page = client_for(None).get("/ccm/meetings/2RC/programme/1/", HTTP_ACCEPT_LANGUAGE="fr")

    assert "1re partie : réunion virtuelle, 25-27 novembre 2020" in page.content.decode()


def test_the_docx_programme_keeps_its_own_language(ccm):
    part = Meeting.objects.get(convention=ccm, code="2RC").parts.get(number=1)
    days = selectors.programme_of(part=part)

    with translation.override("fr"):
        drafted = content.programme(part, days)

    assert drafted.blocks[1].text == "1st Part: virtual meeting, 25-27 November 2020"


def test_a_replan_tells_a_french_speaking_delegation_in_french(
    msp,  # noqa: F811 (the fixture)
    secretariat,
    peru_focal_point,
    django_capture_on_commit_callbacks,
):
    peru_focal_point.language = "fr"
    peru_focal_point.save()
    services.register_delegation(
        meeting=msp,
        state=peru_focal_point.grants.get().state,
        members=[services.DelegateIn(role="head", name="A. Head", email="member@example.org")],
        now=timezone.now(),
        by=secretariat,
    )
    mail.outbox.clear()
    plan = [
        services.PartPlan.of(msp.parts.get(number=1)),
        services.PartPlan(2, date(2027, 11, 30), date(2027, 12, 1), format="virtual"),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        services.replan_meeting(
            meeting=msp, parts=plan, decided_by="silence procedure", reason="Rooms", by=secretariat
        )

    body = mail.outbox[0].body
    assert "partie 1 : 7-8 septembre 2027, en présentiel" in body, body
    assert "30 novembre-1er décembre 2027, virtuel" in body, body
