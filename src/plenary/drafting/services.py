"""Every write of drafting: the texts the Secretariat adds by hand to a part's report."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.validation import check_may, invalid
from plenary.drafting.models import Placement, ReportKind, ReportText, Section
from plenary.meetings.models import MeetingPart

BODY_REQUIRED = _("write the text to add")
UNKNOWN_SECTION = _("the section is one of {choices}, not {value!r}")
UNKNOWN_PLACEMENT = _("the placement is one of {choices}, not {value!r}")
NEEDS_ANCHOR = _("words that open or end a paragraph name that paragraph (after)")
UNKNOWN_KIND = _("the report is one of {choices} (or blank for every report), not {value!r}")
PLACE_TAKEN = _("a text is already at position {position} after {after!r} in this section")
DAY_OUTSIDE_PART = _("{day} is not a day of part {number} ({starts} to {ends})")
NOT_THE_SECRETARIAT = _("only the Secretariat adds texts to a report")


def _check(*, part, section, report_kind, body, on, after, position, exclude=None) -> None:
    if section not in Section.values:
        raise invalid(
            "section", UNKNOWN_SECTION.format(choices=", ".join(Section.values), value=section)
        )
    if report_kind and report_kind not in ReportKind.values:
        raise invalid(
            "report_kind",
            UNKNOWN_KIND.format(choices=", ".join(ReportKind.values), value=report_kind),
        )
    if not body.strip():
        raise invalid("body", BODY_REQUIRED)
    if on is not None and not part.starts_on <= on <= part.ends_on:
        raise invalid(
            "on",
            DAY_OUTSIDE_PART.format(
                day=on, number=part.number, starts=part.starts_on, ends=part.ends_on
            ),
        )
    taken = ReportText.objects.filter(
        part=part, report_kind=report_kind, section=section, after=after, position=position
    )
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise invalid("position", PLACE_TAKEN.format(position=position, after=after))


def _check_author(by, part) -> None:
    check_may(by, "drafting.add_report_text", NOT_THE_SECRETARIAT, part)


@transaction.atomic
def add_report_text(
    *,
    part: MeetingPart,
    section: str,
    body: str,
    after: str = "",
    position: int = 1,
    placement: str = "paragraph",
    on: date | None = None,
    report_kind: str = "",
    source: str = "",
    reason: str = "",
    by=None,
) -> ReportText:
    """Add a hand-written text to the report of a part.

    Steps: check the author is the Secretariat (None: a command or the reference
    loader), the section and report kind are known, the body is not empty, the day is a
    day of the part and the place is free; then save it, attributed (`reason`, the
    history's change reason).
    """
    _check_author(by, part)
    after = after.strip()
    if placement not in Placement.values:
        raise invalid(
            "placement",
            UNKNOWN_PLACEMENT.format(choices=", ".join(Placement.values), value=placement),
        )
    if placement != Placement.PARAGRAPH and not after:
        raise invalid("after", NEEDS_ANCHOR)
    _check(
        part=part,
        section=section,
        report_kind=report_kind,
        body=body,
        on=on,
        after=after,
        position=position,
    )
    text = ReportText(
        part=part,
        report_kind=report_kind,
        section=section,
        after=after,
        position=position,
        placement=placement,
        on=on,
        body=body.strip(),
        source=source,
        added_by=by if getattr(by, "is_authenticated", False) else None,
    )
    attribute(text, by=by, reason=reason.strip() or "Text added to the report")
    text.save()
    return text


@transaction.atomic
def change_report_text(*, text: ReportText, body: str, reason: str = "", by=None) -> ReportText:
    """Change the wording of a hand-written text (its history keeps the earlier wording).

    Steps: check the author and that the body is not empty; save, attributed.
    """
    _check_author(by, text.part)
    if not body.strip():
        raise invalid("body", BODY_REQUIRED)
    text.body = body.strip()
    attribute(text, by=by, reason=reason.strip() or "Text of the report changed")
    text.save(update_fields=["body"])
    return text
