"""E-mail to the Delegations of the States a silence procedure was circulated to.

Sent by a background task (django-tasks) after the transaction that circulated or
concluded the procedure commits, so a refused change sends nothing and a slow mail
server never holds a request.
"""

from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django_tasks import task

from plenary.core.models import Role, RoleGrant, User
from plenary.decisions.models import Outcome, SilenceProcedure

CIRCULATED = "circulated"
CONCLUDED = "concluded"

CIRCULATED_SUBJECT = "Silence procedure: {subject}"
CONCLUDED_SUBJECT = "Silence procedure concluded: {subject}"
CIRCULATED_BODY = (
    "A silence procedure was circulated to the States Parties on {circulated}.\n\n"
    "Subject: {subject}\n{document}"
    "Deadline: {deadline} ({zone} time).\n\n"
    "The proposal is adopted unless a State Party breaks the silence before the deadline.\n"
    "{url}\n"
)
CONCLUDED_BODY = (
    "The silence procedure of {period} on {subject!r} has concluded: {outcome}.\n{url}\n"
)


def recipients(procedure: SilenceProcedure) -> list[str]:
    """The e-mail addresses of the active users holding a Delegation role for an addressee
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
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )


def _message(procedure: SilenceProcedure, event: str) -> tuple[str, str]:
    url = f"{settings.SITE_URL}/silence-procedures/{procedure.pk}/"
    if event == CIRCULATED:
        local = procedure.deadline.astimezone(ZoneInfo(procedure.time_zone))
        return (
            CIRCULATED_SUBJECT.format(subject=procedure.subject),
            CIRCULATED_BODY.format(
                circulated=f"{procedure.circulated_on.day} {procedure.circulated_on:%B %Y}",
                subject=procedure.subject,
                document=f"Document: {procedure.document_symbol}\n"
                if procedure.document_symbol
                else "",
                deadline=f"{local:%H:%M:%S} on {local.day} {local:%B %Y}",
                zone=procedure.time_zone,
                url=url,
            ),
        )
    if procedure.outcome == Outcome.BROKEN:
        names = ", ".join(b.state.name for b in procedure.breaks.select_related("state"))
        outcome = f"the silence was broken by {names}"
    else:
        outcome = "the silence was not broken and the proposal is adopted"
    return (
        CONCLUDED_SUBJECT.format(subject=procedure.subject),
        CONCLUDED_BODY.format(
            period=procedure.period, subject=procedure.subject, outcome=outcome, url=url
        ),
    )


@task()
def send_silence_procedure_notice(*, procedure_id: int, event: str) -> int:
    """Send one e-mail per recipient; return how many were sent."""
    procedure = SilenceProcedure.objects.get(pk=procedure_id)
    subject, body = _message(procedure, event)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients(procedure)]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def notify_on_commit(procedure: SilenceProcedure, event: str) -> None:
    transaction.on_commit(
        partial(send_silence_procedure_notice.enqueue, procedure_id=procedure.pk, event=event)
    )
