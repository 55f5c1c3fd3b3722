"""One's own second factor after enrolment: new backup codes (shown once, the old ones
refused), how many remain, removal; the Secretariat's reset of another person's (a lost
phone), with a reason, in the person's history; the throttle after wrong codes said as
such. Absent on 2396dc8: no page made new codes or reset a factor but the back office."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from plenary.core import services
from plenary.core import two_factor as tf
from plenary.core.models import Role, User
from tests.conftest import PASSWORD, client_for, make_user


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = tf.start_enrolment(by=user)
    codes = tf.confirm_enrolment(by=user, device=device, token=f"{totp(device.bin_key):06d}")
    assert codes is not None
    return device, codes


def verified_client(user, device) -> Client:
    """A session that gave `device`'s code after the password (as django_otp.login marks it)."""
    client = client_for(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def codes_on(response) -> list[str]:
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())


def last_change(user) -> tuple[str | None, str]:
    row = User.history.filter(id=user.pk).order_by("-history_id").first()
    return (row.history_user.username if row.history_user else None), row.history_change_reason


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.TWO_FACTOR_EXEMPT_DEMO = False


def test_new_backup_codes_refuse_the_old_ones(ccm, secretariat):
    _device, old = enrolled(secretariat)

    new = services.make_backup_codes(by=secretariat)

    assert len(new) == 10 and not set(new) & set(old)
    assert tf.verify(by=secretariat, token=old[0]) is None
    secretariat_static = StaticDevice.objects.get(user=secretariat)
    secretariat_static.throttle_reset()  # the wrong code above holds the next for a second
    assert tf.verify(by=secretariat, token=new[0]) == secretariat_static
    assert StaticToken.objects.filter(device__user=secretariat).count() == 9
    assert last_change(secretariat) == ("secretariat", "Backup codes made anew")


def test_new_backup_codes_need_an_authenticator(ccm, peru_delegate):
    with pytest.raises(ValidationError) as refused:
        services.make_backup_codes(by=peru_delegate)
    assert refused.value.message_dict == {"codes": [str(services.NO_AUTHENTICATOR)]}


def test_the_page_counts_the_codes_left_and_shows_new_ones_once(
    ccm, secretariat, django_assert_max_num_queries
):
    device, old = enrolled(secretariat)
    tf.verify(by=secretariat, token=old[0])
    client = verified_client(secretariat, device)

    with django_assert_max_num_queries(12):
        page = client.get("/accounts/two-factor/settings/")
    assert page.status_code == 200
    assert "9 backup codes remain unused." in page.content.decode()

    made = client.post("/accounts/two-factor/backup-codes/")
    assert made.status_code == 201
    new = codes_on(made)
    assert len(new) == 10
    again = client.get("/accounts/two-factor/settings/").content.decode()
    assert "10 backup codes remain unused." in again
    assert not any(code in again for code in new)


def test_a_session_signed_in_with_a_backup_code_stays_signed_in_after_new_codes(
    ccm, president, required
):
    _device, old = enrolled(president)
    client = Client()
    client.post("/accounts/login/", {"username": "president", "password": PASSWORD})
    assert client.post("/accounts/two-factor/", {"token": old[0], "next": "/"}).status_code == 302

    assert client.post("/accounts/two-factor/backup-codes/").status_code == 201

    assert client.get("/accounts/roles/").status_code == 200


def test_an_unverified_session_makes_no_codes(ccm, secretariat):
    device, old = enrolled(secretariat)
    client = client_for(secretariat)  # the password only

    answer = client.post("/accounts/two-factor/backup-codes/")

    assert answer.status_code == 302
    assert answer["Location"] == "/accounts/two-factor/?next=/accounts/two-factor/settings/"
    assert sorted(
        StaticToken.objects.filter(device__user=secretariat).values_list("token", flat=True)
    ) == sorted(old)
    assert client.post("/accounts/two-factor/remove/").status_code == 302
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_removing_ones_second_factor_sends_a_staff_user_to_enrol(ccm, secretariat, required):
    device, _codes = enrolled(secretariat)
    client = verified_client(secretariat, device)

    assert client.post("/accounts/two-factor/remove/").status_code == 302

    assert not TOTPDevice.objects.filter(user=secretariat).exists()
    assert not StaticDevice.objects.filter(user=secretariat).exists()
    assert last_change(secretariat) == ("secretariat", "Second factor removed")
    assert client.get("/accounts/roles/")["Location"].startswith("/accounts/two-factor/")
    # Without a second factor the session is no longer verified: the removal page is
    # behind the second step (enrolment) like every other page.
    again = client.post("/accounts/two-factor/remove/")
    assert again.status_code == 302
    assert again["Location"].startswith("/accounts/two-factor/?next=")


def test_removing_when_there_is_nothing_to_remove_is_refused(ccm, secretariat):
    """Where no second factor is required (TWO_FACTOR_REQUIRED off), the page is open and
    the service's refusal shows."""
    device, _codes = enrolled(secretariat)
    client = verified_client(secretariat, device)
    assert client.post("/accounts/two-factor/remove/").status_code == 302

    refused = client.post("/accounts/two-factor/remove/")

    assert refused.status_code == 422
    assert str(services.NO_SECOND_FACTOR) in refused.content.decode()


def test_the_secretariat_resets_a_lost_phone_with_a_reason(ccm, secretariat, required):
    person = make_user("lost_phone", Role.PRESIDENCY)
    device, _codes = enrolled(person)
    theirs = verified_client(person, device)
    assert theirs.get("/accounts/roles/").status_code == 200

    own, _codes = enrolled(secretariat)
    answer = verified_client(secretariat, own).post(
        f"/accounts/ccm/people/{person.pk}/second-factor/reset/",
        {"reason": "Phone lost; asked by telephone on 1 December"},
    )

    assert answer.status_code == 302 and answer["Location"] == "/accounts/ccm/people/"
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticDevice.objects.filter(user=person).exists()
    assert last_change(person) == (
        "secretariat",
        "Second factor reset: Phone lost; asked by telephone on 1 December",
    )
    # The session the old app verified is verified no longer: the person sets up a new one.
    blocked = theirs.get("/accounts/roles/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/accounts/two-factor/")
    step = theirs.get("/accounts/two-factor/?next=/accounts/roles/")
    assert step["Location"] == "/accounts/two-factor/enrol/?next=/accounts/roles/"


def test_a_reset_is_the_secretariats_with_a_reason_of_another_persons_factor(
    ccm, secretariat, president
):
    person = make_user("lost_phone", Role.PRESIDENCY)
    enrolled(person)
    enrolled(secretariat)
    with pytest.raises(PermissionDenied):
        services.reset_second_factor(person=person, convention=ccm, reason="x", by=president)
    for who, reason, field, message in [
        (person, "  ", "reason", services.RESET_REASON_REQUIRED),
        (secretariat, "Lost", "person", services.RESET_OWN),
        (make_user("no_phone", Role.ISU), "Lost", "person", services.NO_SECOND_FACTOR),
    ]:
        with pytest.raises(ValidationError) as refused:
            services.reset_second_factor(person=who, convention=ccm, reason=reason, by=secretariat)
        assert refused.value.message_dict == {field: [str(message)]}
    page = client_for(secretariat).post(
        f"/accounts/ccm/people/{person.pk}/second-factor/reset/", {"reason": "  "}
    )
    assert page.status_code == 422
    assert TOTPDevice.objects.filter(user=person).exists()


def test_the_api_resets_a_second_factor(ccm, secretariat):
    from tests.conftest import token_client

    person = make_user("lost_phone", Role.PRESIDENCY)
    enrolled(person)

    answer = token_client(secretariat).post(
        "/api/v1/ccm/people/lost_phone/second-factor/reset",
        {"reason": "Phone lost"},
        content_type="application/json",
    )

    assert answer.status_code == 200
    assert answer.json() == {
        "username": "lost_phone",
        "has_authenticator": False,
        "backup_codes_left": 0,
    }
    assert last_change(person) == ("secretariat", "Second factor reset: Phone lost")


def test_wrong_codes_in_a_row_are_held_by_the_throttle(ccm, president, required):
    enrolled(president)
    client = Client()
    client.post("/accounts/login/", {"username": "president", "password": PASSWORD})

    wrong = client.post("/accounts/two-factor/", {"token": "000000", "next": "/"})
    assert wrong.status_code == 422
    assert str(tf.BAD_CODE) in wrong.content.decode()
    held = client.post("/accounts/two-factor/", {"token": "000000", "next": "/"})

    assert held.status_code == 429
    assert "Too many wrong codes. Wait 1 second, then try again." in held.content.decode()
    # Held codes are not checked, so the throttle does not grow while it holds.
    assert TOTPDevice.objects.get(user=president).throttling_failure_count == 1
