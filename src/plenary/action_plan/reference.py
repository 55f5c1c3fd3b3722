"""Load the action plans, thematic areas, coordinators and consultations of the record.

Reads a convention's data/<slug>/action_plan.json (sources beside it) through the
services. Idempotent: plans, areas, sections, indicators and coordinators are matched by
their keys and left alone when unchanged; a consultation is matched by its title and
issue date and loaded once.
"""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from plenary.action_plan import services
from plenary.action_plan.models import ActionPlan, Consultation
from plenary.meetings.models import Meeting
from plenary.treaties.models import Convention, State
from plenary.treaties.reference import ReferenceDataError


def _fail(where: str, error: ValidationError) -> ReferenceDataError:
    details = "; ".join(
        f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
    return ReferenceDataError(f"action_plan.json {where}: {details}")


def _need_source(where: str, record: dict) -> None:
    if not record.get("source"):
        raise ReferenceDataError(f"action_plan.json {where}: no source")


@transaction.atomic
def load_action_plans(*, convention: Convention, directory: Path) -> str | None:
    """Load the convention's action_plan.json; one summary line, or None without one."""
    path = directory / "action_plan.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        areas = _areas(data["thematic_areas"], convention)
        plans, indicators = _plans(data["plans"], convention, areas)
        coordinations = _coordinations(data["coordinations"], areas)
        consultations = _consultations(data["consultations"], convention, areas)
    except ValidationError as error:
        raise _fail("record", error) from None
    return gettext(
        "Action plan: %(areas)s, %(plans)s, %(indicators)s, %(coordinations)s on record;"
        " %(consultations)s."
    ) % {
        "areas": ngettext("%(count)s thematic area", "%(count)s thematic areas", len(areas))
        % {"count": len(areas)},
        "plans": ngettext("%(count)s action plan", "%(count)s action plans", plans)
        % {"count": plans},
        "indicators": ngettext("%(count)s indicator", "%(count)s indicators", indicators)
        % {"count": indicators},
        "coordinations": ngettext(
            "%(count)s coordination", "%(count)s coordinations", coordinations
        )
        % {"count": coordinations},
        "consultations": ngettext(
            "%(count)s consultation added", "%(count)s consultations added", consultations
        )
        % {"count": consultations},
    }


def _areas(records: list[dict], convention: Convention) -> dict:
    areas = {}
    for record in records:
        _need_source(f"area {record['slug']}", record)
        areas[record["slug"]] = services.record_thematic_area(
            convention=convention,
            slug=record["slug"],
            name=record["name"],
            order=record["order"],
            source=record["source"],
        )
    return areas


def _plans(records: list[dict], convention: Convention, areas: dict) -> tuple[int, int]:
    indicators = 0
    for record in records:
        _need_source(f"plan {record['code']}", record)
        plan = services.record_action_plan(
            convention=convention,
            code=record["code"],
            name=record["name"],
            first_year=record["first_year"],
            last_year=record["last_year"],
            adopted=record.get("adopted", ""),
            document_symbol=record.get("document_symbol", ""),
            source=record["source"],
        )
        sections = {}
        for section in record["sections"]:
            sections[section["number"]] = services.record_section(
                plan=plan,
                number=section["number"],
                title=section["title"],
                area=areas[section["area"]] if section.get("area") else None,
                source=section["source"],
            )
        actions = {}
        for action in record["actions"]:
            _need_source(f"action {action['number']}", action)
            actions[action["number"]] = services.record_action(
                section=sections[action["section"]],
                number=action["number"],
                text=action["text"],
                source=action["source"],
            )
        for indicator in record["indicators"]:
            _need_source(f"indicator {indicator['code']}", indicator)
            services.record_indicator(
                section=sections[indicator["section"]],
                action=actions.get(indicator.get("action")),
                code=indicator["code"],
                text=indicator["text"],
                kind=indicator["kind"],
                baseline_year=indicator.get("baseline_year"),
                baseline_value=indicator.get("baseline_value"),
                baseline_source=indicator.get("baseline_source", ""),
                target_value=indicator.get("target_value"),
                target_year=indicator.get("target_year"),
                computation=indicator.get("computation", ""),
                source=indicator["source"],
            )
            indicators += 1
    return len(records), indicators


def _coordinations(records: list[dict], areas: dict) -> int:
    states = {s.iso3: s for s in State.objects.all()}
    for record in records:
        _need_source(f"coordination of {record['area']}", record)
        services.record_coordination(
            area=areas[record["area"]],
            states=[states[iso3] for iso3 in record["states"]],
            title=record.get("title", ""),
            term_from=date.fromisoformat(record["term_from"]) if record.get("term_from") else None,
            term_to=date.fromisoformat(record["term_to"]) if record.get("term_to") else None,
            in_office_year=record.get("in_office_year"),
            source=record["source"],
        )
    return len(records)


def _consultations(records: list[dict], convention: Convention, areas: dict) -> int:
    added = 0
    for record in records:
        _need_source(f"consultation {record['key']}", record)
        issued_on = date.fromisoformat(record["issued_on"])
        if Consultation.objects.filter(title=record["title"], issued_on=issued_on).exists():
            continue
        meeting = (
            Meeting.objects.get(convention=convention, code=record["meeting"])
            if record.get("meeting")
            else None
        )
        plan = ActionPlan.objects.get(code=record["plan"]) if record.get("plan") else None
        services.issue_consultation(
            convention=convention,
            title=record["title"],
            issued_by=record["issued_by"],
            issued_on=issued_on,
            deadline_on=date.fromisoformat(record["deadline_on"]),
            addressees=record["addressees"],
            addresses_states=record["addresses_states"],
            addresses_organisations=record["addresses_organisations"],
            visibility=record["visibility"],
            send_to=record.get("send_to", ""),
            meeting=meeting,
            plan=plan,
            source=record["source"],
            now=None,
            sections=[
                services.SectionSpec(
                    number=section["number"],
                    title=section["title"],
                    area=areas[section["area"]] if section.get("area") else None,
                    questions=[
                        services.QuestionSpec(
                            text=q["text"], paragraph=q["paragraph"], level=q["level"]
                        )
                        for q in section["questions"]
                    ],
                )
                for section in record["sections"]
            ],
        )
        added += 1
    return added
