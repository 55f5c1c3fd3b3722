from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plenary.core.convention_texts import label
from plenary.core.forms import ByNameChoiceField
from plenary.meetings.models import (
    CredentialsKind,
    DelegateRole,
    MeetingFormat,
    OfficerAct,
    OfficerRole,
)
from plenary.meetings.services import PartPlan
from plenary.treaties.models import State

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


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
    function = forms.CharField(label=_("Function"), max_length=300, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    publish = forms.BooleanField(label=_("Listed"), required=False)

    def __init__(self, *args, without_email=frozenset(), **kwargs):
        # The names of members registered before e-mail addresses were asked for.
        self.without_email = without_email
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("role"):
            self.add_error("role", _("Give this delegate's role."))
        if data.get("role") and not data.get("name"):
            self.add_error("name", _("Give this delegate's name."))
        name = (data.get("name") or "").strip()
        if name and not (data.get("email") or "").strip() and name not in self.without_email:
            self.add_error("email", _("Give this delegate's e-mail address."))
        return data


DelegateFormSet = forms.formset_factory(DelegateForm, extra=0, min_num=6, max_num=1000)


class PartsForm(forms.Form):
    parts = forms.MultipleChoiceField(
        label=_("Parts attended"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].choices = [(str(part.pk), str(part)) for part in parts]


class DelegationForm(PartsForm):
    """The parts attended, the note verbale or credentials and, for the Secretariat after
    the deadline, the reason for a change: the fields of a registration besides its
    members. The file is checked by the service, by its content."""

    credentials = forms.FileField(
        label=_("Note verbale or credentials (PDF)"),
        required=False,
        help_text=_("One PDF for the whole delegation; a new file replaces the one sent."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    credentials_kind = forms.ChoiceField(
        label=_("The file is"), choices=CredentialsKind.choices, required=False
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=500,
        required=False,
        help_text=_("After the deadline the Secretariat gives the reason; it is kept."),
    )

    def __init__(self, *args, secretariat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not secretariat:
            del self.fields["reason"]


class AccreditForm(forms.Form):
    """Accredit one delegation: the button carries which."""

    delegation = forms.CharField(widget=forms.HiddenInput)


class ApprovalForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("Decision of the meeting"), coerce=int, required=False, empty_value=None
    )
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=DATE)
    reference = forms.CharField(
        label=_("Reference of the decision"),
        max_length=300,
        required=False,
        help_text=_("e.g. the paragraph of the report; blank: the decision's symbol."),
    )

    def __init__(self, *args, decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("", "—")] + [
            (decision.pk, str(decision)[:90]) for decision in decisions
        ]


# One member more for "Add a member": the page adds rows without a script.
def delegate_formset(*, extra: int = 0):
    return forms.formset_factory(DelegateForm, extra=extra, min_num=6, max_num=1000)


def show_refusal(form: forms.Form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on the field it names when the form has that
    field, above the form otherwise (a Django form raises on an unknown field's name)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of meeting"))
    code = forms.CharField(
        label=_("Code"), max_length=40, help_text=_("Its short name in addresses, e.g. 14MSP.")
    )
    number = forms.IntegerField(label=_("Number"), min_value=1, required=False)
    symbol_root = forms.CharField(
        label=_("Symbol root"), max_length=40, required=False, help_text=_("e.g. CCM/MSP/2026")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    convening_reference = forms.CharField(
        label=_("Mandate"),
        max_length=300,
        required=False,
        help_text=_("The decision or resolution that convenes it."),
    )
    convened_by = forms.CharField(label=_("Convened by"), max_length=200, required=False)
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=60,
        required=False,
        help_text=_("An IANA zone; blank: the zone of the convention's secretariat."),
    )

    def __init__(self, *args, convention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (kind.code, label(convention.rules, kind.name).text)
            for kind in convention.rules.meeting_kinds
        ]


class PartForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts on"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DATE)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", "—"), *MeetingFormat.choices], required=False
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    platform = forms.CharField(label=_("Platform"), max_length=100, required=False)
    time_zone = forms.CharField(label=_("Time zone"), max_length=60, required=False)
    registration_deadline = forms.DateField(
        label=_("Registration deadline"), required=False, widget=DATE
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("starts_on")) != bool(data.get("ends_on")) and not self.errors:
            self.add_error("ends_on", _("A part has a first and a last day."))
        return data


PartFormSet = forms.formset_factory(PartForm, extra=0, min_num=1, max_num=20)


def part_plans(formset) -> list:
    """The parts a valid formset plans, numbered in order; rows without dates are unused."""
    rows = [row for row in formset.cleaned_data if row.get("starts_on")]
    return [
        PartPlan(
            number=number,
            starts_on=row["starts_on"],
            ends_on=row["ends_on"],
            format=row.get("format", ""),
            venue=row.get("venue", ""),
            city=row.get("city", ""),
            platform=row.get("platform", ""),
            time_zone=row.get("time_zone", ""),
            registration_deadline=row.get("registration_deadline"),
        )
        for number, row in enumerate(rows, start=1)
    ]


class ReplanForm(forms.Form):
    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=300,
        required=False,
        help_text=_("The decision behind the change, e.g. a silence procedure."),
    )
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=DATE)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea)
    silence_procedure = forms.TypedChoiceField(
        label=_("Silence procedure"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("The adopted silence procedure that decided it, if any."),
    )
    decision = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("The decision in plenary that decided it, if any."),
    )

    def __init__(self, *args, procedures=(), decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["silence_procedure"].choices = [("", "—")] + [
            (procedure.pk, f"{procedure.period}: {procedure.subject}"[:120])
            for procedure in procedures
        ]
        self.fields["decision"].choices = [("", "—")] + [
            (decision.pk, str(decision.subject)[:120]) for decision in decisions
        ]


class OfficerForm(forms.Form):
    role = forms.ChoiceField(label=_("Office"), choices=OfficerRole.choices)
    person = forms.CharField(label=_("Person"), max_length=200, required=False)
    state = ByNameChoiceField(
        label=_("State"),
        queryset=State.objects.all(),
        required=False,
        to_field_name="iso3",
        help_text=_("For an office held by a State (Vice-Presidents)."),
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    act = forms.ChoiceField(label=_("How"), choices=OfficerAct.choices)
    act_on = forms.DateField(label=_("On"), required=False, widget=DATE)
    term = forms.CharField(label=_("Term of office"), max_length=300, required=False)


def _symbol_list(value: str) -> list[str]:
    return [symbol for symbol in value.replace(",", " ").split() if symbol]


class AgendaItemForm(forms.Form):
    number = forms.IntegerField(label=_("Item number"), min_value=1)
    letter = forms.CharField(
        label=_("Sub-item letter"), max_length=1, required=False, help_text=_("Blank for an item.")
    )
    title = forms.CharField(label=_("Title of the item"), max_length=400, required=False)
    symbols = forms.CharField(label=_("Documents (symbols)"), max_length=1000, required=False)

    def clean_symbols(self):
        return _symbol_list(self.cleaned_data["symbols"])


class AdoptAgendaForm(forms.Form):
    on = forms.DateField(label=_("Adopted on"), required=False, widget=DATE)


class SlotForm(forms.Form):
    part = forms.TypedChoiceField(label=_("Part"), coerce=int)
    day = forms.DateField(label=_("Day"), widget=DATE)
    starts_at = forms.TimeField(label=_("Starts at"), widget=TIME)
    ends_at = forms.TimeField(label=_("Ends at"), widget=TIME)

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [(part.number, str(part.number)) for part in parts]


class EntryForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Time slot"), coerce=int)
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), coerce=int, required=False, empty_value=None
    )
    text = forms.CharField(label=_("Text"), max_length=1000, required=False)
    symbols = forms.CharField(label=_("Documents (symbols)"), max_length=1000, required=False)

    def __init__(self, *args, slots, agenda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [
            (slot.pk, f"{_('part')} {slot.part.number}: {slot}") for slot in slots
        ]
        self.fields["agenda_item"].choices = [("", "—")] + [
            (item.pk, str(item)[:80]) for item in agenda
        ]

    def clean_symbols(self):
        return _symbol_list(self.cleaned_data["symbols"])


class PlenaryMeetingsForm(forms.Form):
    part = forms.TypedChoiceField(label=_("Part"), coerce=int)
    count = forms.IntegerField(label=_("Plenary meetings held"))

    def __init__(self, *args, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [(part.number, str(part.number)) for part in parts]


# The programme's draft and its releases.


class MoveSlotForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Slot to move"), coerce=int)
    part = forms.TypedChoiceField(label=_("To part"), coerce=int)
    day = forms.DateField(label=_("To day"), widget=DATE)
    starts_at = forms.TimeField(label=_("New start"), widget=TIME)
    ends_at = forms.TimeField(label=_("New end"), widget=TIME)

    def __init__(self, *args, slots, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = _slot_choices(slots)
        self.fields["part"].choices = [(part.number, str(part.number)) for part in parts]


class RemoveSlotForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Slot to remove"), coerce=int)

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = _slot_choices(slots)


class RemoveEntryForm(forms.Form):
    entry = forms.TypedChoiceField(label=_("Line to remove"), coerce=int)

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = [
            (entry.pk, f"{entry.slot}: {entry}"[:120]) for entry in entries
        ]


class ReleaseForm(forms.Form):
    note = forms.CharField(
        label=_("Note on this version"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional; the changes since the last version are listed by themselves."),
    )


def _slot_choices(slots) -> list[tuple[int, str]]:
    return [(slot.pk, f"{_('part')} {slot.part.number}: {slot}") for slot in slots]
