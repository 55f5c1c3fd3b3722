"""Tags of drafting on other apps' pages: the letters and notes verbales of a meeting."""

from django import template

from plenary.drafting import selectors

register = template.Library()


@register.inclusion_tag("drafting/_dispatches.html", takes_context=True)
def dispatches(context, meeting):
    """The letters and notes verbales recorded as sent about `meeting` (one query), and
    links to write one for whoever may."""
    user = context["request"].user
    return {
        "request": context["request"],
        "meeting": meeting,
        "dispatches": selectors.dispatches_of(meeting=meeting),
        "may_write_letter": user.has_perm("drafting.write_letter", meeting),
        "may_send_note": user.has_perm("drafting.send_note_verbale", meeting),
    }


@register.inclusion_tag("drafting/_reports.html", takes_context=True)
def reports(context, meeting):
    """The reports of a meeting's parts issued as documents: symbol, revisions, adoption
    (two queries)."""
    return {
        "request": context["request"],
        "meeting": meeting,
        "reports": selectors.reports_of(meeting=meeting),
    }
