"""Drafted documents as content: a pure function of the records, no database, no files.

`report` turns `selectors.ReportRecords` into a `Drafted` document: a UN heading block,
sections of continuously numbered paragraphs with lettered items, and the annex table.
Which paragraphs there are is decided here, from the records; their wording comes from
the templates of the convention and language (`wording`). The renderers in `render`
write the same content as .docx, HTML or text.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from plenary.drafting import wording
from plenary.drafting.convention import (
    convention_words,
    obligation_article,
    obligation_kind,
)
from plenary.drafting.models import ReportText, Section
from plenary.drafting.selectors import in_force_from
from plenary.meetings.render import EN_DASH, line_text, part_heading
from plenary.rules import conventions, months, symbols
from plenary.rules.deadlines import long_date
from plenary.rules.errors import RuleError

NO_PARTICIPANTS = _(
    "No delegation is registered for part {number} yet: the lists of participants are missing."
)
NO_PLENARY_MEETINGS = _("The number of plenary meetings held is not recorded yet.")
NO_OFFICER = _("No {role} is recorded for this meeting yet.")
NO_DOCUMENTS = _("No document of part {number} is recorded yet: the annex is missing.")
NO_DECISIONS = _("No decision or recommendation of part {number} is recorded yet.")
NO_PROGRAMME = _("No programme of work is recorded for this part yet.")
NO_MANDATE = _("The convening reference names no General Assembly resolution.")
NO_REGISTRATION_DEADLINE = _("No registration deadline is recorded for the {meeting}.")
NO_SECRETARIAT = _("The convention file of the {convention} gives no address of its secretariat.")
NO_ANNUAL_REPORT_DAY = _("The convention file of the {convention} gives no day for annual reports.")
NO_SYMBOL = _("[symbol not yet allocated]")
MISSING_NOTE = _("[Missing: {what}]")
NO_STATES_PARTIES = _(
    "the registry holds no State Party of the {convention} on {day}: its status is not stated"
)
NO_PREVIOUS_MEETING = _(
    "no earlier Meeting of States Parties or Review Conference is recorded: the States that"
    " joined since are not stated"
)
FIGURE_NOT_COMPUTABLE = _("{label}: {reason}")
NO_FINANCIAL_STATUS = _("the financial status: {reason}")
NO_ASSESSMENT_OF_ESTIMATE = _(
    "no assessment of the cost estimate of {meeting} was issued on or before {day}"
)
NO_ASSESSMENT_OF_YEAR = _(
    "no cost estimate of {meeting} is recorded and no assessment of {year} was issued on"
    " or before {day}"
)
NO_OBLIGATION_ON_RECORD = _(
    "the registry holds no obligation under Article {article} ({title}) of a State Party on"
    " {day}: it is not stated"
)
NO_PREVIOUS_MEETING_COMPLETIONS = _(
    "no earlier Meeting of States Parties or Review Conference is recorded: the States that"
    " completed the destruction of their stockpiles since are not stated"
)
NO_NEXT_MEETING = _(
    "no later Meeting of States Parties or Review Conference is recorded: the cost estimate"
    " of the next meeting is not stated"
)
NO_ESTIMATE = _("no cost estimate of the {meeting} is recorded")
NO_ESTIMATED_AMOUNT = _("the cost estimate of the {meeting}{document} holds no amount")
FIGURE_NOT_YET = _("{label}: the figure is taken on {day}, after the report's date")
# The places of a heading block's lines (`render` lays a UN heading block out from them).
MASTHEAD_BODY, MASTHEAD_SYMBOL, MASTHEAD_SIDE = "body", "symbol", "side"

# The order the report tells the officers of a day in (seed 003 paras 21-22).
_ROLE_ORDER = ["secretary_general", "vice_president", "secretary", "isu_director", "president"]
_MANDATE = re.compile(r"resolution (\d+/\d+), operative paragraph (\d+)")
SECTIONS = [section for section, _ in Section.choices]


@dataclass
class Block:
    """One block of a drafted document, in order.

    kind: "masthead" (heading block line), "title", "heading", "paragraph" (numbered
    when `number` is set), "text" (an unnumbered paragraph), "missing" (what the
    records lack), "table" (`rows`, the first one the header), "page_break".
    """

    kind: str
    text: str = ""
    number: int | None = None
    items: list[tuple[str, str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    key: str = ""
    style: str = ""
    hand_added: bool = False
    section: str = ""


@dataclass
class Drafted:
    title: str
    blocks: list[Block]
    missing: list[str] = field(default_factory=list)
    language: str = "en"
    file_stem: str = "document"
    # The document's symbol, repeated in the running header of every page but the first.
    symbol: str = ""
    # Places that draft nothing but where a hand-added text may go: (key, section), e.g.
    # an agenda item's place in section IV ("item-8d").
    places: list[tuple[str, str]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "paragraph"]


@dataclass
class _Spec:
    """A paragraph to draft: a template and its context, or a hand-added text."""

    key: str
    template: str = ""
    context: dict = field(default_factory=dict)
    on: date | None = None
    text: ReportText | None = None
    missing: str = ""
    # A place in the section (an agenda item's) that drafts nothing: hand-added texts
    # may name it.
    anchor: bool = False


def _words_of(meeting, language: str):
    return convention_words(
        conventions.get_ruleset(meeting.convention.short_name), language=language
    )


def _span(start: date, end: date) -> tuple[date, date]:
    return (start, end)


def _plan_parts(plan: list[dict]) -> list[dict]:
    return [
        {
            **part,
            "span": _span(
                date.fromisoformat(part["starts_on"]), date.fromisoformat(part["ends_on"])
            ),
        }
        for part in plan
    ]


@dataclass(frozen=True)
class PlannedPart:
    number: int
    starts_on: date
    ends_on: date


def _planned_parts(records, on: date) -> list[PlannedPart]:
    return [
        PlannedPart(
            part["number"],
            date.fromisoformat(part["starts_on"]),
            date.fromisoformat(part["ends_on"]),
        )
        for part in records.plan_on(on)
    ]


def _officers(records, role: str) -> list:
    return [officer for officer in records.officers if officer.role == role]


def _within(part, day: date | None) -> bool:
    return day is not None and part.starts_on <= day <= part.ends_on


def _decided_plan(change) -> list[dict]:
    """What a plan change's procedure decided, as the States Parties agreed it (its
    effect's parts: only dates, or a format and venue too); without one, the new plan."""
    for procedure in reversed(list(change.silence_procedures.all())):
        parts = (procedure.effect or {}).get("parts")
        if parts:
            return parts
    return change.new_plan


def _introduction(records, on: date | None = None) -> list[_Spec]:
    meeting, history = records.meeting, records.history
    specs = [_Spec("introduction-convention", f"report/convention_{meeting.kind}")]
    if history.plan_changes:
        specs.append(
            _Spec(
                "introduction-first-plan",
                "report/introduction_first_plan",
                {"plan": _plan_parts(history.first_plan)},
            )
        )
    presidents = _officers(records, "president")
    if presidents:
        specs.append(
            _Spec(
                "introduction-president",
                "report/introduction_president",
                {"president": presidents[0]},
            )
        )
    if meeting.convened_by:
        specs.append(
            _Spec(
                "introduction-convened",
                "report/introduction_convened",
                {
                    "preparations": [
                        h.meeting for h in records.preparations if h.meeting.kind == "preparatory"
                    ]
                },
            )
        )
    briefings = [h for h in records.preparations if h.meeting.kind == "informal_briefing"]
    for preparation in records.preparations:
        if preparation.meeting.kind != "preparatory" or not preparation.parts:
            continue
        first = preparation.first_plan[0]
        planned = date.fromisoformat(first["starts_on"])
        briefing = next((b for b in briefings if b.parts and b.parts[0].starts_on == planned), None)
        specs.append(
            _Spec(
                f"introduction-{preparation.meeting.code}",
                "report/introduction_preparatory_meeting",
                {
                    "preparation": preparation.meeting,
                    "planned": planned,
                    "held": preparation.parts[0].starts_on,
                    "changed": bool(preparation.plan_changes),
                    "cause": preparation.plan_changes[0].cause if preparation.plan_changes else "",
                    "briefing": briefing.parts[0] if briefing else None,
                    "procedures": [
                        _span(p.circulated_on, p.deadline_date) for p in preparation.procedures
                    ],
                },
            )
        )
    changes = [
        {
            "change": change,
            "procedures": [
                _span(p.circulated_on, p.deadline_date) for p in change.silence_procedures.all()
            ],
            "plan": _plan_parts(_decided_plan(change)),
        }
        for change in history.plan_changes
        # A report tells the changes decided by its day, not those decided after it.
        if on is None or in_force_from(change) <= on
    ]
    if changes:
        specs.append(
            _Spec(
                "introduction-plan-changes",
                "report/introduction_plan_changes",
                {"changes": changes},
            )
        )
    return specs


def _organization(records, language: str = "en") -> list[_Spec]:
    part = records.part
    specs = [_Spec("organization-dates", "report/organization_dates")]
    for role, key in (
        ("isu_director", "organization-isu"),
        ("secretary", "organization-secretary"),
    ):
        found = _officers(records, role)
        if found:
            specs.append(_Spec(key, f"report/organization_{role}", {"officer": found[0]}))
    participants = records.participants_in.get(language, records.participants)
    if not any(participants.values()):
        specs.append(
            _Spec("organization-participants", missing=NO_PARTICIPANTS.format(number=part.number))
        )
        return specs
    for category, names in participants.items():
        if names:
            specs.append(
                _Spec(
                    f"organization-{category.replace('_', '-')}",
                    f"report/organization_{category}",
                    {
                        "names": names,
                        "organisations": [records.organisations.get(n, n) for n in names],
                    },
                )
            )
    return specs


def _work(records) -> list[_Spec]:
    part, meeting = records.part, records.meeting
    specs = []
    presidents = _officers(records, "president")
    specs.append(
        _Spec(
            "work-opening",
            "report/work_opening",
            {"president": presidents[0] if presidents else None},
            on=part.starts_on,
        )
    )
    if part.plenary_meetings_held is None:
        specs.append(_Spec("work-plenary-meetings", missing=NO_PLENARY_MEETINGS))
    else:
        specs.append(_Spec("work-plenary-meetings", "report/work_plenary_meetings"))
    groups: dict[tuple, list] = {}
    for officer in records.officers:
        if officer.role != "president" and _within(part, officer.act_on):
            groups.setdefault((officer.act_on, officer.role, officer.act), []).append(officer)
    for (on, role, act), officers in sorted(
        groups.items(), key=lambda g: (g[0][0], _ROLE_ORDER.index(g[0][1]))
    ):
        specs.append(
            _Spec(
                f"work-officers-{role.replace('_', '-')}",
                "report/work_officers",
                {
                    "role": role,
                    "act": act,
                    "officers": officers,
                    "names": [records.state_names.get(o.state_id, "") for o in officers],
                    # The States in running French and Spanish (`with_article`).
                    "states": [records.named(o.state) if o.state_id else None for o in officers],
                },
                on=on,
            )
        )
    if _within(part, meeting.agenda_adopted_on):
        main = [
            d for d in records.documents if "/" in d.symbol and d.symbol.rsplit("/", 1)[1].isdigit()
        ]
        agenda = next((d for d in main if d.title.lower().startswith("provisional agenda")), None)
        programme = next(
            (d for d in main if d.title.lower().startswith("provisional programme of work")), None
        )
        rules = next((i for i in records.agenda if "rules of procedure" in i.title.lower()), None)
        specs.append(
            _Spec(
                "work-agenda",
                "report/work_agenda",
                {
                    "agenda": agenda,
                    "programme": programme,
                    "rules_symbols": rules.symbols if rules else [],
                    "adopted_on": meeting.agenda_adopted_on,
                },
                on=meeting.agenda_adopted_on,
            )
        )
    if records.documents:
        specs.append(_Spec("work-documents", "report/work_documents"))
    else:
        specs.append(_Spec("work-documents", missing=NO_DOCUMENTS.format(number=part.number)))
    return specs


def _item_code(item) -> str:
    """An agenda item's code in a paragraph key: "9", "8a"."""
    return f"{item.number}{item.letter}"


def _extension_specs(records, request) -> list[_Spec]:
    """The paragraphs of an extension request: the assessment and recommendation (or
    decision), the observations made in recommending, the reporting conditions, and what
    the Conference added after them, in the terms the request's record holds."""
    part, ruleset = records.part, records.ruleset
    state = request.obligation.state
    article = obligation_article(request.obligation, ruleset)
    key = f"extension-{state.iso3}-{article}"
    decided = request.decided_at_id == part.pk and request.decision
    until = request.granted_deadline if decided else request.recommended_deadline
    terms = request.terms or {}
    context = {
        "request": request,
        "state": records.named(state),
        "obligation_kind": obligation_kind(request.obligation, ruleset),
        "article": article,
        "decided": bool(decided),
        "grant": (request.decision == "granted") if decided else request.recommendation == "grant",
        "until": until,
        "months": (
            months.months_between(request.current_deadline, until)
            if until and terms.get("months_stated", True)
            else None
        ),
        "pending": terms.get("pending", ""),
        "reporting_at": terms.get("reporting_at", ""),
        "due_stated": terms.get("due_stated", True),
    }
    specs = [_Spec(key, "report/decisions_extension", context)]
    for number, observation in enumerate(terms.get("observations", []), start=1):
        specs.append(
            _Spec(
                f"{key}-observation-{number}",
                "report/decisions_extension_observation",
                {**context, "observation": observation, "after_conditions": False},
            )
        )
    conditions = list(request.conditions.all())
    if conditions:
        specs.append(
            _Spec(
                f"{key}-conditions",
                "report/decisions_extension_conditions",
                {**context, "conditions": conditions},
            )
        )
    for number, observation in enumerate(terms.get("further", []), start=1):
        specs.append(
            _Spec(
                f"{key}-further-{number}",
                "report/decisions_extension_observation",
                {**context, "observation": observation, "after_conditions": True},
            )
        )
    return specs


def _decision_specs(code: str, decisions: list) -> list[_Spec]:
    """The paragraphs of an agenda item's decisions: one a decision, or one for the
    decisions the register gives the same paragraph of the report."""
    groups: list[list] = []
    for decision in decisions:
        if groups and decision.paragraph and groups[-1][-1].paragraph == decision.paragraph:
            groups[-1].append(decision)
        else:
            groups.append([decision])
    specs = []
    for number, group in enumerate(groups, start=1):
        key = f"decision-{code}" + (f"-{number}" if number > 1 else "")
        specs.append(
            _Spec(
                key,
                "report/decisions_decision",
                {"decisions": group, "decision": group[0]},
                on=group[0].decided_on,
            )
        )
    return specs


def _decisions(records) -> list[_Spec]:
    """Section IV: under each agenda item in the agenda's order, the decisions the register
    holds for the part, then the extension requests recommended or decided under it; an
    item with none still names its place (`item-<code>`, where a hand-added text goes)."""
    part = records.part
    decisions = sorted(records.decisions, key=lambda d: d.pk)
    requests = list(records.extension_requests)
    specs: list[_Spec] = []
    placed_decisions: set[int] = set()
    placed_requests: set[int] = set()
    for item in records.agenda:
        code = _item_code(item)
        specs.append(_Spec(f"item-{code}", anchor=True))
        mine = [
            d
            for d in decisions
            if d.pk not in placed_decisions and item.pk in {i.pk for i in d.agenda_items.all()}
        ]
        placed_decisions |= {d.pk for d in mine}
        specs += _decision_specs(code, mine)
        for request in requests:
            if request.agenda_item_id == item.pk and request.pk not in placed_requests:
                placed_requests.add(request.pk)
                specs += _extension_specs(records, request)
    rest = [d for d in decisions if d.pk not in placed_decisions]
    specs += _decision_specs("other", rest)
    for request in requests:
        if request.pk not in placed_requests:
            specs += _extension_specs(records, request)
    if not decisions and not requests:
        specs.append(_Spec("decisions-none", missing=NO_DECISIONS.format(number=part.number)))
    return specs


def _status_statement(records, status, words) -> tuple[dict | None, list[str]]:
    """The status of the Convention on the report's date, from the registry; the States
    that deposited since, each named as the report names it (`deposited`)."""
    if not status.states_parties:
        return None, [
            str(NO_STATES_PARTIES).format(convention=words.name, day=long_date(status.on))
        ]
    missing = [] if status.previous is not None else [str(NO_PREVIOUS_MEETING)]
    deposited = [
        {"state": records.named(standing.state), "standing": standing}
        for standing in status.deposited_since
    ]
    return {"status": status, "deposited": deposited}, missing


def _transparency_statement(figures) -> tuple[dict | None, list[str]]:
    """The figures of Article 7 reports the records give (`reports.statistics`); a figure
    they cannot give, or not yet on the report's date, is a missing note, never a number."""
    stated, missing = {}, []
    for figure in figures:
        if figure.value is None:
            missing.append(
                str(FIGURE_NOT_COMPUTABLE).format(label=figure.label, reason=figure.reason)
            )
        elif figure.so_far:
            missing.append(
                str(FIGURE_NOT_YET).format(label=figure.label, day=long_date(figure.measured_on))
            )
        else:
            stated[figure.name] = figure
    on_time = stated.get("initial_reports_on_time")
    if not stated:
        return None, missing
    return {
        "figures": stated,
        "year": figures[0].measured_on.year,
        "on_time": on_time,
        "overdue": stated.get("initial_reports_overdue_at_year_end"),
        "annual": stated.get("annual_reports_received_by_30_april"),
        "rate": round(100 * on_time.value / on_time.of) if on_time and on_time.of else None,
    }, missing


def _financial_status_statement(status, meeting) -> tuple[dict | None, list[str]]:
    """What was assessed for the meeting, received and outstanding on the report's date
    (`finance.selectors.meeting_status`); no assessment on record is a missing note."""
    if status.assessed:
        return {"finance": status}, []
    if status.estimate is not None:
        reason = NO_ASSESSMENT_OF_ESTIMATE.format(meeting=meeting, day=long_date(status.on))
    else:
        reason = NO_ASSESSMENT_OF_YEAR.format(
            meeting=meeting, year=status.year, day=long_date(status.on)
        )
    return None, [str(NO_FINANCIAL_STATUS).format(reason=reason)]


def _obligations_statement(records, found, *, since: bool) -> tuple[dict | None, list[str]]:
    """The obligations of each kind on the report's date (`selectors.ObligationsRecords`):
    met, pending, or with no completion on record; a kind the registry holds for no State
    Party is a missing note, and so (`since`: the completions since the previous meeting
    are stated) is the want of a previous meeting. Each holder is named as the report
    names States in running text (`records.named`)."""
    for tally in found.tallies:
        for holder in (*tally.completed, *tally.pending, *tally.no_record, *tally.completed_since):
            holder.named = records.named(holder.state)
    missing = [
        str(NO_OBLIGATION_ON_RECORD).format(
            article=tally.article, title=tally.title, day=long_date(found.on)
        )
        for tally in found.tallies
        if not tally.total
    ]
    tallies = [tally for tally in found.tallies if tally.total]
    if since and tallies and found.previous is None:
        missing.append(str(NO_PREVIOUS_MEETING_COMPLETIONS))
    if not tallies:
        return None, missing
    return {"obligations": found, "tallies": tallies, "tally": tallies[0]}, missing


def _cost_estimate_statement(found) -> tuple[dict | None, list[str]]:
    """The estimated cost of the next formal meeting (`selectors.NextEstimate`), where the
    finance records hold its estimate with an amount; otherwise a missing note saying which
    record is wanting."""
    if found.meeting is None:
        return None, [str(NO_NEXT_MEETING)]
    if found.estimate is None:
        return None, [str(NO_ESTIMATE).format(meeting=found.meeting.title)]
    if found.total is None:
        symbol = found.estimate.document_symbol
        return None, [
            str(NO_ESTIMATED_AMOUNT).format(
                meeting=found.meeting.title, document=f" ({symbol})" if symbol else ""
            )
        ]
    return {"next": found.meeting, "estimate": found.estimate, "total": found.total}, []


def _statement(records, statement: str, words) -> tuple[dict | None, list[str]]:
    """A statement's context (None: the records cannot support it) and what is missing."""
    found = records.statements.get(statement)
    if statement == "status":
        return _status_statement(records, found, words)
    if statement == "stockpile_destruction":
        return _obligations_statement(records, found, since=True)
    if statement == "obligations":
        return _obligations_statement(records, found, since=False)
    if statement == "cost_estimate":
        return _cost_estimate_statement(found)
    if statement == "financial_status":
        return _financial_status_statement(found, records.meeting)
    return _transparency_statement(found or [])


def _place_texts(specs: list[_Spec], texts: list[ReportText]) -> list[_Spec]:
    """Put each hand-added text after the paragraph it names, else at the end."""
    keys = {spec.key for spec in specs}
    placed: list[_Spec] = []
    # Words joined to a paragraph come before the paragraphs placed after it.
    texts = sorted(texts, key=lambda t: (t.placement == "paragraph", t.position, t.pk))
    for spec in specs:
        placed.append(spec)
        placed += [_Spec(f"text-{t.pk}", on=t.on, text=t) for t in texts if t.after == spec.key]
    placed += [_Spec(f"text-{t.pk}", on=t.on, text=t) for t in texts if t.after not in keys]
    return placed


def _join(paragraph: Block, addition: str, *, at: str) -> None:
    """Words that open the paragraph, or end it before its full stop."""
    text, addition = paragraph.text.strip(), addition.strip()
    if at == "start":
        paragraph.text = f"{addition} {text[:1].lower()}{text[1:]}"
        return
    if text.endswith("."):
        text = text[:-1]
    space = "" if addition[:1] in ",;:" else " "
    paragraph.text = f"{text}{space}{addition}"


def _limited(symbol: str) -> bool:
    try:
        return symbols.parse(symbol).limited
    except RuleError:
        return False


def _masthead(lines: list[wording.Piece], *, symbol: str, side: list[wording.Piece]) -> list:
    """The heading block of a UN document: the body's name (the first line) beside the
    symbol, the distribution, date and original language under the symbol, then the
    session's lines. Each block's style says its place (`render` lays them out)."""
    if not lines:
        return [Block("masthead", symbol, style=MASTHEAD_SYMBOL)]
    blocks = [
        Block("masthead", lines[0].text, style=MASTHEAD_BODY),
        Block("masthead", symbol, style=MASTHEAD_SYMBOL),
    ]
    blocks += [Block("masthead", piece.text, style=MASTHEAD_SIDE) for piece in side]
    blocks += [Block("masthead", piece.text, style="masthead") for piece in lines[1:]]
    return blocks


def report(records, *, kind: str, on: date, language: str = "en") -> Drafted:
    """The procedural report (interim or final) of a part, from its records."""
    convention = records.ruleset.short_name
    meeting, part = records.meeting, records.part
    agenda = [item for item in records.agenda if not item.letter]
    base = {
        "meeting": meeting,
        "part": part,
        # The heading gives the parts as planned on the report's date: an interim report
        # names the later parts as they were then foreseen, not as they were later moved.
        "parts": _planned_parts(records, on),
        "several_parts": len(meeting.parts.all()) > 1,
        "convention": convention_words(records.ruleset, language=language),
        "kind": kind,
        "on": on,
        "agenda_item": agenda[-1] if agenda else None,
        "body": "Conference" if meeting.kind == "review_conference" else "Meeting",
        # The article of the convention on this kind of meeting, where its file gives one.
        "kind_article": next(
            (k.article for k in records.ruleset.meeting_kinds if k.code == meeting.kind), ""
        ),
    }

    report_title = wording.sentence(convention, language, "report/title", base)
    issued = getattr(records, "report_document", None)
    own = issued.document if issued is not None else None
    own = own or next((d for d in records.documents if d.title == report_title), None)
    base["symbol"] = own.symbol if own else str(NO_SYMBOL)

    def pieces(name: str, context: dict) -> list[wording.Piece]:
        return wording.pieces(convention, language, name, {**base, **context})

    blocks = _masthead(
        pieces("report/masthead", {}),
        symbol=base["symbol"],
        side=pieces("report/masthead_side", {"limited": _limited(base["symbol"])}),
    )
    blocks.append(Block("title", report_title))
    missing: list[str] = []
    places: list[tuple[str, str]] = []
    texts = {section: [t for t in records.texts if t.section == section] for section in SECTIONS}
    builders = {
        Section.INTRODUCTION: lambda records: _introduction(records, on),
        Section.ORGANIZATION: lambda records: _organization(records, language),
        Section.WORK: _work,
        Section.DECISIONS: _decisions,
    }
    number = 0
    for section in SECTIONS:
        blocks.append(
            Block(
                "heading", wording.sentence(convention, language, f"report/heading_{section}", base)
            )
        )
        last_day = None
        for spec in _place_texts(builders[section](records), texts[section]):
            if spec.anchor:
                places.append((spec.key, section))
                continue
            if spec.missing:
                missing.append(spec.missing)
                blocks.append(
                    Block("missing", MISSING_NOTE.format(what=spec.missing), key=spec.key)
                )
                continue
            if spec.text is not None and spec.text.statement:
                context, lacking = _statement(records, spec.text.statement, base["convention"])
                missing += lacking
                blocks += [
                    Block("missing", MISSING_NOTE.format(what=what), key=spec.key)
                    for what in lacking
                ]
                found = (
                    pieces(f"report/statement_{spec.text.statement}", context)
                    if context is not None
                    else []
                )
            elif spec.text is not None:
                found = [wording.Piece(spec.text.body)]
            else:
                found = pieces(
                    spec.template,
                    {**spec.context, "same_day": spec.on is not None and spec.on == last_day},
                )
            if spec.on is not None:
                last_day = spec.on
            for piece in found:
                placement = spec.text.placement if spec.text is not None else "paragraph"
                # A statement is drafted from the records, not by hand.
                by_hand = spec.text is not None and not spec.text.statement
                anchor = blocks[-1] if blocks[-1].kind == "paragraph" else None
                if (
                    placement != "paragraph"
                    and anchor is not None
                    and anchor.key == spec.text.after
                ):
                    _join(anchor, piece.text, at=placement)
                    anchor.hand_added = True
                    continue
                number += 1
                blocks.append(
                    Block(
                        "paragraph",
                        piece.text,
                        number=number,
                        items=piece.items,
                        key=spec.key,
                        hand_added=by_hand,
                        section=section,
                    )
                )
    if records.documents:
        blocks.append(Block("page_break"))
        blocks.append(
            Block(
                "heading",
                wording.sentence(convention, language, "report/annex_heading", base),
                style="annex",
            )
        )
        blocks.append(
            Block(
                "title",
                wording.sentence(convention, language, "report/annex_title", base),
                style="annex",
            )
        )
        header = wording.sentence(convention, language, "report/annex_columns", base).split("|")
        blocks.append(
            Block(
                "table",
                rows=[[c.strip() for c in header]]
                + [[d.symbol, d.title] for d in records.documents],
            )
        )
    stem = own.symbol if own else f"{meeting.code}_part{part.number}_{kind}_report"
    return Drafted(
        title=report_title,
        blocks=blocks,
        missing=missing,
        language=language,
        file_stem=stem.replace("/", "_"),
        symbol=base["symbol"],
        places=places,
    )


def _in_language(language: str, write, *arguments):
    with translation.override(language):
        return write(*arguments)


def programme(part, days, *, language: str = "en") -> Drafted:
    """A part's programme of work in the layout of the annex to a President's letter
    (seed 000): the meeting, the part, the title, then each day, its slots and lines."""
    convention = part.meeting.convention.short_name
    context = {
        "meeting": part.meeting,
        "part": part,
        # In the document's language, whatever the language of the request.
        "part_heading": _in_language(language, part_heading, part),
        "convention": _words_of(part.meeting, language),
    }
    blocks = [
        Block("masthead", piece.text, style="masthead")
        for piece in wording.pieces(convention, language, "programme/masthead", context)
    ]
    title = wording.sentence(convention, language, "programme/title", context)
    blocks.append(Block("title", title))
    for day in days:
        blocks.append(
            Block(
                "heading", wording.sentence(convention, language, "programme/day", {"day": day.day})
            )
        )
        for slot in day.slots:
            blocks.append(
                Block(
                    "text", f"{slot.starts_at:%H:%M} {EN_DASH} {slot.ends_at:%H:%M}", style="slot"
                )
            )
            for line in slot.lines:
                blocks.append(Block("text", line_text(line), style=line.kind))
    if not days:
        blocks.append(Block("missing", MISSING_NOTE.format(what=NO_PROGRAMME)))
    return Drafted(
        title=title,
        blocks=blocks,
        missing=[] if days else [NO_PROGRAMME],
        language=language,
        file_stem=f"{part.meeting.code}_part{part.number}_programme",
    )


def convening_note(
    records, *, reference: str, language: str = "en", kind: str = "convening", body=None
) -> Drafted:
    """A note verbale about a meeting and its preparatory meetings: convening them (seed
    004), or reminding of the registration of delegations or of the annual transparency
    report (`kind`, the template `note_verbale/<kind>`). Given a `body` (as edited, a blank
    line between paragraphs), the note frames it instead of the drafted paragraphs: the
    heading and reference before it, the date after it."""
    convention = records.ruleset.short_name
    words = convention_words(records.ruleset, language=language)
    mandate = _MANDATE.search(records.meeting.convening_reference or "")
    due = words.annual_report_due
    context = {
        "meeting": records.meeting,
        "convention": words,
        "reference": reference,
        "on": records.on,
        "resolution": mandate.group(1) if mandate else "",
        "resolution_paragraph": mandate.group(2) if mandate else "",
        "article7_due": date(records.on.year, *due) if due else None,
        "meetings": [
            {
                "meeting": meeting,
                "parts": _plan_parts(records.plans[meeting.pk]),
                "deadline": meeting.registration_deadline,
            }
            for meeting in records.meetings
        ],
    }
    drafted = [
        piece.text
        for piece in wording.pieces(convention, language, f"note_verbale/{kind}", context)
    ]
    if body is not None and len(drafted) >= 3:
        edited = [" ".join(chunk.split()) for chunk in body.split("\n\n") if chunk.strip()]
        drafted = [*drafted[:2], *edited, drafted[-1]]
    blocks = [Block("text", text, style="masthead") for text in drafted]
    missing = [] if mandate else [NO_MANDATE]
    if not words.secretariat_address:
        missing.append(NO_SECRETARIAT.format(convention=words.name))
    if due is None:
        missing.append(NO_ANNUAL_REPORT_DAY.format(convention=words.name))
    missing += [
        NO_REGISTRATION_DEADLINE.format(meeting=m.title)
        for m in records.meetings
        if m.registration_deadline is None
    ]
    blocks += [Block("missing", MISSING_NOTE.format(what=what)) for what in missing]
    return Drafted(
        title=f"{reference}",
        blocks=blocks,
        missing=missing,
        language=language,
        file_stem=f"{records.meeting.code}_{kind}_note_verbale",
    )


def president_letter(
    part, days, *, president, body: str, on: date, language: str = "en"
) -> Drafted:
    """A letter of the President with a body of the President's choosing and the part's
    programme of work as its annex."""
    convention = part.meeting.convention.short_name
    context = {
        "meeting": part.meeting,
        "part": part,
        "president": president,
        "on": on,
        "convention": _words_of(part.meeting, language),
    }
    opening = wording.pieces(convention, language, "letter/opening", context)
    closing = wording.pieces(convention, language, "letter/closing", context)
    paragraphs = [" ".join(chunk.split()) for chunk in body.split("\n\n") if chunk.strip()]
    blocks = [Block("text", piece.text) for piece in opening]
    blocks += [Block("text", text) for text in paragraphs]
    blocks += [Block("text", piece.text) for piece in closing]
    blocks.append(Block("page_break"))
    annex = programme(part, days, language=language)
    blocks += annex.blocks
    missing = [] if president is not None else [NO_OFFICER.format(role="President")]
    missing += annex.missing
    return Drafted(
        title=wording.sentence(convention, language, "letter/title", context),
        blocks=blocks,
        missing=missing,
        language=language,
        file_stem=f"{part.meeting.code}_president_letter",
    )
