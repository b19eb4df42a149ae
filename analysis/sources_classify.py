"""Classification and agreement of a source span.

:func:`classify` gives a normalized span its ``source_type`` and key (named outlet, unnamed
outlet, named person or body, anonymous, or none); :func:`head_agreement` and ``_agreement``
give the gender and number a source agrees in (m, f, pl, du), ``_agrees`` matches a cue with
a source, ``_conjuncts`` splits a span into the sources it lists.
"""

from __future__ import annotations

from .lexicon import zipf
from .sources_lexicon import (
    CueForm, no_article, outlet_words, place_phrases, words, NUMBER_WORDS, UNNAMING_MEDIA_ADJECTIVES, LIST_MARKERS,
    PRONOUN_SPANS, HUMAN_BROKEN_PLURALS, NONHUMAN_PLURALS, DUALS, NAME_LINKS, NOT_FIRST, NAME_PARTICLES, QUANTITY_WORDS,
    NISBA_ENDINGS, PLACE_NOUNS, CALLED_WORDS, ONE_OF,
)
from .sources_entities import is_name
from .sources_outlets import _plain_outlet_words, outlet_in
from .sources_words import Token, bare, _lam_is_preposition, _masdar_with_pronoun, _name_like, _first_name, _relative, _possessed_stem


def classify(ws: list[str], *, in_list: bool = False) -> tuple[str, str]:
    """(source_type, key) of a normalized span; ('', '') when it is not a source.

    Examples
    --------
    >>> classify(["وكالة", "رويترز"])
    ('named_outlet', 'رويترز')
    >>> classify(["مصادر", "مطلعة"])[0]
    'anonymous'
    >>> classify(["الدستور", "العراقي"])
    ('', '')
    """
    if not ws:
        return "", ""
    ws = [bare(ws[0])] + list(ws[1:])
    index = 0
    while index < len(ws) - 1 and (no_article(ws[index]) in words("quantifier") or ws[index].isdigit() or
                                   ws[index] in NUMBER_WORDS or ws[index] in words("honorific")):
        index += 1
        if index < len(ws) - 1 and ws[index] == "من":
            index += 1
    head = no_article(ws[index])
    if head in words("not_source") or ws[index] in PRONOUN_SPANS or head in words("audience"):
        return "", ""
    if len(head) < 2:
        return "", ""
    has_media = any(no_article(bare(w)) in words("media") or no_article(bare(w)) in ("مراسل", "مراسلة", "مراسلو")
                    for w in ws)
    outlet = outlet_in(ws, context=has_media or (in_list and len(ws) <= 3))
    key = " ".join(ws)
    if outlet:
        return "named_outlet", outlet
    if head in words("media") and index + 1 < len(ws) and no_article(ws[index + 1]) in words("body"):
        return "named_person_or_body", key                   # موقع مركز أبحاث الجريمة: the centre's site
    if head in words("media"):
        rest = ws[index + 1:]
        if not ws[index].startswith("ال") and rest and _name_like(rest[0]) and not head.endswith("ات") and \
                head not in ("وسائل", "مواقع", "صحف", "قنوات", "منصات"):
            return "named_outlet", " ".join(rest)             # صحيفة كوريير ديلا سيرا
        if ws[index].startswith("ال") or (rest and rest[0] in ("الانباء", "انباء")):
            named = [w for w in rest if w.startswith("ال") and w.endswith(("ي", "ية")) and
                     no_article(w) not in words("media_adjective") and w not in UNNAMING_MEDIA_ADJECTIVES]
            if named and not head.endswith(("ات",)) and head not in ("وسائل", "مواقع", "صحف", "قنوات", "منصات"):
                return "named_outlet", key
        return "unnamed_outlet", key
    if head in words("anonymous") and index + 1 < len(ws) and no_article(ws[index + 1]) in words("media_adjective"):
        return "unnamed_outlet", key
    definite = ws[index].startswith("ال") or index + 1 < len(ws) and ws[index + 1].startswith("ال") and \
        not ws[index + 1].endswith(NISBA_ENDINGS)                # "رجل الدين مقتدى الصدر": in construct
    if head in words("anonymous") and definite and (
            any(w in words("given_name") for w in ws) or
            any(_name_like(x) and (_name_like(y) or y.startswith("ال") and zipf(y) < 3.0)
                for x, y in zip(ws[index + 1:], ws[index + 2:]))):
        return "named_person_or_body", key                   # "المحلل السياسي محمد حسن", "… ناجس السامعي"
    if head in words("anonymous") and index + 2 < len(ws) and ws[index + 1] in CALLED_WORDS:
        return "named_person_or_body", key                   # "مواطن يدعى أجيت ساني": named
    if head in words("anonymous") or (index == 0 and _relative(ws[0]) and not any(
            w in words("given_name") or _name_like(w) for w in ws[1:])):
        return "anonymous", key                               # "مصادر"; "زملاؤه", "عائلتها" (not
                                                              # "محاميها مايكل أفنيتاتي")
    if index > 0 and ws[0] in ("احد", "احدي", "بعض") and ws[index].startswith("ال") and \
            not any(w in words("given_name") or _name_like(w) for w in ws[index + 1:]):
        return "anonymous", key                               # "أحد القادة": one of them, unnamed
    if head in words("title") and not ws[index].startswith("ال") and _unnamed_title(ws[index + 1:]):
        return "anonymous", key                               # "قيادي في الحزب", "متحدث باسم الوزارة"
    first = ws[index]
    if not first.startswith("ال") and first.endswith(("ية", "ي")) and len(first) > 4 and index == 0 and \
            not outlet_in([first], context=True) and first not in words("given_name") and \
            any(w in ("من", "في") for w in ws[1:3]):
        return "anonymous", key                               # "إيزيدية من العراق": someone unnamed
    return "named_person_or_body", key


def common_object(ws: list[str]) -> bool:
    """Whether the words after a cue are its object, with the subject dropped: a frequent
    indefinite noun that no list knows (منع, محاولة, دخول) in construct with a common noun
    ("وكانت وصفت منع إسرائيل دخول البضائع", "ورفضت محاولة مجموعة …"); not a name
    ("وذكرت سي ووتش") nor a noun with its adjective ("حماس الفلسطينية").

    Examples
    --------
    >>> common_object(["منع", "اسرائيل", "دخول"]), common_object(["حماس", "الفلسطينية"])
    (True, False)
    """
    if len(ws) < 2 or not _common_indefinite(bare(ws[0])) or ws[1].endswith(NISBA_ENDINGS) or \
            any(w in words("given_name") or _name_like(w) for w in ws[1:3]):
        return False
    genitive = ws[1]
    return genitive.startswith("ال") or genitive in ("من", "في") or zipf(genitive) >= GENITIVE_ZIPF or \
        _masdar_with_pronoun(genitive)


def _common_indefinite(word: str) -> bool:
    """A frequent indefinite word that no list knows as a speaker, a name, a place or an
    outlet (منع, محاولة, دخول)."""
    if word.startswith("ال") or len(word) < 3 or zipf(word) < COMMON_NOUN_ZIPF or word in words("given_name") or \
            word in words("quantifier") or word in QUANTITY_WORDS or word in NAME_PARTICLES or \
            outlet_in([word], context=True) or \
            any(word in words(r) for r in SPEAKER_ROLES):
        return False
    return not any(p == (word,) for p in place_phrases())


def _unnamed_title(rest: list[str]) -> bool:
    """After an indefinite title, whether nothing names the holder: no name, no definite
    noun completing the title ("قائد فيلق القدس", "وزير الخارجية" name an office), and no
    state in its construct ("سفير إيران", "وزير خارجية قطر")."""
    singles = {p[0] for p in place_phrases() if len(p) == 1}
    for n_word, w in enumerate(rest):
        if w in ("في", "من") or w[:1] == "ب" and len(w) > 3 or _lam_is_preposition(w) or bare(w) != w:
            break                                           # "مسؤول بوزارة", "مسؤول لوزارة", "… والوسيط"; not "رئيس لجنة"
        if w.startswith("ال") and (n_word == 0 or not (w.endswith(NISBA_ENDINGS) and zipf(w) >= 4.0)):
            return False
        if w in words("given_name") or _name_like(w) or w in singles:
            return False                                    # a name, or a state's office
        if w in PLACE_NOUNS and n_word + 1 < len(rest) and rest[n_word + 1] not in ("في", "من"):
            return False                                    # "أمير منطقة نجران": a named place's office
    if any(_name_like(x) and _name_like(y) for x, y in zip(rest, rest[1:])):
        return False                                        # "... في بغداد إيرج مسجدي": a full name
    return not any(w in words("given_name") for w in rest)


def head_agreement(ws: list[str], kind: str, *, family_names: frozenset[str] = frozenset()) -> str | None:
    """Gender and number of a span's head noun: m, f, pl, du or None.

    A definite word in ان whose stem is a commoner word reads as a dual ("العروسان"), unless
    it is a place ("السودان") or one of ``family_names``, the words the article writes
    after a first name ("كشف البرقان" after "عبدالله البرقان": one man); such a name in ة
    is no feminine either ("الطراونة" after "عاطف الطراونة").

    Examples
    --------
    >>> head_agreement(["المتهمان"], "named_person_or_body")
    'du'
    >>> head_agreement(["البرقان"], "named_person_or_body", family_names=frozenset({"البرقان"})) is None
    True
    """
    if len(ws) > 1 and bare(ws[0]) in ONE_OF:
        return ONE_OF[bare(ws[0])]                      # "أحد المشاركين": one of them, not all
    index = 0
    while index < len(ws) - 1 and (no_article(bare(ws[index])) in words("quantifier") or
                                   (index and ws[index] == "من")):
        index += 1                                      # "عدد من شباب الطائف": the youths
    head = bare(ws[index])
    head_na = no_article(head)
    if head in DUALS or head_na in DUALS:
        return "du"
    if head_na in NONHUMAN_PLURALS:
        return "f"
    if head_na in HUMAN_BROKEN_PLURALS:
        return "pl"
    if head_na.endswith(("ة", "ات")) and head not in family_names:
        return "f"                                      # (not الطراونة after عاطف: a man's family name)
    known = head_na in words("anonymous") or head_na in words("title") or head_na in words("body")
    stem = head_na[:-2]
    word_stem = len(stem) >= 3 and zipf(stem) >= 3.5 and zipf(stem) > zipf(head_na)
    if head_na.endswith(("ون", "ين")) and (word_stem or (head_na in words("anonymous") and len(stem) >= 3)):
        return "pl"
    if head_na.endswith("ان") and head.startswith("ال") and word_stem and head not in family_names and \
            (head,) not in place_phrases() and (head_na,) not in place_phrases():
        return "du"
    if kind == "named_outlet" and head_na not in words("media"):
        return None
    if known:
        return "m"
    return None


def _agreement(ws: list[str], kind: str, form: CueForm, *, family_names: frozenset[str] = frozenset()) -> str | None:
    """How a source agrees: m, f, pl, du or None (unknown); ``family_names`` as for
    :func:`head_agreement`."""
    head_agree = head_agreement(ws, kind, family_names=family_names)
    if len(ws) > 1 and bare(ws[0]) in ONE_OF:
        return head_agree                               # "أحد", "إحدى": their gender, whatever the verb
    verb = form.agree if form.kind != "preposition" else None
    if head_agree in ("pl", "du"):
        return head_agree
    if head_agree == "f":
        return "f"
    if verb in ("pl", "du") and head_agree is None:
        return verb
    return verb or head_agree


def _agrees(cue: str | None, source: str | None) -> bool:
    if cue is None or source is None:
        return True
    if cue == source:
        return True
    return False


def _conjuncts(tokens: list[Token], j: int, k: int) -> list[tuple[int, int, bool]]:
    """Split a span into its listed sources: (start, end, in_list)."""
    parts, start, in_list = [], j, False
    outlets = outlet_words()
    media, anon = words("media"), words("anonymous")
    if k - j > 3 and tokens[j].norm == "كل" and tokens[j + 1].norm == "من":
        start, in_list = j + 2, True                       # "قال كل من X وY": a list
    for m in range(start, k):
        word = tokens[m].norm
        if word in LIST_MARKERS:
            if start < m:
                parts.append((start, m, in_list))
            start, in_list = m + 1, True
            continue
        first = no_article(bare(tokens[start].norm))
        listing = first in media or first in anon or tokens[start].norm in _plain_outlet_words() or in_list
        if word == "و" and m + 1 < k:                     # و"الشرقية": the و is a token of its own
            nxt = tokens[m + 1].norm
            if m > start and listing and (no_article(nxt) in media or no_article(nxt) in anon or nxt in outlets):
                parts.append((start, m, in_list))
                start = m + 1
            continue
        stem = word[1:] if word.startswith("و") else ""
        if m > start + 1 and stem and _first_name(stem) and tokens[m - 1].norm not in NAME_LINKS and (
                tokens[m - 1].norm.startswith("ال") or
                any(_first_name(t.norm) or _name_like(t.norm) for t in tokens[start:m])):
            parts.append((start, m, in_list))            # "قال بدر العتيبي وفيصل السلطان": two people
            start, in_list = m, True
            continue
        bodies = m > start and stem.startswith("ال") and tokens[start].norm.startswith("ال") and \
            no_article(tokens[start].norm) in words("body") and no_article(stem) in words("body")
        if bodies or m > start and stem and listing and (no_article(stem) in media or no_article(stem) in anon or
                                                         stem in outlets):   # "الجيش والشرطة": two bodies
            parts.append((start, m, in_list))
            start = m
    if start < k:
        parts.append((start, k, in_list))
    return parts


#: A common word heads a speaker's mention only if it is in the word lists; below this
#: frequency a word is taken for a name or a rare title.
COMMON_HEAD_ZIPF = 4.0
#: An indefinite word this frequent that no list knows is a common noun, never a speaker
#: (منع 4.9, محاولة 5.1; names in the news stay below: ترامب 4.4, أوباما 4.6).
COMMON_NOUN_ZIPF = 4.7
#: After such a noun, an indefinite word rarer than this is a name's second part ("وأكد دين
#: بيكر": دين 5.0, بيكر 3.9), not its genitive (إسرائيل 5.4, مجموعة 5.7).
GENITIVE_ZIPF = 4.0


def plausible_speaker(ws: tuple[str, ...] | list[str]) -> bool:
    """Whether a mention (normalized words) can name a speaker: one of its first words is a
    title, body, outlet, unnamed source, relative, place, first name or name (or it opens
    with a kunya, an agent noun or a plural of people or bodies); not a phrase that a
    preposition opens, nor common nouns the lists do not know ("وفق الخطط الموضوعة …
    مضيفا": the plans add nothing; "بما تقوم به الجمعية").  Continuations pass over such
    mentions to the speaker before them.

    Examples
    --------
    >>> plausible_speaker(["الخطط", "الموضوعة"]), plausible_speaker(["السفير", "علي", "العياشي"])
    (False, True)
    """
    ws = [bare(w) for w in ws]
    if not ws or ws[0] in NOT_FIRST or ws[0].startswith(("بما", "لما", "بان", "بأن")):
        return False
    if len(ws) > 1 and ws[0] in ONE_OF:
        ws = ws[1:]                                     # "أحد المشاركين في المسرحية …": one of them
    first = no_article(ws[0])
    stem = _possessed_stem(ws[0])
    if stem and _masdar_with_pronoun(ws[0]) and not _relative(ws[0]) and \
            not any(no_article(stem) in words(r) for r in SPEAKER_ROLES) and \
            not any(w in words("given_name") or _name_like(w) for w in ws[1:4]):
        return False                                    # "وفقا لظروفه المتاحة", "حسب أجندته": his
                                                        # circumstances, no speaker (but حكومته, زملاؤه,
                                                        # "خصمه السابق مهاتير محمد")
    if ws[0] in NAME_PARTICLES or (first.startswith("م") and len(first) >= 4) or \
            first in HUMAN_BROKEN_PLURALS | NONHUMAN_PLURALS or zipf(ws[0]) < COMMON_HEAD_ZIPF or \
            any(tuple(no_article(w) for w in ws[:len(p)]) == tuple(no_article(w) for w in p) for p in place_phrases()):
        return True                                     # أبو معاذ; المخرج; الأجهزة; الولايات المتحدة
    return speaker_words(ws) or any(is_name(w) for w in ws[:4])


def speaker_words(ws: tuple[str, ...] | list[str]) -> bool:
    """Whether one of a mention's first words is a speaker's word of the lists (a title,
    body, outlet, unnamed source, relative, place or first name) or an outlet's name."""
    return any(any(no_article(bare(w)) in words(r) for r in SPEAKER_ROLES) or w in outlet_words() or _relative(w)
               for w in ws[:4])


#: How much rarer a word may be with the article than without and still be a common noun.
ARTICLE_MARGIN = 0.8


def article_noun(word: str) -> bool:
    """A common noun: a word the corpus writes about as often with the article as without
    (مصالح/المصالح, منهجية/المنهجية), unlike a name, which never takes it (ترامب, بوتين).

    Examples
    --------
    >>> article_noun("مصالح"), article_noun("بوتين")
    (True, False)
    """
    return not word.startswith("ال") and zipf(word) >= 2.0 and zipf("ال" + word) >= zipf(word) - ARTICLE_MARGIN

#: The word lists whose words name a speaker (:func:`plausible_speaker`).
SPEAKER_ROLES = ("title", "body", "media", "anonymous", "given_name", "relative", "place", "office")
