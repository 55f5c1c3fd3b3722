from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from plenary.core.models import ApiToken


def test_the_command_issues_lists_and_revokes_a_token(observer):
    out = StringIO()
    call_command("api_token", "observer", "--name", "nightly import", stdout=out)
    key = out.getvalue().strip()
    token = ApiToken.objects.get(user=observer)
    assert token.digest == ApiToken.digest_of(key)

    listed = StringIO()
    call_command("api_token", "observer", "--list", stdout=listed)
    assert listed.getvalue() == f"{token.prefix}  nightly import  active\n"

    call_command("api_token", "observer", "--revoke", token.prefix, stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked_at is not None
    with pytest.raises(CommandError, match=r"This token is already revoked\."):
        call_command("api_token", "observer", "--revoke", token.prefix, stdout=StringIO())


def test_the_command_names_an_unknown_user(ccm):
    with pytest.raises(CommandError, match="username: no user 'nobody'"):
        call_command("api_token", "nobody", stdout=StringIO())
