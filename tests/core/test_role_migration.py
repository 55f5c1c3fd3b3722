"""Migration core 0005 moves each user's role into a grant under the CCM."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("core", "0004_role_grants")]
AFTER = [("core", "0005_user_roles_to_ccm_grants")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("real_migrations")
def test_roles_of_users_become_ccm_grants():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("core", "User")
    State = old.get_model("treaties", "State")
    joined = datetime(2020, 5, 4, 9, 0, tzinfo=UTC)
    peru = State.objects.get_or_create(
        iso3="PER", defaults={"name": "Peru", "un_membership": "member", "source": "test"}
    )[0]
    User.objects.create(username="sec", role="secretariat", date_joined=joined)
    User.objects.create(username="per", role="delegation", state=peru, date_joined=joined)
    User.objects.create(username="obs", role="observer", date_joined=joined)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    RoleGrant = new.get_model("core", "RoleGrant")

    rows = RoleGrant.objects.order_by("user__username").values_list(
        "user__username", "convention__short_name", "role", "state__iso3", "function", "starts_on"
    )
    assert [tuple(map(str, row)) for row in rows] == [
        ("per", "CCM", "delegation", "PER", "delegate", "2020-05-04"),
        ("sec", "CCM", "secretariat", "None", "", "2020-05-04"),
    ]

    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
