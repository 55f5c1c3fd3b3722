"""The Second Review Conference (2RC) as the seeds record it, for rebuilding it through the
API: the meeting, its first plan and each change of plan with its decision and reason
(seed 003, CCM/CONF/2020/L.1, paragraphs 3 to 8), the plenary meetings held (para. 18),
the officers (para. 4 to 7), the agenda and its adoption (seed 000's annex and seed 003
para. 23), and the programme of work of the first part, 44 lines in nine slots (seed 000,
the annex to the President's letter of 12 November 2020). Copied from the seeds as
data/ccm/meetings.json carries them; the tests never read the seeds. The registrations
(seed 003 para. 12 to 16) are left to the registration tests.
"""

SECOND_REVIEW_CONFERENCE = {
    "code": "2RC",
    "kind": "review_conference",
    "number": 2,
    "title": "Second Review Conference",
    "symbol_root": "CCM/CONF/2020",
    "convened_by": "Secretary-General of the United Nations",
    "convening_reference": "Note verbale ODA-2020-00130-CCM of 4 March 2020, pursuant to General "
    "Assembly resolution 74/62, operative paragraph 8",
    "registration_deadline": "2020-10-09",
    "time_zone": "Europe/Zurich",
    "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 December 2020, "  # noqa: E501
    "paragraphs 3, 5 and 8; Note verbale ODA-2020-00130-CCM of the Office for Disarmament "
    "Affairs, 4 March 2020",
    "plan": [
        {
            "number": 1,
            "starts_on": "2020-11-16",
            "ends_on": "2020-11-20",
            "format": "in_person",
            "venue": "Palais des Nations",
            "city": "Geneva",
        }
    ],
    "plan_changes": [
        {
            "decided_on": "2020-02-13",
            "decided_by": "Silence procedure of 6 to 13 February 2020",
            "reason": "The States Parties agreed that the Conference would take place from "
            "23 to 27 November 2020; the President decided to host it in "
            "Lausanne, as paragraph 30 (d) of CCM/CONF/2015/7 allows.",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, "
            "10 December 2020, paragraphs 3 and 8; Note verbale "
            "ODA-2020-00130-CCM of the Office for Disarmament Affairs, 4 March "
            "2020 (venue)",
            "plan": [
                {
                    "number": 1,
                    "starts_on": "2020-11-23",
                    "ends_on": "2020-11-27",
                    "format": "in_person",
                    "venue": "SwissTech Convention Center",
                    "city": "Lausanne",
                }
            ],
        },
        {
            "decided_on": "2020-11-10",
            "decided_by": "Silence procedure of 6 to 10 November 2020",
            "reason": "The States Parties agreed that the Conference would take place in "
            "two parts: the first in virtual format, the second in hybrid format "
            "at the Palais des Nations in Geneva.",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, "
            "10 December 2020, paragraphs 8 and 9; Letter of the President of "
            "the Second Review Conference, Geneva, 12 November 2020, and its "
            "annex, the provisional programme of work of the first part "
            "(CCM/CONF/2020/16)",
            "plan": [
                {
                    "number": 1,
                    "starts_on": "2020-11-25",
                    "ends_on": "2020-11-27",
                    "format": "virtual",
                    "city": "Geneva",
                    "platform": "Interprefy",
                },
                {
                    "number": 2,
                    "starts_on": "2021-02-04",
                    "ends_on": "2021-02-05",
                    "format": "hybrid",
                    "venue": "Palais des Nations",
                    "city": "Geneva",
                },
            ],
        },
        {
            "decided_by": "Not on record: the sources found say the second part was "
            "postponed because of the COVID-19 situation and later held, not "
            "who decided the new dates or when",
            "reason": "Due to the epidemiological situation, the second part planned for "
            "4-5 February 2021 could not take place; it was postponed until the "
            "health situation allowed, and held on 20-21 September 2021 in "
            "hybrid format at the Palais des Nations in Geneva.",
            "source": "BHMAC news, "
            "https://www.bhmac.org/a-virtual-meeting-on-the-decision-making-process-about-articles-3-and-4-of-the-extension-requests-of-the-deadline-for-the-removal-of-cluster-munitions/ "  # noqa: E501
            "(meeting of 9 February 2021: 'due to the current epidemiological "
            "situation, the second part of the planned Review Conference is "
            "canceled'); CCM ISU, "
            "https://www.clusterconvention.org/second-review-conference/ "
            "(undated copy: 'The second part of the 2RC has been postponed until "
            "the health situation allows for the holding of the meeting'); GICHD "
            "news, 16 September 2021, "
            "https://gichd.org/the-gichd/news/the-second-part-of-the-2nd-review-conference-of-the-convention-on-cluster-munitions-2rc-20-21-september-2021 "  # noqa: E501
            "('The second part of the 2RC will take place on 20-21 September "
            "2021 in a hybrid format at the Palais des Nations in Geneva'); "
            "GICHD news, 23 September 2021, "
            "https://gichd.org/the-gichd/news/highlights-of-the-second-part-of-the-2nd-review-conference-of-the-convention-on-cluster-munitions-2rc-cm-20-21-september-2021 "  # noqa: E501
            "('On 21 September 2021, the second part of the 2nd Review "
            "Conference ... came to an end'); Permanent Mission of Switzerland "
            "to the UN in Geneva, news of 22 September 2021, "
            "https://www.fdfa.admin.ch/missions/mission-onu-geneve/en/home/news/news.html/content/missions/mission-onu-geneve/en/meta/news/2021/ccm-review-conference-concludes "  # noqa: E501
            "('Geneva, 22.09.2021 - ... concluded on 21 September 2021 under the "
            "presidency of Swiss Ambassador Félix Baumann')",
            "plan": [
                {
                    "number": 1,
                    "starts_on": "2020-11-25",
                    "ends_on": "2020-11-27",
                    "format": "virtual",
                    "city": "Geneva",
                    "platform": "Interprefy",
                },
                {
                    "number": 2,
                    "starts_on": "2021-09-20",
                    "ends_on": "2021-09-21",
                    "format": "hybrid",
                    "venue": "Palais des Nations",
                    "city": "Geneva",
                },
            ],
        },
    ],
    "plenary_meetings_held": [
        {
            "part": 1,
            "count": 9,
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review "
            "Conference, 10 December 2020, paragraph 18",
        }
    ],
    "officers": [
        {
            "role": "president",
            "person": "Mr. Félix Baumann",
            "description": "Ambassador and Permanent Representative of Switzerland to the "
            "Conference on Disarmament",
            "act": "designated",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 4 (designated at the Ninth Meeting of States "
            "Parties; date not in the source)",
        },
        {
            "role": "secretary_general",
            "person": "Ms. Radha Day",
            "description": "Chief of Service, a.i., Conference on Disarmament Secretariat and "
            "Conference Support Branch of the United Nations Office for "
            "Disarmament Affairs",
            "act": "confirmed",
            "act_on": "2020-11-25",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 21",
        },
        {
            "role": "vice_president",
            "state": "Netherlands",
            "act": "elected",
            "act_on": "2020-11-25",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 22",
        },
        {
            "role": "vice_president",
            "state": "Germany",
            "act": "elected",
            "act_on": "2020-11-25",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 22",
        },
        {
            "role": "vice_president",
            "state": "Nicaragua",
            "act": "elected",
            "act_on": "2020-11-25",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 22",
        },
        {
            "role": "vice_president",
            "state": "Sri Lanka",
            "act": "elected",
            "act_on": "2020-11-25",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 22",
        },
        {
            "role": "secretary",
            "person": "Ms. Silvia Mercogliano",
            "description": "Political Affairs Officer, Conference on Disarmament Secretariat "
            "and Conference Support Branch of the United Nations Office for "
            "Disarmament Affairs",
            "act": "serving",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 11",
        },
        {
            "role": "isu_director",
            "person": "Ms. Sheila N. Mweemba",
            "description": "Director of the Implementation Support Unit (ISU) of the "
            "Convention on Cluster Munitions",
            "act": "serving",
            "source": "CCM/CONF/2020/L.1, Interim report of the Second Review Conference, 10 "
            "December 2020, paragraph 10",
        },
    ],
    "agenda": [
        {"number": 1, "title": "Opening of the Review Conference"},
        {"number": 2, "title": "Adoption of the Agenda", "symbols": ["CCM/CONF/2020/1"]},
        {"number": 3, "title": "Adoption of the rules of procedure", "symbols": ["CCM/MSP/2010/3"]},
        {"number": 4, "title": "Election of the Vice-Presidents"},
        {"number": 5, "title": "Confirmation of the Secretary-General of the Meeting"},
        {"number": 6, "title": "Organization of work"},
        {
            "number": 8,
            "title": "Review of the operation and status of the Convention and other matters "
            "important for achieving the aims of the Convention",
        },
        {"number": 8, "letter": "a", "title": "Universalization"},
        {"number": 8, "letter": "b", "title": "Storage and stockpile destruction"},
        {
            "number": 8,
            "letter": "c",
            "title": "Clearance and destruction of cluster munition remnants and risk reduction "
            "education",
        },
        {"number": 8, "letter": "d", "title": "Victim assistance"},
        {"number": 8, "letter": "e", "title": "International cooperation and assistance"},
        {"number": 8, "letter": "f", "title": "Transparency measures"},
        {"number": 8, "letter": "g", "title": "Compliance"},
        {"number": 8, "letter": "h", "title": "National implementation measures"},
        {"number": 8, "letter": "i", "title": "Implementation support"},
        {
            "number": 8,
            "letter": "j",
            "title": "Other matters important for achieving the aims of the Convention",
        },
        {"number": 9, "title": "Financial Status of the Convention"},
        {
            "number": 10,
            "title": "Consideration of requests submitted under Article 3 and Article 4 of the "
            "Convention",
        },
        {"number": 13, "title": "Other matters"},
        {"number": 14, "title": "Consideration and adoption of the final document"},
    ],
    "agenda_adopted_on": "2020-11-25",
    "programme": [
        {
            "part": 1,
            "released_on": "2020-11-12",
            "source": "Letter of the President of the Second Review Conference, Geneva, 12 "
            "November 2020, and its annex, the provisional programme of work of the "
            "first part (CCM/CONF/2020/16)",
            "slots": [
                {
                    "day": "2020-11-25",
                    "starts_at": "10:00",
                    "ends_at": "12:00",
                    "entries": [
                        {"item": "1"},
                        {"item": "2", "symbols": ["CCM/CONF/2020/1"]},
                        {"item": "3", "symbols": ["CCM/MSP/2010/3"]},
                        {"item": "4"},
                        {"item": "5"},
                        {"item": "6"},
                        {"text": "Adoption of the programme of work"},
                        {
                            "text": "Introduction by the President of draft documents "
                            "and draft decisions:"
                        },
                        {
                            "text": "(a) Review of the operation and status of the "
                            "Convention 2016-2020: Review Document of the "
                            "Dubrovnik Action Plan",
                            "symbols": ["CCM/CONF/2020/13"],
                        },
                        {"text": "(b) Lausanne Action Plan", "symbols": ["CCM/CONF/2020/14"]},
                        {
                            "text": "(c) Lausanne Political Declaration",
                            "symbols": ["CCM/CONF/2020/WP.1"],
                        },
                        {
                            "text": "(d) Post Review Conference programme of meetings "
                            "and machinery",
                            "symbols": ["CCM/CONF/2020/14"],
                        },
                        {
                            "text": "(e) Decision on the finances of the Convention",
                            "symbols": ["CCM/CONF/2020/11"],
                        },
                        {
                            "text": "(f) Estimated costs of the Tenth Meeting of States Parties",
                            "symbols": [
                                "CCM/CONF/2020/9",
                                "CCM/CONF/2020/WP.2",
                                "CCM/CONF/2020/WP.3",
                            ],
                        },
                        {"text": "(g) Document on matters pertaining to the ISU"},
                    ],
                },
                {
                    "day": "2020-11-25",
                    "starts_at": "13:00",
                    "ends_at": "15:00",
                    "entries": [
                        {"item": "6"},
                        {
                            "text": "Informal presentations of extension requests "
                            "under Article 3 & Article 4",
                            "symbols": [
                                "CCM/CONF/2020/5",
                                "CCM/CONF/2020/6",
                                "CCM/CONF/2020/7",
                                "CCM/CONF/2020/8",
                                "CCM/CONF/2020/15",
                            ],
                        },
                    ],
                },
                {
                    "day": "2020-11-25",
                    "starts_at": "16:00",
                    "ends_at": "18:00",
                    "entries": [
                        {"item": "6"},
                        {
                            "text": "Informal presentations of extension requests "
                            "under Article 3 & Article 4",
                            "symbols": [
                                "CCM/CONF/2020/5",
                                "CCM/CONF/2020/6",
                                "CCM/CONF/2020/7",
                                "CCM/CONF/2020/8",
                                "CCM/CONF/2020/15",
                            ],
                        },
                        {"item": "8"},
                        {"item": "8(a)", "symbols": ["CCM/CONF/2020/12"]},
                    ],
                },
                {
                    "day": "2020-11-26",
                    "starts_at": "10:00",
                    "ends_at": "12:00",
                    "entries": [
                        {"item": "8"},
                        {"item": "8(a)", "symbols": ["CCM/CONF/2020/12"]},
                        {"item": "8(b)"},
                        {"item": "8(c)"},
                    ],
                },
                {
                    "day": "2020-11-26",
                    "starts_at": "13:00",
                    "ends_at": "15:00",
                    "entries": [
                        {"item": "8"},
                        {"item": "8(c)"},
                        {"item": "8(d)"},
                        {"item": "8(e)"},
                    ],
                },
                {
                    "day": "2020-11-26",
                    "starts_at": "16:00",
                    "ends_at": "18:00",
                    "entries": [
                        {"item": "8"},
                        {"item": "8(e)"},
                        {"item": "8(f)"},
                        {"item": "8(g)"},
                    ],
                },
                {
                    "day": "2020-11-27",
                    "starts_at": "10:00",
                    "ends_at": "12:00",
                    "entries": [
                        {"item": "8"},
                        {"item": "8(g)"},
                        {"item": "8(h)"},
                        {
                            "item": "8(i)",
                            "symbols": ["CCM/CONF/2020/2", "CCM/CONF/2020/3", "CCM/CONF/2020/4"],
                        },
                    ],
                },
                {
                    "day": "2020-11-27",
                    "starts_at": "13:00",
                    "ends_at": "15:00",
                    "entries": [
                        {"item": "8"},
                        {"item": "8(i)"},
                        {"item": "8(j)"},
                        {
                            "item": "9",
                            "symbols": [
                                "CCM/CONF/2020/9",
                                "CCM/CONF/2020/WP.2",
                                "CCM/CONF/2020/WP.3",
                            ],
                        },
                    ],
                },
                {
                    "day": "2020-11-27",
                    "starts_at": "16:00",
                    "ends_at": "18:00",
                    "entries": [
                        {"item": "10"},
                        {"item": "13"},
                        {"text": "Adoption of the interim procedural report"},
                    ],
                },
            ],
        }
    ],
}
