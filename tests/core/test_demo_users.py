from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from plenary.core.models import RoleGrant, User


def test_demo_users_are_created_once_per_role_and_bound_delegations(ccm, settings):
    settings.DEBUG = True
    call_command("demo_users", "--convention", "CCM", stdout=StringIO())
    out = StringIO()
    call_command("demo_users", "--convention", "CCM", stdout=out)

    peru = User.objects.get(username="peru").grants.get()
    assert (peru.convention.short_name, peru.role, peru.state.iso3, peru.function) == (
        "CCM",
        "delegation",
        "PER",
        "focal_point",
    )
    assert User.objects.get(username="secretariat").grants.get().role == "secretariat"
    assert User.objects.count() == 7
    assert RoleGrant.objects.count() == 7
    assert "Demo accounts under the CCM (password: plenary-demo):" in out.getvalue()
    assert "peru           Delegation for Peru, Focal point" in out.getvalue()


def test_demo_users_need_a_convention(ccm, settings):
    settings.DEBUG = True
    settings.PLENARY_DEFAULT_CONVENTION = ""

    with pytest.raises(CommandError, match="convention: give --convention"):
        call_command("demo_users", stdout=StringIO())


def test_demo_users_are_refused_in_production(ccm, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="demo accounts are for development: DEBUG is false"):
        call_command("demo_users", stdout=StringIO())

    assert not User.objects.exists()
