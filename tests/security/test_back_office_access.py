"""Findings: the demo Secretariat was a superuser (failed on 76c584e), and back-office
access came from `is_staff` alone; it is now its own permission (core.use_back_office)."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from plenary.core.models import User


def test_the_demo_secretariat_is_not_a_superuser_and_enters_the_back_office(ccm, settings):
    settings.DEBUG = True
    call_command("demo_users", "--convention", "CCM", stdout=StringIO())
    secretariat = User.objects.get(username="secretariat")

    assert not secretariat.is_superuser
    assert not User.objects.filter(is_superuser=True).exists()
    client = Client()
    client.force_login(secretariat)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/decisions/silenceprocedure/").status_code == 200


def test_staff_without_the_back_office_permission_is_kept_out(secretariat):
    secretariat.is_staff = True
    secretariat.save()
    client = Client()
    client.force_login(secretariat)

    assert client.get("/admin/").status_code == 302


def test_a_demo_delegate_is_kept_out_of_the_back_office(ccm, settings):
    settings.DEBUG = True
    call_command("demo_users", "--convention", "CCM", stdout=StringIO())
    client = Client()
    client.force_login(User.objects.get(username="peru"))

    assert client.get("/admin/").status_code == 302
