"""Migrations 0003-0005: each CCM obligation's article becomes its neutral kind, and back."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("treaties", "0002_formerstatename_seen_in_use_on_and_more")]
AFTER = [("treaties", "0005_remove_obligation_article")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("real_migrations")
def test_articles_3_and_4_of_the_ccm_become_stockpile_destruction_and_clearance():
    old = _migrate(BEFORE)
    convention = old.get_model("treaties", "Convention").objects.get_or_create(short_name="CCM")[0]
    State = old.get_model("treaties", "State")
    Obligation = old.get_model("treaties", "Obligation")
    for iso3, article in (("XXA", "3"), ("XXB", "4")):
        state = State.objects.create(iso3=iso3, name=iso3, un_membership="none", source="test")
        Obligation.objects.create(
            convention=convention,
            state=state,
            article=article,
            original_deadline=date(2021, 3, 1),
            current_deadline=date(2021, 3, 1),
            source="test",
        )

    new = _migrate(AFTER)
    kinds = dict(new.get_model("treaties", "Obligation").objects.values_list("state__iso3", "kind"))
    assert (kinds["XXA"], kinds["XXB"]) == ("stockpile_destruction", "clearance")

    back = _migrate(BEFORE)
    articles = dict(
        back.get_model("treaties", "Obligation").objects.values_list("state__iso3", "article")
    )
    assert (articles["XXA"], articles["XXB"]) == ("3", "4")
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
