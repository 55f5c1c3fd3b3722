from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.treaties.models import ObligationKind, ReportKind
from plenary.treaties.selectors import STATUSES


class OnDateForm(forms.Form):
    on = forms.DateField(
        label=_("Status on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class StateFilterForm(OnDateForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), *[(s, s.replace("_", " ")) for s in STATUSES]],
    )
    obligation = forms.ChoiceField(
        label=_("Obligation"),
        required=False,
        choices=[("", _("Any")), *ObligationKind.choices],
    )
    q = forms.CharField(label=_("Name or code"), required=False, max_length=100)


class TransparencyReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=ReportKind.choices)
    year_covered = forms.IntegerField(
        label=_("Calendar year covered (annual reports)"),
        required=False,
        min_value=2010,
        max_value=2100,
    )
    received_on = forms.DateField(
        label=_("Date received"), widget=forms.DateInput(attrs={"type": "date"})
    )
    document = forms.CharField(label=_("Document or file reference"), required=False)
