"""The conformance suite: what every configured convention must do, run for each of them.

A convention is configured by its file in data/conventions/ (and its data in data/<slug>/).
For each one: its file loads; each of its obligations computes a deadline; every list page
and every list endpoint of its API answers; every drafting template renders for every kind
of meeting its file names. Adding a convention adds its cases here without a line of code.
"""

import io
from datetime import date, datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from docx import Document as WordDocument

from plenary.api.api import api
from plenary.core.models import Role
from plenary.drafting import content, render, selectors
from plenary.meetings import services as meetings
from plenary.reference import load_reference
from plenary.rules import conventions, deadlines
from plenary.rules.times import zone
from plenary.treaties.models import Convention
from tests.conftest import LOAD_DAY, client_for, make_user, token_client
from tests.drafting.conftest import REPORT_DAY

CONFIGURED = sorted(conventions.registry())
EIF = date(2011, 3, 1)


def _other_names(short_name: str) -> list[str]:
    """Every other configured convention's English full and short names."""
    others = [r for name, r in conventions.registry().items() if name != short_name]
    return [n for r in others for n in (r.names_in("en").full, r.names_in("en").short)]


@pytest.fixture
def loaded(request, ccm) -> Convention:
    """The convention's reference data (the CCM's is loaded for every test already)."""
    short_name = request.param
    if short_name != "CCM":
        load_reference(today=LOAD_DAY, convention=short_name)
    return Convention.objects.get(short_name=short_name)


@pytest.mark.parametrize("short_name", CONFIGURED)
def test_the_convention_file_loads_with_names_rules_and_symbols(short_name):
    rules = conventions.get_ruleset(short_name)
    assert rules.names_in("en").full and rules.names_in("en").short
    assert rules.secretariat.time_zone and zone(rules.secretariat.time_zone)
    assert rules.symbols.root
    assert rules.meeting_kinds and rules.participant_categories
    assert {o.kind for o in rules.obligations} >= {"initial_report", "annual_report"}


@pytest.mark.parametrize("short_name", CONFIGURED)
def test_each_obligation_computes_a_deadline_after_entry_into_force(short_name):
    rules = conventions.get_ruleset(short_name)
    for obligation in rules.obligations:
        due = deadlines.obligation_deadline(rules=rules, kind=obligation.kind, entry_into_force=EIF)
        assert due > EIF, obligation.kind
        assert obligation.article, obligation.kind


def _list_pages(resolver=None, prefix="") -> list[str]:
    """Every page under a convention's slug that takes no other argument."""
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += _list_pages(entry, route)
        elif isinstance(entry, URLPattern) and route.startswith("<convention:"):
            rest = route.split(">", 1)[1]
            if "<" not in rest and not rest.endswith((".csv", ".xlsx", ".docx", ".ics")):
                found.append(rest)
    return sorted(set(found))


LIST_PAGES = _list_pages()


def test_the_suite_finds_the_list_pages():
    assert {"/", "/states/", "/meetings/", "/documents/", "/silence-procedures/"} <= set(LIST_PAGES)


@pytest.mark.parametrize("loaded", CONFIGURED, indirect=True)
def test_every_list_page_answers(loaded):
    secretariat = make_user("conformance", Role.SECRETARIAT, convention=loaded.short_name)
    for path in LIST_PAGES:
        url = f"/{loaded.slug}{path}"

        anonymous = client_for(None).get(url)
        signed_in = client_for(secretariat).get(url)

        assert anonymous.status_code in (200, 302, 403), url
        assert signed_in.status_code == 200, url
        page = signed_in.content.decode()
        assert loaded.rules.names_in("en").full in page or loaded.short_name in page, url
        for other in _other_names(loaded.short_name):
            assert other not in page, (url, other)


def _list_endpoints() -> list[str]:
    """Every GET of the API under {convention} whose only path parameter is the convention
    and that needs no query parameter."""
    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get or not path.startswith("/api/v1/{convention}/"):
            continue
        parameters = get.get("parameters", [])
        needed = [p for p in parameters if p.get("required") and p["name"] != "convention"]
        # A search list answers for a search term (the documents list needs a meeting or one).
        query = {"q": "the"} if any(p["name"] == "q" for p in parameters) else {}
        if not needed and path.count("{") == 1 and "count" in _page_keys(get):
            found.append((path, query))
    return sorted(found)


def _page_keys(operation) -> set[str]:
    responses = operation["responses"]
    ok = responses.get(200) or responses.get("200") or {}
    body = ok.get("content", {}).get("application/json", {})
    reference = body.get("schema", {}).get("$ref", "")
    schema = api.get_openapi_schema()["components"]["schemas"].get(reference.split("/")[-1], {})
    return set(schema.get("properties", {}))


LIST_ENDPOINTS = _list_endpoints()


def test_the_suite_finds_the_list_endpoints():
    paths = {path for path, _ in LIST_ENDPOINTS}
    assert {"/api/v1/{convention}/states", "/api/v1/{convention}/meetings"} <= paths


@pytest.mark.parametrize("loaded", CONFIGURED, indirect=True)
def test_every_api_list_answers(loaded):
    client = token_client(make_user("conformance", Role.SECRETARIAT, convention=loaded.short_name))
    for path, query in LIST_ENDPOINTS:
        url = path.replace("{convention}", loaded.slug)

        response = client.get(url, query)

        assert response.status_code == 200, (url, response.content[:300])
        assert set(response.json()) >= {"count", "items"}, url


def _meeting_kinds() -> list[tuple[str, str]]:
    return [
        (short_name, kind.code)
        for short_name in CONFIGURED
        for kind in conventions.get_ruleset(short_name).meeting_kinds
    ]


@pytest.mark.parametrize(("short_name", "kind"), _meeting_kinds())
def test_every_drafting_template_renders_for_every_meeting_kind(ccm, short_name, kind):
    convention = Convention.objects.get_or_create(short_name=short_name)[0]
    secretariat = make_user("conformance_secretariat", Role.SECRETARIAT, convention=short_name)
    rules = convention.rules
    meeting = meetings.create_meeting(
        convention=convention,
        code="CONF-" + kind.replace("_", "-").upper(),
        kind=kind,
        number=1,
        title=f"Conformance {kind}",
        symbol_root=f"{rules.symbols.root}/{rules.symbols.bodies[0]}/2099",
        parts=[meetings.PartPlan(1, date(2099, 11, 23), date(2099, 11, 27), "in_person")],
        by=secretariat,
    )
    part = selectors.part_with_meeting(convention=convention, reference=meeting.code, number=1)
    drafted = [
        content.report(selectors.report_records(part=part, kind=k), kind=k, on=REPORT_DAY)
        for k in ("interim", "final")
    ]
    drafted.append(content.programme(part, selectors.programme_records(part=part)))
    drafted.append(
        content.convening_note(
            selectors.convening_records(
                meeting=meeting, on=datetime(2099, 3, 1, tzinfo=zone(rules.time_zone)).date()
            ),
            reference="TEST-REF",
        )
    )
    for each in drafted:
        docx = WordDocument(io.BytesIO(render.to_docx(each)))
        written = "\n".join(p.text for p in docx.paragraphs) + render.to_html(each, standalone=True)
        assert written.strip()
        for other in _other_names(short_name):
            assert other not in written, (kind, other)
