import re

from django.core import mail

from tests.conftest import client_for


def test_a_password_reset_link_by_email_sets_a_new_password(client, peru_delegate):
    client.post("/accounts/password-reset/", {"email": "peru_delegate@example.org"})

    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "an-entirely-new-passphrase",
            "new_password2": "an-entirely-new-passphrase",
        },
    )

    assert response.status_code == 302
    peru_delegate.refresh_from_db()
    assert peru_delegate.check_password("an-entirely-new-passphrase")


def test_an_unknown_address_sends_nothing_and_says_the_same(client, ccm):
    response = client.post(
        "/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True
    )

    assert mail.outbox == []
    assert "If an account has that address" in response.content.decode()


def test_signed_in_user_reaches_the_api_as_themselves(peru_delegate):
    me = client_for(peru_delegate).get("/api/v1/me").json()

    assert me["username"] == "peru_delegate"
    assert [(g["convention"], g["role"], g["state"], g["organisation"]) for g in me["grants"]] == [
        ("CCM", "delegation", "PER", None)
    ]


def test_the_reset_email_is_in_the_accounts_language_not_the_pages(client, peru_delegate):
    peru_delegate.language = "fr"
    peru_delegate.save(update_fields=["language"])
    client.post("/accounts/password-reset/", {"email": "peru_delegate@example.org"})

    (message,) = mail.outbox
    assert message.subject == "Réinitialisation du mot de passe sur testserver"
    assert "Veuillez vous rendre sur cette page" in message.body
