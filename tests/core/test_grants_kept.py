"""A user's grants are read once and kept under their grants version; every change that
could show in them moves the version on, so a kept copy of another version is never used."""

import pytest
from django.core.cache import caches
from django.utils import timezone

from plenary.core.models import Role, RoleGrant, User
from plenary.core.permissions import current_grants, grants_in_force
from plenary.treaties.models import State
from tests.conftest import grant, make_user


@pytest.fixture(autouse=True)
def fresh_cache():
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def _fresh(user) -> User:
    """The user as the next request reads them: a new row, no grants on it yet."""
    return User.objects.get(pk=user.pk)


def test_grants_are_read_once_then_kept_for_the_next_request(ccm, django_assert_num_queries):
    user = make_user("kept_reader", Role.DELEGATION, "PER")
    first = _fresh(user)
    with django_assert_num_queries(1):
        assert [g.state.iso3 for g in grants_in_force(first)] == ["PER"]
    reader = _fresh(user)
    with django_assert_num_queries(0):
        assert [g.state.iso3 for g in grants_in_force(reader)] == ["PER"]


def test_a_grant_given_or_ended_is_read_at_the_next_request(ccm):
    user = make_user("kept_changes", Role.DELEGATION, "PER")
    assert len(grants_in_force(_fresh(user))) == 1

    grant(user, Role.DELEGATION, "CHL")
    assert sorted(g.state.iso3 for g in grants_in_force(_fresh(user))) == ["CHL", "PER"]

    row = RoleGrant.objects.get(user=user, state__iso3="PER")
    row.ends_on = timezone.localdate()
    row.save()
    assert [g.state.iso3 for g in grants_in_force(_fresh(user))] == ["CHL"]

    RoleGrant.objects.filter(user=user).delete()
    assert grants_in_force(_fresh(user)) == []


def test_a_copy_kept_by_another_process_of_an_older_version_is_not_used(ccm):
    user = make_user("kept_elsewhere", Role.DELEGATION, "PER")
    old = _fresh(user)
    grants_in_force(old)
    old_key = f"plenary-grants:{user.pk}:{old.grants_version}"
    kept = caches["pages"].get(old_key)
    assert kept is not None

    grant(user, Role.SECRETARIAT)
    # Another process still holds the copy of the version before the new grant.
    caches["pages"].set(old_key, kept)

    reader = _fresh(user)
    assert reader.grants_version > old.grants_version
    assert {g.role for g in current_grants(reader, ccm)} == {Role.DELEGATION, Role.SECRETARIAT}


def test_a_state_renamed_moves_the_version_of_those_acting_for_it(ccm):
    peru = make_user("kept_peru", Role.DELEGATION, "PER")
    chile = make_user("kept_chile", Role.DELEGATION, "CHL")
    before = {u.pk: _fresh(u).grants_version for u in (peru, chile)}
    grants_in_force(_fresh(peru))

    state = State.objects.get(iso3="PER")
    state.name = "Peru (renamed in a test)"
    state.save()

    assert _fresh(peru).grants_version == before[peru.pk] + 1
    assert _fresh(chile).grants_version == before[chile.pk]
    assert [g.state.name for g in grants_in_force(_fresh(peru))] == ["Peru (renamed in a test)"]
