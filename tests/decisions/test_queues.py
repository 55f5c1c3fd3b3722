"""The home page shows a signed-in user what waits for them under each convention."""

from datetime import timedelta

from django.utils import timezone

from plenary.decisions import services
from tests.conftest import acts_for, client_for


def test_each_role_sees_what_waits_for_it(ccm, president, peru_delegate, isu, secretariat):
    now = timezone.now()
    procedure = services.circulate_silence_procedure(
        convention=ccm,
        subject="A proposal to answer",
        circulated_on=timezone.localdate(),
        deadline_on=timezone.localdate() + timedelta(days=5),
        now=now,
        by=president,
    )

    peru_home = client_for(peru_delegate).get("/").content.decode()
    assert "Silence procedure to answer by" in peru_home
    assert f"/ccm/silence-procedures/{procedure.pk}/" in peru_home

    services.break_silence(
        procedure=procedure, state=acts_for(peru_delegate), reason="No", now=now, by=peru_delegate
    )
    assert "A proposal to answer" not in client_for(peru_delegate).get("/").content.decode()
    assert "A proposal to answer" not in client_for(isu).get("/").content.decode()
    assert "Waiting for you" not in client_for(None).get("/").content.decode()


def test_the_home_page_runs_a_constant_number_of_queries(ccm, isu, django_assert_max_num_queries):
    page = client_for(isu)
    with django_assert_max_num_queries(14):
        assert page.get("/").status_code == 200
