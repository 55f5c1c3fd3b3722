"""No code path names a convention: its names and article numbers live in its own files.

Scans every string literal of src/plenary (docstrings aside: an example in a docstring is
documentation, not behaviour) and every template outside a convention's own folder
(drafting/<slug>/), for the CCM's short name and names, and "Article N" written out.
An example introduced by "e.g." (a help text's "e.g. CCM/CONF/2020") is documentation too.
"""

import ast
import re
from pathlib import Path

import plenary
from plenary.rules import conventions

SRC = Path(plenary.__file__).resolve().parent
NAMES = re.compile(r"Cluster Munition|cluster munition|Mine Ban|\bArticles? [0-9]+\b")
SHORT = re.compile(r"\bCCM\b|\bAPMBC\b|\bAPLC\b")
EXAMPLE = re.compile(r"e\.g\.[^)]*")
OWN_FOLDERS = set(conventions.registry()) | {slug.lower() for slug in conventions.registry()}


def _offends(text: str) -> bool:
    text = EXAMPLE.sub("", text)
    return bool(NAMES.search(text) or SHORT.search(text))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def python_offences() -> list[str]:
    offences = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and _offends(node.value)
            ):
                offences.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value[:70]!r}")
    return offences


def template_offences() -> list[str]:
    offences = []
    for path in sorted(SRC.rglob("templates/**/*")):
        if not path.is_file() or OWN_FOLDERS & set(path.relative_to(SRC).parts):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("{#") and _offends(line):
                offences.append(f"{path.relative_to(SRC)}:{number}: {line.strip()[:70]!r}")
    return offences


def test_no_code_or_shared_template_names_a_convention_or_an_article_number():
    assert python_offences() + template_offences() == []
