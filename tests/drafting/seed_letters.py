"""The paragraphs of the President's letters of seeds 001 (18 June 2020) and 002 (15 May
2020) that the records state, copied from the seeds word for word; the tests never read
../shared."""

LETTERHEAD = (
    "Schweizerische Eidgenossenschaft\nConfédération suisse\nConfederazione Svizzera\n"
    "Confederaziun svizra\nCH-1211 Genève 20. Mission suisse ONUG. BFX"
)
REFERENCE = "BFX/BERAL \u2013 854-03-02-09"  # the seed's en dash
REFERENCE_LABEL = "Référence :"
SIGNATURE = (
    "The Permanent Representative of Switzerland\nto the Conference on Disarmament\n"
    "Félix Baumann\nAmbassador"
)
ADDRESSEES = [
    "The Permanent Missions to the United Nations of the States Parties to the Convention on"
    " Cluster Munitions",
    "Interested international and non-governmental organisations",
]
CLOSING = (
    "Please accept, Excellencies, dear colleagues, the assurances of my highest consideration."
)

# Seed 001, paragraph 1 up to the President's own words ("to follow-up on my letter of
# 29th May regarding the preparatory process to the Review Conference").
SEED_001_CAPACITY = (
    "It is my pleasure to write to you in my capacity as President of the Second Review"
    " Conference of the Convention on Cluster Munitions (CCM)"
)
# Seed 001, paragraph 2, first sentence: the silence procedure of 9 to 16 June 2020.
SEED_001_RESULT = (
    "As indicated by the Secretariat, there have been no objections to the silence"
    " procedure moving the date of the First Preparatory Meeting of the Second Review"
    " Conference to 29th June 2020."
)
SEED_001_DATELINE = "Geneva, 18 June 2020"

# Seed 002, paragraph 1: the plan of the Conference on 15 May 2020. The seed writes
# "Lausanne, Switzerland": no record gives a part's country, so the drafted text has
# "Lausanne" alone (SEED_002_NOT_IN_RECORDS).
SEED_002_OPENING = (
    "It is my pleasure to write to you in my capacity as President of the Second Review"
    " Conference of the Convention on Cluster Munitions (CCM), to share some important"
    " information regarding the preparation process to this event, to be held in Lausanne,"
    " Switzerland from 23rd to 27th November 2020."
)
SEED_002_NOT_IN_RECORDS = [", Switzerland"]
# Seed 002, paragraph 8, its last two sentences: the written consultation and its deadline.
SEED_002_CONSULTATION = (
    "I would like to invite you to provide your considerations regarding this document on"
    " the basis of the annex to this letter containing first reflections and questions"
    " thereon. I would be very grateful for all your written contributions on this document"
    " by 8th June."
)
SEED_002_DATELINE = "Geneva, 15 May 2020"
