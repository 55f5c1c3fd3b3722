"""A deterministic data set the size of a decade of a convention's life.

On top of the CCM reference data (which holds every State and its treaty actions),
it adds, at scale 1: 30 meetings in all with agendas, programmes and registered
delegations (5,000 delegates), 5,000 documents with six language versions each (small
files), 2,000 Article 7 reports in all, 100 silence procedures answered by 110 States
Parties each, and 20 extension requests in all. `scale` multiplies every count (a test
builds a small one and one ten times larger); `seed` fixes every random choice.

The facts are synthetic and marked as such in their `source` columns: they exist to
measure speed, never to be read as the Convention's record.

    python -m bench.generate --scale 1 --seed 1      (with DJANGO_SETTINGS_MODULE set)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import time
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

SOURCE = "synthetic: bench/generate.py"
LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]
FIRST_YEAR = 2031  # synthetic meetings are held from this year, one a year, after the real ones


@dataclass(frozen=True)
class Size:
    meetings: int = 30
    documents: int = 5000
    reports: int = 2000
    silence_procedures: int = 100
    addressees: int = 110
    delegates: int = 5000
    extension_requests: int = 20
    agenda_items: int = 15
    programme_days: int = 4

    def scaled(self, scale: float) -> Size:
        def at(n: int) -> int:
            return max(1, round(n * scale))

        return Size(
            meetings=at(self.meetings),
            documents=at(self.documents),
            reports=at(self.reports),
            silence_procedures=at(self.silence_procedures),
            addressees=self.addressees,
            delegates=at(self.delegates),
            extension_requests=at(self.extension_requests),
            agenda_items=self.agenda_items,
            programme_days=self.programme_days,
        )


@dataclass(frozen=True)
class Targets:
    """What the benchmark requests: the largest generated meeting and things in it."""

    meeting_code: str
    meeting_symbol_root: str
    document_symbol: str
    state_iso3: str
    states_on: date


# A minimal valid PDF: the documents app accepts what starts with %PDF-.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def generate(*, size: Size, seed: int = 1, media_root: Path | None = None) -> Targets:
    """Add the synthetic decade to a database that holds the reference data.

    Steps: meetings with parts, agendas and programmes; delegations and delegates;
    documents with their language versions and files; Article 7 reports; silence
    procedures with their addressees; extension requests. Rows go in with bulk_create
    in one transaction; history tables are left empty, as a migration from another
    system would leave them.
    """
    from django.conf import settings
    from django.db import transaction

    rng = random.Random(seed)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with transaction.atomic():
        meetings = _meetings(size, rng)
        _delegations(size, rng, meetings)
        document = _documents(size, rng, meetings, media_root)
        _reports(size, rng)
        _silence_procedures(size, rng, meetings)
        _extension_requests(size, rng, meetings)
    largest = meetings[0]
    return Targets(
        meeting_code=largest.code,
        meeting_symbol_root=largest.symbol_root,
        document_symbol=document.symbol,
        state_iso3="PER",
        states_on=date(2020, 11, 25),
    )


def _convention():
    from plenary.treaties.models import Convention

    return Convention.objects.get(short_name="CCM")


def _states_parties():
    from plenary.treaties.models import Participation

    return [
        p.state
        for p in Participation.objects.filter(
            convention=_convention(), entry_into_force__isnull=False
        )
        .select_related("state")
        .order_by("state__iso3")
    ]


def _next_year() -> int:
    from plenary.meetings.models import Meeting

    taken = {
        int(root.rsplit("/", 1)[1])
        for root in Meeting.objects.filter(symbol_root__startswith="CCM/MSP/").values_list(
            "symbol_root", flat=True
        )
        if root.rsplit("/", 1)[1].isdigit()
    }
    return max(taken | {FIRST_YEAR - 1}) + 1


def _meetings(size: Size, rng: random.Random) -> list:
    from plenary.meetings.models import (
        AgendaItem,
        Meeting,
        MeetingFormat,
        MeetingKind,
        MeetingPart,
        ProgrammeEntry,
        ProgrammeSlot,
    )

    convention = _convention()
    year = _next_year()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            convention=convention,
            code=f"MSP-{year + n}",
            kind=MeetingKind.MSP,
            title=f"Meeting of States Parties held in {year + n} (synthetic)",
            symbol_root=f"CCM/MSP/{year + n}",
            convened_by="Secretary-General of the United Nations",
            registration_deadline=date(year + n, 8, 21),
            time_zone=convention.time_zone,
            agenda_adopted_on=date(year + n, 9, 7),
            source=SOURCE,
        )
        for n in range(size.meetings)
    )
    parts = MeetingPart.objects.bulk_create(
        MeetingPart(
            meeting=meeting,
            number=1,
            starts_on=date(year + n, 9, 7),
            ends_on=date(year + n, 9, 7) + timedelta(days=size.programme_days - 1),
            format=MeetingFormat.IN_PERSON,
            venue="Palais des Nations",
            city="Geneva",
            time_zone=meeting.time_zone,
            plenary_meetings_held=size.programme_days * 2,
        )
        for n, meeting in enumerate(meetings)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            number=number,
            title=f"Agenda item {number} of {meeting.code}",
            symbols=[],
        )
        for meeting in meetings
        for number in range(1, size.agenda_items + 1)
    )
    items_of = {m.pk: [i for i in items if i.meeting_id == m.pk] for m in meetings}
    hours = [(clock(10), clock(13)), (clock(15), clock(18))]
    slots = ProgrammeSlot.objects.bulk_create(
        ProgrammeSlot(
            part=part,
            day=part.starts_on + timedelta(days=day),
            starts_at=start,
            ends_at=end,
        )
        for part in parts
        for day in range(size.programme_days)
        for start, end in hours
    )
    entries = []
    for part in parts:
        agenda = items_of[part.meeting_id]
        part_slots = [s for s in slots if s.part_id == part.pk]
        for n, slot in enumerate(part_slots):
            for position in range(1, 3):
                item = agenda[(2 * n + position - 1) % len(agenda)]
                entries.append(
                    ProgrammeEntry(
                        slot=slot,
                        position=position,
                        agenda_item=item,
                        symbols=[f"{part.meeting.symbol_root}/{rng.randint(1, 9)}"],
                    )
                )
    ProgrammeEntry.objects.bulk_create(entries)
    for meeting, part in zip(meetings, parts, strict=True):
        meeting.first_part = part
    return meetings


def _delegations(size: Size, rng: random.Random, meetings: list) -> None:
    from plenary.meetings.models import Delegate, DelegateRole, Delegation
    from plenary.treaties.models import State

    states = list(State.objects.order_by("iso3"))
    per_meeting = math.ceil(size.delegates / len(meetings))
    delegations, members_of = [], []
    for meeting in meetings:
        count = min(len(states), max(1, math.ceil(per_meeting / 2)))
        chosen = sorted(rng.sample(states, count), key=lambda s: s.iso3)
        quota = per_meeting
        for n, state in enumerate(chosen):
            members = min(quota, 2 if n < count - 1 else quota)
            if members <= 0:
                break
            quota -= members
            delegations.append(
                Delegation(
                    meeting=meeting,
                    state=state,
                    submitted_at=datetime(meeting.first_part.starts_on.year, 8, 1, tzinfo=UTC),
                    source=SOURCE,
                )
            )
            members_of.append(members)
    Delegation.objects.bulk_create(delegations)
    attends = Delegation.parts.through
    attends.objects.bulk_create(
        attends(delegation_id=d.pk, meetingpart_id=d.meeting.first_part.pk) for d in delegations
    )
    delegates = []
    for delegation, members in zip(delegations, members_of, strict=True):
        for position in range(1, members + 1):
            delegates.append(
                Delegate(
                    delegation=delegation,
                    position=position,
                    role=DelegateRole.HEAD if position == 1 else DelegateRole.ADVISER,
                    name=f"Delegate {position} of {delegation.state.iso3}",
                    title="Counsellor",
                )
            )
    Delegate.objects.bulk_create(delegates[: size.delegates])


def _documents(size: Size, rng: random.Random, meetings: list, media_root: Path):
    from plenary.documents.models import PDF_CONTENT_TYPE, Document, LanguageVersion, Series

    series = [Series.WP] * 5 + [Series.CRP] * 2 + [Series.INF, Series.MISC, ""]
    numbers: dict[tuple[int, str], int] = {}
    documents = []
    for n in range(size.documents):
        meeting = meetings[n % len(meetings)]
        kind = series[rng.randrange(len(series))]
        number = numbers[(meeting.pk, kind)] = numbers.get((meeting.pk, kind), 0) + 1
        middle = f"{kind}.{number}" if kind else str(number)
        documents.append(
            Document(
                meeting=meeting,
                part=meeting.first_part,
                symbol=f"{meeting.symbol_root}/{middle}",
                series=kind,
                number=number,
                title=f"Synthetic document {middle} of {meeting.code}",
                issued_on=meeting.first_part.starts_on - timedelta(days=rng.randint(1, 90)),
                source=SOURCE,
            )
        )
    Document.objects.bulk_create(documents)
    folder = media_root / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(PDF).hexdigest()
    uploaded_at = datetime(2030, 1, 1, tzinfo=UTC)
    versions = []
    for document in documents:
        for language in LANGUAGES:
            name = f"bench/{document.file_stem}_{language}.pdf"
            (media_root / name).write_bytes(PDF)
            versions.append(
                LanguageVersion(
                    document=document,
                    language=language,
                    is_original=language == "en",
                    file=name,
                    size=len(PDF),
                    content_type=PDF_CONTENT_TYPE,
                    sha256=digest,
                    uploaded_at=uploaded_at,
                )
            )
    LanguageVersion.objects.bulk_create(versions, batch_size=2000)
    return documents[0]


def _reports(size: Size, rng: random.Random) -> None:
    from plenary.treaties.models import Participation, ReportKind, TransparencyReport

    convention = _convention()
    have = TransparencyReport.objects.count()
    taken = set(
        TransparencyReport.objects.filter(
            convention=convention, kind=ReportKind.ANNUAL
        ).values_list("state_id", "year_covered")
    )
    # The CCM's States Parties only: a State party to two conventions has two participations.
    parties = list(
        Participation.objects.filter(
            convention=convention, entry_into_force__isnull=False
        ).order_by("state__iso3")
    )
    reports = []
    year = 2011
    while have + len(reports) < size.reports and year < 2100:
        for party in parties:
            if party.entry_into_force.year >= year or (party.state_id, year) in taken:
                continue
            reports.append(
                TransparencyReport(
                    convention=convention,
                    state_id=party.state_id,
                    kind=ReportKind.ANNUAL,
                    year_covered=year,
                    received_on=date(year + 1, 4, rng.randint(1, 30)),
                    source=SOURCE,
                )
            )
            if have + len(reports) >= size.reports:
                break
        year += 1
    TransparencyReport.objects.bulk_create(reports)


def _silence_procedures(size: Size, rng: random.Random, meetings: list) -> None:
    from plenary.decisions.models import Addressee, Outcome, SilenceProcedure

    convention = _convention()
    parties = _states_parties()
    procedures = SilenceProcedure.objects.bulk_create(
        SilenceProcedure(
            convention=convention,
            subject=f"Synthetic proposal {n + 1}",
            circulated_by="presidency",
            circulated_on=meetings[n % len(meetings)].first_part.starts_on - timedelta(days=60),
            deadline=datetime.combine(
                meetings[n % len(meetings)].first_part.starts_on - timedelta(days=50),
                clock(22, 59, 59),
                tzinfo=UTC,
            ),
            meeting=meetings[n % len(meetings)],
            outcome=Outcome.ADOPTED,
            concluded_at=datetime.combine(
                meetings[n % len(meetings)].first_part.starts_on - timedelta(days=49),
                clock(9),
                tzinfo=UTC,
            ),
            source=SOURCE,
        )
        for n in range(size.silence_procedures)
    )
    Addressee.objects.bulk_create(
        (
            Addressee(procedure=procedure, state=state)
            for procedure in procedures
            for state in parties[: size.addressees]
        ),
        batch_size=5000,
    )


def _extension_requests(size: Size, rng: random.Random, meetings: list) -> None:
    from dateutil.relativedelta import relativedelta

    from plenary.decisions.models import ExtensionRequest
    from plenary.treaties.models import Obligation

    have = ExtensionRequest.objects.count()
    obligations = list(
        Obligation.objects.filter(convention=_convention()).order_by("state__iso3", "-kind")
    )
    wanted = max(0, size.extension_requests - have)
    requests = []
    for n in range(wanted):
        obligation = obligations[n % len(obligations)]
        months = rng.choice([12, 18, 24, 36, 48])
        requests.append(
            ExtensionRequest(
                obligation=obligation,
                meeting=meetings[n % len(meetings)],
                submitted_on=meetings[n % len(meetings)].first_part.starts_on - timedelta(days=240),
                current_deadline=obligation.current_deadline,
                requested_deadline=obligation.current_deadline + relativedelta(months=months),
                requested_months=months,
                source=SOURCE,
            )
        )
    ExtensionRequest.objects.bulk_create(requests)


def main(argv: list[str] | None = None) -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the targets as JSON")
    args = parser.parse_args(argv)
    django.setup()
    started = time.perf_counter()
    targets = generate(size=Size().scaled(args.scale), seed=args.seed)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps(asdict(targets) | {"seconds": round(seconds, 2)}, default=str))
    else:
        print(f"generated at scale {args.scale} in {seconds:.1f} s: {targets}")


if __name__ == "__main__":
    main()
