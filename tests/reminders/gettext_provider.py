"""A deadline provider for tests whose heading is worded through gettext, as the domain
apps' providers are, with a word Django's own catalogue translates ("January")."""

from datetime import date

from django.utils.translation import gettext

from plenary.rules.reminders import Bound, Deadline

DAY = date(2021, 4, 30)


def deadlines_between(*, start, end, state=None):
    if not start <= DAY <= end or state not in (None, "PER"):
        return []
    return [
        Deadline.by_end_of(
            key=f"test:gettext:{DAY}",
            kind="article7_annual",
            day=DAY,
            time_zone="Europe/Zurich",
            subject=gettext("January"),
            bound=Bound.state("PER"),
            convention="CCM",
            note=gettext("February"),
        )
    ]
