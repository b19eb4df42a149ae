"""Subjects before their verb, and whether a span can be a speaker.

"وكان X قد قال", "X، الذي قال", "لكن X قالوا", "X قال" at the start of a clause
(``_subject_before``); the subject of a sentence whose first verb is no cue and of a negated
cue, kept as a possible antecedent (``_clause_subject``, ``_negated_subject``); whether a span
is plausible as a speaker, names a person, body or outlet, or looks like one after a
present-tense cue.  The methods are those of :class:`SubjectRules`, a mixin of
:class:`analysis.sources_rules.DocumentReader`.
"""

from __future__ import annotations

import re

from .sources_classify import classify
from .sources_cues import match_cue, _conjunction_attached
from .sources_lexicon import (
    CueForm, no_article, outlet_words, words, QUOTES, PUNCT, DASHES, COMPLEMENTIZERS, RELATIVES, KANA, COPULAS,
    CLAUSE_STARTERS, CLAUSE_OPENERS, SVO_PARTICLES, EDITORIAL_OPENERS, TIME_WORDS, SPAN_STOP, NOT_FIRST, NEGATIONS, BLOCKERS, LAM_VERBS,
    DEFINITE_ADJECTIVES, STATEMENT, SCENE_PREPOSITIONS, CLAUSE_PARTICLES, AGED,
)
from .sources_outlets import outlet_in
from .sources_words import (
    _N, bare, _known, _statement_noun, _head_words, _lam_is_preposition, _is_ala, _opens, _written_name,
    _masdar_with_pronoun,
)


#: How many words an opening phrase of place or time may have before its comma.
SCENE_WINDOW = 10
#: Words of emphasis that end such a phrase ("وفي اليوم ذاته،"), not verbs.
EMPHATICS = frozenset(_N(w) for w in ("ذاته", "ذاتها", "نفسه", "نفسها", "عينه", "عينها"))
#: The most words a speaker's span may have to be plausible (:meth:`SubjectRules._plausible`).
PLAUSIBLE_WORDS = 10
#: The most words a subject written before its verb may have when it opens the sentence
#: ("اللواء سالم المطرفي مدير عام الدفاع المدني بمنطقة مكة المكرمة قال:"): as many as a
#: plausible speaker has.
LONG_SUBJECT = PLAUSIBLE_WORDS


class SubjectRules:
    """Subjects written before their verb, the subjects of sentences that cite nobody, and
    whether a span can be a speaker.

    A mixin of :class:`~analysis.sources_rules.DocumentReader`: it reads the reader's
    ``tokens`` and ``rows`` and records hidden rows with its ``_emit`` and ``_hide``."""

    # --- the subject of a sentence that cites nobody ---------------------------------------

    def _clause_subject(self) -> None:
        """Keep the subject of a sentence's first verb when that verb is no cue ("وكان الرئيس،
        محمد ولد عبد العزيز، قد هاجم ...", "وأرسل غريفيث رسائل ..."): a later cue without a
        subject ("ووصفهم", "وقال إن") continues it rather than an earlier source.  Only a
        person, a body or an outlet counts (not a place: "وشهدت بغداد ...")."""
        tokens = self.tokens
        statement = False
        if len(tokens) < 3 or match_cue(tokens, 0):
            return
        s = next((len(o) for o in CLAUSE_OPENERS if tuple(t.norm for t in tokens[:len(o)]) == o), 0) or \
            int(tokens[0].norm in CLAUSE_PARTICLES) or self._after_scene(tokens)
        if s + 2 >= len(tokens) or match_cue(tokens, s):
            return                                          # "من جانبه، قال": the cue's own subject
        if tokens[s].norm in KANA:
            a = s + 1
            b = next((m for m in range(s + 2, min(len(tokens), s + 14)) if tokens[m].norm == "قد"), 0)
            if not b or match_cue(tokens, b + 1) or not self._plausible(a, b):
                return
        elif self._verb_like(s):
            statement = tokens[s + 1].norm in STATEMENT             # "وجاء تصريح الرئيس …، مضيفا": the president
            a, b = self._span(s + 1 + statement)
            b = self._trim_object(a, b)
            if b <= a or any(t.norm in COMPLEMENTIZERS for t in tokens[b:b + 1]):
                return
        else:
            found = self._fronted_subject(s)
            if found is None:
                return
            a, b, m = found
            if match_cue(tokens, m):
                self.fronted = (a, b, m)                    # "مدير شرطة المحافظة العميد X، أكد أن": the
                return                                      # cue's subject, if it has none of its own
            if s != 0 or not tokens[0].norm.startswith("ال") or no_article(tokens[0].norm) not in words("title"):
                return                                      # another verb: only after a title ("الرئيس
                                                            # الإيراني في تصريحه أثار …، حيث اعتبر")
        if not self._person_like(a, b):
            return
        form = CueForm(tokens[0].norm, "verb", "neutral", "past", None, frozenset(), "")
        added = self._emit(a, b, 0, 1, form, via="", resolved="explicit")
        if statement:
            for row in added:
                row.agree = None                            # the statement (مضيفا) or its author (وأضافت) goes on
        self._hide(added)

    def _fronted_subject(self, s: int) -> tuple[int, int, int] | None:
        """A speaker opening a clause at token ``s`` before its verb: (start, end, verb).

        The verb follows the speaker's phrase, after a comma or not ("اللواء محمد الغامدي
        المتحدث الرسمي لحرس الحدود أدان", "المتحدث باسم الوزارة، أكد أن"), or after an
        opening "في تصريحه" ("الرئيس الإيراني في تصريحه أثار"); the phrase names a person, a
        body or an outlet (not "الاتفاق النووي، اعتبره"), and the verb opens no new clause
        (و/ف attached)."""
        tokens = self.tokens
        first = tokens[s].norm
        if first in NOT_FIRST or first in SPAN_STOP or first[:1] in "وف" and (first[1:] in NOT_FIRST or
                                                                             first[1:] in SPAN_STOP):
            return None                                     # "وعلى صعيد متصل،", "وحول الإخوان،": no subject
        a, b = self._span(s)
        if b <= a or b >= len(tokens) or any(c in tokens[b].gap for c in PUNCT) or \
                any(d in tokens[b].gap for d in DASHES) or any(q in tokens[b].gap for q in QUOTES):
            return None
        if not self._plausible(a, b) or not self._person_like(a, b):
            return None
        m = b
        if tokens[m].norm in ("في", "خلال", "عبر"):
            m = next((x for x in range(m + 1, min(len(tokens), m + 5)) if self._verb_like(x)), m)
        if m >= len(tokens) or _conjunction_attached(tokens[m]) or \
                not (match_cue(tokens, m) or self._verb_like(m)):
            return None
        return a, b, m

    def _after_scene(self, tokens: list) -> int:
        """Where a sentence's clause begins after an opening phrase of place, time or occasion:
        after its comma ("ففي بلدة ليبرامونت البلجيكية، | احتج المزارعون"), or at the verb
        after a preposition and its definite nouns ("وخلال الاجتماع | شكر"); 0 if none."""
        if tokens[0].norm not in SCENE_PREPOSITIONS:
            return 0
        m = 1
        while m < min(len(tokens), 4) and tokens[m].norm.startswith("ال"):
            m += 1
        if 1 < m < len(tokens) - 1 and tokens[m].norm not in EMPHATICS and self._verb_like(m) and \
                not any(c in tokens[m].gap + tokens[m + 1].gap for c in PUNCT + "،,"):
            return m
        for m in range(1, min(len(tokens), SCENE_WINDOW)):
            if any(c in tokens[m].gap for c in "،,"):
                return m
            if any(c in tokens[m].gap for c in PUNCT) or match_cue(tokens, m):
                return 0
        return 0

    def _negated_subject(self, i: int, length: int, form: CueForm) -> None:
        """A negated cue states nothing, but its subject is the latest speaker named: "ولم
        يذكر المصدران كيف يعتقدان ..." — يعتقدان is theirs, not an earlier source's."""
        tokens = self.tokens
        if i == 0 or form.kind == "preposition" or tokens[i].quoted:
            return
        word = tokens[i - 1].norm
        if (word[1:] if word[:1] in "وف" else word) not in NEGATIONS:
            return
        a, b = self._span(self._skip_adverbs(i + length))
        b = self._trim_object(a, b)
        if b > a and self._plausible(a, b) and self._person_like(a, b):
            self._hide(self._emit(a, b, i, length, form, via="", resolved="explicit"))

    def _verb_like(self, at: int) -> bool:
        """Whether token ``at`` (a clause's first word) can be a past verb: not a known noun,
        particle, preposition or time word, nor definite (the rules have no dictionary of
        verbs), but a verb whose root begins with ل may look definite (التقى, التزم)."""
        tok = self.tokens[at]
        word = tok.norm[1:] if tok.norm[:1] in "وف" and tok.norm[1:] in LAM_VERBS else bare(tok.norm)
        if word in LAM_VERBS:
            return True
        if len(word) < 3 or word.startswith("ال") or word.startswith(("بال", "لل", "كال")):
            return False
        if word in CLAUSE_STARTERS or word in NOT_FIRST or word in BLOCKERS or word in TIME_WORDS or \
                word in SVO_PARTICLES or word in SPAN_STOP or word in KANA or word in COMPLEMENTIZERS:
            return False
        if _known(word) or no_article(word) in words("given_name") or word in outlet_words() or \
                self._place_at(at, False) or _lam_is_preposition(word) or _statement_noun(word):
            return False
        return not word.endswith(("ة", "ات", "ين", "ون")) and not word.isdigit()

    def _person_like(self, a: int, b: int) -> bool:
        """A span that names a person, a body or an outlet (not a place or a thing)."""
        ws = [bare(t.norm) for t in self.tokens[a:b]]
        kind, _ = classify(ws)
        if not kind or self._place_at(a, False):
            return False
        if kind in ("named_outlet", "unnamed_outlet", "anonymous"):
            return True
        head = no_article(ws[0])
        if head in words("title") or head in words("body") or ws[0] in words("given_name"):
            return True
        cited = {w for r in self.rows if r.explicit_mention for w in r.words if no_article(w) not in _head_words()}
        return any(w in cited for w in ws)

    # --- subjects -----------------------------------------------------------------------

    def _speaker_like(self, a: int, b: int) -> bool:
        """A present-tense cue takes a subject after it only when the subject looks like a
        speaker: a title, body, outlet, unnamed source, country, first name, or a name
        already cited in the article ("ويضيف الكاشف")."""
        ws = [bare(t.norm) for t in self.tokens[a:b]]
        index = 0
        while index < len(ws) - 1 and no_article(ws[index]) in words("quantifier"):
            index += 1
        head = no_article(ws[index])
        if any(head in words(r) for r in ("title", "body", "media", "anonymous", "given_name")):
            return True
        if self._place_at(a, False) or outlet_in(ws, context=False):
            return True
        cited = {w for r in self.rows if r.explicit_mention for w in r.words}
        if ws[index] in cited:
            return True
        if b + 1 < len(self.tokens) and self.tokens[b].norm in AGED and self.tokens[b + 1].norm == "من" and \
                all(_written_name(t) for t in self.tokens[a:b]):
            return True                                     # "وتنفي إليانور ولسون البالغة من العمر 29 عاما"
        if index + 1 < len(ws):
            # "وتنفي إليانور ولسون": two name words that the article wrote before, as words
            first, second = self.tokens[a + index], self.tokens[a + index + 1]
            name = re.escape(self.text[first.start:second.end])
            return _written_name(first) and _written_name(second) and \
                re.search(rf"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])){name}(?!\w)", self.text[:self.tokens[a].start]) is not None
        return False

    def _np_before(self, end: int, *, limit: int = 10, through: bool = False) -> int | None:
        """The start of the noun phrase ending just before token ``end`` (None if none).

        It stops at a boundary word, a preposition, a cue, punctuation, or a word with an
        attached و/ف that is not a known head (وبرز إيهود براك: the phrase is إيهود براك)."""
        tokens = self.tokens
        a = end
        before_lam = None                               # where the phrase began before a title's لل-body
        while a > 0 and end - a < limit:
            tok = tokens[a - 1]
            word = tok.norm
            if through and word in ("في", "من") and a - 1 > 0:
                a -= 1
                continue
            if word in SPAN_STOP or word in COPULAS or word in SVO_PARTICLES or word in CLAUSE_STARTERS or \
                    word in BLOCKERS or word in ("و", "ف", "قد") or _is_ala(tok) or match_cue(tokens, a - 1) or \
                    word[:1] in "وف" and word[1:] in TIME_WORDS:
                break                                       # ("والجمعة دعاهم": a time, not a subject)
            if word[:1] in "وف" and bare(word) != word and not bare(word).startswith("ال") and not _known(bare(word)):
                break
            # "القائد العام | للوحدات الكردية": the لل-phrase after a title (or its adjective)
            # may belong to it; it does only if the phrase then begins with a title (below)
            of_title = word.startswith("لل") and a >= 2 and (
                no_article(bare(tokens[a - 2].norm)) in words("title") or tokens[a - 2].norm in DEFINITE_ADJECTIVES)
            if not of_title and (word in NOT_FIRST or (word[:1] in "وف" and word[1:] in NOT_FIRST) or
                                 _lam_is_preposition(word) or word[:1] in "بك" and word[1:].startswith("ال") or
                                 word.startswith("لل") or word[:1] == "ب" and not word.startswith("باسم") and
                                 _masdar_with_pronoun(word[1:])):
                break                                       # (بشرعيتها: a preposition and its noun;
                                                            # not "المتحدث باسمها", a title's)
            if of_title and before_lam is None:
                before_lam = a
            a -= 1
            if any(c in tok.gap for c in PUNCT + "،,") or any(d in tok.gap for d in DASHES) or \
                    (any(q in tok.gap for q in QUOTES) and not self._short_quote(a)):
                break
        if before_lam is not None and no_article(bare(tokens[a].norm)) not in words("title"):
            a = before_lam                              # "زيارة الوزير | للمدينة": what a visit is for
        if a == end:
            return None
        return a

    def _subject_before(self, i: int, form: CueForm) -> tuple[int, int] | None | bool:
        """A subject written before its verb: (start, end); None if the subject is not
        before it; False if the cue is reported inside another source's words ("قال X إن Y
        أكد"), which is then no attribution of its own."""
        tokens = self.tokens
        if i == 0:
            return None
        gap = tokens[i].gap
        if any(c in gap for c in PUNCT) or any(d in gap for d in DASHES):
            return None
        if any(q in gap for q in QUOTES) and not self._closes_short_quote(i):
            return None
        comma = any(c in gap for c in "،,")
        prev = tokens[i - 1].norm
        if form.tense == "present" and not comma and not _conjunction_attached(tokens[i]) and \
                self._indefinite_accusative(i - 1):
            return False                                    # "حجبت السلطات موقعا ينتقد رئيس الوزراء": a
                                                            # relative clause (a site that criticizes)
        # "X، الذي قال" (unless the relative clause has its own subject: "الذي وصفه الرئيس")
        if prev in RELATIVES and form.tense in ("past", "present") and not comma:
            j = self._skip_adverbs(i + 1)
            a, b = self._span(j)
            if b > a and self._plausible(a, b):
                return None
            if b > a and tokens[a].norm.startswith("ال") and \
                    no_article(bare(tokens[a].norm)) in words("not_source") | words("figures"):
                return False                                # "المملكة التي كشفت الإحصاءات أن": the
                                                            # clause's subject is the figures, a trap
            close = next((m for m in range(i + 1, len(tokens)) if any(c in tokens[m].gap for c in "،,")), None)
            if form.needs and close is not None and \
                    not self._content_at(i + 1, form, strict=form.strict_content, window=close - i - 2):
                return False                                # "X، الذي تحدث في مؤتمر، أكد أن": the content is أكد's
            end = i - 1
            start = self._np_before(end, limit=5)
            if start is not None and self._plausible(start, end) and (form.tense == "past" or
                                                                       self._speaker_like(start, end)):
                return start, end
            return None
        # a copula before the verb is transparent: "لكن الحكومة التركية باتت | تعتبره" (not
        # "وكان يقول": و opens a clause whose subject is hidden)
        copula = prev in COPULAS and prev[:1] not in "وف" and not comma and not _opens(tokens[i - 1])
        end = i - 1 if prev == "قد" or copula else i
        if any(c in tokens[end].gap for c in "،,"):
            found = self._subject_before_relative(end, form, kana=prev == "قد")
            if found is not None:
                return found
        if end == i - 1 and end >= 2 and tokens[end - 1].norm in KANA and not _opens(tokens[end - 1]):
            start = self._np_before(end - 1, limit=10, through=True)
            if start is not None and self._plausible(start, end - 1):
                return start, end - 1                       # "مصدر مسؤول في القنصلية كان قد نفى"
        new_clause = _conjunction_attached(tokens[i])       # وقال: a new clause, its subject after it
        # "وكان X قد قال", "وظل X يصر", "وكان X، …، أشار" (not "الذي ظل يولي …، وأضاف": و opens a clause)
        for c in range(end - 1, end - 1 if new_clause or copula else max(-1, end - 14), -1):
            word = tokens[c].norm
            if word in COPULAS:
                if c + 1 < end and self._plausible(c + 1, end):
                    return c + 1, end
                return None
            if word in SPAN_STOP or word in COMPLEMENTIZERS or any(ch in tokens[c].gap for ch in PUNCT) \
                    or match_cue(tokens, c):
                break
        if tokens[i].norm[:1] == "ف" and new_clause and not comma:
            for c in range(i - 2, max(-1, i - 10), -1):     # "أما وحيد البراق فيقول": أما X فـ
                if any(ch in tokens[c + 1].gap for ch in PUNCT + "،,"):
                    break
                if tokens[c].norm in (_N("أما"), _N("وأما")):
                    if tokens[c + 1].norm not in NOT_FIRST and self._plausible(c + 1, i):
                        return c + 1, i
                    break
        if new_clause or comma:
            return None                                     # وقال: a new clause, subject after
        if end == i and (prev in CLAUSE_STARTERS or prev in COMPLEMENTIZERS or prev in SVO_PARTICLES):
            return None
        for through, limit in ((True, 8), (False, 6), (False, LONG_SUBJECT)):
            start = self._np_before(end, limit=limit, through=through)
            if start is None:
                continue
            if limit == LONG_SUBJECT and not (start == 0 and end - start > 8 and self._speaker_like(start, end)):
                continue                                    # "اللواء سالم المطرفي مدير عام الدفاع المدني
                                                            # بمنطقة مكة المكرمة قال:": a long title opening
                                                            # the sentence
            lead = tokens[start - 1].norm if start > 0 else ""
            opens = start == 0 or _opens(tokens[start]) or lead in SVO_PARTICLES or lead in COMPLEMENTIZERS
            contrast = lead in SVO_PARTICLES or (lead in COMPLEMENTIZERS and start >= 2 and
                                                tokens[start - 2].norm in SVO_PARTICLES)
            editorial = lead in COMPLEMENTIZERS and any(t.norm in EDITORIAL_OPENERS for t in tokens[max(0, start - 3):start - 1])
            if form.tense == "present" and start != 0 and not (contrast or editorial):
                opens = False                               # "X يؤكد": only a headline or standfirst
                                                            # (but "غير أن خبراء يشككون")
            if not opens:
                continue
            if lead in COMPLEMENTIZERS and not contrast and \
                    any(match_cue(tokens, c) and tokens[c].norm not in EDITORIAL_OPENERS for c in range(0, start - 1)):
                return False                                # "قال X إن Y أكد": Y is reported, not cited
                                                            # (but "يذكر أن Y أعلن": the writer's fact)
            if self._plausible(start, end):
                return start, end
        return None

    def _subject_before_relative(self, end: int, form: CueForm, *, kana: bool) -> tuple[int, int] | bool | None:
        """A subject set off from its verb by a relative clause between commas: "وكان رئيس
        الوزراء، الذي يزور طهران، قد قال" (``kana``: the verb follows قد, the subject كان),
        "رئيس البرلمان، الذي التقى السفير أمس، قال" (the subject opens the clause)."""
        tokens = self.tokens
        for c in range(end - 1, max(0, end - 16), -1):
            if any(ch in tokens[c + 1].gap for ch in PUNCT) or any(d in tokens[c + 1].gap for d in DASHES):
                return None
            if tokens[c].norm in RELATIVES and any(ch in tokens[c].gap for ch in "،,"):
                break
        else:
            return None
        if c < 1:
            return None
        if kana:
            for k in range(c - 1, max(-1, c - 12), -1):
                word = tokens[k].norm
                if word in KANA:
                    return (k + 1, c) if k + 1 < c and self._plausible(k + 1, c) else None
                if word in SPAN_STOP or any(ch in tokens[k].gap for ch in PUNCT) or match_cue(tokens, k):
                    return None
            return None
        start = self._np_before(c, limit=8, through=True)
        if start is None or not self._plausible(start, c) or not self._person_like(start, c):
            return None
        lead = tokens[start - 1].norm if start > 0 else ""
        if lead in COMPLEMENTIZERS and any(match_cue(tokens, m) for m in range(0, start - 1)):
            return False                                    # "قال X إن Y، الذي ...، أكد": Y is reported
        if start == 0 or _opens(tokens[start]) or lead in SVO_PARTICLES:
            return start, c
        return None

    def _closes_short_quote(self, i: int) -> bool:
        """A quotation mark before token i closes a short quoted name ("فيلق القدس" حث)."""
        tokens = self.tokens
        for m in range(i - 1, max(-1, i - 5), -1):
            if any(q in tokens[m].gap for q in QUOTES):
                return True
        return False

    def _plausible(self, a: int, b: int) -> bool:
        """Whether tokens a..b-1 can be a speaker (not evidence, a rule, a pronoun)."""
        ws = [t.norm for t in self.tokens[a:b]]
        if not ws or len(ws) > PLAUSIBLE_WORDS:
            return False
        if any(w in SPAN_STOP or w in COMPLEMENTIZERS for w in ws):
            return False
        kind, _ = classify(ws)
        if not kind:
            return False
        head = no_article(bare(ws[0]))
        if ws[-1].endswith(("ه", "ها", "هم")) and len(ws) == 1 and head not in words("anonymous"):
            return False
        return True
