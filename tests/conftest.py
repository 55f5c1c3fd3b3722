"""The shared cast (one user per role) and the CCM reference data, loaded once per database."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from plenary.core.models import DelegationFunction, Role, RoleGrant, User
from plenary.core.permissions import forget_grants
from plenary.core.services import issue_api_token
from plenary.meetings import services as meetings
from plenary.reference import load_reference
from plenary.treaties.models import Convention, Organisation, State

PASSWORD = "a-long-test-password"
LOAD_DAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def site_language_to_start(settings):
    """Each test starts in the site's language: LocaleMiddleware activates a request's
    language in the thread and leaves it there, so a French page in one test would word the
    next test's messages in French."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def default_convention(settings):
    """The site's default convention, as `make test` and .env.example set it."""
    settings.PLENARY_DEFAULT_CONVENTION = "CCM"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_reference(today=LOAD_DAY, convention="CCM")


@pytest.fixture
def ccm(db) -> Convention:
    # A browser test (transactional) empties the tables when it ends; reload after it.
    if not State.objects.exists():
        load_reference(today=LOAD_DAY, convention="CCM")
    return Convention.objects.get(short_name="CCM")


def the_ccm() -> Convention:
    """The CCM's row, for selectors called outside a page (which gets it from its address)."""
    return Convention.objects.get(short_name="CCM")


def new_state(iso3: str) -> State:
    """A State outside the reference data, for facts no real State has."""
    return State.objects.create(
        iso3=iso3, name=f"Test State {iso3}", un_membership="none", source="test"
    )


def make_user(
    username: str,
    role: str,
    iso3: str | None = None,
    *,
    convention: str = "CCM",
    function: str = DelegationFunction.DELEGATE,
    organisation: str | None = None,
) -> User:
    """A user holding `role` under `convention` (the CCM unless named) since long ago; a
    Delegation acts for the State `iso3` with `function`."""
    user = User(username=username, email=f"{username}@example.org")
    user.set_password(PASSWORD)
    user.save()
    grant(user, role, iso3, convention=convention, function=function, organisation=organisation)
    return user


def grant(
    user: User,
    role: str,
    iso3: str | None = None,
    *,
    convention: str = "CCM",
    function: str = DelegationFunction.DELEGATE,
    organisation: str | None = None,
) -> RoleGrant:
    """Give `user` one more role, straight in the table (the cast, not the service)."""
    row = RoleGrant.objects.create(
        user=user,
        convention=Convention.objects.get_or_create(short_name=convention)[0],
        role=role,
        state=State.objects.get(iso3=iso3) if iso3 else None,
        organisation=Organisation.objects.get(abbreviation=organisation) if organisation else None,
        function=function if role == Role.DELEGATION else "",
        starts_on=date(2000, 1, 1),
        reason="test cast",
    )
    forget_grants(user)
    return row


@pytest.fixture
def secretariat(ccm):
    return make_user("secretariat", Role.SECRETARIAT)


@pytest.fixture
def president(ccm):
    return make_user("president", Role.PRESIDENCY)


@pytest.fixture
def isu(ccm):
    return make_user("isu", Role.ISU)


@pytest.fixture
def coordinator(ccm):
    return make_user("coordinator", Role.COORDINATOR)


@pytest.fixture
def peru_delegate(ccm):
    return make_user("peru_delegate", Role.DELEGATION, "PER")


@pytest.fixture
def chile_delegate(ccm):
    return make_user("chile_delegate", Role.DELEGATION, "CHL")


@pytest.fixture
def peru_focal_point(ccm):
    """The focal point of Peru's Delegation, who registers Peru's delegations."""
    return make_user(
        "peru_focal_point", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT
    )


@pytest.fixture
def chile_focal_point(ccm):
    return make_user(
        "chile_focal_point", Role.DELEGATION, "CHL", function=DelegationFunction.FOCAL_POINT
    )


@pytest.fixture
def observer(ccm):
    return make_user("observer", Role.OBSERVER)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def token_client(user: User) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {issue_api_token(user=user, name='test', by=user)}")


def open_meeting(convention: Convention):
    """A meeting of States Parties whose registration of delegations is still open today."""
    today = timezone.localdate()
    return meetings.create_meeting(
        convention=convention,
        code="TEST-MSP",
        kind="msp",
        title="Test Meeting of States Parties",
        registration_deadline=today + timedelta(days=30),
        parts=[
            meetings.PartPlan(
                1, today + timedelta(days=60), today + timedelta(days=62), "in_person"
            )
        ],
    )


def acts_for(user: User) -> State:
    """The State a Delegation of the cast acts for under the CCM."""
    return user.grants.get(convention__short_name="CCM", role=Role.DELEGATION).state


# --- Issue 24 (security) -----------------------------------------------------------------
@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttles count in the "default" cache (core/throttle.py); each test starts at zero."""
    from django.core.cache import caches

    caches["default"].clear()


# What does not depend on the database backend runs once, on SQLite: the browser journeys, the
# pure rules (hypothesis), the scheduler and LibreOffice's rendering. PostgreSQL's run keeps
# every test whose outcome the backend can change (queries, locking, constraints).
ONE_BACKEND = (
    "tests/browser/",
    "tests/rules/",
    "tests/core/test_scheduler.py",
    "tests/drafting/test_libreoffice.py",
)


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "sqlite":
        return
    skip = pytest.mark.skip(reason="backend-independent: runs on SQLite only")
    for item in items:
        if item.nodeid.startswith(ONE_BACKEND) or item.get_closest_marker("browser"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    """The API fuzz run's count (tests/security/test_api_fuzz.py), at the end of `make test`,
    from whichever worker ran it (here: the controller of
    pytest-xdist loads this file, not tests/security/conftest.py)."""
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for key, value in getattr(report, "user_properties", []):
                if key == "api_fuzz":
                    terminalreporter.write_line(value)
