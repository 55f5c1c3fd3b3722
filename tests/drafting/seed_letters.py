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

# Seed 000, the President's letter of 12 November 2020 (next steps, the programme of the
# first part annexed), its body word for word.
SEED_000_LETTERHEAD = (
    "Schweizerische Eidgenossenschaft\nConfédération suisse\nConfederazione Svizzera\n"
    "Confederaziun svizra\nCH-1211 Geneva 20, Permanent Mission of Switzerland to the United"
    " Nations Office and to the other international organisations in Geneva, BFX"
)
SEED_000_REFERENCE_LABEL = "Reference:"
SEED_000_DATELINE = "Geneva, 12 November 2020"
SEED_000_BODY = [
    "It is my pleasure to write to you in my capacity as President of the Second Review"
    " Conference of the Convention on Cluster Munitions (CCM) regarding next steps in this"
    " process.",
    "As indicated by UNODA earlier this week, the silence procedure initiated last week has"
    " not been broken and the decision of splitting the Review Conference into two parts has"
    " been validated: the first part will take place in a virtual format from 25 to 27"
    " November 2020, and the second part will be organised in a hybrid format from 4 to 5"
    " February 2021. The first part of the Review Conference will be held on Interprefy, with"
    " a possibility to follow the meeting on the UN Webcast: all logistical aspects have been"
    " communicated by UNODA on 11 November.",
    "As indicated in my briefing on 6 November, this first part of the Review Conference will"
    " not adopt any substantial decisions. Some procedural decisions will however have to be"
    " taken: we will have to confirm the agenda and the rules of procedures, which were"
    " adopted during the First Preparatory Meeting, as well as adopt the programme of work. A"
    " number of technical decisions will also need to be adopted in November, including the"
    " cost-estimate for the 2021 Meeting of States Parties (to ensure enough time for the"
    " billing process) and the workplan and budget of the Implementation Support Unit (to"
    " ensure work continuity).",
    "In view of the above, this first part of the Review Conference will not cover all items"
    " on the agenda. It will focus on two aspects in particular. First, extension requests"
    " will be presented and commented upon, and the draft decisions granting requests will be"
    " considered, without adopting them (this will be done during the second session in"
    " February 2021). Second, the meeting will address the different points under agenda"
    " item 8 related to the general status and operation of the Convention. You will find"
    " more details in the advanced version of the programme of work in annex.",
    "Should you have any question on this process and the upcoming first part of the CCM"
    " Review Conference, do not hesitate to contact me or my team at the following email"
    " address: ccm2rc@eda.admin.ch.",
    "I look forward to this first part of the Review Conference and I am confident that,"
    " thanks to your continuous support and engagement, it will be very successful.",
]
# The President's own words in the paragraphs the records draft: who reported the result
# (the drafted "the Secretariat"), a verb varied, and the sentence added on the platform.
SEED_000_PRESIDENTS_EDITS = [
    ("As indicated by the Secretariat", "As indicated by UNODA"),
    ("the second part will take place", "the second part will be organised"),
]
# Paragraphs 3 to 6 are the President's own.
SEED_000_OWN = [2, 3, 4, 5]
