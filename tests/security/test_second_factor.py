"""A second factor for the roles that run a convention (issue 24: "a second factor (TOTP)
required in production for Secretariat, Presidency and ISU users"). Absent on 2cdebbd
(no second factor: the password alone opened every Secretariat page).

The codes are computed here, from the secret the enrolment page shows, by RFC 6238's own
arithmetic, not by django-otp.
"""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.test import Client

from tests.conftest import PASSWORD, make_user


def totp(secret_base32: str, at: float, step: int = 30, digits: int = 6) -> str:
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    counter = struct.pack(">Q", int(at // step))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.TWO_FACTOR_EXEMPT_DEMO = False


def sign_in(username: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrol(client) -> tuple[str, list[str]]:
    page = client.get("/accounts/two-factor/enrol/?next=/accounts/roles/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html  # the QR code
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', html).group(1)
    done = client.post(
        "/accounts/two-factor/enrol/",
        {"token": totp(secret, time.time()), "next": "/accounts/roles/"},
    )
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    return secret, codes


def test_enrol_then_sign_in_with_a_totp(ccm, required):
    make_user("sec2fa", "secretariat")
    client = sign_in("sec2fa")
    # The password alone opens nothing but the second step.
    blocked = client.get("/accounts/roles/")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith("/accounts/two-factor/")
    # No authenticator yet: the second step sends to enrolment.
    step = client.get("/accounts/two-factor/?next=/accounts/roles/")
    assert step.status_code == 302 and "/enrol/" in step["Location"]
    secret, _codes = enrol(client)
    assert client.get("/accounts/roles/").status_code == 200
    # The secret is not shown again: a new enrolment page shows a new one.
    again = client.get("/accounts/two-factor/enrol/").content.decode()
    assert secret not in again

    # The next sign-in asks for a code; a wrong one is refused, the next step's is taken
    # (the code of the step used at enrolment may not be used twice).
    client.post("/accounts/logout/")
    client = sign_in("sec2fa")
    assert client.get("/accounts/roles/").status_code == 302
    wrong = client.post("/accounts/two-factor/", {"token": "000000", "next": "/accounts/roles/"})
    assert wrong.status_code == 422
    time.sleep(1.1)  # django-otp's throttle: a second after one failure
    right = client.post(
        "/accounts/two-factor/",
        {"token": totp(secret, time.time() + 30), "next": "/accounts/roles/"},
    )
    assert right.status_code == 302 and right["Location"] == "/accounts/roles/"
    assert client.get("/accounts/roles/").status_code == 200


def test_a_backup_code_signs_in_once(ccm, required):
    make_user("pres2fa", "president")
    client = sign_in("pres2fa")
    _secret, codes = enrol(client)
    for attempt in ("first", "second"):
        client.post("/accounts/logout/")
        client = sign_in("pres2fa")
        answer = client.post("/accounts/two-factor/", {"token": codes[0], "next": "/"})
        assert answer.status_code == (302 if attempt == "first" else 422)


def test_the_api_refuses_an_unverified_session(ccm, required):
    make_user("isu2fa", "isu")
    client = sign_in("isu2fa")
    assert client.get("/api/v1/me").status_code == 401


def test_delegations_and_demo_accounts_need_none(ccm, settings, required):
    make_user("peru2fa", "delegation", "PER")
    assert sign_in("peru2fa").get("/accounts/roles/").status_code == 200
    settings.TWO_FACTOR_EXEMPT_DEMO = True
    make_user("secretariat", "secretariat")
    assert sign_in("secretariat").get("/accounts/roles/").status_code == 200


def test_required_by_default_in_production():
    import subprocess
    import sys

    code = (
        "from plenary import settings as s; print(s.TWO_FACTOR_REQUIRED, s.TWO_FACTOR_EXEMPT_DEMO)"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code],
        env={"DEBUG": "false", "SECRET_KEY": "x" * 50, "PATH": "/usr/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["True", "False"]


def test_the_pages_below_the_second_step_stay_closed_before_it(ccm, required):
    """The middleware opens the second step and enrolment by their exact address: the
    settings, backup codes and removal pages below /accounts/two-factor/ are not open to
    a password alone (they were, by prefix, before)."""
    make_user("sec2fa_closed", "secretariat")
    client = sign_in("sec2fa_closed")
    enrol(client)
    client.post("/accounts/logout/")
    client = sign_in("sec2fa_closed")
    for path in (
        "/accounts/two-factor/settings/",
        "/accounts/two-factor/backup-codes/",
        "/accounts/two-factor/remove/",
    ):
        for answer in (client.get(path), client.post(path)):
            assert answer.status_code == 302, path
            assert answer["Location"].startswith("/accounts/two-factor/?next="), path
    assert client.get("/accounts/two-factor/").status_code == 200
