"""Notices by e-mail, each in its recipient's language.

A notice is two templates, a subject and a plain-text body, rendered under
`translation.override(user.language)` so that every `{% translate %}` in them, and every
date the templates format, speaks the recipient's language, whatever the language of the
request that caused it. Callers send after their transaction commits.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def render_notice(
    user, subject_template: str, body_template: str, context: dict
) -> tuple[str, str]:
    """The subject (one line) and body of a notice to `user`, in `user.language`."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    return subject, body


def send_notice(user, subject_template: str, body_template: str, context: dict) -> None:
    """Send one notice to `user`'s e-mail address, in their language."""
    subject, body = render_notice(user, subject_template, body_template, {"user": user, **context})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
