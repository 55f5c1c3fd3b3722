"""Meetings' rules: each bad input gets a clear error and nothing is stored."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.meetings import services
from plenary.meetings.models import Delegation, Meeting, PlanChange, ProgrammeEntry, ProgrammeSlot
from plenary.meetings.selectors import participants_by_category
from plenary.meetings.services import DelegateIn, PartPlan
from plenary.treaties.models import State
from tests.conftest import acts_for

GENEVA = ZoneInfo("Europe/Zurich")
HEAD = [
    DelegateIn(role="head", name="Ms. A. Delegate", title="Ambassador", email="member@example.org")
]


def _meeting(ccm, code="TEST-MSP", deadline=date(2022, 7, 15), parts=None) -> Meeting:
    return services.create_meeting(
        convention=ccm,
        code=code,
        kind="msp",
        number=10,
        title="Tenth Meeting of States Parties",
        registration_deadline=deadline,
        parts=parts or [PartPlan(1, date(2022, 8, 30), date(2022, 9, 1), "in_person")],
    )


def _error(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_part_cannot_end_before_it_starts(ccm):
    with pytest.raises(ValidationError) as excinfo:
        _meeting(ccm, parts=[PartPlan(1, date(2022, 9, 1), date(2022, 8, 30))])
    assert _error(excinfo) == {
        "ends_on": ["part 1 cannot end (30 August 2022) before it starts (1 September 2022)"]
    }
    assert not Meeting.objects.filter(code="TEST-MSP").exists()


def test_parts_may_not_overlap(ccm):
    with pytest.raises(ValidationError) as excinfo:
        _meeting(
            ccm,
            parts=[
                PartPlan(1, date(2022, 8, 30), date(2022, 9, 1)),
                PartPlan(2, date(2022, 9, 1), date(2022, 9, 2)),
            ],
        )
    assert _error(excinfo) == {
        "starts_on": ["part 2 starts (1 September 2022) before part 1 ends (1 September 2022)"]
    }


def test_an_unknown_time_zone_is_refused(ccm):
    with pytest.raises(ValidationError) as excinfo:
        _meeting(ccm, parts=[PartPlan(1, date(2022, 8, 30), date(2022, 9, 1), time_zone="Geneva")])
    assert _error(excinfo) == {
        "time_zone": ["'Geneva' is not a time zone of the IANA database (e.g. Europe/Zurich)"]
    }


def test_replanning_keeps_the_previous_plan_and_its_reason(ccm, secretariat):
    meeting = _meeting(ccm)
    change = services.replan_meeting(
        meeting=meeting,
        parts=[
            PartPlan(1, date(2022, 8, 30), date(2022, 8, 31), "virtual", platform="Interprefy"),
            PartPlan(2, date(2022, 11, 1), date(2022, 11, 2), "hybrid", "Palais des Nations"),
        ],
        decided_by="Silence procedure of 1 to 8 July 2022",
        reason="Split into two parts",
        decided_on=date(2022, 7, 8),
        by=secretariat,
    )
    assert change.previous_plan == [
        # A part that names no zone takes the meeting's: its convention's secretariat's.
        PartPlan(
            1, date(2022, 8, 30), date(2022, 9, 1), "in_person", time_zone=ccm.time_zone
        ).as_dict()
    ]
    assert [p.number for p in meeting.parts.order_by("number")] == [1, 2]
    part = meeting.parts.get(number=1)
    latest = part.history.latest()
    assert (
        latest.history_change_reason
        == "Split into two parts (Silence procedure of 1 to 8 July 2022)"
    )
    assert latest.history_user == secretariat
    assert part.history.earliest().ends_on == date(2022, 9, 1)


def test_a_replan_to_the_same_plan_is_refused(ccm):
    meeting = _meeting(ccm)
    with pytest.raises(ValidationError) as excinfo:
        services.replan_meeting(
            meeting=meeting,
            parts=services._current_plan(meeting),
            decided_by="Decision",
            reason="None",
        )
    assert _error(excinfo) == {"parts": ["the new plan is the same as the current one"]}
    assert not PlanChange.objects.filter(meeting=meeting).exists()


def test_a_part_with_a_programme_cannot_be_dropped(ccm):
    meeting = _meeting(
        ccm,
        parts=[
            PartPlan(1, date(2022, 8, 30), date(2022, 8, 31)),
            PartPlan(2, date(2022, 11, 1), date(2022, 11, 2)),
        ],
    )
    services.add_programme_slot(
        part=meeting.parts.get(number=2),
        day=date(2022, 11, 1),
        starts_at=time(10),
        ends_at=time(12),
    )
    with pytest.raises(ValidationError) as excinfo:
        services.replan_meeting(
            meeting=meeting,
            parts=[PartPlan(1, date(2022, 8, 30), date(2022, 8, 31))],
            decided_by="Decision",
            reason="One part only",
        )
    assert _error(excinfo) == {
        "parts": ["part 2 has a programme, delegations or decisions: it cannot be dropped"]
    }
    assert meeting.parts.count() == 2


def test_overlapping_slots_are_refused(ccm):
    part = _meeting(ccm).parts.get()
    services.add_programme_slot(
        part=part, day=date(2022, 8, 30), starts_at=time(10), ends_at=time(12)
    )
    with pytest.raises(ValidationError) as excinfo:
        services.add_programme_slot(
            part=part, day=date(2022, 8, 30), starts_at=time(11, 30), ends_at=time(13)
        )
    assert _error(excinfo) == {
        "starts_at": ["the slot 11:30-13:00 on 30 August 2022 overlaps the slot 10:00-12:00"]
    }
    # Touching slots do not overlap.
    services.add_programme_slot(
        part=part, day=date(2022, 8, 30), starts_at=time(12), ends_at=time(13)
    )
    assert ProgrammeSlot.objects.filter(part=part).count() == 2


def test_a_slot_ends_after_it_starts_and_lies_within_the_part(ccm):
    part = _meeting(ccm).parts.get()
    with pytest.raises(ValidationError) as excinfo:
        services.add_programme_slot(
            part=part, day=date(2022, 8, 30), starts_at=time(12), ends_at=time(10)
        )
    assert _error(excinfo) == {"ends_at": ["a slot ends after it starts: 12:00 to 10:00"]}
    with pytest.raises(ValidationError) as excinfo:
        services.add_programme_slot(
            part=part, day=date(2022, 9, 2), starts_at=time(10), ends_at=time(12)
        )
    assert _error(excinfo) == {
        "day": ["2 September 2022 is not a day of part 1 (30 August 2022 to 1 September 2022)"]
    }
    assert not ProgrammeSlot.objects.filter(part=part).exists()


def test_an_entry_must_point_at_an_item_of_the_meetings_agenda(ccm):
    meeting = _meeting(ccm)
    other = Meeting.objects.get(code="2RC").agenda_items.get(number=8, letter="")
    slot = services.add_programme_slot(
        part=meeting.parts.get(), day=date(2022, 8, 30), starts_at=time(10), ends_at=time(12)
    )
    with pytest.raises(ValidationError) as excinfo:
        services.add_programme_entry(slot=slot, agenda_item=other)
    assert _error(excinfo) == {
        "agenda_item": [
            "8. Review of the operation and status of the Convention and other matters important"
            " for achieving the aims of the Convention is not an item of the agenda of Tenth"
            " Meeting of States Parties"
        ]
    }
    assert not ProgrammeEntry.objects.filter(slot=slot).exists()


def test_a_sub_item_needs_its_item(ccm):
    meeting = _meeting(ccm)
    with pytest.raises(ValidationError) as excinfo:
        services.add_agenda_item(meeting=meeting, number=8, letter="a", title="Universalization")
    assert _error(excinfo) == {
        "letter": ["item 8 is not on the agenda: add it before its sub-items"]
    }
    services.add_agenda_item(meeting=meeting, number=8, title="Review")
    services.add_agenda_item(meeting=meeting, number=8, letter="a", title="Universalization")
    with pytest.raises(ValidationError) as excinfo:
        services.add_agenda_item(meeting=meeting, number=8, letter="a", title="Again")
    assert _error(excinfo) == {
        "number": ["item 8 (a) is already on the agenda of Tenth Meeting of States Parties"]
    }


def test_a_delegation_registers_until_the_end_of_the_deadline_day_in_geneva(ccm, peru_focal_point):
    meeting = _meeting(ccm)
    last_second = datetime(2022, 7, 15, 23, 59, 59, tzinfo=GENEVA)
    delegation = services.register_delegation(
        meeting=meeting,
        state=acts_for(peru_focal_point),
        members=HEAD,
        now=last_second,
        by=peru_focal_point,
    )
    assert [m.name for m in delegation.members.all()] == ["Ms. A. Delegate"]
    with pytest.raises(ValidationError) as excinfo:
        services.update_delegation(
            delegation=delegation,
            members=[
                *HEAD,
                DelegateIn(role="adviser", name="Mr. B. Adviser", email="member@example.org"),
            ],
            now=datetime(2022, 7, 16, 0, 0, 0, tzinfo=GENEVA),
            by=peru_focal_point,
        )
    assert _error(excinfo) == {
        "registration_deadline": [
            "registration for Tenth Meeting of States Parties closed at 23:59:59 on 15 July 2022"
            " (Europe/Zurich time); only the Secretariat can change a registration now"
        ]
    }
    assert delegation.members.count() == 1


def test_the_secretariat_changes_a_registration_after_the_deadline(
    ccm, peru_focal_point, secretariat
):
    meeting = _meeting(ccm)
    delegation = services.register_delegation(
        meeting=meeting,
        state=acts_for(peru_focal_point),
        members=HEAD,
        now=datetime(2022, 7, 1, tzinfo=GENEVA),
        by=peru_focal_point,
    )
    services.update_delegation(
        delegation=delegation,
        members=[
            *HEAD,
            DelegateIn(role="alternate", name="Mr. C. Alternate", email="member@example.org"),
        ],
        now=datetime(2022, 8, 1, tzinfo=GENEVA),
        reason="Note verbale of 30 July: an alternate added",
        by=secretariat,
    )
    assert [m.role for m in delegation.members.all()] == ["head", "alternate"]
    assert delegation.history.latest().history_user == secretariat
    assert delegation.history.latest().history_change_reason == (
        "Note verbale of 30 July: an alternate added"
    )


def test_a_second_delegation_of_the_same_state_is_refused(ccm, peru_focal_point, secretariat):
    meeting = _meeting(ccm)
    now = datetime(2022, 7, 1, tzinfo=GENEVA)
    services.register_delegation(
        meeting=meeting,
        state=acts_for(peru_focal_point),
        members=HEAD,
        now=now,
        by=peru_focal_point,
    )
    with pytest.raises(ValidationError) as excinfo:
        services.register_delegation(
            meeting=meeting, state=acts_for(peru_focal_point), members=HEAD, now=now, by=secretariat
        )
    assert _error(excinfo) == {
        "state": [
            "Peru already has a delegation for Tenth Meeting of States Parties: edit it instead"
        ]
    }
    assert Delegation.objects.filter(meeting=meeting).count() == 1


def test_a_delegation_acts_only_for_its_own_state(ccm, peru_focal_point):
    meeting = _meeting(ccm)
    with pytest.raises(PermissionDenied):
        services.register_delegation(
            meeting=meeting,
            state=State.objects.get(iso3="CHL"),
            members=HEAD,
            now=datetime(2022, 7, 1, tzinfo=GENEVA),
            by=peru_focal_point,
        )
    assert not Delegation.objects.filter(meeting=meeting).exists()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([], "a delegation has exactly one head of delegation"),
        (HEAD + HEAD, "a delegation has exactly one head of delegation"),
        ([DelegateIn(role="head", name=" ")], "each delegate needs a name"),
    ],
)
def test_a_delegation_has_one_head_and_named_members(ccm, peru_focal_point, members, message):
    with pytest.raises(ValidationError) as excinfo:
        services.register_delegation(
            meeting=_meeting(ccm),
            state=acts_for(peru_focal_point),
            members=members,
            now=datetime(2022, 7, 1, tzinfo=GENEVA),
            by=peru_focal_point,
        )
    assert _error(excinfo) == {"members": [message]}
    assert not Delegation.objects.filter(meeting__code="TEST-MSP").exists()


def test_a_registered_delegation_appears_among_the_participants(ccm, peru_focal_point):
    meeting = _meeting(ccm)
    services.register_delegation(
        meeting=meeting,
        state=acts_for(peru_focal_point),
        members=HEAD,
        now=datetime(2022, 7, 1, tzinfo=GENEVA),
        by=peru_focal_point,
    )
    assert participants_by_category(part=meeting.parts.get()) == {
        "states_parties": ["Peru"],
        "signatories": [],
        "other_states": [],
        "rule_1_2": [],
        "rule_1_3": [],
    }
