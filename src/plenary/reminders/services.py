"""Every write of the reminders: scheduling, claiming and sending, preferences, feed tokens.

Exactly once: `_schedule_reminders` inserts one row per (deadline key, user, notice,
offset) and ignores the conflict when it exists, so any number of workers may schedule
the same reminder; `_claim_reminders` takes rows with `SELECT ... FOR UPDATE SKIP LOCKED`
(PostgreSQL; SQLite's IMMEDIATE transactions serialise the claim) and stamps them with the
worker's name; `_deliver` marks a row sent only after the mail server accepted it, and
only if the claim is still this worker's. A worker that dies after claiming leaves the
claim to expire (`REMINDER_CLAIM_SECONDS`); another worker then retakes it.
"""

import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from plenary.core import services as core_services
from plenary.core.models import User
from plenary.reminders import messages, selectors, tokens
from plenary.reminders.models import (
    FeedToken,
    Notice,
    Reminder,
    ReminderKind,
    ReminderPreference,
    Status,
)
from plenary.rules import reminders as rules
from plenary.rules import times
from plenary.rules.errors import RuleError
from plenary.treaties.models import State

logger = logging.getLogger(__name__)

UNKNOWN_LANGUAGE = _("Choose one of the languages, not %(value)s.")
UNKNOWN_KIND = _("No kind of reminder is called %(value)s.")
BAD_UNSUBSCRIBE = _("This unsubscribe link is not valid.")
ALREADY_REVOKED = _("This feed was already revoked.")


def _configured_offsets() -> tuple[int, ...]:
    return rules.parse_offsets(settings.REMINDER_OFFSETS_DAYS)


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{tokens.new_feed_key()[:8]}"


@transaction.atomic
def _schedule_reminders(*, now: datetime, offsets: tuple[int, ...] | None = None) -> int:
    """Create the reminders due at `now` that do not exist yet; return how many were new.

    Steps: check the offsets; gather the deadlines from the last days for missed
    notices to the largest offset ahead; for each, the reminder due now (only the latest
    window opened) and the notice of a missed deadline; their recipients who want them;
    the heading and note of each in its recipient's language; insert the rows, ignoring
    those that exist (the unique constraint decides).
    """
    offsets = rules.parse_offsets(
        offsets if offsets is not None else settings.REMINDER_OFFSETS_DAYS
    )
    within = settings.REMINDER_MISSED_WITHIN_DAYS
    today = now.astimezone(times.zone(settings.TIME_ZONE)).date()
    period = {
        "start": today - timedelta(days=within + 1),
        "end": today + timedelta(days=max(offsets) + 1),
    }
    with translation.override(settings.LANGUAGE_CODE):
        deadlines = selectors.deadlines_between(**period)
    wanted: list[tuple[rules.Deadline, str, int]] = []
    for deadline in deadlines:
        offset = rules.reminder_due(deadline, offsets, now)
        if offset is not None:
            wanted.append((deadline, Notice.BEFORE, offset))
        if rules.missed_notice_due(deadline, now, within_days=within):
            wanted.append((deadline, Notice.MISSED, 0))
    people = selectors.recipients([deadline for deadline, _notice, _offset in wanted])
    wording = _wording_by_language(
        deadlines, {selectors.language_of(u) for users in people.values() for u in users}, period
    )
    rows = [
        Reminder(
            deadline_key=deadline.key,
            user=user,
            notice=notice,
            offset_days=offset,
            kind=deadline.kind,
            subject=heading,
            deadline_day=deadline.day,
            deadline_ends_at=deadline.ends_at,
            time_zone=deadline.time_zone,
            link=deadline.link,
            note=note[:300],
            created_at=now,
        )
        for deadline, notice, offset in wanted
        for user in people[deadline.key]
        if _preference(user).wants(kind=deadline.kind, notice=notice)
        for heading, note in [wording[selectors.language_of(user)][deadline.key]]
    ]
    if not rows:
        return 0
    before = Reminder.objects.count()
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return Reminder.objects.count() - before


def _wording_by_language(
    deadlines: list[rules.Deadline], languages: set[str], period: dict
) -> dict[str, dict[str, tuple[str, str]]]:
    """Each deadline's heading and note in each recipient's language, by deadline key.

    The providers word their deadlines in the active language, so they are asked once more
    for each language other than the site's (a fixed number of queries per language)."""

    def words(found):
        return {d.key: (d.heading, d.note) for d in found}

    wording = {settings.LANGUAGE_CODE: words(deadlines)}
    for language in sorted(languages - {settings.LANGUAGE_CODE}):
        with translation.override(language):
            wording[language] = {**wording[settings.LANGUAGE_CODE]}
            wording[language].update(words(selectors.deadlines_between(**period)))
    return wording


def _preference(user: User) -> ReminderPreference:
    try:
        return user.reminder_preference
    except ReminderPreference.DoesNotExist:
        return ReminderPreference(user=user)


def _claimable(now: datetime) -> Q:
    expired = now - timedelta(seconds=settings.REMINDER_CLAIM_SECONDS)
    retry = Q(attempts__lt=settings.REMINDER_MAX_ATTEMPTS)
    return (
        Q(status=Status.PENDING)
        | (Q(status=Status.FAILED) & retry)
        | (Q(status=Status.CLAIMED, claimed_at__lt=expired) & retry)
    )


@transaction.atomic
def _claim_reminders(
    *, now: datetime, worker: str, limit: int = 50, exclude: set[int] = frozenset()
) -> list[Reminder]:
    """Claim up to `limit` reminders for `worker`; rows another worker holds are skipped.

    Steps: lock the claimable rows no other transaction holds (`SKIP LOCKED`); stamp them
    claimed by `worker` at `now` and count the attempt; return them with their users.
    """
    ids = list(
        Reminder.objects.select_for_update(skip_locked=True)
        .filter(_claimable(now))
        .exclude(pk__in=exclude)
        .order_by("deadline_ends_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    if not ids:
        return []
    Reminder.objects.filter(_claimable(now), pk__in=ids).update(
        status=Status.CLAIMED, claimed_by=worker, claimed_at=now, attempts=F("attempts") + 1
    )
    return list(
        Reminder.objects.filter(pk__in=ids, status=Status.CLAIMED, claimed_by=worker)
        .select_related("user", "user__reminder_preference")
        .order_by("deadline_ends_at", "pk")
    )


def _email(reminder: Reminder) -> EmailMessage:
    """The e-mail of one reminder, in its recipient's language, with an unsubscribe link."""
    with translation.override(selectors.language_of(reminder.user)):
        return _compose(reminder)


def _compose(reminder: Reminder) -> EmailMessage:
    local = reminder.deadline_ends_at.astimezone(times.zone(reminder.time_zone))
    unsubscribe = settings.SITE_URL + reverse(
        "reminders:unsubscribe", args=[tokens.unsubscribe_token(reminder.user_id)]
    )
    title, body = messages.compose(
        missed=reminder.notice == Notice.MISSED,
        subject=reminder.subject,
        day=reminder.deadline_day,
        ends_local=local,
        zone=reminder.time_zone,
        days_left=reminder.offset_days,
        note=reminder.note,
        link=settings.SITE_URL + reminder.link if reminder.link else "",
        unsubscribe=unsubscribe,
        preferences=settings.SITE_URL + reverse("reminders:preferences"),
    )
    return EmailMessage(
        subject=title,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reminder.user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _deliver(*, reminder: Reminder, worker: str, now: datetime) -> bool:
    """Send one claimed reminder; mark it sent, or failed with the error. Return success.

    Steps: check the claim is still `worker`'s; compose and send the e-mail; only then
    mark the row sent (while the claim is still `worker`'s); on an error keep the row
    failed with the error, for a retry.
    """
    mine = Reminder.objects.filter(pk=reminder.pk, status=Status.CLAIMED, claimed_by=worker)
    if not mine.exists():
        return False  # another worker retook an expired claim: it sends, not this one
    try:
        _email(reminder).send(fail_silently=False)
    except Exception as error:  # any failure of the mail server is recorded, then retried
        logger.warning("reminder %s to %s failed: %s", reminder.pk, reminder.user.email, error)
        mine.update(status=Status.FAILED, last_error=f"{type(error).__name__}: {error}"[:2000])
        return False
    mine.update(status=Status.SENT, sent_at=now, last_error="")
    return True


@dataclass
class SendSummary:
    scheduled: int = 0
    sent: int = 0
    failed: int = 0


def send_due_reminders(
    *,
    now: datetime,
    offsets: tuple[int, ...] | None = None,
    worker: str | None = None,
    batch: int = 50,
) -> SendSummary:
    """What the worker runs: schedule the reminders due at `now`, then claim and send
    batches until nothing is left that this run has not tried. Safe to run by hand, and
    from several workers at once."""
    worker = worker or _worker_name()
    summary = SendSummary(scheduled=_schedule_reminders(now=now, offsets=offsets))
    tried: set[int] = set()
    while claimed := _claim_reminders(now=now, worker=worker, limit=batch, exclude=tried):
        for reminder in claimed:
            tried.add(reminder.pk)
            if _deliver(reminder=reminder, worker=worker, now=now):
                summary.sent += 1
            else:
                summary.failed += 1
    return summary


@transaction.atomic
def set_preferences(
    *,
    user: User,
    language: str | None = None,
    subscribed: bool = True,
    missed_notices: bool = True,
    muted_kinds: list[str] | tuple[str, ...] = (),
) -> ReminderPreference:
    """Record a user's reminder choices, and the language of their e-mails if given.

    Steps: check the language and the kinds; keep the language on the user's profile
    (`User.language`, the language of every notice plenary sends them); create or update
    the preference row.
    """
    if language is not None and language not in dict(settings.LANGUAGES):
        raise RuleError("language", UNKNOWN_LANGUAGE % {"value": repr(language)})
    for kind in muted_kinds:
        if kind not in ReminderKind.values:
            raise RuleError("muted_kinds", UNKNOWN_KIND % {"value": repr(kind)})
    if language is not None:
        core_services.choose_language(user=user, language=language, by=user)
    preference, _created = ReminderPreference.objects.update_or_create(
        user=user,
        defaults={
            "subscribed": subscribed,
            "missed_notices": missed_notices,
            "muted_kinds": sorted(set(muted_kinds)),
        },
    )
    return preference


@transaction.atomic
def unsubscribe(*, token: str) -> User:
    """Stop every reminder e-mail to the user a signed token names; no login needed.

    Steps: check the signature; turn the user's reminders off (keeping other choices).
    """
    user_id = tokens.user_of_unsubscribe_token(token)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        raise RuleError("token", BAD_UNSUBSCRIBE)
    preference, _created = ReminderPreference.objects.get_or_create(user=user)
    preference.subscribed = False
    preference.save(update_fields=["subscribed"])
    return user


@transaction.atomic
def issue_feed_token(*, state: State, by: User, now: datetime) -> str:
    """Create a private feed of `state`'s deadlines; return its key, shown only once.

    Steps: draw a random key; store its SHA-256 digest and first characters.
    """
    key = tokens.new_feed_key()
    FeedToken.objects.create(
        state=state, digest=tokens.digest(key), prefix=key[:8], created_by=by, created_at=now
    )
    return key


@transaction.atomic
def revoke_feed_token(*, token: FeedToken, now: datetime) -> FeedToken:
    """Revoke a feed: its address answers 404 from now on.

    Steps: refuse a token already revoked; stamp the revocation.
    """
    token = FeedToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise RuleError("token", ALREADY_REVOKED)
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    return token
