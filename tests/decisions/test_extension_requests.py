from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.decisions import services
from plenary.decisions.models import ExtensionRequest
from plenary.treaties.models import Extension, Obligation
from tests.conftest import new_state


@pytest.fixture
def lebanon_clearance(ccm) -> Obligation:
    return Obligation.objects.get(state__iso3="LBN", kind="clearance")


@pytest.fixture
def test_obligation(ccm) -> Obligation:
    """An Article 3 obligation of a test State, deadline 1 March 2021, no extension."""
    from plenary.treaties.services import record_obligation, record_participation

    state = new_state("TST")
    record_participation(
        convention=ccm,
        state=state,
        signed_on=date(2008, 12, 3),
        deposited_on=date(2012, 9, 26),
        instrument="ratification",
    )
    return record_obligation(
        convention=ccm, state=state, kind="stockpile_destruction", source="test"
    )


def test_months_are_computed_from_the_requested_deadline(test_obligation, secretariat):
    request = services.submit_extension_request(
        obligation=test_obligation,
        by=secretariat,
        submitted_on=date(2020, 8, 1),
        requested_deadline=date(2024, 4, 1),
    )

    assert (request.current_deadline, request.requested_months) == (date(2021, 3, 1), 37)


def test_the_deadline_is_computed_from_months(test_obligation, secretariat):
    request = services.submit_extension_request(
        obligation=test_obligation, by=secretariat, submitted_on=date(2020, 8, 1), months=48
    )

    assert request.requested_deadline == date(2025, 3, 1)


def test_an_article_3_request_over_48_months_is_refused(test_obligation, secretariat):
    with pytest.raises(ValidationError) as error:
        services.submit_extension_request(
            obligation=test_obligation, by=secretariat, submitted_on=date(2020, 8, 1), months=49
        )

    assert error.value.message_dict == {
        "months": [
            "an extension under Article 3 may not exceed 4 years (48 months); 1 April 2025 is "
            "49 months after 1 March 2021"
        ]
    }
    assert not ExtensionRequest.objects.filter(obligation=test_obligation).exists()


def test_an_article_4_request_over_60_months_is_refused(lebanon_clearance, secretariat):
    with pytest.raises(ValidationError) as error:
        services.submit_extension_request(
            obligation=lebanon_clearance,
            by=secretariat,
            submitted_on=date(2020, 8, 1),
            current_deadline=date(2021, 5, 1),
            requested_deadline=date(2026, 5, 2),
        )

    assert error.value.message_dict == {
        "requested_deadline": [
            "an extension under Article 4 may not exceed 5 years (60 months); 2 May 2026 is "
            "more than 60 months after 1 May 2021"
        ]
    }


def test_deadline_and_months_together_are_refused(test_obligation, secretariat):
    with pytest.raises(ValidationError) as error:
        services.submit_extension_request(
            obligation=test_obligation,
            by=secretariat,
            submitted_on=None,
            months=12,
            requested_deadline=date(2022, 3, 1),
        )

    assert error.value.message_dict == {"requested_deadline": [services.DEADLINE_OR_MONTHS]}


def test_another_states_delegation_cannot_submit(lebanon_clearance, peru_delegate):
    with pytest.raises(PermissionDenied, match=str(services.NOT_YOUR_REQUEST)):
        services.submit_extension_request(
            obligation=lebanon_clearance, by=peru_delegate, submitted_on=None, months=12
        )


def test_a_current_deadline_never_in_force_is_refused(lebanon_clearance, secretariat):
    with pytest.raises(ValidationError) as error:
        services.submit_extension_request(
            obligation=lebanon_clearance,
            by=secretariat,
            submitted_on=None,
            months=12,
            current_deadline=date(2021, 6, 1),
        )

    assert list(error.value.message_dict) == ["current_deadline"]


def test_the_whole_workflow_grants_and_moves_the_deadline(
    test_obligation, secretariat, isu, president, review_conference
):
    part1, part2 = review_conference.parts.order_by("number")
    request = services.submit_extension_request(
        obligation=test_obligation,
        by=secretariat,
        submitted_on=date(2020, 8, 1),
        requested_deadline=date(2024, 4, 1),
        documents=["CCM/CONF/2020/MISC.1"],
    )
    services.record_analysis(
        request=request, analysis_document="CCM/CONF/2020/6", observations="Workable", by=isu
    )
    services.record_draft_decision(
        request=request, draft_decision_document="CCM/CONF/2020/CRP.4", by=president
    )
    services.recommend_extension(
        request=request,
        part=part1,
        until=date(2024, 4, 1),
        recommended_on=date(2020, 11, 27),
        conditions=["Progress made;", "Other relevant information."],
        by=secretariat,
    )

    decided = services.decide_extension_request(
        request=request,
        part=part2,
        decision="granted",
        decided_on=date(2021, 9, 21),
        by=secretariat,
    )

    test_obligation.refresh_from_db()
    assert test_obligation.current_deadline == date(2024, 4, 1)
    extension = Extension.objects.get(obligation=test_obligation)
    assert decided.extension == extension
    assert (extension.previous_deadline, extension.months) == (date(2021, 3, 1), 37)
    assert extension.conditions == "(a) Progress made;\n(b) Other relevant information."
    assert extension.decision_document == "CCM/CONF/2020/CRP.4"
    with pytest.raises(ValidationError) as error:
        services.decide_extension_request(request=request, part=part2, decision="refused")
    assert error.value.message_dict == {
        "decision": [services.ALREADY_DECIDED.format(decision="granted", day="21 September 2021")]
    }


def test_a_draft_decision_is_a_crp(test_obligation, secretariat):
    request = services.submit_extension_request(
        obligation=test_obligation, by=secretariat, submitted_on=None, months=12
    )

    with pytest.raises(ValidationError) as error:
        services.record_draft_decision(
            request=request, draft_decision_document="CCM/CONF/2020/6", by=secretariat
        )

    assert error.value.message_dict == {
        "draft_decision_document": [services.NOT_A_CRP.format(symbol="CCM/CONF/2020/6")]
    }


def test_a_refusal_leaves_the_deadline(test_obligation, secretariat, review_conference):
    part2 = review_conference.parts.get(number=2)
    request = services.submit_extension_request(
        obligation=test_obligation, by=secretariat, submitted_on=None, months=12
    )

    services.decide_extension_request(request=request, part=part2, decision="refused")

    test_obligation.refresh_from_db()
    assert test_obligation.current_deadline == date(2021, 3, 1)
    assert not Extension.objects.filter(obligation=test_obligation).exists()


def test_a_recommendation_beyond_the_request_is_refused(
    test_obligation, secretariat, review_conference
):
    request = services.submit_extension_request(
        obligation=test_obligation, by=secretariat, submitted_on=None, months=12
    )

    with pytest.raises(ValidationError) as error:
        services.recommend_extension(
            request=request,
            part=review_conference.parts.get(number=1),
            until=date(2022, 4, 1),
            by=secretariat,
        )

    assert error.value.message_dict == {
        "until": [services.BEYOND_REQUEST.format(day="1 April 2022", requested="1 March 2022")]
    }


def test_a_decision_day_outside_the_part_is_refused(
    test_obligation, secretariat, review_conference
):
    request = services.submit_extension_request(
        obligation=test_obligation, by=secretariat, submitted_on=None, months=12
    )

    with pytest.raises(ValidationError) as error:
        services.decide_extension_request(
            request=request,
            part=review_conference.parts.get(number=2),
            decision="granted",
            until=date(2022, 3, 1),
            decided_on=date(2021, 9, 22),
        )

    assert error.value.message_dict == {
        "decided_on": [
            services.DECIDED_OUTSIDE_PART.format(
                day="22 September 2021",
                number=2,
                starts="20 September 2021",
                ends="21 September 2021",
            )
        ]
    }


def test_a_decision_in_plenary_is_recorded_at_a_part(review_conference, secretariat):
    part1 = review_conference.parts.get(number=1)

    decision = services.record_decision(
        part=part1,
        kind="approved",
        subject="The estimated costs of the Tenth Meeting of States Parties",
        documents=["CCM/CONF/2020/WP.2"],
        decided_on=date(2020, 11, 27),
        paragraph="71",
        by=secretariat,
    )

    assert (decision.kind, decision.documents) == ("approved", ["CCM/CONF/2020/WP.2"])
