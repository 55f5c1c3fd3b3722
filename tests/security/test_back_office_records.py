"""Findings (failed on 76c584e): the back office deleted a silence procedure with its breaks
and addressees, which kept no history, and edited an open procedure's deadline with no
reason. Workflow records are read-only there, never deleted; breaks and addressees keep
history."""

import pytest
from django.test import Client

from plenary.decisions.models import (
    Addressee,
    Decision,
    ExtensionRequest,
    SilenceBreak,
    SilenceProcedure,
)
from plenary.finance.models import Assessment, Payment
from plenary.meetings.models import Delegation


@pytest.fixture
def back_office(secretariat):
    from django.contrib.auth.models import Permission

    secretariat.is_staff = True
    secretariat.is_superuser = True  # the most the back office can give
    secretariat.save()
    secretariat.user_permissions.add(Permission.objects.get(codename="use_back_office"))
    client = Client()
    client.force_login(secretariat)
    return client


@pytest.mark.parametrize(
    "model", [SilenceProcedure, Decision, ExtensionRequest, Assessment, Payment, Delegation]
)
def test_workflow_records_cannot_be_added_changed_or_deleted_in_the_back_office(back_office, model):
    from django.contrib import admin

    model_admin = admin.site._registry[model]
    request = type("R", (), {"user": back_office.session and None})()

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_the_delete_page_of_a_silence_procedure_is_refused(back_office, decisions_loaded):
    procedure = SilenceProcedure.objects.first()

    url = f"/admin/decisions/silenceprocedure/{procedure.pk}/delete/"
    assert back_office.get(url).status_code == 403
    assert back_office.post(url, {"post": "yes"}).status_code == 403
    assert SilenceProcedure.objects.filter(pk=procedure.pk).exists()


def test_breaks_and_addressees_keep_history():
    assert hasattr(SilenceBreak, "history")
    assert hasattr(Addressee, "history")
