"""Load the silence procedures and extension requests of the record into the database.

The effects of these procedures of the past are already on record (the meetings'
reference data holds the plan changes; the treaty registry's extensions.csv holds the
extensions), so this loader records them as concluded WITHOUT carrying them out again:
procedures through `record_concluded_silence_procedure`, grants by linking the
extension already in the registry. Idempotent: what is on record is left as it is.
"""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from plenary.decisions import services
from plenary.decisions.models import Decision, ExtensionRequest
from plenary.meetings.models import AgendaItem, Meeting
from plenary.treaties.models import Convention, Extension, Obligation
from plenary.treaties.reference import ReferenceDataError


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _records(path: Path) -> list[dict]:
    records = json.loads(path.read_text(encoding="utf-8"))
    for number, record in enumerate(records, start=1):
        if not record.get("source"):
            raise ReferenceDataError(f"{path.name} record {number}: no source")
        record["_where"] = f"{path.name} record {number}"
    return records


def _meeting(record: dict, convention: Convention) -> Meeting:
    meeting = Meeting.objects.filter(convention=convention, code=record["meeting"]).first()
    if meeting is None:
        raise ReferenceDataError(
            f"{record['_where']}: no meeting {record['meeting']!r}; load the meetings first"
        )
    return meeting


def _agenda_item(record: dict, meeting: Meeting, code: str) -> AgendaItem:
    """An item of the meeting's agenda named as the agenda names it: "9", "8(b)"."""
    number, _, letter = code.partition("(")
    item = AgendaItem.objects.filter(
        meeting=meeting, number=int(number), letter=letter.rstrip(")")
    ).first()
    if item is None:
        raise ReferenceDataError(f"{record['_where']}: {meeting.code} has no agenda item {code}")
    return item


def _fail(record: dict, error: ValidationError) -> ReferenceDataError:
    details = "; ".join(
        f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
    return ReferenceDataError(f"{record['_where']}: {details}")


@transaction.atomic
def load_decisions(*, convention: Convention, directory: Path) -> str | None:
    """Load the convention's silence_procedures.json and extension_requests.json from its
    directory, each if present; one summary line, or None when it has neither."""
    procedures_file = directory / "silence_procedures.json"
    requests_file = directory / "extension_requests.json"
    decisions_file = directory / "decisions.json"
    if not (procedures_file.exists() or requests_file.exists() or decisions_file.exists()):
        return None
    procedures = (
        _load_silence_procedures(procedures_file, convention) if procedures_file.exists() else 0
    )
    requests, linked = (
        _load_extension_requests(requests_file, convention) if requests_file.exists() else (0, 0)
    )
    decisions = _load_decisions(decisions_file, convention) if decisions_file.exists() else 0
    return gettext("Decisions: %(procedures)s, %(requests)s (%(linked)s), %(decisions)s.") % {
        "procedures": ngettext(
            "%(count)s silence procedure", "%(count)s silence procedures", procedures
        )
        % {"count": procedures},
        "requests": ngettext(
            "%(count)s extension request", "%(count)s extension requests", requests
        )
        % {"count": requests},
        "linked": ngettext(
            "%(count)s linked to the registry's extensions",
            "%(count)s linked to the registry's extensions",
            linked,
        )
        % {"count": linked},
        "decisions": ngettext(
            "%(count)s decision in plenary", "%(count)s decisions in plenary", decisions
        )
        % {"count": decisions},
    }


def _load_decisions(path: Path, convention: Convention) -> int:
    """The decisions of decisions.json, each through `services.record_decision`; one
    already on record (its part, paragraph and subject) is left as it is."""
    records = json.loads(path.read_text(encoding="utf-8"))["decisions"]
    for number, record in enumerate(records, start=1):
        if not record.get("source"):
            raise ReferenceDataError(f"{path.name} decision {number}: no source")
        record["_where"] = f"{path.name} decision {number}"
    added = 0
    for record in records:
        meeting = _meeting(record, convention)
        part = meeting.parts.filter(number=record["part"]).first()
        if part is None:
            raise ReferenceDataError(
                f"{record['_where']}: {meeting.code} has no part {record['part']}"
            )
        if Decision.objects.filter(
            part=part, subject=record["subject"], paragraph=record.get("paragraph", "")
        ).exists():
            continue
        try:
            services.record_decision(
                part=part,
                kind=record["kind"],
                subject=record["subject"],
                decided_on=_date(record.get("decided_on")),
                documents=record.get("documents", []),
                agenda_items=[
                    _agenda_item(record, meeting, code) for code in record.get("agenda_items", [])
                ],
                paragraph=record.get("paragraph", ""),
                symbol=record.get("symbol", ""),
                text=record.get("text", ""),
                source=record["source"],
            )
        except ValidationError as error:
            raise _fail(record, error) from error
        added += 1
    return added


def _load_silence_procedures(path: Path, convention: Convention) -> int:
    records = _records(path)
    for record in records:
        try:
            services.record_concluded_silence_procedure(
                convention=convention,
                subject=record["subject"],
                circulated_on=_date(record["circulated_on"]),
                deadline_on=_date(record["deadline_on"]),
                outcome=record["outcome"],
                circulated_by=record.get("circulated_by", ""),
                document_symbol=record.get("document_symbol", ""),
                meeting=_meeting(record, convention) if record.get("meeting") else None,
                effect_kind=record.get("effect_kind", "none"),
                effect=record.get("effect") or {},
                source=record["source"],
            )
        except ValidationError as error:
            raise _fail(record, error) from error
    return len(records)


def _load_extension_requests(path: Path, convention: Convention) -> tuple[int, int]:
    records = _records(path)
    linked = 0
    for record in records:
        try:
            linked += _load_request(record, convention)
        except ValidationError as error:
            raise _fail(record, error) from error
    return len(records), linked


def _load_request(record: dict, convention: Convention) -> int:
    # A record names its obligation by neutral code, or by its article in this convention.
    kind = record.get("obligation") or next(
        (r.kind for r in convention.rules.obligations if r.article == str(record.get("article"))),
        None,
    )
    obligation = Obligation.objects.filter(
        convention=convention, state__iso3=record["iso3"], kind=kind
    ).first()
    if obligation is None:
        what = kind or f"Article {record.get('article')}"
        raise ReferenceDataError(f"{record['_where']}: no {what} obligation")
    current = _date(record["current_deadline"])
    request = ExtensionRequest.objects.filter(
        obligation=obligation, current_deadline=current
    ).first()
    if request is not None and request.decision:
        return int(request.extension_id is not None)
    meeting = _meeting(record, convention)
    parts = {part.number: part for part in meeting.parts.all()}
    if request is None:
        request = services.submit_extension_request(
            obligation=obligation,
            by=None,
            submitted_on=_date(record.get("submitted_on")),
            requested_deadline=_date(record["requested_deadline"]),
            current_deadline=current,
            documents=record.get("documents", []),
            work_plan=record.get("work_plan", ""),
            meeting=meeting,
            source=record["source"],
        )
    if record.get("months") is not None and request.requested_months != record["months"]:
        raise ReferenceDataError(
            f"{record['_where']}: the dates give {request.requested_months} months, "
            f"not {record['months']}"
        )
    if record.get("analysis_document"):
        services.record_analysis(request=request, analysis_document=record["analysis_document"])
    if record.get("draft_decision_document"):
        services.record_draft_decision(
            request=request, draft_decision_document=record["draft_decision_document"]
        )
    recommendation = record.get("recommendation")
    if recommendation:
        services.recommend_extension(
            request=request,
            part=parts[recommendation["part"]],
            recommendation=recommendation["recommendation"],
            until=_date(recommendation.get("until")),
            recommended_on=_date(recommendation.get("on")),
            conditions=record.get("conditions", []),
            terms=recommendation.get("terms"),
            agenda_item=(
                _agenda_item(record, meeting, recommendation["agenda_item"])
                if recommendation.get("agenda_item")
                else None
            ),
        )
    decision = record.get("decision")
    if not decision:
        return 0
    until = _date(decision.get("until"))
    extension = Extension.objects.filter(obligation=obligation, new_deadline=until).first()
    if decision["decision"] == "granted" and extension is None:
        # Not granted twice: the grant belongs in the treaty registry's extensions.csv.
        raise ReferenceDataError(
            f"{record['_where']}: the registry has no extension of {record['iso3']} to {until}"
        )
    services.decide_extension_request(
        request=request,
        part=parts[decision["part"]],
        decision=decision["decision"],
        until=until,
        decided_on=_date(decision.get("decided_on")),
        extension=extension,
    )
    return int(extension is not None)
