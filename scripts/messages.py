"""`make messages`: re-extract the catalogues of every language in settings.LANGUAGES from
the sources (Python and templates, domain "django"), then compile them.

The convention files' labels (data/conventions/*.toml: obligation titles, meeting kinds,
the secretariat's address, ...) are plenary's English wording too: `convention_messages`
writes them, for the extraction only, as `pgettext` calls under each file's context
("CCM convention file") into a module the extraction reads and then removes, so that the
catalogues carry them and core/convention_texts.py finds their translations. The
conventions' official names are not among them: the files source those per language.

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
CONVENTIONS = ROOT / "data" / "conventions"
# The module written for the extraction only: the catalogues name it as the labels' place.
CONVENTION_MESSAGES = "convention_files_messages.py"
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
    # English is the source language: its messages are the msgids themselves.
    return [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]


def _makemessages(cwd: Path, languages: list[str]) -> None:
    ignore = [f"--ignore={pattern}" for pattern in IGNORED]
    flags = [f"--locale={language}" for language in languages]
    _django("makemessages", "--domain=django", "--no-obsolete", *ignore, *flags, cwd=cwd)


def convention_messages(directory: Path = CONVENTIONS) -> str:
    """Python source with one `pgettext_lazy` call per label of each convention file, under
    the file's context, each with a comment for translators naming the file and key."""
    sys.path.insert(0, str(ROOT / "src"))
    from plenary.rules.conventions import load_directory

    lines = [
        "# Written by scripts/messages.py for `make messages` from data/conventions/*.toml;",
        "# removed after the extraction, never committed.",
        "from django.utils.translation import pgettext_lazy",
        "",
    ]
    for convention in load_directory(directory).values():
        for key, text in convention.labels():
            lines.append(f"# Translators: {convention.path.name}, {key}")
            lines.append(f"pgettext_lazy({convention.label_context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def _with_convention_messages(sources: Path, run) -> None:
    module = sources / CONVENTION_MESSAGES
    module.write_text(convention_messages(), encoding="utf-8")
    try:
        run()
    finally:
        module.unlink()


def extract(into: Path, languages: list[str]) -> Path:
    """Extract fresh catalogues for `languages` from a copy of the sources under `into`,
    leaving the committed catalogues alone; return the copy's locale directory."""
    copy = into / "plenary"
    shutil.copytree(SOURCES, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__"))
    (copy / "locale").mkdir()
    _with_convention_messages(copy, lambda: _makemessages(copy, languages))
    return copy / "locale"


def main() -> None:
    languages = locales()
    _with_convention_messages(SOURCES, lambda: _makemessages(SOURCES, languages))
    _django("compilemessages", cwd=SOURCES)


if __name__ == "__main__":
    main()
