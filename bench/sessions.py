"""Signed-in Delegation users for the benchmark, and a session for each.

Creates `--count` users (bench-delegate-1 ...), each a Delegation of one of the States
Parties in turn (so consecutive users act for different States; the first user of each
State is its focal point), with a session made through the configured session engine
exactly as signing in makes one (user id, backend, password hash). Also creates the
writers of the conference-day scenario: one Secretariat user with an API token.

Prints one JSON line: {"sessions": [session keys], "cookie": name, "writer_token": the
Secretariat's API key, "focal_point_tokens": {ISO code: the State's focal point's key},
"free_reports": [[ISO code, year] with no annual report yet]}.

    python -m bench.sessions --count 500      (with DJANGO_SETTINGS_MODULE set)
"""

from __future__ import annotations

import argparse
import json
import secrets
from datetime import date

SOURCE = "synthetic: bench/sessions.py"


def create(count: int) -> dict:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db import transaction

    from plenary.core.models import ApiToken, DelegationFunction, Role, RoleGrant, User
    from plenary.treaties.models import Convention, Participation

    convention = Convention.objects.get(short_name="CCM")
    states = [
        p.state
        for p in Participation.objects.filter(convention=convention, entry_into_force__isnull=False)
        .select_related("state")
        .order_by("state__iso3")
    ]
    store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = "django.contrib.auth.backends.ModelBackend"
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(username=f"bench-delegate-{n + 1}", email=f"bench-delegate-{n + 1}@example.org")
            for n in range(count)
        )
        for user in users:
            user.set_unusable_password()
        User.objects.bulk_update(users, ["password"])
        RoleGrant.objects.bulk_create(
            RoleGrant(
                user=user,
                convention=convention,
                role=Role.DELEGATION,
                state=states[n % len(states)],
                function=DelegationFunction.FOCAL_POINT
                if n < len(states)
                else DelegationFunction.DELEGATE,
                starts_on=date(2000, 1, 1),
                reason=SOURCE,
            )
            for n, user in enumerate(users)
        )
        writer = User.objects.create(username="bench-secretariat", is_staff=False)
        RoleGrant.objects.create(
            user=writer,
            convention=convention,
            role=Role.SECRETARIAT,
            starts_on=date(2000, 1, 1),
            reason=SOURCE,
        )
        key = secrets.token_urlsafe(32)
        ApiToken.objects.create(
            user=writer, name="bench writer", digest=ApiToken.digest_of(key), prefix=key[:8]
        )
        tokens = {}
        for n, user in enumerate(users[: len(states)]):
            own = secrets.token_urlsafe(32)
            ApiToken.objects.create(
                user=user, name="bench writer", digest=ApiToken.digest_of(own), prefix=own[:8]
            )
            tokens[states[n].iso3] = own
    sessions = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return {
        "free_reports": _free_reports(convention, states),
        "sessions": sessions,
        "cookie": settings.SESSION_COOKIE_NAME,
        "writer_token": key,
        "focal_point_tokens": tokens,
    }


def _free_reports(convention, states) -> list[tuple[str, int]]:
    """(State, year) pairs with no annual report yet, from the year after the Convention
    entered into force for the State to 2099: what the writers may record. The generated
    decade fills the years up to about 2030, so these are synthetic later years (the service
    bounds the date received, not the year covered)."""
    from plenary.treaties.models import Participation, ReportKind, TransparencyReport

    taken = set(
        TransparencyReport.objects.filter(
            convention=convention, kind=ReportKind.ANNUAL
        ).values_list("state__iso3", "year_covered")
    )
    entered = dict(
        Participation.objects.filter(
            convention=convention, entry_into_force__isnull=False
        ).values_list("state__iso3", "entry_into_force")
    )
    free = [
        (state.iso3, year)
        for year in range(2000, 2100)
        for state in states
        if year > entered[state.iso3].year and (state.iso3, year) not in taken
    ]
    return free


def main(argv: list[str] | None = None) -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args(argv)
    django.setup()
    print(json.dumps(create(args.count)))


if __name__ == "__main__":
    main()
