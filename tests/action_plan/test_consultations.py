import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from plenary.action_plan import render, selectors, services
from plenary.action_plan.models import Answer, Contribution, Coordination, ThematicArea
from plenary.core.models import Role
from plenary.treaties.models import State
from tests.action_plan.conftest import at
from tests.conftest import make_user, the_ccm
from tests.documents.conftest import PDF

OPEN_DAY = date(2030, 6, 10)


def _questions(consultation):
    record = selectors.consultation_record(convention=the_ccm(), pk=consultation.pk)
    return [q for s in record.sections.all() for q in s.questions.all()]


def _docx_text(body: bytes) -> str:
    return "\n".join(p.text for p in WordDocument(io.BytesIO(body)).paragraphs)


def test_contribution_is_submitted_then_edited_by_its_author(open_consultation, peru_delegate):
    first, second, _ = _questions(open_consultation)
    services.submit_contribution(
        consultation=open_consultation,
        answers={first.pk: "Peru's first answer", second.pk: "Peru's second"},
        by=peru_delegate,
        now=at(OPEN_DAY),
    )
    services.submit_contribution(
        consultation=open_consultation,
        answers={first.pk: "Peru's first answer, revised", second.pk: ""},
        by=peru_delegate,
        now=at(date(2030, 6, 30), "23:59:59"),
    )
    contribution = Contribution.objects.get()
    assert contribution.state.iso3 == "PER"
    assert contribution.updated_at == at(date(2030, 6, 30), "23:59:59")
    assert [(a.question.number, a.text) for a in contribution.answers.all()] == [
        (1, "Peru's first answer, revised")
    ]


def test_contribution_after_the_deadline_is_refused(open_consultation, peru_delegate):
    first = _questions(open_consultation)[0]
    with pytest.raises(ValidationError) as error:
        services.submit_contribution(
            consultation=open_consultation,
            answers={first.pk: "Too late"},
            by=peru_delegate,
            now=at(date(2030, 7, 1), "00:00:00"),
        )
    assert error.value.message_dict == {
        "deadline": [
            "the deadline for contributions was 23:59:59 on 30 June 2030 (Europe/Zurich time);"
            " contributions can no longer be made or changed"
        ]
    }
    assert not Contribution.objects.exists()


def test_seed_002_consultation_is_closed_since_8_june_2020(seed_consultation, peru_delegate):
    first = _questions(seed_consultation)[0]
    with pytest.raises(ValidationError) as error:
        services.submit_contribution(
            consultation=seed_consultation,
            answers={first.pk: "Late"},
            by=peru_delegate,
            now=at(date(2020, 6, 9), "00:00:00"),
        )
    assert error.value.messages == [
        "the deadline for contributions was 23:59:59 on 8 June 2020 (Europe/Zurich time);"
        " contributions can no longer be made or changed"
    ]


def test_contribution_by_another_role_or_for_a_question_elsewhere_is_refused(
    open_consultation, seed_consultation, peru_delegate, observer
):
    with pytest.raises(PermissionDenied):
        services.submit_contribution(
            consultation=open_consultation, answers={}, by=observer, now=at(OPEN_DAY)
        )
    elsewhere = _questions(seed_consultation)[0]
    with pytest.raises(ValidationError) as error:
        services.submit_contribution(
            consultation=open_consultation,
            answers={elsewhere.pk: "x"},
            by=peru_delegate,
            now=at(OPEN_DAY),
        )
    assert error.value.message_dict == {
        "answers": [f"question {elsewhere.pk} is not a question of this consultation"]
    }
    assert not Answer.objects.exists()


def test_second_delegate_of_the_same_state_may_not_edit_the_first_ones(
    open_consultation, peru_delegate
):
    first = _questions(open_consultation)[0]
    services.submit_contribution(
        consultation=open_consultation, answers={first.pk: "A"}, by=peru_delegate, now=at(OPEN_DAY)
    )
    colleague = make_user("peru_colleague", Role.DELEGATION, "PER")
    with pytest.raises(PermissionDenied) as error:
        services.submit_contribution(
            consultation=open_consultation, answers={first.pk: "B"}, by=colleague, now=at(OPEN_DAY)
        )
    assert str(error.value) == (
        "the contribution of Peru was submitted by peru_delegate; only its author edits it"
    )


def test_attachment_that_is_not_what_its_name_says_is_refused(open_consultation, peru_delegate):
    first = _questions(open_consultation)[0]
    fake = SimpleUploadedFile("views.pdf", b"not a pdf at all")
    with pytest.raises(ValidationError) as error:
        services.submit_contribution(
            consultation=open_consultation,
            answers={first.pk: "A"},
            attachment=fake,
            by=peru_delegate,
            now=at(OPEN_DAY),
        )
    assert error.value.message_dict == {
        "attachment": [
            "views.pdf: the file's name says PDF, but its content is neither PDF nor Word"
        ]
    }
    assert not Contribution.objects.exists()


def test_attachment_is_stored_with_its_digest(open_consultation, peru_delegate, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = _questions(open_consultation)[0]
    contribution = services.submit_contribution(
        consultation=open_consultation,
        answers={first.pk: "A"},
        attachment=SimpleUploadedFile("views.pdf", PDF),
        by=peru_delegate,
        now=at(OPEN_DAY),
    )
    assert contribution.attachment_name == "views.pdf"
    assert contribution.attachment.read() == PDF
    assert len(contribution.attachment_sha256) == 64


def test_visibility_presidency_shows_others_only_their_own(
    open_consultation, peru_delegate, chile_delegate, president, observer
):
    first = _questions(open_consultation)[0]
    for user, text in ((peru_delegate, "Peru says"), (chile_delegate, "Chile says")):
        services.submit_contribution(
            consultation=open_consultation, answers={first.pk: text}, by=user, now=at(OPEN_DAY)
        )
    seen = {
        name: [
            c.contributor
            for c in selectors.visible_contributions(consultation=open_consultation, user=user)
        ]
        for name, user in (("president", president), ("peru", peru_delegate), ("obs", observer))
    }
    assert seen == {"president": ["Peru", "Chile"], "peru": ["Peru"], "obs": []}
    open_consultation.visibility = "signed_in"
    open_consultation.save()
    assert len(selectors.visible_contributions(consultation=open_consultation, user=observer)) == 2


def test_organisation_contributes_and_appears_in_the_compiled_docx(
    open_consultation, peru_delegate, president, ccm
):
    delegate = make_user("icrc_delegate", Role.DELEGATION, organisation="ICRC")
    first = _questions(open_consultation)[0]
    services.submit_contribution(
        consultation=open_consultation,
        answers={first.pk: "ICRC view"},
        by=delegate,
        now=at(OPEN_DAY),
    )
    services.submit_contribution(
        consultation=open_consultation,
        answers={first.pk: "Peru view"},
        by=peru_delegate,
        now=at(OPEN_DAY),
    )
    record = selectors.consultation_record(convention=the_ccm(), pk=open_consultation.pk)
    questions, contributions = selectors.compiled(consultation=record, user=president)
    assert [(a.contributor, a.text) for a in questions[0].answers] == [
        ("International Committee of the Red Cross", "ICRC view"),
        ("Peru", "Peru view"),
    ]
    text = _docx_text(
        render.compiled_docx(consultation=record, questions=questions, contributions=contributions)
    )
    assert "Question 1. First?" in text
    assert "Peru (submitted by peru_delegate): Peru view" in text
    assert (
        "International Committee of the Red Cross (submitted by icrc_delegate): ICRC view" in text
    )


def test_moving_the_deadline_reopens_the_seed_consultation(seed_consultation, president):
    services.move_consultation_deadline(
        consultation=seed_consultation,
        deadline_on=date(2030, 1, 31),
        reason="More time for the Delegations",
        now=at(date(2029, 1, 1)),
        by=president,
    )
    deadlines = selectors.open_consultation_deadlines(now=at(date(2029, 12, 1)))
    assert [(d["consultation"].pk, d["deadline"]) for d in deadlines] == [
        (seed_consultation.pk, at(date(2030, 1, 31), "23:59:59"))
    ]
    assert deadlines[0]["addressees"].startswith("The Permanent Missions")
    assert selectors.open_consultation_deadlines(now=at(date(2030, 2, 1))) == []


def test_consultation_deadline_already_past_is_refused(ccm, president):
    with pytest.raises(ValidationError) as error:
        services.issue_consultation(
            convention=ccm,
            title="T",
            issued_by="P",
            issued_on=date(2020, 1, 1),
            deadline_on=date(2020, 1, 31),
            addressees="States Parties",
            source="t",
            sections=[services.SectionSpec("I", "One", [services.QuestionSpec("Q?")])],
            now=at(date(2020, 2, 1)),
            by=president,
        )
    assert error.value.message_dict == {
        "deadline": [
            "the deadline 23:59:59 on 31 January 2020 (Europe/Zurich time) has already passed"
        ]
    }


def test_coordinator_term_that_ends_before_it_starts_is_refused(ccm, secretariat):
    area = ThematicArea.objects.get(slug="victim-assistance")
    before = Coordination.objects.count()
    with pytest.raises(ValidationError) as error:
        services.record_coordination(
            area=area,
            states=[State.objects.get(iso3="PER")],
            term_from=date(2022, 1, 1),
            term_to=date(2021, 12, 31),
            source="test",
            by=secretariat,
        )
    assert error.value.message_dict == {
        "term_to": ["the term ends on 31 December 2021, before it starts on 1 January 2022"]
    }
    assert Coordination.objects.count() == before
