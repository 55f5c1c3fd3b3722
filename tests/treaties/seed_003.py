"""Facts copied from seed 003, the interim report of the Second Review Conference
(CCM/CONF/2020/L.1, 10 December 2020): the participants of its first part."""

from datetime import date

FIRST_DAY = date(2020, 11, 25)

# Paragraph 12: "The following States Parties to the Convention participated ..."
STATES_PARTIES = [
    "Afghanistan", "Albania", "Australia", "Austria", "Belgium",
    "Bolivia (Plurinational State of)", "Bosnia and Herzegovina", "Botswana", "Bulgaria",
    "Burkina Faso", "Canada", "Chile", "Colombia", "Costa Rica", "Côte d'Ivoire", "Croatia",
    "Cuba", "Czech Republic", "Ecuador", "El Salvador", "France", "Germany", "Holy See",
    "Honduras", "Iraq", "Ireland", "Italy", "Japan", "Lao People's Democratic Republic",
    "Lithuania", "Madagascar", "Maldives", "Malta", "Mauritania", "Mexico", "Montenegro",
    "Namibia", "Netherlands", "New Zealand", "Nicaragua", "North Macedonia", "Norway", "Panama",
    "Paraguay", "Peru", "Philippines", "Portugal", "Republic of Moldova", "Slovakia",
    "Slovenia", "South Africa", "Spain", "Sri Lanka", "State of Palestine", "Sweden",
    "Switzerland", "Tunisia", "United Kingdom of Great Britain and Northern Ireland", "Uruguay",
    "Zambia",
]  # fmt: skip

# Paragraph 13: "The following States signatories to the Convention participated ..."
SIGNATORIES = ["Angola", "Cyprus", "Indonesia"]

# Paragraph 14: States not party that participated as observers.
OTHER_STATES = [
    "Argentina", "Armenia", "Azerbaijan", "China", "Finland", "Kazakhstan", "Libya", "Morocco",
    "Myanmar", "Serbia", "Sudan", "Thailand", "Yemen",
]  # fmt: skip
