"""E-mail to the Delegations of the States a silence procedure was circulated to.

Sent by a background task (django-tasks) after the transaction that circulated or
concluded the procedure commits, so a refused change sends nothing and a slow mail
server never holds a request. The addressees are States Parties of the procedure's
convention, so no other convention's State is written to; each e-mail names the
convention and is written in its recipient's language (`translation.override`).
"""

from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from plenary.core import l10n
from plenary.core.models import Role, RoleGrant, User
from plenary.decisions.models import Outcome, SilenceProcedure
from plenary.reminders.selectors import language_of

CIRCULATED = "circulated"
CONCLUDED = "concluded"
EXTENDED = "extended"
WITHDRAWN = "withdrawn"


def recipients(procedure: SilenceProcedure) -> list[User]:
    """The active users, with an e-mail address, holding a Delegation role for an addressee
    State under the procedure's convention today."""
    return list(
        User.objects.filter(
            is_active=True,
            grants__in=RoleGrant.objects.current().filter(
                convention=procedure.convention_id,
                role=Role.DELEGATION,
                state__in=procedure.addressees.values("state"),
            ),
        )
        .exclude(email="")
        .select_related("reminder_preference")
        .order_by("email", "pk")
    )


def _message(procedure: SilenceProcedure, event: str) -> tuple[str, str]:
    """The subject and body in the active language."""
    url = f"{settings.SITE_URL}/{procedure.convention.slug}/silence-procedures/{procedure.pk}/"
    convention = procedure.convention.short_name
    if event == CIRCULATED:
        local = procedure.deadline.astimezone(ZoneInfo(procedure.time_zone))
        document = (
            _("Document: %(symbol)s") % {"symbol": procedure.document_symbol} + "\n"
            if procedure.document_symbol
            else ""
        )
        subject = _("%(convention)s: Silence procedure: %(subject)s") % {
            "convention": convention,
            "subject": procedure.subject,
        }
        body = _(
            "%(convention)s: a silence procedure was circulated to the States Parties on"
            " %(circulated)s.\n\n"
            "Subject: %(subject)s\n%(document)s"
            "Deadline: %(time)s on %(deadline)s (%(zone)s time).\n\n"
            "The proposal is adopted unless a State Party breaks the silence before the"
            " deadline.\n%(url)s\n"
        ) % {
            "convention": convention,
            "circulated": l10n.day(procedure.circulated_on),
            "subject": procedure.subject,
            "document": document,
            "time": f"{local:%H:%M:%S}",
            "deadline": l10n.day(local.date()),
            "zone": procedure.time_zone,
            "url": url,
        }
        return subject, body
    if event == EXTENDED:
        local = procedure.deadline.astimezone(ZoneInfo(procedure.time_zone))
        subject = _("%(convention)s: Silence procedure extended: %(subject)s") % {
            "convention": convention,
            "subject": procedure.subject,
        }
        body = _(
            "%(convention)s: the deadline of the silence procedure on “%(subject)s” is"
            " extended to %(time)s on %(deadline)s (%(zone)s time).\n%(url)s\n"
        ) % {
            "convention": convention,
            "subject": procedure.subject,
            "time": f"{local:%H:%M:%S}",
            "deadline": l10n.day(local.date()),
            "zone": procedure.time_zone,
            "url": url,
        }
        return subject, body
    if event == WITHDRAWN:
        subject = _("%(convention)s: Silence procedure withdrawn: %(subject)s") % {
            "convention": convention,
            "subject": procedure.subject,
        }
        body = _(
            "%(convention)s: the silence procedure on “%(subject)s” is withdrawn:"
            " %(reason)s\n%(url)s\n"
        ) % {
            "convention": convention,
            "subject": procedure.subject,
            "reason": procedure.withdrawal_reason,
            "url": url,
        }
        return subject, body
    if procedure.outcome == Outcome.BROKEN:
        names = ", ".join(b.state.name for b in procedure.breaks.select_related("state"))
        outcome = _("the silence was broken by %(states)s") % {"states": names}
    else:
        outcome = _("the silence was not broken and the proposal is adopted")
    subject = _("%(convention)s: Silence procedure concluded: %(subject)s") % {
        "convention": convention,
        "subject": procedure.subject,
    }
    body = _(
        "%(convention)s: the silence procedure of %(period)s on “%(subject)s” has"
        " concluded: %(outcome)s.\n%(url)s\n"
    ) % {
        "convention": convention,
        "period": procedure.period,
        "subject": procedure.subject,
        "outcome": outcome,
        "url": url,
    }
    return subject, body


@task()
def send_silence_procedure_notice(*, procedure_id: int, event: str) -> int:
    """Send one e-mail per recipient, each in the recipient's language; return how many
    were sent."""
    procedure = SilenceProcedure.objects.select_related("convention").get(pk=procedure_id)
    by_language: dict[str, tuple[str, str]] = {}
    messages, written_to = [], set()
    for user in recipients(procedure):
        if user.email in written_to:
            continue
        written_to.add(user.email)
        language = language_of(user)
        if language not in by_language:
            with translation.override(language):
                by_language[language] = _message(procedure, event)
        subject, body = by_language[language]
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def notify_on_commit(procedure: SilenceProcedure, event: str) -> None:
    transaction.on_commit(
        partial(send_silence_procedure_notice.enqueue, procedure_id=procedure.pk, event=event)
    )
