# "2009年6月16日" for long and short dates alike.
DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATE_FORMAT = "Y年n月j日"
SHORT_DATETIME_FORMAT = "Y年n月j日 H:i"
# Django's module groups by four with no separator; amounts in UN Chinese documents are
# written with a comma every three digits ("1,234,567.89").
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# A day and month without a leading zero ("2月6日"; Django's "m月j日" writes "02月6日").
MONTH_DAY_FORMAT = "n月j日"
# A period (core.l10n.period), the first day in full and then what the last day adds, as UN
# Chinese writes it: "2020年2月6日至13日", "2020年5月29日至6月4日".
PERIOD_FORMATS = {
    "within_month": ("Y年n月j日", "至", "j日"),
    "within_year": ("Y年n月j日", "至", "n月j日"),
    "across_years": ("Y年n月j日", "至", "Y年n月j日"),
}
