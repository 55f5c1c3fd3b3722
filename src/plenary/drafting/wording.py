"""The wording of drafted documents: Django templates per convention and language.

Templates live in `templates/drafting/<layer>/<language>/`, so the Secretariat can
adjust a sentence without touching Python. A layer is a convention's slug (`ccm`,
`apmbc`) or `un`, the United Nations' layout every convention shares (headings, the
annex, the programme, letters, the note verbale). A name is looked up in the order of
`template_names`: the convention in the language asked, the convention in English, the
UN layer in the language, the UN layer in English. So a convention writes only what
differs (its articles quoted, the words of its obligations), and a convention's own
words win over a translation of the UN's. `{% words "report/x" %}` inside a template
renders another template by the same lookup, so a shared template can leave a phrase
to the convention.

A template renders one paragraph; inside it, a line `--` starts another paragraph and
a line `-- (a)` a lettered item of the current one; other whitespace is collapsed. An
error in a template is raised as `TemplateError` naming the template and the line.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine, TemplateDoesNotExist
from django.utils import translation
from django.utils.translation import gettext_lazy as _

TEMPLATES = Path(__file__).parent / "templates"
MISSING_VALUE = "[missing: %s]"
TEMPLATE_ERROR = _("{name}, line {line}: {message}")
NO_TEMPLATE = _("no template {name} for {convention} in {language!r} (looked for {names})")
SHARED_LAYER = "un"
FALLBACK_LANGUAGE = "en"
# Context keys (not reachable from a template: no leading underscore there) that tell
# the `words` tag which convention and language it renders for.
CONVENTION_KEY, LANGUAGE_KEY = "_drafting_convention", "_drafting_language"

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


def template_names(convention: str, language: str, name: str) -> list[str]:
    """Where `name` is looked for, first found wins: `drafting/<slug>/<language>/`,
    `drafting/<slug>/en/`, `drafting/un/<language>/`, `drafting/un/en/`. Each is looked
    for in `DRAFTING_TEMPLATE_DIRS` before the templates shipped with plenary."""
    order = [
        (convention.lower(), language),
        (convention.lower(), FALLBACK_LANGUAGE),
        (SHARED_LAYER, language),
        (SHARED_LAYER, FALLBACK_LANGUAGE),
    ]
    names: list[str] = []
    for layer, each in order:
        full = f"drafting/{layer}/{each}/{name}.txt"
        if full not in names:
            names.append(full)
    return names


def _error(error: Exception, names: list[str]) -> TemplateError:
    """The error, naming the template by its lookup name (`drafting/un/en/...`)."""
    debug = getattr(error, "template_debug", None)
    if debug:
        where = str(debug["name"])
        shown = next((name for name in names if where.endswith(name)), where)
        return TemplateError(TEMPLATE_ERROR.format(name=shown, line=debug["line"], message=error))
    return TemplateError(TEMPLATE_ERROR.format(name=names[0], line="?", message=error))


def render(convention: str, language: str, name: str, context: dict) -> str:
    """The template's text, as written (paragraph marks kept)."""
    names = template_names(convention, language, name)
    try:
        template = engine().select_template(names)
    except TemplateDoesNotExist as error:
        raise TemplateError(
            NO_TEMPLATE.format(
                name=name, convention=convention, language=language, names=", ".join(names)
            )
        ) from error
    except Exception as error:
        raise _error(error, names) from error
    context = {**context, CONVENTION_KEY: convention, LANGUAGE_KEY: language}
    try:
        # Under the template's language (the document's, or English where the language
        # has no such template), so that Django's date formats and month names
        # (`local_date`), the filters' words ("et", "du ... au ...") and the labels are
        # those of the sentence they stand in.
        with translation.override(_written_in(template, language)):
            return template.render(Context(context, autoescape=False))
    except TemplateError:
        raise
    except Exception as error:
        raise _error(error, names) from error


def _written_in(template, language: str) -> str:
    """The language of the template found: `drafting/<layer>/<language>/...`."""
    name = str(getattr(template.origin, "template_name", "") or "").split("/")
    return name[2] if len(name) > 3 and name[0] == "drafting" else language


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


def own_language_names(convention: str, language: str, name: str) -> list[str]:
    """Where `name` is looked for in `language` only (the convention's, then the UN
    layer's): words that must not fall back to another language, such as a quoted
    article of a convention."""
    return [
        f"drafting/{layer}/{language}/{name}.txt" for layer in (convention.lower(), SHARED_LAYER)
    ]


def render_own_language(convention: str, language: str, name: str, context: dict) -> str:
    """The template in `language` itself, or "" when there is none in that language."""
    names = own_language_names(convention, language, name)
    try:
        template = engine().select_template(names)
    except TemplateDoesNotExist:
        return ""
    except Exception as error:
        raise _error(error, names) from error
    context = {**context, CONVENTION_KEY: convention, LANGUAGE_KEY: language}
    try:
        with translation.override(language):
            return template.render(Context(context, autoescape=False))
    except Exception as error:
        raise _error(error, names) from error
