"""With a second factor required, the Secretariat signs in, is sent to set up an
authenticator app, types the code its secret gives (computed here from the secret the
page shows, as the app would), and lands on the page it asked for. Signing in again, a
wrong code is refused on the field, a second at once is held by the throttle, and the
app's next code signs in; then a backup code does, once. New backup codes are made on the
page of the second factor, and an old one is refused after."""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from plenary.core import two_factor as tf
from plenary.core.models import Role
from tests.browser.accessibility import assert_accessible
from tests.browser.test_people import sign_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser

WANTED = "/accounts/ccm/people/"
THROTTLE_SECONDS = 2


def code_of(secret: str, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app with this base32 secret shows, `steps_ahead` 30-second
    steps from now (django-otp accepts one step either side, each step once)."""
    totp = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.TWO_FACTOR_EXEMPT_DEMO = False
    # A throttle the journey can see hold and release within seconds.
    settings.OTP_TOTP_THROTTLE_FACTOR = THROTTLE_SECONDS
    settings.OTP_STATIC_THROTTLE_FACTOR = THROTTLE_SECONDS


def confirm(page, code: str):
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Confirm", exact=True).click()


def sign_out(page):
    page.get_by_role("button", name="Sign out").first.click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def field_error(page):
    return page.locator("form#second-factor .field.invalid").get_by_role("alert")


def test_the_secretariat_enrols_signs_in_with_codes_and_renews_its_backup_codes(
    page, ccm, required
):
    make_user("secretariat", Role.SECRETARIAT)

    # The password, then the enrolment: the secret as text beside the QR code.
    sign_in(page, "secretariat", PASSWORD, WANTED)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your second factor")
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.get_by_label("Code").fill(code_of(secret))
    page.get_by_role("button", name="Confirm the app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your backup codes")
    backup = page.locator("#backup-codes code").all_inner_texts()
    assert len(backup) == 10
    page.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CCM: people")
    assert page.url == page.base_url + WANTED
    sign_out(page)

    # Again: a wrong code is refused on its field; another at once is held; the app's
    # next code, once the throttle lets go, signs in.
    sign_in(page, "secretariat", PASSWORD, WANTED)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your sign-in")
    confirm(page, "000000")
    expect(field_error(page)).to_have_text(str(tf.BAD_CODE))
    expect(page.get_by_label("Code")).to_have_attribute("aria-invalid", "true")
    confirm(page, "000000")
    expect(field_error(page)).to_have_text(
        re.compile(r"Too many wrong codes\. Wait \d seconds?, then try again\.")
    )
    page.wait_for_timeout(THROTTLE_SECONDS * 2 * 1000 + 200)
    confirm(page, code_of(secret, steps_ahead=1))
    expect(page.get_by_role("heading", level=1)).to_have_text("CCM: people")
    sign_out(page)

    # A backup code signs in without the app.
    sign_in(page, "secretariat", PASSWORD, WANTED)
    confirm(page, backup[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("CCM: people")

    # New backup codes, from the page of the second factor.
    page.get_by_role("link", name="Your roles and API tokens").click()
    page.get_by_role("link", name="Your second factor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your second factor")
    expect(page.locator("#backup-codes-left")).to_have_text("9 backup codes remain unused.")
    assert_accessible(page)
    page.get_by_role("button", name="Make new backup codes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your backup codes")
    expect(page.get_by_role("status")).to_contain_text("the earlier ones no longer work")
    renewed = page.locator("#backup-codes code").all_inner_texts()
    assert len(renewed) == 10 and not set(renewed) & set(backup)
    page.get_by_role("link", name="Continue").click()
    expect(page.locator("#backup-codes-left")).to_have_text("10 backup codes remain unused.")
    sign_out(page)

    # An old backup code is refused; a new one signs in.
    sign_in(page, "secretariat", PASSWORD, WANTED)
    confirm(page, backup[1])
    expect(field_error(page)).to_have_text(str(tf.BAD_CODE))
    page.wait_for_timeout(THROTTLE_SECONDS * 1000 + 200)
    confirm(page, renewed[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("CCM: people")
