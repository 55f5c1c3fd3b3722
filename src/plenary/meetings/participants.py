"""The list of participants as a drafted document: a pure function of the register.

`list_of_participants` turns the rows of `selectors.register_of` (the accredited
delegations by the convention's categories, members as the reader may see them) into the
drafting app's `Drafted` content, which `drafting.render` writes as .docx or HTML: the
meeting's symbol root and its INF symbol when issued, the title, then one heading per
category of the rules of procedure with each delegation and its members in order.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plenary.drafting.content import Block, Drafted

NO_INF_SYMBOL = gettext_lazy("[symbol not yet allocated]")


def _member_line(member) -> str:
    who = " ".join(part for part in (member.title, member.name) if part)
    line = f"{who}, {member.function}" if member.function else who
    line = f"{line} ({member.role_label})"
    return f"{line}, {member.email}" if member.email else line


def list_of_participants(*, meeting, categories, symbol: str = "", language: str = "en"):
    """The list of participants of `meeting` from `categories` (selectors.register_of)."""
    title = _("List of participants")
    blocks = [
        Block("masthead", symbol or str(NO_INF_SYMBOL), style="masthead"),
        Block("masthead", meeting.title, style="masthead"),
        Block("title", title),
    ]
    missing = []
    for category in categories:
        if not category.participants:
            continue
        blocks.append(Block("heading", str(category.name), key=category.code))
        for participant in category.participants:
            blocks.append(Block("text", participant.name, style="slot", key=category.code))
            for member in participant.members:
                blocks.append(Block("text", _member_line(member)))
            if participant.unlisted:
                blocks.append(
                    Block(
                        "text",
                        _("%(count)s member(s) not listed (no consent to publication)")
                        % {"count": participant.unlisted},
                        style="sub_item",
                    )
                )
    if not any(category.participants for category in categories):
        note = _("No delegation of this meeting is accredited yet.")
        missing.append(note)
        blocks.append(Block("missing", note))
    return Drafted(
        title=title,
        blocks=blocks,
        missing=missing,
        language=language,
        file_stem=f"{meeting.code}_list_of_participants",
    )
