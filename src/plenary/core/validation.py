"""The shapes of a refusal: an input keyed by the field at fault, or an act not permitted."""

from django.core.exceptions import PermissionDenied, ValidationError


def invalid(field: str, message: str) -> ValidationError:
    """`raise invalid("ends_on", "...")`: pages, the API and the loaders show it by field."""
    return ValidationError({field: [message]})


def check_may(by, perm: str, message: str, obj) -> None:
    """Refuse (PermissionDenied, 403) when `by` lacks `perm` on `obj`, the record acted on
    (its convention decides whose role counts: core/permissions.py); `by=None` is a
    trusted caller (a command or a reference load), which services let through."""
    if by is not None and not by.has_perm(perm, obj):
        raise PermissionDenied(message)


# Markup a browser would render: a "PDF" carrying it is a polyglot.
_MARKUP = (b"<html", b"<script", b"<!doctype", b"<body", b"<iframe", b"<svg")


def is_whole_pdf(content: bytes) -> bool:
    """Whether `content` is a PDF and nothing else: it starts as one, carries no markup a
    browser would render (a PDF + HTML polyglot), and pypdf parses it, strictly, to its
    page tree (a truncated or forged file does not). The one check of a PDF for every
    upload (documents, consultations' attachments, notes verbales)."""
    import io
    import logging

    import pypdf
    from pypdf.errors import PyPdfError

    if not content.startswith(b"%PDF-"):
        return False
    lowered = content.lower()
    if any(mark in lowered for mark in _MARKUP):
        return False
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # a refused file is answered, not logged as a warning
    try:
        len(pypdf.PdfReader(io.BytesIO(content), strict=True).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return False
    except RecursionError:  # a crafted page tree that refers to itself
        return False
    finally:
        pypdf_log.setLevel(level)
    return True
