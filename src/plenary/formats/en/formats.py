# United Nations English writes the day first ("30 April 2021", UN Editorial Manual),
# not Django's American "April 30, 2021" and "04/30/2021"; short "30 Apr 2021".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
MONTH_DAY_FORMAT = "j F"

# A period (core.l10n.period) by what its days share (rules.deadlines.period_shape): the
# first day's format, what comes between, the last day's: "6-13 February 2020".
PERIOD_FORMATS = {
    "within_month": ("j", "-", "j F Y"),
    "within_year": ("j F", "-", "j F Y"),
    "across_years": ("j F Y", "-", "j F Y"),
}
