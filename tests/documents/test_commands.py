import csv
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from plenary.documents.models import Document
from plenary.rules import symbols

DATA = settings.REFERENCE_DATA_DIR / "ccm" / "documents.csv"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _seed_003_annex() -> list[tuple[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return [(row["symbol"], row["title"]) for row in csv.DictReader(handle)]


def test_documents_lists_the_annex_of_seed_003_in_its_order(ccm):
    # The reference data as `load_reference` loaded it: no document is added here.
    rows = json.loads(run("documents", "CCM/CONF/2020", "--format", "json"))

    assert len(rows) == 30
    assert [(row["symbol"], row["title"]) for row in rows] == _seed_003_annex()
    assert rows[16] == {
        "symbol": "CCM/CONF/2020/L.1",
        "title": "Interim report of the Second Review Conference",
        "series": "L",
        "date": None,
        "languages": [],
    }


def test_documents_filters_by_series_as_csv(annex):
    lines = run("documents", "2RC", "--series", "INF", "--format", "csv").splitlines()

    assert lines == [
        "symbol,title,series,date,languages",
        "CCM/CONF/2020/INF.1,List of participants,INF,,",
    ]


def test_documents_of_an_unknown_meeting_fails(annex):
    with pytest.raises(CommandError, match="No meeting has the code or symbol root '9RC'"):
        run("documents", "9RC")


def test_symbol_next_prints_the_next_free_symbol_without_allocating(annex):
    assert run("symbol", "next", "CCM/CONF/2020", "--series", "CRP").strip() == (
        "CCM/CONF/2020/CRP.9"
    )
    assert run("symbol", "next", "2RC").strip() == "CCM/CONF/2020/17"
    assert Document.objects.count() == 30


def test_symbol_next_allocate_reserves_it(annex):
    out = run("symbol", "next", "2RC", "--series", "WP", "--allocate", "--title", "A paper")

    assert out.strip() == "CCM/CONF/2020/WP.4"
    assert Document.objects.get(symbol="CCM/CONF/2020/WP.4").title == "A paper"
    assert run("symbol", "next", "2RC", "--series", "WP").strip() == "CCM/CONF/2020/WP.5"


def test_symbol_next_allocate_needs_a_title(annex):
    with pytest.raises(CommandError, match="--allocate needs the new document's --title"):
        run("symbol", "next", "2RC", "--series", "WP", "--allocate")


def test_symbol_parse_as_json():
    parts = json.loads(run("symbol", "parse", "CCM/CONF/2020/CRP.8/Rev.1", "--format", "json"))

    assert parts == {
        "symbol": "CCM/CONF/2020/CRP.8/Rev.1",
        "meeting_root": "CCM/CONF/2020",
        "root": "CCM",
        "body": "CONF",
        "year": 2020,
        "series": "CRP",
        "number": 8,
        "suffixes": ["Rev.1"],
    }


def test_symbol_parse_refuses_a_malformed_symbol():
    expected = symbols.UNKNOWN_SUFFIX.format(part="Amend.1")
    with pytest.raises(CommandError) as excinfo:
        run("symbol", "parse", "CCM/CONF/2020/1/Amend.1")

    assert expected in str(excinfo.value)
