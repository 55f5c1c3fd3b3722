"""The Second Review Conference rebuilt through the API alone, from a database holding only
the treaty registry, shows on its pages the same facts, section by section, as the record
the reference loader made: the meeting, both parts, its changes of plan, officers, agenda
and adoption, plenary meetings held, the first part's programme (seed 000's 44 lines)
as release 1, and the delegations that took part (the participants' sections), which the
Secretariat records from the meeting's record (seed 003 para. 12 to 16). The letters and
notes verbales sent are the drafting app's records, not rebuilt here."""

import re

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError

from plenary.meetings.models import Delegation, Meeting
from tests.conftest import client_for, token_client
from tests.meetings.seed_2rc import SECOND_REVIEW_CONFERENCE as RC
from tests.meetings.test_seed_facts import SEED_000_PROGRAMME

pytestmark = pytest.mark.django_db

API = "/api/v1/ccm/meetings"
# Everything the reference loader adds after the treaty registry (reference.LOADERS).
AFTER_THE_REGISTRY = ["drafting", "action_plan", "finance", "decisions", "documents", "meetings"]
# The silence procedures behind the changes of plan are the decisions app's records, not
# rebuilt here: their links are left out of the comparison.
PROCEDURE_LINK = re.compile(r' <a href="/ccm/silence-procedures/\d+/">[^<]*</a>')
HISTORY_LINK = re.compile(r'<p><a href="/history/[^"]*">[^<]*</a></p>')
# The drafting app's sections (its reports and letters have their own API and tests).
NOT_REBUILT = {"Reports", "Letters and notes verbales sent"}


def _keep_only_the_registry() -> None:
    """Delete every record loaded after the registry, in whatever order PROTECT allows."""
    models = [
        model
        for label in AFTER_THE_REGISTRY
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]
    for _ in range(len(models)):
        left = []
        for model in models:
            # One by one: a meeting prepares another of the same table (PROTECT).
            for row in model.objects.all():
                try:
                    with transaction.atomic():
                        row.delete()
                except (ProtectedError, RestrictedError, IntegrityError):
                    pass
            if model.objects.exists():
                left.append(model)
        models = left
    assert models == []


def _sections(client, part: int) -> dict[str, str]:
    """The meeting's page cut at each second-level heading, by the heading's text."""
    body = client.get(f"/ccm/meetings/2RC/?part={part}").content.decode()
    main = body[body.index("<h1>") : body.index("</main>") if "</main>" in body else None]
    main = HISTORY_LINK.sub("", PROCEDURE_LINK.sub("", main))
    pieces = re.split(r"(?=<h2)", main)
    sections = {"heading": pieces[0]}
    for piece in pieces[1:]:
        title = re.sub(r"<[^>]+>", "", piece[: piece.index("</h2>")]).strip()
        sections[title] = piece
    return sections


def _part(plan: dict) -> dict:
    return {key: value for key, value in plan.items() if key != "number"}


def _loaded_delegations() -> list[dict]:
    """The delegations of the loaded record, as the registration API takes them."""
    return [
        {
            **(
                {"state": row.state.iso3} if row.state_id else {"organisation": row.organisation_id}
            ),
            "parts": sorted(part.number for part in row.parts.all()),
            "members": [],
            "source": row.source,
            "from_the_record": True,
        }
        for row in Delegation.objects.filter(meeting__code="2RC").prefetch_related("parts")
    ]


def _rebuild(client, delegations: list[dict]) -> None:
    def post(path: str, body: dict, expected: int = 201) -> dict:
        response = client.post(f"{API}{path}", body, content_type="application/json")
        assert response.status_code == expected, response.json()
        return response.json()

    post(
        "",
        {
            **{
                key: RC[key]
                for key in (
                    "kind",
                    "code",
                    "number",
                    "title",
                    "symbol_root",
                    "convened_by",
                    "convening_reference",
                    "registration_deadline",
                    "time_zone",
                    "source",
                )
            },
            "parts": [_part(plan) for plan in RC["plan"]],
        },
    )
    for change in RC["plan_changes"]:
        post(
            "/2RC/plan",
            {
                "parts": [_part(plan) for plan in change["plan"]],
                "decided_by": change["decided_by"],
                "decided_on": change.get("decided_on"),
                "reason": change["reason"],
                "source": change.get("source", ""),
                "from_the_record": True,
            },
            expected=200,
        )
    for held in RC["plenary_meetings_held"]:
        post(f"/2RC/parts/{held['part']}/plenary-meetings", {"count": held["count"]}, 200)
    for officer in RC["officers"]:
        state = officer.get("state")
        iso3 = {"Netherlands": "NLD", "Germany": "DEU", "Nicaragua": "NIC", "Sri Lanka": "LKA"}
        post(
            "/2RC/officers",
            {
                "role": officer["role"],
                "person": officer.get("person", ""),
                "state": iso3[state] if state else None,
                "description": officer.get("description", ""),
                "act": officer.get("act", "serving"),
                "act_on": officer.get("act_on"),
                "source": officer.get("source", ""),
            },
        )
    for item in RC["agenda"]:
        post(
            "/2RC/agenda",
            {key: item[key] for key in ("number", "letter", "title", "symbols") if key in item},
        )
    post("/2RC/agenda/adoption", {"on": RC["agenda_adopted_on"]}, 200)
    (programme,) = RC["programme"]
    lines = 0
    for slot in programme["slots"]:
        made = post(
            "/2RC/slots",
            {key: slot[key] for key in ("day", "starts_at", "ends_at")} | {"part": 1},
        )
        for entry in slot["entries"]:
            post(
                f"/2RC/slots/{made['id']}/entries",
                {
                    "agenda_item": entry["item"].replace("(", "").replace(")", "")
                    if "item" in entry
                    else None,
                    "text": entry.get("text", ""),
                    "symbols": entry.get("symbols", []),
                },
            )
            lines += 1
    assert lines == 44
    post(
        "/2RC/programme/releases",
        {"released_on": programme["released_on"], "source": programme["source"]},
    )
    # The record names the delegations that took part, not their members: the Secretariat
    # records each from it.
    for body in delegations:
        response = client.put(f"{API}/2RC/delegation", body, content_type="application/json")
        assert response.status_code == 201, response.json()
        assert response.json()["status"] == "accredited"


def test_the_second_review_conference_rebuilt_through_the_api_shows_the_same_facts(
    ccm, secretariat, observer
):
    reader = client_for(observer)
    loaded = {part: _sections(reader, part) for part in (1, 2)}
    loaded_api = reader.get(f"{API}/2RC").json()
    assert list(loaded[1]) == [
        "heading",
        "Current plan",
        "Officers",
        "Agenda",
        "Reports",
        "Letters and notes verbales sent",
        "Programme of work, part 1",
        "Participants, part 1",
    ]
    assert "Version 1, released on 12 November 2020." in loaded[1]["Programme of work, part 1"]
    assert loaded[1]["Programme of work, part 1"].count("<li") == 44
    assert loaded[1]["Current plan"].count("Previously planned for") == 3
    delegations = _loaded_delegations()
    assert len(delegations) == 76 + 12  # seed 003 para. 12 to 16
    assert "Peru" in loaded[1]["Participants, part 1"]
    _keep_only_the_registry()
    assert not Meeting.objects.exists()

    _rebuild(token_client(secretariat), delegations)

    for part in (1, 2):
        rebuilt = _sections(reader, part)
        # A section of records not rebuilt here may be absent when it has nothing to show.
        assert [t for t in rebuilt if t not in NOT_REBUILT] == [
            t for t in loaded[part] if t not in NOT_REBUILT
        ]
        for title, section in loaded[part].items():
            if title in NOT_REBUILT:
                continue
            assert rebuilt[title].strip() == section.strip(), title
    rebuilt_api = reader.get(f"{API}/2RC").json()
    for change in loaded_api["plan_changes"] + rebuilt_api["plan_changes"]:
        change.pop("silence_procedures")
    assert rebuilt_api == loaded_api
    shown = reader.get(f"{API}/2RC/programme?part=1").json()
    assert shown["version"] == 1
    marks = [
        (day["day"], slot["starts_at"], slot["ends_at"], len(slot["lines"]))
        for day in shown["days"]
        for slot in day["slots"]
    ]
    assert [(d, s, e) for d, s, e, _ in marks] == [(d, s, e) for d, s, e, _ in SEED_000_PROGRAMME]
    assert sum(n for *_, n in marks) == 44
