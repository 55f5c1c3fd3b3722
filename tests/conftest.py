"""The shared cast (one user per role) and the CCM reference data, loaded once per database."""

from datetime import date, timedelta

import hypothesis
import pytest
from django.test import Client
from django.utils import timezone, translation

from plenary.core.models import DelegationFunction, Role, RoleGrant, User
from plenary.core.permissions import forget_grants
from plenary.core.services import issue_api_token
from plenary.meetings import services as meetings
from plenary.reference import load_reference
from plenary.treaties.models import Convention, Organisation, State
from tests import snapshot

# Hypothesis's per-example deadline is a timed assertion: on a loaded 2-core machine an
# example's first run (imports, caches) passes 200 ms and fails as "flaky". Speed is
# measured in `make bench`, never in a test.
hypothesis.settings.register_profile("plenary", deadline=None)
hypothesis.settings.load_profile("plenary")

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


_blocker = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_reference(today=LOAD_DAY, convention="CCM")
        snapshot.take()
    _blocker.append(django_db_blocker)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (a browser journey, a concurrency or migration test) empties every
    table when it ends; put the reference data back then, committed, so that the tests after
    it find it (reloading it inside each later test's own transaction would cost seconds per
    test, rolled back every time)."""
    yield
    if nextitem is None or not _blocker or not snapshot.taken():
        return  # after the last test, the test database is gone
    from django.db import connection

    with _blocker[0].unblock():
        if connection.in_atomic_block:
            return
        if not State.objects.exists():
            snapshot.put_back()


@pytest.fixture
def real_migrations(transactional_db, settings):
    """For a migration test. The test database is built from the models (`--nomigrations` in
    pyproject.toml: rendering the states of every migration costs a minute per database);
    here the real migrations come back, recorded as applied, since they build those same
    tables (`makemigrations --check` in `make lint`, and
    tests/core/test_migrations_build_the_models.py). The tables are emptied first: SQLite
    rebuilds a table to alter it, copying its rows. The reference data comes back after."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    settings.MIGRATION_MODULES = {}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes(), fake=True)
    snapshot.empty()


@pytest.fixture
def ccm(db) -> Convention:
    if not State.objects.exists():  # a transactional test emptied the tables, and failed
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
def fresh_caches():
    """Throttles count in the "default" cache (core/throttle.py), users' grants are kept in
    the "pages" cache by user id and version, which a rolled-back test's next user may
    have again: each test starts with both empty."""
    from django.core.cache import caches

    caches["default"].clear()
    caches["pages"].clear()


# What does not depend on the database backend runs once, on SQLite: the browser journeys, the
# pure rules (hypothesis), the scheduler and LibreOffice's rendering. PostgreSQL's run keeps
# every test whose outcome the backend can change (queries, locking, constraints).
ONE_BACKEND = (
    "tests/browser/",
    "tests/rules/",
    "tests/core/test_scheduler.py",
    "tests/drafting/test_libreoffice.py",
    # Fuzz: the same refusals, by the same services, whatever the database.
    "tests/security/test_api_fuzz.py",
    "tests/core/test_no_form_answers_500.py",
    # No database: `plenary check --deploy` in a process of its own, the catalogues' files.
    "tests/test_settings.py",
    "tests/core/test_catalogues.py",
)
# Migrations of rows written by earlier versions: PostgreSQL's run only (production's
# backend, where such rows live). Rendering every migration's state back and forth costs a
# minute or two per backend. tests/core/test_migrations_build_the_models.py runs on both.
POSTGRESQL_ONLY = (
    "tests/treaties/test_migration_obligation_kind.py",
    "tests/reminders/test_language_migration.py",
    "tests/core/test_role_migration.py",
)


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "sqlite":
        skip = pytest.mark.skip(reason="migrations of earlier rows: run on PostgreSQL only")
        for item in items:
            if item.nodeid.startswith(POSTGRESQL_ONLY):
                item.add_marker(skip)
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
