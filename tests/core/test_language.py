def test_the_language_switcher_serves_the_home_page_in_french(client, ccm):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"}, follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in page
    assert "Aller au contenu principal" in page
    assert "États et obligations" in page


def test_the_language_switcher_serves_spanish(client, ccm):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/"}, follow=True)

    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Estados y obligaciones" in page


def test_english_is_the_default(client, ccm):
    page = client.get("/").content.decode()

    assert '<html lang="en">' in page
    assert "Skip to main content" in page
