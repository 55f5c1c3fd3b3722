from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.treaties.models import Instrument, ObligationKind, ReportKind
from plenary.treaties.selectors import STATUSES


class OnDateForm(forms.Form):
    on = forms.DateField(
        label=_("Status on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


STATUS_LABELS = {
    "state_party": _("State Party"),
    "deposited": _("Deposited, not yet in force"),
    "signatory": _("Signatory"),
    "not_party": _("Not party"),
}


class StateFilterForm(OnDateForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), *[(s, STATUS_LABELS[s]) for s in STATUSES]],
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


# The Secretariat's registry forms (issue 17): each is one depositary event.
def _date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


NOTIFICATION_HELP = _("The depositary notification (C.N.) that reports the act.")


class SignatureForm(forms.Form):
    signed_on = _date_field(_("Date of signature"))
    notification = forms.CharField(
        label=_("Notification of the signature"), max_length=200, help_text=NOTIFICATION_HELP
    )


class DepositForm(forms.Form):
    instrument = forms.ChoiceField(label=_("Kind of instrument"), choices=Instrument.choices)
    deposited_on = _date_field(_("Date of deposit"))
    notification = forms.CharField(
        label=_("Notification of the deposit"), max_length=200, help_text=NOTIFICATION_HELP
    )


class WithdrawalForm(forms.Form):
    received_on = _date_field(_("Date the Depositary received the instrument of withdrawal"))
    armed_conflict_ends_on = _date_field(
        _("End of the armed conflict the State is engaged in (if any)"), required=False
    )
    notification = forms.CharField(
        label=_("Notification of the withdrawal"), max_length=200, help_text=NOTIFICATION_HELP
    )


class CompletionForm(forms.Form):
    obligation = forms.TypedChoiceField(label=_("Obligation completed"), coerce=int)
    completed_on = _date_field(_("Date of completion"))
    source = forms.CharField(
        label=_("Source of the declaration"),
        max_length=500,
        help_text=_("The declaration, its document or the meeting where it was made."),
    )

    def __init__(self, *args, obligations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["obligation"].choices = [(o.pk, o.get_kind_display()) for o in obligations]


class ProvisionalApplicationForm(forms.Form):
    declared_on = _date_field(
        _("Date of the declaration"), help_text=_("The day of the instrument's deposit.")
    )
    notification = forms.CharField(
        label=_("Notification of the declaration"), max_length=200, help_text=NOTIFICATION_HELP
    )


CORRECTABLE_ACTIONS = [
    ("signature", _("Signature")),
    ("deposit", _("Deposit")),
    ("withdrawal", _("Withdrawal")),
    ("provisional_application", _("Declaration of provisional application")),
]


class CorrectionForm(forms.Form):
    action = forms.ChoiceField(label=_("Treaty action corrected"), choices=CORRECTABLE_ACTIONS)
    on = _date_field(
        _("Corrected date"),
        help_text=_("For a withdrawal: the day the Depositary received the instrument."),
    )
    instrument = forms.ChoiceField(
        label=_("Corrected kind of instrument (a deposit)"),
        required=False,
        choices=[("", _("Unchanged")), *Instrument.choices],
    )
    notification = forms.CharField(
        label=_("Corrected notification"),
        max_length=200,
        required=False,
        help_text=_("Empty keeps the notification on record."),
    )
    armed_conflict_ends_on = _date_field(
        _("End of the armed conflict the State is engaged in (a withdrawal, if any)"),
        required=False,
    )
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500)
