"""`make messages`: re-extract the catalogues of every language in settings.LANGUAGES from
the sources (Python and templates, domain "django"), then compile them.

There is no "djangojs" domain: plenary's one script (core/static/core/tables.js) takes its
only word from the page (base.html), so no JavaScript carries text to translate.

`extract(into)` is also what tests/core/test_catalogues.py uses to check that the
committed catalogues are up to date with the sources.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "plenary"
IGNORED = ["tests/*", "node_modules/*", ".venv/*", "locale/*", "static/*", "__pycache__/*"]


def _django(*arguments: str, cwd: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "plenary.settings"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    # -P: the working directory (src/plenary) must not shadow packages (its rules/ is ours).
    command = [sys.executable, "-P", "-m", "django", *arguments]
    subprocess.run(command, cwd=cwd, env=env, check=True)  # noqa: S603 (our own arguments)


def locales() -> list[str]:
    """The locale names (fr, zh_Hans) of every language in settings.LANGUAGES."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plenary.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.conf import settings
    from django.utils.translation import to_locale

    django.setup()
    return [to_locale(code) for code, _name in settings.LANGUAGES]


def _makemessages(cwd: Path, languages: list[str]) -> None:
    ignore = [f"--ignore={pattern}" for pattern in IGNORED]
    flags = [f"--locale={language}" for language in languages]
    _django("makemessages", "--domain=django", *ignore, *flags, cwd=cwd)


def extract(into: Path, languages: list[str]) -> Path:
    """Extract fresh catalogues for `languages` from a copy of the sources under `into`,
    leaving the committed catalogues alone; return the copy's locale directory."""
    copy = into / "plenary"
    shutil.copytree(SOURCES, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__"))
    (copy / "locale").mkdir()
    _makemessages(copy, languages)
    return copy / "locale"


def main() -> None:
    _makemessages(SOURCES, locales())
    _django("compilemessages", cwd=SOURCES)


if __name__ == "__main__":
    main()
