# "16 de junio de 2009"; short "16/06/2009".
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

# A period (core.l10n.period), as UN Spanish writes it: "6 a 13 de febrero de 2020",
# "29 de mayo a 4 de junio de 2020".
PERIOD_FORMATS = {
    "within_month": ("j", " a ", DATE_FORMAT),
    "within_year": (r"j \d\e F", " a ", DATE_FORMAT),
    "across_years": (DATE_FORMAT, " a ", DATE_FORMAT),
}
