"""The Secretariat's forms on a part's report: add a text by hand, change one."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from plenary.drafting.models import Closing, LetterKind, NoteKind, Placement, Statement

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
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    statement = forms.ChoiceField(
        label=_("Or a statement from the records"),
        choices=[("", "—"), *Statement.choices],
        required=False,
        help_text=_("Drafted from the records in place of a text (leave the text empty)."),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=100, required=False, help_text=REASON_HELP
    )

    def __init__(self, *args, keys: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["after"].choices = keys

    def clean(self):
        data = super().clean()
        # A text, or a statement drafted from the records in its place.
        if not data.get("body", "").strip() and not data.get("statement"):
            self.add_error("body", forms.Field.default_error_messages["required"])
        return data


class ChangeTextForm(forms.Form):
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label=_("Reason"), max_length=100, required=False, help_text=REASON_HELP
    )


class ChooseLetterForm(forms.Form):
    """What the letter is about (GET): its kind, date and the record it reports."""

    kind = forms.ChoiceField(label=_("Kind of letter"), choices=LetterKind.choices)
    date = forms.DateField(label=_("Date of the letter"), required=False)
    procedure = forms.TypedChoiceField(
        label=_("Silence procedure"), coerce=int, required=False, empty_value=None
    )
    consultation = forms.TypedChoiceField(
        label=_("Written consultation"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, procedures=(), consultations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", "—")] + [
            (p.pk, f"{p.circulated_on:%d.%m.%Y} {p.subject}") for p in procedures
        ]
        self.fields["consultation"].choices = [("", "—")] + [(c.pk, c.title) for c in consultations]


class LetterForm(forms.Form):
    """The letter as the President edits it before recording it as sent."""

    sent_on = forms.DateField(label=_("Date sent"))
    addressees = forms.CharField(
        label=_("Addressees"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One addressee a line."),
    )
    body = forms.CharField(
        label=_("Body"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Drafted from the records; a blank line parts paragraphs."),
    )
    closing = forms.ChoiceField(label=_("Closing"), choices=Closing.choices)
    annexes = forms.MultipleChoiceField(
        label=_("Annexes"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annexes"].choices = [(d.symbol, f"{d.symbol} {d.title}") for d in documents]


class LetterheadForm(forms.Form):
    lines = forms.CharField(
        label=_("Letterhead"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    reference = forms.CharField(label=_("Reference"), max_length=120, required=False)
    reference_label = forms.CharField(
        label=_("Reference label"), max_length=40, required=False, help_text=_("e.g. Référence :")
    )
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    signature = forms.CharField(
        label=_("Signature"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class ChooseNoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of note verbale"), choices=NoteKind.choices)
    date = forms.DateField(label=_("Date of the note"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the note"), choices=settings.LANGUAGES, required=False
    )


class NoteVerbaleForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference"), max_length=120, help_text=_("e.g. ODA-2020-00130-CCM")
    )
    sent_on = forms.DateField(label=_("Date sent"))
    addressees = forms.CharField(label=_("Addressees"), widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 18}))


class IssueReportForm(forms.Form):
    """The Secretariat issues the drafted report as a document of the meeting."""

    series = forms.ChoiceField(
        label=_("Series"),
        choices=[("L", _("limited distribution (L)")), ("CRP", _("conference room papers (CRP)"))],
        initial="L",
    )
    issued_on = forms.DateField(label=_("Issued on"), required=False)


class ReviseReportForm(forms.Form):
    issued_on = forms.DateField(label=_("Revision issued on"), required=False)


class AdoptReportForm(forms.Form):
    adopted_on = forms.DateField(label=_("Adopted on"))
    as_orally_amended = forms.BooleanField(label=_("As orally amended"), required=False)
    decision = forms.TypedChoiceField(
        label=_("Decision in plenary"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("", "—")] + [
            (d.pk, f"{d.get_kind_display()}: {d.subject[:80]}") for d in decisions
        ]
