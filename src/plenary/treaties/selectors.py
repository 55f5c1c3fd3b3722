"""Every read of the treaty registry.

Each selector runs a fixed number of queries, whatever the number of States, and
leaves the treaty's logic (statuses, deadlines) to `plenary.rules`, so that a
status shown on a page, in the API and on the command line is computed once.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, FilteredRelation, Prefetch, Q
from django.http import Http404
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from plenary.core.convention_texts import label
from plenary.core.statements import quoted, rows
from plenary.rules import deadlines, names
from plenary.treaties.models import (
    Convention,
    Extension,
    FormerStateName,
    Obligation,
    Participation,
    ReportKind,
    State,
    TransparencyReport,
    language_key,
)

STATUSES = ("state_party", "deposited", "signatory", "not_party")


def by_name(name: str):
    """Sort key of a State's name in the reader's language: the UN's alphabetical order in
    English, that language's collation otherwise (`rules.names.collation_key`)."""
    return names.collation_key(get_language() or "en")(name)


def conventions() -> list[Convention]:
    """Every configured convention, by short name (one query)."""
    return list(Convention.objects.order_by("short_name"))


def convention_named(name: str) -> Convention:
    """The convention by its short name or its slug, in any case ("CCM", "ccm")."""
    table, (pk, short_name) = quoted(Convention, "id", "short_name")
    found = rows(
        f"SELECT {pk}, {short_name} FROM {table} WHERE UPPER({short_name}) = UPPER(%s)",  # noqa: S608 (names of ours; the value a parameter)
        [name.strip()],
    )
    if len(found) != 1:
        raise Http404(_("No convention %(name)r is loaded.") % {"name": name})
    # Every address under a convention reads it: one fixed statement (core/statements.py).
    return Convention.from_db("default", ["id", "short_name"], found[0])


@dataclass
class StateStanding:
    """A State and its standing towards a convention on one date."""

    state: State
    status: str
    signed_on: date | None
    deposited_on: date | None
    instrument: str
    entry_into_force: date | None
    withdrawal_effective_on: date | None
    obligations: list = field(default_factory=list)
    # The day it declared provisional application (shown from that day on), and whether it
    # applies provisionally on the standing's date (until entry into force).
    provisional_application_from: date | None = None
    applies_provisionally: bool = False

    @property
    def name(self) -> str:
        """The State's name in the reader's language (English where the source has none)."""
        return self.state.local_name

    @property
    def iso3(self) -> str:
        return self.state.iso3


def _standing(convention: Convention, state: State, on: date) -> StateStanding:
    # `state.p_*` come from the FilteredRelation annotation in `states_on`.
    status = deadlines.treaty_status(
        rules=convention.rules,
        signed_on=state.p_signed_on,
        deposited_on=state.p_deposited_on,
        withdrawal_effective_on=state.p_withdrawal,
        today=on,
    )
    signed = state.p_signed_on is not None and state.p_signed_on <= on
    deposited = state.p_deposited_on is not None and state.p_deposited_on <= on
    return StateStanding(
        state=state,
        status=status,
        signed_on=state.p_signed_on if signed else None,
        deposited_on=state.p_deposited_on if deposited else None,
        instrument=(state.p_instrument or "") if deposited else "",
        entry_into_force=state.p_eif if deposited else None,
        withdrawal_effective_on=state.p_withdrawal,
        provisional_application_from=(
            state.p_provisional
            if state.p_provisional is not None and state.p_provisional <= on
            else None
        ),
        applies_provisionally=status != "not_party"
        and deadlines.applies_provisionally(
            declared_on=state.p_provisional, entry_into_force=state.p_eif, today=on
        ),
    )


def _states_with_participation(convention: Convention):
    return State.objects.annotate(
        p=FilteredRelation("participations", condition=Q(participations__convention=convention))
    ).annotate(
        p_signed_on=F("p__signed_on"),
        p_deposited_on=F("p__deposited_on"),
        p_instrument=F("p__instrument"),
        p_eif=F("p__entry_into_force"),
        p_withdrawal=F("p__withdrawal_effective_on"),
        p_provisional=F("p__provisional_application_from"),
    )


def states_on(
    *,
    convention: Convention,
    on: date,
    status: str | None = None,
    article: str | None = None,
    obligation: str | None = None,
    search: str = "",
) -> list[StateStanding]:
    """Every State with its status on `on`; optionally only one status or obligation.

    Two queries: the States with their participation, and (when filtering by
    obligation, given by its neutral code or by its article in this convention) the
    obligations of that kind.
    """
    states = _states_with_participation(convention)
    if search:
        states = states.filter(
            Q(name__icontains=search)
            | Q(**{f"names__{language_key(get_language())}__icontains": search})
            | Q(iso3__iexact=search)
        )
    standings = sorted(
        (_standing(convention, state, on) for state in states),
        key=lambda standing: by_name(standing.name),
    )
    if status:
        standings = [s for s in standings if s.status == status]
    if article or obligation:
        kinds = _kinds(convention, article=article, obligation=obligation)
        holders = _obligations_on(convention=convention, on=on, kinds=kinds)
        by_state = {row.iso3: row for row in holders}
        standings = [s for s in standings if s.iso3 in by_state]
        for standing in standings:
            standing.obligations = [by_state[standing.iso3]]
    return standings


def names_on(*, on: date, language: str = "en") -> dict[int, str]:
    """Each State's name as the UN used it on `on` in `language` (English unless asked:
    the drafted documents and lists of participants are English), by State id (two
    queries). Where the source keeps no former name in that language, its current name
    in that language."""
    return names_on_in(on=on, languages=(language,))[language]


def names_on_in(*, on: date, languages: Iterable[str]) -> dict[str, dict[int, str]]:
    """`names_on` for each of `languages`, by language as asked (two queries in all)."""
    keys = {language: language_key(language) for language in languages}
    former: dict[tuple[str, int], list[names.FormerName]] = defaultdict(list)
    for row in FormerStateName.objects.filter(language__in=set(keys.values())):
        former[(row.language, row.state_id)].append(
            names.FormerName(row.name, row.used_until, row.seen_in_use_on)
        )
    rows = list(State.objects.values_list("pk", "name", "names"))
    return {
        language: {
            pk: names.name_on(
                current=local.get(key) or name, former=former.get((key, pk), ()), on=on
            )
            for pk, name, local in rows
        }
        for language, key in keys.items()
    }


@dataclass
class NamesOn:
    """States' names as the UN used them on a day, by State id: in English (`english`, as
    `names_on` gives them), and in the running text of French and Spanish (`in_text`, by
    language), where UNTERM's short name is the name then in use in that language."""

    english: dict[int, str]
    in_text: dict[str, dict[int, names.InText]]


def names_in_text_on(*, on: date) -> NamesOn:
    """Each State's English name on `on` and, in French and Spanish, its forms in running
    text (`rules.names.in_text_of`); a State UNTERM does not name, or names otherwise
    than the name in use then, has none (two queries)."""
    languages = ("en", *names.ARTICLES)
    former: dict[tuple[str, int], list[names.FormerName]] = defaultdict(list)
    for row in FormerStateName.objects.filter(language__in=languages):
        former[(row.language, row.state_id)].append(
            names.FormerName(row.name, row.used_until, row.seen_in_use_on)
        )
    english: dict[int, str] = {}
    in_text: dict[str, dict[int, names.InText]] = {language: {} for language in names.ARTICLES}
    rows = State.objects.values_list("pk", "name", "names", "unterm_names")
    for pk, name, local, unterm in rows:
        english[pk] = names.name_on(current=name, former=former.get(("en", pk), ()), on=on)
        for language, found in in_text.items():
            given = unterm.get(language)
            if not given:
                continue
            listed = names.name_on(
                current=local.get(language) or name, former=former.get((language, pk), ()), on=on
            )
            forms = names.in_text_of(
                listed, language=language, short=given["short"], formal=given.get("formal", "")
            )
            if forms is not None:
                found[pk] = forms
    return NamesOn(english=english, in_text=in_text)


def state_with_code(iso3: str) -> State | None:
    """The State with this ISO code, None if none (one query)."""
    return State.objects.filter(iso3=iso3.upper()).first()


def state_standing(*, convention: Convention, iso3: str, on: date) -> StateStanding:
    state = _states_with_participation(convention).filter(iso3=iso3.upper()).first()
    if state is None:
        raise Http404(_("No State with the ISO 3166 code %(iso3)r.") % {"iso3": iso3})
    return _standing(convention, state, on)


@dataclass
class ObligationOn:
    """An obligation of a State Party as it stood on one date."""

    state: str
    iso3: str
    article: int
    obligation: str  # the neutral code: stockpile_destruction, clearance, initial_report, ...
    what: str
    original_deadline: date
    current_deadline: date
    status: str
    completed_on: date | None = None
    completed_by: date | None = None
    extensions: list = field(default_factory=list)
    report: str = ""  # for Article 7: "initial" or "annual"
    # The State itself, for a name in another language than the reader's (drafting).
    holder: State | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict:
        return {
            "state": self.state,
            "iso3": self.iso3,
            "article": self.article,
            "obligation": self.obligation,
            "original_deadline": self.original_deadline,
            "current_deadline": self.current_deadline,
            "status": self.status,
        }


def _effective_from(extension: Extension) -> date:
    # Where no source gives the day of the decision, an extension is taken to run from
    # the deadline it replaces: the States Parties decide a request before that deadline.
    return extension.decided_on or extension.previous_deadline


def _kinds(
    convention: Convention, *, article: int | str | None, obligation: str | None
) -> set[str] | None:
    """The neutral codes asked for by article number and/or code; None when neither is given."""
    kinds = None
    if article:
        kinds = {rule.kind for rule in convention.rules.obligations if rule.article == str(article)}
    if obligation:
        kinds = {obligation} if kinds is None else kinds & {obligation}
    return kinds


def _withdrawn(convention: Convention, on: date):
    """The States whose withdrawal from this convention (only) has taken effect by `on`."""
    return Participation.objects.filter(
        convention=convention, withdrawal_effective_on__lte=on
    ).values("state")


def _obligations_on(
    *,
    convention: Convention,
    on: date,
    kinds: set[str] | None = None,
    iso3: str | None = None,
) -> list[ObligationOn]:
    obligations = (
        Obligation.objects.filter(
            convention=convention,
            state__participations__convention=convention,
            state__participations__entry_into_force__lte=on,
        )
        .exclude(state__in=_withdrawn(convention, on))
        .select_related("state", "convention")
        .prefetch_related(
            Prefetch("extensions", queryset=Extension.objects.order_by("new_deadline"))
        )
        .order_by("state__name", "-kind")
    )
    if kinds is not None:
        obligations = obligations.filter(kind__in=kinds)
    if iso3:
        obligations = obligations.filter(state__iso3=iso3.upper())
    rules = convention.rules
    rows = []
    for obligation in obligations:
        rule = rules.obligation(obligation.kind)
        granted = [e for e in obligation.extensions.all() if _effective_from(e) <= on]
        current = granted[-1].new_deadline if granted else obligation.original_deadline
        rows.append(
            ObligationOn(
                state=obligation.state.local_name,
                iso3=obligation.state.iso3,
                article=int(rule.article),
                obligation=obligation.kind,
                what=_("Article %(article)s: %(title)s")
                % {"article": rule.article, "title": label(rules, rule.title).text},
                original_deadline=obligation.original_deadline,
                current_deadline=current,
                status=deadlines.obligation_status(
                    deadline=current, completed_on=obligation.completion_date, today=on
                ),
                completed_on=obligation.completed_on
                if obligation.completed_on and obligation.completed_on <= on
                else None,
                completed_by=obligation.completed_by
                if obligation.completed_by and obligation.completed_by <= on
                else None,
                extensions=granted,
                holder=obligation.state,
            )
        )
    return rows


def _reports_by_state(convention: Convention, on: date) -> dict[int, list[TransparencyReport]]:
    reports = defaultdict(list)
    for report in TransparencyReport.objects.filter(convention=convention, received_on__lte=on):
        reports[report.state_id].append(report)
    return reports


NO_RECORD = "no_record"


def _on_record(rules, deadline: date, status: str, *, on: date, initial: bool = False) -> str:
    """A report past its deadline and not on record is "overdue" only where the record of
    reports is complete: due on or after `reporting.record_complete_from`, or (an initial
    report) looked at on a day within the window in which the record of initial reports is
    complete (`reporting.initial_record_complete_from/until`); otherwise "no record"."""
    if status != "overdue":
        return status
    if initial and rules.reporting.initial_record_complete_on(on):
        return status
    complete_from = rules.reporting.record_complete_from
    if complete_from is not None and deadline < complete_from:
        return NO_RECORD
    return status


def _article7_on(
    *, convention: Convention, on: date, iso3: str | None = None
) -> list[ObligationOn]:
    """Article 7 for each State Party on `on`: its initial report, and the annual report of
    the current cycle (covering the previous calendar year, due 30 April of this year)
    once the State owes annual reports."""
    rules = convention.rules
    initial_rule = rules.obligation("initial_report")
    annual_rule = rules.obligation("annual_report")
    parties = (
        Participation.objects.filter(convention=convention, entry_into_force__lte=on)
        .exclude(withdrawal_effective_on__lte=on)
        .select_related("state")
        .order_by("state__name")
    )
    if iso3:
        parties = parties.filter(state__iso3=iso3.upper())
    received = _reports_by_state(convention, on)
    rows = []
    for party in parties:
        reports = received.get(party.state_id, [])
        initial_due = deadlines.initial_report_deadline(
            rules=rules, entry_into_force=party.entry_into_force
        )
        initial = next((r for r in reports if r.kind == ReportKind.INITIAL), None)
        rows.append(
            ObligationOn(
                state=party.state.local_name,
                iso3=party.state.iso3,
                article=int(initial_rule.article),
                obligation=initial_rule.kind,
                what=_("Article %(article)s: %(title)s")
                % {"article": initial_rule.article, "title": label(rules, initial_rule.title).text},
                original_deadline=initial_due,
                current_deadline=initial_due,
                status=_on_record(
                    rules,
                    initial_due,
                    deadlines.obligation_status(
                        deadline=initial_due,
                        completed_on=initial.received_on if initial else None,
                        today=on,
                    ),
                    on=on,
                    initial=True,
                ),
                # A report known only as received by a day shows "by" that day.
                completed_on=initial.received_on
                if initial and not initial.received_by_only
                else None,
                completed_by=initial.received_on if initial and initial.received_by_only else None,
                report=ReportKind.INITIAL,
            )
        )
        year = on.year - 1
        if year >= initial_due.year:
            annual_due = deadlines.annual_report_deadline(rules=rules, year_covered=year)
            annual = next(
                (r for r in reports if r.kind == ReportKind.ANNUAL and r.year_covered == year),
                None,
            )
            rows.append(
                ObligationOn(
                    state=party.state.local_name,
                    iso3=party.state.iso3,
                    article=int(annual_rule.article),
                    obligation=annual_rule.kind,
                    what=_("Article %(article)s: %(title)s covering %(year)s")
                    % {
                        "article": annual_rule.article,
                        "title": label(rules, annual_rule.title).text,
                        "year": year,
                    },
                    original_deadline=annual_due,
                    current_deadline=annual_due,
                    status=_on_record(
                        rules,
                        annual_due,
                        deadlines.obligation_status(
                            deadline=annual_due,
                            completed_on=annual.received_on if annual else None,
                            today=on,
                        ),
                        on=on,
                    ),
                    completed_on=annual.received_on if annual else None,
                    report=ReportKind.ANNUAL,
                )
            )
    return rows


def obligations_on(
    *,
    convention: Convention,
    on: date,
    article: int | None = None,
    obligation: str | None = None,
    iso3: str | None = None,
    status: str | None = None,
) -> list[ObligationOn]:
    """Every obligation of every State Party on `on`: stockpile destruction and clearance,
    then the transparency reports; optionally of one article of this convention or one
    neutral code (`obligation`)."""
    kinds = _kinds(convention, article=article, obligation=obligation)
    rows: list[ObligationOn] = []
    if kinds is None or kinds & {"stockpile_destruction", "clearance"}:
        rows += _obligations_on(convention=convention, on=on, kinds=kinds, iso3=iso3)
    if kinds is None or kinds & {"initial_report", "annual_report"}:
        rows += [
            row
            for row in _article7_on(convention=convention, on=on, iso3=iso3)
            if kinds is None or row.obligation in kinds
        ]
    if status:
        rows = [row for row in rows if row.status == status]
    key = by_name
    return sorted(rows, key=lambda row: (key(row.state), row.article, row.current_deadline))


def due_on(*, convention: Convention, on: date) -> list[ObligationOn]:
    """What is pending or overdue on `on`, soonest deadline first."""
    rows = [r for r in obligations_on(convention=convention, on=on) if r.status != "completed"]
    return sorted(rows, key=lambda row: (row.current_deadline, by_name(row.state)))


def overdue_initial_reports_on(*, convention: Convention, on: date) -> int:
    """The initial reports overdue on `on` by the record: a report due before the record of
    reports is complete and not on record is "no record", not counted here."""
    return sum(
        1
        for row in _article7_on(convention=convention, on=on)
        if row.report == ReportKind.INITIAL and row.status == "overdue"
    )


def transparency_reports(
    *, convention: Convention, on: date | None = None, iso3: str | None = None
):
    reports = TransparencyReport.objects.filter(convention=convention).select_related("state")
    if on:
        reports = reports.filter(received_on__lte=on)
    if iso3:
        reports = reports.filter(state__iso3=iso3.upper())
    return reports.order_by("state__name", "received_on")


def state_record(*, convention: Convention, iso3: str, on: date) -> dict:
    """Everything the State page shows: standing, obligations on `on`, reports, timeline."""
    standing = state_standing(convention=convention, iso3=iso3, on=on)
    obligations = obligations_on(convention=convention, on=on, iso3=iso3)
    reports = list(transparency_reports(convention=convention, iso3=iso3))
    all_extensions = list(
        Extension.objects.filter(
            obligation__convention=convention, obligation__state=standing.state
        )
        .select_related("obligation__convention")
        .order_by("new_deadline")
    )
    participation = Participation.objects.filter(
        convention=convention, state=standing.state
    ).first()
    timeline = _timeline(convention, participation, all_extensions, reports)
    # Declarations of completion recorded by the Secretariat (issue 17), from the rows above.
    timeline += [
        (row.completed_on, _("%(what)s: completed") % {"what": row.what}, "")
        for row in obligations
        if row.completed_on
    ]
    # What happened by `on`: an entry into force or a withdrawal shows from its own day (the
    # status line says what is to come).
    timeline = sorted((e for e in timeline if e[0] <= on), key=lambda event: event[0])
    return {
        "standing": standing,
        "participation": participation,
        "obligations": obligations,
        "reports": reports,
        "timeline": timeline,
        "under_each": standings_under_each(state=standing.state, on=on),
    }


@dataclass
class StandingUnder:
    """A State's status under one convention, for the State page's list of conventions."""

    convention: Convention
    status: str


def standings_under_each(*, state: State, on: date) -> list[StandingUnder]:
    """The State's status under every configured convention on `on` (two queries)."""
    participations = {p.convention_id: p for p in Participation.objects.filter(state=state)}
    rows = []
    for convention in Convention.objects.order_by("short_name"):
        participation = participations.get(convention.pk)
        status = deadlines.treaty_status(
            rules=convention.rules,
            signed_on=participation.signed_on if participation else None,
            deposited_on=participation.deposited_on if participation else None,
            withdrawal_effective_on=(
                participation.withdrawal_effective_on if participation else None
            ),
            today=on,
        )
        rows.append(StandingUnder(convention=convention, status=status))
    return rows


def _timeline(convention, participation, extensions, reports) -> list[tuple[date, str, str]]:
    rules = convention.rules
    events: list[tuple[date, str, str]] = []
    if participation is not None:
        if participation.signed_on:
            events.append((participation.signed_on, _("Signature"), participation.signature_source))
        if participation.deposited_on:
            events.append(
                (
                    participation.deposited_on,
                    _("Deposit of instrument of %(instrument)s")
                    % {"instrument": participation.get_instrument_display()},
                    participation.deposit_source,
                )
            )
            events.append(
                (
                    participation.entry_into_force,
                    _("Entry into force (Article %(article)s)") % {"article": rules.eif.article},
                    "computed",
                )
            )
        provisional = rules.provisional_application
        if participation.provisional_application_from and provisional is not None:
            events.append(
                (
                    participation.provisional_application_from,
                    _("Declaration of provisional application of %(applies)s (Article %(article)s)")
                    % {
                        "applies": label(rules, provisional.applies).text,
                        "article": provisional.article,
                    },
                    participation.provisional_application_source,
                )
            )
        if participation.withdrawal_effective_on:
            events.append(
                (
                    participation.withdrawal_effective_on,
                    _("Withdrawal takes effect"),
                    participation.withdrawal_source,
                )
            )
    for extension in extensions:
        when = _effective_from(extension)
        events.append(
            (
                when,
                ngettext(
                    "Article %(article)s deadline extended %(months)s month to %(deadline)s "
                    "(%(meeting)s)",
                    "Article %(article)s deadline extended %(months)s months to %(deadline)s "
                    "(%(meeting)s)",
                    extension.months,
                )
                % {
                    "article": extension.obligation.article,
                    "months": extension.months,
                    "deadline": f"{extension.new_deadline:%-d %B %Y}",
                    "meeting": extension.meeting,
                },
                extension.source,
            )
        )
    for report in reports:
        events.append(
            (
                report.received_on,
                _("Article %(article)s %(report)s received")
                % {"article": rules.transparency_article, "report": report},
                report.source,
            )
        )
    return sorted(events, key=lambda e: e[0])


def open_obligations(*, convention: Convention, state: State) -> list[Obligation]:
    """The State's stockpile destruction and clearance obligations not yet completed
    (one query), for the Secretariat's declaration of completion."""
    return [
        obligation
        for obligation in Obligation.objects.select_related("convention", "state").filter(
            convention=convention, state=state
        )
        if obligation.completion_date is None
    ]


def state_of(iso3: str) -> State:
    """A State by its ISO 3166 alpha-3 code, in any case."""
    state = State.objects.filter(iso3=iso3.strip().upper()).first()
    if state is None:
        raise Http404(_("No State with the ISO 3166 code %(iso3)r.") % {"iso3": iso3})
    return state


def delegation_users(*, convention: Convention, state: State) -> list:
    """The users who hold the State's Delegation under the convention today (one query),
    told of what the depositary's record says of their State."""
    from plenary.core.models import Role, RoleGrant, User

    grants = RoleGrant.objects.current().filter(
        convention=convention, state=state, role=Role.DELEGATION
    )
    return list(User.objects.filter(is_active=True, grants__in=grants).distinct())
