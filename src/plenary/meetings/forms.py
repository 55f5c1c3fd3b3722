from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.meetings.models import DelegateRole


class ProgrammeZoneForm(forms.Form):
    tz = forms.ChoiceField(
        label=_("Show times in"),
        required=False,
        help_text=_("The programme is planned in the venue's time zone."),
    )

    def __init__(self, *args, zones: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tz"].choices = [("", _("the venue's time zone"))] + [(z, z) for z in zones]


class DelegateForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", "—"), *DelegateRole.choices], required=False
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("role"):
            self.add_error("role", _("Give this delegate's role."))
        if data.get("role") and not data.get("name"):
            self.add_error("name", _("Give this delegate's name."))
        return data


DelegateFormSet = forms.formset_factory(DelegateForm, extra=0, min_num=6, max_num=40)


class PartsForm(forms.Form):
    parts = forms.MultipleChoiceField(
        label=_("Parts attended"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].choices = [(str(part.pk), str(part)) for part in parts]
