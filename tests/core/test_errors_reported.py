"""An unhandled error of a view is mailed to ADMINS, and, with SENTRY_DSN set, sent to
Sentry: here a local HTTP server in the test stands for Sentry and receives the envelope."""

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.core import mail
from django.test import Client

from plenary.core.sentry import start_sentry

pytestmark = pytest.mark.urls("tests.core.raising_urls")


class FakeSentry(BaseHTTPRequestHandler):
    received: list

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_sentry():
    received = []
    handler = type("Handler", (FakeSentry,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], received
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: reports nothing
    server.shutdown()
    server.server_close()


def test_an_error_is_sent_to_sentry_when_a_dsn_is_set(db, fake_sentry):
    port, received = fake_sentry
    start_sentry(dsn=f"http://public@127.0.0.1:{port}/42", environment="test")
    response = Client(raise_request_exception=False).get(
        "/boom/", headers={"X-Request-ID": "req-sentry-0001"}
    )
    assert response.status_code == 500
    sentry_sdk.flush(timeout=10)
    paths = [path for path, _ in received]
    assert "/api/42/envelope/" in paths
    items = [
        json.loads(line)
        for path, body in received
        for line in body.splitlines()
        if line.startswith(b"{")
    ]
    events = [item for item in items if "exception" in item]
    assert events, items
    exception = events[0]["exception"]["values"][-1]
    assert (exception["type"], exception["value"]) == ("RuntimeError", "the view broke on purpose")
    assert events[0]["tags"]["request_id"] == "req-sentry-0001"
    assert events[0]["environment"] == "test"
    assert "user" not in events[0] or "email" not in events[0]["user"]


def test_an_error_is_mailed_to_the_admins(db, settings):
    settings.ADMINS = [("Operations", "ops@example.org")]
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert "the view broke on purpose" in message.body
