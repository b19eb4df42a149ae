"""Sources as entities: the mentions of one speaker become one ``source_entity``.

Within an article, a mention joins an earlier one when

* it is part of it and begins with the same word ("الرئيس الأمريكي" and "الرئيس الأمريكي
  دونالد ترامب", "المرصد" and "المرصد السوري لحقوق الإنسان"), or its words are the
  other's name ("ترامب", "بن طالبلو");
* it is a title that the article writes once with the name ("وزير الدفاع" for
  "وزير الدفاع أفيغدور ليبرمان"): the title, then within four words a name already
  cited;
* outlets: the same gazetteer name (رويترز for "وكالة رويترز");
* a definite title left alone ("المسؤول الإثيوبي", "الوزير") is the latest named person
  cited before it with that title (any title for "المسؤول", any expert's title for
  "الأكاديمي", "الباحث", "الخبير"), unless its nationality differs; a title never joins a
  name of another nationality ("الرئيس الروسي" is not "الرئيس الأمريكي دونالد ترامب");
* a title left alone takes the name the article writes right after it elsewhere: a first
  name of the lexicon and what follows it, or two name words that the article writes
  together more than once ("المعلمة إليانور ولسون");
* an indefinite title that opens a story ("قالت قاضية أميركية") is the one person named
  later with that title ("القاضية باربره جافي").

Unnamed sources merge only when the later mention is definite ("مصادر" ... "المصادر") and
never with "آخر"/"أخرى" ("مصدر آخر" is someone else).  The entity's label is its fullest
mention as written.  Across articles, generic sources — unnamed ones and bodies or titles
every state has ("وزارة الداخلية", "الرئيس") — never merge (two articles' "مصدر أمني" are
two people; the label takes the article's id when several articles cite one); entities
with a name merge when one's name words are part of the other's (ترامب, دونالد ترامب),
and the alias table
``analysis/data/source_aliases.csv`` (canonical, variant, note: any spelling) merges what
rules cannot know: spellings (خلية الإعلام الأمنية/الأمني), a spokesman speaking for his
body.

>>> from analysis.sources import extract_sources
>>> t = ("قال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ. وأضاف ترامب أن العقوبات ستعود. "
...      "وقال الرئيس الأمريكي إنه لن يتراجع.")
>>> extract_sources(t)["source_entity"].unique().tolist()
['الرئيس الأمريكي دونالد ترامب']
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .config import DATA_DIR
from .lexicon import zipf
from .resources import DIACRITICS
from .sources_lexicon import (COMPLEMENTIZERS, RELATIVES, TIME_WORDS, cue_forms, NAME_LINKS, PLACE_NOUNS, no_article, norm, outlet_words, place_adjective, place_phrases, read_table,
                              words, NISBA_ENDINGS, RANK_TITLES)
from .sources_outlets import _described_in_text
from .sources_words import _masdar_with_pronoun, bare
from .tokenize import token_spans

ALIASES_PATH = DATA_DIR / "source_aliases.csv"
#: A first name this frequent is also a common word or shared by too many (مني "from me",
#: محمد): cited alone, it takes no family name from elsewhere in the article.
COMMON_FIRST_NAME_ZIPF = 5.0
#: The nouns that open a body's full name (:func:`_body_before`).
BODY_HEADS = frozenset(norm(w) for w in ("وزارة", "جهاز", "هيئة", "مجلس", "مؤسسة", "مركز", "مديرية", "إدارة", "مكتب",
                                          "لجنة", "مصلحة", "دائرة", "مفوضية", "منظمة", "وكالة", "جمعية", "شركة"))
#: The nouns of those that a name alone completes: "وزارة الداخلية", "شركة سامسونج" (not
#: "إدارة أردوغان", "مكتب نتنياهو": a person's).
NAMED_BODY_HEADS = frozenset(norm(w) for w in ("وزارة", "شركة", "منظمة", "هيئة", "مؤسسة", "جمعية", "وكالة", "جهاز",
                                                "مفوضية", "مديرية"))
#: A word of ف + a definite noun at least this frequent is a name (فالكون), not "so the …".
FA_NAME_ZIPF = 3.0
#: How far after a title a first name may stand to name its holder.
NAME_WINDOW = 7
#: How far after a title a name may stand to name it ("وزير الدفاع الإسرائيلي، أفيغدور ليبرمان").
TITLE_WINDOW = 4
#: Spellings folded before comparing mentions (الأميركي = الأمريكي).
SPELLING_FOLDS = (("اميرك", "امريك"), ("#", ""), ("_", " "))
#: Titles that stand for any office: "المسؤول الإثيوبي" may be the police commissioner named before.
GENERIC_TITLES = frozenset(norm(w) for w in ("مسؤول", "مسؤولة"))
#: Titles of an expert that news uses for one another: "الأكاديمي" may be the researcher
#: ("الباحث") named before.  They count as the head of a mention only: in "الوزير الدكتور
#: محمد معيط" الدكتور is a minister's honorific.
EXPERT_TITLES = frozenset(norm(w) for w in ("أكاديمي", "باحث", "باحثة", "محلل", "محللة", "خبير", "خبيرة", "أستاذ",
                                            "أستاذة", "بروفيسور", "دكتور", "دكتورة"))
#: An expert's title alone ("الخبير العسكري") is an epithet of a person named with another title
#: only within this many characters after that person was cited, in the same sentence.
EPITHET_DISTANCE = 300
#: Titles that are also first or middle names ("إلهام أمين زادة"): they govern no genitive.
TITLES_AS_NAMES = frozenset(norm(w) for w in ("أمين", "أمينة", "مساعد"))
OTHER_WORDS = frozenset(norm(w) for w in ("آخر", "أخرى", "آخرون", "آخرين", "ثان", "ثاني", "ثالث"))
FUNCTION_WORDS = frozenset(norm(w) for w in ("في", "من", "باسم", "عن", "على", "إلى", "ل", "و", "بن", "ابن", "أبو",
                                            "عبد", "آل", "ولد", "أل"))


def raw_words(ws) -> tuple[str, ...]:
    """A mention's normalized words, folded, with the article (for names)."""
    out = []
    for i, w in enumerate(ws):
        for a, b in SPELLING_FOLDS:
            w = w.replace(a, b)
        for piece in w.split():
            if len(piece) > 3 and piece[0] in "وف" and (
                    (piece[1:].startswith("ال") and zipf(piece[1:]) >= zipf(piece) and
                     (piece[0] == "و" or zipf(piece) < FA_NAME_ZIPF)) or
                    ((i == 0 or piece[0] == "ف") and no_article(piece[1:]) in _heads())):
                piece = piece[1:]                           # والجيش, فالدراسات (not فالكون: a name)
            if piece.startswith("لل") and len(piece) > 4:
                piece = "ال" + piece[2:]
            elif piece.startswith("ل") and no_article(piece[1:]) in _heads():
                piece = piece[1:]
            if piece:
                out.append(piece)
    return tuple(out)


def mention_words(ws) -> tuple[str, ...]:
    """The comparable words of a mention: normalized, folded, without the article."""
    return tuple(no_article(w) for w in raw_words(ws))


@lru_cache(maxsize=None)
def _heads() -> frozenset[str]:
    return words("title") | words("body") | words("media") | words("anonymous") | words("quantifier")


@lru_cache(maxsize=None)
def _places() -> frozenset[str]:
    singles = frozenset(no_article(p[0]) for p in place_phrases() if len(p) == 1)
    rare_parts = frozenset(no_article(w) for p in place_phrases() if len(p) > 1 for w in p if zipf(w) < 4.0)
    return singles | rare_parts                     # بيونغ, يانغ; not المملكة, العربية


def is_name(word: str) -> bool:
    """Whether a normalized word (with its article) is part of a name, not a title, a
    body's noun, a nationality adjective or a common word: ترامب, الكاظمي, البطيخ, روسيا;
    not الرئيس, الأمريكي, المشروعات, رسائل."""
    bare_word = no_article(word)
    if bare_word in _heads() or bare_word in FUNCTION_WORDS or bare_word in OTHER_WORDS or \
            bare_word in words("media_adjective") or len(bare_word) < 2:
        return False
    if bare_word in words("given_name") or bare_word in _places():
        return True
    if _outlet_word(word) or _outlet_word(bare_word):
        return False
    if bare_word.endswith(NISBA_ENDINGS) and _nationality(bare_word):
        return False
    frequency = zipf(word)
    if word.startswith("ال"):
        if word.startswith("الم") and len(word) >= 6 and not word.endswith("ي"):
            return False                                # المستقيل, المكلف: adjectives
        return frequency < 3.6 or (word.endswith("ي") and frequency < 4.7)
    return frequency < 4.5


def _nationality(word: str) -> bool:
    """الإثيوبي, البريطانية, الأمريكيين: an adjective of a place, or a frequent one (a rare
    word of a frequent stem is a family name: الحديثي, not an adjective of الحديث)."""
    stem = word
    for suffix in ("يين", "يون", "ية", "ي"):
        if stem.endswith(suffix):
            stem = stem[:-len(suffix)]
            break
    return any(form in _places() for form in (stem, stem + "ا", stem + "يا", stem + "ي")) or \
        zipf("ال" + word) >= 4.7 or (zipf("ال" + stem) >= 4.2 and zipf("ال" + word) >= 3.0)


def names_of(raw: tuple[str, ...]) -> tuple[str, ...]:
    """The name words of a mention (from :func:`raw_words`), without the article; a word
    after عبد, بن, أبو, ولد is a name (عبد العزيز).  The names in construct after an
    indefinite title or relative belong to someone else ("محامي ترامب", "ابنة صدام حسين",
    "أصدقاء تشاريتي": his lawyer, his daughter, her friends), up to the mention's own name
    if it has one ("محامي ترامب رودي جولياني"); in a mention that opens with its own name,
    the names after its title are the title's genitive's ("ألكسندر بينالا المعاون السابق
    للرئيس الفرنسي إيمانويل ماكرون": Benalla).

    Examples
    --------
    >>> names_of(("محامي", "ترامب")), names_of(("الرئيس", "دونالد", "ترامب"))
    ((), ('دونالد', 'ترامب'))
    """
    particles = {norm(p) for p in ("عبد", "بن", "ابن", "أبو", "ولد", "آل", "أبي")}
    if len(raw) > 3 and is_name(raw[0]) and is_name(raw[1]):
        # a mention that opens with its own name: a name after its title is the title's
        # genitive's ("ألكسندر بينالا المعاون السابق للرئيس الفرنسي إيمانويل ماكرون",
        # "جاريد كوشنر صهر الرئيس الأمريكي دونالد ترامب")
        title = next((i for i in range(2, len(raw)) if no_article(raw[i]) in words("title") | words("relative")), 0)
        raw = raw[:title] if title else raw
    for i in range(1, len(raw)):
        if _governs_genitive(raw[i - 1]) and all(is_name(w) or w in particles for w in raw[i:]):
            # "محامي | ترامب", "ابنة | صدام حسين": another person's name; with three or more
            # name words, the first is the other's and the rest the mention's own ("محامي
            # | ترامب | رودي جولياني")
            raw = raw[:i] + (raw[i + 1:] if len(raw) - i >= 3 else ())
            break
    return tuple(no_article(w) for i, w in enumerate(raw) if is_name(w) or (i > 0 and raw[i - 1] in particles and
                                                                            no_article(w) not in _heads()))


def _governs_genitive(word: str) -> bool:
    """An indefinite noun of people that takes the next word as its genitive: a title or a
    relative (محامي, مستشار, أصدقاء), not a name, a place or a particle before a name."""
    return not word.startswith("ال") and word not in FUNCTION_WORDS and word not in words("given_name") and \
        word not in _places() and word not in TITLES_AS_NAMES and (
            word in words("title") or word in words("relative") or word in words("anonymous"))


def _outlet_word(w: str) -> bool:
    return w in outlet_words() or "ال" + w in outlet_words()


def _joins(small: tuple[str, ...], big: tuple[str, ...], source_type: str, small_names: tuple[str, ...] = (),
           big_names: tuple[str, ...] = ()) -> bool:
    """Whether mention ``small`` names the same speaker as the fuller ``big``."""
    if not small or not big or small == big:
        return small == big and bool(small)
    if not set(small) <= set(big):
        return False
    if set(small) & OTHER_WORDS or set(big) & OTHER_WORDS:
        return False
    if source_type in ("anonymous", "unnamed_outlet"):
        return small[0] == big[0]
    if small[0] == big[0]:
        return True
    if len(small) == 1 and len(big) == 2 and big[1] == small[0] and big[0] in words("body") and \
            small[0] not in _heads() and small[0] not in _places():
        return True                                 # حماس is حركة حماس, داعش تنظيم داعش (common names)
    if set(small_names) <= _places():
        return False                                # روسيا is not وزير خارجية روسيا
    return bool(small_names) and set(small_names) == set(small) - FUNCTION_WORDS and \
        set(small_names) <= set(big_names)


def _label(surface: str) -> str:
    """A mention as a reader writes it: no quotation marks, hashtags or attached و."""
    text = surface.translate({ord(q): None for q in "\"«»“”#،,"}).replace("_", " ")
    text = " ".join(text.split()).strip(" ،,")
    if text.startswith("لل") and len(text) > 3:
        text = "ال" + text[2:]
    first = text.split(" ", 1)
    if first and len(first[0]) > 3 and first[0][0] in "وف" and \
            mention_words([norm(first[0])]) and mention_words([norm(first[0])])[0] != no_article(norm(first[0])):
        text = text[1:]
    return text


def document_entities(rows: pd.DataFrame, text: str) -> list[str]:
    """A ``source_entity`` label for each row of one document's attributions (in order).

    ``rows`` needs ``source``, ``source_type``, ``words`` (normalized words of the
    mention), ``key`` (the outlet's name for outlets) and ``resolved``.  The label is the
    longest mention, one found at a cue first ("فهل تلقي تشاريتي باللوم …؟ ترد الأم قائلة"
    carries the question's words as a subject: they label nothing when «تشاريتي» is cited)."""
    clusters: list[dict] = []
    labels: list[str] = []
    by_mention: dict[tuple, int] = {}
    family: frozenset[str] | None = None
    names: dict[tuple, tuple[str, ...]] = {}
    for source, kind, ws, key, start, resolved in zip(rows["source"], rows["source_type"], rows["words"], rows["key"],
                                                      rows["start"], rows["resolved"]):
        # a mention found at a cue (not one a continuation carried over from a sentence's
        # subject) may label the entity over a longer one that is not
        explicit = resolved != "coreference"
        mention = ("outlet", key) if kind == "named_outlet" else mention_words(ws)
        names[mention] = () if kind == "named_outlet" else names_of(raw_words(ws))
        if kind == "named_person_or_body":
            if family is None:
                family = _family_words(text)
            # a common word the article writes after a first name is a name too: "أوباما"
            # alone and in "الرئيس الأمريكي باراك أوباما"
            names[mention] += tuple(w for w in mention if w in family and w not in names[mention])
        if mention in by_mention:
            c = by_mention[mention]
        else:
            c = _find_cluster(clusters, mention, kind, names)
            if c is None:
                clusters.append({"mentions": [mention], "rep": mention, "surface": source, "type": kind,
                                 "key": key, "names": names[mention], "start": start, "surfaces": [],
                                 "explicit": explicit})
                c = len(clusters) - 1
            else:
                cluster = clusters[c]
                cluster["mentions"].append(mention)
                if kind != "named_outlet" and len(mention) > len(cluster["rep"]) and \
                        cluster["type"] != "named_outlet" and (explicit or not cluster["explicit"]):
                    cluster["rep"], cluster["surface"], cluster["explicit"] = mention, source, explicit
                cluster["names"] = tuple(dict.fromkeys(cluster["names"] + names[mention]))
            by_mention[mention] = c
        clusters[c].setdefault("starts", []).append(start)
        clusters[c]["surfaces"].append(source)
        labels.append(c)
    _link_spellings(clusters)
    _link_titles(clusters, text)
    _link_definite_titles(clusters, text)
    _link_indefinite_titles(clusters, text)
    for cluster in clusters:
        if "merged_into" in cluster:
            continue                                        # labelled by the cluster it joined
        kind, rep = cluster["type"], cluster["rep"]
        definite = norm(_label(cluster["surface"])).lstrip("وف").startswith("ال")
        if kind == "named_person_or_body" and not _person_names(cluster) and rep and rep[0] in words("title"):
            name = _name_after(_text_words(text), rep) or _apposed_name(text, rep) or _name_before(text, rep)
            if name:
                cluster["surface"] = f"{_label(cluster['surface'])} {' '.join(_surface_of(text, name))}"
        elif kind == "named_person_or_body" and len(rep) == 1 and rep[0] in words("given_name") and \
                zipf(rep[0]) < COMMON_FIRST_NAME_ZIPF and not norm(cluster["surface"]).lstrip("وف").startswith("ال"):
            family_name = _family_after(_text_words(text), rep[0])
            if family_name:
                cluster["surface"] = f"{_label(cluster['surface'])} {' '.join(_surface_of(text, family_name))}"
        elif kind == "named_person_or_body" and len(rep) == 1 and rep[0] in BODY_HEADS and definite:
            body = _named_head_before(text, rep[0], cluster["start"])
            if body:                                        # "المجلس" after "مجلس الأمن الذي يضم"
                cluster["surface"] = " ".join(body)
        elif kind == "unnamed_outlet" and len(rep) == 1 and definite:
            described = _described_in_text(text[:cluster["start"]], bare(norm(_label(cluster["surface"]))))
            if described:                                   # "وأشارت الصحف" after "تطرقت الصحف
                cluster["surface"] = described              # الجزائرية الصادرة اليوم"
        elif kind == "named_person_or_body" and len(rep) == 1 and _short_body(rep[0], family or frozenset()):
            body = _body_before(text, rep[0])
            if body:                                        # "الداخلية" of "وزارة الداخلية"
                cluster["surface"] = " ".join(body)
    for c, cluster in enumerate(clusters):
        # "وقال الكاظمي … وأكد رئيس الوزراء العراقي", the article having written "رئيس الوزراء
        # العراقي مصطفى الكاظمي": the title and that name label the entity
        root = clusters[_root(clusters, c)] if "merged_into" in cluster else None
        if root is None or root["type"] != "named_person_or_body" or not root["names"] or not cluster["rep"] or \
                cluster["rep"][0] not in words("title") or cluster["names"]:
            continue
        name = _name_after(_text_words(text), cluster["rep"])
        if name and set(root["names"]) <= {no_article(w) for w in name} and \
                len(cluster["rep"]) + len(name) > len(mention_words([norm(w) for w in root["surface"].split()])):
            root["surface"] = f"{_label(cluster['surface'])} {' '.join(_surface_of(text, name))}"
    out = []
    for c in labels:
        cluster = clusters[_root(clusters, c)]
        out.append(cluster["key"] if cluster["type"] == "named_outlet" else _label(cluster["surface"]))
    return out


@lru_cache(maxsize=8)
def _written_spans(text: str) -> tuple[tuple, tuple[str, ...]]:
    """An article's token spans and their folded words (cached: the title and body helpers
    of one article read the same text)."""
    spans = tuple(token_spans(text))
    return spans, tuple(_as_written(_folded(sp), sp) for sp in spans)


def _family_words(text: str) -> frozenset[str]:
    """The words (folded, without the article) that the article writes right after a first
    name: names, however common the word ("باراك أوباما", "بشار الأسد")."""
    tokens = _text_words(text)
    return frozenset(no_article(b) for a, b in zip(tokens, tokens[1:])
                     if a and b and no_article(a) in words("given_name") and no_article(b) not in _heads() and
                     b not in NAME_LINKS and no_article(b) not in words("given_name"))


def _surface_of(text: str, name: tuple[str, ...]) -> list[str]:
    """The written words of a normalized name as the article spells them."""
    written = {}
    for span in _written_spans(text)[0]:
        written.setdefault(norm(span.surface), span.surface)
    return [written.get(w, w) for w in name]


def _find_cluster(clusters: list[dict], mention: tuple, kind: str, names: dict) -> int | None:
    if mention[0] == "outlet":
        for c in range(len(clusters) - 1, -1, -1):
            if clusters[c]["mentions"][0] == mention:
                return c
        return None
    unnamed = kind in ("anonymous", "unnamed_outlet")
    for c in range(len(clusters) - 1, -1, -1):
        cluster = clusters[c]
        if cluster["type"] == "named_outlet" or (cluster["type"] in ("anonymous", "unnamed_outlet")) != unnamed:
            continue
        for other in cluster["mentions"]:
            if _joins(mention, other, kind, names[mention], names[other]):
                return c
            if not unnamed and _joins(other, mention, kind, names[other], names[mention]):
                return c
            if unnamed and mention[0] == other[0] and set(other) <= set(mention) and \
                    not set(mention) & OTHER_WORDS:
                return c
    return None


@lru_cache(maxsize=8)
def _text_words(text: str) -> tuple[str, ...]:
    """The article's words as mentions compare them, with their article, and '' where a
    sentence ends (so a window does not cross it); cached, as :func:`_written_spans`."""
    out = []
    previous = 0
    for span, word in zip(*_written_spans(text)):
        if any(c in text[previous:span.start] for c in ".؟?!\n"):
            out.append("")
        previous = span.end
        out.append(word)
    return tuple(out)


def _folded(span) -> str:
    """A token's word as mentions compare it, with its article (:func:`raw_words`)."""
    return (raw_words((norm(span.surface),)) or ("",))[0]


def _as_written(word: str, span) -> str:
    """``word``, the folded word of ``span``, with على back where the text writes the
    preposition (على normalizes to علي, a name)."""
    return "على" if word == "علي" and span.surface.rstrip(DIACRITICS).endswith("ى") else word


def _name_after(raw_tokens: list[str], rep: tuple[str, ...]) -> tuple[str, ...]:
    """A name the article writes after a title, in the same sentence ("وصف الأمين العام
    لمجلس التعاون الخليجي هذه المحاولة الإرهابية نايف الحجرف"): a first name and the name
    words after it, within :data:`NAME_WINDOW` words."""
    size = len(rep)
    bare_tokens = [no_article(t) for t in raw_tokens]
    for s in range(len(raw_tokens) - size + 1):
        if tuple(bare_tokens[s:s + size]) != rep:
            continue
        at = s + size
        end = at + NAME_WINDOW
        if s and _holder_before(raw_tokens[s - 1], raw_tokens[max(0, s - 4):s - 1]):
            # the title is the name's before it ("صالحي رئيس منظمة … وكبير المفاوضين عراقجي"):
            # only a name right after it names its holder too ("الملك سلمان رئيس الوزراء
            # العراقي مصطفى الكاظمي")
            while at < len(raw_tokens) and raw_tokens[at] and _nationality_word(no_article(raw_tokens[at])):
                at += 1
            end = at + 1
        pair = tuple(raw_tokens[at:at + 2])
        if len(pair) == 2 and all(w and is_name(w) and w not in _places() for w in pair) \
                and _occurrences(raw_tokens, pair) >= 2:
            return pair                                     # "المعلمة إليانور ولسون", a name written again
        for m in range(at, min(end, len(raw_tokens))):
            if not raw_tokens[m] or raw_tokens[m] in COMPLEMENTIZERS:
                break                                       # the sentence, or the title's clause, ended
            if m > 0 and m + 1 < len(raw_tokens) and raw_tokens[m].startswith("ال") and \
                    no_article(raw_tokens[m]) in words("title") and raw_tokens[m] not in RANK_TITLES and \
                    raw_tokens[m - 1] and _nationality_word(no_article(raw_tokens[m - 1])) and \
                    raw_tokens[m + 1] and _nationality_word(no_article(raw_tokens[m + 1])):
                break                                       # "وزير الخارجية الأمريكي | الرئيس الروسي
                                                            # فلاديمير": another office, its own holder
            if no_article(raw_tokens[m]) in words("given_name"):
                name = [raw_tokens[m]]
                for w in raw_tokens[m + 1:m + 5]:
                    if w in NAME_LINKS and len(name) < 4:
                        name.append(w)                          # محمد ولد عبد العزيز
                        continue
                    after_particle = name[-1] in NAME_LINKS and bool(w) and no_article(w) not in _heads()
                    if not after_particle and (not w or w[:1] in "بلك" and not w.startswith("ال") or
                                               not (is_name(w) or no_article(w) in words("given_name")) or
                                               len(name) >= 4):
                        break
                    name.append(w)
                while name and name[-1] in NAME_LINKS:
                    name.pop()
                return tuple(name)
    return ()


def _apposed_name(text: str, rep: tuple[str, ...]) -> tuple[str, ...]:
    """A name set off by punctuation right after a title, with no first name the lists know:
    "محامية الدفاع، آنا ميجلي،", "المبعوث الأممي الخاص للشرق الأوسط -نيكولاي ملادينوف-",
    "خطيب جمعة طهران، أمس، أمامي كاشاني" (the title's لل-complement or nationality, at most
    three words, and a time word between commas may come first): one to three name words,
    one of them rare, that a comma, a dash or the text's end closes, or two or more name
    words; a first word the lists take for a common one ("آنا") only when a comma closes.

    Examples
    --------
    >>> _apposed_name("ووصفت محامية الدفاع، آنا ميجلي، أقوال الفتى بأنها كاذبة.", ("محامية", "دفاع"))
    ('آنا', 'ميجلي')
    """
    spans, written = _written_spans(text)
    size = len(rep)
    marks = "،,-–—("

    def gap(k: int) -> str:
        return text[spans[k - 1].end:spans[k].start]

    for s in range(len(spans) - size):
        if tuple(no_article(w) for w in written[s:s + size]) != rep:
            continue
        k = s + size
        while k < len(spans) and k - s - size < 3 and not any(c in gap(k) for c in marks + ".؟?!\n:") and (
                norm(spans[k].surface).startswith("لل") or _nationality_word(no_article(written[k])) or
                written[k].startswith("ال") and norm(spans[k - 1].surface).startswith("لل")):
            k += 1                                          # "للشرق الأوسط": the title's complement
        if k >= len(spans) or not any(c in gap(k) for c in marks):
            continue
        if norm(spans[k].surface) in TIME_WORDS and k + 1 < len(spans) and any(c in gap(k + 1) for c in "،,"):
            k += 1                                          # "، أمس، أمامي كاشاني"
        name: list[str] = []
        m = k
        while m < len(spans) and len(name) < 3 and (m == k or gap(m).strip() in ("", "-") or
                                                      not any(c in gap(m) for c in marks + ".؟?!\n:»«\"")):
            w = written[m]                                  # ("تايي- بروك زيريهون": one name)
            if not w or w.startswith(("ال", "بال", "لل", "كال")) or w[:1] in "وف" and not is_name(w) or \
                    no_article(w) in _heads() or no_article(w) in _places() or \
                    w in COMPLEMENTIZERS or w in FUNCTION_WORDS or cue_forms().get((w,)):
                break
            name.append(spans[m].surface.strip("-–—()"))
            m += 1
        commas = m < len(spans) and any(c in gap(m) for c in marks + ")")     # closed by a comma or dash
        common = [w for w in name if not is_name(norm(w))]
        if name and any(zipf(norm(w)) < 3.5 for w in name) and (
                not common and (commas or m >= len(spans) or len(name) >= 2) or
                commas and len(common) == 1 and common[0] == name[0] and len(name) >= 2):
            return tuple(name)                              # (one common word first: "، آنا ميجلي،")
    return ()


def _name_before(text: str, rep: tuple[str, ...]) -> tuple[str, ...]:
    """A name the article writes before a title, a comma between them ("الأمير جلوي بن
    عبدالعزيز بن مساعد، أمير منطقة نجران", "رودولفو، رئيس النادي الأرجنتيني"): the name
    words right before the comma, within six words of one sentence, with a first name
    among them, or else the rare words right before the comma (at most three).

    Examples
    --------
    >>> _name_before("قال رودولفو، رئيس النادي إن …", ("رئيس", "نادي"))
    ('رودولفو',)
    """
    spans, written = _written_spans(text)
    bare_words = [no_article(w) for w in written]
    size = len(rep)
    for s in range(1, len(spans) - size + 1):
        if tuple(bare_words[s:s + size]) != rep or not any(c in text[spans[s - 1].end:spans[s].start] for c in "،,"):
            continue
        name: list[str] = []
        for m in range(s - 1, max(-1, s - 7), -1):
            w = written[m]
            linked = m > 0 and written[m - 1] in NAME_LINKS
            if m < s - 1 and any(c in text[spans[m].end:spans[m + 1].start] for c in ".؟?!\n،,:«»\"()"):
                break
            if not w or not (w in NAME_LINKS or linked) and (
                    bare_words[m] in _heads() or bare_words[m] in _places() or not is_name(w)):
                break                                       # (after بن a word is a name: بن مساعد)
            name.insert(0, w)
        while name and name[0] in NAME_LINKS:
            name.pop(0)
        if any(no_article(w) in words("given_name") for w in name):
            return tuple(name)
        rare = []
        for w in reversed(name[-3:]):
            if w.startswith("ال") or zipf(w) >= 3.0:
                break
            rare.insert(0, w)
        if rare:
            return tuple(rare)                              # "تصريحات رودولفو، رئيس النادي", "أفيخاي أدرعي، الناطق"
    return ()


def _short_body(word: str, family: frozenset[str]) -> bool:
    """Whether a one-word mention may be a body's short name ("الداخلية", "الإحصاء",
    "سامسونج"): not a title, a place, a person's family name (``family``), a body's own
    noun (الشركة, المنظمة: they refer back) nor another body word (الكونغرس), but a
    portfolio adjective (الداخلية, الخارجية)."""
    if word in words("title") or word in _places() or word in family or word in BODY_HEADS or \
            word.endswith(("ات", "ون", "ين")):
        return False                                        # (التحقيقات: a plural is a common noun)
    return word not in words("body") or word.endswith("ية")


def _body_before(text: str, word: str) -> tuple[str, ...]:
    """The body's name, as written, that the article writes with ``word`` (folded, without
    its article) as its last noun, one of :data:`BODY_HEADS` opening it: "وزارة الداخلية" for
    "الداخلية", "الجهاز المركزي للتعبئة والإحصاء المصري" for "الإحصاء", "شركة سامسونج" for
    "سامسونج"; the first such name written, with the adjectives of place after it.  Right
    after the noun, ``word`` completes only a name of :data:`NAMED_BODY_HEADS` (not "إدارة
    ترامب"); further on, only definite words stand between them and ``word`` is joined by و
    ("للتعبئة والإحصاء"; not "الجمعية العمومية للفيفا": FIFA's assembly is not FIFA).

    Examples
    --------
    >>> _body_before("قالت وزارة الداخلية إن الطريق مغلق.", "داخلية")
    ('وزارة', 'الداخلية')
    """
    spans, raw_tokens = _written_spans(text)
    for s, plain in enumerate(raw_tokens):
        if not plain or no_article(plain) != word:
            continue
        token = norm(spans[s].surface)                     # as written: والإحصاء, للإحصاء
        end = s + 1
        while end < len(raw_tokens) and raw_tokens[end].startswith("ال") and _nationality_word(no_article(
                raw_tokens[end])) and end - s <= 2:
            end += 1                                        # "… والإحصاء المصري": its adjectives
        for start in range(s - 1, max(-1, s - 4), -1):
            here = no_article(raw_tokens[start])
            if here in BODY_HEADS:
                if (start == s - 1 and here in NAMED_BODY_HEADS or
                        start < s - 1 and token.startswith("وال") and not is_name(plain)) and \
                        not any(c in text[spans[start].end:spans[end - 1].start] for c in ".؟?!\n،,:()\"«»"):
                    return tuple(text[spans[start].start:spans[end - 1].end].split())
                break
            if not raw_tokens[start].startswith("ال"):
                break
    return ()


def _named_head_before(text: str, head: str, before: int) -> tuple[str, ...]:
    """The body a definite head noun alone refers back to ("وهدد المجلس" after "أمام مجلس
    الأمن الذي يضم 15 عضوا"): the latest place before offset ``before`` where the article
    writes ``head`` without its article and one to three definite words after it (the first
    may be a name), as written ("مجلس الأمن", "منظمة الصحة العالمية", "شركة سابك"); () if none.

    Examples
    --------
    >>> _named_head_before("أمام مجلس الأمن الذي يضم 15 عضوا. وهدد المجلس", "مجلس", 40)
    ('مجلس', 'الأمن')
    """
    spans, raw_tokens = _written_spans(text)
    found: tuple[str, ...] = ()
    for s, plain in enumerate(raw_tokens):
        if spans[s].start >= before:
            break
        if plain != head or norm(spans[s].surface) not in (head, "و" + head, "ف" + head, "ب" + head, "ل" + head):
            continue
        end = s + 1
        while end < len(raw_tokens) and end - s <= 3 and raw_tokens[end] and (
                raw_tokens[end].startswith("ال") or end == s + 1 and is_name(raw_tokens[end]) and
                raw_tokens[end][:1] not in "وفبل") and \
                raw_tokens[end] not in COMPLEMENTIZERS and raw_tokens[end] not in RELATIVES and raw_tokens[end] not in TIME_WORDS and \
                not any(c in text[spans[end - 1].end:spans[end].start] for c in ".؟?!\n،,:()\"«»"):
            end += 1                                        # ("شركة سابك": a name, then definite words)
        if end > s + 1:
            words_as_written = text[spans[s].start:spans[end - 1].end].split()
            if norm(words_as_written[0]) != head:           # "لإدارة المرور": إدارة, as written
                words_as_written[0] = words_as_written[0][1:]
            found = tuple(words_as_written)
    return found


def _family_after(raw_tokens: list[str], first: str) -> tuple[str, ...]:
    """The family name the article writes after a first name cited alone ("وقد علقت هيام"
    for "الممثلة هيام عباس"): the name words after each of its occurrences, when they are
    the same wherever it is written with one (two people may share a first name)."""
    found = set()
    for s, word in enumerate(raw_tokens[:-1]):
        if no_article(word) != first:
            continue
        family = []
        for w in raw_tokens[s + 1:s + 4]:
            if not w or w == "على" or w in COMPLEMENTIZERS or no_article(w) in _places() or cue_forms().get((w,)) or \
                    _masdar_with_pronoun(w) or not (w in NAME_LINKS or no_article(w) in words("given_name") or
                                          is_name(w) and zipf(w) < 4.0):
                break
            family.append(w)
        while family and family[-1] in NAME_LINKS:
            family.pop()
        if family:
            found.add(tuple(family))
    return found.pop() if len(found) == 1 else ()


def _occurrences(tokens: list[str], pair: tuple[str, str]) -> int:
    """How often two words stand side by side in ``tokens``."""
    first, second = pair
    return sum(1 for a, b in zip(tokens, tokens[1:]) if a == first and b == second)


def _root(clusters: list[dict], c: int) -> int:
    while "merged_into" in clusters[c]:
        c = clusters[c]["merged_into"]
    return c


def _link_titles(clusters: list[dict], text: str) -> None:
    """Merge a title-only cluster ("الرئيس", "الوزير البريطاني", "المفوض") into the named
    cluster the article writes with that title, the closest such place before the mention
    first: right before its name ("الرئيس الأمريكي دونالد ترامب") or next to it ("أندرو
    غريفيث، وزير المشروعات الصغيرة")."""
    spans, written = _written_spans(text)
    raw_tokens = ["علي" if w == "على" else w for w in written]        # as folded, without the على fix
    tokens = [no_article(w) for w in written]                       # one per span, no article
    joined = frozenset(s for s, sp in enumerate(spans)            # words written with و (وزعيم)
                       if norm(sp.surface)[:1] == "و" and no_article(norm(sp.surface)) != tokens[s])
    starts = [sp.start for sp in spans]
    named = [(c, set(cl["names"])) for c, cl in enumerate(clusters)
             if cl["type"] == "named_person_or_body" and cl["names"]]
    names_of_cluster = dict(named)
    for c, cluster in enumerate(clusters):
        rep = cluster["rep"]
        if cluster["type"] != "named_person_or_body" or not rep or _person_names(cluster) or rep[0] not in words("title"):
            continue
        size = len(rep)
        found = []                                          # (position, targets)
        for s in range(len(tokens) - size + 1):
            if tuple(tokens[s:s + size]) == rep:
                after = set(tokens[s + size:s + size + TITLE_WINDOW])
                targets = {t for t, names in named if t != c and names <= after}
                if s and not any(ch in text[spans[s - 1].end:spans[s].start] for ch in ".؟?!:\n") and \
                        _holder_before(raw_tokens[s - 1], raw_tokens[max(0, s - 4):s - 1]):
                    # "وعلي أكبر صالحي رئيس منظمة الطاقة الذرية ومساعد وزير الخارجية … عباس
                    # عراقجي": the title is the name's before it; one further on is another's
                    # ("سامح شكري وزير الخارجية المصري … مع نظيره الأمريكي جون كيري": شكري's)
                    firsts = [w for w in tokens[s + size:s + size + TITLE_WINDOW] if not _nationality_word(w)][:2]
                    targets = {t for t in targets if set(firsts) & names_of_cluster[t]} or \
                        {t for t, names in named if t != c and tokens[s - 1] in names}
                if targets:
                    found.append((starts[s], targets))
        before = [f for f in found if f[0] <= cluster["start"]]
        chosen = before[-1][1] if before else (found[0][1] if found else set())
        if not chosen:                                      # "الأمير جلوي بن عبدالعزيز بن مساعد، أمير منطقة نجران"
            before_name = {no_article(w) for w in _name_before(text, rep)}
            chosen = {t for t, names in named if t != c and before_name and names <= before_name}
        if not chosen and rep[0] in words("title"):
            chosen = _nearest_named(tokens, rep[0], named, c, joined)
            chosen = {t for t in chosen if not _held_by_another(_text_words(text), rep, clusters[t])}
        chosen = {_root(clusters, t) for t in chosen} - {c}
        chosen = {t for t in chosen if not _other_nationality(rep, clusters[t])}
        if len(chosen) == 1:
            cluster["merged_into"] = chosen.pop()


def _person_names(cluster: dict) -> set[str]:
    """A cluster's names that are not places: "أمير منطقة نجران" and "وزير خارجية روسيا" are
    titles whose holder the article names elsewhere (a word after a noun of :data:`PLACE_NOUNS`
    is a place)."""
    rep = cluster["rep"]
    named_places = {w for before, w in zip(rep, rep[1:]) if before in PLACE_NOUNS}
    return set(cluster["names"]) - _places() - named_places


def _holder_before(before: str, earlier: list[str]) -> bool:
    """Whether ``before``, the word right before a title in its sentence (with its article;
    '' at a sentence's start), ends a person's name written with its first name, so that the
    title is that name's, in apposition ("أندرو غريفيث، وزير المشروعات الصغيرة", "علي أكبر
    صالحي رئيس منظمة الطاقة الذرية"); ``earlier``: the words before it."""
    if not before or no_article(before) in _places() or no_article(before) in _heads() or \
            not (is_name(before) or zipf(before) < 4.0):
        return False
    firsts = [w[1:] if w[:1] == "و" and no_article(w[1:]) in words("given_name") else w for w in earlier[-3:] if w]
    return any(no_article(w) in words("given_name") for w in firsts)


def _nationality_word(word: str) -> bool:
    """A nisba adjective after a title (الأمريكي, الإيرانية), not a name."""
    return word.endswith(("ي", "ية")) and _nationality(word)


def _link_definite_titles(clusters: list[dict], text: str) -> None:
    """A definite title left alone ("المسؤول الإثيوبي", "الوزير") refers back, as news
    prose uses it, to the latest named person cited before it who holds that title (an
    expert's title, :data:`EXPERT_TITLES`, is the latest expert's, else an epithet of whoever
    was cited earlier in the same sentence: "اللواء المتقاعد محمود ارديسات قال … ووصف الخبير
    العسكري") or, for "المسؤول", any title — unless
    their nationalities differ ("الرئيس الروسي" is not "الرئيس الأمريكي دونالد ترامب")."""
    for c, cluster in enumerate(clusters):
        rep = cluster["rep"]
        generic = bool(rep) and rep[0] in GENERIC_TITLES
        written = norm(_label(cluster["surface"])).split()
        definite = bool(written) and (written[0].startswith("ال") or (        # "الوزير"; "مسؤول الحج"
            len(written) == 2 and written[1].startswith("ال") and not written[1].endswith(("ي", "ية"))))
        expert = bool(rep) and rep[0] in EXPERT_TITLES
        if "merged_into" in cluster or cluster["names"] or not rep or rep[0] not in words("title") or \
                not (cluster["type"] == "named_person_or_body" or cluster["type"] == "anonymous" and (generic or expert)) \
                or not definite:
            continue
        people = [(max(t for t in other["starts"] if t < cluster["start"]), o) for o, other in enumerate(clusters)
                  if o != c and other["type"] == "named_person_or_body" and other["names"] and
                  any(t < cluster["start"] for t in other["starts"]) and _person(other)]
        if not people:
            continue
        if expert:                                          # the latest expert named, else whoever was cited
            experts = [p for p in people if {m[0] for m in clusters[p[1]]["mentions"] if m} & EXPERT_TITLES]
            nearby = [p for p in people if cluster["start"] - p[0] <= EPITHET_DISTANCE and
                      not any(ch in text[p[0]:cluster["start"]] for ch in ".؟?!\n")]
            if not experts and not nearby:                  # just before ("اللواء المتقاعد محمود ارديسات
                continue                                    # قال … ووصف الخبير العسكري": an epithet)
            latest = max(experts or nearby)[1]
        else:
            latest = max(people)[1]
        target = clusters[latest]
        held = {w for m in target["mentions"] for w in m}
        if not generic and rep[0] not in held and not expert:
            continue
        if _other_nationality(rep, target):
            continue
        cluster["merged_into"] = _root(clusters, latest)


def _link_indefinite_titles(clusters: list[dict], text: str) -> None:
    """An indefinite title that opens a story ("قالت قاضية أميركية") is the one named person
    the article names later with that title ("وقالت القاضية باربره جافي"), unless two
    are named with it or their nationalities differ."""
    for c, cluster in enumerate(clusters):
        rep = cluster["rep"]
        places = {w for i, w in enumerate(rep) if i and (rep[i - 1] in ("في", "من") or w[:1] == "ب")}
        if "merged_into" in cluster or set(cluster["names"]) - places or not rep or rep[0] not in words("title") or \
                rep[0] in GENERIC_TITLES or cluster["type"] not in ("named_person_or_body", "anonymous") or \
                norm(_label(cluster["surface"])).startswith("ال") or any(w in OTHER_WORDS for w in rep):
            continue
        later = [o for o, other in enumerate(clusters)
                 if o != c and "merged_into" not in other and other["type"] == "named_person_or_body" and
                 other["names"] and other["start"] > cluster["start"] and _person(other) and
                 rep[0] in {w for m in other["mentions"] for w in m}]
        if len(later) == 1 and not _other_nationality(rep, clusters[later[0]]) and \
                not _held_by_another(_text_words(text), rep, clusters[later[0]]):
            cluster["merged_into"] = _root(clusters, later[0])


def _held_by_another(raw_tokens: list[str], rep: tuple[str, ...], target: dict) -> bool:
    """Whether the article (its words, :func:`_text_words`) writes the title ``rep`` with the
    name of someone other than the named cluster ``target`` after it, no other title between
    them: "وزير الخارجية المصري سامح شكري" is not "وزير الخارجية عادل الجبير", the nearest or
    only foreign minister cited by name ("قاضية أميركية، في حكم ضد إدارة الرئيس دونالد ترامب":
    ترامب is the president's name, not the judge's)."""
    size = len(rep)
    bare_tokens = [no_article(t) for t in raw_tokens]
    for s in range(len(raw_tokens) - size):
        if tuple(bare_tokens[s:s + size]) != rep:
            continue
        window = raw_tokens[s:s + size + NAME_WINDOW]
        name = _name_after(window, rep)
        if not name or {no_article(w) for w in name} & set(target["names"]):
            continue
        at = next((m for m in range(size, len(window)) if window[m] == name[0]), len(window))
        if not any(w and no_article(w) in words("title") and w not in RANK_TITLES for w in window[size:at]):
            return True
    return False


def _other_nationality(rep: tuple[str, ...], target: dict) -> bool:
    """Whether a title's nationality differs from every one the named cluster is written
    with: "الرئيس الروسي" is not "الرئيس الأمريكي دونالد ترامب"."""
    mine = {w for w in rep[1:] if _nationality(w) and place_adjective("ال" + w)}
    theirs = {w for m in target["mentions"] for w in m if place_adjective("ال" + w) and w not in target["names"]}
    return bool(mine and theirs and not mine & theirs)


def _person(cluster: dict) -> bool:
    """A named cluster that is a person (a first name, or a title before the name), not a body."""
    first = cluster["rep"][0]
    return first not in words("body") and (first in words("title") or
                                            any(w in words("given_name") for m in cluster["mentions"] for w in m))


def _nearest_named(tokens: list[str], title: str, named: list[tuple[int, set[str]]], own: int,
                   joined: frozenset[int] = frozenset()) -> set[int]:
    """The named cluster whose name stands closest (at most 3 words) to ``title`` in the text;
    not a name right before the title joined to it by و ("ترامب وزعيم كوريا الشمالية": the
    title is another person's), ``joined`` being the positions of words written with و."""
    titles = [s for s, t in enumerate(tokens) if t == title]
    best: dict[int, int] = {}
    for t, names in named:
        if t == own:
            continue
        spots = [s for s, w in enumerate(tokens) if w in names or (w[:1] == "ل" and w[1:] in names)]
        pairs = [abs(a - b) for a in titles for b in spots if not (a > b and a in joined)]
        if pairs:
            best[t] = min(pairs)
    if not best:
        return set()
    closest = min(best.values())
    winners = {t for t, d in best.items() if d == closest}
    return winners if closest <= 2 and len(winners) == 1 else set()


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _link_spellings(clusters: list[dict]) -> None:
    """Merge named clusters whose names are spellings of one name (مينديز, مينينديز)."""
    named = [c for c, cl in enumerate(clusters) if cl["type"] == "named_person_or_body" and
             cl["names"] and "merged_into" not in cl]
    for x in range(len(named)):
        for y in range(x + 1, len(named)):
            a, b = named[x], named[y]
            if _root(clusters, a) == _root(clusters, b):
                continue
            na, nb = clusters[a]["names"], clusters[b]["names"]
            short, long = (na, nb) if len(na) <= len(nb) else (nb, na)
            if all(any(_same_name(x, y) for y in long) for x in short) and \
                    any(x not in long for x in short):
                clusters[_root(clusters, b)]["merged_into"] = _root(clusters, a)


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one name: ترمب/ترامب, مينديز/مينينديز, بوشوشة/بشوشة (a long vowel
    written or not after the first letter), not two short words, nor two names two letters
    apart in their consonants (مارتن/ماكرون)."""
    if a == b:
        return True
    same_start = a[:2] == b[:2] or (a[:1] == b[:1] and (a[1:2] in "اوي" or b[1:2] in "اوي"))
    if not same_start or abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return False
    distance = _edit_distance(a, b)
    return distance <= 1 or (distance == 2 and min(len(a), len(b)) >= 5 and
                             _edit_distance(_consonants(a), _consonants(b)) <= 1)


def _consonants(word: str) -> str:
    """A name without the long vowels after its first letter: what two spellings of it share
    (مينديز, مينينديز -> مندز, منندز; but مارتن, ماكرون -> مرتن, مكرن)."""
    return word[:1] + "".join(c for c in word[1:] if c not in "اوي")


def load_source_aliases(path: str | Path = ALIASES_PATH) -> dict[tuple[str, ...], str]:
    """The alias table: ``{mention words of a variant: canonical label}``.

    Examples
    --------
    >>> aliases = load_source_aliases()
    >>> aliases[mention_words(norm("خلية الإعلام الأمنية").split())]
    'خلية الإعلام الأمني'
    """
    table = read_table(path)
    missing = {"canonical", "variant"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: the source alias table needs columns canonical and variant "
                         f"(missing {sorted(missing)})")
    return {mention_words(norm(v).split()): c for c, v in zip(table["canonical"], table["variant"])}


def corpus_entities(table: pd.DataFrame, *, aliases: dict[tuple[str, ...], str] | None = None) -> pd.Series:
    """One label per entity across documents, for a table with ``source_entity`` and
    ``source_type`` (returns the new ``source_entity`` column).

    The alias table maps a label's words to its canonical label first; generic sources
    (:func:`generic_source`: "مصدر", "وزارة الداخلية") stay apart in each article, labelled
    with its ``doc_id`` when several articles cite one; then named entities merge when
    one's name words are part of exactly one other's (ترامب into الرئيس الأمريكي دونالد
    ترامب); the rest merge when their words are the same.  A merged entity takes the label
    most articles give it, so that one article's long label does not name a speaker many
    cite (then the label of most rows, then the longest)."""
    aliases = load_source_aliases() if aliases is None else aliases
    docs = table["doc_id"] if "doc_id" in table else pd.Series("", index=table.index)
    rows = []
    for label, kind, doc in zip(table["source_entity"], table["source_type"], docs):
        ws = mention_words(norm(label).split())
        if ws in aliases:
            rows.append((aliases[ws], kind, True))
        elif generic_source(label, kind):
            rows.append((label, kind, False, doc))        # one per article: never merged across them
        else:
            rows.append((label, kind, False))
    rows = _scoped(rows)
    entries = {}
    for label, kind, fixed in rows:
        ws = mention_words(norm(label).split())
        entries.setdefault((label, kind), (ws, fixed))
    group_of: dict[tuple[str, str], int] = {}
    groups: list[dict] = []
    by_words: dict[tuple, int] = {}
    name_sets = {e: _own_names(names_of(raw_words(norm(e[0]).split()))) for e in entries}
    spelling = _spelling_map({w for names in name_sets.values() for w in names},
                             Counter(w for label, kind, _ in rows for w in name_sets[(label, kind)]))
    name_sets = {e: {spelling.get(w, w) for w in names} for e, names in name_sets.items()}
    weight = Counter((label, kind) for label, kind, _ in rows)
    order = sorted(entries, key=lambda e: (-len(name_sets[e]), -len(entries[e][0]), e))
    for entry in order:
        ws, fixed = entries[entry]
        label, kind = entry
        names = name_sets[entry] if kind == "named_person_or_body" else set()
        target = by_words.get((ws, kind == "named_outlet"))
        if target is None and names and not fixed and (len(names) >= 2 or len(ws) <= 3) and \
                not names <= _places():
            # a name (or a short mention) joins the fuller mentions that contain it; a long
            # description with one rare word in it does not ("كبير ضباط مكافحة الإرهاب ...")
            fits = [g for g, group in enumerate(groups) if group["names"] and names <= group["names"]]
            if len(fits) == 1:
                target = fits[0]
            elif fits and not names <= words("given_name"):   # a surname: the most cited of its holders
                target = max(fits, key=lambda g: (groups[g]["weight"], -g))
        if target is None:
            groups.append({"names": names, "fixed": label if fixed else "", "weight": 0})
            target = len(groups) - 1
        groups[target]["weight"] += weight[entry]
        by_words.setdefault((ws, kind == "named_outlet"), target)
        group_of[entry] = target
    articles: dict[int, dict[str, set]] = {}                      # a group's labels: the articles, the rows
    counts: dict[int, Counter] = {}
    for (label, kind, _), doc in zip(rows, docs):
        g = group_of[(label, kind)]
        articles.setdefault(g, {}).setdefault(label, set()).add(doc)
        counts.setdefault(g, Counter())[label] += 1
    best = {g: groups[g]["fixed"] or max(c, key=lambda lab: (len(articles[g][lab]), c[lab], len(lab), lab))
            for g, c in counts.items()}
    return pd.Series([best[group_of[(label, kind)]] for label, kind, _ in rows], index=table.index,
                     name="source_entity")


def _own_names(names: tuple[str, ...]) -> set[str]:
    """The names that say who a label is across articles: a place beside a person's name is
    their office's or a span's run-on ("وزير خارجية روسيا سيرغي لافروف", "روحاني واشنطن"),
    not theirs; a place alone is the state speaking ("روسيا")."""
    return {w for w in names if w not in _places()} or set(names)


def generic_source(label: str, kind: str) -> bool:
    """Whether a source names no specific speaker across articles: an unnamed source or
    outlet ("مصدر", "وسائل إعلام"), or a body or title made only of words every state has
    (the ``office`` words: "وزارة الداخلية", "المتحدث باسم الوزارة", "الرئيس"), with no
    name, place or nationality ("وزارة الداخلية العراقية" is specific).

    Examples
    --------
    >>> generic_source("وزارة الداخلية", "named_person_or_body")
    True
    >>> generic_source("وزارة الداخلية العراقية", "named_person_or_body")
    False
    >>> generic_source("منظمة العفو الدولية", "named_person_or_body")
    False
    """
    if kind in ("anonymous", "unnamed_outlet"):
        return True
    if kind != "named_person_or_body":
        return False
    ws = mention_words(norm(label).split())
    return bool(ws) and all(w in words("office") or w in FUNCTION_WORDS for w in ws)


def _scoped(rows: list[tuple]) -> list[tuple[str, str, bool]]:
    """Generic sources (rows with a fourth item, their article) keep their label in one
    article and take the article's id after it when several articles cite them:
    "وزارة الداخلية (a)", "وزارة الداخلية (b)" are two entities, as a reader counts them."""
    articles: dict[tuple[str, str], set] = {}
    for row in rows:
        if len(row) == 4:
            articles.setdefault(row[:2], set()).add(row[3])
    out = []
    for row in rows:
        if len(row) == 4 and len(articles[row[:2]]) > 1:
            out.append((f"{row[0]} ({row[3]})", row[1], False))
        else:
            out.append(row[:3])
    return out


def _spelling_map(names: set[str], counts: Counter) -> dict[str, str]:
    """Each name word to the most frequent of its spellings in the corpus (ترمب -> ترامب)."""
    buckets: dict[str, list[str]] = {}
    for w in names:
        buckets.setdefault(w[:2], []).append(w)
    out = {}
    for bucket in buckets.values():
        bucket.sort(key=lambda w: (-counts[w], w))
        for i, w in enumerate(bucket):
            for other in bucket[:i]:
                if out.get(other, other) == other and _same_name(w, other):
                    out[w] = other
                    break
    return out
