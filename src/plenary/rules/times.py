"""Clock time in a meeting's or a deadline's own time zone.

A deadline set "by 9 October" in Geneva ends at 23:59:59 Europe/Zurich on that day,
whatever the zone of the person looking at it, and a programme planned from 10:00 to
12:00 in Geneva is 04:00 to 06:00 in Lima in November and 03:00 to 05:00 in June.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from plenary.rules.errors import RuleError, _

END_OF_DAY = time(23, 59, 59)
UNKNOWN_ZONE = _("{name!r} is not a time zone of the IANA database (e.g. Europe/Zurich)")


def zone(name: str, *, field: str = "time_zone") -> ZoneInfo:
    """The IANA time zone called `name`; a RuleError on `field` for any other name."""
    if not name or name not in _zone_names():
        raise RuleError(field, UNKNOWN_ZONE, name=name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise RuleError(field, UNKNOWN_ZONE, name=name) from None


def _zone_names() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


_ZONES: frozenset[str] | None = None


def end_of_day(day: date, zone_name: str) -> datetime:
    """The last second of `day` in the zone: when a deadline "by `day`" passes."""
    return datetime.combine(day, END_OF_DAY, tzinfo=zone(zone_name))


def at(day: date, clock: time, zone_name: str) -> datetime:
    """`clock` on `day` as a wall-clock time in the zone (aware)."""
    return datetime.combine(day, clock, tzinfo=zone(zone_name))


def is_past(deadline: datetime, now: datetime) -> bool:
    """Whether `now` is after `deadline`: a deadline's last second still counts as in time."""
    if deadline.tzinfo is None or now.tzinfo is None:
        raise ValueError("compare aware datetimes only")
    return now.replace(microsecond=0) > deadline
