"""Every form on every key page, posted with hostile values (blank, out of range, a NUL
byte, a choice that is not offered, text past any column's length), answers a page or a
redirect, never a server error: a service's refusal shows on the form.

The forms are found by reading the pages as each role sees them, so a new form is covered
the day its page is listed here."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from plenary.action_plan.models import Consultation
from plenary.core.models import DelegationFunction, Role
from plenary.decisions.models import ExtensionRequest, SilenceProcedure
from plenary.documents.models import Document
from tests.conftest import client_for, grant, make_user, open_meeting

pytestmark = pytest.mark.django_db

SECRETARIAT = [
    "/ccm/meetings/new/",
    "/ccm/meetings/2RC/manage/",
    "/ccm/meetings/2RC/documents/",
    "/ccm/meetings/2RC/documents/issue/",
    "/ccm/meetings/2RC/report/",
    "/ccm/states/PER/",
    "/ccm/states/PER/registry/",
    "/ccm/silence-procedures/new/",
    "/ccm/decisions/new/",
    "/ccm/finance/",
    "/ccm/finance/estimates/new/",
    "/ccm/finance/isu/",
    "/ccm/action-plans/new/",
    "/ccm/action-plans/DAP/actions/translations/",
    "/ccm/action-plans/DAP/",
    "/ccm/thematic-areas/new/",
    "/ccm/consultations/new/",
    "/ccm/reports/states/PER/",
    "/accounts/ccm/people/",
    "/accounts/tokens/",
    "/accounts/two-factor/settings/",
]
DELEGATE = [
    "/ccm/meetings/TEST-MSP/registration/",
    "/ccm/extension-requests/new/",
    "/ccm/reports/states/PER/",
    "/reminders/preferences/",
    "/states/PER/deadline-feeds/",
    "/accounts/ccm/people/",
    "/accounts/tokens/",
    "/accounts/two-factor/settings/",
]
SKIPPED_ACTIONS = ("/accounts/logout/", "/i18n/setlang/")


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)


class Forms(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.page, self.forms, self._select = page, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.forms.append(Form(action=a.get("action") or self.page))
        elif not self.forms or tag not in ("input", "select", "option", "textarea"):
            return
        form = self.forms[-1]
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            form.fields[a["name"]] = a.get("value", "")
            form.kinds[a["name"]] = a.get("type", "text")
        elif tag == "textarea" and a.get("name"):
            form.fields[a["name"]], form.kinds[a["name"]] = "", "text"
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            form.fields[a["name"]], form.kinds[a["name"]] = "", "select"
            form.choices[a["name"]] = []
        elif tag == "option" and self._select:
            form.choices[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


HOSTILE = {
    "text": ["", "x" * 5000, "a\x00b", "-1"],
    "number": ["", "1e100", "-99999999999999999999", "NaN"],
    "date": ["", "9999-12-31", "0001-01-01", "2021-02-30"],
    "datetime-local": ["", "9999-12-31T23:59", "not a time"],
    "time": ["", "25:61"],
    "email": ["", "not-an-address", "a@" + "b" * 300 + ".org"],
    "select": ["", "not-offered", None],
    "checkbox": ["", "on"],
    "file": [None],
}


def variants(form: Form):
    """The form as the page gave it with sensible values, then each hostile value put in
    every field of its kind at once."""

    def sensible(name):
        kind = form.kinds[name]
        if kind == "hidden":
            return form.fields[name]
        if kind == "select":
            offered = [c for c in form.choices[name] if c]
            return offered[0] if offered else ""
        return {
            "number": "1",
            "date": "2027-01-15",
            "email": "a@example.org",
            "time": "10:00",
            "datetime-local": "2027-01-15T10:00",
            "checkbox": "on",
            "file": None,
        }.get(kind, form.fields[name] or "x")

    base = {name: sensible(name) for name in form.fields}
    yield base
    for round_ in range(4):
        data = dict(base)
        for name, kind in form.kinds.items():
            values = HOSTILE.get(kind if kind in HOSTILE else "text", [])
            if kind == "hidden" or not values:
                continue
            value = values[round_ % len(values)]
            if value is None and kind == "select":
                value = base[name]
            data[name] = value
        yield data


def forms_on(client, path):
    response = client.get(path)
    assert response.status_code < 500, f"GET {path}: {response.status_code}"
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = Forms(path)
    parser.feed(response.content.decode())
    return [f for f in parser.forms if not f.action.startswith(SKIPPED_ACTIONS)]


def record_pages():
    pages = []
    if document := Document.objects.filter(meeting__code="2RC").order_by("pk").first():
        pages.append(f"/ccm/documents/{document.symbol}/")
    if procedure := SilenceProcedure.objects.order_by("-pk").first():
        pages.append(f"/ccm/silence-procedures/{procedure.pk}/")
    if request := ExtensionRequest.objects.order_by("pk").first():
        pages.append(f"/ccm/extension-requests/{request.pk}/")
    if consultation := Consultation.objects.order_by("pk").first():
        pages.append(f"/ccm/consultations/{consultation.pk}/")
    return pages


def with_a_second_factor(user) -> Client:
    """`user` with an authenticator and backup codes, in a session their app verified: the
    forms of the second factor's page show."""
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    StaticDevice.objects.create(user=user, name="backup codes", confirmed=True)
    client = client_for(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def post_everything(user, paths, client=None):
    client = client or client_for(user)
    errors, seen = [], set()
    for path in paths:
        for form in forms_on(client, path):
            seen.add(form.action)
            for data in variants(form):
                payload = {k: v for k, v in data.items() if v is not None}
                try:
                    response = client.post(form.action, payload)
                except Exception as error:
                    errors.append(f"{path} -> {form.action}: {type(error).__name__}: {error}")
                    break
                if response.status_code >= 500:
                    errors.append(f"{path} -> {form.action}: {response.status_code} {payload}")
                    break
    return errors, seen


def test_no_secretariat_form_answers_a_server_error(ccm, secretariat):
    open_meeting(ccm)
    lost_phone = make_user("lost_phone", Role.PRESIDENCY)
    with_a_second_factor(lost_phone)
    reset = f"/accounts/ccm/people/{lost_phone.pk}/second-factor/reset/"
    client = with_a_second_factor(secretariat)
    errors, seen = post_everything(secretariat, [*SECRETARIAT, reset, *record_pages()], client)
    assert not errors, "\n".join(errors)
    assert {reset, "/accounts/two-factor/backup-codes/", "/accounts/two-factor/remove/"} <= seen
    assert len(seen) >= 30, sorted(seen)


def test_no_delegation_form_answers_a_server_error(ccm):
    """Peru's focal point, who also drafts and approves its reports: every form a
    Delegation has."""
    peru = make_user("peru_focal", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT)
    for function in (DelegationFunction.DRAFTER, DelegationFunction.APPROVER):
        grant(peru, Role.DELEGATION, "PER", function=function)
    open_meeting(ccm)
    errors, seen = post_everything(peru, DELEGATE + record_pages())
    assert not errors, "\n".join(errors)
    assert len(seen) >= 6, sorted(seen)
