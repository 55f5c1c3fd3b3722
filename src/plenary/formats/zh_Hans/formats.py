# "2009年6月16日" for long and short dates alike.
DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"
SHORT_DATE_FORMAT = "Y年n月j日"
SHORT_DATETIME_FORMAT = "Y年n月j日 H:i"
# Django's module groups by four with no separator; amounts in UN Chinese documents are
# written with a comma every three digits ("1,234,567.89").
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
