from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from plenary.reminders.models import ReminderKind


class PreferencesForm(forms.Form):
    # The user's own language (User.language): every e-mail of plenary is written in it.
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    subscribed = forms.BooleanField(label=_("Send me reminders by e-mail"), required=False)
    missed_notices = forms.BooleanField(
        label=_("Also tell me when a deadline has passed unmet"), required=False
    )
    kinds = forms.MultipleChoiceField(
        label=_("Remind me of"),
        choices=ReminderKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)
