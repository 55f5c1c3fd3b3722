"""Dates and numbers per language (settings.FORMAT_MODULE_PATH).

Django looks a format up here first and falls back to its own locale's module, name by
name. Pages write dates with the named formats (`|date:"DATE_FORMAT"`, `"SHORT_DATE_FORMAT"`,
`"DATETIME_FORMAT"`), never with a pattern, so each language gets its own order and words.
Short dates never use an abbreviated month name outside English: Django's French
abbreviations write both June and July "jui", so "16 Jui 2009" could be either.
"""
