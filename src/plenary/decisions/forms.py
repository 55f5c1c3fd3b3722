import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.core import l10n
from plenary.decisions.models import (
    BreakKind,
    DecisionKind,
    EffectKind,
    Recommendation,
    RequestDecision,
)
from plenary.decisions.services import Condition


class BreakSilenceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Your State's answer"), choices=BreakKind.choices, initial=BreakKind.OBJECTION
    )
    reason = forms.CharField(
        label=_("Reason for breaking the silence"),
        help_text=_("For an amendment, the text your State proposes and why."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # Set by the confirmation step: the first submission shows what will be recorded.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class CirculateForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    text = forms.CharField(
        label=_("Text of the proposal"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    document_symbol = forms.CharField(
        label=_("Document symbol"), required=False, help_text=_("e.g. CCM/CONF/2020/CRP.1")
    )
    deadline_on = forms.DateField(
        label=_("Deadline (date)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    deadline_time = forms.TimeField(
        label=_("Deadline (time)"),
        initial="23:59:59",
        widget=forms.TimeInput(attrs={"type": "time", "step": "1"}),
    )
    time_zone = forms.CharField(label=_("Time zone"), max_length=60)
    effect_kind = forms.ChoiceField(label=_("Effect if adopted"), choices=EffectKind.choices)
    meeting = forms.ChoiceField(label=_("Meeting"), required=False)
    part_number = forms.IntegerField(label=_("Part"), required=False, min_value=1, initial=1)
    starts_on = forms.DateField(
        label=_("New first day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("New last day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    decision_text = forms.CharField(
        label=_("Text of the decision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    extension_requests = forms.MultipleChoiceField(
        label=_("Extension requests granted on adoption"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cost_estimate = forms.ChoiceField(label=_("Cost estimate approved on adoption"), required=False)

    def __init__(self, *args, meetings=(), requests=(), estimates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [("", "—")] + [(m.code, str(m)) for m in meetings]
        self.fields["extension_requests"].choices = [(r.pk, str(r)) for r in requests]
        self.fields["cost_estimate"].choices = [("", "—")] + [(e.pk, str(e)) for e in estimates]


class ChangeProcedureForm(forms.Form):
    deadline_on = forms.DateField(
        label=_("New deadline (date)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    deadline_time = forms.TimeField(
        label=_("New deadline (time)"),
        required=False,
        initial="23:59:59",
        widget=forms.TimeInput(attrs={"type": "time", "step": "1"}),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


def _symbols(value: str) -> list[str]:
    return [s for s in value.replace(",", " ").replace(";", " ").split() if s]


class RecordDecisionForm(forms.Form):
    part = forms.ChoiceField(label=_("Meeting part"))
    kind = forms.ChoiceField(label=_("The States Parties"), choices=DecisionKind.choices)
    subject = forms.CharField(
        label=_("Text of the decision"), widget=forms.Textarea(attrs={"rows": 4})
    )
    decided_on = forms.DateField(
        label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    agenda_items = forms.CharField(
        label=_("Agenda items"), required=False, help_text=_("Their numbers, e.g. 10, 11a")
    )
    documents = forms.CharField(
        label=_("Documents"),
        required=False,
        help_text=_("Their symbols, e.g. CCM/CONF/2020/WP.2"),
    )
    symbol = forms.CharField(label=_("Decision symbol"), required=False)
    paragraph = forms.CharField(label=_("Paragraph of the report"), required=False)
    text = forms.CharField(
        label=_("The decision as adopted"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Where it says more than its kind and subject; the report states it so."),
    )

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = {str(p.pk): p for p in parts}
        self.fields["part"].choices = [(str(p.pk), str(p)) for p in parts]

    def clean_part(self):
        return self.parts[self.cleaned_data["part"]]

    def clean_documents(self):
        return _symbols(self.cleaned_data["documents"])

    def clean_agenda_items(self):
        return _symbols(self.cleaned_data["agenda_items"])


class SubmitRequestForm(forms.Form):
    obligation = forms.ChoiceField(label=_("Obligation"))
    requested_deadline = forms.DateField(
        label=_("Requested deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    months = forms.IntegerField(label=_("Or months of extension"), required=False, min_value=1)
    meeting = forms.ChoiceField(label=_("Meeting asked to decide it"), required=False)
    work_plan = forms.CharField(
        label=_("Justification and work plan"), required=False, widget=forms.Textarea
    )
    documents = forms.CharField(
        label=_("Documents"), required=False, help_text=_("The request's symbols")
    )

    def __init__(self, *args, obligations=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.obligations = {str(o.pk): o for o in obligations}
        self.meetings = {m.code: m for m in meetings}
        self.fields["obligation"].choices = [
            (
                str(o.pk),
                _("%(state)s: Article %(article)s (%(deadline)s)")
                % {
                    "state": o.state,
                    "article": o.article,
                    "deadline": l10n.day(o.current_deadline),
                },
            )
            for o in obligations
        ]
        self.fields["meeting"].choices = [("", "—")] + [(m.code, str(m)) for m in meetings]

    def clean_obligation(self):
        return self.obligations[self.cleaned_data["obligation"]]

    def clean_meeting(self):
        return self.meetings.get(self.cleaned_data["meeting"])

    def clean_documents(self):
        return _symbols(self.cleaned_data["documents"])


class AnalysisForm(forms.Form):
    analysis_document = forms.CharField(label=_("Symbol of the analysis"))
    observations = forms.CharField(
        label=_("Observations"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DraftTextForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the draft decision"), widget=forms.Textarea(attrs={"rows": 4})
    )


class IssueDraftForm(forms.Form):
    draft_decision_document = forms.CharField(
        label=_("Symbol of the CRP"),
        required=False,
        help_text=_("Blank: issue it under the meeting's next CRP symbol."),
    )


_DUE = re.compile(r"^(?P<text>.*?)\s*\[(?P<annually>annually )?by (?P<day>\d{4}-\d{2}-\d{2})\]$")


def _condition(line: str) -> Condition:
    """ "text [annually by 2027-04-30]" -> the condition with its day."""
    found = _DUE.match(line)
    if found is None:
        return Condition(text=line)
    try:
        day = date.fromisoformat(found["day"])
    except ValueError:
        raise forms.ValidationError(_("%(day)s is not a date") % {"day": found["day"]}) from None
    return Condition(text=found["text"], due_on=day, annually=bool(found["annually"]))


class _AtPartForm(forms.Form):
    part = forms.ChoiceField(label=_("Meeting part"))
    until = forms.DateField(
        label=_("New deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    day = forms.DateField(
        label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    conditions = forms.CharField(
        label=_("Reporting conditions"),
        required=False,
        help_text=_(
            "One a line: (a), (b), ...; end a line with [by 2027-04-30] or"
            " [annually by 2027-04-30] where the decision sets the day to report on it"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, parts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = {str(p.pk): p for p in parts}
        self.fields["part"].choices = [(str(p.pk), str(p)) for p in parts]

    def clean_part(self):
        return self.parts[self.cleaned_data["part"]]

    def clean_conditions(self):
        lines = [line.strip() for line in self.cleaned_data["conditions"].splitlines()]
        return [_condition(line) for line in lines if line] or None


class RecommendForm(_AtPartForm):
    recommendation = forms.ChoiceField(label=_("Recommendation"), choices=Recommendation.choices)
    field_order = ["part", "recommendation", "until", "day", "conditions"]


class DecideForm(_AtPartForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=RequestDecision.choices)
    field_order = ["part", "decision", "until", "day", "conditions"]
