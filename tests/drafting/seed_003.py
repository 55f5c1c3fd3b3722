# ruff: noqa: E501 -- seed 003 sentences are kept whole, one per line, to compare word for word.
"""Facts copied from seed 003, the interim report of the first part of the Second Review
Conference (CCM/CONF/2020/L.1, 10 December 2020), that its draft from the records must state."""

# Paragraphs the Secretariat added by hand (data/ccm/report_texts.json), word for word.
VERBATIM = {
    19: "On 25 November 2020, Ms. Izumi Nakamitsu High Representative for Disarmament Affairs, delivered a video message to the Conference.",
    20: "On the same day, Mr. Chue Por, a cluster munitions survivor, delivered a video message to the Conference.",
    30: "In recommending to take a decision to grant the request, the Conference acknowledged Bulgaria's compliance with the recommendations of the Ninth Meeting of States Parties (9MSP) by providing a detailed project management and work plan in its updated extension request to be considered at the Second Review Conference.",
    31: "In recommending to take a decision to grant the request, the Conference noted that Bulgaria had selected a contractor and provided a work plan for the destruction of Lots 1 and 2 that is workable and lends itself to be monitored. The Conference recommended that Bulgaria provide a work plan for Lot 3 of similar detail as soon as it is possible.",
    32: "In recommending to take a decision to grant the request, the Conference commended Bulgaria for securing the necessary funding to destroy all the cluster munitions held by the Bulgarian Armed Forces.",
    33: "In recommending to take a decision to grant the request, the Conference noted that Bulgaria had highlighted possible delays to transportation and destruction activities that could occur due to the COVID-19 pandemic.",
    35: "In addition to reporting as requested above, the Conference noted the importance of Bulgaria keeping the States Parties regularly apprised of other pertinent developments regarding the implementation of Article 3 during the period covered by the request and other commitments made in the request at Meetings of States Parties as well as through its Article 7 reports due before 30 April every year.",
    37: "In recommending to take a decision to grant the request, the Conference noted that Peru had highlighted the obstacles it has encountered in the implementation of its Article 3 obligations and how it has adequately mitigated these challenges.",
    38: "In recommending to take a decision to grant the request, the Conference noted that Peru had provided a practical work plan that would ensure the full and expedient implementation of its Article 3 obligations.",
    39: "In recommending to take a decision to grant the request, the Conference commended Peru for securing the necessary technical and financial assistance necessary to destroy all the cluster munitions held by the Peruvian Air Force.",
    40: "In recommending to take a decision to grant the request, the Conference noted that Peru highlighted factors which could impact the implementation of the destruction activities such as the remoteness of the air bases, the deficit of trained personnel, weather conditions, natural disasters and the COVID-19 Pandemic. The Conference encouraged Peru to continue informing States Parties on the developments in this regard.",
    42: "The Analysis Group welcomed Peru's close and continued contact with the CCM coordinators on stockpile destruction and the ISU. In this regard, the Analysis Group strongly encouraged Peru to inform States Parties as soon as possible should there be any impediment to the implementation of its work plan and to provide such information in a timely manner.",
    43: "The Analysis Group noted the importance, in addition to Peru reporting to the States Parties as noted above, of keeping the States Parties regularly apprised of other pertinent developments regarding the implementation of Article 3 during the period covered by the request at Meeting of States Parties.",
    47: "In recommending to take a decision to grant the request, the Conference noted that Bosnia and Herzegovina had highlighted factors which could reduce the clearance rate such as that of mixed contamination by mines and cluster munitions as well as the mixed contamination by depleted uranium and cluster munitions. The Conference acknowledged that Bosnia and Herzegovina had taken these challenges into consideration in its work plan.",
    49: "In addition to reporting as requested above, the Conference noted the importance of Bosnia and Herzegovina keeping the States Parties regularly apprised of any other pertinent developments as necessary.",
    51: "In recommending to take a decision to grant the request, the Conference noted that the technical survey should provide a clear baseline on the remaining cluster munition contaminated areas to be cleared.",
    52: "In recommending to take a decision to grant the request, the Conference recommended that Chile regularly reports to States Parties on the outcomes of the technical survey and provides a costed workplan, resource mobilization plan, and annual work schedule broken down by month for the next extension period.",
    54: "In addition to reporting as requested above, the Conference noted the importance of Chile keeping the States Parties regularly apprised of other pertinent developments regarding the implementation of Article 4 during the period covered by the request and other commitments made in the request at Meetings of States Parties as well as through its Article 7 reports due before 30 April every year.",
    56: "In recommending to take a decision to grant the request, the Conference noted that Lebanon highlighted factors which could limit the amount of land cleared on an annual basis such as diversion of funding and the problem of difficult terrain and adverse weather conditions. The Conference acknowledged that while Lebanon had taken these challenges into consideration in its plan, not all contingencies can be predicted.",
    57: "In recommending to take a decision to grant the request, the Conference commended Lebanon's commitment to performing non-technical survey (NTS) and technical survey (TS) as required, and recommends Lebanon to regularly report to States Parties on the outcomes and to provide an updated workplan, schedule and budget that takes into account the prevailing circumstances.",
    59: "In addition to reporting as requested above, the Conference noted the importance of Lebanon keeping the States Parties regularly apprised of other pertinent developments regarding the implementation of Article 4 during the period covered by the request and other commitments made in the request at Meetings of States Parties or Review Conferences as well as through its Article 7 reports due before 30 April every year.",
}

# The reporting conditions as lettered items, paragraphs 34, 41, 48, 53 and 58.
CONDITIONS = {
    34: [
        (
            "a",
            "Progress made on the destruction of its cluster munition stockpiles relative to the projections Bulgaria made in its extension request;",
        ),
        ("b", "Updated information on the use of its retained submunitions;"),
        ("c", "Detailed work plan for the subsequent year;"),
        ("d", "Other relevant information."),
    ],
    41: [
        ("a", "Progress made relative to the projections Peru made in its extension request;"),
        ("b", "Updated information on remaining stockpiles;"),
        (
            "c",
            "Updated detailed plan for the subsequent year, if possible, for the following years;",
        ),
        (
            "d",
            "Resource mobilization efforts including external financing received, and resources made available by the Government of Peru to support implementation efforts;",
        ),
        ("e", "Other relevant information."),
    ],
    48: [
        (
            "a",
            "Progress made by Bosnia and Herzegovina on the implementation of the work plan provided in its extension request;",
        ),
        (
            "b",
            "Resource mobilization efforts including external financing received, and resources made available by Bosnia and Herzegovina to support implementation efforts;",
        ),
        ("c", "Other relevant information."),
    ],
    53: [
        (
            "a",
            "Progress made relative to the technical survey to be undertaken as indicated in its extension request;",
        ),
        (
            "b",
            "Updated information on remaining contamination based on the findings of the technical survey;",
        ),
        ("c", "A detailed work plan and budget for the subsequent year;"),
        (
            "d",
            "Resource mobilization efforts including international cooperation and assistance received, and resources made available by the Government of Chile to support implementation efforts;",
        ),
        ("e", "Other relevant information."),
    ],
    58: [
        ("a", "Progress made relative to the projections Lebanon made in its extension request;"),
        ("b", "Updated information on remaining contamination;"),
        (
            "c",
            "Updated detailed plan for the subsequent year, if possible, also for the following years;",
        ),
        (
            "d",
            "Resource mobilization efforts including external financing received, and resources made available by the Government of Lebanon to support implementation efforts;",
        ),
        (
            "e",
            "Information on Lebanon's efforts on addressing the challenge of difficult terrain before the end of the extension period;",
        ),
        ("f", "Other relevant information."),
    ],
}

# The annex: the list of documents submitted to the first part, in order.
ANNEX = [
    ("CCM/CONF/2020/1", "Provisional Agenda for the Second Review Conference"),
    (
        "CCM/CONF/2020/2",
        "Convention on Cluster Munitions Implementation Support Unit 2021-2025 Work Plan and Budget",
    ),
    (
        "CCM/CONF/2020/3",
        "Convention on Cluster Munitions Implementation Support Unit 2021 Work Plan and Budget",
    ),
    ("CCM/CONF/2020/4", "Implementation Support Unit 2019 Annual Report"),
    (
        "CCM/CONF/2020/5",
        "Analysis of Bulgaria's request of deadline extension under Article 3 of the Convention on Cluster Munitions",
    ),
    (
        "CCM/CONF/2020/6",
        "Analysis of Peru's request of deadline extension under Article 3 of the Convention on Cluster Munitions",
    ),
    (
        "CCM/CONF/2020/7",
        "Analysis of Lebanon's request of deadline extension under Article 4 of the Convention on Cluster Munitions",
    ),
    (
        "CCM/CONF/2020/8",
        "Analysis of Chile's request of deadline extension under Article 4 of the Convention on Cluster Munitions",
    ),
    (
        "CCM/CONF/2020/9",
        "Estimated costs of the Tenth Meeting of States Parties of the Convention on Cluster Munitions",
    ),
    ("CCM/CONF/2020/10", "Reflections and options regarding the Convention's machinery"),
    (
        "CCM/CONF/2020/11",
        "Elements on possible measures to address the financial predictability and sustainability of United Nations assessed contributions",
    ),
    ("CCM/CONF/2020/12", "Ways Forward on Universalization of the Convention on Cluster Munitions"),
    ("CCM/CONF/2020/13", "Review Document of the Dubrovnik Action Plan"),
    ("CCM/CONF/2020/14", "Informal draft — Lausanne Action Plan"),
    (
        "CCM/CONF/2020/15",
        "Analysis of Bosnia and Herzegovina's request of deadline extension under Article 4 of the Convention on Cluster Munitions",
    ),
    ("CCM/CONF/2020/16", "Provisional programme of work for 25-27 November 2020"),
    ("CCM/CONF/2020/L.1", "Interim report of the Second Review Conference"),
    ("CCM/CONF/2020/WP.1", "Lausanne Declaration"),
    (
        "CCM/CONF/2020/WP.2",
        "Estimated costs of the Tenth Meeting of States Parties of the Convention on Cluster Munitions",
    ),
    (
        "CCM/CONF/2020/WP.3",
        "Estimated costs of the Tenth Meeting of States Parties of the Convention on Cluster Munitions",
    ),
    ("CCM/CONF/2020/CRP.1", "Elements for the decision on the Convention's machinery"),
    (
        "CCM/CONF/2020/CRP.2",
        "Elements for the decision on measures to address the financial predictability and sustainability of United Nations assessed contributions",
    ),
    (
        "CCM/CONF/2020/CRP.3",
        "Draft Decision on the Article 3 Extension Request submitted by Bulgaria",
    ),
    ("CCM/CONF/2020/CRP.4", "Draft Decision on the Article 3 Extension Request submitted by Peru"),
    (
        "CCM/CONF/2020/CRP.5",
        "Draft Decision on the Article 4 Extension Request submitted by Bosnia and Herzegovina",
    ),
    ("CCM/CONF/2020/CRP.6", "Draft Decision on the Article 4 Extension Request submitted by Chile"),
    (
        "CCM/CONF/2020/CRP.7",
        "Draft Decision on the Article 4 Extension Request submitted by Lebanon",
    ),
    ("CCM/CONF/2020/CRP.8", "Draft Interim report of the Second Review Conference"),
    ("CCM/CONF/2020/INF.1", "List of participants"),
    ("CCM/CONF/2020/MISC.1", "Provisional list of participants"),
]

# The facts of the paragraphs drafted from the records, as seed 003 words them (the
# drafted sentence may be longer: it states the same fact in the same words).
FACTS = {
    6: [
        "Due to the impact of the COVID 19 related measures, the First Preparatory Meeting"
        " planned on 8 June 2020 could not take place.",
        "On that day, the President held an informal virtual briefing through WebEx instead.",
        "Through a silence procedure that lasted from 29 May to 4 June 2020, the States Parties"
        " agreed to postpone the date of this Meeting, which was subsequently confirmed through"
        " a further silence procedure that lasted from 9 to 16 June 2020, as 29 June 2020.",
        "The First Preparatory Meeting was therefore held on that date.",
    ],
    7: ["The Second Preparatory Meeting took place on 4 September 2020."],
    8: [
        "Following a silence procedure that lasted from 6 to 13 February 2020, States Parties"
        " agreed that the Second Review Conference would take place from 23 to 27 November 2020",
        "Following a silence procedure that lasted from 6 to 10 November 2020, States Parties"
        " agreed that the Second Review Conference would take place in two parts: from 25 to 27"
        " November 2020 in virtual format and from 4 to 5 February 2021 in hybrid format at the"
        " Palais des Nations in Geneva",
    ],
    9: [
        "The first part of the Second Review Conference of States Parties to the Convention on"
        " Cluster Munitions was held in Geneva from 25 to 27 November 2020",
    ],
    10: [
        "Ms. Sheila N. Mweemba, Director of the Implementation Support Unit (ISU) of the"
        " Convention on Cluster Munitions, participated in the work of the Conference.",
    ],
    11: [
        "Ms. Silvia Mercogliano, Political Affairs Officer, Conference on Disarmament Secretariat"
        " and Conference Support Branch of the United Nations Office for Disarmament Affairs"
        " served as Secretary of the Conference.",
    ],
    12: [
        "The following States Parties to the Convention participated in the work of the"
        " Conference: Afghanistan, Albania, Australia, Austria, Belgium, Bolivia (Plurinational"
        " State of), Bosnia and Herzegovina, Botswana, Bulgaria, Burkina Faso, Canada, Chile,"
        " Colombia, Costa Rica, Côte d'Ivoire, Croatia, Cuba, Czech Republic, Ecuador, El"
        " Salvador, France, Germany, Holy See, Honduras, Iraq, Ireland, Italy, Japan, Lao"
        " People's Democratic Republic, Lithuania, Madagascar, Maldives, Malta, Mauritania,"
        " Mexico, Montenegro, Namibia, Netherlands, New Zealand, Nicaragua, North Macedonia,"
        " Norway, Panama, Paraguay, Peru, Philippines, Portugal, Republic of Moldova, Slovakia,"
        " Slovenia, South Africa, Spain, Sri Lanka, State of Palestine, Sweden, Switzerland,"
        " Tunisia, United Kingdom of Great Britain and Northern Ireland, Uruguay, and Zambia.",
    ],
    13: [
        "The following States signatories to the Convention participated in the work of the"
        " Conference as observers: Angola, Cyprus, and Indonesia.",
    ],
    14: [
        "Argentina, Armenia, Azerbaijan, China, Finland, Kazakhstan, Libya, Morocco, Myanmar,"
        " Serbia, Sudan, Thailand, and Yemen also participated in the work of the Conference as"
        " observers.",
    ],
    # The seed prints "Cluster Muniton Coalition"; the record has the organisation's name.
    15: [
        "The Cluster Munition Coalition (CMC), Geneva International Centre for Humanitarian"
        " Demining (GICHD), International Committee of the Red Cross (ICRC), International"
        " Federation of Red Cross and Red Crescent Societies (IFRC), United Nations Mine Action"
        " Service (UNMAS) and United Nations Office for Disarmament Affairs (UNODA) also"
        " participated in the work of the Conference as observers, pursuant to rule 1 (2) of"
        " the rules of procedure.",
    ],
    16: [
        "The European Union, Handicap International (Humanity & Inclusion), James Madison"
        " University, Mines Advisory Group (MAG), Norwegian People's Aid and The HALO Trust also"
        " took part in the work of the Conference as observers, pursuant to rule 1 (3) of the"
        " rules of procedure.",
    ],
    17: [
        "On 25 November 2020, the first part of the Second Review Conference was opened by Mr."
        " Félix Baumann, Ambassador and Permanent Representative of Switzerland to the"
        " Conference on Disarmament and President of the Second Review Conference.",
    ],
    18: ["The Conference held nine formal plenary meetings in virtual format."],
    21: [
        "On the same day, the Conference confirmed Ms. Radha Day, Chief of Service, a.i.,"
        " Conference on Disarmament Secretariat and Conference Support Branch of the United"
        " Nations Office for Disarmament Affairs, as Secretary-General of the Conference.",
    ],
    22: [
        "the Netherlands, Germany, Nicaragua and Sri Lanka were elected Vice-Presidents of the"
        " Conference",
        "pursuant to the recommendation of States Parties at the First Preparatory meeting",
    ],
    23: [
        "The provisional agenda",
        "(CCM/CONF/2020/1) and provisional programme of work for the first part of the"
        " Conference (CCM/CONF/2020/16) were circulated by the Secretariat prior to the"
        " Conference and were subsequently adopted by the Conference on 25 November",
        "On the same day, the Conference also confirmed the rules of procedure as contained in"
        " document CCM/MSP/2010/3, mutatis mutandis.",
    ],
    24: [
        "A list of documents submitted to the first part of the Second Review Conference is"
        " contained in the annex to this report. These documents are available through the"
        " United Nations Official Documents System (",
        "documents.un.org",
    ],
    29: [
        "The Conference assessed the request submitted by Bulgaria for an extension of its"
        " deadline to complete the destruction of all its cluster munition stockpiles in"
        " accordance with Article 3.2 of the Convention and recommended to take a decision to"
        " grant the request for an extension",
        "until 1 October 2022.",
    ],
    34: [
        "In this regard, the Conference noted that the Convention would benefit from Bulgaria"
        " reporting annually through Article 7 reports",
        "and at Meetings of States Parties on the following:",
    ],
    36: [
        "The Conference assessed the request submitted by Peru for an extension of its deadline"
        " to complete the destruction of all its cluster munition stockpiles in accordance with"
        " Article 3.2 of the Convention and recommended to take a decision to grant the request"
        " for an extension of 37 months until 1 April 2024.",
    ],
    41: [
        "In this regard, the Conference noted that the Convention would benefit from Peru"
        " reporting annually through Article 7 reports",
    ],
    46: [
        "The Conference assessed the request submitted by Bosnia and Herzegovina for an"
        " extension of its deadline for completing the clearance and destruction of cluster"
        " munition remnants in accordance with Article 4.1 of the Convention",
        "recommended to take a decision to grant the request for an extension of 18 months"
        " until 1 September 2022.",
    ],
    48: [
        "In this regard, the Conference noted that the Convention would benefit from Bosnia and"
        " Herzegovina reporting annually through Article 7 reports due before 30 April every"
        " year",
    ],
    50: [
        "The Conference assessed the request submitted by Chile for an extension of its"
        " deadline for completing the clearance and destruction of cluster munition remnants in"
        " accordance with Article 4.1 of the Convention",
        "recommended to take a decision to grant the request for an extension of 12 months",
        "1 June 2022 pending the provision of a detailed work plan and budget to be included in"
        " a subsequent extension request to be considered at the Tenth Meeting of States"
        " Parties.",
    ],
    53: [
        "In this regard, the Conference noted that the Convention would benefit from Chile"
        " reporting annually through Article 7 reports",
    ],
    55: [
        "The Conference assessed the request submitted by Lebanon for an extension of its"
        " deadline for completing the clearance and destruction of cluster munition remnants in"
        " accordance with Article 4.1 of the Convention",
        "recommended to take a decision to grant the request for an extension",
        "until 1 May 2026.",
    ],
    58: [
        "In this regard, the Conference noted that the Convention would benefit from Lebanon"
        " reporting annually through Article 7 reports",
    ],
}

HEADING_BLOCK = [
    "Review Conference of States Parties to the Convention on Cluster Munitions",
    "CCM/CONF/2020/L.1",
    "Distribution: Limited",
    "10 December 2020",
    "Original: English",
    "Second Review Conference",
    "Geneva, 25-27 November 2020 and 4-5 February 2021",
    "Agenda item 14",
    "Consideration and adoption of the final document",
]
TITLE = "Interim report of the Second Review Conference"
