from plenary.core.forms import LOGIN_REFUSED
from plenary.core.models import FailedLogin
from tests.conftest import PASSWORD


def sign_in(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_sign_in_with_the_right_password_succeeds(client, peru_delegate):
    response = sign_in(client, "peru_delegate", PASSWORD)

    assert response.status_code == 302
    assert client.get("/api/v1/me").json()["username"] == "peru_delegate"


def test_sign_in_is_refused_after_five_failures_even_with_the_right_password(
    client, peru_delegate, settings
):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert sign_in(client, "peru_delegate", "wrong").status_code == 200

    response = sign_in(client, "peru_delegate", PASSWORD)

    assert response.status_code == 429
    assert str(LOGIN_REFUSED) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_clears_the_account_failures(client, peru_delegate, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        sign_in(client, "peru_delegate", "wrong")

    assert sign_in(client, "peru_delegate", PASSWORD).status_code == 302
    assert FailedLogin.objects.filter(username="peru_delegate").count() == 0


def test_failures_on_one_account_do_not_lock_another(
    client, peru_delegate, chile_delegate, settings
):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        sign_in(client, "peru_delegate", "wrong")

    assert sign_in(client, "chile_delegate", PASSWORD).status_code == 302
