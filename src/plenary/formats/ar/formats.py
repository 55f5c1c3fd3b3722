# "16 يونيو، 2009"; short "16/06/2009" with right-to-left marks, as Django writes it.
DATE_FORMAT = "j F، Y"
DATETIME_FORMAT = "j F، Y H:i"
SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
# Django's Arabic module does not group digits; amounts are grouped by three.
NUMBER_GROUPING = 3

# A period (core.l10n.period): "6-13 فبراير، 2020", "29 مايو-4 يونيو، 2020".
PERIOD_FORMATS = {
    "within_month": ("j", "-", DATE_FORMAT),
    "within_year": ("j F", "-", DATE_FORMAT),
    "across_years": (DATE_FORMAT, "-", DATE_FORMAT),
}
