# "16 juin 2009"; short "16/06/2009" (Django's abbreviations write June and July "jui").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

# A period (core.l10n.period), as UN French writes it: "6-13 février 2020", "29 mai-4 juin
# 2020" (and "1er-3 février 2021", core.l10n writing the first of a month).
PERIOD_FORMATS = {
    "within_month": ("j", "-", "j F Y"),
    "within_year": ("j F", "-", "j F Y"),
    "across_years": ("j F Y", "-", "j F Y"),
}
