"""Attributions in one text, by rules: who is cited, with which cue, where.

The rules read a sentence as tokens (normalized, with the raw text between them) and
look for cues (:mod:`analysis.sources_lexicon`).  For each cue:

* **verbs** (قال, أكد, حذر, نفى, كتب ...) take their subject after them ("وقال الوزير إن"),
  or before them when the clause puts it there: "وكان X قد قال", "X، الذي قال",
  "لكن X قالوا", "غير أن X قال", "X قال" at the start of a clause;
* **participles** (قائلا, مضيفة, مؤكدين) and verbs without a subject ("وأضاف أن", "وقال:")
  continue the latest source that agrees with them in gender and number (قال: masculine,
  قالت: feminine, قالوا: plural, قالا: dual), in the sentence, else in the last
  :data:`COREF_PARAGRAPHS` paragraphs; with none, nothing is recorded.  The subject of a
  sentence whose first verb is no cue ("وكان الرئيس قد هاجم ...", "واستقبل الوزير وفدا")
  is such a source too (a person, body or outlet, not a place), so "ووصفهم" after it
  continues it rather than an earlier speaker; so is the subject of a negated cue ("ولم
  يذكر المسؤولان كيف يعتقدان"), and a relayed source ("نقلت X عن مسؤول") agrees as its
  head, not as the relay's verb;
* **prepositions** (بحسب, وفقا لـ, نقلا عن, على حد قول, على لسان) take the speaker after
  them; a document names its publisher ("بحسب تقرير لصحيفة X", "وفقا لبيان صادر عن X",
  "تقرير نشرته صحيفة X"), a report of the press is the press, unnamed ("تقارير إعلامية"),
  a rule or a text is not a source ("وفق الدستور", "بحسب التوقيت المحلي"), a pronoun
  continues ("ووفقا له");
* **documents as subjects**: "ولفت التقرير", "وأضاف البيان" cite the publisher of the
  latest such document the article names, cited or not ("جاء ذلك في تقرير أعدته X"; a
  statement "صادر عن مكتبه" is the speaker's), else the latest source;
* **relays**: "نقلت X عن Y" and "نقلا عن Y" give Y a row with ``via`` X; a statement to
  an outlet ("قال X لوكالة Y", "في حديث لقناة Y") gives X's row ``via`` Y; a
  preposition after a verb in the same sentence ("وكشف المصدر، وفق ما أوردت مواقع
  محلية") makes the outlet the verb's relay;
* **outlets**: a name in the gazetteer or quoted after a media noun is taken whole (شبكة
  "إن بي سي", سي.إن.إن); "الصحيفة", "الصحيفة البريطانية" is the outlet of that kind cited
  or named before (in any sentence), else an unnamed outlet;
* lists are split ("قنوات دجلة والشرقية"); a cue negated (لم تعلن), after a preposition
  (في كشف) or inside a quotation that opens and closes in its sentence is not one.

A subject span ends at a complementizer, a colon or quotation, the cue's preposition, a
relative pronoun, a time word, "في بيان/تصريح/تغريدة", a statement to an outlet, a
participle or adverb ("طالبة عدم الكشف", "ردا على سؤال"), an indefinite accusative noun
(the object: "وفدا", "اتفاقا"), "any" (أي: "نفى X أي علاقة"), or a comma that does not
open an apposition ("الرئيس الأمريكي، دونالد ترامب، إن" keeps the name).  A verbal noun after عدم is no cue ("لعدم
كشفه").

The object begins after a complete subject: a head noun after a nationality ("وزير الدفاع
الإسرائيلي | حركة حماس"), a definite common noun after an adjective or a body's definite
noun ("للأمم المتحدة | الأطراف"), and, when no content follows, a common noun after a
nationality or after a proper name, which takes no genitive ("الجيش الإسرائيلي | مقتل",
"بوتين | وجود"); a first name goes on to its family name, a common noun to its genitive
("ائتلاف دولة القانون"), an envoy to his state ("السفير لدى العراق"), a
representative to his list or province ("النائب عن ائتلاف دولة القانون").  An outlet or an
audience may stand between the verb and its subject ("وقال لوكالة رويترز مسؤول"), and a
relative clause between commas between the subject and its verb ("وكان X، الذي ...، قد
قال").

The rules are split by job: :mod:`analysis.sources_words` (the tokens of a sentence and the
tests on one word), :mod:`analysis.sources_cues` (cue matching, blocked cues),
:mod:`analysis.sources_spans` (subject spans and where they end),
:mod:`analysis.sources_objects` (where the object begins), :mod:`analysis.sources_subjects`
(subjects before their verb, speakers), :mod:`analysis.sources_content` (a cue's content),
:mod:`analysis.sources_relays` (relays and publishers), :mod:`analysis.sources_outlets`
(outlet names) and :mod:`analysis.sources_classify` (source types and agreement).  The
reader here, :class:`DocumentReader`, drives them sentence by sentence and keeps the rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .lexicon import zipf
from .resources import DIACRITICS
from .sources_classify import _agrees, _agreement, head_agreement, _conjuncts, classify, common_object, plausible_speaker, \
    article_noun, speaker_words
from .sources_content import ContentRules
from .sources_cues import match_cue, _conjunction_attached, _blocked
from .sources_entities import is_name
from .sources_lexicon import (
    CueForm, cue_forms, no_article, outlet_words, words, QUOTES, OPEN_QUOTES, CLOSE_QUOTES, COMPLEMENTIZERS, NUMBER_WORDS, RELATIVES,
    SAME_SOURCE_NOUNS, PRESENT_WITH_WA, norm,
    SPEECH_NOUNS, CONDITIONS, LIST_MARKERS, PUNCT, AUXILIARIES, NISBA_ENDINGS, STATEMENT, DATA_DOCUMENTS, SUBJECT_PRONOUNS, CONTRAST_PRONOUNS, NEWS_WORDS, OTHER_DOCUMENT,
)
from .sources_objects import ObjectRules
from .sources_outlets import _named_in_text, _outlet_names, _clean, _generic_media, _outlet_end
from .sources_relays import RelayRules
from .sources_spans import SpanRules
from .sources_subjects import SubjectRules
from .sources_words import (
    sentence_tokens, bare, strip_lam, _head_words, _lam_is_preposition, _of_role, _opens, _accusative_plural, _N, _relative, _accusative_hamza,
    _written_name, _possessed_stem, Token, mend_quotes, _known, lam_words,
)
from .tokenize import lines_of, sentence_bounds

#: A quoted word without the article is a name below this frequency (مايكروسوفت, صمغان), not
#: a common noun quoted as the object (يؤكد "استعداد" بورما).
QUOTED_NAME_ZIPF = 4.0


#: Words between a verb and its subject that are its object or topic ("أوضح ذلك المشرف على
#: اللجنة", "يقول عنها محلل استراتيجي").
OBJECT_PRONOUN_WORDS = frozenset(("ذلك", "عنه", "عنها", "عنهم", "عنهما",
                                  # to whom it was said: "وقال لنا أحد السكان", "قال له الوزير"
                                  "له", "لها", "لهم", "لهما", "لنا", "لكم", "لهن"))
#: The words after "قال" that introduce a verse or a saying of the Prophet, not a source cited
#: by the newsroom ("قال تعالى", "عز من قائل", "جل في علاه", "عليه الصلاة والسلام").
SCRIPTURE_FORMULAS = frozenset(_N(w) for w in ("تعالى", "عز", "جل", "سبحانه", "صلى"))
#: Verbs whose object is people ("حث المواطنين على", "دعا الأطراف إلى"): an accusative plural
#: after them is the object, never the subject.
PERSON_OBJECT_VERBS = frozenset(("حث", "دعا", "ناشد"))
#: Verbs of judgement that take two objects: with an object pronoun, the noun after them is
#: what the speaker deemed it ("واعتبره خطوة متسرعة", "ووصفها نقطة تحول"), unless it is a speaker
#: ("واعتبره الرئيس", "ووصفه ترامب").
PREDICATE_VERBS = frozenset(("اعتبر", "وصف", "رأى"))
#: "What" before "جاء في": "لما جاء في البيان" names a statement's content as an object.
WHAT_WORDS = frozenset(("ما", "لما", "بما", "مما", "وما"))     # (not فيما: "while", "فيما جاء في البيان أن")
#: Verbs whose ب phrase follows their object ("اتهم X بالتآمر", "وصف X بأنه"): with no
#: subject and ب straight after the verb, it is a passive ("واتُّهم بالمساعدة في", "ووُصف
#: بأنه"), someone accused or described, not a speaker continued.
OBJECT_FIRST_VERBS = frozenset(("اتهم", "وصف"))


def _object_pronoun(token: Token) -> bool:
    """Whether a cue is written with an object pronoun (واعتبره, ووصفتها), not a verb whose
    own last letter is ه."""
    word = token.norm[1:] if _conjunction_attached(token) else token.norm
    return word.endswith(("ه", "ها", "هم", "هما")) and (word,) not in cue_forms()


#: Verbs whose first noun after them is often whom they address ("وأبلغ عائلته أنه بخير",
#: "وحذر أبناءه"): a relative there is the object, not the speaker.
TELLING_VERBS = PERSON_OBJECT_VERBS | frozenset(("أبلغ", "أخبر", "حذر", "طالب", "سأل", "نصح", "أمر"))


def _press_adjective(word: str) -> bool:
    """صحفية, إعلامي, إخبارية: the adjective that makes a report (تقارير صحفية) the press's."""
    word = no_article(word)
    return word in words("media_adjective") or word + "ة" in words("media_adjective")


# Moved to the modules above; still importable from here, where they were defined before.
from .sources_objects import OBJECT_ZIPF, CONSTRUCT_ZIPF  # noqa: F401
from .sources_outlets import outlet_in  # noqa: F401
from .sources_spans import MAX_SPAN  # noqa: F401
from .sources_words import Token  # noqa: F401

#: How many paragraphs back a cue without a subject looks for its speaker (0: its own only).
COREF_PARAGRAPHS = 2
#: The cue a document's publisher is noted under ("تقرير أعدته X": X issued it).
ISSUING = "اصدر"


@dataclass
class Attribution:
    """One attribution while a document is read (the rows of :func:`extract_sources`)."""
    source: str
    words: tuple[str, ...]
    source_type: str
    key: str
    agree: str | None
    form: CueForm
    cue_text: str
    cue_start: int
    cue_end: int
    start: int
    end: int
    via: str
    resolved: str
    sentence: str
    paragraph: int
    sentence_no: int
    explicit_mention: bool = True
    hidden: bool = False        # a speaker named by a cue that was not an attribution ("قد تحدثا")
    relay: bool = False         # published a statement of the sentence's speaker ("وقال في بيان
                                # أصدره البيت الأبيض"): no antecedent for what follows


#: Statements and documents whose publisher a writing cue after them names ("بيان نشرته X").
PUBLISHED_STATEMENTS = frozenset(_N(w) for w in (
    "بيان", "بيانا", "بياناً", "تصريح", "تصريحات", "تسجيل", "تغريدة", "تدوينة", "رسالة", "تقرير", "منشور", "وثيقة",
    "كلمة", "خطاب"))


def _personal(row: Attribution) -> bool:
    """Whether a row's speaker is a person, not a body or an outlet: a pronoun opening a
    sentence stands for a person cited before ("فهو يقول"); "وهي تشير إلى" after a ministry's
    words is as likely the plan it spoke of."""
    head = no_article(bare(row.words[0])) if row.words else ""
    return row.source_type in ("named_person_or_body", "anonymous") and not _of_role(head, words("body")) and \
        head not in words("media")


class DocumentReader(SubjectRules, SpanRules, ObjectRules, ContentRules, RelayRules):
    """Reads one document's attributions sentence by sentence (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: the text with misdirected quotation marks mended, to tell what is quoted
        self.quote_text = mend_quotes(text)
        self.rows: list[Attribution] = []
        #: (document noun, its publisher) in reading order: "تقرير أعدته X"
        self.issuers: list[tuple[str, Attribution, int]] = []
        #: (document noun, its offset, its publisher) for every document named with one
        self.ahead: list[tuple[str, int, Attribution]] = []
        self._family: frozenset[str] | None = None

    # --- driving ------------------------------------------------------------------------

    def read(self) -> list[Attribution]:
        paragraphs = [ln for ln in lines_of(self.text) if ln.text.strip()]
        sentences = []
        sentence_no = 0
        for p_index, line in enumerate(paragraphs):
            previous_end = line.start
            for bound in sentence_bounds(line.text):
                s_start, s_end = previous_end, line.start + bound
                previous_end = s_end
                inside = self._inside_quote(self.quote_text[line.start:s_start])
                tokens = sentence_tokens(self.quote_text, s_start, s_end, open_quote=inside)
                if inside and tokens and _conjunction_attached(tokens[0]) and match_cue(tokens, 0):
                    tokens = sentence_tokens(self.quote_text, s_start, s_end)  # "وأشار إلى": the quote was not closed
                if tokens:
                    sentences.append((tokens, self.text[s_start:s_end].strip(), p_index, sentence_no))
                sentence_no += 1
        self._publishers_ahead(sentences)
        for sentence in sentences:
            self._sentence(*sentence)
        return [r for r in self.rows if not r.hidden]

    def _publishers_ahead(self, sentences: list) -> None:
        """Note, before reading, every document the article names with its publisher
        ("الدراسة، التي أجراها مركز X", "لتقرير الأمانة العامة لاتحاد X"), so that a document
        cited first without one ("قالت دراسة حول …، إن") is the publisher's named further on."""
        documents = words("document")
        for tokens, sentence, paragraph, sentence_no in sentences:
            self._begin(tokens, sentence, paragraph, sentence_no)
            for m, tok in enumerate(tokens):
                if not any(tok.norm[k:] in documents for k in range(len(tok.norm) - 1)):
                    continue                                # (the noun below is always an ending of
                                                            # the word: a cheap test first)
                lam = tok.norm.startswith("ل") and _lam_is_preposition(tok.norm)
                first = strip_lam(tok.norm) if lam else tok.norm
                noun = no_article(bare(first))
                if noun not in words("document") or m + 1 >= len(tokens):
                    continue
                nxt = tokens[m + 1].norm                    # "لتقرير الأمانة العامة", "تقرير شركة X",
                if nxt in OTHER_DOCUMENT or m + 2 < len(tokens) and tokens[m + 2].norm in OTHER_DOCUMENT:
                    continue                                # ("دراسة سابقة أجرتها X": another study)
                found = self._publisher(m, lam, genitive=not first.startswith("ال") and (   # not "دراسة ميدانية"
                    nxt.startswith("ال") or not nxt.endswith(("ي", "ية"))))
                if not found or not self._speaker_like(found[0], found[1]):
                    continue
                added = self._issuing_row(found, m)
                if added and added[0].source_type in ("named_person_or_body", "named_outlet"):
                    self.ahead.append((noun, tok.start, added[0]))

    def _issuing_row(self, found: tuple[int, int, bool], m: int) -> list[Attribution]:
        """The publisher ``found`` of the document at token m, as a row not kept (an issuer)."""
        return self._emit(found[0], found[1], m, 1, cue_forms()[(ISSUING,)], via="", resolved="explicit",
                          lead_lam=found[2], keep=False)

    def _later_issuer(self, noun: str, at: int) -> Attribution | None:
        """The publisher of the first document of this kind named after offset ``at`` (the end of
        the mention that needs one), a few
        paragraphs on at most, when no other document of the kind is named anew in between
        (see :meth:`_publishers_ahead`)."""
        for kind, start, row in self.ahead:
            if kind == noun and start > at and row.paragraph - self.paragraph <= COREF_PARAGRAPHS * 3:
                return None if self._another_document(noun, at, start) else row
        return None

    @staticmethod
    def _inside_quote(before: str) -> bool:
        """Whether a quotation opened in ``before`` (the paragraph so far) is still open."""
        depth, straight = 0, 0
        for char in before:
            if char in "«“„":
                depth += 1
            elif char in "»”":
                depth = max(0, depth - 1)
            elif char == '"':
                straight ^= 1
        return depth > 0 or straight == 1

    def _begin(self, tokens, sentence, paragraph, sentence_no) -> None:
        """Set the state of reading one sentence."""
        self.tokens, self.sentence, self.paragraph, self.sentence_no = tokens, sentence, paragraph, sentence_no
        self.first_row = len(self.rows)          # rows of this sentence start here
        self.pending_via = ""                    # "وبحسب وكالة X، قال Y": Y's relay
        self.consumed: set[int] = set()          # participles that carried a verb's content
        self.fronted: tuple[int, int, int] | None = None   # a subject opening the sentence before its cue

    def _sentence(self, tokens, sentence, paragraph, sentence_no) -> None:
        self._begin(tokens, sentence, paragraph, sentence_no)
        self._clause_subject()
        i = 0
        while i < len(tokens):
            found = match_cue(tokens, i)
            if not found:
                i += 1
                continue
            form, length = found
            if _blocked(tokens, i, form):
                self._negated_subject(i, length, form)
                i += length
                continue
            if form.kind == "preposition":
                i = self._preposition(i, length, form)
            elif form.tense == "participle":
                i = self._participle(i, length, form)
            else:
                i = self._verb(i, length, form)
        self._documents()

    # --- verbs --------------------------------------------------------------------------

    def _told_relative(self, a: int, form: CueForm) -> bool:
        """Whether the relative at token a ("عائلته", "زملاءه") is whom a verb of telling
        addressed: right before what was told ("وأبلغ عائلته أنه بخير"), or written in the
        accusative ("وحذر أبناءه من السفر"); not "وطالبت عائلته بالإفراج عنه"."""
        if form.lemma not in TELLING_VERBS:
            return False
        nxt = self.tokens[a + 1].norm if a + 1 < len(self.tokens) else ""
        return nxt in COMPLEMENTIZERS or _accusative_hamza(bare(self.tokens[a].norm))

    def _verb(self, i: int, length: int, form: CueForm) -> int:
        tokens = self.tokens
        j = i + length
        if j < len(tokens) and tokens[j].norm == "عدم":
            return j + 1                                    # "طلبوا عدم الكشف عن هويتهم": not a statement
        if j + 1 < len(tokens) and tokens[j].norm in CONDITIONS and tokens[j + 1].norm == "عدم":
            return j + 2                                    # "تحدثوا شرط عدم الكشف": how a source spoke
        if i > 0 and tokens[i - 1].norm in AUXILIARIES:
            return j                                        # "وتم نقل الجرحى": a verbal noun, not a verb
        prefixed = _conjunction_attached(tokens[i])
        if form.lemma in PRESENT_WITH_WA and form.tense == "present" and not prefixed and i > 0 and \
                not _opens(tokens[i]):
            return j                                        # "دبلوماسي يتابع الأحداث": follows (but a
                                                            # sentence may open with it: "يتابع الخبير")
        if form.lemma == "ادعى" and form.tense == "present" and tokens[i].surface.rstrip(DIACRITICS).endswith("ى") \
                and not prefixed and i > 0 and not any(c in tokens[i].gap for c in PUNCT + "،,"):
            return j                                        # "مسكن يدعى ترامادول", "رجل يدعى علاء": is
                                                            # called, not claims (but "ويدعى الجيش أن")
        if form.agree == "du" and not prefixed and not (i > 0 and tokens[i - 1].norm == "قد") and \
                not self._content_at(j, form, strict=True):
            return j                                        # ذكرا, كتبا: nouns more often than duals
                                                            # (but "قد تحدثا": a verb)
        published = form.kind == "writing" and self._published_statement(i, j)
        if form.kind == "writing" and ((tokens[i].norm,) not in cue_forms() and
                                       (tokens[i].norm[1:],) not in cue_forms() or
                                       i > 0 and tokens[i - 1].norm in RELATIVES) and not published:
            return j                                        # "التي نشرتها الصحيفة": not a statement
        if j < len(tokens) and tokens[j].norm in ("فيه", "فيها") and self.rows[self.first_row:] and \
                self.rows[-1].form.kind == "writing":
            return j + 1                                    # "أصدرت X بيانا أكدت فيه": one statement
        noun = i - 1
        while noun > 0 and noun > i - 3 and tokens[noun].norm.endswith(NISBA_ENDINGS) and \
                tokens[noun].norm not in RELATIVES and len(tokens[noun].norm) > 4 and \
                not any(c in tokens[noun + 1].gap for c in PUNCT):
            noun -= 1                                       # "معلومات استخباراتية بينت أن": its adjectives
        thing = no_article(bare(tokens[noun].norm))
        after_only = False
        if i > 0 and not _opens(tokens[i]) and not prefixed and thing in words("not_source") | words("document"):
            a, b = self._span(self._skip_adverbs(j))
            denied = _object_pronoun(tokens[i]) and thing in words("not_source") and b > a and \
                self._plausible(a, b) and (self._person_like(a, b) or bool(self._place_at(a, False)))
            if not published and not denied and not (tokens[noun].norm.startswith("ال") and b > a and
                                                     self._plausible(a, b) and self._person_like(a, b)):
                return j                                    # "بعد معلومات أشارت إلى": the subject is no speaker
            after_only = True                               # "وقبل توقيع القرار قال مسؤول", "وهي مزاعم
                                                            # تنفيها بكين": the subject follows
        pronoun = self._pronoun_subject(i, form)
        if pronoun is not None:                             # "فهو يقول إنه لن يتنحى", "وهي تؤكد أن":
            ante = self._antecedent(pronoun)                # the speaker the pronoun stands for
            if ante is not None and not self._nested(i, ante) and self._needs_ok(j, form, subject=None) and \
                    (i > 1 or _personal(ante)):
                self._continue(ante, i, length, form)
            return j
        before = None if after_only else self._subject_before(i, form)
        if before is False:
            return j
        if before is None and self.fronted and self.fronted[2] == i and self._fronted_agrees(form) and \
                not self._subject_after(j, form):
            before = self.fronted[:2]
        if before:
            a, b = before
            if not published and not self._needs_ok(j, form, subject=(a, b)):
                self._hide(self._emit(a, b, i, length, form, via="", resolved="explicit"))
                return j
            via = self._told(j) or self.pending_via
            added = self._emit(a, b, i, length, form, via=via, resolved="explicit")
            if form.kind == "relay" and j < len(tokens) and tokens[j].norm == "عن":
                self._relayed(j + 1, i, length, form, via=added[0].key if added else "")
                return self._relay_end
            return j
        j = self._skip_adverbs(j)
        if j < len(tokens) and (tokens[j].norm in SCRIPTURE_FORMULAS or tokens[j].norm == "عليه" and j + 1 < len(
                tokens) and tokens[j + 1].norm in (_N("الصلاة"), "السلام")):
            return j + 1                                    # "قال تعالى", "فقال عز من قائل": scripture quoted
        if j + 1 < len(tokens) and tokens[j].norm in OBJECT_PRONOUN_WORDS and not any(
                c in tokens[j + 1].gap for c in PUNCT + "،,") and not (
                tokens[j + 1].norm.endswith("يا") and not tokens[j + 1].norm.startswith("ال")):
            j += 1                                          # "أوضح ذلك المشرف", "يقول عنها محلل": the subject follows
        told_first = ""
        dative = self._dative_outlet(j)
        if dative:                                          # "وقال لوكالة رويترز مسؤول ...": VSO with
            end, key = dative                               # the outlet before the subject
            x, y = self._span(end, describe=form.lemma == "وصف", preps=form.preps, after_name=True)
            if y > x and self._speaker_like(x, y):
                j, told_first = end, key
        a, b = self._span(j, describe=form.lemma == "وصف", preps=form.preps, after_name=bool(dative))
        # "ويتوقع التقرير تراجع", "ودعا التقرير القطاع المصرفي": the report's publisher, though
        # the report is no speaker and its span runs on
        issuer = self._document_issuer(a, b) if form.kind == "verb" else None
        if b > a and form.tense == "present" and not self._speaker_like(a, b) and \
                not self._content_at(b, form, strict=True, window=2):
            if issuer is not None:
                self._continue(issuer, i, length, form)
                return a + 1
            return max(b, j)                                # "يتحدث ستكون ...": no speaker after it
        b = self._trim_object(a, b)
        b = self._name_after(a, b, form)
        b = self._called_name(b) if b > a else b
        if b > a and form.lemma in PERSON_OBJECT_VERBS and _accusative_plural(bare(tokens[a].norm)):
            b = a                                           # "وحثّ موظفي الفرع على": whom he urged
        if b - a == 1 and tokens[a].norm.endswith(("ه", "ها", "هم", "هما", "هن")) and \
                no_article(bare(tokens[a].norm)) not in _head_words() and tokens[a].norm not in outlet_words() \
                and len(tokens[a].norm) > 4 and not (_relative(bare(tokens[a].norm)) and
                                                     not self._told_relative(a, form)):
            b = a                                           # "وحذّر مواطنيه": an object, no subject
                                                            # (but "وقال زملاؤه": his colleagues)
        if b > a and form.lemma in PREDICATE_VERBS and _object_pronoun(tokens[i]) and not self._speaker_like(a, b) \
                and _possessed_stem(bare(tokens[a].norm)) not in words("quantifier") \
                and (self._indefinite_accusative(a) or not (self._proper_name(a) or _written_name(tokens[a]))):
            b = a                                           # "واعتبره خطوة متسرعة", "واعتبرته جزءا من":
                                                            # what he deemed it (but "ووصفه ترامب")
        if b > a:
            if not published and not self._needs_ok(b, form, subject=(a, b)):
                if issuer is not None:
                    self._continue(issuer, i, length, form)
                    return a + 1
                if form.tense == "past":
                    self._hide(self._emit(a, b, i, length, form, via="", resolved="explicit"))
                return max(b, j)
            if published and any(r.start < tokens[b - 1].end and tokens[a].start < r.end
                                 for r in self.rows[self.first_row:]):
                return max(b, j)                            # "وبحسب بيان نشرته أرامكو": one event, one row
            via = told_first or self._told(b) or self._told_before(i) or self.pending_via
            added = self._emit(a, b, i, length, form, via=via, resolved="explicit")
            if published and self._rows_before(tokens[i].start):
                for row in added:
                    row.relay = True
            subject_head = no_article(bare(tokens[a].norm))
            if not added and subject_head in words("document") and tokens[a].norm.startswith(("ال", "وال")) and (
                    b - a <= 2 or issuer is not None):
                # "وأضاف البيان أن": the statement's author, the publisher of the latest such
                # document ("تقرير أعدته دائرة X … ولفت التقرير"), else the latest source
                ante = issuer or self._issuer(subject_head, tokens[a].start) or (
                    None if subject_head in DATA_DOCUMENTS else self._antecedent(None))
                if ante is not None:
                    self._continue(ante, i, length, form)
                return max(b, j) if b - a <= 2 else a + 1
            if not added and form.cue_class == "denial" and not form.needs and subject_head in words("not_source"):
                ante = self._antecedent(form.agree)         # "ونفى الشائعات عن استقالته": what the
                if ante is not None and not self._nested(i, ante):   # speaker denied, the speaker unsaid
                    self._continue(ante, i, length, form)
                return max(b, j)
            if form.kind == "relay" and b < len(tokens) and tokens[b].norm == "عن":
                relay = added[0].key if added else ""
                self._relayed(b + 1, i, length, form, via=relay)
                return self._relay_end
            return self._past_content(max(b, j))
        owner = self._statement_owner(i, j)
        if owner:                                           # "كلمة رئيس الجمعية X، أوضح فيها أن": X
            self._emit(owner[0], owner[1], i, length, form, via=self._told(j) or self.pending_via,
                       resolved="explicit")
            return j + 1
        # no subject: a continuation (present-tense singulars without a subject are agentless: يذكر أن)
        if form.tense == "present" and form.agree in ("m", "f"):
            return j
        if form.kind == "relay" and form.agree == "m" and j < len(tokens) and tokens[j].norm == "عن":
            self._relayed(j + 1, i, length, form, via="")   # "ونُقل عن X": passive, no relay named
            return self._relay_end
        if not self._needs_ok(j, form, subject=None):
            return j
        if form.lemma in OBJECT_FIRST_VERBS and j < len(tokens) and tokens[j].norm.startswith(("بال", "بان")) and \
                not _object_pronoun(tokens[i]):
            return j                                        # "واتُّهم بالمساعدة": a passive
        ante = self._antecedent(form.agree)
        if ante is None or self._nested(i, ante):
            return j
        row = self._continue(ante, i, length, form)
        told = self._told(j)
        if told:
            row.via = told                                  # "وأضاف لرويترز أن": this statement's outlet
        if form.kind == "relay" and j < len(tokens) and tokens[j].norm == "عن":
            self._relayed(j + 1, i, length, form, via=row.key)
            return self._relay_end
        return j

    def _subject_after(self, j: int, form: CueForm) -> bool:
        """Whether a speaker follows the cue ending at token j ("…، تحدث ترامب عن")."""
        a, b = self._span(self._skip_adverbs(j), preps=form.preps)
        return b > a and self._plausible(a, b) and (self._person_like(a, b) or is_name(self.tokens[a].norm) and
                                                    not self.tokens[a].norm.startswith("ال"))

    def _fronted_agrees(self, form: CueForm) -> bool:
        """Whether the sentence's fronted subject agrees with its cue ("الحكومة العراقية، أعلنت")."""
        a, b, _ = self.fronted
        ws = [bare(t.norm) for t in self.tokens[a:b]]
        return _agrees(form.agree, head_agreement(ws, classify(ws)[0] or "", family_names=self._family_names()))

    def _hide(self, added: list[Attribution]) -> None:
        """Keep these rows as possible antecedents only (see :attr:`Attribution.hidden`)."""
        for row in added:
            row.hidden = True

    def _past_content(self, k: int) -> int:
        """Skip a speech noun after the subject ("وكرر ترامب وصفه"): it is content, not a cue."""
        m = self._skip_adverbs(k)
        if m < len(self.tokens) and self.tokens[m].norm.startswith(SPEECH_NOUNS):
            return m + 1
        return k

    def _nested(self, i: int, ante: Attribution) -> bool:
        """A cue without a subject inside another source's reported words ("وقال X إن
        الشرطة أكملت التحقيق وأكدت أن ..."): its speaker is not the sentence's source."""
        last = self._reporting_row(self.tokens[i].start)
        return last is not None and ante is not last and not _agrees(self._agree_of(i), last.agree)

    def _reported(self, row: Attribution) -> bool:
        """Whether a row of this sentence stands inside the words another source of the
        sentence reports ("وقال الطراونة إن طلب مجلس النواب … ، مبيناً": the House is
        reported, the participle is the speaker's)."""
        return row.sentence_no == self.sentence_no and self._reporting_row(row.cue_start) is not None

    def _reporting_row(self, at: int) -> Attribution | None:
        """The sentence's latest explicit row cued before offset ``at`` when a complementizer
        stands between its cue and ``at`` (what is at ``at`` is in that row's reported words)."""
        mine = [r for r in self.rows[self.first_row:] if r.explicit_mention and not r.hidden and r.cue_start < at]
        if mine and any(t.norm in COMPLEMENTIZERS for t in self.tokens if mine[-1].cue_end <= t.start < at):
            return mine[-1]
        return None

    def _agree_of(self, i: int) -> str | None:
        found = match_cue(self.tokens, i)
        return found[0].agree if found else None

    def _relayed(self, j: int, i: int, length: int, form: CueForm, *, via: str) -> None:
        a, b = self._span(j, relay=True)
        self._relay_end = max(b, j)
        if b > a:
            self._emit(a, b, i, length, form, via=via, resolved="explicit", relayed=True)

    def _participle(self, i: int, length: int, form: CueForm) -> int:
        j = i + length
        tokens = self.tokens
        if i in self.consumed:
            return j                                        # "وعلق X قائلا": one statement
        mine = self._rows_before(tokens[i].start)
        if form.lemma == "قال" and mine and mine[-1].form.needs and mine[-1].form.kind != "preposition" and \
                not any(t.norm in COMPLEMENTIZERS for t in tokens if mine[-1].cue_end <= t.start < tokens[i].start):
            return j
        if form.needs and not self._content_at(j, form, strict=form.strict_content, window=4):
            return j
        if form.agree != "m" and i > 0 and not _opens(tokens[i]) and tokens[i - 1].norm.endswith(("ة", "ات")) and \
                not self._content_at(j, form, strict=True, window=1):
            return j                                        # زيارة معلنة: an adjective
        ante = self._antecedent(form.agree)
        if ante is not None:
            self._continue(ante, i, length, form)
        return j

    # --- prepositions -------------------------------------------------------------------

    def _preposition(self, i: int, length: int, form: CueForm) -> int:
        tokens = self.tokens
        j = i + length
        n = len(tokens)
        phrase = " ".join(t.norm for t in tokens[i:i + length])
        if j < n and tokens[j].norm in ("ما", "لما"):
            j += 1
            phrase += " ما"
        relay_verb = False
        if phrase.endswith("ما") or phrase.endswith("حسبما"):
            if j < n and (match_cue(tokens, j) or tokens[j].norm.endswith(("ته", "تها", "ه"))):
                found = match_cue(tokens, j)
                relay_verb = bool(found and found[0].kind == "relay") or tokens[j].norm.startswith(("نقل", "ونقل"))
                j += 1
                if j < n and tokens[j].norm in ("به", "بها", "عنه"):
                    j += 1                                  # حسبما أفادت به وكالة
                j = self._skip_adverbs(j)                   # "بحسب ما أفادت الأسبوع الماضي وزيرة …"
        if j < n and tokens[j].norm == "ل":                   # وفقا لـ X
            j += 1
        if form.cue_class == "doubting" and j < n and tokens[j].norm in ("في", "علي", "بين"):
            j += 1                                          # حسب ما تردد في وسائل إعلام
        if j >= n:
            return j
        first = tokens[j].norm
        # "وفقا لـ X" takes ل; "وفق X" does not ("ووفق لوائح التسجيل": regulations, not ل + وائح)
        lam = first.startswith("ل") and (form.lemma in ("وفق", "طبقا") and tokens[i + length - 1].norm.endswith("ا")
                                          or _lam_is_preposition(first))
        if first in ("له", "لها", "لهم", "لهما") or tokens[i].norm in ("بحسبه", "بحسبها"):
            agree = {"له": "m", "لها": "f", "لهم": "pl", "لهما": "du"}.get(first)
            ante = self._antecedent(agree)
            if ante is not None:
                self._continue(ante, i, length, form)
            return j + 1
        a, b = self._span(j, relay=form.lemma == "نقلا عن", preposition=True, lead_lam=lam)
        if b <= a:
            return j + 1
        if b - a == 1 and tokens[a].norm in SAME_SOURCE_NOUNS and b < n and \
                tokens[b].norm in ("نفسه", "ذاته", "نفسها", "ذاتها") or \
                b - a >= 2 and tokens[a].norm in ("نفس", "ذات") and tokens[a + 1].norm in SAME_SOURCE_NOUNS:
            ante = self._antecedent(None)                   # "بحسب المصدر ذاته", "حسب نفس المتحدث"
            if ante is not None:
                self._continue(ante, i, length, form)
            return b
        ws = lam_words(tokens, a, b, lam=lam)
        head = no_article(bare(ws[0]))
        publisher = self._publisher(a, lam) if head in words("document") else None
        if head in words("document") and ws[0].startswith("ال") and publisher is None:
            ante = self._issuer(head, tokens[a].start)      # "ووفقا للتقرير" after "تقرير صادر عن وزارة
            if ante is not None:                            # الزراعة": the report's publisher (what
                self._continue(ante, i, length, form)       # follows a definite noun is no publisher:
                return a + 1                                # "حسب التقرير بواقع 5%")
        if head not in words("document") | words("figures") and classify(ws)[0] == "named_person_or_body":
            if not plausible_speaker(ws):
                return b                                    # "وفق الخطط الموضوعة": a plan, no speaker
            if form.lemma in ("بحسب", "وفق", "طبقا") and len(ws) >= 2 and article_noun(bare(ws[0])) and \
                    not bare(ws[0]).endswith(("ون", "ين")) and \
                    (article_noun(ws[1]) or ws[1].startswith(("ال", "لل"))) and not speaker_words(ws):
                return b                                    # "وفقا لمصالح جديدة", "حسب احتياجات سوق العمل":
                                                            # common nouns one follows, no speaker (a name
                                                            # alone may take the article too: براك, عباس;
                                                            # a plural in ون/ين is people: متحدثون عسكريون)
        if form.lemma == "جاء في" and (head not in words("document") or i > 0 and tokens[i - 1].norm in WHAT_WORDS):
            return b                                        # "رفضه لما جاء في البيان": what it said, named
                                                            # as an object, not reported
        if form.lemma == "جاء في" and not publisher:            # (here the head is a document's)
            ante = self._antecedent(None)
            if ante is not None:
                self._continue(ante, i, length, form)
            return b
        via = ""
        if form.lemma == "نقلا عن":
            mine = self._rows_before(tokens[i].start)
            via = mine[-1].key if mine else ""
        added = self._emit(a, b, i, length, form, via=via, resolved="explicit", lead_lam=lam)
        if relay_verb and added and b < n and tokens[b].norm == "عن":
            self._relayed(b + 1, i, length, form, via=added[0].key)   # بحسب ما نقلت X عن Y
            return self._relay_end
        if added and form.lemma != "نقلا عن" and added[0].source_type in ("named_outlet", "unnamed_outlet"):
            earlier = [r for r in self.rows[self.first_row:-len(added)] if r.form.kind != "preposition" and not r.hidden
                       and not r.via and r.cue_start < tokens[i].start]
            if earlier:
                for r in earlier:
                    r.via = added[0].key
            else:
                self.pending_via = added[0].key
        return b

    # --- rows ---------------------------------------------------------------------------

    def _emit(self, a: int, b: int, i: int, length: int, form: CueForm, *, via: str, resolved: str,
              lead_lam: bool = False, relayed: bool = False, keep: bool = True) -> list[Attribution]:
        """Rows for the source at tokens a..b-1 (one per listed source); a ``relayed``
        source ("نقلت الوكالة عن مسؤول") agrees as its head does, not as the relay's verb.
        Without ``keep`` the rows are made but not recorded (a document's publisher, noted
        only as an issuer).  A document with no publisher of its own here ("قالت دراسة حول …")
        continues the publisher named further on (:meth:`_later_issuer`): the first row of
        that continuation is returned."""
        tokens = self.tokens
        first = strip_lam(tokens[a].norm) if lead_lam else tokens[a].norm
        head = no_article(bare(first))
        press = head in words("document") and a + 1 < len(tokens) and _press_adjective(tokens[a + 1].norm)
        # "وتقول تقارير إن": reports, indefinite and alone, are the press's
        reports = first == _N("تقارير") and b == a + 1
        document = ""
        # "بحسب أرقام وزارة الصحة": figures after a preposition cue name their issuer, as a document does
        figures = form.kind == "preposition" and head in words("figures") and head not in words("document")
        if head in words("document") or figures:
            found = self._publisher(a + 1, lead_lam, genitive=False) if press else self._publisher(a, lead_lam)
            if found and figures and not self._speaker_like(found[0], found[1]) and not (
                    found[2] and _known(no_article(bare(strip_lam(tokens[found[0]].norm))))):
                found = None                                # "بحسب إحصاءات حقوقية للحالات": no issuer
                                                            # (but "بحسب تصريحات لرئيس الوزراء")
            if found:
                a, b, lead_lam = found
                press, document = False, head
            elif reports:
                press = True
            elif not press:
                later = keep and not first.startswith("ال") and self._later_issuer(head, tokens[a].end)
                if later:                                       # "قالت دراسة حول …، إن … ووجدت الدراسة،
                    return [self._continue(later, i, length, form)]   # التي أجراها مركز X": X's
                return []
        parts = _conjuncts(tokens, a, b)
        added = []
        for p, (x, y, in_list) in enumerate(parts):
            lam = lead_lam and x == a
            ws = lam_words(tokens, x, y, lam=lam)
            conjunction = p > 0 and ws[0][:1] == "و" and len(ws[0]) > 2 and tokens[x - 1].norm not in LIST_MARKERS
            if conjunction:
                ws[0] = ws[0][1:]
            kind, key = classify(ws, in_list=in_list or len(parts) > 1)
            if kind == "named_person_or_body" and p == 0 and not press and common_object(ws):
                continue                                        # "وكانت وصفت منع إسرائيل دخول البضائع": what
                                                                # she described, not who
            if press:
                kind, key = "unnamed_outlet", " ".join(ws)     # "تقارير إعلامية": the press, unnamed
            if not kind:
                continue
            if (ws[0].isdigit() or ws[0] in NUMBER_WORDS) and (
                    len(ws) < 2 or ws[1] in ("من", "في") or (x + 1 < len(tokens) and "%" in tokens[x + 1].gap)):
                continue                                        # "اعتبر 73% من الفرنسيين": a figure
            if kind != "named_outlet" and any(q in tokens[x].gap for q in OPEN_QUOTES) and not lam and \
                    self._inside_quote("".join(t.gap for t in tokens[:x + 1])) and \
                    not self._quoted_speaker(x, y, form.preps):
                continue                                        # وطلبت "التعاون الكامل": a quoted object
            if kind == "unnamed_outlet" and not _generic_media(ws):
                quoted = self._quoted_name(x, y)
                if quoted:                                      # موقع "إن كي ليدرشيب ووتش": named by its name
                    kind, key = "named_outlet", quoted
            if kind == "named_outlet" and len(ws) == 1 and self._body_cited_as(ws[0]):
                kind, key = "named_person_or_body", ws[0]       # "وقال الوفد الأفغاني … وأشار الوفد"
            if kind == "named_outlet" and key not in _outlet_names() and _generic_media(ws):
                ante = self._outlet_antecedent(ws, tokens[x].start)   # "الصحيفة البريطانية": named before
                kind, key = ante if ante is not None else ("unnamed_outlet", " ".join(ws))
            if kind == "named_outlet" and key not in _outlet_names():   # a name the gazetteer lacks: as written
                skip = 1 if no_article(bare(ws[0])) in words("media") else 0
                if skip and len(ws) > 2 and tokens[x + 1].norm in NEWS_WORDS and \
                        any(q in tokens[x + 2].gap for q in QUOTES):
                    skip = 2                                    # وكالة أنباء "أي أن آي": أي أن آي
                key = _clean(self.text[tokens[x + skip].start:tokens[y - 1].end]) if y - x > skip else key
            if kind == "named_outlet":
                end = _outlet_end(ws, key)
                rest = ws[end:]
                if no_article(bare(ws[0])) in words("title") and len(rest) >= 2 and not rest[0].startswith(
                        ("ل", "في")) or (len(rest) >= 3 and no_article(bare(ws[0])) in words("title")):
                    kind, key = "named_person_or_body", " ".join(ws)   # مراسل بي بي سي ... لين واتسون
                else:
                    y = x + end
                    ws = ws[:end]
            elif kind == "unnamed_outlet" and _generic_media(ws):
                ante = self._outlet_antecedent(ws, tokens[x].start)
                if ante is not None:                            # "ولفتت الصحيفة": the paper named before
                    kind, key = ante
            start = tokens[x].start + (1 if lam and not tokens[x].norm.startswith("لل") else 0)
            if conjunction:                                     # "الجيش والشرطة": the second without its و
                start += 1
                while start < len(self.text) and unicodedata.combining(self.text[start]):
                    start += 1
            end = tokens[y - 1].end
            if self.text.count("(", start, end) > self.text.count(")", start, end) and \
                    self.text.startswith(")", end):
                end += 1                                        # "حركة (حماس)": the name closes
            elif self.text.startswith(tuple(CLOSE_QUOTES), end) and self._inside_quote(self.text[start:end]):
                end += 1                                        # الدكتور "العمّار": the quoted name closes
            row = Attribution(
                source=self.text[start:end], words=tuple(ws), source_type=kind, key=key,
                agree=head_agreement(ws, kind, family_names=self._family_names()) if relayed else
                _agreement(ws, kind, form, family_names=self._family_names()), form=form,
                cue_text=self._cue_text(i, length),
                cue_start=tokens[i].start, cue_end=tokens[i + length - 1].end, start=start, end=end, via=via,
                resolved="list" if (in_list or len(parts) > 1) else resolved, sentence=self.sentence,
                paragraph=self.paragraph, sentence_no=self.sentence_no)
            if keep:
                self.rows.append(row)
            added.append(row)
        if document and added:
            self._note_issuer(document, added[0], tokens[i].start)
        return added

    def _rows_before(self, at: int) -> list[Attribution]:
        """This sentence's rows (not hidden) whose cue comes before offset ``at``."""
        return [r for r in self.rows[self.first_row:] if r.cue_start < at and not r.hidden]

    def _note_issuer(self, noun: str, row: Attribution, at: int) -> None:
        first = row.words[0] if row.words else ""
        if first.endswith(("ه", "ها", "هم")) and first not in outlet_words():
            # "استنكر الرئيس في بيان صادر عن مكتبه": the speaker's own
            speaker = self._rows_before(at)
            if not speaker:
                return
            row = speaker[-1]
        if row.source_type != "anonymous":
            self.issuers.append((noun, row, max(at, row.end)))

    def _documents(self) -> None:
        """Note who issued the documents this sentence names without citing them ("جاء ذلك
        في تقرير أعدته دائرة شؤون المفاوضات"), for a later "ولفت التقرير": a publisher
        introduced by a verb, صادر عن or ل, not a word after the noun."""
        tokens = self.tokens
        for m, tok in enumerate(tokens):
            noun = no_article(bare(tok.norm))
            if noun not in words("document") or m + 1 >= len(tokens) or \
                    any(r.cue_start <= tok.start < max(r.end, r.cue_end) for r in self.rows[self.first_row:]):
                continue
            found = self._publisher(m, False, genitive=False)
            if not found:
                if m > 0 and tokens[m - 1].norm in ("في", "وفي"):     # "قالت منظمتان في تقرير": theirs
                    speaker = self._rows_before(tok.start)
                    if speaker:
                        self._note_issuer(noun, speaker[-1], tok.end)
                continue
            added = self._issuing_row(found, m)
            if added:
                self._note_issuer(noun, added[0], tok.end)

    def _pronoun_subject(self, i: int, form: CueForm) -> str | None:
        """The agreement of an independent pronoun right before the cue that is its subject
        ("فهو يقول", "وهي تؤكد", "هم يرون"), when it opens the sentence or follows the
        sentence's speaker at once ("وقال الخطيب وهو يحث"); None otherwise (a pronoun inside
        reported words or a quotation stands for what they speak of)."""
        if i == 0 or _conjunction_attached(self.tokens[i]) or \
                any(c in self.tokens[i].gap for c in PUNCT + "،,") or any(q in self.tokens[i].gap for q in QUOTES):
            return None
        prev = self.tokens[i - 1].norm
        agree = SUBJECT_PRONOUNS.get(prev) or CONTRAST_PRONOUNS.get(prev)
        if agree is None or not _agrees(form.agree, agree) or \
                self._inside_quote("".join(t.gap + t.surface for t in self.tokens[:i])):
            return None
        if i == 1 and prev in SUBJECT_PRONOUNS:           # the sentence opens with it
            return agree
        mine = self._rows_before(self.tokens[i].start)
        if prev in CONTRAST_PRONOUNS:                       # "وقال الرئيس إن …، لكنه أكد": the sentence's
            return agree if mine and _agrees(agree, mine[-1].agree) else None   # speaker, not whoever its
                                                                                # clauses speak of
        return agree if mine and mine[-1].end == self.tokens[i - 2].end else None   # or right after the
                                                                                    # speaker: "وقال X وهو يحث"

    def _document_issuer(self, a: int, b: int) -> Attribution | None:
        """The publisher of the document a subject at tokens a..b-1 names by its definite
        noun alone ("التقرير" after "تقرير صادر عن X"), None for any other subject."""
        if b <= a or not self.tokens[a].norm.startswith(("ال", "وال")):
            return None
        head = no_article(bare(self.tokens[a].norm))
        if head not in words("document") or self._publisher(a, False) is not None or \
                a + 1 < len(self.tokens) and self.tokens[a + 1].norm in OTHER_DOCUMENT:
            return None
        return self._issuer(head, self.tokens[a].start)

    def _issuer(self, noun: str, at: int) -> Attribution | None:
        """The publisher of the latest document of this kind (بيان, تقرير) the article names
        before offset ``at``, unless another such document is named after it ("… ونشرت صحيفة
        الغارديان تقريرا … ويتهم التقرير": not the earlier report's publisher)."""
        for kind, row, end in reversed(self.issuers):
            if kind == noun and self.paragraph - row.paragraph <= COREF_PARAGRAPHS * 3:
                return None if self._another_document(noun, end, at) else row
        return None

    def _another_document(self, noun: str, lo: int, hi: int) -> bool:
        """Whether the text between offsets lo and hi names a document of this kind anew: an
        indefinite mention (تقريرا, لتقرير) or one set apart (التقرير الجديد, دراسة سابقة)."""
        between = norm(self.text[lo:hi])
        if re.search(rf"(?<!\w)[وفبلك]?{re.escape(noun)}(?:ا|ان|ين)?(?!\w)", between):
            return True
        return any(after in OTHER_DOCUMENT for after in re.findall(
            rf"(?<!\w)[وفبلك]?(?:ال|لل){re.escape(noun)}\s+(\w+)", between))

    def _quoted_speaker(self, x: int, y: int, preps: frozenset[str] = frozenset()) -> bool:
        """A speaker written in quotation marks (tokens x..y-1), as Saudi papers write a
        person or body cited before: the quote closes after it, and its statement follows at
        once (وقال "الحماد": …, وأكد "الصالح" أن …) or its words are a name or a body's
        (وأشار "العتيبي" إلى, وحثّ "الجاسر" الجميع, وقالت "الأرصاد" عبر حسابها); not a
        quoted common noun (وطلبت "التعاون الكامل" من)."""
        tokens = self.tokens
        if y >= len(tokens) or not any(q in tokens[y].gap for q in QUOTES):
            return False
        if ":" in tokens[y].gap or tokens[y].norm in COMPLEMENTIZERS:
            return True
        quoted = [bare(t.norm) for t in tokens[x:y]]
        if tokens[y].norm in preps and 0 < len(quoted) <= 2 and all(is_name(w) for w in quoted):
            return True                                     # وأعلنت "مايكروسوفت" عن: the cue's own preposition
        return 0 < len(quoted) <= 3 and (all(is_name(w) and (w.startswith("ال") or zipf(w) < QUOTED_NAME_ZIPF or
                                                              w in words("given_name")) for w in quoted) or
                                          no_article(quoted[0]) in words("body"))

    def _statement_owner(self, i: int, j: int) -> tuple[int, int] | None:
        """The speaker of a statement noun earlier in the sentence that a cue with فيه/فيها
        after a comma describes: "تلا ذلك كلمة رئيس مجلس إدارة الجمعية عبدالعزيز السيف، أوضح
        فيها أن": the one whose speech it was, not the latest source (tokens i..j: the cue
        and what follows it)."""
        tokens = self.tokens
        if j >= len(tokens) or tokens[j].norm not in ("فيه", "فيها") or \
                not any(c in tokens[i].gap for c in "،,"):
            return None
        for t in range(i - 1, max(-1, i - 16), -1):
            if match_cue(tokens, t) or any(c in tokens[t + 1].gap for c in PUNCT):
                return None
            if bare(tokens[t].norm) in STATEMENT:
                a, b = self._span(t + 1, lead_lam=True)
                if b > a and b <= i and self._plausible(a, b) and self._speaker_like(a, b):
                    return a, b
                return None
        return None

    def _published_statement(self, i: int, j: int) -> bool:
        """Whether the writing cue at token i publishes a statement written just before it,
        its publisher after it: "البيان الذي أصدره الدكتور عبدالله التركي", "في تسجيل صوتي
        منسوب إليه نشرته مؤسسة السحاب" (a statement or document noun within four words, with
        no punctuation between; an outlet that publishes it relays, and is no source here)."""
        tokens = self.tokens
        if not _object_pronoun(tokens[i]):
            return False
        for k in range(i - 1, max(-1, i - 5), -1):
            if any(c in tokens[k + 1].gap for c in PUNCT + "،,") or match_cue(tokens, k):
                return False
            noun = no_article(bare(tokens[k].norm))
            if noun in PUBLISHED_STATEMENTS:
                a, b = self._span(self._skip_adverbs(j))
                return b > a and self._plausible(a, b) and \
                    classify([bare(t.norm) for t in tokens[a:b]])[0] not in ("named_outlet", "unnamed_outlet")
        return False

    def _family_names(self) -> frozenset[str]:
        """The words the article writes right after a first name ("عبدالله البرقان", "باراك
        أوباما"): family names (not duals) wherever they stand alone."""
        if self._family is None:
            tokens = sentence_tokens(self.text, 0, len(self.text))
            self._family = frozenset(bare(b.norm) for a, b in zip(tokens, tokens[1:])
                                     if a.norm in words("given_name") and not any(c in b.gap for c in PUNCT))
        return self._family

    def _named_elsewhere(self, ws: tuple[str, ...]) -> bool:
        """Whether a one-word mention is a name the article writes in full elsewhere: after a
        first name ("باراك أوباما" … "وأبدى أوباما") or in a longer mention cited before
        ("حركة حماس" … "وقالت حماس"), though the word alone is too common to tell."""
        if len(ws) != 1:
            return False
        word = bare(ws[0])
        return word in self._family_names() or any(
            r.explicit_mention and len(r.words) > 1 and word in {bare(w) for w in r.words[1:]} and
            plausible_speaker(r.words) for r in self.rows)

    def _cue_text(self, i: int, length: int) -> str:
        return self.text[self.tokens[i].start:self.tokens[i + length - 1].end]

    def _continue(self, ante: Attribution, i: int, length: int, form: CueForm) -> Attribution:
        """A row for each speaker the cue continues: ``ante``, or every member of the list
        ``ante`` belongs to when the cue is plural or dual ("وقال بدر العتيبي وفيصل السلطان
        …، مضيفين"); the first of them is returned."""
        tokens = self.tokens
        group = [ante]
        if ante.resolved == "list" and form.agree in ("pl", "du"):
            group = [r for r in self.rows if r.resolved == "list" and r.cue_start == ante.cue_start and
                     not r.hidden] or [ante]
        added = []
        for member in group:
            row = Attribution(
                source=member.source, words=member.words, source_type=member.source_type, key=member.key,
                agree=member.agree, form=form, cue_text=self._cue_text(i, length), cue_start=tokens[i].start,
                cue_end=tokens[i + length - 1].end, start=member.start, end=member.end, via=member.via,
                resolved="coreference", sentence=self.sentence, paragraph=self.paragraph,
                sentence_no=self.sentence_no, explicit_mention=False)
            self.rows.append(row)
            added.append(row)
        return added[0]

    def _outlet_antecedent(self, ws: list[str], before: int) -> tuple[str, str] | None:
        """(source_type, key) of the outlet "الصحيفة", "الوكالة", "الموقع" refers back to: the
        latest named outlet of the same kind cited, else the latest one cited nearby, else the
        latest of that kind the text names before offset ``before`` (موقع "إن كي ليدرشيب ووتش"
        in a sentence that cites nobody)."""
        head = no_article(bare(ws[0]))
        for row in reversed(self.rows):
            if self.paragraph - row.paragraph > COREF_PARAGRAPHS * 3:
                break
            if row.source_type == "named_outlet" and head in {no_article(w) for w in row.words}:
                return row.source_type, row.key
        for row in reversed(self.rows):
            if self.paragraph - row.paragraph > COREF_PARAGRAPHS:
                break
            if row.source_type == "named_outlet":
                return row.source_type, row.key
        named = _named_in_text(self.text[:before], head)
        return ("named_outlet", named) if named else None

    def _body_cited_as(self, word: str) -> bool:
        """Whether a body or person cited before begins with ``word``: then an outlet's name that
        is also a common word (الوفد, الشرق) written alone is that body ("وقال الوفد الأفغاني
        … وأشار الوفد"), not the paper."""
        return any(r.explicit_mention and r.source_type == "named_person_or_body" and len(r.words) > 1 and
                   bare(r.words[0]) == bare(word) for r in self.rows)

    def _antecedent(self, agree: str | None) -> Attribution | None:
        """The latest source agreeing with a cue (within :data:`COREF_PARAGRAPHS`)."""
        fallback = None
        for row in reversed(self.rows):
            if self.paragraph - row.paragraph > COREF_PARAGRAPHS:
                break
            if row.relay or row.hidden and self._reported(row):
                continue
            if row.resolved == "list" and agree in ("pl", "du") and not row.hidden:
                return row                                  # "قال X وY …، مضيفين": the list as one
            if _agrees(agree, row.agree) and (row.source_type != "named_person_or_body" or plausible_speaker(row.words) or
                                              self._named_elsewhere(row.words)):
                if row.form.kind == "preposition" and row.source_type in ("named_outlet", "unnamed_outlet") and \
                        row.agree is None:
                    fallback = fallback or row                  # "بحسب فرانس برس" relays, rarely goes on
                    continue
                return row
        return fallback
