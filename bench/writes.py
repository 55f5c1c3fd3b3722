"""The conference day's writes: sent through the API at a fixed rate, then counted.

`run` (no Django: plain HTTP, a separate process beside wrk) first circulates one silence
procedure, then sends one write every 1/rate seconds, in turn: a registration (a State's
focal point registers its delegation), a document upload (the Secretariat replaces one
language version), a silence break (a State's focal point objects) and an Article 7
report (the Secretariat records a State's annual report for a year it lacks). No two
writes touch the same row, so each acknowledged write must be found afterwards. It
writes what was acknowledged to a JSON file.

`verify` (with Django) counts the rows each acknowledged write made: lost = acknowledged
and not found.

    python -m bench.writes run PLAN.json OUT.json --url http://127.0.0.1:8765 --seconds 30
    python -m bench.writes verify OUT.json      (with DJANGO_SETTINGS_MODULE set)
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import sys
import time
import urllib.error
import urllib.request
import uuid
from datetime import date, timedelta

KINDS = ("registration", "upload", "silence break", "Article 7 report")
LANGUAGES = ("ar", "zh", "fr", "ru", "es")


def _pdf(marker: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": marker})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _send(url: str, method: str, token: str, body: bytes, content_type: str) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 (the benchmark's own loopback server)
        url,
        data=body,
        method=method,
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": content_type,
            "X-Forwarded-Proto": "https",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 (loopback)
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as answer:
        return answer.code, {"error": answer.read()[:300].decode(errors="replace")}
    except OSError as error:
        return 0, {"error": str(error)}


def _json(url, method, token, payload):
    return _send(url, method, token, json.dumps(payload).encode(), "application/json")


def _multipart(url, token, fields: dict, file_name: str, content: bytes):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    parts.append(
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{file_name}"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return _send(url, "POST", token, b"".join(parts), f"multipart/form-data; boundary={boundary}")


def run(plan: dict, *, urls: list[str], seconds: float, rate: float, tag: str) -> dict:
    """Send the writes; return what was sent and acknowledged."""
    api = "/api/v1/ccm"
    secretariat = plan["writer_token"]
    code = plan["meeting_code"]
    base = itertools.cycle(urls)
    status, procedure = _json(
        f"{next(base)}{api}/silence-procedures",
        "POST",
        secretariat,
        {
            "subject": f"Conference-day proposal {tag}",
            "deadline_on": (date.today() + timedelta(days=30)).isoformat(),
            "meeting": code,
        },
    )
    if status != 201:
        raise SystemExit(f"the conference day's silence procedure was refused: {procedure}")
    focal_points = list(plan["focal_point_tokens"].items())
    registrants = iter(focal_points[plan["registration_offset"] :])
    breakers = iter(focal_points)
    reports = iter(plan["free_reports"])
    uploads = iter(
        (symbol, language) for symbol in plan["upload_symbols"] for language in LANGUAGES
    )
    sent, errors = [], []
    interval = 1.0 / rate
    started = time.monotonic()
    for n in itertools.count():
        due = started + n * interval
        if due - started >= seconds:
            break
        if (wait := due - time.monotonic()) > 0:
            time.sleep(wait)
        kind = KINDS[n % len(KINDS)]
        url = next(base)
        marker = f"bench write {tag}-{n}"
        if kind == "registration":
            iso3, token = next(registrants)
            status, answer = _json(
                f"{url}{api}/meetings/{code}/delegation",
                "PUT",
                token,
                {"members": [{"role": "head", "name": marker, "email": "w@example.org"}]},
            )
            row = {"state": iso3, "meeting": code, "name": marker}
        elif kind == "upload":
            symbol, language = next(uploads)
            content = _pdf(marker)
            status, answer = _multipart(
                f"{url}{api}/documents/{symbol}/versions",
                secretariat,
                {"language": language},
                f"{marker.replace(' ', '_')}.pdf",
                content,
            )
            row = {
                "symbol": symbol,
                "language": language,
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        elif kind == "silence break":
            iso3, token = next(breakers)
            status, answer = _json(
                f"{url}{api}/silence-procedures/{procedure['id']}/breaks",
                "POST",
                token,
                {"reason": marker},
            )
            row = {"procedure": procedure["id"], "state": iso3}
        else:
            iso3, year = next(reports)
            status, answer = _json(
                f"{url}{api}/transparency-reports",
                "POST",
                secretariat,
                {
                    "state": iso3,
                    "kind": "annual",
                    "year_covered": year,
                    "received_on": date.today().isoformat(),
                },
            )
            row = {"state": iso3, "year": year}
        if 200 <= status < 300:
            sent.append({"kind": kind, **row})
        else:
            errors.append({"kind": kind, "status": status, "answer": answer})
    return {
        "rate_per_s": rate,
        "seconds": seconds,
        "acknowledged": sent,
        "errors": errors,
    }


def verify(acknowledged: list[dict]) -> dict:
    """Count the rows each acknowledged write made (Django must be set up)."""
    from plenary.decisions.models import SilenceBreak
    from plenary.documents.models import LanguageVersion
    from plenary.meetings.models import Delegate
    from plenary.treaties.models import ReportKind, TransparencyReport

    found = 0
    for write in acknowledged:
        kind = write["kind"]
        if kind == "registration":
            exists = Delegate.objects.filter(
                delegation__meeting__code=write["meeting"],
                delegation__state__iso3=write["state"],
                name=write["name"],
            ).exists()
        elif kind == "upload":
            exists = LanguageVersion.objects.filter(
                document__symbol=write["symbol"],
                language=write["language"],
                sha256=write["sha256"],
            ).exists()
        elif kind == "silence break":
            exists = SilenceBreak.objects.filter(
                procedure_id=write["procedure"], state__iso3=write["state"]
            ).exists()
        else:
            exists = TransparencyReport.objects.filter(
                convention__short_name="CCM",
                state__iso3=write["state"],
                kind=ReportKind.ANNUAL,
                year_covered=write["year"],
            ).exists()
        found += exists
    return {"acknowledged": len(acknowledged), "found": found, "lost": len(acknowledged) - found}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sending = sub.add_parser("run")
    sending.add_argument("plan", type=argparse.FileType())
    sending.add_argument("out")
    sending.add_argument("--url", action="append", required=True)
    sending.add_argument("--seconds", type=float, default=30)
    sending.add_argument("--rate", type=float, default=2.0, help="writes per second")
    sending.add_argument("--tag", default="1")
    counting = sub.add_parser("verify")
    counting.add_argument("out", type=argparse.FileType())
    args = parser.parse_args(argv)
    if args.command == "run":
        result = run(
            json.load(args.plan), urls=args.url, seconds=args.seconds, rate=args.rate, tag=args.tag
        )
        with open(args.out, "w") as out:
            json.dump(result, out)
        print(json.dumps({"acknowledged": len(result["acknowledged"]), "errors": result["errors"]}))
    else:
        import django

        django.setup()
        print(json.dumps(verify(json.load(args.out)["acknowledged"])))


if __name__ == "__main__":
    sys.exit(main())
