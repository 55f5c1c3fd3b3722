from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plenary.documents import services
from plenary.documents.models import DocumentStatus, Language, Series, Submitter


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
    title = forms.CharField(
        label=_("Title in this language"),
        max_length=500,
        required=False,
        help_text=_(
            "As this version prints it; blank keeps the title on record. The original's title"
            " is the document's."
        ),
    )
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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            services.check_upload(upload)
        except ValidationError as error:
            raise ValidationError(error.message_dict["file"]) from None
        return upload


class IssueDocumentForm(forms.Form):
    series = forms.ChoiceField(label=_("Series"), choices=Series.choices, required=False)
    changes = forms.ChoiceField(
        label=_("Or a change of the document"),
        required=False,
        help_text=_("A revision, corrigendum or addendum takes the next number of its kind."),
    )
    change = forms.ChoiceField(
        label=_("Kind of change"),
        choices=[
            ("Rev", _("revision (Rev.)")),
            ("Corr", _("corrigendum (Corr.)")),
            ("Add", _("addendum (Add.)")),
        ],
        required=False,
    )
    title = forms.CharField(label=_("Title"), max_length=500, required=False)
    submitted_by = forms.ChoiceField(label=_("Submitted by"), choices=Submitter.choices)
    agenda_items = forms.TypedMultipleChoiceField(
        label=_("Agenda items"), coerce=int, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (DocumentStatus.ISSUED, DocumentStatus.ISSUED.label),
            (DocumentStatus.ADVANCE, DocumentStatus.ADVANCE.label),
        ],
    )

    def __init__(self, *args, documents, agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changes"].choices = [("", "—")] + [(d.symbol, d.symbol) for d in documents]
        self.fields["agenda_items"].choices = [(item.pk, str(item)[:80]) for item in agenda]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Mark as"), choices=DocumentStatus.choices)


class VersionTitleForm(forms.Form):
    """The title a language version prints; a blank one removes it."""

    language = forms.ChoiceField(label=_("Language version"))
    title = forms.CharField(
        label=_("Title in that language"),
        max_length=500,
        required=False,
        help_text=_("Blank removes it: readers in that language then see the original's."),
    )

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (v.language, v.get_language_display())
            for v in document.versions.all()
            if not v.is_original
        ]
