"""The reminder e-mails in English, French and Spanish.

Kept here rather than in the project's gettext catalogue: the e-mail is written in the
recipient's chosen language by a background worker, whatever language a page is in, and
its wording is the reminders app's own. Dates are written out with the month's name in
that language.
"""

from datetime import date, datetime

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

SUBJECT_BEFORE = {
    "en": "Reminder: {subject}, due {day}",
    "fr": "Rappel : {subject}, échéance le {day}",
    "es": "Recordatorio: {subject}, vence el {day}",
}
SUBJECT_MISSED = {
    "en": "Deadline passed: {subject}, due {day}",
    "fr": "Échéance dépassée : {subject}, échue le {day}",
    "es": "Plazo vencido: {subject}, venció el {day}",
}
BODY_BEFORE = {
    "en": "{subject}\n\nDue by {time} on {day} ({zone} time): in {days} day(s).\n{note}{link}\n",
    "fr": (
        "{subject}\n\nÉchéance : {time} le {day} (heure de {zone}), dans {days} jour(s).\n"
        "{note}{link}\n"
    ),
    "es": (
        "{subject}\n\nVence a las {time} del {day} (hora de {zone}), dentro de {days} día(s).\n"
        "{note}{link}\n"
    ),
}
BODY_MISSED = {
    "en": (
        "{subject}\n\nThe deadline passed at {time} on {day} ({zone} time) and is not met on "
        "record.\n{note}{link}\n"
    ),
    "fr": (
        "{subject}\n\nL'échéance est passée à {time} le {day} (heure de {zone}) et n'est pas "
        "respectée selon nos registres.\n{note}{link}\n"
    ),
    "es": (
        "{subject}\n\nEl plazo venció a las {time} del {day} (hora de {zone}) y no consta como "
        "cumplido.\n{note}{link}\n"
    ),
}
FOOTER = {
    "en": (
        "\n--\nYou receive this because of your reminder preferences in plenary.\n"
        "Unsubscribe: {unsubscribe}\nPreferences: {preferences}\n"
    ),
    "fr": (
        "\n--\nVous recevez ce message en raison de vos préférences de rappel dans plenary.\n"
        "Se désabonner : {unsubscribe}\nPréférences : {preferences}\n"
    ),
    "es": (
        "\n--\nRecibe este mensaje por sus preferencias de recordatorio en plenary.\n"
        "Cancelar la suscripción: {unsubscribe}\nPreferencias: {preferences}\n"
    ),
}


def long_date(day: date, language: str) -> str:
    month = MONTHS[language][day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


def compose(
    *,
    language: str,
    missed: bool,
    subject: str,
    day: date,
    ends_local: datetime,
    zone: str,
    days_left: int,
    note: str,
    link: str,
    unsubscribe: str,
    preferences: str,
) -> tuple[str, str]:
    """The subject line and the body of one reminder."""
    language = language if language in MONTHS else "en"
    when = long_date(day, language)
    fields = {
        "subject": subject,
        "day": when,
        "time": f"{ends_local:%H:%M:%S}",
        "zone": zone,
        "days": days_left,
        "note": f"{note}\n" if note else "",
        "link": link,
    }
    title = (SUBJECT_MISSED if missed else SUBJECT_BEFORE)[language].format(**fields)
    body = (BODY_MISSED if missed else BODY_BEFORE)[language].format(**fields)
    footer = FOOTER[language].format(unsubscribe=unsubscribe, preferences=preferences)
    return title, body + footer
