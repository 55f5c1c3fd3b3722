"""A person's personal data can be erased on request while the record of what their State
did stays (issue 24, "Audit and recovery"). Absent on 2cdebbd: no way to erase it; a
person's e-mail stayed in the account and every history row."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from plenary.core.models import User
from plenary.meetings import services as meetings
from plenary.meetings.models import Delegate, Delegation
from tests.conftest import client_for, make_user, open_meeting


@pytest.fixture
def person(ccm):
    # Peru's focal point, who registers its delegations.
    user = make_user("ana", "delegation", "PER", function="focal_point")
    user.first_name, user.last_name = "Ana", "Quispe"
    user.email = "ana.quispe@example.org"
    user.save()
    return user


def test_the_secretariat_erases_a_person_and_the_state_record_stays(ccm, person, secretariat):
    meeting = open_meeting(ccm)
    delegation = meetings.register_delegation(
        meeting=meeting,
        state=person.grants.get().state,
        members=[
            meetings.DelegateIn(
                role="head", name="Ana Quispe", title="Minister", email="ana@example.org"
            )
        ],
        now=timezone.now(),
        by=person,
    )
    client = client_for(secretariat)
    page = client.get(f"/accounts/ccm/people/{person.pk}/erase/")
    assert page.status_code == 200
    member = Delegate.objects.get(delegation=delegation)
    assert "Ana Quispe (Head of delegation)" in page.content.decode()
    missing = client.post(f"/accounts/ccm/people/{person.pk}/erase/", {"reason": ""})
    assert missing.status_code == 422
    done = client.post(
        f"/accounts/ccm/people/{person.pk}/erase/",
        {"reason": "Her e-mail of 1 December 2026", "delegates": [member.pk]},
    )
    assert done.status_code == 302

    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    assert person.username == f"erased-{person.pk}"
    assert not person.is_active and not person.has_usable_password()
    history = list(person.history.all())
    assert all(row.email == "" and row.last_name == "" for row in history)
    assert not any("quispe" in str(row.username).lower() for row in history)
    newest = history[0]
    assert newest.history_user == secretariat
    assert newest.history_change_reason.endswith("Her e-mail of 1 December 2026")
    member.refresh_from_db()
    assert (member.name, member.title, member.email) == ("[erased]", "", "")
    assert not any("Quispe" in row.name for row in member.history.all())
    # What the State did stays: the registration, by the (now anonymous) account.
    kept = Delegation.objects.get(pk=delegation.pk)
    assert kept.submitted_by_id == person.pk and kept.state.iso3 == "PER"
    assert person.grants.count() == 1
    assert not client_for(None).login(username="ana", password="x")


def test_only_the_secretariat_erases(ccm, person):
    focal = make_user("per_focal", "delegation", "PER", function="focal_point")
    assert client_for(focal).get(f"/accounts/ccm/people/{person.pk}/erase/").status_code == 403
    assert User.objects.get(pk=person.pk).email == "ana.quispe@example.org"


def test_the_command_erases_and_names_a_bad_field(ccm, person, secretariat, capsys):
    with pytest.raises(CommandError, match=r"^reason: "):
        call_command("erase_person", "ana", convention="CCM", reason=" ", by=secretariat.username)
    call_command("erase_person", "ana", convention="CCM", reason="Letter", by=secretariat.username)
    assert "personal data erased" in capsys.readouterr().out
    assert User.objects.get(pk=person.pk).email == ""
