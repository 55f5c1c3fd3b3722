# ruff: noqa: RUF001, RUF003 -- "г." is the Cyrillic abbreviation of "год" (year), not a Latin r.
# "16 июня 2009 г." (the month in the genitive); short "16.06.2009".
DATE_FORMAT = "j E Y г."
DATETIME_FORMAT = "j E Y г. H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
