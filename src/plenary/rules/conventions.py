"""The Conventions' rules as data: one TOML file per convention, read into frozen dataclasses.

`data/conventions/<slug>.toml` holds a convention's names, depositary and secretariat, entry
into force, obligations (each by a neutral code, with its article number in that
convention), reporting rules, document symbol scheme, meeting kinds, participant categories
and finance settings. `load_file` reads and validates one file; a broken file raises
`ConventionFileError` naming the file, the key and the rule broken. `use_directory` points
the registry at a directory (Django does so at start-up from
`settings.PLENARY_CONVENTIONS_DIR`); `get_ruleset` answers from it, reading the directory on
first use.

Pure Python: no Django here.
"""

import tomllib
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plenary.rules import entry_into_force as eif_strategies
from plenary.rules.symbols import SERIES, SUFFIX_KINDS, SymbolScheme

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[3] / "data" / "conventions"

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
OBLIGATION_KINDS = ("stockpile_destruction", "clearance", "initial_report", "annual_report")
START_EVENTS = ("entry_into_force", "end_of_active_hostilities")
COST_SHARED_BY = ("all_states_parties", "attending_states_parties")
RATE_WITHOUT_UN_RATE = ("scale_minimum", "excluded")
ANNUAL_COVERS = ("previous_calendar_year",)
FIRST_ANNUAL_REPORT_COVERS = ("year_initial_report_falls_due",)


def file_language(language: str) -> str:
    """The key a convention file gives a language's names under: the site's code without
    its region or script ("fr-ch" and "fr" read "fr", "zh-hans" reads "zh")."""
    return (language or "en").lower().split("-")[0]


class ConventionFileError(ValueError):
    """A convention file that cannot be read: which file, which key, which rule."""

    def __init__(self, path: Path | str, key: str, rule: str) -> None:
        self.path, self.key, self.rule = Path(path), key, rule
        super().__init__(f"{self.path}: {key}: {rule}")


@dataclass(frozen=True)
class Names:
    full: str
    short: str
    source: str


@dataclass(frozen=True)
class Depositary:
    name: str
    article: str
    source: str


@dataclass(frozen=True)
class Secretariat:
    name: str
    address: str
    email: str
    time_zone: str
    source: str


@dataclass(frozen=True)
class EntryIntoForce:
    """The convention's own entry into force, and the strategy for States that join later."""

    article: str
    opened_for_signature: date
    date: date
    instruments: int
    strategy: str
    parameters: tuple[tuple[str, int], ...]
    source: str

    def for_deposit(self, deposited_on: date) -> date:
        """The date the strategy gives for a deposit on `deposited_on`."""
        return eif_strategies.apply(self.strategy, dict(self.parameters), deposited_on)


@dataclass(frozen=True)
class ObligationRule:
    """One obligation: its neutral `kind`, its article here, when it starts and how long it runs.

    `starts_from` lists events; the period runs from the latest of them that has occurred
    (CCM Article 4.1(b): the end of active hostilities, where later than entry into force).
    Exactly one of `period_years`, `period_days` or `due_each_year` (month, day) is set.
    `max_extension_months` is None where the convention allows no extension.
    """

    kind: str
    article: str
    title: str
    starts_from: tuple[str, ...]
    period_years: int | None
    period_days: int | None
    due_each_year: tuple[int, int] | None
    max_extension_months: int | None
    source: str


@dataclass(frozen=True)
class ReportForm:
    """One form of the convention's reporting template (`[[reporting.forms]]`)."""

    code: str
    name: str
    source: str


@dataclass(frozen=True)
class FiguresOn:
    year: int
    on: date
    source: str


@dataclass(frozen=True)
class Reporting:
    article: str
    annual_covers: str
    first_annual_report_covers: str
    source: str
    # The forms of the reporting template, in the template's order (none: reports are text).
    forms: tuple[ReportForm, ...] = ()
    # From when the record of reports received is complete: a report due before it and not
    # on record is "no record", never "overdue". None: the record is complete throughout.
    record_complete_from: date | None = None
    record_source: str = ""
    # A window in which the record of initial reports is complete, from a sourced list of
    # the States whose initial report was overdue on its first day: evaluated on a day in
    # [from, until], an initial report not on record is overdue. None: no such window.
    initial_record_complete_from: date | None = None
    initial_record_complete_until: date | None = None
    initial_record_source: str = ""
    # The day on which the ISU's figures for a year are taken, where it is not 31 December.
    figures_on: tuple["FiguresOn", ...] = ()

    def figures_day(self, year: int) -> "FiguresOn | None":
        return next((f for f in self.figures_on if f.year == year), None)

    def initial_record_complete_on(self, on: date) -> bool:
        return (
            self.initial_record_complete_from is not None
            and self.initial_record_complete_until is not None
            and self.initial_record_complete_from <= on <= self.initial_record_complete_until
        )

    def form(self, code: str) -> ReportForm:
        for form in self.forms:
            if form.code == code:
                return form
        raise KeyError(code)


@dataclass(frozen=True)
class MeetingKind:
    code: str
    name: str
    article: str
    source: str


@dataclass(frozen=True)
class ParticipantCategory:
    code: str
    name: str
    source: str


@dataclass(frozen=True)
class Finance:
    """Article 14 cost sharing, as settings (plenary.finance states them on its pages).

    `cost_shared_by`: "all_states_parties" (every State Party on the first day) or
    "attending_states_parties", besides the States not party that participate;
    `rate_without_un_rate`: "scale_minimum" (the lowest rate of the period's scale) or
    "excluded" (it shares nothing); `accepted_currencies`: ISO 4217 codes.
    """

    article: str
    cost_shared_by: str
    rate_without_un_rate: str
    accepted_currencies: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class RecordCoverage:
    """How much of the depositary's record the convention's data holds: a partial record
    makes every count of States Parties a count of those on record, and pages say so."""

    treaty_actions_complete: bool
    note: str
    source: str


COMPLETE_RECORD = RecordCoverage(treaty_actions_complete=True, note="", source="")


@dataclass(frozen=True)
class Withdrawal:
    """When a withdrawal takes effect: months after the Depositary receives the instrument,
    and whether an armed conflict at the end of that period delays it to the conflict's end."""

    article: str
    months_after_receipt: int
    not_during_armed_conflict: bool
    source: str


@dataclass(frozen=True)
class ProvisionalApplication:
    """What a State may declare, with its instrument, that it applies provisionally pending
    the Convention's entry into force for it (CCM Article 18: Article 1)."""

    article: str
    applies: str
    source: str


@dataclass(frozen=True)
class Convention:
    """One convention's rules, as its file states them."""

    short_name: str
    slug: str
    source: str
    names: tuple[tuple[str, Names], ...]
    depositary: Depositary
    secretariat: Secretariat
    eif: EntryIntoForce
    obligations: tuple[ObligationRule, ...]
    reporting: Reporting
    symbols: SymbolScheme
    meeting_kinds: tuple[MeetingKind, ...]
    participant_categories: tuple[ParticipantCategory, ...]
    finance: Finance
    path: Path
    record: RecordCoverage = COMPLETE_RECORD
    withdrawal: Withdrawal | None = None
    provisional_application: ProvisionalApplication | None = None
    # The shortest silence procedure its rules or decisions allow, in hours; None where
    # none is set (the file must source it).
    minimum_silence_hours: int | None = None
    # The last day before the deciding meeting's opening by which an extension request
    # is submitted, in days; None where the convention's decisions set none.
    extension_request_before_meeting_days: int | None = None
    # The decision setting the `[decisions]` values above, named in refusals.
    decisions_source: str = ""

    def names_given_in(self, language: str) -> Names | None:
        """The names the file gives in `language` (a site code: "fr", "zh-hans"), or None."""
        return dict(self.names).get(file_language(language))

    def names_in(self, language: str) -> Names:
        """The names in `language`, else in English (the file always has English)."""
        return self.names_given_in(language) or dict(self.names)["en"]

    def labels(self) -> tuple[tuple[str, str], ...]:
        """Every text of the file a reader sees that is plenary's own English wording, not
        a sourced name: `(key, text)` pairs, in the file's order, each text once. The site
        translates them with the catalogue (context `label_context`); `make messages`
        extracts them."""
        found: list[tuple[str, str]] = [
            ("depositary.name", self.depositary.name),
            ("secretariat.name", self.secretariat.name),
            ("secretariat.address", self.secretariat.address),
        ]
        found += [(f"obligations[{i}].title", r.title) for i, r in enumerate(self.obligations)]
        found += [
            (f"reporting.forms[{i}].name", f.name) for i, f in enumerate(self.reporting.forms)
        ]
        found += [(f"meeting_kinds[{i}].name", k.name) for i, k in enumerate(self.meeting_kinds)]
        found += [
            (f"participant_categories[{i}].name", c.name)
            for i, c in enumerate(self.participant_categories)
        ]
        if self.provisional_application:
            found.append(("provisional_application.applies", self.provisional_application.applies))
        if self.record.note:
            found.append(("record.note", self.record.note))
        seen: set[str] = set()
        return tuple(
            (key, text) for key, text in found if text and not (text in seen or seen.add(text))
        )

    @property
    def label_context(self) -> str:
        """The catalogue's context of this file's labels ("CCM convention file"): the same
        English word may be translated differently for another convention."""
        return f"{self.short_name} convention file"

    def obligation(self, kind: str) -> ObligationRule:
        for rule in self.obligations:
            if rule.kind == kind:
                return rule
        raise KeyError(f"the {self.short_name} has no obligation {kind!r}")

    def has_obligation(self, kind: str) -> bool:
        return any(rule.kind == kind for rule in self.obligations)

    # Shorthands the rest of plenary reads.
    @property
    def name(self) -> str:
        return self.names_in("en").full

    @property
    def symbol_root(self) -> str:
        return self.symbols.root

    @property
    def time_zone(self) -> str:
        return self.secretariat.time_zone

    @property
    def opened_for_signature(self) -> date:
        return self.eif.opened_for_signature

    @property
    def entry_into_force(self) -> date:
        return self.eif.date

    @property
    def instruments_for_entry_into_force(self) -> int:
        return self.eif.instruments

    @property
    def transparency_article(self) -> str:
        return self.reporting.article

    @property
    def initial_report_days(self) -> int:
        days = self.obligation("initial_report").period_days
        assert days is not None  # checked when the file is read
        return days

    @property
    def annual_report_due(self) -> tuple[int, int]:
        due = self.obligation("annual_report").due_each_year
        assert due is not None  # checked when the file is read
        return due

    @property
    def cost_shared_by(self) -> str:
        return self.finance.cost_shared_by

    @property
    def rate_without_un_rate(self) -> str:
        return self.finance.rate_without_un_rate

    @property
    def accepted_currencies(self) -> tuple[str, ...]:
        return self.finance.accepted_currencies

    @property
    def assessment_currency(self) -> str:
        """The currency assessments are issued in: the first accepted."""
        return self.finance.accepted_currencies[0]


# The name the rest of plenary has used for a convention's rules.
RuleSet = Convention


class _Reader:
    """Reads one file's tables, raising ConventionFileError at the first broken rule."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, rule: str) -> ConventionFileError:
        return ConventionFileError(self.path, key, rule)

    def only(self, table: Mapping[str, Any], prefix: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.fail(f"{prefix}{key}", f"unknown key; known: {known}")

    def table(self, data: Mapping[str, Any], key: str, prefix: str = "") -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{prefix}{key}", "a table is required")
        return value

    def tables(self, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "a non-empty array of tables ([[...]]) is required")
        return value

    def text(
        self, data: Mapping[str, Any], key: str, prefix: str = "", *, required: bool = True
    ) -> str:
        value = data.get(key, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{prefix}{key}", "a non-empty string is required")
        return value

    def choice(self, data: Mapping[str, Any], key: str, prefix: str, choices: tuple) -> str:
        value = self.text(data, key, prefix)
        if value not in choices:
            raise self.fail(f"{prefix}{key}", f"{value!r} is not one of {', '.join(choices)}")
        return value

    def positive(
        self, data: Mapping[str, Any], key: str, prefix: str = "", *, required: bool = True
    ) -> int | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(f"{prefix}{key}", "a whole number from 1 is required")
        return value

    def day(self, data: Mapping[str, Any], key: str, prefix: str = "") -> date:
        value = data.get(key)
        if not isinstance(value, date):
            raise self.fail(f"{prefix}{key}", "a date (YYYY-MM-DD, unquoted) is required")
        return value

    def codes(
        self,
        data: Mapping[str, Any],
        key: str,
        prefix: str = "",
        *,
        choices: tuple[str, ...] | None = None,
        required: bool = True,
    ) -> tuple[str, ...]:
        value = data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{prefix}{key}", "an array of strings is required")
        if required and not value:
            raise self.fail(f"{prefix}{key}", "at least one value is required")
        if len(set(value)) != len(value):
            raise self.fail(f"{prefix}{key}", "a value is repeated")
        if choices is not None:
            for item in value:
                if item not in choices:
                    raise self.fail(
                        f"{prefix}{key}", f"{item!r} is not one of {', '.join(choices)}"
                    )
        return tuple(value)


def _names(reader: _Reader, data: Mapping[str, Any]) -> tuple[tuple[str, Names], ...]:
    table = reader.table(data, "names")
    reader.only(table, "names.", set(LANGUAGES))
    if "en" not in table:
        raise reader.fail("names.en", "the English names are required")
    names = []
    for language in LANGUAGES:
        if language in table:
            prefix = f"names.{language}."
            entry = reader.table(table, language, "names.")
            reader.only(entry, prefix, {"full", "short", "source"})
            names.append(
                (
                    language,
                    Names(
                        full=reader.text(entry, "full", prefix),
                        short=reader.text(entry, "short", prefix),
                        source=reader.text(entry, "source", prefix),
                    ),
                )
            )
    return tuple(names)


def _entry_into_force(reader: _Reader, data: Mapping[str, Any]) -> EntryIntoForce:
    prefix = "entry_into_force."
    table = reader.table(data, "entry_into_force")
    reader.only(
        table,
        prefix,
        {"article", "opened_for_signature", "date", "instruments", "strategy", "parameters"}
        | {"source"},
    )
    strategy = reader.choice(table, "strategy", prefix, tuple(eif_strategies.STRATEGIES))
    parameters = reader.table(table, "parameters", prefix)
    _, expected = eif_strategies.STRATEGIES[strategy]
    if set(parameters) != set(expected):
        raise reader.fail(
            f"{prefix}parameters",
            f"strategy {strategy!r} takes exactly: {', '.join(expected)}",
        )
    for name in expected:
        reader.positive(parameters, name, f"{prefix}parameters.")
    opened = reader.day(table, "opened_for_signature", prefix)
    in_force = reader.day(table, "date", prefix)
    if in_force < opened:
        raise reader.fail(f"{prefix}date", "entry into force cannot precede opening for signature")
    instruments = reader.positive(table, "instruments", prefix)
    assert instruments is not None
    return EntryIntoForce(
        article=reader.text(table, "article", prefix),
        opened_for_signature=opened,
        date=in_force,
        instruments=instruments,
        strategy=strategy,
        parameters=tuple((name, parameters[name]) for name in expected),
        source=reader.text(table, "source", prefix),
    )


def _day_of_year(reader: _Reader, key: str, value: object) -> tuple[int, int]:
    try:
        assert isinstance(value, str) and len(value) == 5 and value[2] == "-"
        month, day = int(value[:2]), int(value[3:])
        date(2001, month, day)  # a year without 29 February: the day must exist every year
    except (AssertionError, ValueError):
        raise reader.fail(key, 'a day of the year as "MM-DD" (e.g. "04-30") is required') from None
    return month, day


def _obligations(reader: _Reader, data: Mapping[str, Any]) -> tuple[ObligationRule, ...]:
    rules = []
    for index, table in enumerate(reader.tables(data, "obligations")):
        prefix = f"obligations[{index}]."
        reader.only(
            table,
            prefix,
            {"kind", "article", "title", "starts_from", "period_years", "period_days"}
            | {"due_each_year", "max_extension_months", "source"},
        )
        kind = reader.choice(table, "kind", prefix, OBLIGATION_KINDS)
        if any(rule.kind == kind for rule in rules):
            raise reader.fail(f"{prefix}kind", f"{kind!r} is given twice")
        starts_from = reader.codes(table, "starts_from", prefix, choices=START_EVENTS)
        if "entry_into_force" not in starts_from:
            raise reader.fail(f"{prefix}starts_from", "must include 'entry_into_force'")
        periods = [key for key in ("period_years", "period_days", "due_each_year") if key in table]
        if len(periods) != 1:
            raise reader.fail(
                f"{prefix}period_years",
                "exactly one of period_years, period_days, due_each_year is required",
            )
        due = table.get("due_each_year")
        rules.append(
            ObligationRule(
                kind=kind,
                article=reader.text(table, "article", prefix),
                title=reader.text(table, "title", prefix),
                starts_from=starts_from,
                period_years=reader.positive(table, "period_years", prefix, required=False),
                period_days=reader.positive(table, "period_days", prefix, required=False),
                due_each_year=(
                    None if due is None else _day_of_year(reader, f"{prefix}due_each_year", due)
                ),
                max_extension_months=reader.positive(
                    table, "max_extension_months", prefix, required=False
                ),
                source=reader.text(table, "source", prefix),
            )
        )
    for kind, key in (("initial_report", "period_days"), ("annual_report", "due_each_year")):
        for index, rule in enumerate(rules):
            if rule.kind == kind and getattr(rule, key) is None:
                raise reader.fail(f"obligations[{index}].{key}", f"{kind!r} requires {key}")
    return tuple(rules)


def _symbols(reader: _Reader, data: Mapping[str, Any]) -> SymbolScheme:
    prefix = "symbols."
    table = reader.table(data, "symbols")
    reader.only(
        table,
        prefix,
        {"root", "bodies", "numbered_bodies", "sub_bodies", "series", "suffixes", "source"},
    )
    bodies = reader.codes(table, "bodies", prefix)
    scheme = SymbolScheme(
        root=reader.text(table, "root", prefix),
        bodies=bodies,
        numbered_bodies=reader.codes(
            table, "numbered_bodies", prefix, choices=bodies, required=False
        ),
        sub_bodies=reader.codes(table, "sub_bodies", prefix, required=False),
        series=reader.codes(table, "series", prefix, choices=SERIES[1:]),
        suffixes=reader.codes(table, "suffixes", prefix, choices=SUFFIX_KINDS),
        source=reader.text(table, "source", prefix),
    )
    for key, values in (
        ("root", (scheme.root,)),
        ("bodies", scheme.bodies),
        ("sub_bodies", scheme.sub_bodies),
    ):
        for value in values:
            if not (
                value.isascii()
                and value.isalnum()
                and value[0].isupper()
                and value.upper() == value
            ):
                raise reader.fail(
                    f"{prefix}{key}",
                    f"{value!r} must be capital letters and digits, starting with a letter",
                )
    for value in scheme.sub_bodies:
        if value in SERIES:
            raise reader.fail(f"{prefix}sub_bodies", f"{value!r} is a document series")
    return scheme


def _listed(reader: _Reader, data: Mapping[str, Any], key: str, fields: set[str]) -> list:
    rows = []
    for index, table in enumerate(reader.tables(data, key)):
        prefix = f"{key}[{index}]."
        reader.only(table, prefix, fields)
        code = reader.text(table, "code", prefix)
        if any(row["code"] == code for row in rows):
            raise reader.fail(f"{prefix}code", f"{code!r} is given twice")
        rows.append(
            {
                "code": code,
                "name": reader.text(table, "name", prefix),
                "source": reader.text(table, "source", prefix),
                **(
                    {"article": reader.text(table, "article", prefix, required=False)}
                    if "article" in fields
                    else {}
                ),
            }
        )
    return rows


def _finance(reader: _Reader, data: Mapping[str, Any]) -> Finance:
    prefix = "finance."
    table = reader.table(data, "finance")
    reader.only(
        table,
        prefix,
        {"article", "cost_shared_by", "rate_without_un_rate", "accepted_currencies", "source"},
    )
    currencies = reader.codes(table, "accepted_currencies", prefix)
    for code in currencies:
        if not (len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()):
            raise reader.fail(
                f"{prefix}accepted_currencies", f"{code!r} is not an ISO 4217 code (e.g. USD)"
            )
    return Finance(
        article=reader.text(table, "article", prefix, required=False),
        cost_shared_by=reader.choice(table, "cost_shared_by", prefix, COST_SHARED_BY),
        rate_without_un_rate=reader.choice(
            table, "rate_without_un_rate", prefix, RATE_WITHOUT_UN_RATE
        ),
        accepted_currencies=currencies,
        source=reader.text(table, "source", prefix),
    )


def _record(reader: _Reader, data: Mapping[str, Any]) -> RecordCoverage:
    """The optional [record] table; without it the data holds the whole record."""
    if "record" not in data:
        return COMPLETE_RECORD
    prefix = "record."
    table = reader.table(data, "record")
    reader.only(table, prefix, {"treaty_actions", "note", "source"})
    coverage = reader.choice(table, "treaty_actions", prefix, ("complete", "partial"))
    note = reader.text(table, "note", prefix, required=coverage == "partial")
    return RecordCoverage(
        treaty_actions_complete=coverage == "complete",
        note=note,
        source=reader.text(table, "source", prefix),
    )


def _withdrawal(reader: _Reader, data: Mapping[str, Any]) -> Withdrawal | None:
    if "withdrawal" not in data:
        return None
    prefix = "withdrawal."
    table = reader.table(data, "withdrawal")
    reader.only(
        table, prefix, {"article", "months_after_receipt", "not_during_armed_conflict", "source"}
    )
    conflict = table.get("not_during_armed_conflict", False)
    if not isinstance(conflict, bool):
        raise reader.fail(f"{prefix}not_during_armed_conflict", "true or false is required")
    return Withdrawal(
        article=reader.text(table, "article", prefix),
        months_after_receipt=reader.positive(table, "months_after_receipt", prefix),
        not_during_armed_conflict=conflict,
        source=reader.text(table, "source", prefix),
    )


def _provisional_application(
    reader: _Reader, data: Mapping[str, Any]
) -> ProvisionalApplication | None:
    """The optional [provisional_application] table; without it no State may declare one."""
    if "provisional_application" not in data:
        return None
    prefix = "provisional_application."
    table = reader.table(data, "provisional_application")
    reader.only(table, prefix, {"article", "applies", "source"})
    return ProvisionalApplication(
        article=reader.text(table, "article", prefix),
        applies=reader.text(table, "applies", prefix),
        source=reader.text(table, "source", prefix),
    )


_DECISION_SETTINGS = ("minimum_silence_hours", "extension_request_before_meeting_days")


def _decisions(reader: _Reader, data: Mapping[str, Any]) -> dict:
    """`[decisions]`: `minimum_silence_hours` and `extension_request_before_meeting_days`,
    each optional; a value needs the `source` (the decision setting it)."""
    found = {name: None for name in _DECISION_SETTINGS} | {"decisions_source": ""}
    if "decisions" not in data:
        return found
    decisions = reader.table(data, "decisions")
    reader.only(decisions, "decisions.", {*_DECISION_SETTINGS, "source"})
    for name in _DECISION_SETTINGS:
        if name in decisions:
            found[name] = reader.positive(decisions, name, "decisions.")
    if any(found[name] is not None for name in _DECISION_SETTINGS):
        found["decisions_source"] = reader.text(decisions, "source", "decisions.")
    return found


def load_file(path: Path | str) -> Convention:
    """Read and validate one convention file; raise ConventionFileError if it is broken."""
    path = Path(path)
    reader = _Reader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise reader.fail("(file)", f"cannot be read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise reader.fail("(file)", f"is not valid TOML: {error}") from None
    reader.only(
        data,
        "",
        {"short_name", "slug", "source", "names", "depositary", "secretariat"}
        | {"entry_into_force", "obligations", "reporting", "symbols", "meeting_kinds"}
        | {"participant_categories", "finance", "record", "withdrawal", "decisions"}
        | {"provisional_application"},
    )
    short_name = reader.text(data, "short_name")
    if not (short_name.isascii() and short_name.isalnum() and short_name.isupper()):
        raise reader.fail("short_name", "capital letters and digits are required (e.g. CCM)")
    slug = reader.text(data, "slug")
    if slug != short_name.lower():
        raise reader.fail("slug", f"must be the short name in lower case, {short_name.lower()!r}")
    if path.stem != slug:
        raise reader.fail("slug", f"the file must be named {slug}.toml")

    depositary = reader.table(data, "depositary")
    reader.only(depositary, "depositary.", {"name", "article", "source"})
    secretariat = reader.table(data, "secretariat")
    reader.only(secretariat, "secretariat.", {"name", "address", "email", "time_zone", "source"})
    time_zone = reader.text(secretariat, "time_zone", "secretariat.")
    try:
        zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise reader.fail(
            "secretariat.time_zone", f"{time_zone!r} is not an IANA time zone"
        ) from None
    reporting = reader.table(data, "reporting")
    reader.only(
        reporting,
        "reporting.",
        {
            "article",
            "annual_covers",
            "first_annual_report_covers",
            "source",
            "forms",
            "record_complete_from",
            "record_source",
            "initial_record_complete_from",
            "initial_record_complete_until",
            "initial_record_source",
            "figures_on",
        },
    )
    record_complete_from = None
    if "record_complete_from" in reporting:
        record_complete_from = reader.day(reporting, "record_complete_from", "reporting.")
    initial_from = initial_until = None
    if "initial_record_complete_from" in reporting:
        initial_from = reader.day(reporting, "initial_record_complete_from", "reporting.")
        initial_until = reader.day(reporting, "initial_record_complete_until", "reporting.")
    figures_on = []
    tables = reader.tables(reporting, "figures_on") if "figures_on" in reporting else []
    for index, table in enumerate(tables):
        prefix = f"reporting.figures_on[{index}]."
        reader.only(table, prefix, {"year", "on", "source"})
        year = table.get("year")
        if not isinstance(year, int):
            raise reader.fail(f"{prefix}year", "a year (an integer) is required")
        figures_on.append(
            FiguresOn(
                year=year,
                on=reader.day(table, "on", prefix),
                source=reader.text(table, "source", prefix),
            )
        )

    return Convention(
        short_name=short_name,
        slug=slug,
        source=reader.text(data, "source"),
        names=_names(reader, data),
        depositary=Depositary(
            name=reader.text(depositary, "name", "depositary."),
            article=reader.text(depositary, "article", "depositary.", required=False),
            source=reader.text(depositary, "source", "depositary."),
        ),
        secretariat=Secretariat(
            name=reader.text(secretariat, "name", "secretariat."),
            address=reader.text(secretariat, "address", "secretariat."),
            email=reader.text(secretariat, "email", "secretariat.", required=False),
            time_zone=time_zone,
            source=reader.text(secretariat, "source", "secretariat."),
        ),
        eif=_entry_into_force(reader, data),
        obligations=_obligations(reader, data),
        reporting=Reporting(
            article=reader.text(reporting, "article", "reporting."),
            annual_covers=reader.choice(reporting, "annual_covers", "reporting.", ANNUAL_COVERS),
            first_annual_report_covers=reader.choice(
                reporting, "first_annual_report_covers", "reporting.", FIRST_ANNUAL_REPORT_COVERS
            ),
            source=reader.text(reporting, "source", "reporting."),
            forms=tuple(
                ReportForm(**row)
                for row in (
                    _listed(reader, reporting, "forms", {"code", "name", "source"})
                    if "forms" in reporting
                    else []
                )
            ),
            record_complete_from=record_complete_from,
            record_source=reader.text(
                reporting, "record_source", "reporting.", required=record_complete_from is not None
            ),
            initial_record_complete_from=initial_from,
            initial_record_complete_until=initial_until,
            initial_record_source=reader.text(
                reporting, "initial_record_source", "reporting.", required=initial_from is not None
            ),
            figures_on=tuple(figures_on),
        ),
        symbols=_symbols(reader, data),
        meeting_kinds=tuple(
            MeetingKind(**row)
            for row in _listed(reader, data, "meeting_kinds", {"code", "name", "article", "source"})
        ),
        participant_categories=tuple(
            ParticipantCategory(**row)
            for row in _listed(reader, data, "participant_categories", {"code", "name", "source"})
        ),
        finance=_finance(reader, data),
        path=path,
        record=_record(reader, data),
        withdrawal=_withdrawal(reader, data),
        provisional_application=_provisional_application(reader, data),
        **_decisions(reader, data),
    )


def load_directory(directory: Path | str) -> dict[str, Convention]:
    """Read every `*.toml` in `directory`, by short name; raise at the first broken file."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConventionFileError(directory, "(directory)", "is not a directory")
    conventions: dict[str, Convention] = {}
    for path in sorted(directory.glob("*.toml")):
        convention = load_file(path)
        if convention.short_name in conventions:
            raise ConventionFileError(
                path, "short_name", f"{convention.short_name!r} is given twice"
            )
        conventions[convention.short_name] = convention
    if not conventions:
        raise ConventionFileError(directory, "(directory)", "holds no convention file (*.toml)")
    return conventions


def check_directory(directory: Path | str) -> list[ConventionFileError]:
    """Every broken file in `directory`, one error each (empty when all load)."""
    directory = Path(directory)
    if not directory.is_dir():
        return [ConventionFileError(directory, "(directory)", "is not a directory")]
    errors = []
    for path in sorted(directory.glob("*.toml")):
        try:
            load_file(path)
        except ConventionFileError as error:
            errors.append(error)
    try:
        if not errors:
            load_directory(directory)
    except ConventionFileError as error:
        errors.append(error)
    return errors


_directory: Path = DEFAULT_DIRECTORY
_registry: dict[str, Convention] | None = None


def use_directory(directory: Path | str) -> None:
    """Serve conventions from `directory` from now on; read on the next look-up."""
    global _directory, _registry
    _directory, _registry = Path(directory), None


def registry() -> dict[str, Convention]:
    """Every configured convention by short name, read from the directory on first use."""
    global _registry
    if _registry is None:
        _registry = load_directory(_directory)
    return _registry


def get_ruleset(short_name: str) -> Convention:
    """Return the rules of the convention `short_name` (e.g. "CCM"), case-insensitive."""
    conventions = registry()
    convention = conventions.get(short_name) or conventions.get(short_name.upper())
    if convention is None:
        known = ", ".join(sorted(conventions))
        raise KeyError(f"no rules for convention {short_name!r}; known: {known}")
    return convention
