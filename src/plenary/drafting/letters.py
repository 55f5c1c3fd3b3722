"""Letters of the Presidency and notes verbales of the Secretariat as content: pure
functions of the records (`selectors.LetterRecords`, `selectors.ConveningRecords`).

A letter is drafted in two steps. `letter_body` drafts the body from the records for the
President to edit: the opening (the President's capacity), then the paragraph of the
letter's kind (the result of a silence procedure and the new dates, a proposal to
postpone, the invitation to a written consultation and its deadline, the convening
information, the programme as next steps) and a closing paragraph. `letter` then frames
the body, as edited: the letterhead and reference of the Presidency's settings, the
addressees, the date, the salutation, the closing chosen, the signature and the annexes
(documents of the meeting, the consultation's questions, the programme of work).
"""

from datetime import date

from django.utils.translation import gettext_lazy as _

from plenary.drafting import wording
from plenary.drafting.content import MISSING_NOTE, Block, Drafted, programme
from plenary.drafting.convention import convention_words
from plenary.drafting.models import Closing, LetterKind

NO_PRESIDENT = _("No President is recorded for this meeting yet.")
NO_LETTERHEAD = _("The Presidency has no letterhead for this meeting yet (its settings).")
NO_PROCEDURE = _("The letter reports a silence procedure: choose the procedure.")
NO_CONSULTATION = _("The letter invites to a written consultation: choose the consultation.")
UNKNOWN_DOCUMENT = _("{symbol} is not a document of this meeting.")


def _spans(plan: list[dict]) -> list[dict]:
    return [
        {
            **part,
            "span": (date.fromisoformat(part["starts_on"]), date.fromisoformat(part["ends_on"])),
        }
        for part in plan
    ]


def _context(records, *, kind: str, language: str) -> dict:
    procedure = records.procedure
    effect_parts = (procedure.effect or {}).get("parts", []) if procedure else []
    return {
        "meeting": records.meeting,
        "kind": kind,
        "on": records.on,
        "plan": _spans(records.plan),
        "convention": convention_words(records.ruleset, language=language),
        "president": records.president,
        "procedure": procedure,
        "new_parts": _spans(effect_parts),
        "target": procedure.meeting if procedure else records.meeting,
        # Whether the procedure split the meeting into more parts than it had (seed 000).
        "split": bool(
            procedure
            and procedure.plan_change_id
            and len(effect_parts) > len(procedure.plan_change.previous_plan)
        ),
        "body": "Review Conference" if records.meeting.kind == "review_conference" else "Meeting",
        "breakers": records.breakers,
        "consultation": records.consultation,
        # The kinds of letter about the preparation of the meeting, whose opening says
        # where and when it is to be held.
        "preparation_kinds": (
            LetterKind.CONVENING,
            LetterKind.POSTPONEMENT,
            LetterKind.CONSULTATION,
        ),
    }


def letter_body(records, *, kind: str, language: str = "en") -> str:
    """The body of a letter of `kind` drafted from the records, paragraphs parted by a
    blank line, for the President to edit."""
    convention = records.ruleset.short_name
    context = _context(records, kind=kind, language=language)
    names = ["letter/body/opening"]
    if kind != LetterKind.FREE:
        names.append(f"letter/body/{kind}")
    names.append("letter/looking_forward")
    paragraphs = [
        piece.text
        for name in names
        for piece in wording.pieces(convention, language, name, context)
        if piece.text
    ]
    return "\n\n".join(paragraphs)


def paragraphs_of(body: str) -> list[str]:
    """The paragraphs of a body as typed: blank lines part them, other whitespace folds."""
    return [" ".join(chunk.split()) for chunk in body.split("\n\n") if chunk.strip()]


def letter(
    records,
    *,
    kind: str,
    body: str,
    closing: str = Closing.HIGHEST_CONSIDERATION,
    addressees: list[str] | None = None,
    annexes: list[str] = (),
    programme_part=None,
    days=None,
    language: str = "en",
) -> Drafted:
    """A letter of the President: the body as edited, framed by the Presidency's settings,
    with the annexes chosen (`days`: the programme of work, annexed to next steps)."""
    convention = records.ruleset.short_name
    context = _context(records, kind=kind, language=language)
    head = records.letterhead
    context.update(
        {
            "reference": head.reference if head else "",
            "reference_label": head.reference_label if head else "",
            "place": head.place if head else "",
            "kind_label": LetterKind(kind).label if kind in LetterKind.values else kind,
        }
    )

    def pieces(name: str, extra: dict | None = None) -> list[str]:
        return [
            piece.text
            for piece in wording.pieces(convention, language, name, {**context, **(extra or {})})
        ]

    blocks = [Block("text", line.strip(), style="letterhead") for line in _lines(head)]
    addressees = addressees if addressees else pieces("letter/addressees")
    blocks += [Block("text", each, style="addressee") for each in addressees]
    blocks += [Block("text", text, style="reference") for text in pieces("letter/reference")]
    blocks += [Block("text", text, style="date") for text in pieces("letter/dateline")]
    blocks += [Block("text", text) for text in pieces("letter/salutation")]
    blocks += [Block("text", text, style="body") for text in paragraphs_of(body)]
    blocks += [Block("text", text) for text in pieces(f"letter/closing_{closing}")]
    blocks += [Block("text", text, style="signature") for text in _signature(records)]
    missing: list[str] = []
    if records.president is None:
        missing.append(str(NO_PRESIDENT))
    if head is None:
        missing.append(str(NO_LETTERHEAD))
    if kind == LetterKind.SILENCE_RESULT and records.procedure is None:
        missing.append(str(NO_PROCEDURE))
    if kind == LetterKind.CONSULTATION and records.consultation is None:
        missing.append(str(NO_CONSULTATION))
    by_symbol = {document.symbol: document for document in records.documents}
    chosen = [by_symbol[symbol] for symbol in annexes if symbol in by_symbol]
    missing += [str(UNKNOWN_DOCUMENT).format(symbol=s) for s in annexes if s not in by_symbol]
    blocks += [Block("missing", MISSING_NOTE.format(what=what)) for what in missing]
    count = len(chosen) + bool(records.questions) + (programme_part is not None)
    if count:
        blocks.append(Block("page_break"))
        blocks.append(
            Block(
                "heading",
                wording.sentence(convention, language, "letter/annexes", {"count": count}),
            )
        )
        blocks += [Block("text", f"{d.symbol} {d.title}", style="annex") for d in chosen]
    if records.questions:
        blocks.append(
            Block(
                "title", wording.sentence(convention, language, "letter/questions_title", context)
            )
        )
        blocks += [
            Block("text", f"{q.number}. {q.text}", style="sub_item" if q.level else "")
            for q in records.questions
        ]
    if programme_part is not None:
        annex = programme(programme_part, days or [], language=language)
        blocks += annex.blocks
        missing += annex.missing
    return Drafted(
        title=wording.sentence(convention, language, "letter/subject", context),
        blocks=blocks,
        missing=missing,
        language=language,
        file_stem=f"{records.meeting.code}_letter_{kind}_{records.on.isoformat()}",
    )


def _lines(head) -> list[str]:
    return [line for line in (head.lines if head else "").splitlines() if line.strip()]


def _signature(records) -> list[str]:
    head = records.letterhead
    if head is not None and head.signature.strip():
        return [line.strip() for line in head.signature.splitlines() if line.strip()]
    president = records.president
    if president is None:
        return []
    return [text for text in (president.description, str(president.person)) if text]


def note_body(drafted: Drafted) -> str:
    """The paragraphs of a drafted note verbale between its reference and its date, for the
    Secretariat to edit (`content.convening_note(..., body=)` frames them again)."""
    texts = [block.text for block in drafted.blocks if block.style == "masthead"]
    return "\n\n".join(texts[2:-1])
