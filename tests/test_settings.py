import os
import subprocess
import sys

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 64 + "production-like-secret-key-for-the-deploy-check",
    "ALLOWED_HOSTS": "plenary.example.org",
    "DATABASE_URL": "sqlite:////tmp/plenary-deploy-check.sqlite3",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587?tls=1",
}


def test_check_deploy_passes_with_production_values():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | PRODUCTION

    result = subprocess.run(
        [sys.executable, "-m", "plenary", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "false"}
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
