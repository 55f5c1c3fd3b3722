# ruff: noqa: RUF001, RUF003 -- "г." is the Cyrillic abbreviation of "год" (year), not a Latin r.
# "16 июня 2009 г." (the month in the genitive); short "16.06.2009".
DATE_FORMAT = "j E Y г."
DATETIME_FORMAT = "j E Y г. H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"

# A day and month, the month in the genitive ("6 февраля"; Django's "j F" writes "6 Февраль").
MONTH_DAY_FORMAT = "j E"
# A period (core.l10n.period), an en dash between: "6–13 февраля 2020 г.", "29 мая – 4 июня
# 2020 г.".
PERIOD_FORMATS = {
    "within_month": ("j", "\u2013", DATE_FORMAT),
    "within_year": ("j E", " \u2013 ", DATE_FORMAT),
    "across_years": (DATE_FORMAT, " \u2013 ", DATE_FORMAT),
}
