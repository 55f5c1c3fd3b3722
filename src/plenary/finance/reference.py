"""Load the finance reference data: the UN scale of assessments, its names, and the facts
of the record (a cost estimate and the ISU budgets of seed 003). Idempotent.

data/un_scale_of_assessments.csv holds one row per period and Member State, with its
source; data/un_scale_names.csv maps every name the scale uses to plenary's State (names
change between resolutions); both are shared by every convention. data/<slug>/finance.json
holds what a convention's record says, with no amount it does not give.
"""

import csv
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext, ngettext

from plenary.core.audit import assign
from plenary.finance import services
from plenary.finance.models import CostEstimate, RateKind, ScaleName, ScalePeriod, ScaleRate
from plenary.meetings.models import Meeting
from plenary.treaties.models import Convention, State
from plenary.treaties.reference import ReferenceDataError


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=2):
        if not row.get("source"):
            raise ReferenceDataError(f"{path.name} line {number}: no source")
    return rows


def _load_names(path: Path) -> dict[str, State]:
    states = {state.iso3: state for state in State.objects.all()}
    found: dict[str, State] = {}
    for row in _rows(path):
        state = states.get(row["iso3"])
        if state is None:
            raise ReferenceDataError(
                f"{path.name}: no State {row['iso3']!r} for {row['scale_name']}"
            )
        name, _ = ScaleName.objects.get_or_create(
            name=row["scale_name"], defaults={"state": state, "source": row["source"]}
        )
        if assign(name, {"state": state, "source": row["source"]}):
            name.save()
        found[row["scale_name"]] = state
    return found


def _load_scale(path: Path, names: dict[str, State]) -> int:
    added = 0
    periods: dict[str, ScalePeriod] = {}
    for row in _rows(path):
        if row["period"] not in periods:
            first, last = (int(year) for year in row["period"].split("-"))
            period, _ = ScalePeriod.objects.get_or_create(
                first_year=first, defaults={"last_year": last, "resolution": row["resolution"]}
            )
            if assign(period, {"last_year": last, "resolution": row["resolution"]}):
                period.save()
            periods[row["period"]] = period
        state = names.get(row["scale_name"])
        if state is None:
            raise ReferenceDataError(
                f"{path.name}: {row['scale_name']!r} is not in the names table"
            )
        values = {
            "scale_name": row["scale_name"],
            "rate": Decimal(row["rate"]),
            "kind": row.get("kind") or RateKind.MEMBER,
            "source": row["source"],
        }
        rate = ScaleRate.objects.filter(period=periods[row["period"]], state=state).first()
        if rate is None:
            rate = ScaleRate(period=periods[row["period"]], state=state)
            added += 1
        if assign(rate, values):
            rate.save()
    return added


def _load_record(path: Path, convention: Convention) -> tuple[int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    estimates = 0
    for record in data["cost_estimates"]:
        if not record.get("source"):
            raise ReferenceDataError(f"{path.name}: a cost estimate has no source")
        if CostEstimate.objects.filter(
            convention=convention,
            document_symbol=record["document_symbol"],
            meeting_title=record["meeting_title"],
        ).exists():
            continue
        meeting = None
        if record.get("meeting"):
            meeting = Meeting.objects.filter(convention=convention, code=record["meeting"]).first()
            if meeting is None:
                raise ReferenceDataError(f"{path.name}: no meeting {record['meeting']!r}")
        services.record_cost_estimate(
            convention=convention,
            meeting=meeting,
            meeting_title=record["meeting_title"],
            lines=[],
            document_symbol=record["document_symbol"],
            approved_by=record["approved_by"],
            source=record["source"],
        )
        estimates += 1
    for record in data["isu_budgets"]:
        services.record_isu_budget(
            convention=convention,
            kind=record["kind"],
            first_year=record["first_year"],
            last_year=record["last_year"],
            title=record["title"],
            document_symbol=record["document_symbol"],
            decision=record["decision"],
            source=record["source"],
        )
    return estimates, len(data["isu_budgets"])


@transaction.atomic
def load_scale(*, data_dir: Path) -> str:
    """Load the UN scale of assessments and its names, shared by every convention."""
    names = _load_names(data_dir / "un_scale_names.csv")
    rates = _load_scale(data_dir / "un_scale_of_assessments.csv", names)
    periods = ScalePeriod.objects.count()
    return gettext("UN scale: %(periods)s, %(rates)s.") % {
        "periods": ngettext("%(count)s period", "%(count)s periods", periods) % {"count": periods},
        "rates": ngettext("%(count)s rate added", "%(count)s rates added", rates)
        % {"count": rates},
    }


@transaction.atomic
def load_finance(*, convention: Convention, directory: Path) -> str | None:
    """Load the record's finance facts of `convention` (its finance.json); one summary
    line, or None when it has none."""
    path = directory / "finance.json"
    if not path.exists():
        return None
    estimates, budgets = _load_record(path, convention)
    return gettext("Finance: %(estimates)s, %(budgets)s.") % {
        "estimates": ngettext(
            "%(count)s cost estimate added", "%(count)s cost estimates added", estimates
        )
        % {"count": estimates},
        "budgets": ngettext("%(count)s ISU budget", "%(count)s ISU budgets", budgets)
        % {"count": budgets},
    }
