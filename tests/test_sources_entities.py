"""Sources as entities: mentions of one speaker become one ``source_entity``."""
import pandas as pd

from analysis.sources import extract_sources, sources_table
from analysis.sources_entities import _apposed_name, _body_before, _name_before, _same_name, _short_body, corpus_entities, load_source_aliases, mention_words, names_of, raw_words
from analysis.sources_lexicon import norm


def entities(text):
    return extract_sources(text).source_entity.tolist()


def test_a_title_a_name_and_the_full_mention_are_one_speaker():
    text = ("قال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ. وأضاف ترامب أن العقوبات ستعود. "
            "وقال الرئيس الأمريكي إنه لن يتراجع.")
    assert set(entities(text)) == {"الرئيس الأمريكي دونالد ترامب"}


def test_a_title_takes_the_name_written_earlier_in_the_article():
    text = ("وزير الدفاع الإسرائيلي أفيغدور ليبرمان زار الحدود أمس.\n"
            "وقال ليبرمان إن الجيش مستعد.\n"
            "وحذر وزير الدفاع من أي تصعيد.")
    assert entities(text) == ["ليبرمان"] * 2


def test_a_title_takes_the_name_written_after_its_object():
    text = "ووصف الأمين العام لمجلس التعاون الخليجي الهجوم نايف الحجرف بالجبان."
    assert entities(text) == ["الأمين العام لمجلس التعاون الخليجي نايف الحجرف"]


def test_spellings_of_one_name_merge():
    text = "وقال السيناتور روبرت مينديز إن العقوبات ضرورية. وأضاف مينينديز أن الكونغرس سيتحرك."
    assert len(set(entities(text))) == 1


def test_an_unnamed_source_is_not_merged_with_another():
    text = "وقال مصدر إن الوفد وصل. وبيّن مصدر آخر أن المحادثات بدأت."
    assert entities(text) == ["مصدر", "مصدر آخر"]
    text = "ولفتت مصادر إلى أن الوفد وصل. وأوضحت المصادر أن المحادثات بدأت."
    assert entities(text) == ["مصادر", "مصادر"]


def test_outlets_take_their_gazetteer_name():
    assert entities("وقالت وكالة رويترز إن الوفد وصل. وذكرت رويتر أن المحادثات بدأت.") == ["رويترز", "رويترز"]


def test_the_alias_table_merges_what_rules_cannot():
    aliases = load_source_aliases()
    assert aliases[mention_words(norm("سعد معن").split())] == "خلية الإعلام الأمني"
    table = pd.DataFrame({"source_entity": ["سعد معن رئيس خلية الإعلام الأمنية", "خلية الإعلام الأمني"],
                          "source_type": ["named_person_or_body"] * 2})
    assert corpus_entities(table).tolist() == ["خلية الإعلام الأمني"] * 2


def test_across_articles_a_name_joins_its_fullest_mention():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        "قال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ.",
        "وقال ترامب إن العقوبات ستعود.",
        "وقال الرئيس الأمريكي، دونالد ترامب، إن إيران تهدد المنطقة."]})
    assert set(sources_table(corpus).source_entity) == {"الرئيس الأمريكي دونالد ترامب"}


def test_relays_are_labelled_like_entities():
    table = extract_sources("ونقلت وكالة رويترز عن مسؤولين أمنيين أن الهجوم فشل.")
    assert table.via.tolist() == ["", "رويترز"]


def test_a_family_name_in_i_is_a_name_not_an_adjective():
    # الحديثي is rare as a word although الحديث is common: it names the spokesman
    text = ("وقال الناطق باسم الحكومة العراقية سعد الحديثي إن بغداد ترفض التدخل. "
            "وأكد الحديثي أن العراق دولة ذات سيادة.")
    assert extract_sources(text).source_entity.nunique() == 1


def test_generic_sources_are_not_merged_across_articles():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        "وقالت وزارة الداخلية إن الحدود مغلقة. وقال مصدر أمني إن المهاجمين فروا.",
        "وقالت وزارة الداخلية إن الانتخابات هادئة. وقال مصدر أمني إن الطريق فتح. "
        "وقالت منظمة العفو الدولية إن المعتقلين عذبوا.",
        "وقالت منظمة العفو الدولية إن السجون مكتظة. وقالت وزارة الداخلية التونسية إن التحقيق مستمر."]})
    table = sources_table(corpus)
    by_doc = table.groupby("source_entity").doc_id.nunique()
    # an unnamed source or "the interior ministry" of two articles are two speakers ...
    assert table.loc[table.source.str.startswith("مصدر"), "source_entity"].nunique() == 2
    assert table.loc[table.source == "وزارة الداخلية", "source_entity"].nunique() == 2
    # ... a body named specifically is one, and keeps its label
    assert by_doc["منظمة العفو الدولية"] == 2
    assert "وزارة الداخلية التونسية" in set(table.source_entity)


def test_a_definite_official_refers_back_to_the_person_named_before():
    text = ("وقال سامي الخطيب، مفوض الشرطة الاتحادية، للصحفيين إن التحقيق انتهى. "
            "وشدد المسؤول الإثيوبي على أنه لا دليل على تورط آخرين.")
    table = extract_sources(text)
    assert table.source_entity.tolist() == ["سامي الخطيب مفوض الشرطة الاتحادية"] * 2
    assert table.source_type.tolist() == ["named_person_or_body"] * 2


def test_a_title_of_another_nationality_is_another_person():
    text = "قال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ. وقال الرئيس الروسي إن موسكو ملتزمة بالاتفاق."
    assert entities(text) == ["الرئيس الأمريكي دونالد ترامب", "الرئيس الروسي"]


def test_a_title_takes_a_name_written_with_particles():
    text = "وكان الرئيس الموريتاني، محمد ولد عبد العزيز، قد زار المدينة. وأكد الرئيس الموريتاني أن الوضع آمن."
    assert entities(text) == ["الرئيس الموريتاني محمد ولد عبد العزيز"]


def test_an_indefinite_title_is_the_one_person_named_later_with_it():
    text = ("قالت قاضية أميركية في مانهاتن بنيويورك إن القردة ليست أشخاصا. "
            "وقالت القاضية باربره جافي إنها ملتزمة بالقانون.")
    table = extract_sources(text)
    assert table.source_entity.nunique() == 1 and table.source_entity.iloc[0] == "القاضية باربره جافي"
    # two judges named later: the first stays unnamed
    text += " وقالت القاضية سارة لي إن القرار نهائي."
    assert extract_sources(text).source_entity.iloc[0] == "قاضية أميركية في مانهاتن بنيويورك"


def test_a_long_vowel_after_the_first_letter_spells_one_name():
    text = "قالت الممثلة أمل بوشوشة إنها سعيدة. وقالت أمل بشوشة إن العمل ضخم."
    assert extract_sources(text).source_entity.nunique() == 1


def test_a_title_in_construct_is_the_latest_person_named_before_it_even_if_named_again_later():
    text = ("حذر نائب رئيس اللجنة الوطنية للحج عبدالقادر محمد الجبرتي من المواقع الوهمية. "
            "وقال مسؤول الحج: قريبا سيتم استقبال الطلبات. وقال الجبرتي إن الأسعار مناسبة.")
    table = extract_sources(text)
    assert table.source_entity.nunique() == 1


def test_a_title_is_not_named_after_its_clause_has_ended():
    # the name after إن belongs to what the speaker says, not to the speaker
    text = ("وقال قيادي في المقاومة الشعبية إن المعارك مستمرة. "
            "وأضاف القيادي: إن أم الشهيد جميل عبدالله إبراهيم حملت السلاح.")
    assert entities(text)[-1] == "القيادي"


def test_a_title_takes_a_foreign_name_written_twice_right_after_it():
    # no given name of the lexicon: a pair of name words the article writes again names it
    text = ("وقالت المحامية إن موكلها بريء. وكانت المحامية إليانور ولسون في المحكمة صباحا. "
            "وشوهدت إليانور ولسون مع موكلها.")
    assert entities(text) == ["المحامية إليانور ولسون"]


def test_a_title_does_not_take_two_words_written_once_after_it():
    text = "وقالت المحامية إن موكلها بريء. وبدت المحامية مرتبكة متلعثمة بعد الجلسة."
    assert entities(text) == ["المحامية"]


def test_an_expert_title_refers_back_to_the_expert_named_before():
    text = ("ويرى الباحث في معهد الشرق الأوسط، حسن حسن، أن النظام يستعد للمرحلة المقبلة. "
            "ويرجح الأكاديمي أن تكون موسكو وراء القرار.")
    labels = entities(text)
    assert len(set(labels)) == 1 and "حسن حسن" in labels[0]
    # a title of another kind does not, nor does an honorific that a minister carries too
    text = ("ويرى الباحث في معهد الشرق الأوسط، حسن حسن، أن النظام يستعد للمرحلة المقبلة. "
            "ويرجح الوزير أن تكون موسكو وراء القرار.")
    assert len(set(entities(text))) == 2
    text = ("ويرى الباحث في معهد الشرق الأوسط، حسن حسن، أن النظام يستعد للمرحلة المقبلة. "
            "وقال الوزير الدكتور محمد معيط إن الموازنة متوازنة. ويرى الأكاديمي أن موسكو وراء القرار.")
    assert "معيط" not in entities(text)[-1]
    # a professor is an expert, and so is a doctor named as one (the head of the mention)
    text = ("وقال أستاذ العلوم السياسية بجامعة القاهرة حسن نافعة إن الأزمة ستطول. "
            "ويرى الأكاديمي أن الحل سياسي.")
    assert len(set(entities(text))) == 1
    text = ("وقالت الدكتورة في علم النفس سلوى عمر إن الأطفال يعانون. وأضافت الباحثة أن العلاج ممكن.")
    assert len(set(entities(text))) == 1


def test_a_name_in_construct_after_a_title_or_relative_is_someone_else():
    # his lawyer, her friends: not the person named
    assert entities("وقال محامي ترامب إن موكله بريء. وقال ترامب إن التحقيق حملة سياسية.") == \
        ["محامي ترامب", "ترامب"]
    assert len(set(entities("وقال أصدقاء تشاريتي إنها بريئة. وقالت تشاريتي إنها ستستأنف الحكم."))) == 2
    # a title in apposition before the name is the person, and so is a name after the construct
    assert len(set(entities("وقال الرئيس ترامب إن الاتفاق سيئ. وأضاف ترامب أن العقوبات ستعود."))) == 1
    assert len(set(entities("وقال مستشار ترامب جون بولتون إن الاتفاق سيئ. وأضاف بولتون أن العقوبات ستعود."))) == 1
    assert len(set(entities("وقالت ابنة صدام حسين إن والدها بريء. وكان صدام حسين قال إن الحرب ستطول."))) == 2


def test_a_mention_found_at_a_cue_labels_the_entity_before_a_carried_one():
    # a continuation carries the words of a sentence's subject ("فهل تلقي تشاريتي باللوم …؟
    # ترد قائلة"): longer, but not a mention at a cue, so it labels nothing
    import pandas as pd
    from analysis.sources_entities import document_entities
    from analysis.sources_lexicon import norm

    def rows(items):
        return pd.DataFrame([{"source": s, "source_type": "named_person_or_body", "key": "", "start": 10 * i,
                              "words": tuple(norm(w) for w in s.split()), "resolved": r}
                             for i, (s, r) in enumerate(items)])

    carried = rows([("تشاريتي", "explicit"), ("تلقي تشاريتي باللوم", "coreference"), ("تشاريتي", "explicit")])
    assert document_entities(carried, "") == ["تشاريتي"] * 3
    # a longer mention at a cue still labels it
    assert document_entities(rows([("تشاريتي", "coreference"), ("الأم تشاريتي لويس", "explicit")]), "") == \
        ["الأم تشاريتي لويس"] * 2


def test_a_title_written_after_a_name_is_not_named_by_a_name_further_on():
    # "علي أكبر صالحي رئيس المنظمة ... وكبير المفاوضين عباس عراقجي": the title is Salehi's
    text = ("وعقد اجتماع بين اللجنة وعلي أكبر صالحي رئيس منظمة الطاقة الذرية الإيرانية ومساعد وزير الخارجية "
            "وكبير المفاوضين عباس عراقجي. وقال عراقجي إن الاتفاق جيد. وقد صرح رئيس منظمة الطاقة الذرية "
            "الإيرانية بأن البرلمان لا يحق له رفض الاتفاق.")
    table = extract_sources(text)
    assert table.source_entity.tolist() == ["عراقجي", "رئيس منظمة الطاقة الذرية الإيرانية"]
    text = ("وضم الاجتماع علي أكبر صالحي رئيس الوفد ومساعده عباس عراقجي. وقال عراقجي إن الاتفاق جيد. "
            "وأكد رئيس الوفد أن المفاوضات صعبة.")
    assert extract_sources(text).source_entity.tolist() == ["عراقجي", "رئيس الوفد"]
    # a name right after the title still names its holder
    text = ("استقبل الملك سلمان رئيس الوزراء العراقي مصطفى الكاظمي. وقال الكاظمي إن الزيارة مهمة. "
            "وأكد رئيس الوزراء العراقي أن العلاقات قوية.")
    assert extract_sources(text).source_entity.unique().tolist() == ["رئيس الوزراء العراقي مصطفى الكاظمي"]


def test_a_first_name_cited_alone_takes_the_family_name_the_article_writes():
    text = "شاركت الممثلة سارة عباس في المهرجان. وقد علقت سارة على القرار قائلة: \"إنه ظالم\"."
    assert extract_sources(text).source_entity.tolist() == ["سارة عباس"]
    # two people with that first name: the article does not say which
    text = "التقى سامي الكحلاني الرئيس. وقال سامي إن اللقاء مهم. وكان سامي الدهماني قد غادر."
    assert extract_sources(text).source_entity.tolist() == ["سامي"]
    # a first name that is also a frequent word ("مني": from me) takes none
    text = "شكرت منى الكحلاني الجمهور. وقد طلب مني أن أصعد إلى المنصة. وقال مني إن اللقاء مهم."
    assert extract_sources(text).source_entity.tolist() == ["مني", "مني"]
    # a common word after the name is no family name
    text = "وقال الأمير حسين إن الأردن بخير. وقال حسين مبادرته مستمرة."
    assert "حسين مبادرته" not in extract_sources(text).source_entity.tolist()


def test_a_title_joined_by_wa_after_a_name_is_another_persons():
    # "ترامب وزعيم كوريا الشمالية": the leader is not Trump
    text = ("التقى الرئيس الأمريكي دونالد ترامب وزعيم كوريا الشمالية في سنغافورة. وقال ترامب إن اللقاء ممتاز. "
            "وقال الزعيم الكوري الشمالي إنه يريد التركيز على الاقتصاد.")
    assert extract_sources(text).source_entity.tolist() == ["ترامب", "الزعيم الكوري الشمالي"]


def test_a_title_linked_to_a_name_labels_the_entity_with_both():
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت. وقال ماكرون إن فرنسا ستساعد لبنان. "
            "وأضاف الرئيس الفرنسي أن المساعدات ستصل قريبا.")
    assert extract_sources(text).source_entity.unique().tolist() == ["الرئيس الفرنسي إيمانويل ماكرون"]


def test_a_title_the_article_writes_with_another_name_is_not_the_cited_holder_of_the_same_title():
    # the Egyptian foreign minister, named once without a cue, is not the Saudi one cited by name
    text = ("التقى الملك سلمان مع وزير الخارجية المصري سامح شكري. وقال وزير الخارجية المصري إن المملكة "
            "على علم تام بالاجتماع. وأوضح وزير الخارجية عادل الجبير أن العلاقات قوية.")
    assert extract_sources(text).source_entity.tolist() == ["وزير الخارجية المصري سامح شكري",
                                                             "وزير الخارجية عادل الجبير"]
    # the same when the title opens the story before the other minister is cited
    text = ("وقال وزير الخارجية المصري إن المملكة على علم تام بالاجتماع. وأوضح وزير الخارجية عادل الجبير أن "
            "العلاقات قوية. وكان الملك سلمان قد استقبل وزير الخارجية المصري سامح شكري.")
    assert extract_sources(text).source_entity.tolist() == ["وزير الخارجية المصري سامح شكري",
                                                             "وزير الخارجية عادل الجبير"]


def test_a_title_opening_the_story_is_the_person_named_later_with_it():
    # the name after another title further on (الرئيس دونالد ترامب) is not the judge's
    text = ("قالت قاضية أميركية، في حكم ضد إدارة الرئيس دونالد ترامب، إن قرار إلغاء البرنامج غير قانوني. "
            "وقالت القاضية باربره جافي إنها ملتزمة بالقانون.")
    assert extract_sources(text).source_entity.tolist() == ["القاضية باربره جافي"] * 2


def test_a_spokesman_of_an_office_keeps_his_own_name():
    text = "التقى المتحدث باسم رئيس الوزراء العراقي سعد الحديثي بالصحفيين. وقال المتحدث إن الحكومة ماضية في الإصلاحات."
    assert extract_sources(text).source_entity.tolist() == ["المتحدث سعد الحديثي"]


def test_a_spokeswoman_is_not_named_after_the_minister_she_speaks_for():
    text = ("وقالت مايا كوسيانسيتش، المتحدثة باسم وزيرة خارجية الاتحاد الأوروبي فيديريكا موغيريني، إن "
            "التوقيفات مقلقة. وأضافت المتحدثة أن الاتحاد يتابع.")
    assert extract_sources(text).source_entity.tolist() == ["مايا كوسيانسيتش"] * 2


def test_the_papers_alone_are_the_papers_an_earlier_sentence_describes():
    # a press review names "the Algerian papers" once, then cites "the papers"
    text = ("تطرقت الصحف الجزائرية الصادرة اليوم لمجريات الأحداث في العراق. وأشارت الصحف إلى أن تحرير عدن "
            "مؤشر قوي. وعن الساحة الفلسطينية، كشفت الصحف عن ارتفاع عدد الموتى.")
    rows = extract_sources(text)
    assert rows.source.tolist() == ["الصحف", "الصحف"]
    assert rows.source_entity.tolist() == ["الصحف الجزائرية", "الصحف الجزائرية"]
    # with no description before, they stay the papers
    assert extract_sources("وأشارت الصحف إلى أن تحرير عدن مؤشر قوي.").source_entity.tolist() == ["الصحف"]


def test_across_articles_an_entity_takes_the_label_most_articles_give_it():
    # one article's span ran on into its object (three rows); two others name the body alone
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        "نددت منظمة هيومن رايتس ووتش إجلاء آلاف السوريين من مساكنهم. وقالت المنظمة إن الطرد تمييزي. "
        "وأضافت أن البلديات مسؤولة.",
        "وقالت منظمة هيومن رايتس ووتش إن السجناء تعرضوا للتعذيب.",
        "وذكرت منظمة هيومن رايتس ووتش أن القصف طال المدارس."]})
    table = sources_table(corpus)
    assert (table.doc_id == "a").sum() == 3 and "إجلاء" in table.source.iloc[0]
    assert set(table.source_entity) == {"منظمة هيومن رايتس ووتش"}


def corpus_labels(*labels_by_article):
    """corpus_entities of per-article labels of people: ("a", label, label …), ("b", …)."""
    rows = [(doc, label) for doc, *labels in labels_by_article for label in labels]
    table = pd.DataFrame(rows, columns=["doc_id", "source_entity"]).assign(source_type="named_person_or_body")
    return corpus_entities(table).tolist()


def test_across_articles_a_name_after_a_persons_own_title_is_someone_elses():
    # the aide is not the president his title names, nor is the spokesman the club
    assert names_of(raw_words(norm("ألكسندر بينالا المعاون السابق للرئيس الفرنسي إيمانويل ماكرون").split())) == \
        ("كسندر", "بينالا")
    assert names_of(raw_words(norm("الرئيس الفرنسي إيمانويل ماكرون").split())) == ("ايمانويل", "ماكرون")
    labels = corpus_labels(("a", "ألكسندر بينالا المعاون السابق للرئيس الفرنسي إيمانويل ماكرون"),
                           ("b", "الرئيس الفرنسي إيمانويل ماكرون"), ("c", "ماكرون"))
    assert labels == ["ألكسندر بينالا المعاون السابق للرئيس الفرنسي إيمانويل ماكرون"] + \
        ["الرئيس الفرنسي إيمانويل ماكرون"] * 2


def test_across_articles_two_names_two_consonants_apart_are_two_people():
    assert not _same_name("مارتن", "ماكرون") and _same_name("مينديز", "مينينديز") and _same_name("ترمب", "ترامب")
    labels = corpus_labels(("a", "مبعوث الأمم المتحدة مارتن غريفيث"), ("b", "الرئيس الفرنسي إيمانويل ماكرون"),
                           ("c", "ماكرون"), ("d", "مارتن غريفيث"))
    assert labels == ["مبعوث الأمم المتحدة مارتن غريفيث", "الرئيس الفرنسي إيمانويل ماكرون",
                      "الرئيس الفرنسي إيمانويل ماكرون", "مبعوث الأمم المتحدة مارتن غريفيث"]


def test_across_articles_a_place_beside_a_persons_name_is_not_theirs():
    # the office's state, or a span that ran on into a place, does not make another entity
    labels = corpus_labels(("a", "وزير الخارجية الروسي سيرغي لافروف", "لافروف"), ("b", "وزير خارجية روسيا سيرغي لافروف"),
                           ("c", "الرئيس الإيراني حسن روحاني"), ("d", "روحاني واشنطن"), ("e", "روسيا"))
    assert labels == ["وزير الخارجية الروسي سيرغي لافروف"] * 3 + ["الرئيس الإيراني حسن روحاني"] * 2 + ["روسيا"]


def test_a_title_after_a_name_and_a_comma_is_that_persons():
    # the holder written before the title, a comma between them, labels the title's rows
    # and takes its later mentions
    table = extract_sources("رفع الأمير جلوي بن عبدالعزيز بن مساعد، أمير منطقة نجران، التعازي لذوي الشهداء. "
                            "وأعرب الأمير جلوي بن عبدالعزيز عن استنكاره. ونوه أمير منطقة نجران بالمواطنين.")
    assert list(table.source) == ["الأمير جلوي بن عبدالعزيز", "أمير منطقة نجران"]
    assert list(table.source_entity) == ["الأمير جلوي بن عبدالعزيز"] * 2
    table = extract_sources('نقلت الصحيفة تصريحات رودولفو، رئيس النادي الأرجنتيني الذي قال: "اللاعب لم يوقع".')
    assert list(table.source_entity) == ["الصحيفة", "رئيس النادي الأرجنتيني رودولفو"]
    table = extract_sources("إلا أن أفيخاي أدرعي، الناطق باسم جيش الاحتلال قال في بيان إن طائرة استهدفت سيارة. "
                            "وأضاف الناطق باسم جيش الاحتلال أن التحقيق مستمر.")
    assert set(table.source_entity) == {"الناطق باسم جيش الاحتلال أفيخاي أدرعي"}
    # a title, a body or a frequent word before the comma is no name
    assert _name_before("وأكد الوزير، رئيس اللجنة، أن العمل مستمر.", ("رئيس", "لجنة")) == ()
    assert _name_before("وأعلنت الشرطة، رئيس القسم قال إن الطريق مغلق.", ("رئيس", "قسم")) == ()
    assert _name_before("وقال المدير العام، رئيس القسم، إن الطريق مغلق.", ("رئيس", "قسم")) == ()


def test_a_common_word_the_article_writes_as_a_name_is_a_speaker():
    # أوباما alone is too common a word to tell; after "باراك" it is a name that goes on
    table = extract_sources("وقال الرئيس الأمريكي باراك أوباما إن الزيارة مهمة. وقال مسؤولو البيت الأبيض إنه سيقضي "
                            "وقتا مع عائلته. وأبدى أوباما قدرا من الإحباط إلا أنه قال إنه يتطلع لها.")
    assert list(table.source) == ["الرئيس الأمريكي باراك أوباما", "مسؤولو البيت الأبيض", "أوباما", "أوباما"]
    assert table.source_entity.iloc[-1] == "الرئيس الأمريكي باراك أوباما"
    # a body written with its name, then by the name alone, is one entity
    table = extract_sources("وأصدرت حركة حماس بيانا. وقالت حماس إن الحصار ظالم، مؤكدة أن التهدئة ممكنة.")
    assert list(table.source) == ["حركة حماس", "حماس", "حماس"]
    assert set(table.source_entity) == {"حركة حماس"}


def test_a_name_that_begins_with_fa_keeps_it():
    # فالكون is a name, not ف + الكون; "بشرعيتها" (a preposition and its noun) opens no subject
    table = extract_sources("وطعن بشرعيتها منافسه الرئيسي هنري فالكون، الذي طالب بإجراء انتخابات جديدة. "
                            "وقال فالكون خلال مؤتمر صحافي: \"لا نعترف بهذه العملية\".")
    assert list(table.source) == ["منافسه الرئيسي هنري فالكون", "فالكون"]
    assert set(table.source_entity) == {"منافسه الرئيسي هنري فالكون"}
    assert raw_words(("فالدراسات", "الامريكية")) == ("الدراسات", "الامريكية")


def test_a_body_cited_by_its_short_name_takes_its_full_name():
    # the article names the body in full once, then cites it by its last word
    table = extract_sources("فرضت وزارة الداخلية حظر التجول. وأشارت الداخلية إلى أن الحظر يبدأ مساء.")
    assert list(table.source) == ["الداخلية"] and list(table.source_entity) == ["وزارة الداخلية"]
    table = extract_sources("أظهر الجهاز المركزي للتعبئة والإحصاء المصري ارتفاع الاستثمار. "
                            "وأوضح الإحصاء أن حجم الاستثمار ارتفع.")
    assert list(table.source_entity) == ["الجهاز المركزي للتعبئة والإحصاء المصري"]
    # not a person's office, another body's assembly, nor a longer name the word does not end
    assert _body_before("ورفضت إدارة ترامب القرار.", "ترامب") == ()
    assert _body_before("واجتمعت الجمعية العمومية للفيفا أمس.", "فيفا") == ()
    assert _body_before("ورفض مكتب نتنياهو التعليق.", "نتنياهو") == ()
    assert _short_body("تحقيقات", frozenset()) is False and _short_body("داخلية", frozenset()) is True


def test_a_name_set_off_by_punctuation_after_a_title_labels_it():
    # with no first name the lists know: a comma or dashes close the name
    table = extract_sources("ووصفت محامية الدفاع، آنا ميجلي، أقوال الفتى بأنها ادعاء كاذب.")
    assert list(table.source_entity) == ["محامية الدفاع آنا ميجلي"]
    assert _apposed_name("وقال المبعوث الأممي الخاص للشرق الأوسط -نيكولاي ملادينوف-: «إن الحل يتضاءل».",
                         ("مبعوث", "اممي", "خاص")) == ("نيكولاي", "ملادينوف")
    assert _apposed_name("أشاد خطيب جمعة طهران، أمس، أمامي كاشاني، بالفريق المفاوض.", ("خطيب", "جمعة", "طهران")) == \
        ("أمامي", "كاشاني")
    # what the title did, after a comma, is no name
    assert _apposed_name("وانتقد وزير الخارجية القرار، واعتبره خطوة متسرعة.", ("وزير", "خارجية")) == ()
    # a time, a place or a common phrase after the comma is no name
    assert _apposed_name("وقال المتحدث باسم الجيش، الأحد، إن القصف توقف.", ("متحدث", "باسم", "جيش")) == ()
    assert _apposed_name("وقال وزير الخارجية، في مؤتمر صحفي، إن الحل قريب.", ("وزير", "خارجية")) == ()


def test_a_first_names_family_does_not_hide_the_articles_family_words():
    # a first name cited alone (بسمة) before a person's family name cited alone: the family
    # name stays a person's, not a company's short name (شركة ساويرس)
    table = extract_sources("وقال رجل الأعمال نجيب ساويرس إن السوق يتحسن. وتملك شركة ساويرس فنادق عدة. "
                            "وقالت بسمة إن العرض جميل. وأكد ساويرس أن الاستثمار مستمر.")
    assert list(table.source) == ["رجل الأعمال نجيب ساويرس", "بسمة", "ساويرس"]
    assert "شركة ساويرس" not in set(table.source_entity)


def test_a_bodys_head_noun_alone_is_the_body_named_before():
    # "المجلس" after "مجلس الأمن الذي يضم 15 عضوا": the Security Council, though not cited there
    table = extract_sources("وسيمهد التحقيق الطريق أمام مجلس الأمن الذي يضم 15 عضوا لاتخاذ إجراءات. "
                            "وهدد المجلس بالفعل بعواقب لمثل هذه الهجمات.")
    assert list(table.source) == ["المجلس"] and list(table.source_entity) == ["مجلس الأمن"]
    # the latest body of that head written before it; none written: the word stays
    table = extract_sources("وزار الوفد شركة أرامكو ثم شركة سابك. وقالت الشركة إن أرباحها ارتفعت.")
    assert list(table.source_entity) == ["شركة سابك"]
    assert list(extract_sources("وقالت الوزارة إن الوضع جيد.").source_entity) == ["الوزارة"]
