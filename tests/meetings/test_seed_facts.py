"""The Second Review Conference as seeds 000, 003 and 004 record it, derived from the records."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from plenary.meetings import selectors
from tests.conftest import the_ccm

# Seed 003 (CCM/CONF/2020/L.1), paragraphs 12 to 16, in their order. The seed prints
# "Cluster Muniton Coalition": a typing error for the Coalition's name, corrected here.
SEED_003_PARTICIPANTS = {
    "states_parties": [
        "Afghanistan",
        "Albania",
        "Australia",
        "Austria",
        "Belgium",
        "Bolivia (Plurinational State of)",
        "Bosnia and Herzegovina",
        "Botswana",
        "Bulgaria",
        "Burkina Faso",
        "Canada",
        "Chile",
        "Colombia",
        "Costa Rica",
        "Côte d'Ivoire",
        "Croatia",
        "Cuba",
        "Czech Republic",
        "Ecuador",
        "El Salvador",
        "France",
        "Germany",
        "Holy See",
        "Honduras",
        "Iraq",
        "Ireland",
        "Italy",
        "Japan",
        "Lao People's Democratic Republic",
        "Lithuania",
        "Madagascar",
        "Maldives",
        "Malta",
        "Mauritania",
        "Mexico",
        "Montenegro",
        "Namibia",
        "Netherlands",
        "New Zealand",
        "Nicaragua",
        "North Macedonia",
        "Norway",
        "Panama",
        "Paraguay",
        "Peru",
        "Philippines",
        "Portugal",
        "Republic of Moldova",
        "Slovakia",
        "Slovenia",
        "South Africa",
        "Spain",
        "Sri Lanka",
        "State of Palestine",
        "Sweden",
        "Switzerland",
        "Tunisia",
        "United Kingdom of Great Britain and Northern Ireland",
        "Uruguay",
        "Zambia",
    ],
    "signatories": ["Angola", "Cyprus", "Indonesia"],
    "other_states": [
        "Argentina",
        "Armenia",
        "Azerbaijan",
        "China",
        "Finland",
        "Kazakhstan",
        "Libya",
        "Morocco",
        "Myanmar",
        "Serbia",
        "Sudan",
        "Thailand",
        "Yemen",
    ],
    "rule_1_2": [
        "Cluster Munition Coalition (CMC)",
        "Geneva International Centre for Humanitarian Demining (GICHD)",
        "International Committee of the Red Cross (ICRC)",
        "International Federation of Red Cross and Red Crescent Societies (IFRC)",
        "United Nations Mine Action Service (UNMAS)",
        "United Nations Office for Disarmament Affairs (UNODA)",
    ],
    "rule_1_3": [
        "European Union",
        "Handicap International (Humanity & Inclusion)",
        "James Madison University",
        "Mines Advisory Group (MAG)",
        "Norwegian People's Aid",
        "The HALO Trust",
    ],
}

# Seed 000, the annex: for each slot, its items as "N" (with "+" when shown continued)
# and sub-items as "N(x)".
SEED_000_PROGRAMME = [
    ("2020-11-25", "10:00", "12:00", ["1", "2", "3", "4", "5", "6"]),
    ("2020-11-25", "13:00", "15:00", ["6"]),
    ("2020-11-25", "16:00", "18:00", ["6+", "8", "8(a)"]),
    ("2020-11-26", "10:00", "12:00", ["8+", "8(a)", "8(b)", "8(c)"]),
    ("2020-11-26", "13:00", "15:00", ["8+", "8(c)", "8(d)", "8(e)"]),
    ("2020-11-26", "16:00", "18:00", ["8+", "8(e)", "8(f)", "8(g)"]),
    ("2020-11-27", "10:00", "12:00", ["8+", "8(g)", "8(h)", "8(i)"]),
    ("2020-11-27", "13:00", "15:00", ["8+", "8(i)", "8(j)", "9"]),
    ("2020-11-27", "16:00", "18:00", ["10", "13"]),
]


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_participants_of_part_1_are_seed_003_paragraphs_12_to_16(ccm):
    answer = json.loads(_run("participants", "CCM/CONF/2020", "--part", "1", "--format", "json"))
    assert answer == SEED_003_PARTICIPANTS


def test_participants_are_named_as_on_the_first_day_of_the_part(ccm):
    # The same States are "Czechia" and "Netherlands (Kingdom of the)" today.
    part = selectors.part_of(selectors.meeting_by_reference("2RC", convention=the_ccm()), 1)
    names = selectors.participants_by_category(part=part)["states_parties"]
    assert "Czech Republic" in names and "Czechia" not in names
    assert "Netherlands" in names and "Netherlands (Kingdom of the)" not in names


def test_programme_of_part_1_reproduces_seed_000(ccm):
    answer = json.loads(_run("programme", "CCM/CONF/2020", "--part", "1", "--format", "json"))
    shown = []
    for day in answer["days"]:
        for slot in day["slots"]:
            lines = []
            for line in slot["lines"]:
                if line["kind"] == "item":
                    number = line["label"].rstrip(".")
                    lines.append(number + ("+" if line["continued"] else ""))
                elif line["kind"] == "sub_item":
                    lines.append(f"{_item_of(slot, line)}{line['label']}")
            shown.append((day["day"], slot["starts_at"], slot["ends_at"], lines))
    assert shown == SEED_000_PROGRAMME


def _item_of(slot: dict, sub_item: dict) -> str:
    number = ""
    for line in slot["lines"]:
        if line["kind"] == "item":
            number = line["label"].rstrip(".")
        if line is sub_item:
            return number
    raise AssertionError("sub-item outside an item")


def test_programme_text_reads_like_the_annex(ccm):
    text = _run("programme", "2RC", "--part", "1")
    assert "1st Part: virtual meeting, 25-27 November 2020" in text
    assert (
        "Wednesday 25 November\n\n10:00 \u2013 12:00\n\n1. Opening of the Review Conference\n"
        in text
    )
    assert "\n6. Organization of work\nInformal presentations of extension requests" in text
    assert "\n6. Organization of work (continued)\n" in text
    assert "    (f) Estimated" not in text  # free-text lines under item 6 are not agenda sub-items
    assert "(CCM/CONF/2020/9, CCM/CONF/2020/WP.2 and CCM/CONF/2020/WP.3)" in text


def test_plan_history_of_the_second_review_conference(ccm):
    record = selectors.meeting_record(selectors.meeting_by_reference("2RC", convention=the_ccm()))
    changes = record["plan_changes"]
    assert [change.decided_by for change in changes] == [
        "Silence procedure of 6 to 13 February 2020",
        "Silence procedure of 6 to 10 November 2020",
    ]
    assert [p["starts_on"] for p in changes[0].previous_plan] == ["2020-11-16"]
    assert changes[0].previous_plan[0]["city"] == "Geneva"
    assert [(p["starts_on"], p["city"]) for p in changes[1].previous_plan] == [
        ("2020-11-23", "Lausanne")
    ]
    parts = [(p.number, str(p.starts_on), str(p.ends_on), p.format) for p in record["parts"]]
    assert parts == [
        (1, "2020-11-25", "2020-11-27", "virtual"),
        (2, "2021-02-04", "2021-02-05", "hybrid"),
    ]


def test_preparatory_meetings_and_briefing(ccm):
    pm1 = selectors.meeting_record(selectors.meeting_by_reference("2RC-PM1", convention=the_ccm()))
    assert [str(p.starts_on) for p in pm1["parts"]] == ["2020-06-29"]
    assert pm1["plan_changes"][0].previous_plan[0]["starts_on"] == "2020-06-08"
    assert (
        str(selectors.meeting_by_reference("2RC-PM1", convention=the_ccm()).registration_deadline)
        == "2020-05-25"
    )
    assert (
        str(selectors.meeting_by_reference("2RC-PM2", convention=the_ccm()).registration_deadline)
        == "2020-08-21"
    )
    assert (
        str(selectors.meeting_by_reference("2RC", convention=the_ccm()).registration_deadline)
        == "2020-10-09"
    )
    briefing = selectors.meeting_record(
        selectors.meeting_by_reference("2RC-BRIEFING-1", convention=the_ccm())
    )
    assert [(str(p.starts_on), p.format, p.platform) for p in briefing["parts"]] == [
        ("2020-06-08", "virtual", "WebEx")
    ]


def test_officers_of_the_second_review_conference(ccm):
    officers = selectors.meeting_record(
        selectors.meeting_by_reference("2RC", convention=the_ccm())
    )["officers"]
    shown = [(o.role, o.person or o.state.iso3, o.act, str(o.act_on or "")) for o in officers]
    assert shown == [
        ("president", "Mr. Félix Baumann", "designated", ""),
        ("vice_president", "NLD", "elected", "2020-11-25"),
        ("vice_president", "DEU", "elected", "2020-11-25"),
        ("vice_president", "NIC", "elected", "2020-11-25"),
        ("vice_president", "LKA", "elected", "2020-11-25"),
        ("secretary_general", "Ms. Radha Day", "confirmed", "2020-11-25"),
        ("secretary", "Ms. Silvia Mercogliano", "serving", ""),
        ("isu_director", "Ms. Sheila N. Mweemba", "serving", ""),
    ]


@pytest.mark.parametrize("reference", ["CCM/CONF/2020", "2RC", "2rc", "CCM/CONF/2020/"])
def test_a_meeting_is_found_by_code_or_symbol_root(ccm, reference):
    assert selectors.meeting_by_reference(reference, convention=the_ccm()).code == "2RC"
