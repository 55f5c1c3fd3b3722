"""People and their roles on the page: invitations, grants, ends, a focal point's own
State, and each user's API tokens."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from plenary.core import services
from plenary.core.models import ApiToken, DelegationFunction, Role, RoleGrant, User
from plenary.treaties.models import State
from tests.conftest import client_for, make_user

PEOPLE = "/accounts/ccm/people/"


@pytest.fixture
def peru_focal_point(ccm):
    return make_user(
        "peru_focal_point", Role.DELEGATION, "PER", function=DelegationFunction.FOCAL_POINT
    )


def _link(message) -> str:
    return re.search(r"http://[^\s]+/accounts/reset/[^\s]+/", message.body).group(0)


def test_the_secretariat_invites_in_the_invitees_language(
    ccm, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(
            PEOPLE + "invite/",
            {
                "invite-email": "Diplomate@Example.org",
                "invite-first_name": "Anne",
                "invite-last_name": "Diplomate",
                "invite-language": "fr",
                "invite-role": "delegation",
                "invite-state": "CHL",
                "invite-function": "delegate",
            },
        )

    assert response.status_code == 302
    invited = User.objects.get(email="Diplomate@example.org")
    assert (invited.username, invited.language, invited.has_usable_password()) == (
        "Diplomate@example.org",
        "fr",
        False,
    )
    row = invited.grants.get()
    assert (row.role, row.state.iso3, row.function, row.granted_by) == (
        "delegation",
        "CHL",
        "delegate",
        secretariat,
    )
    [message] = mail.outbox
    assert message.to == ["Diplomate@example.org"]
    assert re.search(
        r"Invitation envoyée le \d+ (janvier|février|mars|avril|mai|juin|juillet|août"
        r"|septembre|octobre|novembre|décembre) \d{4}\.",
        message.body,
    )

    client = Client()
    form_page = client.get(_link(message), follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password", "new_password2": "a-new-long-password"},
    )
    assert done.status_code == 302
    assert Client().login(username="Diplomate@example.org", password="a-new-long-password")


def test_an_invitation_to_a_known_address_is_refused_on_its_field(ccm, secretariat, peru_delegate):
    response = client_for(secretariat).post(
        PEOPLE + "invite/",
        {
            "invite-email": peru_delegate.email,
            "invite-language": "en",
            "invite-role": "observer",
        },
    )

    assert response.status_code == 422
    assert response.context["invite_form"].errors == {"email": [str(services.EMAIL_TAKEN)]}
    assert mail.outbox == []


def test_a_delegation_without_a_state_is_refused_on_the_state_field(ccm, secretariat, observer):
    response = client_for(secretariat).post(
        PEOPLE + "grant/",
        {"grant-username": "observer", "grant-role": "delegation", "grant-function": "delegate"},
    )

    assert response.status_code == 422
    assert response.context["grant_form"].errors == {"state": [str(services.PARTY_REQUIRED)]}


def test_the_secretariat_grants_and_ends_a_role_and_the_history_stays(ccm, secretariat, observer):
    client = client_for(secretariat)
    response = client.post(
        PEOPLE + "grant/",
        {"grant-username": "observer@example.org", "grant-role": "coordinator"},
    )
    assert response.status_code == 302
    row = observer.grants.get(role=Role.COORDINATOR)

    response = client.post(f"{PEOPLE}grants/{row.pk}/end/", {f"end-{row.pk}-reason": ""})
    assert response.status_code == 422
    assert response.context["rows"]  # the page again, with the error on the reason
    response = client.post(
        f"{PEOPLE}grants/{row.pk}/end/", {f"end-{row.pk}-reason": "Term of office over"}
    )
    assert response.status_code == 302

    row.refresh_from_db()
    assert (row.ended_by, row.end_reason) == (secretariat, "Term of office over")
    page = client.get(PEOPLE).content.decode()
    assert "Term of office over" in page


def test_a_second_identical_grant_is_refused(ccm, secretariat, peru_delegate):
    with pytest.raises(ValidationError) as refused:
        services.grant_role(
            user=peru_delegate,
            convention=ccm,
            role=Role.DELEGATION,
            state=State.objects.get(iso3="PER"),
            function=DelegationFunction.DELEGATE,
            by=secretariat,
        )

    assert refused.value.message_dict == {"role": [str(services.ALREADY_HELD)]}


def test_a_focal_point_grants_and_ends_its_own_states_drafters(ccm, peru_focal_point, observer):
    peru = State.objects.get(iso3="PER")
    row = services.grant_role(
        user=observer,
        convention=ccm,
        role=Role.DELEGATION,
        state=peru,
        function=DelegationFunction.DRAFTER,
        by=peru_focal_point,
    )
    services.end_role(grant=row, reason="Left the mission", by=peru_focal_point)

    assert RoleGrant.objects.get(pk=row.pk).ended_by == peru_focal_point


@pytest.mark.parametrize(
    ("role", "iso3", "function"),
    [
        (Role.DELEGATION, "CHL", DelegationFunction.DRAFTER),
        (Role.DELEGATION, "PER", DelegationFunction.FOCAL_POINT),
        (Role.SECRETARIAT, None, ""),
    ],
)
def test_a_focal_point_grants_nothing_else(ccm, peru_focal_point, observer, role, iso3, function):
    with pytest.raises(PermissionDenied):
        services.grant_role(
            user=observer,
            convention=ccm,
            role=role,
            state=State.objects.get(iso3=iso3) if iso3 else None,
            function=function,
            by=peru_focal_point,
        )

    assert not observer.grants.exclude(role=Role.OBSERVER).exists()


def test_a_focal_point_cannot_end_another_states_role(ccm, peru_focal_point, chile_delegate):
    row = chile_delegate.grants.get()

    with pytest.raises(PermissionDenied):
        services.end_role(grant=row, reason="Not mine", by=peru_focal_point)

    row.refresh_from_db()
    assert row.ends_on is None


def test_a_focal_point_sees_only_its_own_states_people(
    ccm, peru_focal_point, peru_delegate, chile_delegate
):
    response = client_for(peru_focal_point).get(PEOPLE)

    assert response.status_code == 200
    people = [row.user.username for row, _ in response.context["rows"]]
    assert people == ["peru_delegate", "peru_focal_point"]
    assert [s.iso3 for s in response.context["grant_form"].fields["state"].queryset] == ["PER"]


def test_a_focal_point_posting_for_another_state_is_refused_on_the_page(
    ccm, peru_focal_point, observer
):
    response = client_for(peru_focal_point).post(
        PEOPLE + "grant/",
        {
            "grant-username": "observer",
            "grant-role": "delegation",
            "grant-state": "CHL",
            "grant-function": "drafter",
        },
    )

    assert response.status_code == 422
    assert "state" in response.context["grant_form"].errors
    assert not observer.grants.filter(role=Role.DELEGATION).exists()


def test_a_delegate_may_not_see_the_people_page(ccm, peru_delegate):
    response = client_for(peru_delegate).get(PEOPLE)

    assert response.status_code == 403
    assert "Only the Secretariat or a Delegation&#x27;s focal point" in response.content.decode()


def test_a_user_issues_a_token_seen_once_and_revokes_it(ccm, observer):
    client = client_for(observer)
    response = client.post("/accounts/tokens/", {"name": "my script"})

    assert response.status_code == 201
    key = response.context["key"]
    token = ApiToken.objects.get(user=observer)
    assert token.digest == ApiToken.digest_of(key) and key.startswith(token.prefix)
    assert key not in client.get("/accounts/tokens/").content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/me").json()["username"] == "observer"

    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert api.get("/api/v1/me").status_code == 401


def test_a_token_without_a_name_is_refused_on_its_field(ccm, observer):
    response = client_for(observer).post("/accounts/tokens/", {"name": " "})

    assert response.status_code == 422
    assert not ApiToken.objects.exists()


def test_my_roles_page_lists_ended_roles_too(ccm, secretariat, peru_delegate):
    services.end_role(grant=peru_delegate.grants.get(), reason="Rotated", by=secretariat)

    page = client_for(peru_delegate).get("/accounts/roles/").content.decode()

    assert "Rotated" in page and "Peru" in page


def test_the_api_lists_grants_by_who_may_see_them(
    ccm, secretariat, peru_focal_point, peru_delegate, chile_delegate
):
    from tests.conftest import token_client

    everyone = token_client(secretariat).get("/api/v1/ccm/grants").json()["items"]
    perus = token_client(peru_focal_point).get("/api/v1/ccm/grants").json()["items"]

    assert {g["username"] for g in everyone} == {
        "secretariat",
        "peru_focal_point",
        "peru_delegate",
        "chile_delegate",
    }
    assert [(g["username"], g["state"], g["function"]) for g in perus] == [
        ("peru_delegate", "PER", "delegate"),
        ("peru_focal_point", "PER", "focal_point"),
    ]
    assert token_client(peru_delegate).get("/api/v1/ccm/grants").status_code == 403
    assert token_client(secretariat).get("/api/v1/xyz/grants").status_code == 404


def test_the_api_lists_my_tokens_without_their_keys(ccm, observer):
    from tests.conftest import token_client

    tokens = token_client(observer).get("/api/v1/me/tokens").json()["items"]

    assert [(t["name"], t["revoked_at"]) for t in tokens] == [("test", None)]
    assert "key" not in tokens[0] and "digest" not in tokens[0]
