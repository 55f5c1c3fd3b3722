"""A bounded fuzz run over every operation of /api/v1/openapi.json (issue 24: "54 of 290
bad inputs crash"; "a bounded schemathesis (or equivalent) run over every API operation
inside `make test`").

Fixed examples, derived from each operation's own schema (no randomness, so a failure
reproduces): for every parameter and body field a typical value, an extreme one (huge
numbers, long text with a NUL, dates at 9999) and one of the wrong type, sent anonymously
and with a Secretariat and a Delegation token. No answer may be a 5xx. How many answers
were neither 401 nor 403 is reported (most must be: the run reaches the endpoints' code).

SQLite only (one backend is enough for a schema-driven run; PostgreSQL's own refusals are
in tests/security/test_input_limits.py). Run alone:
`.venv/bin/pytest tests/security/test_api_fuzz.py -q -rA`.
"""

import json
import time
from collections import Counter

import pytest
from django.db import connection
from django.test import Client

from plenary.core.services import issue_api_token
from tests.conftest import open_meeting
from tests.documents.conftest import PDF

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="one backend for the fuzz run: SQLite"
)

VARIANTS = ("typical", "extreme", "edge", "wrong")
# Per body field, the others typical: what a whole-body variant masks.
FIELD_VARIANTS = ("edge", "wrong")
# Typical values by parameter or field name: records that exist in the reference data.
BY_NAME = {
    "convention": "ccm",
    "iso3": "PER",
    "state": "PER",
    "code": "2RC",
    "meeting": "2RC",
    "symbol": "CCM/CONF/2021/2",
    "language": "en",
    "currency": "USD",
    "tz": "Europe/Zurich",
    "email": "fuzz@example.org",
    "slug": "ccm",
    "series": "main",
    "token_id": 10**6,  # never the token of the caller itself
}
LONG = "=HYPERLINK(" + "x" * 30_000 + "\x00"


class Schemas:
    def __init__(self, document):
        self.components = document.get("components", {}).get("schemas", {})

    def resolve(self, schema):
        while "$ref" in schema:
            schema = self.components[schema["$ref"].rsplit("/", 1)[1]]
        return schema

    def example(self, schema, variant: str, name: str = "", depth: int = 0):
        schema = self.resolve(schema or {})
        if "anyOf" in schema:
            options = [s for s in schema["anyOf"] if self.resolve(s).get("type") != "null"]
            return self.example(options[0] if options else {}, variant, name, depth)
        if "allOf" in schema:
            return self.example(schema["allOf"][0], variant, name, depth)
        kind = schema.get("type")
        if "enum" in schema:
            return {
                "typical": schema["enum"][0],
                "extreme": schema["enum"][-1],
                "edge": schema["enum"][-1],
            }.get(variant, "no-such-choice")
        if kind == "integer":
            return {
                "typical": BY_NAME.get(name, 2021 if "year" in name else 1),
                "extreme": 10**15,
                "edge": 2199 if "year" in name else 10**12 - 1,
                "wrong": "one",
            }[variant]
        if kind == "number":
            return {"typical": 10.5, "extreme": 1e308, "edge": -1e11, "wrong": "NaN"}[variant]
        if kind == "boolean":
            return {"typical": True, "extreme": False, "edge": False, "wrong": "perhaps"}[variant]
        if kind == "array":
            if depth > 3:
                return []
            item = self.example(schema.get("items", {}), variant, name, depth + 1)
            return {
                "typical": [item],
                "extreme": [item] * 3,
                "edge": [item] * 3,
                "wrong": {"not": "a list"},
            }[variant]
        if kind == "object" or "properties" in schema:
            if depth > 3 or (variant == "wrong" and depth == 0):
                return {} if variant != "wrong" else []
            return {
                key: self.example(sub, variant, key, depth + 1)
                for key, sub in schema.get("properties", {}).items()
            }
        # Strings, by format first.
        fmt = schema.get("format")
        if fmt == "date":
            return {
                "typical": "2026-03-02",
                "extreme": "9999-12-31",
                "edge": "2199-12-31",
                "wrong": "2026-02-30",
            }[variant]
        if fmt == "date-time":
            return {
                "typical": "2026-03-02T10:00:00Z",
                "extreme": "9999-12-31T23:59:59Z",
                "edge": "1900-01-01T00:00:00Z",
                "wrong": "yesterday",
            }[variant]
        if fmt == "binary":
            return None
        if variant == "typical":
            value = BY_NAME.get(name, "fuzz")
            return str(value)
        if variant == "extreme":
            return LONG
        if variant == "edge":
            return "-1" if name in {"amount", "total"} else "ÿ" * 19_999
        return 12345 if name not in BY_NAME else "\u202e\x00"


def cases(document):
    schemas = Schemas(document)
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for variant in VARIANTS:
                url = path
                query = {}
                for parameter in operation.get("parameters", []):
                    name = parameter["name"]
                    # Path parameters stay typical in the "extreme" run, so that the
                    # record exists and the body or query reaches the code.
                    value = schemas.example(
                        parameter.get("schema"),
                        "typical" if parameter["in"] == "path" and variant != "wrong" else variant,
                        name,
                    )
                    if parameter["in"] == "path":
                        url = url.replace("{" + name + "}", str(value).replace("/", "%2F"))
                        if name == "symbol":
                            url = url.replace("%2F", "/")
                    elif parameter["in"] == "query":
                        query[name] = value if not isinstance(value, list | dict) else "x"
                body = None
                content_type = None
                request_body = operation.get("requestBody", {}).get("content", {})
                if "application/json" in request_body:
                    content_type = "application/json"
                    body = json.dumps(
                        schemas.example(request_body["application/json"]["schema"], variant)
                    )
                    if variant == "typical":
                        typical = schemas.example(
                            request_body["application/json"]["schema"], "typical"
                        )
                        properties = schemas.resolve(
                            request_body["application/json"]["schema"]
                        ).get("properties", {})
                        for key, sub in properties.items() if isinstance(typical, dict) else ():
                            for field_variant in FIELD_VARIANTS:
                                mutated = {**typical, key: schemas.example(sub, field_variant, key)}
                                yield (
                                    method,
                                    url,
                                    query,
                                    content_type,
                                    json.dumps(mutated),
                                    f"{key}={field_variant}",
                                )
                elif "multipart/form-data" in request_body:
                    content_type = "multipart"
                    body = {
                        "language": {"typical": "en", "extreme": "zh"}.get(variant, "xx"),
                        "file": _file(variant),
                    }
                yield method, url, query, content_type, body, variant


def _file(variant):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = {
        "typical": PDF,
        "extreme": b"%PDF-1.4" + b"\0" * 5000,
        "edge": PDF[:-20],
        "wrong": b"MZ\x90",
    }
    return SimpleUploadedFile("fuzz.pdf", content[variant], content_type="application/pdf")


def send(client, method, url, query, content_type, body, address):
    extra = {"REMOTE_ADDR": address}
    if content_type == "multipart":
        for value in body.values():
            if hasattr(value, "seek"):
                value.seek(0)
        return client.post(url, body, **extra)
    if method == "get":
        return client.get(url, query, **extra)
    if query:
        from urllib.parse import urlencode

        url = f"{url}?{urlencode(query)}"
    return getattr(client, method)(
        url, body or "", content_type=content_type or "application/json", **extra
    )


def _bearer(user) -> str:
    return f"Bearer {issue_api_token(user=user, name='fuzz', by=user)}"


def test_every_operation_answers_without_a_5xx(ccm, secretariat, peru_delegate, record_property):
    open_meeting(ccm)
    document = Client().get("/api/v1/openapi.json").json()
    callers = {
        "anonymous": Client(raise_request_exception=False),
        "delegation": Client(
            raise_request_exception=False,
            HTTP_AUTHORIZATION=_bearer(peru_delegate),
        ),
        "secretariat": Client(
            raise_request_exception=False,
            HTTP_AUTHORIZATION=_bearer(secretariat),
        ),
    }
    all_cases = list(cases(document))
    operations = {(m, p) for p, item in document["paths"].items() for m in item}
    statuses = Counter()
    reached = Counter()
    total = Counter()
    failures = []
    started = time.monotonic()
    for n, case in enumerate(all_cases):
        method, url, query, content_type, body, variant = case
        for who, client in callers.items():
            # Anonymous callers from many addresses: the run is not about the rate limit.
            answer = send(
                client, method, url, query, content_type, body, f"10.9.{n // 250}.{n % 250}"
            )
            total[who] += 1
            statuses[(who, answer.status_code)] += 1
            if answer.status_code >= 500:
                failures.append(
                    f"{who} {method.upper()} {url} {query} ({variant}): {answer.status_code}"
                )
            if answer.status_code not in (401, 403):
                reached[who] += 1
    elapsed = time.monotonic() - started
    summary = (
        f"API fuzz: {len(all_cases)} cases over {len(operations)} operations in {elapsed:.0f} s; "
        + ", ".join(f"{who}: {reached[who]} of {total[who]} not 401/403" for who in callers)
        + f"; {len(failures)} 5xx"
    )
    record_property("api_fuzz", summary)
    print(summary)
    print(sorted(statuses.items()))
    assert not failures, "\n".join(failures[:30])
    assert reached["secretariat"] > total["secretariat"] / 2
    assert reached["delegation"] > total["delegation"] / 2
