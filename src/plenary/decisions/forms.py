from django import forms
from django.utils.translation import gettext_lazy as _


class BreakSilenceForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for breaking the silence"), widget=forms.Textarea(attrs={"rows": 4})
    )
