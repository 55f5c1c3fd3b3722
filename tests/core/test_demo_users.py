from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from plenary.core.models import User


def test_demo_users_are_created_once_per_role_and_bound_delegations(ccm, settings):
    settings.DEBUG = True
    call_command("demo_users", stdout=StringIO())
    out = StringIO()
    call_command("demo_users", stdout=out)

    assert User.objects.filter(username="peru").get().state.iso3 == "PER"
    assert User.objects.filter(username="secretariat").get().role == "secretariat"
    assert User.objects.count() == 7
    assert "Demo accounts (password: plenary-demo):" in out.getvalue()


def test_demo_users_are_refused_in_production(ccm, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="demo accounts are for development: DEBUG is false"):
        call_command("demo_users", stdout=StringIO())

    assert not User.objects.exists()
