from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.decisions.models import BreakKind, DecisionKind, EffectKind


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

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [("", "—")] + [(m.code, str(m)) for m in meetings]


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
