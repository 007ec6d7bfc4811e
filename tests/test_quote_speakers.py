"""Quotes on invented sentences: speakers named by a relative clause's antecedent, and quoted
names and labels kept apart as terms."""

from conftest import extract_passage
from crink.paths import DEFAULT_RAW
from crink.registry import load_registry

REGISTRY = load_registry(DEFAULT_RAW)


def records(body: str) -> dict:
    return extract_passage(body, REGISTRY)


def quotes(body: str) -> list[tuple[str, str]]:
    return [(q["speaker_id"], q["text"]) for q in records(body)["quotes"]]


def test_which_said_is_spoken_by_the_noun_the_clause_modifies():
    found = quotes('Talks ended late on Monday. The Kremlin, which called the talks "very useful and frank", '
                   'gave no details.')
    assert found == [("russia", "very useful and frank")]


def test_who_said_is_spoken_by_the_person_the_clause_modifies():
    found = quotes('Officials met Sergei Lavrov, who described the meeting as "a step forward for both sides".')
    assert found == [("sergei-lavrov", "a step forward for both sides")]


def test_a_quoted_label_or_name_is_a_term_even_with_a_speaker():
    found = records('State media in Pyongyang said the army had tested what it described as a new "tactical guided '
                    'weapon". The drills, billed as "Ocean Shield", began on Friday, the Iranian navy said.')
    assert [q["text"] for q in found["quotes"] if q["kind"] != "indirect"] == []
    assert [(t["text"], t["category"]) for t in found["quoted_terms"]] == [("tactical guided weapon", "term"),
                                                                          ("Ocean Shield", "title")]


def test_a_short_quote_with_a_speaker_is_still_a_quote():
    assert ("sergei-lavrov", "very useful") in quotes('Sergei Lavrov said the talks were "very useful".')


def test_a_description_with_a_named_appositive_is_spoken_by_the_named_person():
    found = quotes('"The strikes were reckless," Iran\'s foreign ministry spokesman, Nasser Kanaani, told reporters.')
    assert found == [("nasser-kanaani", "The strikes were reckless")]


def test_words_of_an_earlier_quote_quoted_again_are_that_speakers_quote():
    found = quotes('Xi Jinping said China would "defend international equity and justice" with Russia. '
                   'Critics say the partnership is not about "equity and justice" at all.')
    assert ("xi-jinping", "equity and justice") in found


def test_officials_of_a_named_state_speak_for_it():
    assert ("iran", "legitimate") in quotes('Iranian officials described the militia as "legitimate".')


def test_a_states_ministry_missing_from_the_registry_becomes_an_affiliated_actor():
    found = records('Ukraine\'s foreign ministry called the visit "a wrong choice" on Thursday.')
    new = {a["id"]: a for a in found["new_actors"]}
    assert new["ministry-of-foreign-affairs-of-ukraine"]["affiliation_id"] == "ukraine"
    assert new["ministry-of-foreign-affairs-of-ukraine"]["name"] == "Ministry of Foreign Affairs of Ukraine"
    assert [(q["speaker_id"], q["text"]) for q in found["quotes"]] == [("ministry-of-foreign-affairs-of-ukraine",
                                                                     "a wrong choice")]


def test_a_reporting_participle_after_a_preposition_takes_the_main_clause_subject():
    found = quotes('After noting that the relationship between Russia and China "is as strong as it has ever '
                   'been," Vladimir Putin "reaffirmed support for Beijing on Hong Kong."')
    assert ("vladimir-putin", "is as strong as it has ever been") in found
    assert any(speaker == "vladimir-putin" and text.startswith("the relationship") for speaker, text in found)


def test_a_colon_quote_after_a_speakers_message_is_spoken_by_its_owner():
    found = quotes('Chinese Foreign Minister Wang Yi arrived in Oslo on Monday. His message to his hosts was '
                   'blunt: "No one can divide two old friends."')
    assert found == [("wang-yi", "No one can divide two old friends")]


def test_a_short_sentence_left_open_at_a_paragraph_end_is_part_of_the_quote():
    found = quotes('"Our trade has never been stronger," said Maria Zakharova. "The sanctions have failed.'
                   '\n\n"They have only pushed us closer together."')
    assert found == [("maria-zakharova", "Our trade has never been stronger"),
                     ("maria-zakharova", "The sanctions have failed"),
                     ("maria-zakharova", "They have only pushed us closer together")]


def test_quote_paragraphs_after_a_paragraph_naming_the_speaker_are_that_speakers():
    found = quotes('Sergei Lavrov spoke for almost an hour, and his argument was a familiar one.'
                   '\n\n"The old order is gone and will not return.'
                   '\n\n"Those who pretend otherwise are only deceiving their own voters."')
    assert found == [("sergei-lavrov", "The old order is gone and will not return"),
                     ("sergei-lavrov", "Those who pretend otherwise are only deceiving their own voters")]


def test_he_said_is_the_person_last_named_as_a_subject_not_the_last_named():
    found = quotes('Sergei Lavrov spent two hours with Wang Yi on Monday. "We see the world the same way," he said.')
    assert found == [("sergei-lavrov", "We see the world the same way")]


def test_said_in_a_statement_that_reports_the_clause_the_parser_hangs_on_the_noun():
    found = quotes("After the talks, Peru's foreign ministry said in a statement that the three sides had urged "
                   "Chile to lift its tariffs.")
    assert [text for _, text in found] == ["the three sides had urged Chile to lift its tariffs"]


def test_a_two_word_clause_around_a_quoted_phrase_is_also_reported_speech():
    found = quotes('Abbas Araghchi said Tehran stood "on the side of law".')
    assert ("abbas-araghchi", 'Tehran stood "on the side of law"') in found


def test_a_states_media_speak_for_it():
    found = quotes("North Korean state media said the launch had been a complete success.")
    assert found == [("north-korea", "the launch had been a complete success")]


def test_a_reporting_verb_set_off_by_commas_reports_the_clause_around_it():
    found = quotes("Maria Zakharova spoke to reporters on Monday. Chile, she added, would object to any such plan.")
    assert found == [("maria-zakharova", "Chile, she added, would object to any such plan")]


def test_a_that_clause_hung_on_a_phrase_after_the_verb_is_still_reported_speech():
    found = quotes("Sergei Lavrov told reporters after the talks that Pyongyang needed firm guarantees of its "
                   "security.")
    assert found == [("sergei-lavrov", "Pyongyang needed firm guarantees of its security")]


def test_a_relative_clause_on_the_phrase_is_not_reported_speech():
    assert quotes("Sergei Lavrov spoke to reporters after the talks that Kim Jong Un held with Xi Jinping.") == []


def test_a_clause_the_parser_hangs_on_the_reporting_verb_stays_in_the_reported_clause():
    found = quotes('Sergei Ryabkov told Interfax that Russia was "not afraid" of sanctions and could discuss arms '
                   'deliveries with Tehran, but that no request had been made. He said the talks were useful, '
                   'adding that more would follow.')
    assert [text for _, text in found if " " in text] == [
        'Russia was "not afraid" of sanctions and could discuss arms deliveries with Tehran, but that no request '
        'had been made', "not afraid", "the talks were useful", "more would follow"]


def test_a_phrase_someone_meant_is_a_label_even_when_it_echoes_their_quote():
    found = records('Xi Jinping praised ties "in the new era", according to a readout. Xi did not say what he '
                    'meant by "new era".')
    assert [q["text"] for q in found["quotes"] if q["kind"] == "partial"] == ["in the new era"]
    assert [t["text"] for t in found["quoted_terms"]] == ["new era"]


def test_according_to_a_bodys_statement_speaks_for_the_body_not_the_clauses_subject():
    found = quotes('Iran can now buy tanks from any country, according to a statement from the Iranian foreign '
                   'ministry, which called the day "historic for the region".')
    assert ("ministry-of-foreign-affairs-of-iran", "Iran can now buy tanks from any country") in found
    assert ("ministry-of-foreign-affairs-of-iran", "historic for the region") in found


def test_a_transcript_speaker_label_before_a_colon_is_the_speaker():
    found = quotes('Dmitry Peskov spoke to reporters on Monday.\n\nQ: Has Moscow had an answer?\n\n'
                   'Peskov: "Not yet. We are still waiting."')
    assert found == [("dmitry-peskov", "Not yet. We are still waiting")]


def test_a_reporter_asking_is_nobody_named():
    found = quotes('A reporter from a Chinese outlet asked: "Will Moscow consult Beijing first?"')
    assert found == [(None, "Will Moscow consult Beijing first?")]


def test_a_quote_nested_in_a_quote_is_spoken_by_whoever_the_outer_quote_names():
    found = quotes('Dmitry Peskov said: "We are waiting. Mr Biden told the President, \'All options are on the '
                   'table.\' That does not help."')
    assert ("joe-biden", "All options are on the table") in found
    assert found[0][0] == "dmitry-peskov"


def test_words_quoted_inside_a_quote_with_no_speaker_are_a_term():
    found = records('"It will be good for trade," said Sergei Lavrov. "But we have heard \'next year\' before."')
    assert [q["text"] for q in found["quotes"]] == ["It will be good for trade", "But we have heard 'next year' before"]
    assert [t["text"] for t in found["quoted_terms"]] == ["next year"]


def test_repeated_is_a_reporting_verb():
    found = quotes("Maria Zakharova took questions. Russian troops, she repeated, were moving on Russian soil.")
    assert found == [("maria-zakharova", "Russian troops, she repeated, were moving on Russian soil")]


def test_a_name_the_tagger_calls_an_organisation_is_a_person_after_a_title_or_with_an_age():
    found = records('Governor Vasily Orlov and his counterpart agreed to split the costs. "This time the money is '
                    'there," Orlov said.')
    assert {a["id"]: a["type"] for a in found["new_actors"]}.get("vasily-orlov") == "person"
    assert [(q["speaker_id"], q["text"]) for q in found["quotes"]] == [("vasily-orlov", "This time the money is there")]


def test_a_states_ministry_named_in_full_takes_the_registrys_name_for_that_state():
    found = records("A spokesman for China's Ministry of Commerce said the curbs were unfair.")
    new = {a["id"]: a for a in found["new_actors"]}
    body = new["ministry-of-commerce-of-the-people-s-republic-of-china"]
    assert body["affiliation_id"] == "china" and body["name"] == "Ministry of Commerce of the People's Republic of China"


def test_words_inside_a_treaty_title_and_named_events_are_not_actors():
    found = records("It replaces the Treaty on the Basis for Mutual Relations and the Principles of Cooperation. "
                    "Xi Jinping will attend the Shanghai Expo and the Asian Winter Games.")
    assert [a["id"] for a in found["new_actors"]] == []


def test_a_speaker_the_parser_gives_to_a_participle_clause_still_speaks():
    found = quotes("Secretary of State Mike Pompeo, presenting the measures the next day, said the United States "
                   "would act.")
    assert found == [("mike-pompeo", "the United States would act")]


def test_a_dateline_parsed_as_a_second_subject_does_not_hide_the_speaker():
    found = quotes('UNITED NATIONS — Russia on Friday accused Britain of "armed aggression" against Yemen.')
    assert found == [("russia", "armed aggression")]


def test_the_company_is_the_last_company_named_of_that_state():
    found = quotes("Gazprom and China National Petroleum Corporation signed a new supply deal on Monday, the "
                   "Russian company said in a statement.")
    assert [speaker for speaker, _ in found] == ["gazprom"]


def test_reported_speech_inside_reported_speech_is_the_inner_speakers():
    found = quotes("Sergei Lavrov met Wang Yi. China's foreign ministry said Lavrov had told his hosts that Moscow "
                   "would keep its promises. Moscow, Lavrov assured them, would not send troops.")
    assert found == [("sergei-lavrov", "Moscow would keep its promises"), ("sergei-lavrov", "would not send troops")]


def test_the_first_word_of_a_new_organisations_long_name_refers_to_it_later():
    found = quotes("Russia signed a contract with Longjiang Bridge & Cableway Engineering on Tuesday. Longjiang said "
                   "in a statement that it expected to finish the station within a year.")
    assert found == [("longjiang-bridge-cableway-engineering", "it expected to finish the station within a year")]


def test_a_word_a_naming_verb_or_noun_introduces_is_a_term():
    found = records('Several governments now label the grouping as a new "bloc". Critics say it threatens the '
                    'generals\' notion of "order".')
    assert [q["text"] for q in found["quotes"] if q["kind"] != "indirect"] == []
    assert [t["text"] for t in found["quoted_terms"]] == ["bloc", "order"]


def test_a_conclusion_the_writer_infers_is_not_reported_speech():
    assert quotes("Sergei Lavrov evidently concluded that the talks had failed.") == []
    assert quotes("Sergei Lavrov concluded that the talks had failed.") == [("sergei-lavrov", "the talks had failed")]


def test_according_to_a_readout_with_only_the_speaker_outside_the_marks_is_one_partial_quote():
    found = records('Sergei Lavrov spoke to his counterpart on Monday. The Russian minister "welcomed the steady '
                    'progress of the talks on trade," according to a readout from the ministry.')
    assert [(q["kind"], q["speaker_id"]) for q in found["quotes"]] == [("partial", "sergei-lavrov")]


def test_a_name_after_an_opening_weekday_is_the_speaker():
    found = quotes("Sergei Lavrov flew to Ankara. On Friday Lavrov also said that the talks had failed.")
    assert found == [("sergei-lavrov", "the talks had failed")]


def test_the_council_said_is_the_council_named_before():
    found = quotes('The UN Security Council met on Thursday. The council said that the embargo would stay.')
    assert found == [("united-nations-security-council", "the embargo would stay")]


def test_the_surname_he_is_a_name_not_the_pronoun():
    found = records("Sergei Lavrov arrived on Monday. He Mingzhi, a spokesman for the ministry, said that the "
                    "talks had been useful.")
    assert [(q["speaker_id"], q["text"]) for q in found["quotes"]] == [("he-mingzhi", "the talks had been useful")]
    assert "he-mingzhi" in {a["id"] for a in found["new_actors"]}


def test_a_states_commerce_ministry_is_that_states_ministry():
    found = records("Turkey's trade ministry said that the tariffs would stay.")
    assert [(q["speaker_id"], q["text"]) for q in found["quotes"]] == [("ministry-of-trade-of-turkey",
                                                                        "the tariffs would stay")]


def test_according_to_a_readout_the_teller_speaks_not_the_state_in_what_was_told():
    found = quotes('Sergei Lavrov met Hakan Fidan on Monday. He told Fidan that Turkey valued "strategic mutual '
                   'trust" and opposed "Cold War thinking", according to a readout from the Turkish defence ministry, '
                   'which did not mention Syria.')
    assert ("sergei-lavrov", "Cold War thinking") in found


def test_adding_after_a_reported_clause_is_the_reporters():
    found = quotes('Maria Zakharova spoke on Thursday. She said Moscow and Minsk were acting within the law, adding: '
                   '"We don\'t ask Washington\'s permission, and we won\'t start now."')
    assert ("maria-zakharova", "We don't ask Washington's permission, and we won't start now") in found


def test_his_ministry_is_the_ministry_his_title_names():
    found = quotes("Russian Foreign Minister Sergei Lavrov is due in Ankara next week, his ministry said in a "
                   "statement.")
    assert found == [("ministry-of-foreign-affairs-of-the-russian-federation",
                      "Russian Foreign Minister Sergei Lavrov is due in Ankara next week")]


def test_quick_to_point_out_is_the_subjects_reported_speech():
    assert quotes("Turkey is quick to point out that the militants are based near the border.") == [
        ("turkey", "the militants are based near the border")]


def test_not_saying_something_is_no_reported_speech():
    assert quotes("Sergei Lavrov did not say how much money was involved.") == []


def test_according_to_a_readout_a_speech_act_with_its_words_in_marks_is_one_partial_quote():
    found = records('According to a Kremlin readout, Sergei Lavrov called the talks "an example of good '
                    'neighbourly cooperation in the region".')
    assert [(q["kind"], q["speaker_id"]) for q in found["quotes"]] == [("partial", "sergei-lavrov")]


def test_greeting_someone_as_a_dear_friend_is_the_greeters_words():
    assert ("sergei-lavrov", "old friend") in quotes('Sergei Lavrov arrived in Ankara. On Tuesday he greeted Hakan '
                                                      'Fidan as an "old friend" before their talks.')


def test_the_owner_of_a_speech_noun_speaks_a_short_quote():
    found = quotes('Sergei Lavrov spoke on Monday. His advice to Ankara is to keep talking to Baku "without illusions" '
                   'and to stop treating the talks as a favour.')
    assert found == [("sergei-lavrov", "without illusions")]


def test_an_unqualified_ministry_between_two_states_is_not_guessed():
    # Iran in the sentence before, Russia in the spokesman's own: the ministry could be either's
    found = records("Iran sent a delegation abroad on Monday. On Wednesday foreign ministry spokesman Oleg Petrov "
                    "said Russia welcomed the visit.")
    assert "ministry-of-foreign-affairs-of-iran" not in {m["actor_id"] for m in found["mentions"]}
    # with only one state before it, that state's ministry is meant
    found = records("Iran sent a delegation abroad on Monday. On Wednesday a foreign ministry spokesman said the "
                    "visit had gone well.")
    assert "ministry-of-foreign-affairs-of-iran" in {m["actor_id"] for m in found["mentions"]}


def test_a_description_or_an_age_names_the_person_of_the_sentence_before():
    assert quotes('Iran\'s Supreme Leader, Ayatollah Ali Khamenei, struck a defiant tone. "We will not bow," the '
                  'elderly cleric told a gathering in Tehran.') == [("ali-khamenei", "We will not bow")]
    assert quotes('Mahathir Mohamad was scathing. "Nobody trusts them," the 99-year-old said.') == \
        [("mahathir-mohamad", "Nobody trusts them")]


def test_a_short_quoted_sentence_after_an_attributed_quote_goes_on_from_it():
    assert quotes('"We have made our position clear," said Vasily Nebenzya. "Russia will veto."') == \
        [("vasily-nebenzya", "We have made our position clear"), ("vasily-nebenzya", "Russia will veto")]
    # a short quoted phrase that is no sentence stays a term
    assert quotes('"We have made our position clear," said Vasily Nebenzya. "Win-win cooperation" was '
                  'nowhere to be heard.') == [("vasily-nebenzya", "We have made our position clear")]


def test_an_unnamed_spokesperson_for_a_body_speaks_for_it():
    assert quotes('"We regret the decision," a spokesperson for the European Commission said.') == \
        [("european-commission", "We regret the decision")]


def test_someones_spokesman_speaks_not_the_someone():
    assert quotes('Vladimir Putin\'s spokesman, Dmitry Peskov, said the Kremlin "took note" of the remarks.')[-1] == \
        ("dmitry-peskov", "took note")
    assert quotes('Vladimir Putin\'s spokesman said the Kremlin had "taken note" of the remarks.')[-1][0] is None


def test_what_several_said_together_has_no_single_speaker():
    found = records("Japan and South Korea said they would coordinate closely on North Korea.")["quotes"]
    assert [(q["speaker_id"], q["kind"], q["method"]) for q in found] == [(None, "indirect", "indirect/joint")]
    assert quotes("Japan said it would coordinate closely with South Korea.") == \
        [("japan", "it would coordinate closely with South Korea")]


def test_a_surname_after_a_titled_alias_is_that_person():
    found = quotes('Envoys handed a note to Ayatollah Ali Khamenei on Monday. "We will not bow," Khamenei said.')
    assert found == [("ali-khamenei", "We will not bow")]


def test_a_document_speaks_for_whoever_issued_it():
    found = quotes('The statement, issued by the Kremlin, said Russia "remains open to dialogue".')
    assert found == [("russia", "remains open to dialogue")]


def test_whom_an_agency_quotes_as_saying_is_the_speaker():
    found = quotes('State media quoted Alexander Lukashenko as saying the exercise was "a signal to the West".')
    assert ("alexander-lukashenko", "a signal to the West") in found
    assert not [speaker for speaker, _ in found if speaker != "alexander-lukashenko"]


def test_a_portfolio_in_a_title_is_no_body():
    found = records('"We are ready," Indian External Affairs Minister S. Jaishankar said on Monday.')
    assert not [a["id"] for a in found["new_actors"] if a["type"] == "organization"]


def test_a_spokesperson_for_a_states_embassy_speaks_for_the_state_but_not_for_the_host():
    found = quotes('"We do not comment on rumours," said a spokesperson for the Chilean embassy in Lima. '
                   '"No comment," said a spokesperson for the embassy in Lima.')
    assert found == [("chile", "We do not comment on rumours"), (None, "No comment")]
