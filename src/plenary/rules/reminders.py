"""Deadlines as values, and when to remind people of them.

A `Deadline` is what every capability's `deadlines.py` provider returns: what falls due,
under which convention (its short name, from the record), when (a day and the aware last
second in its zone), whom it binds, a stable key and a link. "All States Parties" means the
States Parties of the deadline's convention on its day. Reminders are sent a whole number
of days before the day; `reminder_due` says which one is due at `now`, and
`missed_notice_due` whether a notice that it passed is.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from plenary.rules import times
from plenary.rules.errors import RuleError

STATE = "state"
STATES_PARTIES = "states_parties"
SECRETARIAT = "secretariat"
ROLE = "role"
BOUND_KINDS = (STATE, STATES_PARTIES, SECRETARIAT, ROLE)

OFFSET_NOT_WHOLE_DAYS = (
    "a reminder offset is a whole number of days (e.g. 30, 7, 1); {value!r} is not"
)
OFFSET_NEGATIVE = (
    "a reminder offset counts days before the deadline and must be 1 or more; {value!r} is not"
)
NO_OFFSETS = "give at least one reminder offset in days (e.g. 30,7,1)"


@dataclass(frozen=True)
class Bound:
    """Whom a deadline binds: one State (ISO code), all States Parties (of the deadline's
    convention), the Secretariat, a role."""

    kind: str
    iso3: str = ""
    role: str = ""

    def __post_init__(self) -> None:
        if self.kind not in BOUND_KINDS:
            raise ValueError(f"bound kind must be one of {', '.join(BOUND_KINDS)}")
        if (self.kind == STATE) != bool(self.iso3) or (self.kind == ROLE) != bool(self.role):
            raise ValueError("a State bound names its State; a role bound names its role")

    @classmethod
    def state(cls, iso3: str) -> "Bound":
        return cls(STATE, iso3=iso3)

    @classmethod
    def states_parties(cls) -> "Bound":
        return cls(STATES_PARTIES)

    @classmethod
    def secretariat(cls) -> "Bound":
        return cls(SECRETARIAT)

    @classmethod
    def for_role(cls, role: str) -> "Bound":
        return cls(ROLE, role=role)

    def binds_state(self, iso3: str) -> bool:
        """Whether this may bind the State `iso3`: itself, or as one of the States Parties
        (whether it is one of the deadline's convention is the caller's to check) or through
        its Delegation role."""
        return (
            (self.kind == STATE and self.iso3 == iso3)
            or self.kind == STATES_PARTIES
            or (self.kind == ROLE and self.role == "delegation")
        )

    def label(self) -> str:
        if self.kind == STATE:
            return self.iso3
        if self.kind == ROLE:
            return f"role:{self.role}"
        return self.kind


@dataclass(frozen=True)
class Deadline:
    """Something due under `convention` (a short name, e.g. "CCM") by the end of `day` in
    `time_zone` (or at `ends_at`, which is aware).

    `key` is stable for one deadline on one day: a deadline moved to another day is a new
    deadline with a new key, and its reminders go out again. `notify_missed` is false where
    passing the day is no failure (a silence procedure, a deadline replaced by an extension).
    """

    key: str
    kind: str
    day: date
    ends_at: datetime
    time_zone: str
    subject: str
    bound: Bound
    convention: str
    link: str = ""
    notify_missed: bool = True
    note: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.ends_at.tzinfo is None:
            raise ValueError("a deadline's end is an aware datetime")
        if not self.convention:
            raise ValueError("a deadline names its convention")

    @property
    def heading(self) -> str:
        """The subject naming its convention: "CCM: Peru: Article 7 annual report ..."."""
        return f"{self.convention}: {self.subject}"

    @classmethod
    def by_end_of(
        cls,
        *,
        key: str,
        kind: str,
        day: date,
        time_zone: str,
        subject: str,
        bound: Bound,
        convention: str,
        **more,
    ) -> "Deadline":
        """A deadline "by `day`": it passes after 23:59:59 on that day in `time_zone`."""
        return cls(
            key=key,
            kind=kind,
            day=day,
            ends_at=times.end_of_day(day, time_zone),
            time_zone=time_zone,
            subject=subject,
            bound=bound,
            convention=convention,
            **more,
        )

    @classmethod
    def at(
        cls,
        *,
        key: str,
        kind: str,
        ends_at: datetime,
        time_zone: str,
        subject: str,
        bound: Bound,
        convention: str,
        **more,
    ) -> "Deadline":
        """A deadline at an exact moment (aware), shown in `time_zone`."""
        local = ends_at.astimezone(times.zone(time_zone))
        return cls(
            key=key,
            kind=kind,
            day=local.date(),
            ends_at=ends_at,
            time_zone=time_zone,
            subject=subject,
            bound=bound,
            convention=convention,
            **more,
        )

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "convention": self.convention,
            "kind": self.kind,
            "date": self.day.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "time_zone": self.time_zone,
            "subject": self.subject,
            "bound": self.bound.label(),
            "link": self.link,
            "note": self.note,
        }


def check_offset(value) -> int:
    """The offset `value` as a whole number of days, or a RuleError on "offsets".

    Accepts an int, a string of digits ("7", " 30 ") or a timedelta of whole days; refuses
    fractions ("1.5", timedelta(hours=36)), units ("12h") and anything below one day.
    """
    if isinstance(value, bool):
        raise RuleError("offsets", OFFSET_NOT_WHOLE_DAYS.format(value=value))
    if isinstance(value, timedelta):
        if value % timedelta(days=1):
            raise RuleError("offsets", OFFSET_NOT_WHOLE_DAYS.format(value=str(value)))
        days = value.days
    elif isinstance(value, int):
        days = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"-?\d+", text):
            raise RuleError("offsets", OFFSET_NOT_WHOLE_DAYS.format(value=value))
        days = int(text)
    if days < 1:
        raise RuleError("offsets", OFFSET_NEGATIVE.format(value=value))
    return days


def parse_offsets(values) -> tuple[int, ...]:
    """Offsets from "30,7,1" or a list, each checked; largest first, without repeats."""
    if isinstance(values, str):
        values = [item for item in values.split(",") if item.strip()]
    offsets = sorted({check_offset(value) for value in values}, reverse=True)
    if not offsets:
        raise RuleError("offsets", NO_OFFSETS)
    return tuple(offsets)


def reminder_opens(deadline: Deadline, offset: int) -> datetime:
    """When the reminder `offset` days before opens: midnight, `offset` days before the
    deadline's day, in the deadline's zone."""
    day = deadline.day - timedelta(days=offset)
    return datetime.combine(day, time(0, 0), tzinfo=times.zone(deadline.time_zone))


def reminder_due(deadline: Deadline, offsets: tuple[int, ...], now: datetime) -> int | None:
    """The offset whose reminder is due at `now`, or None.

    Only the latest window that has opened counts: a worker that first runs five days
    before a deadline sends the 7-day reminder, not the 30-day one as well; once the
    deadline has passed no reminder is due.
    """
    if times.is_past(deadline.ends_at, now):
        return None
    opened = [offset for offset in offsets if reminder_opens(deadline, offset) <= now]
    return min(opened) if opened else None


def missed_notice_due(deadline: Deadline, now: datetime, *, within_days: int) -> bool:
    """Whether a notice that the deadline was missed is due: it passed, less than
    `within_days` days ago, and missing it is a failure."""
    return (
        deadline.notify_missed
        and times.is_past(deadline.ends_at, now)
        and now - deadline.ends_at <= timedelta(days=within_days)
    )
