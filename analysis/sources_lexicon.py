"""The word lists behind attribution extraction, read from ``analysis/data/``.

* ``attribution_cues.csv``: one row per cue lemma (قال, أكد, نفى, بحسب ...) with its kind,
  its ``cue_class`` (neutral, assertive, doubting, denial) and the forms to build;
  :func:`cue_forms` turns it into every written form with its grammatical agreement
  (قالت: feminine, قالوا: plural, قائلا: participle, يقول: present);
* ``outlets.csv``: the media gazetteer, one row per outlet with its Arabic spellings;
* ``source_words.csv``: head nouns by role (media, anonymous, title, body, document,
  not_source, audience).

All are edited as data; nothing here needs changing to add a cue, an outlet or a word.
Below them, in code, the closed word classes the rules read (particles, relatives, time
words, negations ... that end or start a speaker's span) and the quotation marks: grammar
rather than data, kept here so that every word list of the extractor is in one module.

>>> form = cue_forms()[("قالت",)]
>>> form.lemma, form.agree, form.tense, form.cue_class
('قال', 'f', 'past', 'neutral')
>>> cue_forms()[("مضيفا",)].tense
'participle'
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from .config import DATA_DIR
from .normalize import normalize

CUES_PATH = DATA_DIR / "attribution_cues.csv"
OUTLETS_PATH = DATA_DIR / "outlets.csv"
WORDS_PATH = DATA_DIR / "source_words.csv"
CUE_CLASSES = ("neutral", "assertive", "doubting", "denial")


def norm(word: str) -> str:
    """The normalized form the rules compare (alef, ى, diacritics folded)."""
    return normalize(word).strip()


def no_article(word: str) -> str:
    """الوزارة -> وزارة (words of two letters after the article are kept whole)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def read_table(path) -> pd.DataFrame:
    """A CSV of ``analysis/data/`` as strings; lines that start with '#' are comments (a '#'
    inside a value, as in a hashtag, is kept)."""
    with open(path, encoding="utf-8-sig") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return pd.read_csv(io.StringIO("".join(lines)), dtype=str, keep_default_na=False)


@dataclass(frozen=True)
class CueForm:
    """One written form of a cue."""
    lemma: str
    kind: str            # verb, relay, writing, preposition
    cue_class: str       # neutral, assertive, doubting, denial
    tense: str           # past, present, participle, phrase
    agree: str | None    # m, f, pl, du (None for phrases)
    preps: frozenset[str]
    needs: str           # '', content, strict, saying, statement
    shadda: str = ""     # the form counts only when written with this surface (بيّن)

    @property
    def strict_content(self) -> bool:
        """Whether only a complementizer, colon, quotation or بالقول is its content (no
        preposition of ``preps``): the ``strict`` and ``saying`` needs."""
        return self.needs in ("strict", "saying")


def _past(p: str) -> list[tuple[str, str]]:
    if p[-1] in "ىا":                     # نفى -> نفت نفوا نفيا, دعا -> دعت دعوا
        stem = p[:-1]
        return [(p, "m"), (stem + "ت", "f"), (stem + "وا", "pl"), (stem + ("يا" if p[-1] == "ى" else "وا"), "du"),
                (stem + "تا", "du")]
    return [(p, "m"), (p + "ت", "f"), (p + "وا", "pl"), (p + "ا", "du"), (p + "تا", "du")]


def _present(s: str) -> list[tuple[str, str]]:
    stem = s[1:]
    plural = s[:-1] + "ون" if s[-1] in "يوى" else s + "ون"
    return [(s, "m"), ("ت" + stem, "f"), (plural, "pl"), (s + "ان", "du"), ("ت" + stem + "ان", "du")]


def _participle(p: str) -> list[tuple[str, str]]:
    base = p[:-1] if p.endswith("ا") else p
    return [(base + "ا", "m"), (base + "ة", "f"), (base + "ين", "pl")]


@lru_cache(maxsize=None)
def cue_forms(path: str = str(CUES_PATH)) -> MappingProxyType:
    """Every written form of every cue, keyed by its normalized words.

    Examples
    --------
    >>> cue_forms()[("لفت",)].agree        # the ت of لفت is the root's, not the feminine
    'm'
    >>> cue_forms()[("نفوا",)].cue_class
    'denial'
    >>> cue_forms()[("وفقا", "لما")].kind
    'preposition'
    """
    table = read_table(path)
    forms: dict[tuple[str, ...], CueForm] = {}
    for row in table.itertuples(index=False):
        preps = frozenset(norm(p) for p in row.preps.split("|") if p)
        built: list[tuple[str, str | None, str, str]] = []          # (form, agree, tense, shadda)
        for p in filter(None, row.past.split("|")):
            built += [(f, a, "past", "") for f, a in _past(p)]
        for s in filter(None, row.present.split("|")):
            built += [(f, a, "present", "") for f, a in _present(s)]
        for p in filter(None, row.participle.split("|")):
            built += [(f, a, "participle", "") for f, a in _participle(p)]
        for extra in filter(None, row.forms.split("|")):
            written, _, agree = extra.partition(":")
            shadda = written.rstrip("!") if written.endswith("!") else ""
            written = written.rstrip("!")
            tense = "phrase" if row.kind == "preposition" else ("present" if written[0] in "يت" and
                                                                 len(written) > 3 and agree else "past")
            built.append((written, agree or None, tense, shadda))
        for written, agree, tense, shadda in built:
            key = tuple(norm(written).split())
            if key in forms and not (forms[key].lemma == row.lemma and forms[key].shadda and not shadda):
                continue                                # a form written without its shadda too (بينت
            forms[key] = CueForm(row.lemma, row.kind, row.cue_class, tense, agree, preps, row.needs,   # after
                                 shadda)                                                              # بيّنت!)
    return MappingProxyType(forms)                  # cached: read-only, so no caller can change it for all


@lru_cache(maxsize=None)
def longest_cue() -> int:
    return max(len(k) for k in cue_forms())


def load_outlets(path: str = str(OUTLETS_PATH)) -> pd.DataFrame:
    """The outlet gazetteer: one row per spelling, with its canonical ``name`` (a fresh copy:
    changing it changes nothing for the extractor).

    Examples
    --------
    >>> outlets = load_outlets()
    >>> outlets.loc[outlets.variant == "رويتر", "name"].item()
    'رويترز'
    """
    return _outlets(path).copy()


@lru_cache(maxsize=None)
def _outlets(path: str) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    rows = [(name, norm(v), country, kind, ambiguous == "yes")
            for name, variants, country, kind, ambiguous in zip(table["name"], table["variants"], table["country"],
                                                               table["kind"], table["ambiguous"])
            for v in variants.split("|")]
    return pd.DataFrame(rows, columns=["name", "variant", "country", "kind", "ambiguous"])


@lru_cache(maxsize=None)
def outlet_variants() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """(variant words, name, ambiguous), longest variants first."""
    out = [(tuple(v.split()), name, amb) for name, v, amb in
           _outlets(str(OUTLETS_PATH))[["name", "variant", "ambiguous"]].itertuples(index=False)]
    return tuple(sorted(out, key=lambda t: -len(t[0])))


@lru_cache(maxsize=None)
def outlet_words() -> frozenset[str]:
    """Every single word that begins an outlet's spelling (for lists and datives)."""
    return frozenset(v[0] for v, _, _ in outlet_variants())


#: Roles of people whose sound plurals also stand in construct (موظفو, موظفي from موظفون).
CONSTRUCT_ROLES = ("anonymous",)


@lru_cache(maxsize=None)
def words(role: str, path: str = str(WORDS_PATH)) -> frozenset[str]:
    """The normalized words of one role of ``source_words.csv``, without the article (for
    :data:`CONSTRUCT_ROLES`, with the construct forms of their sound plurals).

    Examples
    --------
    >>> "مصادر" in words("anonymous")
    True
    >>> "دستور" in words("not_source")
    True
    """
    table = read_table(path)
    known = set(table["role"])
    if role not in known:
        raise KeyError(f"{path}: no role {role!r} (roles: {sorted(known)})")
    out = {no_article(norm(w)) for w in table.loc[table["role"] == role, "word"]}
    if role == "title":
        out |= words("honorific", path)                         # معالي, سمو: titles of address
    if role in CONSTRUCT_ROLES:
        # a sound plural in construct loses its ن: "موظفو الشركة", "بحسب موظفي المدرسة"
        # (from the nominative in ون, so no dual: شخصين is not شخصي; never a first name:
        # ناجون is not ناجي; and not آخري, written as أخرى, "another", once normalized)
        made = {w[:-2] + end for w in out if len(w) >= 5 and w.endswith("ون") for end in "وي"}
        out |= made - words("given_name") - {norm("أخرى")}
    return frozenset(out)


@lru_cache(maxsize=None)
def place_phrases(path: str = str(WORDS_PATH)) -> tuple[tuple[str, ...], ...]:
    """Countries and capitals as normalized word tuples, longest first."""
    table = read_table(path)
    phrases = {tuple(norm(w).split()) for w in table.loc[table["role"] == "place", "word"]}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def place_adjective(word: str) -> bool:
    """Whether a normalized word is the adjective of a country or capital in the word list
    (الفلسطينية, الإيرانيين, الأمريكي), not a noun in ية (العملية).

    Examples
    --------
    >>> place_adjective(norm("الإيرانية")), place_adjective(norm("العملية"))
    (True, False)
    """
    singles = {no_article(p[0]) for p in place_phrases() if len(p) == 1}
    for whole in {no_article(word), word}:                  # الألمانية: the ال may be the name's (ألمانيا)
        if whole in singles:
            return True                                     # السعودية
        for suffix in ("يين", "يون", "ية", "ي"):
            if whole.endswith(suffix):
                stem = whole[:-len(suffix)]
                if any(form in singles for form in (stem, stem + "ا", stem + "يا", stem + "ي", stem + "ة")):
                    return True
                break
    return False


# --- closed word classes the rules read ------------------------------------------------------
# Grammar, not data a researcher tunes: particles, relatives, time words and the like that
# end or start a speaker's span (analysis/sources_rules.py), the marks that delimit quotes.

QUOTES = "«»“”\"„"
OPEN_QUOTES = "«“\"„"
CLOSE_QUOTES = "»”\""
PUNCT = ".؟?!;؛:()[]"
DASHES = ("–", "—", " - ", " -", "- ")

_N = norm
COMPLEMENTIZERS = frozenset(_N(w) for w in (
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "إنهما", "أنني", "إنني", "أننا", "إننا",
    "بأن", "بأنه", "بأنها", "بأنهم", "بأنهما", "أنّ", "إنّ", "أنهن", "إنهن", "بأنهن", "بأننا", "بأنني"))
#: Number words: "اعتبر اثنان من أصل ثلاثة" counts people, it does not name a speaker.
NUMBER_WORDS = frozenset(_N(w) for w in ("اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "نصف", "ثلث", "ربع", "غالبية",
                                          "أغلبية", "واحد", "واحدة"))
RELATIVES = frozenset(_N(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "والذي",
                                       "والتي", "والذين"))
#: "News" in an agency's or a channel's generic name before its quoted name: وكالة أنباء "أي أن آي".
NEWS_WORDS = frozenset(_N(w) for w in ("أنباء", "الأنباء", "أخبار", "الأخبار"))
#: Independent pronouns as a verb's subject before it ("فهو يقول"), with their agreement.
SUBJECT_PRONOUNS = MappingProxyType({_N(p + w): agree for w, agree in (("هو", "m"), ("هي", "f"), ("هم", "pl"),
                                                                       ("هما", "du")) for p in ("", "و", "ف")})
#: لكن with a pronoun before a verb, its subject: "ولكنها أكدت أن" (the one the contrast is about).
CONTRAST_PRONOUNS = MappingProxyType({_N(p + "لكن" + w): agree for w, agree in (("ه", "m"), ("ها", "f"), ("هم", "pl"),
                                                                              ("هما", "du")) for p in ("", "و")})
#: The singular relatives a document's publisher may follow: "الدراسة، التي أجراها X".
SINGULAR_RELATIVES = frozenset(_N(w) for w in ("الذي", "التي"))
#: "Issued (by)": "بيان صادر عن X", "التقرير الذي صدر عن X".
ISSUED_WORDS = frozenset(_N(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة", "صدر", "صدرت"))
#: Adjectives that set a document apart from one named before ("دراسة سابقة أجرتها X", "تقرير
#: آخر"): its publisher is not the earlier one's.
OTHER_DOCUMENT = frozenset(_N(w) for w in ("أخرى", "آخر", "سابقة", "سابق", "ثانية", "ثان", "جديدة", "جديد",
                                            "مماثلة", "مماثل", "منفصلة", "منفصل", "الأخرى", "الآخر", "السابقة",
                                            "السابق", "الجديدة", "الجديد", "الأخيرة", "الأخير"))
#: "Aged" after a name: "إليانور ولسون البالغة من العمر 29 عاما" is a person.
AGED = frozenset(_N(w) for w in ("البالغ", "البالغة"))
KANA = frozenset(_N(w) for w in ("كان", "كانت", "وكان", "وكانت", "فكان", "كانوا", "وكانوا", "كانا", "وكانا",
                                  "ظل", "وظل", "ظلت", "وظلت", "مازال", "ومازال", "لايزال", "ولايزال"))
#: Verbs of becoming, the sisters of كان that take no قد: "وبات X يقول", "X باتت تعتبره".  With
#: :data:`KANA` they are never a subject's first word ("وهددها | كان على علاقة بها").
BECOME = frozenset(_N(w) for w in ("بات", "باتت", "وبات", "وباتت", "باتوا", "أصبح", "أصبحت", "وأصبح", "وأصبحت",
                                   "أصبحوا", "صار", "صارت", "وصار", "وصارت", "صاروا"))
COPULAS = KANA | BECOME
#: Ranks and forms of address written before a holder's name, after the office's title
#: ("المتحدث الرسمي للدفاع المدني بمنطقة عسير العقيد محمد العاصمي", "شيخ مشايخ يافع السلطان فضل").
RANK_TITLES = frozenset(_N(w) for w in (
    "العقيد", "الرائد", "اللواء", "العميد", "المقدم", "النقيب", "الفريق", "العماد", "المشير", "الملازم",
    "الجنرال", "الدكتور", "الدكتورة", "المهندس", "المهندسة", "الأستاذ", "الأستاذة", "الشيخ", "الأمير",
    "الأميرة", "السلطان", "السيد", "السيدة"))
#: Words before a verb that leave its subject after it: "كما قال X", "فيما أكدت X".
CLAUSE_STARTERS = frozenset(_N(w) for w in (
    "بداية", "ابتداء",
    "كما", "فيما", "بينما", "حيث", "قد", "فقد", "وقد", "لقد", "ثم", "كذلك", "بدوره", "بدورها", "بعدما", "عندما",
    "حين", "حينما", "إذ", "وإذ", "لطالما", "ولطالما", "طالما", "فيما", "وفيما", "وبينما", "كذا", "أيضا", "أيضاً",
    "وحين", "ولما", "لما", "كلما", "وعندما", "منذ", "بعد", "قبل", "عقب", "إثر", "حتى", "أمس", "اليوم", "مساء",
    "صباح", "ليل", "فجر", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "جهتهم", "جانبهم", "بدورهم"))
#: Particles after which a subject comes before its verb: "لكن المحللين قالوا".
#: Phrases that open a sentence before its verb ("من جانبه يتفق X", "بدوره أكد"): the
#: subject of the verb after them is the sentence's.
CLAUSE_OPENERS = tuple(tuple(_N(w) for w in o.split()) for o in (
    "من جانبه", "من جانبها", "من جهته", "من جهتها", "من ناحيته", "من ناحيتها", "بدوره", "بدورها",
    "في المقابل", "وفي المقابل", "في السياق ذاته", "وفي السياق ذاته", "في السياق نفسه", "وفي السياق نفسه"))
#: Particles of contrast before a sentence's first verb that bring in a new actor ("فيما
#: قدم الدكتور مبارك الشكر …، وأضاف"): that subject is the sentence's.
CLAUSE_PARTICLES = frozenset(_N(w) for w in ("فيما", "وفيما", "بينما", "وبينما"))
#: Prepositions that open a sentence with a phrase of place, time or occasion before its
#: first verb ("ففي بلدة ليبرامونت البلجيكية، احتج المزارعون …", "وخلال الاجتماع شكر …").
SCENE_PREPOSITIONS = frozenset(_N(w) for w in (
    "في", "وفي", "ففي", "خلال", "وخلال", "بعد", "وبعد", "عقب", "وعقب", "أثناء", "وأثناء", "لدى", "ولدى",
    "عند", "وعند", "إثر", "وإثر", "قبل", "وقبل"))
#: Passives by which the writer adds a fact ("يذكر أن X أعلن", "يشار إلى أن", "الجدير بالذكر أن"):
#: what follows them is the article's own, not reported words, so its subject is a source.
EDITORIAL_OPENERS = frozenset(_N(w) for w in ("يذكر", "ويذكر", "يشار", "ويشار", "بالذكر", "يذكرأن"))
SVO_PARTICLES = frozenset(_N(w) for w in ("لكن", "ولكن", "لكنّ", "ولكنّ", "غير", "إلا", "بيد", "كما"))
TIME_WORDS = frozenset(_N(w) for w in (
    "يوم", "اليوم", "أمس", "الأمس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "مساء", "صباح", "ظهر", "فجر", "ليل", "ليلة", "مساء", "أيضا", "أيضاً", "كذلك", "مؤخرا",
    "مؤخراً", "الآن", "مجددا", "مجدداً", "مرارا", "سابقا", "لاحقا", "صراحة", "علنا", "بدوره", "بدورها", "بدورهم",
    "أولا", "ختاما", "آنذاك", "حينذاك", "حينها", "وقتها", "يومها", "ساعتها",
    # adverbs of manner that stand where a subject would: "الأمر الذي رفضه بتاتا مؤكدا"
    "بتاتا", "إطلاقا", "قطعا", "قطعيا", "رسميا", "علانية", "بشدة"))
#: Time phrases of two words that end a subject span ("أعلنت قوات سوريا الديمقراطية | للمرة
#: الأولى", "وذكر تقرير لمنظمة العفو الدولية | العام الماضي"): a first word, and the second
#: words it takes (``None``: any word, an ordinal).
TIME_PHRASES = {_N(first): None if seconds is None else frozenset(_N(w) for w in seconds.split())
                for first, seconds in (
    ("للمرة", None), ("لأول", "مرة"), ("مرة", "أخرى ثانية ثالثة جديدة أولى"),
    # (العام after a title is the title's: "الأمين العام الحالي"; see sources_spans._time_phrase)
    *((noun, "الماضي الماضية الجاري الجارية الحالي الحالية المقبل المقبلة المنصرم المنصرمة الفائت الفائتة")
      for noun in ("العام", "الشهر", "الأسبوع", "السنة", "الليلة", "الأسبوعين", "الأشهر", "الأعوام", "السنوات",
                   "الأيام", "الساعات", "الصيف", "الشتاء", "الخريف", "الربيع")),
    # a time noun after في, one that names nothing else ("مسؤول في الشهر العقاري" is an office)
    *((prep, "منتصف مطلع أواخر أوائل نهاية بداية أعقاب وقت الساعات الأيام الأسابيع الأشهر")
      for prep in ("في", "وفي")))}
#: Auxiliary verbs of the passive ("وتم نقلهم", "يجري التحقيق"): no noun, and the cue
#: after them is a verbal noun ("تم نقل الجرحى").
AUXILIARIES = frozenset(_N(w) for w in ("تم", "وتم", "يتم", "ويتم", "تمت", "وتمت", "سيتم", "جرى", "وجرى", "يجري",
                                        "ويجري"))
#: Words that end a subject span.
SPAN_STOP = COMPLEMENTIZERS | RELATIVES | TIME_WORDS | AUXILIARIES | frozenset(_N(w) for w in (
    "إلى", "عن", "قوله", "قولها", "قولهم", "قولهما", "وهو", "وهي", "هو", "هي", "خلال", "لدى", "حول", "حيث", "عبر",
    "منذ", "بعد", "قبل", "أثناء", "عقب", "إثر", "غداة", "عشية", "قبيل", "إبان", "وسط", "ضد", "بينما", "فيما", "كما", "لكن", "لكنه", "ولكن",
    "بعدما", "عندما", "حين", "حينما", "إذ", "لأن", "كي", "حتى", "ثم", "رغم", "برغم", "تجاه", "نحو", "مع", "أمام",
    "ردا", "رداً", "تعليقا", "تعقيبا", "رفض", "رفضت", "فضل", "فضلت", "مفضلا", "مفضلة", "رافضا", "رافضة",
    "اليوم", "بالقول", "فإن", "وإن", "وأن", "بشأن", "بخصوص", "بعدم", "بضرورة", "البالغ", "البالغة", "إزاء", "بسبب", "دون", "بدون", "بشدة", "بقوة", "بوضوح",
    "بحزم", "بصراحة", "بشكل", "بصورة", "بالفعل", "بالتأكيد", "بالمقابل", "باستمرار", "بالمثل", "بإصرار",
    "بحدة", "بنفسه", "بنفسها", "بدوره", "بدورها", "بدورهم", "هذه", "هذا", "ذلك", "تلك", "وذلك", "وهذا", "ب", "ل",
    "ك", "صراحة", "علنا", "علناً", "مرارا", "مراراً", "آسفا", "متسائلا", "ما", "فحسب", "فقط",
    "كيف", "لماذا", "متى", "أين", "هل", "إذا", "إذ", "لو", "تحت", "بعنوان", "عدم", "عنه", "عنها", "عنهم",
    "عنهما",
    # adverbs and circumstances after a subject: "سلوك الذئب المنعزل | ربما", "… | بحضور رئيس المركز"
    "ربما", "بحضور", "بمشاركة", "برعاية",
    # قد before a verb: "عضو الوفد الأمريكي ستيفن هرتوج | فقد", "الولايات المتحدة | قد أوقفت"
    "قد", "وقد", "فقد", "لقد"))
#: "Any", as written (its normalized form is also آي of "إف بي آي" and آية of "آية الله"):
#: it begins the object, "نفى X أي علاقة".
ANY_WORDS = frozenset(("أي", "أيّ", "أية", "أيّة"))
#: A subject never begins with these (a preposition: "كشفت وفي نهاية مايو").
NOT_FIRST = frozenset(_N(w) for w in ("عدم", "في", "وفي", "من", "ومن", "على", "إلى", "عن", "مع", "ومع", "لدى", "عبر",
                                       "خلال", "بين", "وبين", "منذ", "ضمن", "حول", "بعد", "قبل", "ان", "لا", "لم",
                                       "ألا", "الا",
                                       # particles and the existential "there is": "إنما هناك مسكن يدعى"
                                       "إنما", "وإنما", "هناك", "وهناك", "هنالك"))
#: Nouns that always take a genitive: the definite word after them is not an object
#: ("حقوق الإنسان", "أبحاث الجريمة", "شؤون اللاجئين").
CONSTRUCT_HEADS = frozenset(_N(w) for w in ("حقوق", "شؤون", "أبحاث", "دراسات", "مكافحة", "حماية", "تنسيق",
                                             "لحقوق", "لشؤون", "لتنسيق", "مراقبة", "رعاية", "تنمية", "إدارة",
                                             # the Saudi king's title: "خادم الحرمين الشريفين"
                                             "خادم", "لخادم"))
#: Adjectives that may follow a nationality in a title: "المبعوث الأممي الخاص".
DEFINITE_ADJECTIVES = frozenset(_N(w) for w in (
    "الخاص", "الخاصة", "الأسبق", "الأعلى", "الأول", "الأولى", "الثاني", "الجديد", "الجديدة", "الحالي", "الراحل",
    "المنتخب", "المكلف", "المستقيل", "المقبل", "العام", "العامة", "السابق", "السابقة", "الدائم", "الرسمي",
    "الرسمية", "المتحدة", "الكبير", "الأكبر", "المشترك", "المستقلة", "العليا", "الأعلى",
    # colours and elatives that end the names of bodies and places (البيت الأبيض, الصليب
    # الأحمر, الشرق الأوسط, المسجد الأقصى)
    "الأبيض", "الأحمر", "الأخضر", "الأسود", "الأزرق", "الأوسط", "الأقصى", "الأدنى", "الأصغر",
    # خادم الحرمين الشريفين
    "الشريفين"))
#: Nouns of speech that carry a verb's content ("جدد دعوته", "كرر نفيه").
SPEECH_NOUNS = tuple(_N(w) for w in ("دعوت", "دعوة", "مطالبت", "مطالبة", "رفض", "تأكيد", "موقف", "تحذير", "إدانت",
                                     "نفي", "اتهام", "انتقاد", "ترحيب", "وصف", "تهديد", "التزام", "تمسك", "استعداد",
                                     "دعم", "شعور", "قلق", "أسف", "ارتياح", "تفاصيل", "معلومات", "عدد"))
#: Adjectives that leave a media noun unnamed: "التلفزيون الرسمي", "وكالة الأنباء الحكومية"
#: (whose?), unlike a nationality ("التلفزيون الرسمي السوري" names one).
UNNAMING_MEDIA_ADJECTIVES = frozenset(_N(w) for w in (
    "المحلية", "المحلي", "العربية", "الرسمي", "الرسمية", "الحكومي", "الحكومية", "الوطني", "الوطنية",
    "الخاصة", "الخاص", "المستقلة", "المعارضة", "الموالية", "الرسميين"))
#: A media noun and the name after it: quoted (group 2) or the next three words (group 3).
MEDIA_NAME_RE = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(\w+)\s+(?:[\"«“]([^\"»”\n]{2,40})[\"»”]|(\w+(?:\s+\w+){0,2}))")
#: A definite word with the definite nisba adjectives after it: "الصحف الجزائرية" (the word in
#: group 1, the adjectives in group 2).
MEDIA_DESCRIBED_RE = re.compile(r"(?<!\w)[وفبل]?(ال\w+)((?:\s+ال\w+(?:ي|ية|يه))+)(?!\w)")
#: Titles that take "لدى" (to a state or a body) as part of them: "السفير الروسي لدى الأمم المتحدة".
ENVOYS = frozenset(_N(w) for w in ("سفير", "سفيرة", "مندوب", "مندوبة", "ممثل", "ممثلة", "مبعوث", "مبعوثة"))
#: Titles of those elected or standing for a list, a party or a province: "عن" after them
#: names it ("النائب عن ائتلاف دولة القانون", "عضو البرلمان عن محافظة نينوى").
REPRESENTATIVES = frozenset(_N(w) for w in ("نائب", "نائبة", "عضو", "عضوة", "مرشح", "مرشحة", "ممثل", "ممثلة"))
#: The prepositions that belong to the titles before them, and those titles.
#: Titles of those in charge of something: "على" after them names it ("المشرف على لجنة المسرح").
SUPERVISORS = frozenset(_N(w) for w in ("مشرف", "مشرفة", "قائم", "قائمون", "قائمة", "قيم"))
#: Titles of those answerable for something: "عن" after them names it ("المسؤول عن المفاوضات",
#: "المسؤولة عن الركن").
ANSWERABLE = frozenset(_N(w) for w in ("مسؤول", "مسؤولة"))
TITLE_PREPOSITIONS = {_N("لدى"): ENVOYS, _N("عن"): REPRESENTATIVES | ANSWERABLE, _N("على"): SUPERVISORS}
#: Titles whose holder speaks for a living: the verb after them is a statement.
SPOKESMEN = frozenset(_N(w) for w in ("متحدث", "المتحدث", "متحدثة", "المتحدثة", "الناطق", "ناطق", "الناطقة"))
#: "مصادر لم تكشف عن هويتها": the clause that says a source is unnamed belongs to it.
ANONYMITY_VERBS = frozenset(_N(w) for w in ("تكشف", "يكشف", "تسمها", "يسمها", "تسمه", "يسمه", "تذكر", "يذكر",
                                             "تفصح", "يفصح", "يرغب", "ترغب", "تشأ", "يشأ", "تسم", "يسم"))
#: Adjectives that may follow an unnamed source ("مصدر مطلع", "شهود عيان").
SOURCE_ADJECTIVES = frozenset(_N(w) for w in ("عدة", "كبير", "كبيرة", "كبار", "رفيع", "رفيعة", "رفيعو", "بارز",
                                               "بارزة", "سابق", "سابقة", "آخر", "أخرى", "آخرون", "آخرين", "عيان",
                                               "كثيرة", "عديدة", "مختلفة", "حبليات", "مجهول", "مجهولة"))
#: "في" + one of these ends a span: في تصريحات, في وقت سابق, في إشارة إلى.
IN_STOP = frozenset(_N(w) for w in (
    "تصريحات", "تصريح", "بيان", "تغريدة", "تغريدات", "مؤتمر", "حديث", "مقابلة", "رسالة", "كلمة", "منشور",
    "تدوينة", "إشارة", "لقاء", "وقت", "أعقاب", "ختام", "مستهل", "بداية", "نهاية", "مطلع", "ساعة", "ساعات",
    "يوم", "ظل", "إطار", "سياق", "رده", "ردها", "معرض", "تقرير", "مقال", "خطاب", "اتصال", "جلسة", "اجتماع",
    "بيانه", "بيانها", "حين", "الوقت", "تسجيل", "فيديو", "مداخلة", "تعليق", "حوار", "إفادة", "شهادة",
    "إعلان", "آونة", "مناسبة"))
IN_STOP_ALL = IN_STOP | frozenset("ال" + w for w in IN_STOP)
#: Statement nouns after "في" that a verb's label carries: "قال في بيان".
STATEMENT = frozenset(_N(w) for w in ("تصريحات", "تصريح", "بيان", "تغريدة", "مؤتمر", "حديث", "مقابلة", "رسالة",
                                       "كلمة", "منشور", "تدوينة", "لقاء", "خطاب", "تقرير", "مقال", "بيانه", "بيانها"))
#: Document words that, as a cue's subject with no issuer named, are data rather than a
#: statement: "أشارت البيانات التي وصلت إلى أن" (the data), not the latest speaker's "البيان".
DATA_DOCUMENTS = frozenset(_N(w) for w in ("بيانات",))
#: Negations: a cue after them states nothing (its subject is still a speaker to continue).
NEGATIONS = frozenset(_N(w) for w in ("لم", "لن", "لا", "ما"))
#: Words before a cue that stop it being an attribution (negation, prepositions).
BLOCKERS = frozenset(_N(w) for w in ("لم", "لن", "لا", "ما", "في", "من", "على", "إلى", "عن", "بعد", "قبل", "عند",
                                      "سوف", "ولم", "ولن", "ولا", "فلم", "لكي", "كي", "بأن", "مع", "غير", "بما",
                                      "عما", "مما", "وبما", "عدم", "لعدم", "بعدم", "وعدم"))
#: The second word of a name that carries the article (سيف الإسلام, عبد الله, نور الدين).
NAME_SECONDS = frozenset(_N(w) for w in ("الدين", "الإسلام", "الله", "الرحمن", "الرحيم", "العابدين", "الحق",
                                          "العزيز", "الملك", "الكريم", "الحميد", "المجيد", "الأمين", "الهادي"))
NAME_PARTICLES = frozenset(_N(w) for w in ("عبد", "أبو", "أبي", "أبا", "بن", "ابن", "بنت", "أم", "آل", "ولد", "ذو"))
#: The particles that carry a name on after a first name (محمد ولد عبد العزيز): not أم
#: (also "or"), ذو, nor the oblique أبي/أبا.
NAME_LINKS = NAME_PARTICLES - frozenset(_N(w) for w in ("أم", "ذو", "أبي", "أبا"))
#: Present-tense cues after these are reported speech too: "قبل أن يعلن".
LIST_MARKERS = frozenset(_N(w) for w in ("وبينها", "ومنها", "بينها", "منها", "بما فيها"))
PRONOUN_SPANS = frozenset(_N(w) for w in (
    "فيه", "فيها", "له", "لها", "لهم", "لهما", "منه", "منها", "عنه", "عنها", "إياه", "إياها", "إياهم", "به", "بها",
    "بهم", "هذا", "هذه", "ذلك", "تلك", "ذاك", "نفسه", "نفسها", "لنا", "لكم", "لهن",
    # "وفق تعبيره", "على حد قوله": the speaker's own words, not another speaker
    "تعبيره", "تعبيرها", "تعبيرهم", "قوله", "قولها", "قولهم", "وصفه", "وصفها", "وصفهم", "زعمه", "زعمها",
    "عباراته", "عباراتها", "كلامه", "كلامها", "روايته", "روايتها",
    # honorifics that stand for a person named before, as Gulf papers write them: "وأكد سموه",
    # "وأشار معاليه" continue the prince, the minister
    "سموه", "سموها", "معاليه", "معاليها", "سماحته", "فضيلته", "جلالته", "جلالتها", "فخامته", "سيادته",
    "سعادته"))
#: Human plurals whose verb may be singular before them (وقال مسؤولون) but plural after.
HUMAN_BROKEN_PLURALS = frozenset(_N(w) for w in ("شهود", "خبراء", "سكان", "نشطاء", "أشخاص", "جنود", "ضباط",
                                                  "قادة", "زعماء", "وزراء", "نواب", "رجال", "أعضاء", "باحثون",
                                                  "شباب", "شبان", "زوار", "تجار", "ركاب", "طلاب", "عمال", "أطباء",
                                                  "أهالي", "جماهير", "أقارب"))
NONHUMAN_PLURALS = frozenset(_N(w) for w in ("مصادر", "وسائل", "مواقع", "صحف", "قنوات", "أوساط", "جهات",
                                              "منظمات", "جماعات", "سلطات", "تقارير", "وكالات", "دوائر", "أجهزة"))
#: The endings of a nisba adjective (الأمريكي, الدولية, الإيرانيين, الأمريكيون).
NISBA_ENDINGS = ("ي", "ية", "يين", "يون")
#: Words of quantity besides the ``quantifier`` words of ``source_words.csv`` that open a
#: subject of people or bodies ("كل طرف", "جميع أعضاء الناتو", "مئات المتظاهرين"): never
#: the common noun of :func:`analysis.sources_classify.common_object`.
QUANTITY_WORDS = frozenset(_N(w) for w in ("كل", "جميع", "عدة", "أكثر", "حوالي", "نحو", "أغلب", "مئات", "آلاف",
                                            "عشرات"))
DUALS = frozenset(_N(w) for w in ("قائدا", "المحاميان", "مسؤولان", "المسؤولان", "المصدران", "مصدران"))
#: Nouns of a place that a name completes: after a title they name its office ("أمير منطقة
#: نجران", "حاكم ولاية كاليفورنيا", "رئيس بلدية لندن"), not an unnamed person.
PLACE_NOUNS = frozenset(_N(w) for w in ("منطقة", "محافظة", "ولاية", "مدينة", "إقليم", "بلدية", "مقاطعة",
                                         "إمارة", "جزيرة", "قرية", "بلدة", "مخيم"))
ADJECTIVE_HINTS = frozenset(_N(w) for w in ("جديد", "جديدة", "سابق", "سابقة", "رسمي", "رسمية", "مشترك",
                                             "مشتركة", "أخير", "أخيرة", "صادر", "صادرة", "الصادر", "الصادرة",
                                             "حديث", "حديثة", "منفصل", "مطول", "مقتضب"))
#: Past verbs of the form افتعل from roots that begin with ل: they look definite (التقى).
LAM_VERBS = frozenset(_N(w) for w in ("التقى", "التقت", "التقوا", "التقيا", "التزم", "التزمت", "التزموا", "التحق",
                                       "التحقت", "التمس", "التمست", "التف", "التفت"))
#: "شرط عدم الكشف عن هويته": the condition a source spoke on, not a statement.
CONDITIONS = frozenset(_N(w) for w in ("شرط", "بشرط", "مشترطا", "مشترطة", "مشترطين", "شريطة"))
#: A source "the same" as the latest one: "بحسب المصدر ذاته", "حسب نفس المتحدث".
SAME_SOURCE_NOUNS = frozenset(_N(w) for w in ("المصدر", "المصادر", "المتحدث", "المتحدثة", "الناطق", "المسؤول",
                                              "المسؤولة", "المسؤولين"))
#: Verbs whose present tense cites only with و ("ويتابع الخبير"): without it, it has another
#: sense ("دبلوماسي يتابع الأحداث في سورية": who follows the events).
PRESENT_WITH_WA = frozenset(("تابع",))
#: Prepositions of the place a title is held in, which a name may follow: "مبعوث الأمم المتحدة
#: إلى الشرق الأوسط نيكولاي ملادينوف", "سفير المملكة لدى الأردن", "مدير الشرطة في الرياض".
TITLE_PLACE_PREPOSITIONS = frozenset(_N(w) for w in ("إلى", "لدى", "في"))
#: Words that give a name after a common noun: "مواطن يدعى أجيت ساني" (normalized: ى is ي).
CALLED_WORDS = frozenset(_N(w) for w in ("يدعى", "تدعى", "اسمه", "اسمها"))
#: "One of" a plural: one person, masculine or feminine ("أحد المشاركين", "إحدى المشاركات").
ONE_OF = MappingProxyType({_N("أحد"): "m", _N("إحدى"): "f"})
#: "وهو ما أكده X", "وهذا ما نفته X": ما after these is the relative "which", not a negation.
RESUMING = frozenset(_N(w) for w in ("هو", "وهو", "هي", "وهي", "هذا", "وهذا", "هذه", "وهذه", "ذلك", "وذلك"))
#: Adverbs of frequency before ما and a verb: "كثيرا ما حض" (often urged), no negation (not
#: نادرا / قليلا ما: "rarely" states next to nothing).
OFTEN_WORDS = frozenset(_N(w) for w in ("كثيرا", "كثيراً", "غالبا", "غالباً", "طالما", "عادة"))
#: Words after which ما and a verb with its object pronoun are a relative clause, not a negation:
#: "وهو ما أكده المتحدث", "قبل ما وصفته أنقرة بأنه معركة شاملة".
RELATIVE_MA_AFTER = RESUMING | frozenset(_N(w) for w in (
    "قبل", "بعد", "مع", "على", "إلى", "عن", "ضد", "رغم", "وسط", "تجاه", "إزاء"))
#: Where a statement is written (after على/عبر): "على حسابه", "عبر صفحتها", "على تويتر".
MEDIA_PLACES = tuple(_N(w) for w in ("حساب", "صفحت", "صفحة", "تويتر", "فيسبوك", "فيس", "منص", "موقع", "إكس",
                                     "تلغرام", "انستغرام", "يوتيوب", "قناته", "قناتها"))
#: A preposition with a pronoun that ends a relative clause's verb: "تقرير حصلت عليه الصحيفة"
#: (a report the paper obtained), so حصلت is no publisher's name.
RESUMPTIVE_PREPOSITIONS = frozenset(_N(w) for w in ("عليه", "عليها", "عليهم", "به", "بها", "بهم", "منه", "منها",
                                                    "فيه", "فيها", "له", "لها", "إليه", "إليها"))
PUBLISHING_VERBS = ("اصدر", "نشر", "اجر", "اعد", "اعلن", "وزع", "بث")
