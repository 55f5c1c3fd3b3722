"""Every user-facing string in the Python code passes through gettext (issue 27).

An AST check over src/plenary/**/*.py: it fails when a refusal (ValidationError, invalid(),
check_may(), RuleError, PermissionDenied, Http404, a form's add_error), a message shown with
django.contrib.messages, a form's or a model's label, help text or verbose name, or a
module-level message constant (an UPPER_CASE name bound to a sentence) is a plain string
literal or an f-string rather than a gettext call; when a gettext call is given an
f-string or a concatenation (its msgid would never match the catalogue); and when an eager
gettext (not `_lazy`) runs at import time, at module or class level, where it translates
once, into the language active then, for every reader.

Not checked: `rules/` (pure Python, no Django: its RuleError messages are English and
services translate what they raise themselves) and migrations.
"""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "plenary"

EXCLUDED_APPS: set[str] = set()
# Pure Python by contract (no Django import) and generated code; the format modules
# (plenary/formats/<language>) hold Django's date patterns ("j F Y"), not prose.
NOT_CHECKED = {"rules", "migrations", "locale", "formats"}
# Files never shown to a reader of the product.
FILE_ALLOWLIST = {
    "core/floor.py",  # the benchmark's floor views, off outside `make bench`
}

GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}

# Module constants that read like sentences but are never shown to a reader.
CONSTANT_ALLOWLIST = {
    "BACK_OFFICE_GROUP",  # core.services: a Group's name, an internal key
    "ERASED_NAME",  # core.services: stored in place of an erased person's name
    "NO_DEFAULT_CONVENTION",  # treaties.scope: a management command's usage error
    "UNKNOWN_CONVENTION",  # reference.py: an operator's error when loading data
    "NEEDS_OUTPUT",  # action_plan consultation command: CLI usage error
    "EN_DASH",  # meetings.render: a character
    "ON",  # api.treaties: an OpenAPI description, for programmers
    "SERIES",  # api.documents: an OpenAPI description, for programmers
    # drafting.wording: the template engine's marker for a value a wording template lacks,
    # fixed when the engine is built; the draft's "missing" notes say what in words.
    "MISSING_VALUE",
}

# Calls whose argument at a position (or keyword) is a message a reader sees.
MESSAGE_ARGUMENT = {
    "ValidationError": (0, "message"),
    "invalid": (1, "message"),
    "_invalid": (1, "message"),
    "check_may": (2, "message"),
    "RuleError": (1, "message"),
    "PermissionDenied": (0, None),
    "Http404": (0, None),
    "add_error": (1, "error"),
    "success": (1, "message"),
    "error": (1, "message"),
    "warning": (1, "message"),
    "info": (1, "message"),
    "add_message": (2, "message"),
}
MESSAGES_FUNCTIONS = {"success", "error", "warning", "info", "add_message"}
# Keywords naming a label a reader sees, in forms and models.
LABEL_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _is_messages_call(node: ast.Call) -> bool:
    # messages.success(request, ...), not logger.error(...) or dict.error
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "messages"
    )


def _plain(node: ast.AST) -> bool:
    """A literal a reader would see untranslated: a non-empty str constant or an f-string."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value.strip() != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _plain(node.left)  # "literal %s" % value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _plain(node.func.value)  # "...".format()
    return False


def _messages_in(node: ast.AST):
    """The message nodes inside a ValidationError argument: a str, a list, a dict."""
    if isinstance(node, ast.Dict):
        for value in node.values:
            yield from _messages_in(value)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _messages_in(element)
    else:
        yield node


EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def _eager_names(tree: ast.Module) -> set[str]:
    """The names this module binds to an eager gettext (`gettext as _`)."""
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }


def _at_import_time(node: ast.AST):
    """The nodes evaluated when the module is imported: everything outside a function."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        yield child
        yield from _at_import_time(child)


def _prose(value: ast.AST) -> bool:
    """Whether a constant's literal reads like a sentence: words, not markup or a key."""
    if isinstance(value, ast.JoinedStr):
        text = "".join(part.value for part in value.values if isinstance(part, ast.Constant))
    elif isinstance(value, ast.Constant) and isinstance(value.value, str):
        text = value.value
    else:
        return False
    return " " in text.strip() and not text.lstrip().startswith("<")


def findings_in(path: Path, root: Path = SRC.parent) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    where = path.relative_to(root)
    found = []

    def report(node: ast.AST, what: str) -> None:
        found.append(f"{where}:{node.lineno}: {what}")

    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            value = node.value
            if (
                isinstance(target, ast.Name)
                and target.id.isupper()
                and target.id not in CONSTANT_ALLOWLIST
                and _prose(value)
            ):
                report(node, f"module constant {target.id} is not a gettext_lazy call")

    eager = _eager_names(tree)
    for node in _at_import_time(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in eager:
            report(node, f"{node.func.id}() runs at import time: use its _lazy form")

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called(node)
        if name in GETTEXT and node.args:
            msgid = node.args[-1] if name.startswith("p") else node.args[0]
            if isinstance(msgid, ast.JoinedStr | ast.BinOp):
                report(node, f"{name}() is given an f-string or a concatenation")
        if name in MESSAGE_ARGUMENT:
            if name in MESSAGES_FUNCTIONS and not _is_messages_call(node):
                continue
            position, keyword = MESSAGE_ARGUMENT[name]
            arguments = [node.args[position]] if len(node.args) > position else []
            arguments += [k.value for k in node.keywords if keyword and k.arg == keyword]
            for argument in arguments:
                for message in _messages_in(argument):
                    if _plain(message):
                        report(message, f"{name}() is given a plain string")
        for keyword in node.keywords:
            if keyword.arg in LABEL_KEYWORDS and _plain(keyword.value):
                report(keyword.value, f"{keyword.arg}= is a plain string")
    return found


def checked_files() -> list[Path]:
    files = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        if NOT_CHECKED & set(parts) or (len(parts) > 1 and parts[0] in EXCLUDED_APPS):
            continue
        if "/".join(parts) in FILE_ALLOWLIST:
            continue
        files.append(path)
    return files


def test_user_facing_strings_pass_through_gettext():
    findings = [finding for path in checked_files() for finding in findings_in(path)]
    assert findings == []


def test_the_check_finds_a_plain_refusal(tmp_path):
    source = tmp_path / "services.py"
    source.write_text(
        "from django.core.exceptions import ValidationError\n"
        "from django.utils.translation import gettext_lazy as _\n"
        'REFUSED = "you may not"\n'
        'FINE = _("you may")\n'
        "def f(x):\n"
        '    raise ValidationError({"x": [f"no {x}"]})\n'
        "def g(x):\n"
        '    return _(f"no {x}"), _("no %(x)s") % {"x": x}\n'
        "from django.utils.translation import gettext\n"
        'SAID = gettext("said once")\n'
    )
    assert findings_in(source, root=tmp_path) == [
        "services.py:3: module constant REFUSED is not a gettext_lazy call",
        "services.py:10: gettext() runs at import time: use its _lazy form",
        "services.py:6: ValidationError() is given a plain string",
        "services.py:8: _() is given an f-string or a concatenation",
    ]
