"""The wording of a reminder e-mail, in the active language.

The caller (`services._email`) renders it under `translation.override(user.language)`, so
the sentences come from the project's gettext catalogue, the day from the language's own
`DATE_FORMAT` (Django's locale formats: "30 April 2021", "30 avril 2021", "30 de abril de
2021") and the count of days from its plural forms. The clock time stays "23:59:59", which
every language of the United Nations reads.
"""

from datetime import date, datetime

from django.utils import formats
from django.utils.translation import gettext, ngettext

from plenary.core import l10n


def _lead(*, missed: bool, day: str, time: str, zone: str, days_left: int) -> str:
    fields = {"day": day, "time": time, "zone": zone, "days": days_left}
    if missed:
        return (
            gettext(
                "The deadline passed at %(time)s on %(day)s (%(zone)s time) and is not met "
                "on record."
            )
            % fields
        )
    if days_left == 0:
        return gettext("Due by %(time)s today, %(day)s (%(zone)s time).") % fields
    return (
        ngettext(
            "Due by %(time)s on %(day)s (%(zone)s time): in %(days)d day.",
            "Due by %(time)s on %(day)s (%(zone)s time): in %(days)d days.",
            days_left,
        )
        % fields
    )


def compose(
    *,
    missed: bool,
    subject: str,
    day: date,
    ends_local: datetime,
    zone: str,
    days_left: int,
    note: str,
    link: str,
    unsubscribe: str,
    preferences: str,
) -> tuple[str, str]:
    """The subject line and the body of one reminder, in the active language."""
    when = l10n.day(day)
    fields = {"subject": subject, "day": when}
    if missed:
        title = gettext("Deadline passed: %(subject)s, due %(day)s") % fields
    else:
        title = gettext("Reminder: %(subject)s, due %(day)s") % fields
    lead = _lead(
        missed=missed,
        day=when,
        time=formats.time_format(ends_local, "H:i:s"),
        zone=zone,
        days_left=days_left,
    )
    lines = [subject, "", lead]
    if note:
        lines.append(note)
    if link:
        lines.append(link)
    lines += [
        "",
        "--",
        gettext("You receive this because of your reminder preferences in plenary."),
        gettext("Unsubscribe: %(address)s") % {"address": unsubscribe},
        gettext("Preferences: %(address)s") % {"address": preferences},
    ]
    return title, "\n".join(lines) + "\n"
