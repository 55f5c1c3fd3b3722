import os
import subprocess
import sys

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 64 + "production-like-secret-key-for-the-deploy-check",
    "ALLOWED_HOSTS": "plenary.example.org",
    "DATABASE_URL": "sqlite:////tmp/plenary-deploy-check.sqlite3",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587?tls=1",
    "SITE_URL": "https://plenary.example.org",
}


# The process's own settings are not the deployment's; DJANGO_ALLOW_ASYNC_UNSAFE is set by the
# browser tests (tests/browser/conftest.py) when they run first in the same worker.
DEPLOY_VARIABLES = (
    "DATABASE_URL",
    "EMAIL_URL",
    "SITE_URL",
    "CACHE_URL",
    "WEB_CONCURRENCY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def check_deploy(tmp_path, collected=True, **changes):
    """`plenary check --deploy` with production values, a var/ of its own and `changes`
    (None removes a variable)."""
    var = tmp_path / "var"
    (var / "static").mkdir(parents=True, exist_ok=True)
    if collected:
        (var / "static" / "staticfiles.json").write_text("{}")
    env = {k: v for k, v in os.environ.items() if k not in DEPLOY_VARIABLES}
    env |= PRODUCTION | {"PLENARY_VAR_DIR": str(var)}
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "plenary", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_passes_with_production_values(tmp_path):
    result = check_deploy(tmp_path)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_naming_email_url_when_mail_goes_to_the_console(tmp_path):
    result = check_deploy(tmp_path, EMAIL_URL=None)

    assert result.returncode != 0
    assert "plenary.E101" in result.stderr
    assert "Set EMAIL_URL" in result.stderr


def test_check_deploy_fails_naming_site_url_when_it_is_unset_or_local(tmp_path):
    for value in (None, "http://localhost:8000"):
        result = check_deploy(tmp_path, SITE_URL=value)

        assert result.returncode != 0
        assert "plenary.E102" in result.stderr
        assert "Set SITE_URL" in result.stderr


def test_check_deploy_fails_when_static_files_are_not_collected(tmp_path):
    result = check_deploy(tmp_path, collected=False)

    assert result.returncode != 0
    assert "plenary.E103" in result.stderr
    assert "collectstatic" in result.stderr


def test_check_deploy_fails_when_several_processes_have_per_process_caches(tmp_path):
    result = check_deploy(tmp_path, WEB_CONCURRENCY="2")

    assert result.returncode != 0
    assert "plenary.E104" in result.stderr
    assert "Set CACHE_URL" in result.stderr


def test_check_deploy_passes_with_several_processes_sharing_redis(tmp_path):
    result = check_deploy(tmp_path, WEB_CONCURRENCY="2", CACHE_URL="redis://127.0.0.1:6379/15")

    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    } | {"DEBUG": "false"}
    env.pop("SECRET_KEY", None)

    result = subprocess.run(
        [sys.executable, "-m", "plenary", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY: must be set when DEBUG is false" in result.stderr
