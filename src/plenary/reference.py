"""Load the sourced reference data in data/, every app in dependency order, idempotently.

The data shared by every convention comes first (data/states.csv, the UN scale), then
each configured convention (`settings.PLENARY_CONVENTIONS`) whose directory
data/<slug>/ exists, its Convention row made if needed. Each app owns its loader
(`<app>/reference.py`), which takes the convention and its directory and returns None
when the directory lacks its file (the APMBC has no action plan, for instance); this
module only orders them and collects what each reports, one line per app.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from plenary.action_plan.reference import load_action_plans
from plenary.decisions.reference import load_decisions
from plenary.documents.reference import load_documents
from plenary.drafting.reference import load_letterheads, load_report_texts, load_reports
from plenary.finance.reference import load_finance, load_scale
from plenary.meetings.reference import load_meetings
from plenary.rules import conventions
from plenary.treaties.models import Convention
from plenary.treaties.reference import (
    ReferenceDataError,
    default_data_dir,
    load_registry,
    load_states,
)

# After the treaty registry, in this order: documents need their meetings, decisions
# their meetings and obligations, texts added to reports their meetings' parts.
LOADERS = [
    load_meetings,
    load_documents,
    load_decisions,
    load_finance,
    load_action_plans,
    load_report_texts,
    load_letterheads,
    load_reports,
]
UNKNOWN_CONVENTION = "no convention {name!r} is configured; configured: {known}"


@dataclass(frozen=True)
class ConventionData:
    """A configured convention's short name and its directory of reference data."""

    short_name: str
    directory: Path


def conventions_with_data(*, data_dir: Path, only: str | None = None) -> list[ConventionData]:
    """The configured conventions whose directory data/<slug>/ exists, in settings order;
    `only` (a short name, any case) keeps one and refuses a name not configured."""
    configured = [name.upper() for name in settings.PLENARY_CONVENTIONS] or sorted(
        conventions.registry()
    )
    if only is not None:
        if only.upper() not in configured:
            raise ReferenceDataError(
                UNKNOWN_CONVENTION.format(name=only, known=", ".join(configured))
            )
        configured = [only.upper()]
    found = [ConventionData(name, data_dir / name.lower()) for name in configured]
    return [each for each in found if each.directory.is_dir()]


@dataclass(frozen=True)
class Loaded:
    """What `load_reference` reports, in the active language: one summary line for the
    shared data, then per convention its name and one line per app (`lines`); the rows
    left out for want of a sourced fact, each named by its convention (`left_out`)."""

    lines: list[str]
    left_out: list[str]


@transaction.atomic
def load_reference(
    *, today: date, data_dir: Path | None = None, convention: str | None = None
) -> Loaded:
    """Load everything (or the shared data and one convention); report what was loaded
    and what was left out."""
    data_dir = data_dir or default_data_dir()
    states = load_states(data_dir=data_dir)
    lines = [
        gettext("States: %(count)s.") % {"count": states},
        load_scale(data_dir=data_dir),
    ]
    left_out: list[str] = []
    for each in conventions_with_data(data_dir=data_dir, only=convention):
        row, _ = Convention.objects.get_or_create(short_name=each.short_name)
        registry = load_registry(convention=row, directory=each.directory, today=today)
        lines += [f"{each.short_name} (data/{each.directory.name}/):", registry.summary()]
        for loader in LOADERS:
            line = loader(convention=row, directory=each.directory)
            if line is not None:
                lines.append(line)
        left_out += [f"{each.short_name}: {line}" for line in registry.skipped]
    return Loaded(lines=lines, left_out=left_out)
