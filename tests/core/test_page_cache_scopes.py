"""A write retires only the cached pages that read what it changed (core/page_cache.py's
scopes): each key page shows a relevant write at once, to anonymous and signed-in readers,
and keeps its cached page through a write it does not read."""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plenary.core import page_cache
from plenary.core.models import PageGeneration, Role
from plenary.core.page_cache import ANY, BROAD, DEADLINES, EVERY, HEADER
from plenary.decisions import services as decisions
from plenary.documents import services as documents
from plenary.meetings import services as meetings
from plenary.meetings.services import DelegateIn, PartPlan
from plenary.treaties import services as treaties
from plenary.treaties.models import State
from tests.conftest import make_user
from tests.documents.conftest import PDF, upload

HEAD = DelegateIn(role="head", name="Sr. Jefe Uno", email="uno@example.org")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def _meeting(convention, code: str, symbol_root: str):
    today = timezone.localdate()
    return meetings.create_meeting(
        convention=convention,
        code=code,
        kind="msp",
        title=f"Meeting {code}",
        symbol_root=symbol_root,
        registration_deadline=today + timedelta(days=30),
        parts=[PartPlan(1, today + timedelta(days=60), today + timedelta(days=62), "in_person")],
    )


@pytest.fixture
def day(
    ccm, secretariat, media, peru_focal_point, chile_focal_point, django_capture_on_commit_callbacks
):
    """Two meetings, each with a document, and the people who write on the day."""
    with django_capture_on_commit_callbacks(execute=True):
        msp = _meeting(ccm, "TEST-MSP", "CCM/MSP/2099")
        other = _meeting(ccm, "TEST-OTHER", "CCM/MSP/2098")
        paper = documents.issue_document(meeting=msp, series="WP", title="A paper", by=secretariat)
        second = documents.issue_document(
            meeting=msp, series="WP", title="Another paper", by=secretariat
        )
        elsewhere = documents.issue_document(
            meeting=other, series="WP", title="A paper elsewhere", by=secretariat
        )
    return {
        "msp": msp,
        "other": other,
        "paper": paper,
        "second": second,
        "elsewhere": elsewhere,
        "secretariat": secretariat,
        "peru": State.objects.get(iso3="PER"),
        "chile": State.objects.get(iso3="CHL"),
        "peru_focal_point": peru_focal_point,
        "chile_focal_point": chile_focal_point,
    }


def _register(day, meeting, who: str):
    meetings.register_delegation(
        meeting=day[meeting],
        state=day[who],
        members=[HEAD],
        now=timezone.now(),
        by=day[f"{who}_focal_point"],
    )


def _upload(day, document: str, language: str = "fr"):
    documents.add_language_version(
        document=day[document],
        language=language,
        upload=upload(f"{document}-{language}.pdf", PDF),
        by=day["secretariat"],
    )


def _issue(day, meeting: str, title: str):
    documents.issue_document(meeting=day[meeting], series="WP", title=title, by=day["secretariat"])


def _report(day, who: str, year: int = 2025):
    treaties.record_transparency_report(
        convention=day["msp"].convention,
        state=day[who],
        kind="annual",
        year_covered=year,
        received_on=timezone.localdate(),
        today=timezone.localdate(),
        source=f"Received on the day from {who}",
        by=day["secretariat"],
    )


def _circulate(day, subject: str = "A proposal"):
    return decisions.circulate_silence_procedure(
        convention=day["msp"].convention,
        subject=subject,
        circulated_on=timezone.localdate(),
        deadline_on=timezone.localdate() + timedelta(days=30),
        now=timezone.now(),
        by=day["secretariat"],
    )


def _generations() -> dict[str, int]:
    return dict(PageGeneration.objects.values_list("scope", "value"))


def _moved(before: dict, after: dict) -> set[str]:
    return {scope for scope, value in after.items() if value != before.get(scope, 0)}


def _reader(kind: str) -> Client:
    client = Client()
    if kind == "signed in":
        client.force_login(make_user("angola_reader", Role.DELEGATION, "AGO"))
    return client


def test_each_write_of_a_conference_day_moves_only_its_own_scopes(
    day, django_capture_on_commit_callbacks
):
    msp, paper = day["msp"], day["paper"]
    chile = day["chile"]
    breaker = make_user("chile_breaker", Role.DELEGATION, "CHL")
    before = _generations()
    with django_capture_on_commit_callbacks(execute=True):
        procedure = _circulate(day)
    moved = {"silence procedure circulated": _moved(before, _generations())}
    writes = {
        "registration": lambda: _register(day, "msp", "peru"),
        "upload": lambda: _upload(day, "paper"),
        "silence break": lambda: decisions.break_silence(
            procedure=procedure,
            state=chile,
            by=breaker,
            reason="Too early",
            now=timezone.now(),
        ),
        "Article 7 report": lambda: _report(day, "chile"),
    }
    for kind, write in writes.items():
        before = _generations()
        with django_capture_on_commit_callbacks(execute=True):
            write()
        moved[kind] = _moved(before, _generations())

    assert moved == {
        # Every reader's deadlines (it binds every State Party), not every page.
        "silence procedure circulated": {ANY, f"silence-procedure:{procedure.pk}", DEADLINES},
        "registration": {ANY, f"meeting:{msp.pk}", "state:PER"},
        "upload": {ANY, f"document:{paper.pk}", f"documents-of:{msp.pk}"},
        "silence break": {ANY, f"silence-procedure:{procedure.pk}", "state:CHL"},
        "Article 7 report": {ANY, "state:CHL"},
    }


# Each key page: its address, a write it reads and what that write shows on it, and writes
# it does not read (another meeting's registration among them).
PAGES = {
    "meeting page": (
        "/ccm/meetings/TEST-MSP/",
        lambda day: _register(day, "msp", "peru"),
        'data-category="states_parties">Peru<',
        [
            lambda day: _register(day, "other", "peru"),
            lambda day: _upload(day, "paper"),
            lambda day: _report(day, "chile"),
        ],
    ),
    "meeting documents": (
        "/ccm/meetings/TEST-MSP/documents/",
        lambda day: _issue(day, "msp", "A paper issued on the day"),
        "A paper issued on the day",
        [
            lambda day: _register(day, "other", "peru"),
            lambda day: _register(day, "msp", "chile"),
            lambda day: _issue(day, "other", "A paper issued elsewhere"),
            lambda day: _upload(day, "elsewhere"),
        ],
    ),
    "document page": (
        "/ccm/documents/CCM/MSP/2099/WP.1/",
        lambda day: _upload(day, "paper", "fr"),
        '<th scope="row">French',
        [
            lambda day: _register(day, "other", "peru"),
            lambda day: _register(day, "msp", "peru"),
            lambda day: _upload(day, "second"),
        ],
    ),
    "State page": (
        "/ccm/states/PER/",
        lambda day: _report(day, "peru", 2025),
        "Received on the day from peru",
        [
            lambda day: _register(day, "other", "chile"),
            lambda day: _report(day, "chile", 2025),
            lambda day: _upload(day, "paper"),
        ],
    ),
}


@pytest.mark.parametrize("reader", ["anonymous", "signed in"])
@pytest.mark.parametrize("name", list(PAGES))
def test_a_key_page_shows_a_write_it_reads_at_once_and_keeps_through_others(
    day, page_cache_on, django_capture_on_commit_callbacks, name, reader
):
    path, relevant, shown, unrelated = PAGES[name]
    client = _reader(reader)
    assert client.get(path)[HEADER] == "miss"
    first = client.get(path)
    assert first[HEADER] == "hit"
    assert shown not in first.content.decode()

    for write in unrelated:
        with django_capture_on_commit_callbacks(execute=True):
            write(day)
        assert client.get(path)[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        relevant(day)
    after = client.get(path)

    assert after[HEADER] == "miss"
    assert shown in after.content.decode()


@pytest.mark.parametrize("reader", ["anonymous", "signed in"])
def test_a_page_that_reads_across_the_records_is_retired_by_any_write(
    day, page_cache_on, django_capture_on_commit_callbacks, reader
):
    client = _reader(reader)
    client.get("/ccm/states/")
    assert client.get("/ccm/states/")[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        _register(day, "other", "peru")

    assert client.get("/ccm/states/")[HEADER] == "miss"


def test_a_record_no_scope_names_retires_every_narrow_page(
    day, page_cache_on, django_capture_on_commit_callbacks
):
    client = _reader("anonymous")
    client.get("/ccm/meetings/TEST-MSP/")
    before = _generations()
    with django_capture_on_commit_callbacks(execute=True):
        peru = State.objects.get(iso3="PER")
        peru.name = "Peru (renamed in a test)"
        peru.save()

    assert _moved(before, _generations()) == {BROAD, ANY}
    assert client.get("/ccm/meetings/TEST-MSP/")[HEADER] == "miss"


def test_moving_every_generation_retires_every_page(day, page_cache_on):
    client = _reader("signed in")
    for path in ("/ccm/meetings/TEST-MSP/", "/ccm/states/PER/", "/ccm/states/"):
        client.get(path)

    page_cache.bump()

    assert _moved({}, _generations()) >= {EVERY}
    for path in ("/ccm/meetings/TEST-MSP/", "/ccm/states/PER/", "/ccm/states/"):
        assert client.get(path)[HEADER] == "miss"


def test_delegates_of_every_state_share_the_state_page_and_the_secretariat_gets_its_form(
    ccm, page_cache_on
):
    readers = {name: Client() for name in ("peru", "chile", "secretariat", "second_secretariat")}
    readers["peru"].force_login(make_user("peru_reader", Role.DELEGATION, "PER"))
    readers["chile"].force_login(make_user("chile_reader", Role.DELEGATION, "CHL"))
    readers["secretariat"].force_login(make_user("secretariat_reader", Role.SECRETARIAT))
    readers["second_secretariat"].force_login(make_user("second_reader", Role.SECRETARIAT))

    answers = {name: client.get("/ccm/states/PER/") for name, client in readers.items()}

    assert {name: answer[HEADER] for name, answer in answers.items()} == {
        "peru": "miss",
        "chile": "hit",
        "secretariat": "miss",
        "second_secretariat": "hit",
    }
    form = "Record an Article 7 report"
    assert {name: form in answer.content.decode() for name, answer in answers.items()} == {
        "peru": False,
        "chile": False,
        "secretariat": True,
        "second_secretariat": True,
    }
    page = answers["second_secretariat"].content.decode()
    assert "plenary-shared-page" not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert len(token) == 64


def test_delegates_share_a_document_page_but_its_submitters_get_the_upload_form(
    day, page_cache_on, django_assert_num_queries
):
    documents.issue_document(
        meeting=day["msp"],
        series="WP",
        title="Peru's paper",
        submitted_by="states",
        submitting_states=[day["peru"]],
        by=day["secretariat"],
    )
    path = "/ccm/documents/CCM/MSP/2099/WP.3/"
    readers = {name: Client() for name in ("chile", "angola", "peru")}
    readers["chile"].force_login(make_user("chile_reader", Role.DELEGATION, "CHL"))
    readers["angola"].force_login(make_user("angola_reader", Role.DELEGATION, "AGO"))
    readers["peru"].force_login(make_user("peru_reader", Role.DELEGATION, "PER"))

    answers = {name: client.get(path) for name, client in readers.items()}

    assert {name: answer[HEADER] for name, answer in answers.items()} == {
        "chile": "miss",
        "angola": "hit",
        "peru": "miss",
    }
    upload_form = 'name="file"'
    assert {name: upload_form in a.content.decode() for name, a in answers.items()} == {
        "chile": False,
        "angola": False,
        "peru": True,
    }
    # A hit: the session, the user (their grants are kept under its grants version), the
    # convention, the document's key (its id and its submitters, for the scope and the
    # audience at once), the generations.
    with django_assert_num_queries(5):
        assert readers["angola"].get(path)[HEADER] == "hit"


def test_a_delegations_own_deadlines_are_retired_by_its_states_writes_only(
    day, page_cache_on, django_capture_on_commit_callbacks
):
    peru = Client()
    peru.force_login(make_user("peru_reader", Role.DELEGATION, "PER"))
    secretariat = Client()
    secretariat.force_login(make_user("secretariat_reader", Role.SECRETARIAT))
    for client in (peru, secretariat):
        client.get("/due/mine/")

    with django_capture_on_commit_callbacks(execute=True):
        _report(day, "chile", 2025)
        _register(day, "other", "chile")

    assert peru.get("/due/mine/")[HEADER] == "hit"
    assert secretariat.get("/due/mine/")[HEADER] == "miss"  # every State's deadlines

    with django_capture_on_commit_callbacks(execute=True):
        _report(day, "peru", 2025)

    assert peru.get("/due/mine/")[HEADER] == "miss"


def test_an_anonymous_reader_of_their_own_deadlines_is_sent_to_sign_in(ccm, page_cache_on):
    answer = Client().get("/due/mine/")

    assert answer.status_code == 302
    assert answer["Location"].startswith("/accounts/login/")


def test_a_write_made_from_its_records_names_its_scopes_without_a_query(
    ccm, django_assert_num_queries
):
    """The records a service gave the row (its State, delegation, document) name the scopes;
    a row that holds only their ids reads them, one query."""
    from plenary.decisions.models import SilenceBreak, SilenceProcedure
    from plenary.documents.models import Document, LanguageVersion
    from plenary.meetings.models import Delegate, Delegation, PlanChange
    from plenary.treaties.models import TransparencyReport

    peru = State.objects.get(iso3="PER")
    delegation = Delegation(pk=7, meeting_id=3, state=peru)
    rows = [
        TransparencyReport(state=peru),
        SilenceBreak(procedure_id=5, state=peru),
        delegation,
        Delegate(delegation=delegation),
        LanguageVersion(document=Document(pk=9, meeting_id=3)),
        SilenceProcedure(pk=4),
        # A procedure that changes a meeting's plan: the meeting page links it.
        SilenceProcedure(pk=6, plan_change=PlanChange(pk=2, meeting_id=3)),
    ]
    with django_assert_num_queries(0):
        written = [page_cache.scopes_written(row) for row in rows]
    assert [sorted(each - {ANY}) for each in written] == [
        ["state:PER"],
        ["silence-procedure:5", "state:PER"],
        ["meeting:3", "state:PER"],
        ["meeting:3", "state:PER"],
        ["document:9", "documents-of:3"],
        [DEADLINES, "silence-procedure:4"],
        [DEADLINES, "meeting:3", "silence-procedure:6"],
    ]
    with django_assert_num_queries(1):
        assert page_cache.scopes_written(TransparencyReport(state_id=peru.pk)) == {
            "state:PER",
            ANY,
        }


def test_a_focal_point_and_a_delegate_of_one_state_share_its_deadlines_page(day, page_cache_on):
    from plenary.core.models import DelegationFunction

    focal = Client()
    focal.force_login(
        make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    )
    delegate = Client()
    delegate.force_login(make_user("peru_delegate_reader", Role.DELEGATION, "PER"))
    chile = Client()
    chile.force_login(make_user("chile_delegate_reader", Role.DELEGATION, "CHL"))

    first = focal.get("/due/mine/")
    shared = delegate.get("/due/mine/")

    assert (first[HEADER], shared[HEADER]) == ("miss", "hit")
    assert "Peru" in shared.content.decode()
    # The private feed's link is every Delegation user's of the State.
    assert f'href="{reverse("reminders:state_feeds", args=["PER"])}"' in shared.content.decode()
    assert chile.get("/due/mine/")[HEADER] == "miss"  # another State's deadlines


def test_a_procedure_circulated_shows_on_every_delegations_deadlines_and_no_other_page(
    day, page_cache_on, django_capture_on_commit_callbacks
):
    peru = Client()
    peru.force_login(make_user("peru_due_reader", Role.DELEGATION, "PER"))
    others = ["/ccm/meetings/TEST-MSP/", "/ccm/states/PER/", "/ccm/meetings/TEST-MSP/documents/"]
    for path in ["/due/mine/", *others]:
        peru.get(path)

    with django_capture_on_commit_callbacks(execute=True):
        _circulate(day, "A proposal circulated on the day")

    due = peru.get("/due/mine/")
    assert due[HEADER] == "miss"
    assert "A proposal circulated on the day" in due.content.decode()
    assert {path: peru.get(path)[HEADER] for path in others} == dict.fromkeys(others, "hit")


def test_a_states_deadlines_are_read_again_only_from_the_providers_a_write_concerns(
    day, page_cache_on, settings, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from plenary.reminders import selectors as reminders

    start, end = (
        timezone.localdate() - timedelta(days=400),
        timezone.localdate() + timedelta(days=400),
    )

    def kept():
        return [d.key for d in reminders.deadlines_between(start=start, end=end, state="PER")]

    def fresh():
        settings.PAGE_CACHE_SECONDS = 0
        try:
            return [d.key for d in reminders.deadlines_between(start=start, end=end, state="PER")]
        finally:
            settings.PAGE_CACHE_SECONDS = 60

    assert kept() == fresh()
    # Kept: the State and the generations.
    with django_assert_num_queries(2):
        again = kept()
    assert again == fresh() != []

    with django_capture_on_commit_callbacks(execute=True):
        procedure = _circulate(day)
    # Only the decisions' provider reads again (three queries), and the States Parties that
    # its procedure binds (one).
    with django_assert_num_queries(2 + 3 + 1):
        after = kept()
    assert after == fresh()
    assert any(key.startswith(f"decisions.silence:{procedure.pk}:") for key in after)

    with django_capture_on_commit_callbacks(execute=True):
        _report(day, "peru", timezone.localdate().year - 1)
    assert kept() == fresh()
    with django_capture_on_commit_callbacks(execute=True):
        _report(day, "chile", timezone.localdate().year - 1)  # another State's: kept
    with django_assert_num_queries(3):  # the State, the generations, the States Parties
        again = kept()
    assert again == fresh()


def test_the_apis_meeting_reads_are_retired_by_their_meetings_writes_only(
    day, page_cache_on, django_capture_on_commit_callbacks
):
    reader = Client()
    listed = "/api/v1/ccm/documents?meeting=TEST-MSP&limit=50"
    programme = "/api/v1/ccm/meetings/TEST-MSP/programme"
    searched = "/api/v1/ccm/documents?q=paper"
    for path in (listed, programme, searched):
        assert reader.get(path)[HEADER] == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        _upload(day, "elsewhere")  # another meeting's document
    answers = {path: reader.get(path)[HEADER] for path in (listed, programme, searched)}
    assert answers == {listed: "hit", programme: "hit", searched: "miss"}

    with django_capture_on_commit_callbacks(execute=True):
        _upload(day, "paper", "es")
    fresh = reader.get(listed)
    assert fresh[HEADER] == "miss"
    paper = next(d for d in fresh.json()["items"] if d["symbol"] == day["paper"].symbol)
    assert "es" in str(paper)
    assert reader.get(programme)[HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        _register(day, "msp", "peru")  # the meeting's own records: its programme's scope
    assert (reader.get(programme)[HEADER], reader.get(listed)[HEADER]) == ("miss", "hit")
    # An address that names no meeting reads across the records.
    assert Client().get("/api/v1/ccm/documents?meeting=NO-SUCH").status_code == 404
