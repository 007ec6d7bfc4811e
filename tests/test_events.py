"""Event participants and agreement parties on invented news sentences: who takes part when the parse hides it."""

import pytest

from conftest import extract_passage
from crink.paths import DEFAULT_RAW
from crink.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry(DEFAULT_RAW)


def events(body: str, registry) -> list[tuple[str, str, set]]:
    """(type, date, actor ids) of every event report in a passage published 2025-05-23 (a Friday)."""
    records = extract_passage(body, registry)
    return [(r["type"], r["date"], {a for a, _ in r["actors"]}) for r in records["event_reports"]]


def test_a_relative_pronoun_subject_is_the_noun_it_modifies(registry):
    found = events("Iranian President Masoud Pezeshkian, who received Sergei Lavrov on Monday, said the talks "
                   "had been useful.", registry)
    assert ("CONSULT", "2025-05-19", {"masoud-pezeshkian", "sergei-lavrov"}) in found


def test_a_subject_is_inherited_through_an_open_complement(registry):
    found = events("Xi Jinping was due to hold talks with Kim Jong Un on Thursday.", registry)
    assert any(t == "CONSULT" and {"xi-jinping", "kim-jong-un"} <= actors for t, _, actors in found)


def test_a_pronoun_subject_is_the_person_last_named_as_subject(registry):
    found = events("Vladimir Putin arrived in Beijing late on Tuesday, greeted by Wang Yi at the airport. "
                   "On Wednesday he met Xi Jinping for three hours.", registry)
    assert ("CONSULT", "2025-05-21", {"vladimir-putin", "xi-jinping"}) in found


def test_the_two_countries_are_the_states_of_the_last_event_between_two(registry):
    found = events("Russia and Iran held talks in Moscow on Monday. Analysts in Germany were surprised. "
                   "On Tuesday the two countries signed a trade agreement.", registry)
    assert ("SUPPORT", "2025-05-20", {"iran", "russia"}) in found


def test_words_of_a_title_are_the_persons_affiliation_not_another_participant(registry):
    found = events("Chinese Foreign Minister Wang Yi met Sergei Lavrov on Friday.", registry)
    consult = [actors for t, _, actors in found if t == "CONSULT"]
    assert consult and {"wang-yi", "sergei-lavrov"} <= consult[0] and "china" not in consult[0]


def test_a_phrase_nested_inside_an_object_is_not_a_participant(registry):
    found = events("On Monday China condemned Israel's air campaign against Iran.", registry)
    accuse = [actors for t, _, actors in found if t == "ACCUSE"]
    assert accuse == [{"china", "israel"}]


def test_signing_no_agreement_is_not_a_signing(registry):
    found = events("Vladimir Putin and Kim Jong Un met on Thursday but signed no agreements.", registry)
    assert [t for t, _, _ in found] == ["CONSULT"]


def test_welcoming_an_outcome_is_support_and_welcoming_a_visitor_is_a_meeting(registry):
    assert [t for t, _, _ in events("China on Wednesday welcomed the outcome of the talks.", registry)] == ["SUPPORT"]
    assert [t for t, _, _ in events("Kim Jong Un on Wednesday welcomed Sergei Lavrov to Pyongyang.",
                                    registry)] == ["CONSULT"]


def test_two_dates_for_one_predicate_are_two_events(registry):
    found = events("Russian forces fired missiles at Ukrainian cities on May 2 and May 9, officials in Kyiv said.",
                   registry)
    assert {d for t, d, _ in found if t == "ASSAULT"} == {"2025-05-02", "2025-05-09"}


def test_a_dated_agreement_noun_is_its_signing(registry):
    found = events("Officials in Moscow and Pyongyang often cite the 1961 treaty between North Korea and the "
                   "Soviet Union.", registry)
    assert ("SUPPORT", "1961", {"north-korea", "soviet-union"}) in found


def test_responding_with_sanctions_is_a_sanction_and_a_phone_call_is_a_meeting(registry):
    found = events("The European Union responded on Monday with sanctions on Iranian drone makers. "
                   "On Tuesday Xi Jinping spoke by telephone with Vladimir Putin.", registry)
    types = {t: actors for t, _, actors in found}
    assert {"european-union", "iran"} <= types["SANCTION"]
    assert {"xi-jinping", "vladimir-putin"} <= types["CONSULT"]


def test_their_is_the_states_last_named_together(registry):
    found = events("China accused the United States and Britain of aggression after their warships struck "
                   "targets in Yemen on Friday.", registry)
    assault = [actors for t, _, actors in found if t == "ASSAULT"]
    assert assault and {"united-states", "united-kingdom"} <= assault[0] and "china" not in assault[0]


def agreements(body: str, registry, published: str = "2025-05-23") -> list[tuple[str, tuple]]:
    records = extract_passage(body, registry, published)
    new = {g["id"]: tuple(g["parties"]) for g in records["new_agreements"]}
    return [(m["agreement_id"], new.get(m["agreement_id"])) for m in records["agreement_mentions"]]


def test_a_signing_dated_by_the_sentence_links_to_that_years_registry_agreement(registry):
    found = agreements("Vladimir Putin and Xi Jinping signed a joint statement in Beijing on Thursday.",
                       registry, published="2024-05-17")
    assert [gid for gid, _ in found] == ["china-russia-joint-statement-2024"]


def test_the_two_governments_are_the_states_last_named_together(registry):
    found = agreements("Officials from Iran and Armenia met in Yerevan on Monday, with a US envoy watching. "
                       "On Tuesday the two governments signed an accord on a new road bridge.", registry)
    assert [parties for _, parties in found] == [("armenia", "iran")]


def test_a_pronoun_in_the_subject_and_an_unqualified_signed_statement(registry):
    found = agreements("Xi Jinping arrived in Moscow on Monday. On Tuesday he and Vladimir Putin signed a statement "
                       "on deepening their partnership.", registry, published="2023-03-22")
    assert [gid for gid, _ in found] == ["china-russia-joint-statement-2023"]


def test_a_clause_hanging_on_the_with_phrase_adds_no_party(registry):
    found = agreements("Only Russia and North Korea have a mutual defense treaty, with North Korea also sending "
                       "troops to fight Ukraine.", registry)
    assert ("north-korea", "russia") in {tuple(sorted(p)) for _, p in found if p} or \
        any(gid.startswith("russia-north-korea") for gid, _ in found)
    assert not any(p and "ukraine" in p for _, p in found)


def test_a_weapons_maker_named_in_a_compound_adjective_is_not_a_participant(registry):
    found = events("Russian forces fired North Korean-made missiles at Kharkiv in Ukraine on Tuesday.", registry)
    assault = [actors for t, _, actors in found if t == "ASSAULT"]
    assert assault and "north-korea" not in assault[0] and "russia" in assault[0]


def test_signing_a_domestic_law_is_not_signing_an_agreement(registry):
    assert events("Vladimir Putin signed a law on Tuesday raising the draft age.", registry) == []


def test_two_dates_for_one_predicate_build_into_two_distinct_rows(tmp_path):
    from crink.pipeline import build

    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "reference").mkdir()
    for name in ("actors.yml", "agreements.yml"):
        (raw / "reference" / name).write_bytes((DEFAULT_RAW / "reference" / name).read_bytes())
    (raw / "articles" / "a.txt").write_text(
        "---\ntitle: Strikes\npublished: \"2024-01-10\"\n---\n\nRussian forces fired missiles at Ukrainian "
        "cities on December 30 and January 2, officials in Kyiv said.\n", encoding="utf-8")
    build(raw, tmp_path / "crink.db", use_cache=False)
    import sqlite3

    rows = sqlite3.connect(tmp_path / "crink.db").execute(
        "select e.date from event_reports r join events e on e.id = r.event_id where e.type = 'ASSAULT'").fetchall()
    assert sorted(d for (d,) in rows) == ["2023-12-30", "2024-01-02"]


def test_a_dated_statement_is_coded_by_what_it_says(registry):
    accuse = events("Russia's foreign ministry said on Monday that the US strikes had violated international law.",
                    registry)
    assert [(t, {"russia", "united-states"} <= actors) for t, _, actors in accuse] == [("ACCUSE", True)]
    threat = events("The White House said on Friday that Iran would pay a price for the attack.", registry)
    assert [t for t, _, _ in threat] == ["THREATEN"]
    assert events("Sergei Lavrov told Wang Yi on Monday that the talks had been useful.", registry) == []


def test_a_future_visit_on_a_weekday_is_the_next_such_day(registry):
    # published on Friday 2025-05-23: "on Tuesday" in a sentence about the future is 2025-05-27
    found = events("Abbas Araghchi is due in Moscow on Tuesday for talks with Sergei Lavrov.", registry)
    assert ("CONSULT", "2025-05-27", {"abbas-araghchi", "russia", "sergei-lavrov"}) in found


def test_joining_a_bloc_a_span_of_drills_and_readiness(registry):
    joined = events("Belarus became a full member of the Shanghai Cooperation Organisation on Tuesday.", registry)
    assert ("SUPPORT", "2025-05-20", {"belarus", "shanghai-cooperation-organisation"}) in joined
    drills = events("Warships from Russia and China began four days of naval exercises on Monday.", registry)
    assert [t for t, _, _ in drills] == ["COOPERATE"]
    ready = events("Vladimir Putin told Choe Son Hui on Monday that he was ready to visit North Korea.", registry)
    assert [t for t, _, _ in ready] == ["AGREE"]


def test_a_new_organisation_named_after_a_state_belongs_to_it(registry):
    records = extract_passage("Protesters gathered outside the Iranian Red Crescent Society on Monday.", registry)
    new = {a["name"]: a["affiliation_id"] for a in records["new_actors"]}
    assert [aff for name, aff in new.items() if "Red Crescent" in name] == ["iran"]


def test_an_organisation_in_a_persons_title_is_not_another_participant(registry):
    found = events("The United States killed IRGC-Quds Force commander Qasem Soleimani in January.", registry)
    assault = [actors for t, _, actors in found if t == "ASSAULT"]
    assert assault and "irgc-quds-force" not in assault[0] and "qasem-soleimani" in assault[0]


def test_a_party_named_in_the_signing_clause_and_a_dated_relative_clause(registry):
    found = agreements("Unlike the 1961 treaty that Pyongyang signed with the Soviet Union, the pact Moscow signed "
                       "with North Korea last June binds both sides to mutual defence.", registry,
                       published="2025-01-20")
    assert [gid for gid, _ in found] == ["soviet-north-korean-treaty-of-friendship-1961",
                                         "russia-north-korea-comprehensive-strategic-partnership-treaty"]


def test_an_accord_about_something_else_is_not_the_registry_treaty_of_that_year(registry):
    found = agreements("Vladimir Putin and Kim Jong Un signed a new partnership treaty on Wednesday. The two "
                       "governments also signed an accord to build a road bridge across the Tumen River.",
                       registry, published="2024-06-20")
    assert found[0][0] == "russia-north-korea-comprehensive-strategic-partnership-treaty"
    assert found[1][1] == ("north-korea", "russia")  # a new agreement with the same parties


def test_a_meeting_with_one_side_found_is_not_reported(registry):
    assert events("Kim Jong Un arrived on Wednesday aboard his armoured train.", registry) == []
    assert [t for t, _, _ in events("Kim Jong Un arrived in Moscow on Wednesday.", registry)] == ["CONSULT"]


def test_failed_refused_and_neither_nor_predicates_are_not_events(registry):
    assert events("Vladimir Putin failed to assist Iran during the recent clashes.", registry) == []
    assert events("Neither China nor Russia provided aid to Iran last month.", registry) == []
    assert [t for t, _, _ in events("Vladimir Putin plans to visit China next month.", registry)] == ["CONSULT"]


def test_calls_on_votes_adoptions_and_a_time_in_a_participle(registry):
    assert [t for t, _, _ in events("China on Friday called on Israel and Iran to exercise restraint.",
                                    registry)] == ["REQUEST"]
    assert [t for t, _, _ in events("The UN Security Council adopted a resolution on Yemen on Wednesday.",
                                    registry)] == ["AGREE"]
    found = events("Posting on social media on Tuesday, Donald Trump accused China of helping Russia.", registry)
    assert [(t, d) for t, d, _ in found] == [("ACCUSE", "2025-05-20")]


def test_a_day_earlier_counts_from_the_last_dated_event(registry):
    found = events("Xi Jinping met Vladimir Putin in Moscow on Tuesday. A day earlier, Xi Jinping had met "
                   "Mikhail Mishustin. Two days later Vladimir Putin visited Beijing.", registry)
    assert [(t, d) for t, d, _ in found] == [("CONSULT", "2025-05-20"), ("CONSULT", "2025-05-19"),
                                            ("CONSULT", "2025-05-21")]


def test_they_and_their_are_the_states_named_together_before(registry):
    found = agreements("Chile and Peru settled their maritime dispute at a summit in May. Officials said "
                       "the talks were long. They will also revive their 1998 customs accord.", registry)
    assert ("chile-peru-accord-1998", ("chile", "peru")) in found


def test_an_agreement_being_drafted_is_not_an_earlier_registry_treaty(registry):
    found = agreements("Sergei Lavrov said Russia and North Korea were drafting a new agreement on comprehensive "
                       "cooperation.", registry, published="2024-01-17")
    assert found == [("north-korea-russia-agreement", ("north-korea", "russia"))]


def test_a_treaty_that_another_replaces_is_between_the_same_parties(registry):
    found = agreements("Russia and Iran signed a Comprehensive Strategic Partnership Treaty on Friday. "
                       "It replaces a 2001 treaty that had been extended several times.", registry,
                       published="2025-01-18")
    assert [gid for gid, _ in found] == ["russia-iran-comprehensive-strategic-partnership-treaty",
                                         "iran-russia-treaty-on-basis-of-mutual-relations-2001"]


def test_a_one_word_answer_before_a_mention_does_not_deny_it(registry):
    found = agreements("Is the new pact an alliance? No. Unlike the treaty Moscow signed with North Korea in "
                       "June 2024, it has no defence clause.", registry, published="2025-01-18")
    assert ("russia-north-korea-comprehensive-strategic-partnership-treaty", None) in found


def test_an_accord_restoring_ties_between_two_states_is_between_them(registry):
    found = agreements("Brazil praised an accord restoring ties between Chile and Peru, signed in 2019.", registry)
    assert [parties for _, parties in found] == [("chile", "peru")]


def test_a_brokered_deal_of_a_stated_year_links_to_the_registry_deal_with_its_broker(registry):
    found = agreements("Beijing brokered a deal restoring ties between Iran and Saudi Arabia in 2023.", registry)
    assert [gid for gid, _ in found] == ["iran-saudi-arabia-beijing-agreement-2023"]


def test_a_call_conjoined_with_a_joint_condemnation_is_two_events(registry):
    found = events("Vladimir Putin and Xi Jinping spoke by telephone on Thursday and jointly condemned the strikes "
                   "on Iran by Israel, the Kremlin said.", registry)
    assert {t for t, _, _ in found} == {"CONSULT", "ACCUSE"}


def modes(body: str, registry) -> list[tuple[str, str | None]]:
    return [(r["type"], r["mode"]) for r in extract_passage(body, registry)["event_reports"]]


def test_plover_mode_says_how_a_consultation_was_held(registry):
    assert modes("Wang Yi held a video call with Sergei Lavrov on Tuesday.", registry) == [("CONSULT", "phone")]
    assert modes("Xi Jinping visited Moscow on Monday.", registry) == [("CONSULT", "visit")]
    assert modes("Xi Jinping met Vladimir Putin in Astana on Monday.", registry) == [("CONSULT", None)]


def test_plover_mode_says_what_aid_was_given(registry):
    assert modes("Iran sent drones to Russia last month.", registry) == [("AID", "military")]
    assert modes("China gave Iran a $2 billion loan in March.", registry) == [("AID", "economic")]
    assert modes("China sent Iran drones and a loan in March.", registry) == [("AID", None)]


def test_verbs_and_objects_the_lexicon_reads_through(registry):
    def types(sentence):
        return [t for t, _, _ in events(sentence, registry)]
    assert types("North Korea tested a new cruise missile on Tuesday.") == ["MOBILIZE"]
    assert types("Russian troops crossed into Ukraine on Thursday.") == ["ASSAULT"]
    assert types("Russian forces used Iranian drones against Ukraine on Monday.") == ["ASSAULT"]
    assert types("A United Nations arms embargo on Iran expired on Sunday.") == ["RETREAT"]
    assert types("Abbas Araghchi was in Geneva on Friday for talks with British and French ministers.") == ["CONSULT"]
    assert types("The International Criminal Court issued an arrest warrant for Vladimir Putin on Friday.") == \
        ["ACCUSE"]
    assert types("Vladimir Putin repeated his offer of mediation to Israel and Iran on Wednesday.") == ["AGREE"]


def test_a_threat_told_to_another_is_aimed_at_the_listener(registry):
    found = events("Antony Blinken told Chinese leaders on Friday that Washington would act.", registry)
    assert found == [("THREATEN", "2025-05-23", {"antony-blinken", "china", "united-states"})]


def test_beginning_to_do_something_is_doing_it(registry):
    found = events("North Korea began in April to send artillery shells to Russia.", registry)
    assert found == [("AID", "2025-04", {"north-korea", "russia"})]


def test_a_supply_contract_is_between_supplier_and_buyer_and_a_company_is_its_own_party(registry):
    found = agreements("Gazprom concluded a 30-year contract on Friday to supply China National Petroleum "
                       "Corporation with gas.", registry, published="2022-02-05")
    assert [parties for _, parties in found] == [("china-national-petroleum-corporation", "gazprom")]
    found = agreements("Rosneft signed a deal to sell oil to India.", registry)
    assert [parties for _, parties in found] == [("india", "rosneft")]


def test_a_vaguer_mention_of_an_event_already_dated_is_the_same_event(registry):
    found = events("Recep Tayyip Erdogan spoke with Ilham Aliyev by phone on May 8. During the conversation earlier "
                   "this month, Erdogan and Aliyev discussed transit routes.", registry)
    assert [(t, d) for t, d, _ in found] == [("CONSULT", "2025-05-08")]


def test_the_two_as_a_subject_are_the_states_last_named_together(registry):
    found = events("Chile and Peru met Brazil in March. The two vetoed a draft resolution in April.", registry)
    assert ("REJECT", "2025-04", {"chile", "peru"}) in found


def test_ratifying_constitutional_amendments_is_not_an_agreement(registry):
    assert events("Russia's parliament ratified the constitutional amendments in March.", registry) == []


def test_who_acts_under_an_agreement_are_its_parties(registry):
    found = agreements("Under a 2023 arms deal, Tehran supplied Moscow with drones.", registry)
    assert found == [("iran-russia-deal-2023", ("iran", "russia"))]


def test_the_two_companies_and_their_are_the_companies_named_together(registry):
    found = agreements("Gazprom and China National Petroleum Corporation met in Beijing on Monday. In 2022 the two "
                       "companies signed a 25-year contract. Gas also flows under their contract of 2014.", registry)
    assert [parties for _, parties in found] == [("china-national-petroleum-corporation", "gazprom")] * 2


def test_a_capitalised_treaty_name_is_the_registry_treaty_of_the_states_in_its_sentence(registry):
    found = agreements("Russia and North Korea's Comprehensive Strategic Partnership Treaty took effect on "
                       "Wednesday.", registry, published="2024-12-09")
    assert [gid for gid, _ in found] == ["russia-north-korea-comprehensive-strategic-partnership-treaty"]


def test_a_participle_clause_shares_the_subject_of_its_sentence(registry):
    records = extract_passage("Vladimir Putin and Alexander Lukashenko signed a new defence pact, building on the "
                              "1999 treaty.", registry, "2024-12-09")
    found = {m["text"]: m["agreement_id"] for m in records["agreement_mentions"]}
    assert found.get("the 1999 treaty") == "treaty-on-the-creation-of-a-union-state-of-russia-and-belarus"


def test_a_month_in_a_sentence_about_the_future_is_the_next_such_month(registry):
    found = events("Vladimir Putin and Xi Jinping are expected to meet again in late March.", registry)
    assert [(t, d) for t, d, _ in found] == [("CONSULT", "2026-03")]  # published 2025-05-23


def test_a_sentence_opening_time_read_as_the_subject_is_no_event(registry):
    assert events("Last week gave Moscow one new treaty.", registry) == []


def test_what_a_pledge_is_against_is_no_party_to_it(registry):
    found = events("Vladimir Putin and Xi Jinping pledged on Tuesday to stand together against American "
                   "protectionism.", registry)
    assert found == [("AGREE", "2025-05-20", {"vladimir-putin", "xi-jinping"})]


def test_agreeing_a_truce_is_concluding_an_agreement(registry):
    found = events("China and the United States agreed a trade truce in Busan late last year.", registry)
    assert [(t, d) for t, d, _ in found] == [("SUPPORT", "2024")]


def test_a_new_persons_possessive_appositive_gives_their_state(registry):
    records = extract_passage("Li Hui, China's special representative for Eurasian affairs, arrived in Kyiv on "
                              "Tuesday.", registry)
    person = next(a for a in records["new_actors"] if a["id"] == "li-hui")
    assert person["affiliation_id"] == "china" and person["role"].startswith("China's special representative")


def test_a_missile_fired_at_nobody_named_is_a_launch_and_this_morning_is_today(registry):
    assert events("North Korea fired a ballistic missile this morning.", registry) == \
        [("MOBILIZE", "2025-05-23", {"north-korea"})]
    assert [t for t, _, _ in events("Russia fired missiles at Kyiv this morning.", registry)] == ["ASSAULT"]


def test_a_council_meeting_needs_no_second_side(registry):
    assert events("The UN Security Council will meet in open session on Wednesday.", registry) == \
        [("CONSULT", "2025-05-28", {"united-nations-security-council"})]


def test_issuing_a_joint_statement_is_concluding_one(registry):
    assert [t for t, _, _ in events("China and Iran issued a joint statement in January 2016.", registry)] == \
        ["SUPPORT"]


def test_announcing_is_no_event_by_itself_but_announcing_sanctions_is(registry):
    assert events("Donald Trump announced on Monday that Israel and Iran had agreed to talk.", registry) == []
    assert [t for t, _, _ in events("The United States announced sanctions on Iran on Monday.", registry)] == \
        ["SANCTION"]


def test_threat_and_criticism_words_in_a_dated_statement(registry):
    found = events("The State Department said on Monday that Chinese firms helping Iran would expose themselves "
                   "to sanctions.", registry)
    assert [t for t, _, _ in found] == ["THREATEN"]
    found = events("Lin Jian said on Friday that the US sanctions were an act of bullying against China.", registry)
    assert [t for t, _, _ in found] == ["ACCUSE"]


def test_a_name_after_an_opening_weekday_is_the_subject(registry):
    found = agreements("On Friday Rosneft also signed a five-year contract to supply Reliance Industries with crude "
                       "oil.", registry)
    assert [parties for _, parties in found] == [("reliance-industries", "rosneft")]


def test_dismissing_the_charge_is_aimed_at_whoever_made_it(registry):
    found = events("On Monday Sergei Lavrov accused Turkey of arming militants in Syria. Ankara dismissed the charge "
                   "on Tuesday.", registry)
    assert ("REJECT", "2025-05-20", {"turkey", "sergei-lavrov"}) in found


def test_criticism_reported_two_clauses_deep_names_its_target(registry):
    found = events("Sergei Lavrov said on Monday that the vote showed Ankara felt no responsibility for the "
                   "shelling.", registry)
    assert ("ACCUSE", "2025-05-19", {"sergei-lavrov", "turkey"}) in found


def test_what_was_said_in_a_dated_call_is_dated_by_the_call(registry):
    found = events("Wang Yi told Sergei Lavrov in a call on Saturday that Ankara should stop the shelling.",
                   registry)
    assert ("REQUEST", "2025-05-17", {"wang-yi", "turkey"}) in found


def test_a_reported_clause_hung_on_the_occasion_is_what_was_said(registry):
    found = events("Sergei Lavrov, the foreign minister, told reporters after Thursday's vote that Ankara wanted to "
                   "silence the monitors because their reports had documented the shelling.", registry)
    assert ("ACCUSE", "2025-05-22", {"sergei-lavrov", "turkey"}) in found


def test_a_title_in_apposition_to_the_name_is_the_persons_not_another_participant(registry):
    found = events("Iran's UN ambassador, Hamid Rezaei, urged Turkey on Friday to reopen the border.", registry)
    assert [(kind, ids) for kind, _, ids in found] == [("REQUEST", {"hamid-rezaei", "turkey"})]


def test_the_council_is_the_council_named_before(registry):
    found = events("The UN Security Council met on Thursday. Sergei Lavrov urged the council on Friday to lift "
                   "the embargo.", registry)
    assert ("REQUEST", "2025-05-23", {"sergei-lavrov", "united-nations-security-council"}) in found


def test_a_when_clause_on_a_date_is_dated_by_it(registry):
    found = events("The accord took effect on Monday, when Turkey and Azerbaijan exchanged instruments of "
                   "ratification in Ankara.", registry)
    assert ("SUPPORT", "2025-05-19", {"turkey", "azerbaijan"}) in found


def test_an_act_during_dated_talks_is_dated_by_them(registry):
    found = events("During Thursday's talks, Sergei Lavrov asked Turkey to reopen the border.", registry)
    assert ("REQUEST", "2025-05-22", {"sergei-lavrov", "turkey"}) in found


def test_striking_down_a_resolution_is_a_rejection(registry):
    found = events("On Tuesday Turkey struck down a proposal from Azerbaijan on the pipeline.", registry)
    assert [kind for kind, _, _ in found] == ["REJECT"]


def test_a_passive_subject_is_the_target_and_a_question_is_no_request(registry):
    found = events("Turkey was accused by Sergei Lavrov on Monday of arming the militia. Hakan Fidan was asked "
                   "about the plan on Tuesday.", registry)
    assert found == [("ACCUSE", "2025-05-19", {"turkey", "sergei-lavrov"})]
    records = extract_passage("Turkey was accused by Sergei Lavrov on Monday of arming the militia.", registry)
    assert dict(records["event_reports"][0]["actors"]) == {"turkey": "target", "sergei-lavrov": "source"}


def test_a_capital_where_others_meet_is_the_venue_not_a_side(registry):
    found = events("On Monday Turkish and Russian officials met in Baku to discuss the railway.", registry)
    assert found == [("CONSULT", "2025-05-19", {"turkey", "russia"})]


def test_the_years_a_plan_covers_do_not_date_its_signing(registry):
    found = events("Sergei Lavrov and Hakan Fidan signed a plan of consultations for 2026 and 2027 after talks in "
                   "Ankara on Wednesday.", registry)
    assert sorted(found, key=lambda e: e[0]) == [("CONSULT", "2025-05-21", {"sergei-lavrov", "hakan-fidan"}),
                                                 ("SUPPORT", "2025-05-21", {"sergei-lavrov", "hakan-fidan"})]


def test_a_subordinate_clause_the_parser_hangs_on_an_object_adds_no_side(registry):
    found = events("Officials from Turkey, Georgia and Azerbaijan met in Tbilisi on Friday to discuss the "
                   "railway, days after Washington renewed pressure on Baku to negotiate.", registry)
    assert found == [("CONSULT", "2025-05-23", {"turkey", "georgia", "azerbaijan"})]


def test_agreeing_to_extend_a_treaty_is_concluding_it(registry):
    found = events("Turkey and Azerbaijan agreed on Monday to extend their 2010 treaty for ten years.", registry)
    assert ("SUPPORT", "2025-05-19", {"turkey", "azerbaijan"}) in found


def test_who_a_signed_supply_contract_reaches_is_a_party(registry):
    found = events("On Friday Rosneft signed a five-year contract to supply Reliance Industries with crude oil.",
                   registry)
    assert [(kind, ids) for kind, _, ids in found] == [("SUPPORT", {"rosneft", "reliance-industries"})]


def test_a_signed_plan_is_an_agreement_dated_by_its_signing_not_by_the_years_it_covers(registry):
    found = agreements("Sergei Lavrov and Turkish Foreign Minister Hakan Fidan signed a plan of consultations for "
                       "2026 and 2027 after talks in Ankara on Wednesday. Both sides have a plan to expand trade.",
                       registry)
    assert found == [("russia-turkey-plan-2025", ("russia", "turkey"))]


def test_a_signing_in_another_month_than_the_registry_agreement_of_that_year_is_another_agreement(registry):
    october = agreements("Vladimir Putin and Xi Jinping signed a joint statement in Beijing in October 2024.",
                         registry, published="2024-12-01")
    may = agreements("Vladimir Putin and Xi Jinping signed a joint statement in Beijing in May 2024.",
                     registry, published="2024-12-01")
    assert [gid for gid, _ in may] == ["china-russia-joint-statement-2024"]
    assert [gid for gid, _ in october] != ["china-russia-joint-statement-2024"]


def test_an_arrangement_signed_by_the_subjects_of_its_clause(registry):
    found = agreements("Turkey, Georgia and Azerbaijan already exchange customs data under an arrangement the "
                       "three signed in December 2023.", registry)
    assert [parties for _, parties in found] == [("azerbaijan", "georgia", "turkey")]


def test_the_two_are_the_states_named_together_since_the_last_event_between_two(registry):
    found = events("Russia and Iran held talks in Moscow on Monday. Far from there, Turkey and Azerbaijan have "
                   "grown closer. The two signed a pipeline agreement on Tuesday.", registry)
    assert ("SUPPORT", "2025-05-20", {"turkey", "azerbaijan"}) in found


def test_criticism_of_the_sanctions_is_aimed_at_who_imposed_them(registry):
    found = events("The United States imposed sanctions on two Turkish banks on Monday. Turkish Foreign Minister "
                   "Hakan Fidan said on Tuesday that the sanctions were illegal.", registry)
    assert ("ACCUSE", "2025-05-20", {"hakan-fidan", "united-states"}) in found


def test_adding_companies_to_a_sanctions_list_is_a_sanction(registry):
    found = events("The US Treasury on Thursday added two Turkish refineries to its sanctions list.", registry)
    assert [kind for kind, _, _ in found] == ["SANCTION"]


def test_expected_in_a_capital_is_a_visit(registry):
    records = extract_passage("Sergei Lavrov is expected in Ankara early next month.", registry)
    assert [(r["type"], r["mode"], r["date"]) for r in records["event_reports"]] == [("CONSULT", "visit", "2025-06")]


def test_calling_the_allegations_fiction_the_same_day_rejects_them(registry):
    found = events("On May 20, Sergei Lavrov told reporters in Moscow that Turkey had sold drones to the rebels. "
                   "Turkish Foreign Minister Hakan Fidan wrote on X the same day that the allegations were "
                   "\"pure fiction\".", registry)
    assert ("REJECT", "2025-05-20", {"hakan-fidan", "sergei-lavrov"}) in found


def test_using_weapons_in_numbers_against_a_capital_is_an_attack(registry):
    found = events("Russian forces first used the drones in large numbers against Tbilisi in October 2024.", registry)
    assert found == [("ASSAULT", "2024-10", {"russia", "georgia"})]


def test_moving_forces_out_of_a_sea_is_a_withdrawal(registry):
    records = extract_passage("Turkey moved two frigates out of the Black Sea last week.", registry)
    assert [(r["type"], r["mode"], r["date"]) for r in records["event_reports"]] == [("RETREAT", "withdraw", "2025-05")]


def test_two_days_after_counts_back_from_the_date_it_hangs_on(registry):
    found = events("Turkish jets struck targets in Syria on Friday. The strikes came two days after Russia "
                   "vetoed a resolution on the border crossing.", registry)
    assert ("REJECT", "2025-05-21", {"russia"}) in found
    vague = extract_passage("Turkish jets struck targets in Syria on Friday. The strikes came months after Russia "
                            "vetoed a resolution on the border crossing.", registry)
    assert [r["trigger"] for r in vague["event_reports"]] == ["struck"]


def test_the_drills_two_navies_held_are_a_joint_exercise(registry):
    found = events("Ankara pointed to the large drills Greece and Cyprus held in April.", registry)
    assert found == [("COOPERATE", "2025-04", {"greece", "cyprus"})]


def test_condemning_the_launch_is_aimed_at_who_fired_it(registry):
    found = events("North Korea fired a ballistic missile into the sea on Friday. Seoul called an emergency "
                   "meeting. The South Korean navy tracked the flight. Turkey condemned the launch on Friday.",
                   registry)
    assert ("ACCUSE", "2025-05-23", {"turkey", "north-korea"}) in found


def test_a_passive_raising_verb_leaves_the_subject_the_source(registry):
    records = extract_passage("Turkish leaders are expected to condemn the strikes on Syria this evening.", registry)
    assert [dict(r["actors"]).get("turkey") for r in records["event_reports"]] == ["source"]


def test_an_agreement_for_one_company_to_work_with_another_is_theirs_and_listed_deals_share_a_signing(registry):
    records = extract_passage("Turkey and Azerbaijan met in Baku. On Wednesday the two governments signed some 20 "
                              "deals, among them an agreement for Rosneft to build pipelines with Reliance Industries.",
                              registry, "2025-05-23")
    mention = next(m for m in records["agreement_mentions"] if m["text"] == "an agreement")
    new = {g["id"]: g for g in records["new_agreements"]}
    assert new[mention["agreement_id"]]["parties"] == ["reliance-industries", "rosneft"]
    assert new[mention["agreement_id"]]["signed"] == "2025"


def test_a_plan_signed_along_with_a_statement_is_dated_by_the_signing_not_the_years_it_runs_to(registry):
    records = extract_passage("Turkey and Azerbaijan signed a joint statement on Tuesday, along with a plan to "
                              "expand trade through 2030.", registry, "2025-05-23")
    new = {g["id"]: g for g in records["new_agreements"]}
    plan = next(m for m in records["agreement_mentions"] if m["text"] == "a plan")
    assert (new[plan["agreement_id"]]["parties"], new[plan["agreement_id"]]["signed"]) == (["azerbaijan", "turkey"],
                                                                                          "2025")


def test_a_statement_issued_when_a_dated_visit_happened_takes_its_year(registry):
    found = agreements("It goes back to Xi Jinping's visit to Ankara in March 2016, when the two governments issued "
                       "a joint statement announcing a partnership.", registry, published="2020-07-13")
    assert found == [("china-turkey-statement-2016", ("china", "turkey"))]


def test_handing_over_control_of_a_region_is_a_retreat_not_aid(registry):
    found = events("Ankara had endorsed the plan since Britain transferred control over the island in 1960.", registry)
    assert [kind for kind, _, _ in found] == ["RETREAT"]


def test_who_struck_a_dated_deal_takes_part_in_its_signing_and_new_powers_are_nobody_named(registry):
    found = events("The United States and Turkey met in Ankara on Monday. Both still cite the 2015 deal that "
                   "Azerbaijan signed with Georgia and two European powers.", registry)
    assert ("SUPPORT", "2015", {"azerbaijan", "georgia"}) in found


def test_what_a_dated_statement_records_in_which_clauses_is_dated_by_it(registry):
    found = events("Turkey and Armenia signed a joint statement on Tuesday in which Armenia pledged to reopen the "
                   "border crossing.", registry)
    assert ("AGREE", "2025-05-20", {"armenia"}) in found


def test_a_stance_the_statement_reports_is_its_type(registry):
    found = events("A spokesman for Turkey's foreign ministry said on Wednesday that Ankara firmly rejected the Greek "
                   "proposal.", registry)
    assert [(t, {"turkey", "greece"} <= actors) for t, _, actors in found] == [("REJECT", True)]


def test_a_second_that_clause_joined_by_but_is_part_of_what_was_said(registry):
    found = events("Iranian President Masoud Pezeshkian said on Thursday that his visit had been productive but "
                   "that Washington must release the frozen funds.", registry)
    assert found == [("REQUEST", "2025-05-22", {"masoud-pezeshkian", "united-states"})]


def test_the_new_sanctions_are_still_the_earlier_act_and_aimed_at_who_imposed_them(registry):
    found = events("The European Union imposed sanctions on three Belarusian banks on Monday. Belarus's foreign "
                   "ministry said on Tuesday that the new sanctions were illegal.", registry)
    assert any(t == "ACCUSE" and d == "2025-05-20" and {"belarus", "european-union"} <= actors
               for t, d, actors in found)


def test_a_threat_word_counts_only_in_what_someone_will_do(registry):
    # "would" and the noun "sanctions" in one clause are no threat: the sanctions are what is talked about
    found = events("Li Wen said on Friday that the sanctions on Chinese firms would not change Beijing's course.",
                   registry)
    assert "THREATEN" not in [t for t, _, _ in found]
    found = events("Li Wen said on Friday that China would retaliate against any American sanctions.", registry)
    assert [t for t, _, _ in found] == ["THREATEN"]


def test_a_spokesman_belongs_to_the_state_of_his_ministry(registry):
    # the registry affiliates Lin Jian with China's foreign ministry, not with China: his side is the
    # ministry's state, the side the statement names, so the statement is one-sided until "the
    # sanctions" are traced to the Treasury
    found = events("The US Treasury added two Chinese refiners to its sanctions list on Thursday. Lin Jian said on "
                   "Friday that the sanctions were illegal and hurt China.", registry)
    assert ("ACCUSE", "2025-05-23", {"lin-jian", "china", "united-states-department-of-the-treasury"}) in found


def test_refusing_to_recognise_an_earlier_vote_rejects_it(registry):
    found = events("The IAEA board voted on Friday to censure Iran. Iran's foreign ministry said on Saturday that "
                   "Tehran would not recognise the vote.", registry)
    assert any(t == "REJECT" and d == "2025-05-17" and {"iran", "international-atomic-energy-agency"} <= actors
               for t, d, actors in found)


def test_should_with_a_verb_of_worry_is_a_judgement_not_a_request(registry):
    found = events("US envoy Tom Reed said on Wednesday that Russia's bombing of the ports should worry every "
                   "government in Europe.", registry)
    assert "REQUEST" not in [t for t, _, _ in found]
    found = events("US envoy Tom Reed said on Wednesday that Russia should stop bombing the ports.", registry)
    assert [t for t, _, _ in found] == ["REQUEST"]


def test_them_in_what_was_said_is_not_the_sides_of_the_last_event(registry):
    found = events("China and Russia held talks on Monday. The United States imposed new tariffs on dairy imports on "
                   "Tuesday. Lithuania's foreign ministry said on Wednesday that the tariffs were unlawful and that "
                   "Vilnius would not observe them.", registry)
    rejected = [actors for t, _, actors in found if t == "REJECT"]
    assert rejected and not rejected[0] & {"china", "russia"}


def test_a_clause_after_a_subordinating_word_is_not_what_was_said(registry):
    # the parser takes "hit" for a verb joined to "had": it is no part of what was said
    found = events("Sergei Lavrov told Hakan Fidan on Monday that the raids had \"no excuse and no legal basis\", a "
                   "day after Israeli jets hit three Syrian air bases.", registry)
    said = [actors for t, d, actors in found if d == "2025-05-19"]
    assert said == [] or all(not actors & {"israel", "syria"} for actors in said)


def test_an_event_noun_that_began_or_resumed_is_dated_by_the_verb(registry):
    assert events("Talks between Armenia and Azerbaijan resumed on Monday.", registry) == \
        [("CONSULT", "2025-05-19", {"armenia", "azerbaijan"})]
    # the parser hangs the relative clause on the last name; the talks are what resumed
    found = events("The negotiations in Geneva between Armenia and Azerbaijan, which resumed late last month, are "
                   "stuck.", registry)
    assert [(t, d, {"armenia", "azerbaijan"} <= actors) for t, d, actors in found] == [("CONSULT", "2025-04", True)]
    assert [t for t, _, _ in events("The war between Armenia and Azerbaijan began on September 27.", registry)] == \
        ["ASSAULT"]


def test_a_war_that_ended_or_talks_that_did_not_resume_are_no_event_on_that_date(registry):
    assert events("The war between Iran and Iraq ended in 1988.", registry) == []
    assert events("Talks between Armenia and Azerbaijan did not resume on Monday.", registry) == []


def test_a_dated_document_or_occasion_dates_what_was_said_in_it(registry):
    found = events("In a communique issued on Thursday, the Arab League condemned Israel's strikes on Lebanon.",
                   registry)
    assert [(t, d, {"arab-league", "israel"} <= actors) for t, d, actors in found] == [("ACCUSE", "2025-05-22", True)]
    found = events("At a news conference held on Monday, Sergei Lavrov accused Turkey of arming militants.", registry)
    assert ("ACCUSE", "2025-05-19", {"sergei-lavrov", "turkey"}) in found


def test_verbs_that_carry_their_objects_meaning(registry):
    # "flew a patrol", "wrapped up an exercise", "concluded talks": the object is the event
    assert events("Two Turkish and two Azerbaijani jets flew a joint patrol over the Caspian last month.",
                  registry) == [("COOPERATE", "2025-04", {"azerbaijan", "turkey"})]
    assert [t for t, _, _ in events("The Azerbaijani and Turkish navies wrapped up their annual exercise off Baku "
                                    "this week.", registry)] == ["COOPERATE"]
    assert [t for t, _, _ in events("Azerbaijan and Turkey concluded two days of talks on Monday.", registry)] == \
        ["CONSULT"]
    assert [t for t, _, _ in events("Azerbaijan and Turkey concluded a defence treaty on Monday.", registry)] == \
        ["SUPPORT"]


def test_agreeing_on_a_truce_is_concluding_it(registry):
    found = events("Armenia and Azerbaijan agreed in Geneva late last year on a trade truce.", registry)
    assert [(t, d, {"armenia", "azerbaijan"} <= actors) for t, d, actors in found] == [("SUPPORT", "2024", True)]


def test_adding_a_list_of_names_to_a_sanctions_list_when_the_parser_hangs_to_on_a_name():
    # a parse as the model gives it for a long list of company names: "to" hangs on a name it took for a verb
    import spacy
    from spacy.tokens import Doc

    from crink.extract.events import event_type

    words = ["Treasury", "added", "two", "firms", ",", "Acme", "Oil", ",", "to", "its", "sanctions", "list", "."]
    heads = [1, 1, 3, 1, 3, 1, 5, 5, 5, 11, 11, 8, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "punct", "advcl", "dobj", "punct", "prep", "poss", "compound", "pobj",
            "punct"]
    pos = ["PROPN", "VERB", "NUM", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT", "ADP", "PRON", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["Treasury", "add", "two", "firm", ",", "Acme", "Oil", ",", "to", "its", "sanction", "list", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert event_type(doc[1]) == "SANCTION"


def test_a_participle_of_a_stance_shares_the_date_of_the_act_it_follows(registry):
    found = events("Sergei Lavrov met Hakan Fidan in Ankara on Monday, urging Turkey to reopen the straits.", registry)
    assert ("REQUEST", "2025-05-19", {"sergei-lavrov", "turkey"}) in found
    # what a signed treaty commits its parties to is the treaty, not another event
    found = events("Armenia and Georgia signed a treaty on Monday, committing both to settle disputes peacefully.",
                   registry)
    assert [t for t, _, _ in found] == ["SUPPORT"]


def test_a_missile_fired_into_the_sea_is_a_launch_and_one_fired_at_a_state_an_attack(registry):
    assert [t for t, _, _ in events("North Korea fired two cruise missiles into the sea on Friday.", registry)] == \
        ["MOBILIZE"]
    assert events("Iran fired rockets at Israeli towns on Friday.", registry) == \
        [("ASSAULT", "2025-05-23", {"iran", "israel"})]


def test_a_visit_due_later_in_the_month_of_a_call_is_another_event(registry):
    found = events("Recep Tayyip Erdogan and Vladimir Putin spoke by telephone on Thursday. Russia's foreign "
                   "minister is due in Ankara later this month.", registry)
    assert sorted((t, d) for t, d, _ in found) == [("CONSULT", "2025-05"), ("CONSULT", "2025-05-22")]


def test_agreeing_in_a_brokered_deal_is_concluding_it_with_the_broker(registry):
    found = events("Armenia and Azerbaijan agreed on Friday to reopen their border, in a deal brokered by Turkey.",
                   registry)
    assert found == [("SUPPORT", "2025-05-23", {"armenia", "azerbaijan", "turkey"})]


def test_the_truce_two_sides_agreed_when_the_parser_takes_truce_for_a_verb(registry):
    found = events("Armenia and Azerbaijan held talks on Monday. The trade truce the two capitals agreed in Geneva "
                   "late last year has so far survived two disputes.", registry)
    assert any(t == "SUPPORT" and d == "2024" and {"armenia", "azerbaijan"} <= actors for t, d, actors in found)


def test_a_launch_noun_is_a_launch_and_scrambling_jets_a_mobilisation(registry):
    assert events("Tension rose after Pyongyang's launch of a spy satellite last month.", registry) == \
        [("MOBILIZE", "2025-04", {"north-korea"})]
    assert [t for t, _, _ in events("Japan scrambled fighter jets on Tuesday.", registry)] == ["MOBILIZE"]


def test_a_date_line_heading_dates_the_entries_under_it(registry):
    body = ("Thursday, 22 May. Times are local.\n\n"
            "- 07:50 North Korea fired two cruise missiles off its west coast, South Korea's military said.\n\n"
            "- 08:30 Japan's defence minister Gen Nakatani urged Pyongyang to halt the launches.\n\n"
            "Friday, 23 May.\n\n"
            "- 06:00 Beijing accused Washington of stoking tension.")
    found = events(body, registry)
    assert ("MOBILIZE", "2025-05-22", {"north-korea"}) in found
    assert ("REQUEST", "2025-05-22", {"gen-nakatani", "north-korea"}) in found
    assert ("ACCUSE", "2025-05-23", {"china", "united-states"}) in found
    records = extract_passage(body, registry)
    text = records["article"]["text"]
    for r in records["event_reports"]:  # the date points at the heading, the method says so
        assert r["method"] == "rule:date-from-heading" and r["date_start_offset"] < r["start"]
        assert text[r["date_start_offset"]:r["date_start_offset"] + len(r["date_text"])] == r["date_text"]
    # without the heading, nothing in the entries is dated
    assert events(body.replace("Thursday, 22 May.", "Our live page.").replace("Friday, 23 May.", "Later."),
                  registry) == []


def test_calling_something_names_it_and_is_criticism_only_in_critical_words(registry):
    assert events("On Tuesday Sergei Lavrov called the US move \"a dangerous provocation\".", registry) == \
        [("ACCUSE", "2025-05-20", {"sergei-lavrov", "united-states"})]
    assert events("On Tuesday Sergei Lavrov called the US envoy a friend.", registry) == []
    # "On Tuesday" is a time, not the "on" of "called on X to"
    assert [t for t, _, _ in events("On Tuesday Sergei Lavrov called Wang Yi.", registry)] == ["CONSULT"]


def test_saying_a_state_would_veto_is_a_rejection_not_a_threat(registry):
    found = events("On Tuesday Vasily Nebenzya said Moscow would veto any new Security Council sanctions on "
                   "Pyongyang.", registry)
    assert [t for t, _, _ in found] == ["REJECT"]


def test_a_meeting_named_again_dates_what_was_done_at_or_after_it(registry):
    found = events("Vladimir Putin and Recep Tayyip Erdogan spoke by phone on Thursday. During the call, the two "
                   "leaders condemned Israel's strikes on Syria.", registry)
    assert ("ACCUSE", "2025-05-22", {"russia", "turkey", "israel", "syria"}) in found
    found = events("Armenia and Georgia held talks in Tbilisi on Monday. Azerbaijan's president phoned Recep "
                   "Tayyip Erdogan on Wednesday. After the meeting, Armenia's foreign ministry said in a statement that the two "
                   "sides had urged Baku to release prisoners.", registry)
    # "the meeting" is the talks, not the call; the stance said, not a word of criticism, types it
    assert [(t, d) for t, d, _ in found if t == "REQUEST"] == [("REQUEST", "2025-05-19")]
    # a meeting named again without an earlier one of its kind dates nothing
    assert events("During the call, the two leaders condemned Israel's strikes on Syria.", registry) == []


def test_a_stance_said_types_a_statement_before_a_critical_word_in_it(registry):
    found = events("On Monday Iran's foreign ministry said the two countries had urged Washington to lift its "
                   "\"illegal\" sanctions.", registry)
    assert [t for t, _, _ in found] == ["REQUEST"]


def test_an_em_dash_after_a_closing_quote_mark_is_a_word_of_its_own():
    from crink.nlp import parse

    words = [t.text for s in parse("Both condemned “meddling”—meaning sanctions.").sentences for t in s.span]
    assert words[:6] == ["Both", "condemned", "“", "meddling", "”", "—"]


def test_the_sides_of_the_occasion_are_not_what_was_criticised_at_it(registry):
    found = events("Wang Yi met Sergei Lavrov on Monday. During their meeting on Monday, Wang criticised Japan's "
                   "defence budget.", registry)
    assert ("ACCUSE", "2025-05-19", {"wang-yi", "japan"}) in found


def test_a_gloss_on_what_was_criticised_names_the_target(registry):
    found = events("On Monday China's foreign ministry criticised \"certain countries\", referring to Japan and "
                   "Australia.", registry)
    assert [(t, {"japan", "australia"} <= actors) for t, _, actors in found] == [("ACCUSE", True)]


def test_a_pronoun_going_on_from_a_dated_sentence_takes_its_day(registry):
    body = ("Chinese foreign ministry spokesman Lin Jian was asked about the drills on Tuesday. He said they were "
            "\"provocative\" and urged Japan and the Philippines to stop \"stirring up trouble\".")
    assert ("REQUEST", "2025-05-20", {"lin-jian", "japan", "philippines"}) in events(body, registry)
    # only the very next sentence goes on from it
    later = body.replace(" He said", " Japan's defence ministry made no comment. He said")
    assert not [t for t, _, _ in events(later, registry) if t == "REQUEST"]


def test_a_time_right_after_an_event_noun_subject_dates_the_noun(registry):
    found = events("Xi Jinping's visit to Moscow last week produced a joint statement.", registry)
    assert [(t, d) for t, d, _ in found] == [("CONSULT", "2025-05")]
    assert events("Xi Jinping's speech produced a joint statement last week.", registry) == []


def test_slapping_sanctions_lodging_a_protest_finalising_a_deal_take_their_objects_meaning(registry):
    assert events("Washington slapped sanctions on Iranian oil traders last week.", registry) == \
        [("SANCTION", "2025-05", {"united-states", "iran"})]
    assert events("Japan lodged a formal protest with China on Friday.", registry) == \
        [("ACCUSE", "2025-05-23", {"japan", "china"})]
    assert events("Russia and Iran finalised a deal on gas supplies on Tuesday.", registry) == \
        [("SUPPORT", "2025-05-20", {"russia", "iran"})]


def test_an_official_flying_to_a_capital_or_for_talks_is_a_visit(registry):
    assert events("Abbas Araghchi headed to Moscow on Tuesday.", registry) == \
        [("CONSULT", "2025-05-20", {"abbas-araghchi", "russia"})]
    assert [t for t, _, _ in events("Iran's foreign minister flew to Beijing on Tuesday for talks with Wang Yi.",
                                    registry)] == ["CONSULT"]
    assert events("Iranian drones flew to the border on Tuesday.", registry) == []


def test_what_was_discussed_is_not_a_side_and_a_designation_is_a_sanction(registry):
    found = events("Vladimir Putin and Xi Jinping discussed the war in Ukraine during a 90-minute call on Thursday.",
                   registry)
    assert found and all(actors == {"vladimir-putin", "xi-jinping"} for _, _, actors in found)
    assert events("Washington designated the Houthis a terrorist organisation in January.", registry) == \
        [("SANCTION", "2025-01", {"united-states", "houthis"})]


def test_a_memorandum_of_something_with_a_body_has_that_body_for_party(registry):
    body = "Armenia signed a memorandum of understanding with the European Union on Monday."
    assert events(body, registry) == [("SUPPORT", "2025-05-19", {"armenia", "european-union"})]
    records = extract_passage(body, registry)
    assert [sorted(g["parties"]) for g in records["new_agreements"]] == [["armenia", "european-union"]]


def test_would_in_a_reported_plan_is_will_told_in_the_past(registry):
    assert events("Russia announced on Monday that it would hold naval drills with China in July.", registry) == \
        [("COOPERATE", "2025-07", {"russia", "china"})]
    # but "would have" is what did not happen
    assert events("Russia said China would have vetoed the resolution in 2024 had it come to a vote.", registry) == []


def test_claiming_an_attack_is_the_attack_and_overseeing_a_test_the_test(registry):
    for body in ("The Houthis claimed responsibility for an attack on an Israeli port on Sunday.",
                 "On Sunday the Houthis claimed responsibility for an attack on an Israeli port."):
        assert events(body, registry) == [("ASSAULT", "2025-05-18", {"houthis", "israel"})]
    assert events("Kim Jong Un oversaw the test of a new cruise missile on Saturday.", registry) == \
        [("MOBILIZE", "2025-05-17", {"kim-jong-un"})]


def test_a_parliament_approving_a_treaty_ratifies_it(registry):
    assert events("Iran's parliament approved the strategic partnership treaty with Russia on Wednesday.",
                  registry) == [("SUPPORT", "2025-05-21", {"iran", "russia"})]
    assert [t for t, _, _ in events("The Security Council approved a resolution on Wednesday.", registry)] == \
        ["AGREE"]


def test_a_package_of_sanctions_is_sanctions_and_what_it_lists_is_targeted(registry):
    assert events("Britain unveiled a new raft of sanctions on Russian banks last week.", registry) == \
        [("SANCTION", "2025-05", {"united-kingdom", "russia"})]
    assert events("The European Union on Monday adopted a new package of sanctions, listing two Chinese "
                  "refineries.", registry) == [("SANCTION", "2025-05-19", {"european-union", "china"})]


def test_manoeuvres_are_drills_and_sweeping_into_a_capital_an_attack(registry):
    assert events("Russian and Chinese forces began joint manoeuvres on Tuesday.", registry) == \
        [("COOPERATE", "2025-05-20", {"russia", "china"})]
    assert events("Rebels led by Hayat Tahrir al-Sham swept into Damascus on Sunday.", registry) == \
        [("ASSAULT", "2025-05-18", {"hayat-tahrir-al-sham", "syria"})]


def test_a_meeting_on_the_sidelines_of_a_dated_summit_takes_its_date(registry):
    found = events("Xi Jinping and Vladimir Putin will meet on the sidelines of the SCO summit in Tianjin next month.",
                   registry)
    assert ("CONSULT", "2025-06", {"xi-jinping", "vladimir-putin"}) in found


def test_an_armed_campaign_is_an_attack_begun_by_its_own_side_not_by_who_joined_it(registry):
    found = events("The United States joined an Israeli air campaign that began on May 13. Her election campaign "
                   "began on May 14.", registry)
    assert found == [("ASSAULT", "2025-05-13", {"israel"})]


def test_an_attack_on_a_place_is_aimed_at_the_state_it_lies_in_unless_that_is_contested(registry):
    found = events("US B-2 bombers hit Natanz early on Sunday. Ukrainian drones struck Crimea on Monday.", registry)
    assert ("ASSAULT", "2025-05-18", {"united-states", "natanz", "iran"}) in found
    assert ("ASSAULT", "2025-05-19", {"ukraine", "crimea"}) in found


def test_an_attack_where_a_place_is_is_aimed_at_that_place(registry):
    found = events("Two soldiers were captured in the Kursk region, where Ukrainian forces launched an offensive "
                   "in August 2024.", registry)
    assert ("ASSAULT", "2024-08", {"ukraine", "kursk-oblast", "russia"}) in found


def test_the_three_leaders_are_the_last_three_leaders_named_not_the_accuser(registry):
    found = events("Xi Jinping watched the parade on Wednesday, with Vladimir Putin on his left and Kim Jong Un on his "
                   "right. Putin thanked Kim for troops who pushed Ukrainian forces back. On Thursday US President "
                   "Donald Trump accused the three leaders of plotting.", registry)
    accuse = [actors for t, _, actors in found if t == "ACCUSE"]
    assert accuse == [{"donald-trump", "china", "russia", "north-korea"}]


def test_a_subject_the_parser_puts_in_apposition_inside_an_opening_phrase_still_acts(registry):
    found = events("After a truce between Chile and Peru, Peru's president visited Brazil on Monday.", registry)
    assert found == [("CONSULT", "2025-05-19", {"brazil", "peru"})]


def test_entering_into_a_pact_is_concluding_it_with_whom_it_names(registry):
    found = events("Chile entered into a trade pact with Peru last March. Troops entered into the town on Monday.",
                   registry)
    assert found == [("SUPPORT", "2025-03", {"chile", "peru"})]


def test_staging_drills_waging_war_and_using_a_veto_are_events(registry):
    found = events("Chile and Peru staged joint drills on Monday. Peru has waged war on its rebels since March. "
                   "Chile used its veto on Tuesday. Chile used the talks on Wednesday to press its case.", registry)
    assert [(t, d) for t, d, _ in found] == [("COOPERATE", "2025-05-19"), ("ASSAULT", "2025-03"),
                                            ("REJECT", "2025-05-20")]


def test_an_arrangement_in_negotiation_is_an_agreement_of_whoever_negotiates_it(registry):
    found = agreements("Chile and Peru held talks on Monday and agreed to speed up work on a fishing arrangement. "
                       "Chilean and Peruvian officials discussed a payments arrangement that the two governments have "
                       "been negotiating for a year. The security arrangement in the region has frayed.", registry)
    assert found == [("chile-peru-arrangement", ("chile", "peru")), ("chile-peru-arrangement", ("chile", "peru"))]


def test_talks_on_an_existing_agreement_do_not_make_it_unsigned(registry):
    found = agreements("China and Iran held talks on the 2021 agreement.", registry)
    assert found == [("china-iran-25-year-comprehensive-cooperation-agreement", None)]


def test_whom_a_pledge_is_to_takes_part_even_when_the_parser_hangs_it_on_the_gift(registry):
    found = events("Chile pledged $2 billion in loans to Peru in March.", registry)
    assert found == [("AGREE", "2025-03", {"chile", "peru"})]


def test_a_sanction_for_handling_goods_is_aimed_at_the_goods_origin(registry):
    found = events("The US Treasury on Tuesday blacklisted three Malaysian shipping firms for carrying "
                   "Venezuelan crude.", registry)
    assert ("SANCTION", "2025-05-20", {"united-states-department-of-the-treasury", "malaysia", "venezuela"}) in found


def test_a_unit_of_a_company_names_the_company(registry):
    found = events("Britain on Monday sanctioned six firms, including two units of Rosneft.", registry)
    assert any(t == "SANCTION" and "rosneft" in actors for t, _, actors in found)


def test_walking_out_of_a_deal_is_a_rejection(registry):
    found = events("Brazil walked out of the trade accord in March.", registry)
    assert ("REJECT", "2025-03", {"brazil"}) in found


def test_who_is_prompted_to_act_is_who_acts(registry):
    found = events("The incursion prompted Norway and Finland to scramble fighter jets on Monday.", registry)
    assert ("MOBILIZE", "2025-05-19", {"norway", "finland"}) in found


def test_dropping_objections_is_a_concession(registry):
    found = events("Slovakia dropped its objections to the package on Wednesday.", registry)
    assert ("CONCEDE", "2025-05-21", {"slovakia"}) in found


def test_a_call_for_restraint_is_a_request_not_an_exercise(registry):
    found = events("India called on both sides to exercise restraint on Thursday.", registry)
    assert [t for t, _, _ in found] == ["REQUEST"]


def test_it_in_a_subordinate_clause_is_the_state_of_the_main_clause(registry):
    found = events("Pakistan has not fired a cruise missile since it tested a new model in March.", registry)
    assert ("MOBILIZE", "2025-03", {"pakistan"}) in found


@pytest.mark.parametrize("sentence, expected", [
    ("Poland summoned the Belarusian ambassador on Monday.", ("ACCUSE", "2025-05-19", {"poland", "belarus"})),
    ("Lithuania recalled its ambassador from Belarus on Thursday.", ("SANCTION", "2025-05-22", {"lithuania", "belarus"})),
    ("Belarus suspended its participation in the treaty in July.", ("REJECT", "2024-07", {"belarus"})),
    ("The Pentagon deployed two destroyers to the region last week.",
     ("MOBILIZE", "2025-05", {"united-states-department-of-defense"})),
    ("Washington imposed visa restrictions on Cuban officials last week.", ("SANCTION", "2025-05", {"united-states", "cuba"})),
    ("Russia launched a missile barrage on Kyiv overnight on Tuesday.", ("ASSAULT", "2025-05-20", {"russia", "ukraine"})),
    ("Chinese coast guard vessels rammed a Philippine supply boat on Monday.",
     ("ASSAULT", "2025-05-19", {"china", "philippines"})),
    ("Turkey offered to mediate between Armenia and Azerbaijan in February.",
     ("AGREE", "2025-02", {"turkey", "armenia", "azerbaijan"})),
    ("Indonesia banned exports of nickel to Japan in December.", ("SANCTION", "2024-12", {"indonesia", "japan"})),
])
def test_common_news_acts_are_typed_by_plover(registry, sentence, expected):
    assert expected in events(sentence, registry)


def test_a_pledge_made_in_a_meeting_dates_the_meeting_and_names_whom_the_support_is_for(registry):
    found = events("Alexander Lukashenko pledged full support for Russia's campaign in a meeting with "
                   "Sergei Shoigu on Wednesday.", registry)
    assert ("AGREE", "2025-05-21", {"alexander-lukashenko", "russia"}) in found
    assert ("CONSULT", "2025-05-21", {"alexander-lukashenko", "sergei-shoigu"}) in found


def test_people_described_as_accused_are_no_accusation(registry):
    found = events("Belarus executed two men accused of spying for Poland on Wednesday.", registry)
    assert not [t for t, _, _ in found if t == "ACCUSE"]


def test_whom_a_state_hosts_for_talks_is_met_on_the_talks_date(registry):
    found = events("Turkey hosted Sergei Lavrov for talks on Wednesday.", registry)
    assert ("CONSULT", "2025-05-21", {"turkey", "sergei-lavrov"}) in found


def test_a_law_signed_ratifying_a_treaty_is_the_ratification(registry):
    found = events("Alexander Lukashenko signed a law on Monday ratifying the treaty with Russia.", registry)
    assert ("SUPPORT", "2025-05-19", {"alexander-lukashenko", "russia"}) in found


def test_an_arrangement_with_a_named_side_is_an_agreement_but_arrangements_in_general_are_not(registry):
    found = agreements("Chile has a visa-free arrangement with Peru for tourist groups. "
                       "Security arrangements with Peru are under review.", registry)
    assert found == [("chile-peru-arrangement", ("chile", "peru"))]


def test_what_follows_dated_talks_shares_their_sides_and_day(registry):
    found = events("Following talks in Santiago on Monday, the presidents of Chile and Peru signed a fisheries "
                   "accord.", registry)
    assert any(t == "CONSULT" and d == "2025-05-19" and {"chile", "peru"} <= actors for t, d, actors in found)
    assert ("SUPPORT", "2025-05-19", {"chile", "peru"}) in found


def test_a_seizure_is_an_attack_and_troops_deployed_into_a_states_region_are_aid(registry):
    assert ("ASSAULT", "2025-05-23", {"iran"}) in events("Iran's seizure of the tanker on Friday drew protests.",
                                                         registry)
    found = events("Belarusian troops were deployed to Russia's Belgorod region last month.", registry)
    assert any(t == "AID" and {"belarus", "russia"} <= actors for t, _, actors in found)
