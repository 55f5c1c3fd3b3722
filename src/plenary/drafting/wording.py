"""The wording of drafted documents: Django templates per convention and language.

Templates live in `templates/drafting/<convention>/<language>/`, so the Secretariat can
adjust a sentence without touching Python. A template renders one paragraph; inside
it, a line `--` starts another paragraph and a line `-- (a)` a lettered item of the
current one; other whitespace is collapsed. An error in a template is raised as
`TemplateError` naming the template and the line.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine, TemplateDoesNotExist

TEMPLATES = Path(__file__).parent / "templates"
MISSING_VALUE = "[missing: %s]"
TEMPLATE_ERROR = "{name}, line {line}: {message}"
NO_TEMPLATE = "no template {name} for {convention} in {language!r}"

_BREAK = re.compile(r"^--(?:\s+\(([a-z])\))?\s*$", re.MULTILINE)


class TemplateError(Exception):
    """A template could not be read or rendered; the message names the template and line."""


@dataclass
class Piece:
    """A paragraph of a template's output, with its lettered items."""

    text: str
    items: list[tuple[str, str]] = field(default_factory=list)


def engine() -> Engine:
    """The drafting engine; `DRAFTING_TEMPLATE_DIRS` (settings) come first, so a
    Secretariat's own wording overrides the templates shipped with plenary."""
    return _engine(tuple(getattr(settings, "DRAFTING_TEMPLATE_DIRS", ())))


@cache
def _engine(extra: tuple[str, ...]) -> Engine:
    return Engine(
        dirs=[*extra, str(TEMPLATES)],
        debug=True,
        autoescape=False,
        string_if_invalid=MISSING_VALUE,
        libraries={"drafting": "plenary.drafting.templatetags.drafting"},
        builtins=["plenary.drafting.templatetags.drafting"],
    )


def template_name(convention: str, language: str, name: str) -> str:
    return f"drafting/{convention.lower()}/{language}/{name}.txt"


def _error(error: Exception, name: str) -> TemplateError:
    debug = getattr(error, "template_debug", None)
    if debug:
        shown = name if str(debug["name"]).endswith(name) else debug["name"]
        return TemplateError(TEMPLATE_ERROR.format(name=shown, line=debug["line"], message=error))
    return TemplateError(TEMPLATE_ERROR.format(name=name, line="?", message=error))


def render(convention: str, language: str, name: str, context: dict) -> str:
    """The template's text, as written (paragraph marks kept)."""
    full = template_name(convention, language, name)
    try:
        template = engine().get_template(full)
    except TemplateDoesNotExist as error:
        raise TemplateError(
            NO_TEMPLATE.format(name=full, convention=convention, language=language)
        ) from error
    except Exception as error:
        raise _error(error, full) from error
    try:
        return template.render(Context(context, autoescape=False))
    except Exception as error:
        raise _error(error, full) from error


def _collapse(text: str) -> str:
    return " ".join(text.split())


def pieces(convention: str, language: str, name: str, context: dict) -> list[Piece]:
    """The template's paragraphs and their lettered items, whitespace collapsed."""
    text = render(convention, language, name, context)
    found: list[Piece] = []
    position, letter = 0, None
    marks = list(_BREAK.finditer(text))
    chunks = []
    for mark in marks:
        chunks.append((letter, text[position : mark.start()]))
        position, letter = mark.end(), mark.group(1)
    chunks.append((letter, text[position:]))
    for letter, chunk in chunks:
        words = _collapse(chunk)
        if letter:
            if not found:
                found.append(Piece(""))
            found[-1].items.append((letter, words))
        elif words:
            found.append(Piece(words))
    return found


def sentence(convention: str, language: str, name: str, context: dict) -> str:
    """A template of one line of text (a heading, a title)."""
    return _collapse(render(convention, language, name, context))
