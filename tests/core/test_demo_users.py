from io import StringIO

from django.core.management import call_command

from plenary.core.models import User


def test_demo_users_are_created_once_per_role_and_bound_delegations(ccm):
    call_command("demo_users", stdout=StringIO())
    out = StringIO()
    call_command("demo_users", stdout=out)

    assert User.objects.filter(username="peru").get().state.iso3 == "PER"
    assert User.objects.filter(username="secretariat").get().role == "secretariat"
    assert User.objects.count() == 7
    assert "Demo accounts (password: plenary-demo):" in out.getvalue()
