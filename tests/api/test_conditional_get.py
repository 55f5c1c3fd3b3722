"""A client re-syncs an unchanged list cheaply: the answer carries an ETag, and sending it
back in If-None-Match gives 304 Not Modified with no body; a change gives a new ETag."""

import pytest

from tests.conftest import client_for, token_client

pytestmark = pytest.mark.django_db

LIST = "/api/v1/ccm/states?limit=5"


def test_an_api_list_answers_304_to_its_own_etag(ccm):
    client = client_for(None)
    first = client.get(LIST)
    assert first.status_code == 200
    etag = first["ETag"]

    again = client.get(LIST, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_another_page_of_the_list_has_another_etag(ccm):
    client = client_for(None)
    assert client.get(LIST)["ETag"] != client.get(LIST + "&offset=5")["ETag"]


def test_a_stale_etag_gets_the_whole_answer(ccm, secretariat):
    client = token_client(secretariat)
    response = client.get(LIST, HTTP_IF_NONE_MATCH='"not-the-current-one"')
    assert response.status_code == 200
    assert response.json()["items"]
