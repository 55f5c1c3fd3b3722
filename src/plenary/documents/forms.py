from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.documents.models import Language, Series


class DocumentFilterForm(forms.Form):
    series = forms.ChoiceField(
        label=_("Series"),
        required=False,
        choices=[("any", _("Any")), *Series.choices],
    )
    agenda_item = forms.CharField(
        label=_("Agenda item"), required=False, max_length=10, help_text=_("e.g. 7 or 7b")
    )
    language = forms.ChoiceField(
        label=_("Available in"), required=False, choices=[("", _("Any")), *Language.choices]
    )
    q = forms.CharField(label=_("Symbol or words of the title"), required=False, max_length=200)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Symbol or words of the title"), required=False, max_length=200)


class LanguageVersionForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    is_original = forms.BooleanField(label=_("This is the original language"), required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF or Word (.docx)."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,application/pdf,application/"
                "vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        ),
    )
