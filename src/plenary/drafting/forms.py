"""The Secretariat's forms on a part's report: add a text by hand, change one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.drafting.models import Placement

REASON_HELP = _("Why, for the history of the report (optional).")


class AddTextForm(forms.Form):
    after = forms.ChoiceField(
        label=_("Paragraph"), help_text=_("The drafted paragraph the text is placed at.")
    )
    placement = forms.ChoiceField(
        label=_("Placement"), choices=Placement.choices, initial=Placement.PARAGRAPH
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        max_value=999,
        initial=1,
        help_text=_("Order among the texts placed at the same paragraph."),
    )
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("Reason"), max_length=100, required=False, help_text=REASON_HELP
    )

    def __init__(self, *args, keys: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["after"].choices = keys


class ChangeTextForm(forms.Form):
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("Reason"), max_length=100, required=False, help_text=REASON_HELP
    )
