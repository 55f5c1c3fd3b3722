from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.action_plan.computations import COMPUTATIONS
from plenary.action_plan.models import (
    Action,
    ActionPlan,
    AddressedTo,
    IndicatorKind,
    Section,
    ThematicArea,
    Visibility,
)
from plenary.action_plan.services import QuestionSpec, SectionSpec
from plenary.core.forms import ByNameChoiceField, ByNameMultipleChoiceField
from plenary.core.translations import text_in
from plenary.treaties.models import Organisation, State


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
                    label=_("Question %(number)s. %(text)s")
                    % {"number": question.number, "text": text_in(question, "text")},
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
    state = ByNameChoiceField(
        label=_("State"), queryset=State.objects.all(), required=False, to_field_name="iso3"
    )
    source = forms.CharField(label=_("Source"), widget=forms.Textarea(attrs={"rows": 2}))


SECTIONS_ON_THE_FORM = 3


class ConsultationForm(forms.Form):
    """A consultation's document: up to three sections, each a thematic area (or a title)
    and its questions, one per line."""

    title = forms.CharField(label=_("Title"), max_length=300)
    issued_by = forms.CharField(label=_("Issued by"), max_length=200)
    addressees = forms.CharField(
        label=_("Addressees, as the letter names them"), max_length=500, required=False
    )
    addressed_to = forms.ChoiceField(
        label=_("States that may contribute"),
        choices=AddressedTo.choices,
        initial=AddressedTo.STATES_PARTIES,
    )
    states = ByNameMultipleChoiceField(
        label=_("The States chosen"),
        queryset=State.objects.all(),
        to_field_name="iso3",
        required=False,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("The organisations chosen"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    addresses_organisations = forms.BooleanField(
        label=_("Also addressed to organisations"), required=False
    )
    deadline_on = forms.DateField(
        label=_("Deadline for contributions"), widget=forms.DateInput(attrs={"type": "date"})
    )
    visibility = forms.ChoiceField(label=_("Contributions are seen by"), choices=Visibility.choices)

    plan = forms.ModelChoiceField(
        label=_("The action plan it accompanies (if any)"),
        queryset=ActionPlan.objects.none(),
        to_field_name="code",
        required=False,
    )

    def __init__(self, *args, convention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = ActionPlan.objects.filter(convention=convention)
        areas = ThematicArea.objects.filter(convention=convention)
        for n in range(1, SECTIONS_ON_THE_FORM + 1):
            self.fields[f"area_{n}"] = forms.ModelChoiceField(
                label=_("Section %(n)s: thematic area") % {"n": n},
                queryset=areas,
                to_field_name="slug",
                required=False,
            )
            self.fields[f"section_title_{n}"] = forms.CharField(
                label=_("Section %(n)s: title (the area's name if blank)") % {"n": n},
                max_length=300,
                required=False,
            )
            self.fields[f"questions_{n}"] = forms.CharField(
                label=_("Section %(n)s: questions, one per line") % {"n": n},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def section_fields(self):
        return [
            (
                n,
                [
                    self[f"area_{n}"],
                    self[f"section_title_{n}"],
                    self[f"questions_{n}"],
                ],
            )
            for n in range(1, SECTIONS_ON_THE_FORM + 1)
        ]

    def sections(self) -> list[SectionSpec]:
        specs = []
        for n in range(1, SECTIONS_ON_THE_FORM + 1):
            lines = self.cleaned_data.get(f"questions_{n}", "").splitlines()
            questions = [QuestionSpec(line.strip()) for line in lines if line.strip()]
            area = self.cleaned_data.get(f"area_{n}")
            title = self.cleaned_data.get(f"section_title_{n}", "").strip()
            if not questions and not title:
                continue
            specs.append(
                SectionSpec(
                    number=str(len(specs) + 1),
                    title=title or (area.name if area else str(_("Questions"))),
                    questions=questions,
                    area=area,
                )
            )
        return specs


class DeadlineForm(forms.Form):
    deadline_on = forms.DateField(
        label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


def _source_field():
    return forms.CharField(
        label=_("Source"),
        help_text=_("The decision or document this comes from."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PlanForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=10, help_text=_("e.g. DAP, LAP"))
    name = forms.CharField(label=_("Name"), max_length=200)
    first_year = forms.IntegerField(label=_("First year"), min_value=1900, max_value=2200)
    last_year = forms.IntegerField(label=_("Last year"), min_value=1900, max_value=2200)
    adopted = forms.CharField(label=_("Decision adopting it"), max_length=300, required=False)
    document_symbol = forms.CharField(label=_("Document symbol"), max_length=60, required=False)
    source = _source_field()


class AreaForm(forms.Form):
    slug = forms.SlugField(label=_("Short name (slug)"), max_length=60)
    name = forms.CharField(label=_("Name"), max_length=200)
    order = forms.IntegerField(label=_("Order"), min_value=0, initial=0)
    source = _source_field()


class SectionForm(forms.Form):
    number = forms.IntegerField(label=_("Section number"), min_value=1)
    title = forms.CharField(label=_("Section title"), max_length=200)
    area = forms.ModelChoiceField(
        label=_("Thematic area"),
        queryset=ThematicArea.objects.none(),
        required=False,
        to_field_name="slug",
    )
    source = _source_field()

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ThematicArea.objects.filter(convention=plan.convention)


class ActionForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none())
    number = forms.CharField(label=_("Action number"), max_length=10)
    text = forms.CharField(label=_("Text of the action"), widget=forms.Textarea(attrs={"rows": 3}))
    source = _source_field()

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(plan=plan).select_related("plan")


class IndicatorForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none())
    action = forms.ModelChoiceField(
        label=_("Action (blank: the section's expected results)"),
        queryset=Action.objects.none(),
        required=False,
    )
    code = forms.CharField(label=_("Indicator code"), max_length=20)
    text = forms.CharField(label=_("Indicator"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=IndicatorKind.choices,
        help_text=_("A yes/no indicator is per State; the others are overall."),
    )
    unit = forms.CharField(label=_("Unit"), max_length=20, required=False)
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), min_value=1900, max_value=2200, required=False
    )
    baseline_value = forms.DecimalField(label=_("Baseline value"), required=False)
    baseline_source = forms.CharField(label=_("Source of the baseline"), required=False)
    target_value = forms.DecimalField(label=_("Target value"), required=False)
    target_year = forms.IntegerField(
        label=_("Target year"), min_value=1900, max_value=2200, required=False
    )
    computation = forms.ChoiceField(label=_("Values"), required=False)
    source = _source_field()

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(plan=plan).select_related("plan")
        self.fields["action"].queryset = Action.objects.filter(section__plan=plan).select_related(
            "section"
        )
        self.fields["action"].label_from_instance = lambda a: f"{a.section.number}. {a}"
        self.fields["computation"].choices = [("", _("entered by the ISU or a coordinator"))] + [
            (name, _("computed: %(label)s") % {"label": c.label})
            for name, c in COMPUTATIONS.items()
        ]


class CoordinationForm(forms.Form):
    states = ByNameMultipleChoiceField(
        label=_("Coordinating States"),
        queryset=State.objects.all(),
        to_field_name="iso3",
    )
    title = forms.CharField(
        label=_("Title, as the source writes it"), max_length=300, required=False
    )
    term_from = forms.DateField(
        label=_("Term from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    term_to = forms.DateField(
        label=_("Term to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source = _source_field()
