"""UNTERM's names for running text (data/state_names_unterm.csv): sourced on every row,
the same names as the M49 lists (article aside), loaded on the States."""

import csv
import re

from django.conf import settings

from plenary.treaties.models import State

UNTERM_COMMIT = "caa72d1e0e5af8876c170bb36a9e4d64a01bba88"


def _rows(name):
    with (settings.REFERENCE_DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _bare(short):
    """The short name without UNTERM's mark and article, apostrophes as M49 writes them."""
    short = short.rstrip("* ")
    return re.sub(r" \((the|le|la|l'|les|el|los|las)\)$", "", short).replace("'", "\u2019")


def test_every_row_names_its_source():
    rows = _rows("state_names_unterm.csv")
    assert len(rows) == 585
    assert all(
        "https://unterm.un.org" in row["source"]
        and f"datasets/country-codes/blob/{UNTERM_COMMIT}/data/country-codes.csv" in row["source"]
        and "15 May 2026" in row["source"]
        for row in rows
    )
    assert {row["language"] for row in rows} == {"en", "fr", "es"}


def test_unterm_names_every_state_but_two():
    states = {row["iso3"] for row in _rows("states.csv")}
    named = {row["iso3"] for row in _rows("state_names_unterm.csv")}
    assert states - named == {"CIV", "TUR"}
    assert named <= states


def test_unterms_short_names_are_the_un_names_of_the_lists_but_for_the_netherlands():
    english = {row["iso3"]: row["name"] for row in _rows("states.csv")}
    listed = {(row["iso3"], row["language"]): row["name"] for row in _rows("state_names.csv")}
    differ = []
    for row in _rows("state_names_unterm.csv"):
        ours = (
            english[row["iso3"]]
            if row["language"] == "en"
            else listed[row["iso3"], row["language"]]
        )
        if _bare(row["short"]) != ours.replace("'", "\u2019"):
            differ.append((row["iso3"], row["language"], row["short"], ours))
    assert differ == [
        ("NLD", "en", "Netherlands (the)", "Netherlands (Kingdom of the)"),
        ("NLD", "fr", "Pays-Bas (les)", "Pays-Bas (Royaume des)"),
        ("NLD", "es", "Países Bajos (los)", "Países Bajos (Reino de los)"),
    ]


def test_the_names_are_loaded_on_the_states(ccm):
    peru = State.objects.get(iso3="PER")
    assert peru.unterm_names["fr"] == {"short": "Pérou (le)", "formal": "la République du Pérou"}
    assert peru.unterm_names["es"]["short"] == "Perú (el)"
    assert peru.unterm_source.startswith("en: UNTERM, the United Nations terminology database")
    assert State.objects.get(iso3="TUR").unterm_names == {}
