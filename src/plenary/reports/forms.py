from django import forms
from django.utils.translation import gettext_lazy as _

from plenary.reports.models import Channel, FormStatus, Visibility
from plenary.treaties.models import ReportKind


class StartReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=ReportKind.choices)
    year_covered = forms.IntegerField(
        label=_("Calendar year covered (annual reports)"),
        required=False,
        min_value=2000,
        max_value=2100,
    )
    visibility = forms.ChoiceField(label=_("Who may read it"), choices=Visibility.choices)


class ReceivedReportForm(StartReportForm):
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(code, name) for code, name in Channel.choices if code != "online"],
    )
    received_on = forms.DateField(
        label=_("Date received"), widget=forms.DateInput(attrs={"type": "date"})
    )
    file = forms.FileField(label=_("The report as received"), required=False)
    document = forms.CharField(label=_("Document or file reference"), required=False)


class DraftForm(forms.Form):
    """One status, year and text per form of the convention's template."""

    visibility = forms.ChoiceField(label=_("Who may read it"), choices=Visibility.choices)

    def __init__(self, *args, template_forms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.template_forms = list(template_forms)
        for form in self.template_forms:
            title = _("Form %(code)s: %(name)s") % {"code": form.code, "name": form.name}
            self.fields[f"form_{form.code}_status"] = forms.ChoiceField(
                label=_("%(form)s, status") % {"form": title}, choices=FormStatus.choices
            )
            self.fields[f"form_{form.code}_unchanged_since"] = forms.IntegerField(
                label=_("%(form)s, unchanged since the report of") % {"form": title},
                required=False,
                min_value=2000,
                max_value=2100,
            )
            self.fields[f"form_{form.code}_content"] = forms.CharField(
                label=_("%(form)s, content") % {"form": title},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @classmethod
    def initial_from(cls, version, visibility) -> dict:
        initial = {"visibility": visibility}
        for entry in version.entries.all():
            initial[f"form_{entry.form}_status"] = entry.status
            initial[f"form_{entry.form}_unchanged_since"] = entry.unchanged_since
            initial[f"form_{entry.form}_content"] = entry.content
        return initial

    def entries(self) -> dict[str, dict]:
        data = self.cleaned_data
        return {
            form.code: {
                "status": data[f"form_{form.code}_status"],
                "unchanged_since": data.get(f"form_{form.code}_unchanged_since"),
                "content": data.get(f"form_{form.code}_content", ""),
            }
            for form in self.template_forms
        }

    def fields_of(self):
        """The bound fields grouped per template form, for the template."""
        return [
            (
                form,
                self[f"form_{form.code}_status"],
                self[f"form_{form.code}_unchanged_since"],
                self[f"form_{form.code}_content"],
            )
            for form in self.template_forms
        ]
