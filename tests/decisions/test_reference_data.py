import json
from datetime import date
from io import StringIO

from django.core.management import call_command

from plenary.decisions.models import ExtensionRequest, SilenceProcedure
from plenary.treaties.models import Extension

SEED = (
    "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 December 2020, paragraph"
)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_extensions_command_gives_the_five_requests_of_the_2rc(decisions_loaded):
    rows = json.loads(run("extensions", "CCM/CONF/2020", "--format", "json"))

    by_state = {row["state"]: row for row in rows}
    assert set(by_state) == {"Bulgaria", "Peru", "Bosnia and Herzegovina", "Chile", "Lebanon"}
    assert by_state["Peru"] == {
        "state": "Peru",
        "article": 3,
        "obligation": "stockpile_destruction",
        "original_deadline": "2021-03-01",
        "requested_deadline": "2024-04-01",
        "months": 37,
        "recommendation": "recommended to grant until 2024-04-01",
        "decision": "granted",
        "granted_deadline": "2024-04-01",
    }
    assert (
        by_state["Bosnia and Herzegovina"]["months"],
        by_state["Bosnia and Herzegovina"]["granted_deadline"],
    ) == (18, "2022-09-01")
    assert (by_state["Chile"]["months"], by_state["Chile"]["granted_deadline"]) == (
        12,
        "2022-06-01",
    )
    assert by_state["Lebanon"]["granted_deadline"] == "2026-05-01"
    assert by_state["Lebanon"]["article"] == 4
    assert by_state["Bulgaria"]["granted_deadline"] == "2022-10-01"
    assert by_state["Bulgaria"]["original_deadline"] == "2021-04-01"


def test_each_request_is_linked_to_the_registry_extension_not_granted_twice(decisions_loaded):
    extensions_before = Extension.objects.count()

    for request in ExtensionRequest.objects.select_related("extension"):
        assert request.extension is not None
        assert request.extension.new_deadline == request.granted_deadline
    assert Extension.objects.filter(request__isnull=False).count() == 5
    assert Extension.objects.count() == extensions_before


def test_loading_twice_changes_nothing(decisions_loaded, review_conference):
    from django.conf import settings

    from plenary.decisions.reference import load_decisions

    again = load_decisions(
        convention=review_conference.convention, directory=settings.REFERENCE_DATA_DIR / "ccm"
    )

    assert again == decisions_loaded
    assert ExtensionRequest.objects.count() == 5
    assert SilenceProcedure.objects.count() == 4


def test_peru_request_carries_documents_and_conditions_from_the_seed(decisions_loaded):
    peru = ExtensionRequest.objects.get(obligation__state__iso3="PER")

    assert peru.analysis_document == "CCM/CONF/2020/6"
    assert peru.draft_decision_document == "CCM/CONF/2020/CRP.4"
    assert (peru.recommended_at.number, peru.recommended_on) == (1, date(2020, 11, 27))
    assert (peru.decided_at.number, peru.decided_on) == (2, None)
    assert [(c.letter, c.text) for c in peru.conditions.all()] == [
        ("a", "Progress made relative to the projections Peru made in its extension request;"),
        ("b", "Updated information on remaining stockpiles;"),
        (
            "c",
            "Updated detailed plan for the subsequent year, if possible, for the following years;",
        ),
        (
            "d",
            "Resource mobilization efforts including external financing received, and resources "
            "made available by the Government of Peru to support implementation efforts;",
        ),
        ("e", "Other relevant information."),
    ]


def test_silence_procedures_of_the_record_are_adopted_without_rerunning_them(decisions_loaded):
    rows = json.loads(run("silence", "--format", "json"))

    assert [(r["circulated"], r["deadline"], r["outcome"], r["broken_by"]) for r in rows] == [
        ("2020-02-06", "2020-02-13T23:59:59+01:00", "adopted", []),
        ("2020-05-29", "2020-06-04T23:59:59+02:00", "adopted", []),
        ("2020-06-09", "2020-06-16T23:59:59+02:00", "adopted", []),
        ("2020-11-06", "2020-11-10T23:59:59+01:00", "adopted", []),
    ]
    two_parts = SilenceProcedure.objects.get(circulated_on=date(2020, 11, 6))
    assert two_parts.meeting.parts.count() == 2
    assert all(p.source.startswith(SEED) for p in SilenceProcedure.objects.all())
    # Addressed to the States Parties on the day of circulation.
    assert two_parts.addressees.filter(state__iso3="PER").exists()
    assert not two_parts.addressees.filter(state__iso3="AGO").exists()


def test_every_reference_record_has_a_source():
    from django.conf import settings

    for name in ("silence_procedures.json", "extension_requests.json"):
        records = json.loads((settings.REFERENCE_DATA_DIR / "ccm" / name).read_text())
        assert all(record["source"] for record in records)


def test_reference_procedures_link_the_meetings_plan_changes(decisions_loaded):
    linked = {
        p.circulated_on.isoformat(): (
            p.plan_change.decided_on.isoformat() if p.plan_change else None
        )
        for p in SilenceProcedure.objects.select_related("plan_change")
    }

    assert linked == {
        "2020-02-06": "2020-02-13",
        "2020-05-29": None,  # the postponement: the meetings' data holds no plan change for it
        "2020-06-09": "2020-06-16",
        "2020-11-06": "2020-11-10",
    }
