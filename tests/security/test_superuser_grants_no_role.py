"""The superuser flag overrides no product role (issue 24: "an observer-role superuser
reads every State's finances"; failed on 76c584e, fixed in bf49e24)."""

from tests.conftest import client_for, make_user, token_client


def test_an_observer_superuser_reads_no_finances(ccm):
    user = make_user("root_observer", "observer")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    assert token_client(user).get("/api/v1/ccm/finance/status").status_code == 403
    assert token_client(user).get("/api/v1/ccm/finance/due-dates").status_code == 403
    page = client_for(user).get("/ccm/finance/status.csv")
    assert page.status_code in (403, 404)
