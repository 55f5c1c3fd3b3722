"""`make prod-check`: the production layout started on this machine, smoke-tested, stopped.

Starts, on loopback addresses only: a Redis of its own, a PostgreSQL database named
plenary_prodcheck on the server at PG_URL (dropped and made anew), two gunicorn app
processes, the worker, the scheduler and Debian's nginx with deploy/nginx/plenary.conf
(TLS with a certificate made here). It then checks through the proxy what a secretariat's
installation needs, prints each check, and stops everything it started, whatever happened.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "plenary.example.org"
NGINX_HTTPS, NGINX_HTTP = 18443, 18080
APPS = (18001, 18002)
REDIS_PORT = 16390
SMTP_PORT = 18025
DATABASE = "plenary_prodcheck"
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# The client connects from another loopback address, so that the address the app records
# (from the proxy's X-Real-IP) can be told from the proxy's own (127.0.0.1).
CLIENT_ADDRESS = "127.0.0.2"

started: list[subprocess.Popen] = []
results: list[tuple[bool, str]] = []


def check(ok: bool, what: str) -> bool:
    results.append((ok, what))
    print(f"{'PASS' if ok else 'FAIL'}  {what}", flush=True)
    return ok


def run(args: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def start(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        args,
        env=env,
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    started.append(process)
    return process


def stop_all() -> None:
    for process in reversed(started):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in reversed(started):
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for_port(port: int, seconds: float = 30) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


class Client:
    """HTTPS through the proxy (or HTTP to one app process) with cookies and CSRF."""

    def __init__(self, port: int, *, tls: bool):
        self.port, self.tls, self.cookies = port, tls, {}

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # the certificate made for this check
            connection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.port,
                timeout=30,
                context=context,
                source_address=(CLIENT_ADDRESS, 0),
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": HOST, **(headers or {})}
        if not self.tls:
            sent["X-Forwarded-Proto"] = "https"  # as the proxy says
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://{HOST}{path}",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            }
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response, text

    def get(self, path: str, follow: bool = True):
        response, text = self.request("GET", path)
        while follow and response.status in (301, 302) and response.getheader("Location"):
            path = urllib.parse.urlsplit(response.getheader("Location")).path or "/"
            response, text = self.request("GET", path)
        return response, text

    def sign_in(self, username: str, password: str):
        self.get("/accounts/login/")
        form = {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
        }
        return self.request("POST", "/accounts/login/", form)


ENROL_AUTHENTICATOR = """
from django_otp.plugins.otp_totp.models import TOTPDevice
from plenary.core.models import User
user = User.objects.get(username="USERNAME")
TOTPDevice.objects.filter(user=user).delete()
print(TOTPDevice.objects.create(user=user, name="prod-check", confirmed=True).key)
"""


def totp(key_hex: str, at: float | None = None) -> str:
    """The six-digit code of an authenticator with this key now (RFC 6238, SHA-1, 30 s)."""
    import hashlib
    import hmac
    import struct

    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def shell(env: dict, code: str) -> str:
    """What `code` prints last, run in `plenary shell` with the production settings."""
    out = run(
        [str(BIN / "plenary"), "shell", "--no-imports", "-c", code], env, capture_output=True
    ).stdout
    return (out.strip().splitlines() or [""])[-1]


def nginx_config(work: Path, static_root: Path) -> Path:
    site = (ROOT / "deploy" / "nginx" / "plenary.conf").read_text()
    site = site.replace("server 127.0.0.1:8001;", f"server 127.0.0.1:{APPS[0]};")
    site = site.replace("server 127.0.0.1:8002;", f"server 127.0.0.1:{APPS[1]};")
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{NGINX_HTTPS} ssl;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{NGINX_HTTP};")
    site = site.replace("/etc/ssl/plenary/", f"{work}/")
    site = site.replace("/srv/plenary/var/static/", f"{static_root}/")
    # Debian 12's nginx (1.22) predates `http2 on;`; the listen line's parameter does it.
    if not nginx_supports_http2_directive():
        site = site.replace("    http2 on;\n", "").replace(" ssl;", " ssl http2;")
    config = work / "nginx.conf"
    config.write_text(
        f"""worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {work}/nginx-access.log;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{site}
}}
"""
    )
    return config


def nginx_supports_http2_directive() -> bool:
    version = subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=False).stderr
    found = re.search(r"nginx/(\d+)\.(\d+)", version)
    return bool(found) and (int(found[1]), int(found[2])) >= (1, 25)


def prepare_database() -> str:
    admin = urllib.parse.urlsplit(PG_URL)
    psql = ["psql", PG_URL, "-v", "ON_ERROR_STOP=1", "-q", "-c"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {DATABASE}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {DATABASE}"], check=True)
    return urllib.parse.urlunsplit(admin._replace(path=f"/{DATABASE}"))


def drop_database() -> None:
    subprocess.run(
        ["psql", PG_URL, "-q", "-c", f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"],
        check=False,
    )


CIRCULATE = """
from datetime import timedelta
from zoneinfo import ZoneInfo
from django.utils import timezone
from plenary.core.models import User
from plenary.decisions import services
from plenary.treaties.models import Convention
now = timezone.now().astimezone(ZoneInfo("Europe/Zurich"))
deadline = (now + timedelta(seconds=SECONDS)).replace(microsecond=0)
procedure = services.circulate_silence_procedure(
    convention=Convention.objects.get(short_name="CCM"), subject=SUBJECT,
    circulated_on=now.date(), deadline_on=deadline.date(), deadline_time=deadline.time(),
    now=now, by=User.objects.get(username="president"))
print(procedure.pk)
"""


DOCKERFILE_INSTRUCTIONS = {
    "FROM",
    "RUN",
    "CMD",
    "LABEL",
    "EXPOSE",
    "ENV",
    "ADD",
    "COPY",
    "ENTRYPOINT",
    "VOLUME",
    "USER",
    "WORKDIR",
    "ARG",
    "ONBUILD",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
}


def syntax_checks() -> None:
    """The files this machine cannot run (no systemd, no container daemon), checked for
    syntax only."""
    systemd = sorted((ROOT / "deploy" / "systemd").iterdir())
    if shutil.which("systemd-analyze"):
        problems = []
        for unit in systemd:
            verified = subprocess.run(
                ["systemd-analyze", "verify", "--man=no", str(unit)],
                capture_output=True,
                text=True,
                check=False,
                env=os.environ | {"SYSTEMD_LOG_LEVEL": "err"},
            )
            # /srv/plenary is where the units expect the installation, not here.
            problems += [
                line for line in verified.stderr.splitlines() if "is not executable" not in line
            ]
        check(not problems, f"systemd-analyze verify: {len(systemd)} units {problems or ''}")
    compose = subprocess.run(
        [
            "python3",
            "-c",
            "import sys, yaml; d = yaml.safe_load(open(sys.argv[1]));"
            "print(' '.join(sorted(d['services'])))",
            str(ROOT / "deploy" / "compose.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if "No module named 'yaml'" not in compose.stderr:
        check(
            compose.stdout.split() == ["app", "nginx", "postgres", "redis", "scheduler", "worker"],
            f"compose.yaml parses, services: {compose.stdout.strip() or compose.stderr}",
        )
    lines, continued, bad = (ROOT / "deploy" / "Dockerfile").read_text().splitlines(), False, []
    for line in lines:
        text = line.strip()
        instruction = text and not text.startswith("#") and not continued
        if instruction and text.split()[0] not in DOCKERFILE_INSTRUCTIONS:
            bad.append(text)
        continued = text.endswith("\\") or (continued and not text)
    check(not bad, f"Dockerfile: every instruction known {bad or ''}")


def main() -> int:
    for tool in ("nginx", "redis-server", "psql", "openssl"):
        if shutil.which(tool) is None:
            print(f"prod-check needs {tool} (make nginx installs Debian's nginx)")
            return 2
    syntax_checks()
    work = Path(tempfile.mkdtemp(prefix="plenary-prodcheck-"))
    work.chmod(0o755)  # nginx's worker (nobody) reads the static files under it
    var = work / "var"
    var.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CACHE_URL"}},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "SITE_URL": f"https://{HOST}",
        "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",  # a sink that prints what it gets
        "CACHE_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "PLENARY_VAR_DIR": str(var),
        "APP_PROCESSES": str(len(APPS)),
        "TRUSTED_PROXIES": "127.0.0.1",
        "PLENARY_DEFAULT_CONVENTION": os.environ.get("PLENARY_DEFAULT_CONVENTION", "CCM"),
        "DB_CONN_MAX_AGE": "60",
        "SCHEDULER_TICK_SECONDS": "1",
    }
    try:
        env["DATABASE_URL"] = prepare_database()
        start(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(REDIS_PORT),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            env,
            work / "redis.log",
        )
        check(wait_for_port(REDIS_PORT), f"Redis started on 127.0.0.1:{REDIS_PORT}")
        # Python 3.11's own SMTP sink (deprecated, gone in 3.12): e-mail stays on this machine.
        start(
            [
                sys.executable,
                "-W",
                "ignore",
                "-u",
                "-m",
                "smtpd",
                "-n",
                "-c",
                "DebuggingServer",
                f"127.0.0.1:{SMTP_PORT}",
            ],
            env,
            work / "smtp.log",
        )
        wait_for_port(SMTP_PORT)
        plenary = str(BIN / "plenary")
        run([plenary, "migrate", "--no-input", "-v0"], env)
        run([plenary, "load_reference"], env, capture_output=True)
        run([plenary, "demo_users"], env | {"DEBUG": "true"}, capture_output=True)
        run([plenary, "collectstatic", "--no-input", "-v0"], env)
        deploy = subprocess.run(
            [plenary, "check", "--deploy", "--fail-level", "WARNING"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        check(deploy.returncode == 0, "plenary check --deploy passes with these settings")
        bare = {k: v for k, v in env.items() if k != "EMAIL_URL"}
        refused = subprocess.run(
            [plenary, "check", "--deploy"],
            env=bare,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        check(
            refused.returncode != 0 and "EMAIL_URL" in refused.stderr,
            "check --deploy without EMAIL_URL fails naming EMAIL_URL",
        )

        for port in APPS:
            start(
                [
                    str(BIN / "gunicorn"),
                    "-c",
                    "deploy/gunicorn.conf.py",
                    "--workers",
                    "1",
                    "plenary.wsgi",
                ],
                env | {"PORT": str(port)},
                work / f"app-{port}.log",
            )
        start([plenary, "db_worker"], env, work / "worker.log")
        start([plenary, "scheduler"], env, work / "scheduler.log")
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                str(work / "privkey.pem"),
                "-out",
                str(work / "fullchain.pem"),
                "-days",
                "1",
                "-subj",
                f"/CN={HOST}",
            ],
            check=True,
            capture_output=True,
        )
        config = nginx_config(work, var / "static")
        syntax = subprocess.run(
            ["nginx", "-t", "-c", str(config)], capture_output=True, text=True, check=False
        )
        check(syntax.returncode == 0, "nginx -t accepts deploy/nginx/plenary.conf")
        start(["nginx", "-c", str(config), "-g", "daemon off;"], env, work / "nginx.out")
        up = all(wait_for_port(port) for port in (*APPS, NGINX_HTTPS))
        check(up, f"two app processes ({APPS[0]}, {APPS[1]}) and nginx ({NGINX_HTTPS}) answer")

        proxy = Client(NGINX_HTTPS, tls=True)
        end = time.monotonic() + 30
        while True:
            response, text = proxy.get("/healthz", follow=False)
            if response.status == 200 or time.monotonic() > end:
                break
            time.sleep(1)
        check(response.status == 200, f"/healthz through the proxy: {response.status} {text}")
        plain, _ = Client(NGINX_HTTP, tls=False).request("GET", "/")
        check(plain.status == 301, "plain HTTP is sent to HTTPS")
        response, text = proxy.get("/static/core/plenary.css", follow=False)
        check(
            response.status == 200 and "immutable" in (response.getheader("Cache-Control") or ""),
            "nginx serves the collected static files",
        )

        # Signed in through one app process, read back on the other (sessions are shared).
        # In production the Secretariat gives a second factor: an authenticator enrolled
        # for the demo account, its current code computed here (RFC 6238).
        key = shell(env, ENROL_AUTHENTICATOR.replace("USERNAME", "secretariat"))
        app_a, app_b = Client(APPS[0], tls=False), Client(APPS[1], tls=False)
        response, _ = app_a.sign_in("secretariat", "plenary-demo")
        _, gate = app_a.get("/")
        check(
            "two-factor" in gate or "authenticator" in gate.lower(),
            "the Secretariat is asked for its second factor after the password",
        )
        verified, _ = app_a.request(
            "POST",
            "/accounts/two-factor/",
            {"token": totp(key), "csrfmiddlewaretoken": app_a.cookies.get("csrftoken", "")},
        )
        check(verified.status == 302, "the authenticator's code is accepted")
        app_b.cookies = dict(app_a.cookies)
        _, home = app_b.get("/")
        check(
            response.status == 302 and "Signed in as" in home,
            "signed in on app process 1, signed in on app process 2",
        )
        response, _ = proxy.sign_in("secretariat", "plenary-demo")
        check(response.status == 302, "sign-in through the proxy")

        # The client's address as the app sees it.
        Client(NGINX_HTTPS, tls=True).sign_in("secretariat", "wrong-password")
        seen = shell(
            env,
            "from plenary.core.models import FailedLogin;"
            "print(FailedLogin.objects.order_by('-at').first().ip_address)",
        ).strip()
        check(seen == CLIENT_ADDRESS, f"the app records the client's address: {seen}")

        # The page cache: both processes cache an anonymous page; a write retires both.
        subject = f"Prod-check procedure {secrets.token_hex(3)}"
        for client in (app_a, app_b):
            client.cookies = {}
            client.get("/silence-procedures/")
        pk = shell(env, f"SUBJECT = {subject!r}\nSECONDS = 60\n" + CIRCULATE)
        fresh = [subject in client.get("/silence-procedures/")[1] for client in (app_a, app_b)]
        check(all(fresh), "a new record shows at once on both app processes' cached pages")

        # A write through one app process (Peru breaks a silence), read on the other.
        other = shell(env, f"SUBJECT = {subject + ' (2)'!r}\nSECONDS = 3600\n" + CIRCULATE)
        peru = Client(APPS[0], tls=False)
        peru.sign_in("peru", "plenary-demo")
        _, page = peru.get(f"/silence-procedures/{int(other)}/")
        action = re.search(r'action="([^"]*/breaks/)"', page)
        response, _ = peru.request(
            "POST",
            action[1] if action else f"/silence-procedures/{int(other)}/breaks/",
            {
                "kind": "objection",
                "reason": "Prod-check",
                "confirmed": "True",  # past the confirmation step the page shows first
                "csrfmiddlewaretoken": peru.cookies.get("csrftoken", ""),
            },
        )
        reader = Client(APPS[1], tls=False)
        _, page = reader.get(f"/silence-procedures/{int(other)}/")
        check(
            response.status == 302 and "<td>Peru (" in page,
            "a break of the silence posted on app process 1 shows on app process 2",
        )

        # The scheduler concludes the procedure after its one-minute deadline.
        end = time.monotonic() + 120
        outcome = "open"
        while time.monotonic() < end and outcome == "open":
            time.sleep(5)
            outcome = shell(
                env,
                "from plenary.decisions.models import SilenceProcedure;"
                f"print(SilenceProcedure.objects.get(pk={int(pk)}).outcome)",
            ).strip()
        check(outcome == "adopted", f"the scheduler concluded the procedure: {outcome}")
        end = time.monotonic() + 30
        while time.monotonic() < end:
            mail = (work / "smtp.log").read_text()
            if f"Silence procedure concluded: {subject}" in mail:
                break
            time.sleep(1)
        check(
            f"Silence procedure concluded: {subject}" in mail,
            "the worker sent the outcome to the addressees' Delegations (SMTP sink)",
        )
        _, text = proxy.get("/healthz", follow=False)
        check(
            '"scheduler"' in text,
            "healthz reports the scheduler: "
            + str(json.loads(text)["scheduler"]["conclude_silence_procedures"]),
        )
        request_ids = (work / f"app-{APPS[0]}.log").read_text() + (
            work / f"app-{APPS[1]}.log"
        ).read_text()
        check(
            "request_id=" in request_ids and "user=secretariat" in request_ids,
            "access lines name the request id and the user",
        )
    except (subprocess.CalledProcessError, OSError, ValueError, KeyError) as error:
        check(False, f"prod-check stopped: {error}")
    finally:
        stop_all()
        drop_database()
        print(f"stopped {len(started)} processes; logs in {work}")
    failed = [what for ok, what in results if not ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
