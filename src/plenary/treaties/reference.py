"""Load the sourced reference data into the registry, idempotently: the States shared by
every convention (data/states.csv), then each convention's record (data/<slug>/).

Each row goes through the same services a person would use, so the data is held to
the Convention's rules (a deposit before the opening for signature, an extension
longer than its article allows, months that disagree with the dates: all refused).
A second load changes nothing and adds nothing.
"""

import csv
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from plenary.core import l10n
from plenary.core.audit import assign
from plenary.treaties import services
from plenary.treaties.models import (
    Convention,
    Extension,
    FormerStateName,
    Obligation,
    State,
    TransparencyReport,
)

DEPOSIT_ACTIONS = {"ratification", "accession", "acceptance", "approval", "succession"}


@dataclass
class LoadReport:
    participations: int = 0
    obligations: int = 0
    extensions_added: int = 0
    reports_added: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line in the active language ("Treaty registry: 1 participation, ...")."""
        return gettext(
            "Treaty registry: %(participations)s, %(obligations)s, %(extensions)s, %(reports)s."
        ) % {
            "participations": ngettext(
                "%(count)s participation", "%(count)s participations", self.participations
            )
            % {"count": self.participations},
            "obligations": ngettext(
                "%(count)s obligation", "%(count)s obligations", self.obligations
            )
            % {"count": self.obligations},
            "extensions": ngettext(
                "%(count)s extension added", "%(count)s extensions added", self.extensions_added
            )
            % {"count": self.extensions_added},
            "reports": ngettext(
                "%(count)s transparency report added",
                "%(count)s transparency reports added",
                self.reports_added,
            )
            % {"count": self.reports_added},
        }


class ReferenceDataError(ValueError):
    """A row of the reference data breaks a rule; the message names the file, row and field."""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = []
        for number, row in enumerate(csv.DictReader(handle), start=2):
            cleaned = {key: (value or "").strip() for key, value in row.items()}
            cleaned["_where"] = f"{path.name} line {number} ({cleaned.get('iso3', '')})"
            rows.append(cleaned)
        return rows


@contextmanager
def _row(row: dict[str, str]):
    try:
        yield
    except ValidationError as error:
        details = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise ReferenceDataError(f"{row['_where']}: {details}") from error
    except (KeyError, ValueError, State.DoesNotExist, Obligation.DoesNotExist) as error:
        if isinstance(error, ReferenceDataError):
            raise
        raise ReferenceDataError(f"{row['_where']}: {error}") from error


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def default_data_dir() -> Path:
    return Path(settings.REFERENCE_DATA_DIR)


@transaction.atomic
def load_states(*, data_dir: Path) -> int:
    """Upsert the States (data/states.csv) by ISO code and their former names, shared by
    every convention; return how many States the file lists."""
    return len(_load_states(data_dir))


@transaction.atomic
def load_registry(*, convention: Convention, directory: Path, today: date) -> LoadReport:
    """Load one convention's depositary record, obligations, extensions and Article 7
    reports from its directory (data/<slug>/); a file it lacks is skipped.

    Steps: record each State's participation; record each obligation; grant each
    extension not yet on record, in deadline order; record each Article 7 report not yet
    on record. The States must be loaded first (`load_states`).
    """
    report = LoadReport()
    states = {state.iso3: state for state in State.objects.all()}
    if (path := directory / "treaty_actions.csv").exists():
        _load_participations(path, convention, states, report)
    if (path := directory / "obligations.csv").exists():
        _load_obligations(path, convention, states, report)
    if (path := directory / "extensions.csv").exists():
        _load_extensions(path, convention, report)
    if (path := directory / "article7_reports.csv").exists():
        _load_reports(path, convention, states, report, today)
    return report


def _load_states(data_dir: Path) -> dict[str, State]:
    existing = {state.iso3: state for state in State.objects.all()}
    names = _names_by_state(data_dir / "state_names.csv")
    unterm = _unterm_by_state(data_dir / "state_names_unterm.csv")
    for row in _rows(data_dir / "states.csv"):
        with _row(row):
            _load_state(
                row,
                existing,
                names.pop(row["iso3"], ({}, "")),
                unterm.pop(row["iso3"], ({}, "")),
            )
    if names:
        raise ReferenceDataError(f"state_names.csv names States not in states.csv: {sorted(names)}")
    if unterm:
        raise ReferenceDataError(
            f"state_names_unterm.csv names States not in states.csv: {sorted(unterm)}"
        )
    former = data_dir / "state_names_former.csv"
    if former.exists():
        for row in _rows(former):
            with _row(row):
                FormerStateName.objects.update_or_create(
                    language=_language(row.get("language") or "en", row),
                    name=row["name"],
                    defaults={
                        "state": existing[row["iso3"]],
                        "used_until": _date(row.get("used_until", "")),
                        "seen_in_use_on": _date(row.get("seen_in_use_on", "")),
                        "source": row["source"],
                    },
                )
    return existing


def _language(code: str, row: dict[str, str]) -> str:
    """A language of settings.LANGUAGES, as written in the data files ("zh-hans")."""
    if code not in {language for language, _name in settings.LANGUAGES}:
        raise ReferenceDataError(f"{row['_where']}: language: {code!r} is not one of LANGUAGES.")
    return code


def _names_by_state(path: Path) -> dict[str, tuple[dict[str, str], str]]:
    """Each State's names in the other UN languages (data/state_names.csv: iso3, language,
    name, source) and their sources, one line per language; English is states.csv's."""
    if not path.exists():
        return {}
    names: dict[str, dict[str, str]] = {}
    sources: dict[str, list[str]] = {}
    for row in _rows(path):
        language = _language(row["language"], row)
        if language == "en" or not row["name"] or not row["source"]:
            raise ReferenceDataError(
                f"{row['_where']}: a name in a language other than English, with its source."
            )
        if language in names.setdefault(row["iso3"], {}):
            raise ReferenceDataError(f"{row['_where']}: a second {language} name.")
        names[row["iso3"]][language] = row["name"]
        sources.setdefault(row["iso3"], []).append(f"{language}: {row['source']}")
    return {iso3: (names[iso3], "\n".join(sources[iso3])) for iso3 in names}


def _unterm_by_state(path: Path) -> dict[str, tuple[dict[str, dict[str, str]], str]]:
    """Each State's UNTERM short and formal names by language (data/state_names_unterm.csv:
    iso3, language, short, formal, source), for running text; a State UNTERM does not
    name has no row."""
    if not path.exists():
        return {}
    names: dict[str, dict[str, dict[str, str]]] = {}
    sources: dict[str, list[str]] = {}
    for row in _rows(path):
        language = _language(row["language"], row)
        if not row["short"] or not row["source"]:
            raise ReferenceDataError(f"{row['_where']}: a short name, with its source.")
        if language in names.setdefault(row["iso3"], {}):
            raise ReferenceDataError(f"{row['_where']}: a second {language} UNTERM name.")
        names[row["iso3"]][language] = {"short": row["short"], "formal": row["formal"]}
        sources.setdefault(row["iso3"], []).append(f"{language}: {row['source']}")
    return {iso3: (names[iso3], "\n".join(sources[iso3])) for iso3 in names}


def _load_state(
    row: dict[str, str],
    existing: dict[str, State],
    names: tuple[dict[str, str], str],
    unterm: tuple[dict[str, dict[str, str]], str],
) -> None:
    values = {
        "name": row["name"],
        "names": names[0],
        "names_source": names[1],
        "unterm_names": unterm[0],
        "unterm_source": unterm[1],
        "un_membership": row["un_membership"],
        "source": row["source"],
    }
    state = existing.get(row["iso3"]) or State(iso3=row["iso3"])
    if assign(state, values):
        state.full_clean()
        state.save()
        existing[state.iso3] = state


def _load_participations(
    path: Path, convention: Convention, states: dict, report: LoadReport
) -> None:
    by_state: dict[str, dict] = {}
    for row in _rows(path):
        record = by_state.setdefault(row["iso3"], {"_row": row})
        action = row["action"]
        if action == "signature":
            record["signed_on"], record["signature_source"] = _date(row["date"]), row["source"]
        elif action in DEPOSIT_ACTIONS:
            record["deposited_on"], record["deposit_source"] = _date(row["date"]), row["source"]
            record["instrument"] = action
        elif action == "withdrawal_effective":
            record["withdrawal_effective_on"] = _date(row["date"])
            record["withdrawal_source"] = row["source"]
        elif action == "provisional_application":
            record["provisional_application_from"] = _date(row["date"])
            record["provisional_application_source"] = row["source"]
        elif action == "withdrawal":
            continue  # the notification; the record holds the date it takes effect
        else:
            raise ReferenceDataError(f"{row['_where']}: action {action!r} is not known")
    for iso3, record in by_state.items():
        with _row(record["_row"]):
            services.record_participation(
                convention=convention,
                state=states[iso3],
                signed_on=record.get("signed_on"),
                deposited_on=record.get("deposited_on"),
                instrument=record.get("instrument", ""),
                signature_source=record.get("signature_source", ""),
                deposit_source=record.get("deposit_source", ""),
                withdrawal_effective_on=record.get("withdrawal_effective_on"),
                provisional_application_from=record.get("provisional_application_from"),
                provisional_application_source=record.get("provisional_application_source", ""),
                withdrawal_source=record.get("withdrawal_source", ""),
                reason="Reference data",
            )
        report.participations += 1


def _load_obligations(path: Path, ccm: Convention, states: dict, report: LoadReport) -> None:
    for row in _rows(path):
        with _row(row):
            services.record_obligation(
                convention=ccm,
                state=states[row["iso3"]],
                kind=row["obligation"],
                end_of_active_hostilities=_date(row["end_of_active_hostilities"]),
                completed_on=_date(row["completed_on"]),
                completed_by=_date(row.get("completed_by", "")),
                completion_note=row["completion_note"],
                source=row["source"],
                reason="Reference data",
            )
        report.obligations += 1


def _load_extensions(path: Path, ccm: Convention, report: LoadReport) -> None:
    rows = sorted(_rows(path), key=lambda r: (r["iso3"], r["obligation"], r["new_deadline"]))
    for row in rows:
        if not row["new_deadline"]:
            report.skipped.append(
                gettext("extension of %(state)s (%(meeting)s): no new deadline")
                % {"state": row["iso3"], "meeting": row["meeting"]}
            )
            continue
        with _row(row):
            obligation = Obligation.objects.get(
                convention=ccm, state__iso3=row["iso3"], kind=row["obligation"]
            )
            new_deadline = date.fromisoformat(row["new_deadline"])
            if Extension.objects.filter(obligation=obligation, new_deadline=new_deadline).exists():
                continue
            services.grant_extension(
                obligation=obligation,
                new_deadline=new_deadline,
                meeting=row["meeting"],
                decided_on=_date(row["decided_on"]),
                decision_document=row["decision_document"],
                months=int(row["months"]) if row["months"] else None,
                source=row["source"],
            )
        report.extensions_added += 1


def _load_reports(
    path: Path, convention: Convention, states: dict, report: LoadReport, today: date
) -> None:
    for row in _rows(path):
        # `received_by` alone: the source says only that it had been received by that day.
        received_by_only = not row["received_on"] and bool(row.get("received_by"))
        received_on = _date(row["received_by"] if received_by_only else row["received_on"])
        year = int(row["year_covered"]) if row["year_covered"] else None
        if row["kind"] == "annual" and year is None:
            report.skipped.append(
                gettext("annual report of %(state)s received %(day)s: no year covered")
                % {"state": row["iso3"], "day": l10n.day(received_on)}
            )
            continue
        with _row(row):
            state = states[row["iso3"]]
            already = TransparencyReport.objects.filter(
                convention=convention, state=state, kind=row["kind"], year_covered=year
            ).exists()
            if already:
                continue
            services.record_transparency_report(
                convention=convention,
                state=state,
                kind=row["kind"],
                year_covered=year,
                received_on=received_on,
                received_by_only=received_by_only,
                source=row["source"],
                today=today,
            )
        report.reports_added += 1
