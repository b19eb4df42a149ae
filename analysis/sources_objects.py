"""Objects: where a cue's object begins after a complete subject, so that the subject ends there.

A head noun after a nationality, a definite common noun after an adjective or a body's
definite noun, a common noun after a proper name (which takes no genitive), an indefinite
accusative noun, a common word between two definite ones.  The methods are those of
:class:`ObjectRules`, a mixin of :class:`analysis.sources_rules.DocumentReader`.
"""

from __future__ import annotations

from .lexicon import zipf
from .sources_entities import is_name
from .sources_lexicon import (
    no_article, outlet_words, place_adjective, words, QUOTES, COMPLEMENTIZERS, CONSTRUCT_HEADS,
    DEFINITE_ADJECTIVES, SOURCE_ADJECTIVES, NAME_SECONDS, NAME_PARTICLES, NAME_LINKS, HUMAN_BROKEN_PLURALS, PUNCT,
    NISBA_ENDINGS, RANK_TITLES, PLACE_NOUNS,
)
from .sources_words import (
    _N, _name_word, bare, _known, _head_words, _lam_is_preposition, _ends_in_accusative, _opens, _unprefixed,
    _definite_adjective, _participle_like, _name_like, _prep_b, _first_name, _possessed_stem, _statement_noun,
    _of_role,
)

#: After "X بن Y", a word this common that is no first name is no part of the name
#: (a family name after a lineage is "آل سعود", "العتيبي" or rarer: ريحان).
AFTER_LINEAGE_ZIPF = 4.3
#: The words that link a lineage or a kunya: بن, بنت, ابن, أبو (and آل, written with its madda,
#: since "ال" is also a Latin letter: "إذاعة ال سي إي").
LINEAGE_LINKS = frozenset(_N(w) for w in ("بن", "بنت", "ابن", "أبو"))
#: "All", "some", "hundreds of": after a name or a definite word, the object's first word
#: ("دعا الخريصي | جميع المستثمرين", "وطالبت السلطات | مئات الآلاف من السكان").
OBJECT_QUANTIFIERS = frozenset(_N(w) for w in ("جميع", "كافة", "بعض", "عشرات", "مئات", "آلاف"))
#: A word this common (Zipf) between two definite words starts the object, not the name:
#: "أعلنت خلية الإعلام الأمني | تعرّض الكاظمي", but "تحالف الفتح غضنفر البطيخ" goes on.
OBJECT_ZIPF = 4.0
#: A not_source word this common right after a one-word name starts the object ("ونفى كافانو |
#: مزاعم عدة نساء"), not a second name.
NOT_SOURCE_OBJECT_ZIPF = 3.5
#: A word of a verbal noun's shape is one when the corpus writes it with the article this
#: often at least (التطابق 3.2, التفاقم 2.2; ترامب and تشانغ never).
MASDAR_ARTICLE_ZIPF = 2.0
#: An indefinite word this common before a definite one is a common noun in construct, not a
#: name ("ائتلاف دولة القانون"; names of people in the news stay below it: ترامب 4.4).
CONSTRUCT_ZIPF = 5.0
#: Right after an indefinite title or head noun, a word this common is its genitive, a common
#: noun in construct that takes one of its own ("مدير طب الأسنان", "رئيس فرع الهيئة"), not a
#: name closing the subject (is_name's bound: ترامب 4.4, "واعتبر الرئيس ترامب | الهجوم").
TITLE_GENITIVE_ZIPF = 4.5
#: A word this rare after an unnamed head is a name, not the object ("المحلل السياسي | ناجس").
NAME_ZIPF = 3.0


def _derived_masdar(word: str) -> bool:
    """An indefinite verbal noun of the forms تفاعُل (تطابق, تبادل, تراجع), تفعيل (تدشين,
    تأكيد, توقيف: :func:`_form_two_masdar`) and استفعال (استئناف, استمرار): what a cue states,
    not part of its subject.  A name may have the shape (ترامب, تمارا); the corpus writes a
    verbal noun with the article too, a name almost never (:data:`MASDAR_ARTICLE_ZIPF`)."""
    return (len(word) == 5 and word[0] == "ت" and word[2] == "ا" or _form_two_masdar(word) or
            len(word) >= 7 and word.startswith("است") and word[5] == "ا") and zipf("ال" + word) >= MASDAR_ARTICLE_ZIPF


def _form_two_masdar(word: str) -> bool:
    """The shape تفعيل (توقيف, تدشين), which first names share (تغريد, تحسين, تيسير)."""
    return len(word) == 5 and word[0] == "ت" and word[3] == "ي" and word[1] != "ي"


class ObjectRules:
    """Where the object begins after a complete subject (see the paragraph "The object begins
    ..." of :mod:`analysis.sources_rules`).

    A mixin of :class:`~analysis.sources_rules.DocumentReader`: it reads the reader's
    ``tokens`` and ``rows``."""

    def _trim_object(self, a: int, b: int) -> int:
        """Drop a definite common noun that ends a subject not followed by its content: the
        object ("ووصف المرصد السوري لحقوق الإنسان | الوضع بالكارثي", "ونفت الوزارة | الاتهامات")."""
        tokens = self.tokens
        if b - a < 2:
            return b
        for p in range(a + 2, b):                           # "عبدالعظيم الخاطر | وجود مشروعين"
            prev, word = tokens[p - 1].norm, tokens[p].norm
            family = (prev.startswith("ال") and prev not in NAME_PARTICLES and len(prev) > 3 and
                      _first_name(tokens[p - 2].norm)) or \
                (tokens[p - 2].norm in NAME_LINKS and prev not in NAME_LINKS)      # "محمد بن راشد | ترشيح"
            if family and self._common_noun(p) and zipf(word) >= 4.5 and len(word) >= 4 and not self._cited(word):
                return p                                    # a common noun after a family name: the object
        if b < len(tokens):
            nxt = tokens[b]
            if nxt.norm in COMPLEMENTIZERS or ":" in nxt.gap or any(q in nxt.gap for q in QUOTES) or _opens(nxt):
                return b
        for p in range(a + 1, b):                           # "وأعلن الجيش الإسرائيلي | مقتل جندي"
            prev, here = tokens[p - 1].norm, tokens[p]
            word = here.norm
            if not self._common_noun(p):
                continue
            if p >= a + 2 and prev.startswith("ال") and place_adjective(prev) and zipf(word) >= OBJECT_ZIPF:
                return p
            # a proper name takes no genitive: "وأعلن ترامب | انسحاب بلاده" (a first name goes on
            # to its family name, a common noun to its genitive: "ائتلاف دولة القانون")
            if self._proper_name(p - 1) and zipf(word) >= 4.5 and len(word) >= 4 and not self._cited(word):
                return p
        if b >= len(tokens):
            return b
        last, before = tokens[b - 1].norm, tokens[b - 2].norm
        if not last.startswith("ال") or last.endswith(NISBA_ENDINGS) or zipf(last) < OBJECT_ZIPF:
            return b
        if no_article(last) in _head_words() or last in outlet_words() or last in NAME_SECONDS or \
                last in DEFINITE_ADJECTIVES or self._place_at(b - 2, False) == 2:
            return b
        if before.startswith("ال") or before.startswith("لل"):
            return b - 1
        return b

    def _common_noun(self, p: int) -> bool:
        """Token p is an indefinite common word written on its own: no article, no attached
        letter, no first name, head noun or place, and no quotation opening at it."""
        here = self.tokens[p]
        word = here.norm
        return not word.startswith("ال") and _unprefixed(word) and word not in words("given_name") and \
            not _name_like(word) and no_article(word) not in _head_words() and not self._place_at(p, False) \
            and not _opens(here) and not any(q in here.gap for q in QUOTES)

    def _proper_name(self, m: int) -> bool:
        """Whether token m is a family or single name (ترامب, نتنياهو, غوتيريش): no article,
        no first name, particle, head noun, outlet or place, and rarer than a common noun
        that heads a construct (:data:`CONSTRUCT_ZIPF`)."""
        word = self.tokens[m].norm
        if word.startswith("ال") or len(word) < 3 or not _unprefixed(word):
            return False
        if word in words("given_name") or word in NAME_PARTICLES or no_article(word) in _head_words() or \
                word in outlet_words() or self._place_at(m, False) or word.isdigit() or _ends_in_accusative(self.tokens[m]):
            return False
        return zipf(word) < CONSTRUCT_ZIPF and not word.endswith(("ة", "ات"))

    def _object_starts(self, k: int, j: int) -> bool:
        """A noun that starts the object after a complete subject: a definite common noun
        after a name ("واعتبر بايدن | الهجوم") or after a phrase closed by an adjective
        ("ودعا الأمين العام للأمم المتحدة | الأطراف"), an indefinite head noun after a
        nationality ("واتهم وزير الدفاع الإسرائيلي | حركة حماس").  A noun after a
        preposition or an envoy's لدى is its complement ("السفير لدى العراق"), and a
        common noun in construct takes its genitive ("ائتلاف دولة القانون")."""
        tokens = self.tokens
        here, before = tokens[k].norm, tokens[k - 1].norm
        if before == _N("لدى"):
            return False
        if (here in OBJECT_QUANTIFIERS or here.endswith(("ه", "ها", "هم")) and _statement_noun(here)) and \
                (is_name(before) or before.startswith("ال") and here in OBJECT_QUANTIFIERS) and \
                no_article(before) not in words("title") | words("relative"):
            return True                                       # "دعا الخريصي | جميع المستثمرين", "ورصد موقع
                                                              # "ذي فيرج" | بعض اللحظات", "وتابع المالكي |
                                                              # تصريحاته" (a subject takes جميع after it
                                                              # with a pronoun: "المسؤولون جميعهم")
        if k - j == 1 and no_article(bare(here)) in words("not_source") | words("figures") and not here.startswith("ال") and \
                not before.startswith("ال") and is_name(before) and zipf(here) >= NOT_SOURCE_OBJECT_ZIPF and \
                no_article(before) not in words("title") | words("relative"):
            return True                                       # "ونفى كافانو | مزاعم عدة نساء": what was said
        if k >= 2 and (tokens[k - 2].norm in LINEAGE_LINKS or tokens[k - 2].surface == "آل") and not here.startswith("ال") and here not in NAME_LINKS \
                and zipf(here) >= AFTER_LINEAGE_ZIPF and here not in words("given_name") and \
                no_article(bare(here)) not in _head_words() and k + 1 < len(tokens) and \
                tokens[k + 1].norm not in NAME_LINKS | COMPLEMENTIZERS and \
                not any(c in tokens[k + 1].gap for c in PUNCT + "،,"):
            return True                                       # "أعلنت جامعة الأمير محمد بن فهد | استقبال
                                                              # طلبات": a common noun and its genitive
                                                              # end a lineage (not "إحسان بن صالح طيب أن")
        if not here.startswith("ال") and before.startswith("ال"):      # an indefinite word after a definite one
            head = no_article(bare(here))
            if no_article(before) in words("title") and here in HUMAN_BROKEN_PLURALS and k + 1 < len(tokens) and \
                    tokens[k + 1].norm.startswith("ال") and not any(c in tokens[k + 1].gap for c in PUNCT + "،,"):
                return True                                   # "حث الرئيس | أعضاء الحزب": people addressed
            if k - j >= 2 and place_adjective(before) and here not in words("given_name") and not _name_like(here) \
                    and head in words("body") | words("media") | words("anonymous"):
                return True                                   # "اتهم وزير الدفاع الإسرائيلي | حركة حماس"
            if _unprefixed(here) and head in words("body") | words("anonymous") and here not in words("given_name") \
                    and not _name_like(here) and not self._place_at(k, False) and \
                    all(t.norm.startswith("ال") for t in tokens[j:k]) and not self._cited(here):
                return True                                   # "واتهمت الأمم المتحدة | قوات النظام", "وطالب
                                                              # التحالف | مجلس حقوق الإنسان": a definite
                                                              # phrase is complete; a new head is the object
            if k - j >= 2 and _unprefixed(here) and head in words("body") and head == no_article(bare(tokens[j].norm)):
                return True                                   # "حذر نادي دورتموند لكرة القدم | نادي أرسنال":
                                                              # a second body of the same kind
            if len(before) > 3 and zipf(before) >= 4.0 and self._common_noun(k) and zipf(here) >= 4.5 and \
                    len(here) >= 4 and not self._cited(here) and \
                    not (k + 1 < len(tokens) and not tokens[k + 1].norm.startswith("ال") and
                         zipf(tokens[k + 1].norm) < NAME_ZIPF and not any(c in tokens[k + 1].gap for c in PUNCT + "،,")):
                return True                                   # "ووصفت النادلة الشابة | محتوى رسائله": no
                                                              # indefinite noun goes on a definite phrase
                                                              # (a family name may take an apposition,
                                                              # "باسم التميمي والد عهد", and a first name
                                                              # its family name: "… دولة القانون عالية نصيف")
        if not here.startswith("ال") or len(here) < 5:
            return False
        if here.endswith(NISBA_ENDINGS):
            # a noun in ية after a person's name ("أردوغان | العملية"); a person takes no
            # adjective but a nationality, and a body's name may ("حماس الفلسطينية"); a
            # masculine nisba after a first name is the family name ("تركي المالكي")
            if here.endswith("ي") and (before in words("given_name") or _name_like(before)):
                return False
            if here.endswith(("يين", "يون")) and not before.endswith(("ين", "ون", "ات")) and is_name(before):
                return True                                   # "هاجم ترامب | الديمقراطيين", "ودعا … السبسي
                                                              # | التونسيين": a plural adjective goes on
                                                              # no one's name
            return not before.startswith("ال") and before not in _head_words() and zipf(here) >= 4.3 and \
                any(t.norm in words("given_name") for t in tokens[j:k]) and not place_adjective(here) and \
                here not in DEFINITE_ADJECTIVES
        if here in NAME_SECONDS or before in NAME_PARTICLES or before in CONSTRUCT_HEADS:
            return False
        if here in DEFINITE_ADJECTIVES and _possessed_stem(before) and not before.startswith("ال"):
            return False                                      # "خصمه | السابق مهاتير محمد": his former rival
        if self._holder_follows(k, j):
            return False                                      # "أمير منطقة نجران | الأمير جلوي بن عبدالعزيز"
        if k - j >= 2 and k + 1 < len(tokens) and place_adjective(before) and place_adjective(tokens[k + 1].norm) \
                and no_article(here) in words("title") and here not in RANK_TITLES:
            return True                                       # "واتهم وزير الخارجية الأمريكي | الرئيس الروسي":
                                                              # a second office of its own country is the
                                                              # object (a title before the name is the
                                                              # holder's: "… المصري المستشار إبراهيم الهنيدي")
        if before.startswith("ال") and no_article(before) in words("title") and \
                no_article(here) in HUMAN_BROKEN_PLURALS and not self._place_at(k, False):
            return True                                       # "وحث الوزير | الطلاب": people addressed
        if before.startswith("ال") and here.endswith("ين") and not before.endswith(("ين", "يين")) and \
                no_article(before) in words("title") | words("body") and \
                not _definite_adjective(here) and not self._place_at(k, False) and \
                zipf(here[2:-2] + "ون") >= 3.0:
            return True                                       # "حث الرئيس | المواطنين": a plural object
        if before[:1] == "و" and before[1:] in words("given_name"):
            return False                                      # "… وخالد العبيد": a listed name's family name
        if before in words("given_name") and (k < 2 or not _name_word(tokens[k - 2].norm)):
            return False                                      # "بشار الأسد": a first name's family name
        if before.startswith("ال"):
            # after an adjective the phrase is complete: "الأمين العام لمجلس التعاون الخليجي |
            # الهجوم", "للأمم المتحدة | الأطراف"; after a definite noun the chain may go on
            # ("حقوق الإنسان"), and the word may be an adjective itself ("البيت الأبيض")
            if _definite_adjective(before):
                return (no_article(here) not in words("title") and not _definite_adjective(here) and
                        zipf(here) >= 4.3 and here not in outlet_words())
            # a definite body noun is complete unless an adjective follows: "المتحدث باسم
            # الجيش | التقارير"; a participle (الحاكم, المسلحة) or a head noun may go on
            return (no_article(before) in words("body") | words("media") and not _participle_like(here) and
                    no_article(here) not in _head_words() and zipf(here) >= 4.5 and here not in outlet_words()
                    and here not in NAME_SECONDS)
        if before in ("من", "في", "عن") or (before[:1] in "لب" and (before[1:].startswith("ال") or
                                                                  _known(before[1:]) or _lam_is_preposition(before))):
            return False
        if before[:1] == "ب" and _prep_b(before):
            return False                                      # "عضو المجلس البلدي بمحافظة | القطيف": its genitive
        if k >= 2 and tokens[k - 2].norm in ("في", "من", "عن", "لدى") and not before.startswith("ال") and \
                not self._place_at(k - 1, False):
            return False                                      # "مسؤولون في قطاع | الصحة": a common noun's genitive
        heads = _head_words()
        if no_article(bare(before)) in heads or before in outlet_words() or here in outlet_words() or \
                bare(before) in words("relative"):
            return False                                      # "زوجة | الرئيس الأمريكي", "أسرة | الفنانة"
        if here.startswith("ال") and no_article(here) in words("body") and k - j >= 2 and self._proper_name(k - 1) \
                and no_article(bare(tokens[j].norm)) in words("title") and not place_adjective(here) and \
                not self._cited(here):
            return True                                       # "وناشد العميد طماح | التحالف العربي": a
                                                              # person's name takes no body as genitive
        if no_article(here) in words("body") or no_article(here) in words("media"):
            return False
        if no_article(bare(before)) in PLACE_NOUNS:
            return False                                      # "مدير شرطة محافظة | الطائف": a place noun's
                                                              # place, though another محافظة was cited
        if zipf(before) >= CONSTRUCT_ZIPF and before not in words("given_name") and not self._cited(before):
            return False                                      # a common noun's genitive: "دولة | القانون"
        governing = bare(tokens[k - 2].norm) if k >= 2 else ""
        if governing[:1] in "بل" and governing[1:] in _head_words():
            governing = governing[1:]                         # "بقسم علوم | الفلك": ب + a head noun
        if k - j >= 2 and zipf(before) >= TITLE_GENITIVE_ZIPF and before not in words("given_name") and \
                not self._cited(before) and no_article(governing) in _head_words() and \
                not governing.startswith("ال"):
            return False                                      # "مدير طب | الأسنان": a title's genitive
                                                              # noun takes its own
        return zipf(here) >= OBJECT_ZIPF and zipf(before) < zipf(here) + 1.5 or zipf(here) >= 4.5

    def _holder_follows(self, k: int, j: int) -> bool:
        """A definite title and a first name at token k, after an indefinite title that no
        name has followed yet: the office's holder, in apposition ("أمير منطقة نجران الأمير
        جلوي بن عبدالعزيز", "محافظ جدة الأمير مشعل"), not the object."""
        tokens = self.tokens
        if no_article(tokens[k].norm) not in words("title") or k + 1 >= len(tokens) or \
                place_adjective(tokens[k - 1].norm):
            return False                                      # (after a nationality the office is complete)
        named = no_article(tokens[k + 1].norm) in words("given_name") or _name_like(tokens[k + 1].norm) or \
            k + 2 < len(tokens) and tokens[k + 2].norm in NAME_LINKS
        # an indefinite title, or any title before a rank ("المتحدث الرسمي … بمنطقة عسير | العقيد محمد")
        office = (not tokens[j].norm.startswith("ال") or tokens[k].norm in RANK_TITLES) and \
            no_article(bare(tokens[j].norm)) in words("title") and \
            not any(no_article(t.norm) in words("given_name") for t in tokens[j:k])
        return named and office

    def _cited(self, word: str) -> bool:
        """Whether a word is part of a name cited earlier in the text."""
        return any(word in r.words for r in self.rows if r.explicit_mention)

    def _after_unnamed_head(self, k: int, j: int) -> bool:
        """After an unnamed source or a body ("مسؤول حكومي", "المرصد"), an indefinite noun
        that is not an adjective starts the object: "نفى مسؤول حكومي | استقالة الوزيرة"."""
        tokens = self.tokens
        ws = [bare(t.norm) for t in tokens[j:k]]
        index = 0
        while index < len(ws) - 1 and no_article(ws[index]) in words("quantifier"):
            index += 1
        head = no_article(ws[index])
        if head not in words("anonymous") and not ((head in words("body") or head in words("media")) and
                                                   ws[index].startswith("ال") and ws[-1].startswith("ال")):
            return False
        here = tokens[k].norm
        if self._title_goes_on(k, j):
            return False                                      # "المسؤولة | عن الركن": the title's complement
        if here.startswith("ال") or here[:1] in "بلك" or here in ("في", "من", "و") or bare(here) != here or \
                (here.startswith("و") and (no_article(here) in _head_words() or zipf(here) < OBJECT_ZIPF)):
            return False                                      # وسكان: a second source; وسائل, وولتر: no object
        if k > j and tokens[k - 1].norm in ("في", "من", "عن", "لدى", "داخل"):
            return False                                      # "مسؤولون في | قطاع الصحة": the preposition's noun
        if here in words("given_name") or any(w in words("given_name") for w in ws):
            return False                                      # "المحلل السياسي محمد حسن"
        if zipf(here) < NAME_ZIPF and not here.endswith(("ا", "ة")):
            return False                                      # "المحلل السياسي ناجس السامعي": a rare word is a name
        if here in outlet_words() or any(q in tokens[k].gap for q in QUOTES) or self._place_at(k, False):
            return False
        if no_article(here) in words("media") and head in words("media"):
            return False                                      # وسائل إعلام
        if no_article(here) in _head_words() and head in words("anonymous") and k - j >= 1 and \
                not here.endswith(("ي", "ية", "يون", "يين")):
            return True                                       # "سيدات حبليات | منظمة العفو"; not "مصدر دبلوماسي"
        if here in SOURCE_ADJECTIVES or here.startswith("م") or here.endswith(("ي", "ية", "يون", "يين", "يان")):
            return False
        if no_article(here) in words("media_adjective") or here.isdigit():
            return False
        if head in words("body") and (here in outlet_words() or _known(here)):
            return False
        return True

    def _indefinite_accusative(self, k: int) -> bool:
        """A common noun written with the accusative alif of the indefinite (وفدا, قرارا,
        رسالة is not one): an object or an adverb, never part of a subject; names that end
        in alif (روسيا, رضا) are not taken for one."""
        word = self.tokens[k].norm
        if not word.endswith("ا") or word.startswith("ال") or len(word) < 4:
            return False
        stem = word[:-1]
        if word in words("given_name") or stem in words("given_name") or word in outlet_words() or \
                self._place_at(k, False) or _known(word):
            return False
        return zipf(stem) >= 3.5 and zipf(stem) >= zipf(word) + 0.5

    def _title_before(self, k: int) -> bool:
        """Whether the noun before token k, past its definite nisba adjectives, names a person
        by a title or a role (الوزير, الناشطة): a name may follow it."""
        m = k - 1
        while m > 0 and self.tokens[m].norm.startswith("ال") and self.tokens[m].norm.endswith(("ي", "ية", "يه")) and \
                no_article(self.tokens[m].norm) not in words("title"):
            m -= 1
        return _of_role(no_article(bare(self.tokens[m].norm)), words("title") | words("anonymous"))

    def _starts_new_phrase(self, k: int) -> bool:
        """A common indefinite word between two definite ones starts the object:
        "أعلنت خلية الإعلام الأمني | تعرّض الكاظمي"."""
        tokens = self.tokens
        if k + 1 >= len(tokens):
            return False
        before, here, after = tokens[k - 1].norm, tokens[k].norm, tokens[k + 1].norm
        if len(here) < 3 or here[0] in "وفبلك":
            return False
        if any(q in tokens[k].gap for q in QUOTES):
            return False                                      # رابطة "عصائب أهل الحق" قيس الخزعلي
        if here in words("given_name") or no_article(before) in words("title"):
            return False                                      # اللواء حسين الحواتمة
        if before.startswith("ال") and _derived_masdar(here) and not is_name(after) and \
                not (_form_two_masdar(here) and self._title_before(k)):
            return True                                       # "وأكد الوزير المصري | تطابق رؤية الجانبين"
                                                              # (not "السفير الصيني تشانغ جون": a name; nor
                                                              # "الناشطة الحقوقية تغريد الحداد": a title's
                                                              # first name of the shape تفعيل)
        return (before.startswith("ال") and not here.startswith("ال") and after.startswith("ال")
                and zipf(here) >= OBJECT_ZIPF and no_article(here) not in words("title")
                and no_article(here) not in words("body") and no_article(here) not in words("media"))
