from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.treaties.models import State


def question_field(question) -> str:
    return f"q{question.pk}"


class ContributionForm(forms.Form):
    """One text box per question of the consultation, and an optional attachment."""

    attachment = forms.FileField(
        label=_("Attachment (PDF or Word .docx, optional)"), required=False
    )

    def __init__(self, *args, consultation, contribution=None, **kwargs):
        super().__init__(*args, **kwargs)
        given = {a.question_id: a.text for a in contribution.answers.all()} if contribution else {}
        fields = {}
        for section in consultation.sections.all():
            for question in section.questions.all():
                fields[question_field(question)] = forms.CharField(
                    label=f"Question {question.number}. {question.text}",
                    required=False,
                    initial=given.get(question.pk, ""),
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
        fields["attachment"] = self.fields.pop("attachment")
        self.fields = fields
        self.questions = [q for s in consultation.sections.all() for q in s.questions.all()]
        self.consultation = consultation

    def grouped(self):
        """[(section, [bound fields of its questions])], in the document's order."""
        return [
            (section, [self[question_field(q)] for q in section.questions.all()])
            for section in self.consultation.sections.all()
        ]

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(question_field(q), "") for q in self.questions}


class IndicatorValueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"))
    value = forms.DecimalField(label=_("Value"), required=False)
    answer = forms.TypedChoiceField(
        label=_("Answer"),
        required=False,
        choices=[("", "—"), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
    )
    state = forms.ModelChoiceField(
        label=_("State"), queryset=State.objects.all(), required=False, to_field_name="iso3"
    )
    source = forms.CharField(label=_("Source"), widget=forms.Textarea(attrs={"rows": 2}))
