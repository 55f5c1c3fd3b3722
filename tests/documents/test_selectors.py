import pytest

from plenary.documents import selectors, services
from plenary.documents.models import Submitter
from plenary.meetings.services import add_agenda_item
from plenary.treaties.models import State
from tests.conftest import the_ccm
from tests.documents.conftest import PDF, upload

ANNEX_ORDER = [
    *(f"CCM/CONF/2020/{n}" for n in range(1, 17)),
    "CCM/CONF/2020/L.1",
    "CCM/CONF/2020/WP.1",
    "CCM/CONF/2020/WP.2",
    "CCM/CONF/2020/WP.3",
    *(f"CCM/CONF/2020/CRP.{n}" for n in range(1, 9)),
    "CCM/CONF/2020/INF.1",
    "CCM/CONF/2020/MISC.1",
]


def test_documents_of_a_meeting_come_in_annex_order(annex):
    documents = selectors.documents_of(meeting=annex)

    assert [d.symbol for d in documents] == ANNEX_ORDER


def test_revisions_follow_their_original(conference):
    for symbol in [
        "CCM/CONF/2020/CRP.10",
        "CCM/CONF/2020/CRP.9",
        "CCM/CONF/2020/CRP.9/Add.1",
        "CCM/CONF/2020/CRP.9/Rev.1",
        "CCM/CONF/2020/CRP.9/Rev.2",
        "CCM/CONF/2020/CRP.9/Corr.1",
        "CCM/CONF/2020/2",
        "CCM/CONF/2020/10",
    ]:
        services.create_document(meeting=conference, symbol=symbol, title="T")

    assert [d.symbol for d in selectors.documents_of(meeting=conference)] == [
        "CCM/CONF/2020/2",
        "CCM/CONF/2020/10",
        "CCM/CONF/2020/CRP.9",
        "CCM/CONF/2020/CRP.9/Rev.1",
        "CCM/CONF/2020/CRP.9/Rev.2",
        "CCM/CONF/2020/CRP.9/Corr.1",
        "CCM/CONF/2020/CRP.9/Add.1",
        "CCM/CONF/2020/CRP.10",
    ]


def test_documents_of_filters_by_series_agenda_item_and_language(annex, media):
    item = add_agenda_item(meeting=annex, number=7, title="Extension requests")
    sub_item = add_agenda_item(meeting=annex, number=7, letter="b", title="Article 4")
    crp6 = services.create_document(
        meeting=annex,
        symbol="CCM/CONF/2020/CRP.9",
        title="Draft decision",
        agenda_items=[item, sub_item],
    )
    services.add_language_version(document=crp6, language="fr", upload=upload("a.pdf", PDF))

    def symbols(**filters):
        return [d.symbol for d in selectors.documents_of(meeting=annex, **filters)]

    assert symbols(series="WP") == [
        "CCM/CONF/2020/WP.1",
        "CCM/CONF/2020/WP.2",
        "CCM/CONF/2020/WP.3",
    ]
    assert len(symbols(series="")) == 16
    assert symbols(agenda_item="7") == ["CCM/CONF/2020/CRP.9"]
    assert symbols(agenda_item="7 (b)") == ["CCM/CONF/2020/CRP.9"]
    assert symbols(agenda_item="7a") == []
    assert symbols(language="fr") == ["CCM/CONF/2020/CRP.9"]
    assert symbols(language="en") == []


def test_a_malformed_agenda_item_is_refused(annex):
    with pytest.raises(ValueError, match="'seven' is not an agenda item"):
        selectors.documents_of(meeting=annex, agenda_item="seven")


def test_search_by_symbol_or_words_of_the_title(annex):
    def found(q):
        return [d.symbol for d in selectors.search_documents(convention=the_ccm(), search=q)]

    assert found("CRP.8") == ["CCM/CONF/2020/CRP.8"]
    assert found("interim report") == [
        "CCM/CONF/2020/L.1",
        "CCM/CONF/2020/CRP.8",
    ]
    assert found("peru extension") == ["CCM/CONF/2020/6", "CCM/CONF/2020/CRP.4"]
    assert found("   ") == []


def test_meeting_for_a_code_or_a_symbol_root(conference):
    assert selectors.meeting_for("2RC", convention=the_ccm()) == conference
    assert selectors.meeting_for("CCM/CONF/2020", convention=the_ccm()) == conference


def _add(meeting, count: int, start: int) -> None:
    peru = State.objects.get(iso3="PER")
    item = meeting.agenda_items.first() or add_agenda_item(meeting=meeting, number=1, title="X")
    for number in range(start, start + count):
        document = services.create_document(
            meeting=meeting,
            symbol=f"CCM/CONF/2020/WP.{number}",
            title="Paper",
            submitted_by=Submitter.STATES,
            submitting_states=[peru],
            agenda_items=[item],
        )
        services.add_language_version(document=document, language="en", upload=upload("a.pdf", PDF))


@pytest.mark.parametrize("count", [3, 30])
def test_documents_of_runs_a_constant_number_of_queries(
    conference, media, count, django_assert_num_queries
):
    _add(conference, count, start=1)

    with django_assert_num_queries(4):
        documents = selectors.documents_of(meeting=conference, series="WP")
        for document in documents:
            assert [v.language for v in document.versions.all()] == ["en"]
            assert [s.iso3 for s in document.submitting_states.all()] == ["PER"]
            assert len(document.agenda_items.all()) == 1
            assert document.meeting.code == "2RC"
    assert len(documents) == count


@pytest.mark.parametrize("count", [2, 20])
def test_search_and_document_page_query_counts_do_not_grow(
    conference, media, count, django_assert_max_num_queries
):
    _add(conference, count, start=1)
    ccm = the_ccm()

    with django_assert_max_num_queries(4):
        assert len(selectors.search_documents(convention=ccm, search="paper")) == count
    with django_assert_max_num_queries(5):
        document = selectors.document_with_symbol("CCM/CONF/2020/WP.1", convention=ccm)
        list(document.revisions.all())
        list(document.versions.all())


def test_a_list_read_a_page_at_a_time_has_the_whole_lists_order_and_length(
    annex, media, django_assert_num_queries
):
    item = add_agenda_item(meeting=annex, number=7, title="Extension requests")
    crp9 = services.create_document(
        meeting=annex, symbol="CCM/CONF/2020/CRP.9", title="Draft", agenda_items=[item]
    )
    # Two languages: a filter by language joins the versions, and lists it once.
    for language in ("fr", "es"):
        services.add_language_version(document=crp9, language=language, upload=upload("a.pdf", PDF))
    whole = [d.symbol for d in selectors.documents_of(meeting=annex)]

    with django_assert_num_queries(1):  # the order and the length, nothing else
        pages = selectors.documents_of(meeting=annex, listed=False)
        assert len(pages) == len(whole) == 31
    with django_assert_num_queries(4):  # the page's documents, files, States, agenda items
        page = pages[10:20]
        assert [d.symbol for d in page] == whole[10:20]
        assert [d.meeting for d in page] == [annex] * 10
        assert [[v.language for v in d.versions.all()] for d in page]
    assert pages[-1].symbol == whole[-1]
    with pytest.raises(IndexError):
        pages[31]
    assert pages[40:50] == []
    assert [
        d.symbol for d in selectors.documents_of(meeting=annex, language="es", listed=False)[:]
    ] == ["CCM/CONF/2020/CRP.9"]
    assert len(selectors.documents_of(meeting=annex, agenda_item="7", listed=False)) == 1
