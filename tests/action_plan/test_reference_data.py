from datetime import UTC, datetime

from plenary.action_plan import selectors
from plenary.action_plan.models import (
    ActionPlan,
    Consultation,
    Coordination,
    Indicator,
    Question,
    ThematicArea,
)
from plenary.reference import load_reference
from tests.action_plan.conftest import SEED_002_TITLE
from tests.conftest import LOAD_DAY, the_ccm

SEVEN_AREAS = [
    "Universalisation",
    "Stockpile destruction",
    "Clearance and risk reduction education",
    "Victim assistance",
    "International cooperation and assistance",
    "Transparency measures",
    "National implementation measures",
]


def test_reference_data_has_the_seven_thematic_areas_of_the_dubrovnik_action_plan(ccm):
    assert [a.name for a in ThematicArea.objects.order_by("order")] == SEVEN_AREAS
    dap = selectors.action_plan(convention=the_ccm(), code="DAP")
    assert [s.title for s in dap.sections.all()] == SEVEN_AREAS
    assert (dap.first_year, dap.last_year) == (2015, 2020)
    assert ActionPlan.objects.get(code="LAP").period == "2021-2026"


def test_seed_002_consultation_has_every_section_and_question(seed_consultation):
    record = selectors.consultation_record(convention=the_ccm(), pk=seed_consultation.pk)
    sections = [(s.number, s.title, s.questions.count()) for s in record.sections.all()]
    assert sections == [
        ("II", "Structure of the Lausanne Action Plan (LAP)", 6),
        ("III", "Content of the Lausanne Action Plan", 4),
        ("7 (a)", "On universalisation", 5),
        ("7 (b)", "On stockpile destruction", 4),
        ("7 (c)", "On clearance and risk reduction education", 4),
        ("7 (d)", "On victim assistance", 4),
        ("7 (e)", "On international cooperation and assistance", 4),
        ("7 (f)", "On transparency measures", 4),
        ("7 (g)", "On national implementation measures", 4),
    ]
    questions = list(Question.objects.filter(section__consultation=seed_consultation))
    assert [q.number for q in questions] == list(range(1, 40))
    assert questions[0].text == "What should be the main objective of the LAP?"
    assert questions[4].level == 1
    assert questions[-1].text == "What indicators should we use?"
    assert record.sections.all()[2].area.slug == "universalisation"


def test_seed_002_deadline_is_the_end_of_8_june_2020_in_geneva(seed_consultation):
    assert seed_consultation.time_zone == "Europe/Zurich"
    assert seed_consultation.deadline == datetime(2020, 6, 8, 21, 59, 59, tzinfo=UTC)
    assert seed_consultation.issued_on.isoformat() == "2020-05-15"
    assert seed_consultation.visibility == "presidency"
    assert seed_consultation.addresses_states and seed_consultation.addresses_organisations


def test_coordinators_of_2020_by_area_are_those_of_seed_003(ccm):
    by_area = {
        area.name: [sorted(s.name for s in c.states.all()) for c in coordinations]
        for area, coordinations in selectors.coordinators_in(convention=ccm, year=2020)
    }
    assert by_area == {
        "Universalisation": [["Chile", "Philippines"]],
        "Stockpile destruction": [["Australia", "Austria"]],
        "Clearance and risk reduction education": [["Afghanistan", "Sweden"]],
        "Victim assistance": [["Mexico", "Spain"]],
        "International cooperation and assistance": [
            ["Montenegro", "Netherlands (Kingdom of the)"]
        ],
        "Transparency measures": [["Iraq"]],
        "National implementation measures": [["New Zealand"]],
    }
    assert all(c[1] == [] for c in selectors.coordinators_in(convention=ccm, year=2019))


def test_reference_data_second_load_adds_nothing(ccm):
    counts = (
        Coordination.history.count(),
        Indicator.history.count(),
        Consultation.objects.count(),
        Question.objects.count(),
        ThematicArea.history.count(),
    )
    lines = load_reference(today=LOAD_DAY).lines
    assert (
        "Action plan: 7 thematic areas, 2 action plans, 2 indicators, 7 coordinations on "
        "record; 0 consultations added." in lines
    )
    assert counts == (
        Coordination.history.count(),
        Indicator.history.count(),
        Consultation.objects.filter(title=SEED_002_TITLE).count(),
        Question.objects.count(),
        ThematicArea.history.count(),
    )
