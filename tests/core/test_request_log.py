"""Structured logs name the request, the user and the convention; behind a trusted proxy
the address seen is the client's."""

import json
import logging
from types import SimpleNamespace

from django.http import HttpResponse
from django.test import RequestFactory

from plenary.core.proxy import RealClientAddress
from plenary.core.request_log import KeyValueFormatter, RequestContext, RequestFilter, current
from tests.conftest import client_for


def record(message="hello", **extra) -> logging.LogRecord:
    item = logging.LogRecord("plenary.test", logging.WARNING, __file__, 1, message, (), None)
    for key, value in extra.items():
        setattr(item, key, value)
    return item


def test_a_line_outside_a_request_names_no_request():
    line = record("job done")
    RequestFilter().filter(line)

    text = KeyValueFormatter(json_lines=False).format(line)

    assert text.endswith(
        'level=warning logger=plenary.test request_id=- user=- convention=- msg="job done"'
    )


def test_json_lines_carry_the_same_fields():
    line = record("x", request_id="abc", user="peru_delegate", convention="CCM")

    fields = json.loads(KeyValueFormatter(json_lines=True).format(line))

    assert {k: fields[k] for k in ("request_id", "user", "convention", "msg")} == {
        "request_id": "abc",
        "user": "peru_delegate",
        "convention": "CCM",
        "msg": "x",
    }


def test_each_request_gets_an_id_and_the_access_line_names_the_user(secretariat, settings, caplog):
    settings.ACCESS_LOG = True
    with caplog.at_level(logging.INFO, logger="plenary.request"):
        response = client_for(secretariat).get("/", HTTP_X_REQUEST_ID="proxy-id-12345")

    assert response["X-Request-ID"] == "proxy-id-12345"
    [line] = [r for r in caplog.records if r.name == "plenary.request"]
    assert (line.request_id, line.user) == ("proxy-id-12345", "secretariat")
    assert line.getMessage().startswith("GET / 200 ")


def test_an_unsafe_request_id_is_replaced(client, db):
    response = client.get("/", HTTP_X_REQUEST_ID="bad id\nwith=newline")

    assert len(response["X-Request-ID"]) == 32


def test_the_real_ip_header_is_believed_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    seen = []
    middleware = RealClientAddress(lambda request: seen.append(request.META["REMOTE_ADDR"]))
    factory = RequestFactory()

    middleware(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7"))
    middleware(factory.get("/", REMOTE_ADDR="198.51.100.2", HTTP_X_REAL_IP="203.0.113.7"))
    middleware(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="not-an-address"))

    assert seen == ["203.0.113.7", "198.51.100.2", "127.0.0.1"]


def test_a_trusted_proxy_may_be_a_network(settings):
    settings.TRUSTED_PROXIES = ["172.16.0.0/12"]
    seen = []
    middleware = RealClientAddress(lambda request: seen.append(request.META["REMOTE_ADDR"]))

    middleware(RequestFactory().get("/", REMOTE_ADDR="172.18.0.5", HTTP_X_REAL_IP="203.0.113.7"))

    assert seen == ["203.0.113.7"]


def test_lines_written_during_a_request_name_its_convention(settings):
    settings.ACCESS_LOG = False
    seen = {}

    def view(request):
        middleware.process_view(
            request, view, (), {"convention": SimpleNamespace(short_name="CCM")}
        )
        seen.update(current())
        return HttpResponse()

    middleware = RequestContext(view)
    middleware(RequestFactory().get("/ccm/", HTTP_X_REQUEST_ID="abcdef-123456"))

    assert seen == {"request_id": "abcdef-123456", "user": "-", "convention": "CCM"}
    assert current()["request_id"] == "-"  # and forgotten once it is answered


def test_the_access_line_of_a_convention_page_names_the_convention(client, ccm, settings, caplog):
    settings.ACCESS_LOG = True
    lines = []
    handler = logging.Handler()
    handler.addFilter(RequestFilter())
    handler.emit = lines.append
    logger = logging.getLogger("plenary.request")
    logger.addHandler(handler)
    try:
        with caplog.at_level(logging.INFO, logger="plenary.request"):
            client.get("/ccm/silence-procedures/")
    finally:
        logger.removeHandler(handler)

    [line] = lines
    assert (line.convention, line.user) == ("CCM", "-")
    assert line.getMessage().startswith("GET /ccm/silence-procedures/ 200 ")
