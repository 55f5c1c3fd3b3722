"""Anonymous pages are served from the cache until a record changes, and only to the anonymous."""

import re

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client

from plenary.core.models import Role, User
from plenary.core.page_cache import ACCOUNT_PLACEHOLDER, CSRF_PLACEHOLDER, HEADER, NAV_PLACEHOLDER
from plenary.treaties.models import State
from tests.conftest import PASSWORD, make_user


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_anonymous_page_is_rendered_once_then_served_from_the_cache(
    ccm, client, page_cache, django_assert_num_queries
):
    first = client.get("/ccm/states/PER/")
    # The convention of the address and the generations of what the page reads.
    with django_assert_num_queries(2):
        second = client.get("/ccm/states/PER/")

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_change_to_a_record_retires_the_cached_page(
    ccm, client, page_cache, django_capture_on_commit_callbacks
):
    client.get("/ccm/states/PER/")
    with django_capture_on_commit_callbacks(execute=True):
        peru = State.objects.get(iso3="PER")
        peru.name = "Peru (renamed in a test)"
        peru.save()

    after = client.get("/ccm/states/PER/")

    assert after[HEADER] == "miss"
    assert "Peru (renamed in a test)" in after.content.decode()


def test_a_change_rolled_back_keeps_the_cached_page(
    ccm, client, page_cache, django_capture_on_commit_callbacks
):
    client.get("/ccm/states/PER/")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        State.objects.filter(iso3="PER").get().save()
        raise RuntimeError("rolled back")

    assert callbacks == []

    assert client.get("/ccm/states/PER/")[HEADER] == "hit"


def test_signed_in_user_never_gets_the_anonymous_page(ccm, client, page_cache, peru_delegate):
    client.get("/ccm/states/PER/")
    client.login(username="peru_delegate", password=PASSWORD)

    response = client.get("/ccm/states/PER/")

    assert response[HEADER] == "miss"  # the signed-in audience's own entry, not the anonymous
    assert "peru_delegate" in response.content.decode()


def test_signed_in_page_is_rendered_once_per_audience_with_each_readers_name_and_token(
    ccm, page_cache, django_assert_num_queries
):
    first_user = make_user("peru_first", Role.DELEGATION, "PER")
    second_user = make_user("peru_second", Role.DELEGATION, "PER")
    first, second = Client(), Client()
    first.force_login(first_user)
    second.force_login(second_user)

    rendered = first.get("/ccm/states/PER/")
    # The session, the user, the reader's grants, the convention, the generations of what
    # the page reads, the State (for the reader's own part).
    with django_assert_num_queries(6):
        served = second.get("/ccm/states/PER/")

    assert rendered[HEADER] == "miss"
    assert served[HEADER] == "hit"
    page = served.content.decode()
    assert "Signed in as peru_second" in page
    assert "peru_first" not in page
    for placeholder in (CSRF_PLACEHOLDER, ACCOUNT_PLACEHOLDER, NAV_PLACEHOLDER):
        assert placeholder not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert len(token) == 64
    assert "private" in served["Cache-Control"]
    # The token is the second reader's own: their sign-out form is accepted.
    assert second.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302


def test_signed_in_readers_of_different_states_share_a_page_with_their_own_parts(ccm, page_cache):
    peru = Client()
    peru.force_login(make_user("peru_reader", Role.DELEGATION, "PER"))
    chile = Client()
    chile.force_login(make_user("chile_reader", Role.DELEGATION, "CHL"))

    peru.get("/ccm/states/PER/")
    answer = chile.get("/ccm/states/PER/")

    assert answer[HEADER] == "hit"
    page = answer.content.decode()
    assert "Chile" in page.split("</header>")[0]
    assert "Signed in as chile_reader" in page


def test_a_list_that_depends_on_roles_only_is_shared_by_delegates_of_every_state(ccm, page_cache):
    peru = Client()
    peru.force_login(make_user("peru_reader", Role.DELEGATION, "PER"))
    chile = Client()
    chile.force_login(make_user("chile_reader", Role.DELEGATION, "CHL"))
    secretariat = Client()
    secretariat.force_login(make_user("secretariat_reader", Role.SECRETARIAT))

    peru.get("/ccm/states/")
    answer = chile.get("/ccm/states/")
    other_role = secretariat.get("/ccm/states/")

    assert answer[HEADER] == "hit"
    header = answer.content.decode().split("</header>")[0]
    assert "Signed in as chile_reader" in header
    assert "Chile" in header and "Peru" not in header
    assert other_role[HEADER] == "miss"


def test_signed_in_reader_with_a_message_waiting_gets_a_fresh_page(ccm, client, page_cache):
    client.force_login(make_user("peru_reader", Role.DELEGATION, "PER"))
    client.get("/ccm/states/PER/")
    client.cookies["messages"] = "anything"

    assert HEADER not in client.get("/ccm/states/PER/")


def test_a_change_to_a_record_retires_the_signed_in_page(
    ccm, client, page_cache, django_capture_on_commit_callbacks
):
    client.force_login(make_user("peru_reader", Role.DELEGATION, "PER"))
    client.get("/ccm/states/PER/")
    with django_capture_on_commit_callbacks(execute=True):
        peru = State.objects.get(iso3="PER")
        peru.name = "Peru (renamed in a test)"
        peru.save()

    after = client.get("/ccm/states/PER/")

    assert after[HEADER] == "miss"
    assert "Peru (renamed in a test)" in after.content.decode()


def test_api_caller_with_a_token_is_never_served_from_the_cache(ccm, client, page_cache):
    client.get("/api/v1/ccm/states")

    response = client.get("/api/v1/ccm/states", HTTP_AUTHORIZATION="Bearer not-a-real-token")

    assert HEADER not in response


def test_many_writes_in_one_transaction_bump_once(
    ccm, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        for state in State.objects.filter(iso3__in=["PER", "CHL", "AUT"]):
            state.save()

    assert len(callbacks) == 1


def test_each_language_and_query_has_its_own_page(ccm, client, page_cache):
    english = client.get("/ccm/states/?on=2020-11-25")
    french = client.get("/ccm/states/?on=2020-11-25", HTTP_ACCEPT_LANGUAGE="fr")
    other_day = client.get("/ccm/states/?on=2010-08-01")

    assert english[HEADER] == french[HEADER] == other_day[HEADER] == "miss"
    assert french["Content-Language"] == "fr"
    assert client.get("/ccm/states/?on=2020-11-25", HTTP_ACCEPT_LANGUAGE="fr")[HEADER] == "hit"


def test_sign_in_page_and_errors_are_never_cached(ccm, client, page_cache):
    client.get("/accounts/login/")
    client.get("/ccm/states/XXX/")

    assert HEADER not in client.get("/accounts/login/")
    assert HEADER not in client.get("/ccm/states/XXX/")


def test_language_switch_works_without_a_token(ccm, client, page_cache):
    client.handler.enforce_csrf_checks = True

    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/ccm/states/"})

    assert response.status_code == 302
    assert response.cookies["django_language"].value == "fr"


def test_cache_is_off_when_its_lifetime_is_zero(ccm, client, settings):
    settings.PAGE_CACHE_SECONDS = 0

    client.get("/ccm/states/PER/")

    assert HEADER not in client.get("/ccm/states/PER/")


def test_a_readers_account_box_and_navigation_are_kept_and_follow_their_grants(ccm, page_cache):
    """The account box and the navigation are rendered once per reader and generation;
    a grant that ends, or a new name, shows at the next page."""
    from django.test.signals import template_rendered
    from django.utils import timezone

    from plenary.core.models import RoleGrant

    reader = make_user("peru_kept", Role.DELEGATION, "PER")
    client = Client()
    client.force_login(reader)
    rendered = []

    def seen(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(seen)
    try:
        client.get("/ccm/states/PER/")
        first = list(rendered)
        rendered.clear()
        again = client.get("/ccm/states/PER/")
        kept = list(rendered)
        # Ended today by another process: its save moves the reader's grants version on in
        # the database, while this process still holds the grants it kept of the old one.
        old_key = f"plenary-grants:{reader.pk}:{User.objects.get(pk=reader.pk).grants_version}"
        kept_grants = caches["pages"].get(old_key)
        assert kept_grants is not None
        grant = RoleGrant.objects.get(user=reader)
        grant.ends_on = timezone.localdate()
        grant.save()
        caches["pages"].set(old_key, kept_grants)
        ended = client.get("/ccm/states/PER/").content.decode()
        reader.first_name, reader.last_name = "Ana", "Reyes"
        reader.save()
        after = client.get("/ccm/states/PER/").content.decode()
    finally:
        template_rendered.disconnect(seen)

    assert {"core/_account.html", "core/_nav.html"} <= set(first)
    assert "core/_account.html" not in kept and "core/_nav.html" not in kept
    page = again.content.decode()
    assert "Signed in as peru_kept" in page and "(CCM): Peru" in page
    assert CSRF_PLACEHOLDER not in page
    assert "(CCM): Peru" not in ended.split("</header>")[0]
    assert "Signed in as peru_kept" in ended
    assert "Signed in as Ana Reyes" in after.split("</header>")[0]
