"""`Idempotency-Key` on the API's creations (payments, registrations): a client that sends
the same request twice (a retry after a lost answer, a double click, fifty at once) gets
the first answer again instead of a second record.

The key is kept per user (core.IdempotencyKey) for IDEMPOTENCY_KEY_SECONDS. The key row
is inserted first, in the same transaction as the record it answers for, so of concurrent
requests with one key exactly one commits; the others wait on the key's unique index,
fail, and replay the committed answer. Refusals (4xx) are not kept: the client may fix
and retry with the same key.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Status

from plenary.core.models import IdempotencyKey

HEADER = "Idempotency-Key"
KEY_REUSED = _("This Idempotency-Key was used with another request; use a new key.")
KEY_MALFORMED = _("An Idempotency-Key is 1 to 200 printable ASCII characters.")


def _digest(request, body) -> str:
    text = json.dumps([request.method, request.path, body], sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def idempotent(request, payload, run):
    """`run()` (which returns a Status or a body) once per (user, Idempotency-Key); the
    stored answer for a repeat with the same body; 422 for the key with another body."""
    key = request.headers.get(HEADER)
    if key is None:
        return run()
    if not (0 < len(key) <= 200 and key.isascii() and key.isprintable()):
        raise ValidationError({HEADER: [KEY_MALFORMED]})
    user = request.auth
    digest = _digest(request, payload.dict() if payload is not None else None)
    for _attempt in range(3):
        now = timezone.now()
        try:
            with transaction.atomic():
                expired = now - timedelta(seconds=settings.IDEMPOTENCY_KEY_SECONDS)
                IdempotencyKey.objects.filter(user=user, key=key, created_at__lt=expired).delete()
                found = IdempotencyKey.objects.filter(user=user, key=key).first()
                if found is not None:
                    if found.digest != digest:
                        raise ValidationError({HEADER: [KEY_REUSED]})
                    return Status(found.status_code, found.response)
                # The key first: a concurrent request with it waits here until this one
                # commits, then fails on the unique index and replays this answer.
                row = IdempotencyKey.objects.create(
                    user=user, key=key, digest=digest, status_code=0, response={}, created_at=now
                )
                result = run()
                status, body = (
                    (result.status_code, result.value)
                    if isinstance(result, Status)
                    else (200, result)
                )
                row.status_code = status
                row.response = _plain(body)
                row.save(update_fields=["status_code", "response"])
                return result
        except IntegrityError:
            continue  # another request with this key committed first: replay its answer
    raise ValidationError({HEADER: [KEY_REUSED]})


def prune(*, now) -> int:
    """Forget the keys older than IDEMPOTENCY_KEY_SECONDS (a scheduled job)."""
    cutoff = now - timedelta(seconds=settings.IDEMPOTENCY_KEY_SECONDS)
    return IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()[0]
