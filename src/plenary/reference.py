"""Load the sourced reference data in data/, every app in dependency order, idempotently.

Each app owns its loader (`<app>/reference.py`); this module only orders them and
collects what each reports, one line per app.
"""

from datetime import date
from pathlib import Path

from django.db import transaction

from plenary.action_plan.reference import load_action_plans
from plenary.decisions.reference import load_decisions
from plenary.documents.reference import load_documents
from plenary.drafting.reference import load_report_texts
from plenary.finance.reference import load_finance
from plenary.meetings.reference import load_meetings
from plenary.treaties.reference import default_data_dir, load_reference_data


@transaction.atomic
def load_reference(*, today: date, data_dir: Path | None = None) -> list[str]:
    """Load everything; return one summary line per app, then any rows left out."""
    data_dir = data_dir or default_data_dir()
    treaties = load_reference_data(data_dir=data_dir, today=today)
    lines = [
        f"Treaty registry: {treaties.states} States, {treaties.participations} participations, "
        f"{treaties.obligations} obligations, {treaties.extensions_added} extensions added, "
        f"{treaties.reports_added} Article 7 reports added.",
        load_meetings(data_dir=data_dir),
        load_documents(data_dir=data_dir),
        load_decisions(data_dir=data_dir),
        load_finance(data_dir=data_dir),
        load_action_plans(data_dir=data_dir),
        load_report_texts(data_dir=data_dir),
    ]
    return lines + [f"not loaded: {line}" for line in treaties.skipped]
