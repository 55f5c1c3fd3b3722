"""The Secretariat's finance forms: each feeds one service of finance.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.core import l10n
from plenary.finance.models import BudgetPeriod, CostCategory

LINES = 5


def _date(label, required=True):
    return forms.DateField(
        label=label, required=required, widget=forms.DateInput(attrs={"type": "date"})
    )


def _amount(label, required=True):
    return forms.DecimalField(
        label=label, required=required, min_value=0, max_digits=14, decimal_places=2
    )


class CostEstimateForm(forms.Form):
    meeting = forms.ChoiceField(label=_("Meeting"))
    document_symbol = forms.CharField(label=_("Document of the estimate"), max_length=60)
    approved_by = forms.CharField(
        label=_("Decision approving it"), max_length=300, help_text=_("e.g. a report paragraph")
    )
    approved_on = _date(_("Date of the decision"), required=False)

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [(m.code, str(m)) for m in meetings]
        for n in range(1, LINES + 1):
            self.fields[f"line_{n}_category"] = forms.ChoiceField(
                label=_("Line %(n)s: category") % {"n": n},
                choices=[("", "—"), *CostCategory.choices],
                required=False,
            )
            self.fields[f"line_{n}_description"] = forms.CharField(
                label=_("Line %(n)s: description") % {"n": n}, max_length=300, required=False
            )
            self.fields[f"line_{n}_estimated"] = _amount(
                _("Line %(n)s: estimated cost (US$)") % {"n": n}, required=False
            )

    def lines(self) -> list[tuple[str, object, str]]:
        rows = []
        for n in range(1, LINES + 1):
            category = self.cleaned_data.get(f"line_{n}_category")
            amount = self.cleaned_data.get(f"line_{n}_estimated")
            if category or amount is not None:
                rows.append((category or "", amount, self.cleaned_data[f"line_{n}_description"]))
        return rows


class IssueForm(forms.Form):
    issued_on = _date(_("Date of issue"))
    due_on = _date(_("Due date"))


class ActualCostForm(forms.Form):
    line = forms.TypedChoiceField(label=_("Line item"), coerce=int)
    actual = _amount(_("Actual cost (US$)"))

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [(line.pk, str(line)) for line in lines]


class PaymentForm(forms.Form):
    assessment = forms.TypedChoiceField(label=_("Assessment of"), coerce=int)
    received_on = _date(_("Date received"))
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2)
    currency = forms.CharField(
        label=_("Currency"), max_length=3, help_text=_("ISO 4217 code, e.g. USD")
    )
    exchange_rate = forms.DecimalField(
        label=_("Exchange rate"),
        required=False,
        max_digits=18,
        decimal_places=8,
        help_text=_(
            "Where the currency is not the assessment's: units of the assessment's currency "
            "per unit paid."
        ),
    )
    rate_date = _date(_("Date of the exchange rate"), required=False)
    reference = forms.CharField(label=_("Payment reference"), max_length=100)

    def __init__(self, *args, assessments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].choices = [
            (a.pk, f"{a.state} ({a.get_kind_display()}: {a.amount})")
            for a in l10n.in_name_order(assessments, lambda a: str(a.state))
        ]


class IsuBudgetForm(forms.Form):
    kind = forms.ChoiceField(label=_("Budget period"), choices=BudgetPeriod.choices)
    first_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("Last year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=300)
    document_symbol = forms.CharField(label=_("Document"), max_length=60, required=False)
    total = _amount(_("Total (US$)"), required=False)
    decision = forms.CharField(label=_("Decision adopting it"), max_length=300, required=False)


class ContributionForm(forms.Form):
    state = forms.ChoiceField(label=_("Contributing State"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(label=_("Amount"), max_digits=14, decimal_places=2)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    received_on = _date(_("Date received"), required=False)
    reference = forms.CharField(label=_("Reference"), max_length=100, required=False)

    def __init__(self, *args, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [(s.iso3, str(s)) for s in l10n.in_name_order(states)]
