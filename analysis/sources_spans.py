"""Subject spans: the tokens that form a cue's subject, and where the span ends.

A span ends at a complementizer, a colon or quotation, the cue's preposition, a relative
pronoun, a time word, "في بيان", a statement to an outlet, a participle or an adverb, an
indefinite accusative noun or a comma that does not open an apposition; it takes an outlet's
name or a place whole.  The methods are those of :class:`SpanRules`, a mixin of
:class:`analysis.sources_rules.DocumentReader`; where the object begins is in
:mod:`analysis.sources_objects`.
"""

from __future__ import annotations

from .lexicon import zipf
from .sources_cues import match_cue, _blocked
from .sources_lexicon import (
    COPULAS, NEWS_WORDS,
    no_article, outlet_variants, outlet_words, place_phrases, words, QUOTES, OPEN_QUOTES, PUNCT, COMPLEMENTIZERS,
    TIME_WORDS, TIME_PHRASES, SPAN_STOP, NOT_FIRST, CONSTRUCT_HEADS, TITLE_PREPOSITIONS, ANY_WORDS, ANONYMITY_VERBS, IN_STOP,
    LIST_MARKERS, PRONOUN_SPANS, NAME_PARTICLES, TITLE_PLACE_PREPOSITIONS, CALLED_WORDS,
)
from .sources_entities import is_name
from .sources_outlets import outlet_in
from .sources_words import (
    _N, bare, strip_lam, _prep_b, _statement_noun, _masdar_with_pronoun, _head_words, _lam_is_preposition,
    _ends_in_accusative, _is_ala, _opens, Token,
)

#: A source span has at most this many words.
MAX_SPAN = 14
#: How many words after a title without a name a person's first name may begin (``_name_after``).
NAME_AFTER_WINDOW = 8
#: A common indefinite word right after a subject span (قرار, بيان) starts an object: no name
#: after it is the subject's (``_name_after``).
OBJECT_WORD_ZIPF = 4.0
#: A word after ب this common opens the cue's own ب phrase after the subject (``_cue_b``).
CUE_B_ZIPF = 3.0
#: After the name علي, a definite word this rare is a family name ("علي الأحمد"), not what
#: the preposition على governs ("على الرغم", "على الحكومة").
ALI_FAMILY_ZIPF = 3.5
#: A ل word in ة whose stem is this common is a purpose's masdar after a name ("لرؤية",
#: "لزيارة", "لمناقشة"), not part of it (لطيفة, لجنة are no ل + stem).
PURPOSE_ZIPF = 4.0


def _family_nisba(word: str) -> bool:
    """A definite nisba after a first name is the family's ("محمد القرني", "سعد المصري"),
    not a nationality."""
    return word.startswith("ال") and word.endswith("ي") and len(word) > 4 and \
        no_article(word) not in words("title")


def _name_part(word: str) -> bool:
    """A word that goes on a person's name after its first word: a particle (بن, آل, أبو), a
    first name or a rare word (:func:`~analysis.sources_entities.is_name`, looser than
    :func:`~analysis.sources_words._name_word`)."""
    return word in NAME_PARTICLES or word in words("given_name") or (is_name(word) and not word.startswith(
        ("بال", "لل", "كال", "وال", "فال")))


#: The most words a body's or an outlet's quoted name may have: نقابة "أيه إف إل-سي آي أو".
QUOTED_NAME_WORDS = 8


def _describing_participle(tokens, k: int) -> bool:
    """A definite participle and its preposition that describe a name just closed (موقع "X" |
    المعني بمتابعة, شركة "X" | المشغلة للقطار), not a nisba that is part of it (البريطانية)."""
    word = tokens[k].norm
    nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    return word.startswith("الم") and len(word) > 4 and no_article(word) not in words("body") and \
        no_article(word) not in words("title") and (nxt in ("في", "عن", "علي", "من") or
                                                    nxt[:1] in "بل" and len(nxt) > 3)


class SpanRules:
    """Where a subject span after a cue begins and ends: ``_span`` and ``_boundary`` (see the
    paragraph "A subject span ends at ..." of :mod:`analysis.sources_rules`).

    A mixin of :class:`~analysis.sources_rules.DocumentReader`: it reads the reader's
    ``tokens`` (the sentence), ``text`` and ``rows`` (the sources found so far)."""

    def _skip_adverbs(self, j: int, *, within: bool = False) -> int:
        """Token j, or the first token after the time words and phrases at j ("أمس",
        "للمرة الأولى"; with ``within``, also "في منتصف أغسطس")."""
        tokens = self.tokens
        while j < len(tokens) and not any(c in tokens[j].gap for c in PUNCT):
            if tokens[j].norm in TIME_WORDS:
                j += 1
                if j < len(tokens) and tokens[j - 1].norm == "يوم":
                    j += 1
            elif _time_phrase(tokens, j) and (within or tokens[j].norm not in ("في", "وفي")):
                # "وطالبت للمرة الثانية النقابات"; with ``within``, "في منتصف أغسطس" too (with
                # its genitive: what follows is the object; as a subject "في" begins none)
                j += 3 if tokens[j].norm in ("في", "وفي") and j + 2 < len(tokens) and \
                    not any(c in tokens[j + 2].gap for c in PUNCT) else 2
            else:
                break
        if j + 1 < len(tokens) and tokens[j].norm in (_N("بداية"), _N("ابتداء")) and (
                tokens[j + 1].norm in words("given_name") or no_article(tokens[j + 1].norm) in _head_words()):
            j += 1                                            # "قال بداية بدر العتيبي" (not "بداية حزيران")
        return j

    def _span(self, j: int, *, relay: bool = False, describe: bool = False, preposition: bool = False,
              lead_lam: bool = False, preps: frozenset[str] = frozenset(), after_name: bool = False) -> tuple[int, int]:
        """Tokens j..k-1 form the subject (k == j: none); ``after_name``: a quoted name
        closes before token j (لـ"سكاي نيوز عربية" المحلل), so its mark opens nothing."""
        tokens = self.tokens
        n = len(tokens)
        if j >= n:
            return j, j
        first = tokens[j]
        if first.quoted or ":" in first.gap or (any(q in first.gap for q in OPEN_QUOTES) and not after_name and not
                                                 self._short_quote(j)):
            return j, j
        word = first.norm
        if word in SPAN_STOP or word in PRONOUN_SPANS or word in NOT_FIRST or word in COPULAS or _is_ala(first) or word == "الي" or \
                word[:1] in "وف" and word[1:] in COMPLEMENTIZERS:
            if not self._ali_named(j, preps):
                return j, j
        if (word.startswith(("بال", "كال")) or (word[:1] == "ب" and not lead_lam and _prep_b(word))) and \
                not self._place_at(j, False):
            return j, j                                       # تطالب بالحرية, هدد بالاستقالة
        if not lead_lam and not preposition and _lam_is_preposition(word):
            return j, j
        if self._circumstantial(j):
            return j, j                                       # "وتابعت متحمسة: «...»": how, not who
        if (match_cue(tokens, j) and not self._noun_not_cue(j)) or \
                self._boundary(j, relay=relay, describe=describe, preposition=preposition, start=j, preps=preps):
            return j, j
        place = self._place_at(j, lead_lam)
        if place:
            k = j + place
            while k < n and not _opens(tokens[k]) and tokens[k].norm.startswith("ال") and \
                    tokens[k].norm.endswith(("ي", "ية")) and tokens[k].norm not in SPAN_STOP and tokens[k].norm != "الي":
                k += 1                                        # its adjectives (not "إيران | التي", "تركيا | إلى")
            return j, k
        inside = sum(first.gap.count(q) for q in QUOTES) % 2 == 1    # a short quoted name opened
        opened = j
        k = j + 1
        if k < n and not preposition and self._completes_name(j, k):
            return j, k
        while k < n and k - j < MAX_SPAN:
            tok = tokens[k]
            if "(" in tok.gap:
                end = self._parenthesis(k)
                if end:
                    k = end
                    continue
            if any(c in tok.gap for c in PUNCT):
                break
            through = self._outlet_through(j, k)
            if through:
                k = through                                   # سي إن إن: إن is the name's, not "that"
                continue
            quotes = sum(tok.gap.count(q) for q in QUOTES)
            if quotes:
                # a quotation opening right after an indefinite body's or outlet's noun that
                # begins the subject (or follows its preposition): the name
                named = not inside and (k - 1 == j or k - 2 >= j and tokens[k - 2].norm in ("في", "من")) and \
                    self._named_quote(k)
                if tok.quoted and not named:
                    break
                if inside:                                    # the short name closes: go on
                    inside = quotes % 2 == 0
                    if not inside and self._quoted_person_ends(j, opened, k):
                        break                                 # وحثّ "الجاسر" | الجميع
                elif (self._short_quote(k) and tokens[k].norm != _N("غير")) or \
                        outlet_in([t.norm for t in tokens[k:k + 4]], context=True) or named:
                    # (a quoted predicate, not a name: اعتبرته هافانا | "غير مبرر"; but "لا ريبوبليكا")
                    inside = quotes % 2 == 1
                    opened = k
                    if inside and (no_article(bare(tokens[k - 1].norm)) in words("media") or named or
                                   k - 2 >= j and tokens[k - 1].norm in NEWS_WORDS and
                                   no_article(bare(tokens[k - 2].norm)) in words("media")):
                        k = self._quote_end(k, limit=QUOTED_NAME_WORDS)   # موقع "إن كي ووتش", وكالة أنباء "أي أن آي":
                        if k < n and _describing_participle(tokens, k):   # the name, whatever its words
                            break                             # (then "المعني بمتابعة …" describes it)
                        continue
                else:
                    break
            if "،" in tok.gap or "," in tok.gap:
                nxt = self._apposition(k, relay=relay, preposition=preposition, preps=preps)
                if nxt is None:
                    break
                k = nxt
                continue
            if tok.norm in ("لم", "لا") and k + 1 < n and tokens[k + 1].norm in ANONYMITY_VERBS and \
                    no_article(bare(tokens[j].norm)) in words("anonymous"):
                k = self._anonymity_end(k)                  # "مصادر لم تكشف عن هويتها"
                break
            if self._boundary(k, relay=relay, describe=describe, preposition=preposition, start=j, preps=preps):
                break
            if self._object_starts(k, j) or self._after_unnamed_head(k, j):
                break
            word = tok.norm
            if word.startswith("م") and word.endswith("ا") and len(word) >= 5 and zipf(word[:-1]) >= 3.0 and \
                    not preposition and word not in words("given_name"):
                break                                         # "وقال روزنستاين متحدثا": a participle
                                                              # (not "مكتب ميلانيا ترامب": a name)
            if tokens[k - 1].norm.startswith("ال") and not word.startswith("ال") and self._place_at(k, False) and \
                    tokens[k - 1].norm not in CONSTRUCT_HEADS:
                break                                         # "واتهم الرئيس الأمريكي | إيران"
            if word.startswith("ل") and not word.startswith("لل") and zipf(word[1:]) < 2.0 and zipf(word) < 2.0 \
                    and not preposition and len(word) > 3:
                break                                         # "قال الوزير لايموجين": to someone
            if word.startswith("ل") and not word.startswith("لل") and not preposition and \
                    _lam_is_preposition(word) and _masdar_with_pronoun(word[1:]):
                break                                         # "قال الوزير | لنظيره": to someone, not a name
            if word.startswith("لل") and not preposition and no_article(strip_lam(word)) in words("title") and \
                    is_name(tokens[k - 1].norm) and any(t.norm in words("given_name") for t in tokens[j:k]):
                break                                         # "اعتذر الرئيس دونالد ترامب | للقاضي بريت
                                                              # كافانو": to someone, after a full name
            if word.startswith("ل") and not word.startswith("لل") and word.endswith("ة") and not preposition and \
                    _lam_is_preposition(word) and zipf(word[1:]) >= PURPOSE_ZIPF and k > j and \
                    not tokens[k - 1].norm.startswith(("ال", "لل", "بال")) and not _lam_is_preposition(tokens[k - 1].norm) \
                    and is_name(tokens[k - 1].norm):
                break                                         # "ذهبت تشاريتي | لرؤية باريس": a purpose,
                                                              # no name goes on with ل and a masdar
            k += 1
            if k < n and not preposition and self._completes_name(j, k):
                break
        while k > j + 1 and tokens[k - 1].norm in ("و", "ف", "في", "من", "عن", "الي", "علي", "مع", "ل", "ب") and \
                (tokens[k - 1].norm != "علي" or _is_ala(tokens[k - 1])):
            k -= 1                                            # "هولاند في": not the name's end (علي is one)
        return j, k

    def _name_after(self, a: int, b: int, form) -> int:
        """Where a subject span (a, b) that names no person yet ends when a person's name (a
        known first name, or two rare words) follows its title within
        :data:`NAME_AFTER_WINDOW` words and closes the subject: "وقال المتحدث الرسمي باسم
        مركز الملك سلمان للإغاثة والأعمال | الإنسانية رأفت الصباغ إن" (then the cue's
        complementizer, a colon, a comma or the cue's preposition; not
        "توعد رئيس الوزراء | إيران وحزب الله", a place, nor "أشاد الرئيس | بزعيم كوريا", a
        preposition's noun); b if there is none."""
        tokens = self.tokens
        if b <= a or b >= len(tokens) or no_article(bare(tokens[a].norm)) not in words("title") or \
                _name_part(tokens[b - 1].norm) and any(self._name_begins(k) for k in range(max(a, b - 4), b)):
            return b                                        # it ends in a name already
        k = b
        while k < min(len(tokens) - 1, b + NAME_AFTER_WINDOW):
            tok = tokens[k]
            if any(c in tok.gap for c in PUNCT + "،,") and (k > b or any(c in tok.gap for c in PUNCT)) or \
                    any(q in tok.gap for q in QUOTES) and k > b:
                return b                                    # (at b: a comma or a quote closing the span)
            if tok.norm in TITLE_PLACE_PREPOSITIONS and not any(c in tokens[k + 1].gap for c in PUNCT + "،,"):
                place = self._place_at(k + 1, False)
                if not place:                               # a region or a body: one or two definite words
                    while place < 2 and k + 1 + place < len(tokens) and \
                            tokens[k + 1 + place].norm.startswith("ال") and \
                            no_article(bare(tokens[k + 1 + place].norm)) not in words("title") and \
                            not any(c in tokens[k + 1 + place].gap for c in PUNCT + "،,"):
                        place += 1
                if place:                                   # "مبعوث الأمم المتحدة | إلى الشرق الأوسط نيكولاي
                    k += 1 + place                          # ملادينوف": where the title is held
                    continue
            if tok.norm in COMPLEMENTIZERS or tok.norm in SPAN_STOP or tok.norm in NOT_FIRST or match_cue(tokens, k):
                return b
            if k == b and not tok.norm.startswith("ال") and tok.norm[:1] not in "وفبلك" and \
                    zipf(tok.norm) >= OBJECT_WORD_ZIPF and not self._name_begins(k) or \
                    tok.norm.startswith("لل") and no_article(strip_lam(tok.norm)) in words("audience"):
                return b                                    # "وانتقد الرئيس | قرار الوزير أحمد سالم": an
                                                            # object; "وقال الوزير | للصحفيين": an audience
            if not self._name_begins(k):
                k += 1
                continue
            e = self._name_end(k + 1, k + 5, lambda m: _is_ala(tokens[m]) or tokens[m].norm in form.preps)
                                                            # (not the preposition على, written علي)
            if e < len(tokens) and (any(c in tokens[e].gap for c in ":،,") or tokens[e].norm in COMPLEMENTIZERS or
                                    tokens[e].norm in form.preps or _is_ala(tokens[e]) and "علي" in form.preps):
                return e
            return b
        return b

    def _called_name(self, b: int) -> int:
        """Where a subject ends that goes on "يدعى" / "تدعى" / "اسمه" and a name ("مواطن يدعى
        أجيت ساني", "امرأة تدعى فاطمة"): after the name's words; b if none follows."""
        tokens = self.tokens
        if b + 1 >= len(tokens) or tokens[b].norm not in CALLED_WORDS or \
                any(c in tokens[b + 1].gap for c in PUNCT + "،,") or not _name_part(tokens[b + 1].norm):
            return b
        return self._name_end(b + 2, b + 5, lambda m: tokens[m].norm in COMPLEMENTIZERS or bool(match_cue(tokens, m)))

    def _name_end(self, e: int, limit: int, stop) -> int:
        """Where a person's name that goes on at token e ends: after its further words (a
        particle, a first name, a rare word or a family nisba, :func:`_name_part`,
        :func:`_family_nisba`), before ``limit``, punctuation or a token ``stop`` (an index
        predicate) accepts."""
        tokens = self.tokens
        while e < min(len(tokens), limit) and not any(c in tokens[e].gap for c in PUNCT + "،,") and not stop(e) and \
                (_name_part(tokens[e].norm) or _family_nisba(tokens[e].norm)):
            e += 1
        return e

    def _name_begins(self, k: int) -> bool:
        """Whether token k begins a person's name: a known first name, or a rare word before
        another name word ("رأفت الصباغ"), not a place, not in the accusative, with no article
        and no letter that may be a preposition or conjunction (ب, ل, ك, و, ف, س)."""
        tokens = self.tokens
        word = tokens[k].norm
        if word in words("given_name"):
            return True
        if k + 1 >= len(tokens) or word.startswith("ال") or any(c in tokens[k + 1].gap for c in PUNCT + "،,"):
            return False
        if word[:1] in "بلكوفس" or _ends_in_accusative(tokens[k]) or self._indefinite_accusative(k) or \
                word[:1] == "م" and word.endswith("ا") or self._place_at(k, False):
            return False                                    # بزعيم, لمجلة, وحزب: a prefix and its noun;
                                                            # مؤتمرا, متأثرا: an object or a
                                                            # participle (a known name may: فيصل)
        nxt = tokens[k + 1].norm
        return is_name(word) and nxt not in COMPLEMENTIZERS and _name_part(nxt) and \
            not (nxt[:1] in "وف" and nxt not in words("given_name"))

    def _cue_b(self, k: int) -> bool:
        """After a subject, ب + a common word is the cue's own ب phrase when the cue takes ب
        ("وندد منصور | بوحشية الجيش", "توعد أردوغان | بشن عمليات": a doubled root of two
        letters, if common): the word without ب is commoner than with it, and it is
        no name, head noun or place (باسم, بوزارة, بمنطقة go on: "المتحدث باسم الحكومة")."""
        word = self.tokens[k].norm
        rest = word[1:]
        return (len(rest) >= 3 or len(rest) == 2 and zipf(rest) >= 4.0) and rest != _N("اسم") and \
            zipf(rest) >= CUE_B_ZIPF and zipf(rest) > zipf(word) and \
            rest not in words("given_name") and no_article(rest) not in _head_words() and \
            not self._place_at(k, True)

    def _ali_named(self, j: int, preps: frozenset[str]) -> bool:
        """The name علي (written with its ي, as على is not) as a subject: "وقال علي في تغريدة
        له إن", "وقال علي: …", "وقال علي شايف الحريري" — not a cue's own preposition written
        with ي ("أكد علي ضرورة"): a preposition, a complementizer, a colon or a comma follows, or
        a rare name."""
        tokens = self.tokens
        if tokens[j].norm != "علي" or _is_ala(tokens[j]) or "علي" in preps or j + 1 >= len(tokens):
            return False
        nxt = tokens[j + 1]
        return any(c in nxt.gap for c in ":،,") or nxt.norm in COMPLEMENTIZERS or nxt.norm in ("في", "عبر", "ل") or \
            is_name(nxt.norm) and nxt.norm not in SPAN_STOP and not nxt.norm.startswith("ال") or \
            nxt.norm.startswith("ال") and zipf(nxt.norm) < ALI_FAMILY_ZIPF

    def _noun_not_cue(self, j: int) -> bool:
        """A cue's form written as a head noun or a first name where a subject begins ("وقال
        طالب في كلية الطب", "وقالت أمل"): the subject, not a second verb."""
        tok = self.tokens[j]
        word = tok.norm
        if word[:1] in "وف" or any(c in tok.gap for c in PUNCT + "،,"):
            return False
        return no_article(word) in words("anonymous") or no_article(word) in words("title") or \
            word in words("given_name")

    def _circumstantial(self, j: int) -> bool:
        """An indefinite participle right after the verb and right before its content tells
        how the speaker spoke ("وتابعت متحمسة:", "وقال مبتسما إن"), not who: not a head
        noun (متحدثة باسم …), and the content follows at once."""
        tokens = self.tokens
        word = tokens[j].norm
        if not (word.startswith("م") and word.endswith(("ة", "ا")) and len(word) >= 5) or \
                no_article(bare(word)) in _head_words() or word in words("given_name"):
            return False
        if zipf(word) >= 4.5:
            return False                                      # a common noun (مصادر, مدينة), not a manner
        if j + 1 == len(tokens):
            return False
        nxt = tokens[j + 1]
        return ":" in nxt.gap or any(q in nxt.gap for q in QUOTES) or nxt.norm in COMPLEMENTIZERS

    def _first_name_not_cue(self, k: int) -> bool:
        """A first name written like a cue inside a subject, before its family name: "قالت
        الممثلة الجزائرية أمل | بوشوشة إنها" (not "الوزير أمل أن", "أمل في")."""
        tokens = self.tokens
        tok = tokens[k]
        if tok.norm not in words("given_name") or k + 1 >= len(tokens) or any(c in tok.gap for c in PUNCT + "،,"):
            return False
        nxt = tokens[k + 1]
        return not (nxt.norm in COMPLEMENTIZERS or nxt.norm.startswith(("ال", "بال", "لل", "وال")) or
                    nxt.norm in ("في", "من", "على", "علي", "الي", "عن") or any(c in nxt.gap for c in PUNCT + "،,")
                    or _opens(nxt) or match_cue(tokens, k + 1) is not None)

    def _named_quote(self, k: int) -> bool:
        """A quotation opening before token k, right after a body's or an outlet's indefinite head noun,
        that closes within :data:`QUOTED_NAME_WORDS` words: the body's name, whatever its
        words (نقابة "أيه إف إل-سي آي أو")."""
        word = bare(self.tokens[k - 1].norm) if k else ""
        if word.startswith("ال") or word not in words("body") and word not in words("media"):
            return False                                    # (a definite head, then a quotation: what
                                                            # "الحزب" said or asked for)
        end = self._quote_end(k, limit=QUOTED_NAME_WORDS)
        if end == k + 1 and not (k + 1 < len(self.tokens) and any(q in self.tokens[k + 1].gap for q in QUOTES)):
            return False
        return not any((t.norm in COMPLEMENTIZERS and not (t.norm == "بان" and not self.tokens[m - 1].norm.startswith("ال")))
                       or match_cue(self.tokens, m)       # ("دويتشه بان": a name's word)
                       for m, t in enumerate(self.tokens[k + 1:end], k + 1))   # (not a quotation left open: قناة
                                                                     # "الإخبارية السعودية الرسمية بأن "…)

    def _quote_end(self, k: int, *, limit: int = 4) -> int:
        """The token after a short quotation that opens before token k (k + 1 if it does
        not close within ``limit`` words)."""
        for m in range(k + 1, min(k + 1 + limit, len(self.tokens))):
            if any(q in self.tokens[m].gap for q in QUOTES):
                return m
        return k + 1

    def _outlet_through(self, j: int, k: int) -> int:
        """The end of an outlet's name that begins in tokens j..k-1 and goes on past k (its
        words may look like stop words: "سي إن إن"), 0 if none."""
        tokens = self.tokens
        media_before = no_article(bare(tokens[k - 1].norm)) in words("media")
        for s in range(max(j, k - 3), k + 1 if media_before else k):   # شبكة "إن بي سي": from k on
            for variant, _, _ in outlet_variants():
                size = len(variant)
                if size < 2 or s + size <= k or s + size > len(tokens):
                    continue
                first = bare(tokens[s].norm)
                if variant[0] in (first, strip_lam(first)) and tuple(t.norm for t in tokens[s + 1:s + size]) == \
                        variant[1:] and not any(_opens(t) for t in tokens[s + 1:s + size]):
                    return s + size                       # (written with ل: "لعين اليوم")
        return 0

    def _completes_name(self, j: int, k: int) -> bool:
        """Whether tokens j..k-1 end where an earlier mention of the article ends, with a
        name (so "وحث ترامب | رجال الدين" stops after the name)."""
        last = self.tokens[k - 1].norm
        if last in words("given_name") or no_article(last) in _head_words() or last.startswith("ال"):
            return False
        nxt = self.tokens[k].norm
        if nxt.startswith("ال") and nxt.endswith(("ي", "ية")):
            return False
        for row in self.rows:
            if row.explicit_mention and row.words and row.words[-1] == last and \
                    row.source_type == "named_person_or_body" and \
                    no_article(bare(row.words[0])) not in words("body") and \
                    (no_article(bare(row.words[0])) in words("title") or row.words[0] in words("given_name")):
                return True
        return False

    def _anonymity_end(self, k: int) -> int:
        """The end of "لم تكشف عن هويتها", "لم تسمها", "رفض الكشف عن اسمه"."""
        tokens = self.tokens
        m = k + 2
        if m < len(tokens) and tokens[m].norm == "عن" and not _opens(tokens[m]):
            m += 1
        if m < len(tokens) and not _opens(tokens[m]) and tokens[m].norm.endswith(("ها", "ه", "هم")) and \
                tokens[m].norm not in COMPLEMENTIZERS:
            m += 1
        return m

    def _parenthesis(self, k: int) -> int:
        """A name in parentheses after an outlet or a body ("وكالة الأنباء الروسية (تاس)",
        "حركة (حماس)", "لحزب (الدعوة)"): the token after it, 0 if none."""
        tokens = self.tokens
        before = no_article(bare(strip_lam(tokens[k - 1].norm))) if k > 0 else ""
        for m in range(k + 1, min(k + 4, len(tokens) + 1)):
            closing = tokens[m].gap if m < len(tokens) else self.text[tokens[-1].end:tokens[-1].end + 2]
            if ")" in closing:
                inside = [t.norm for t in tokens[k:m]]
                if outlet_in(inside, context=True):
                    return m
                if before in words("body") and not any(w in COMPLEMENTIZERS or w.isdigit() for w in inside) \
                        and not match_cue(tokens, k):
                    return m
                return 0
        return 0

    def _place_at(self, j: int, lead_lam: bool) -> int:
        """The number of tokens of a country or capital at token j (0 if none)."""
        tokens = self.tokens
        for phrase in place_phrases():
            size = len(phrase)
            got = tuple(t.norm for t in tokens[j:j + size])
            if lead_lam and got:
                got = (strip_lam(got[0]),) + got[1:]
            if len(got) == size and (got == phrase or (bare(got[0]),) + got[1:] == phrase):
                return size
        return 0

    def _quoted_person_ends(self, j: int, opened: int, k: int) -> bool:
        """Whether a span from token j ends where a quoted name, opened before token
        ``opened``, closes before token k: a person's name quoted alone or after titles only
        (وحثّ "الجاسر" | الجميع, وحث الدكتور "العمّار" | الطلاب), unless an adjective or an
        apposition follows.  A body's or outlet's quoted name goes on (رئيس ميليشيات "عصائب
        أهل الحق" قيس الخزعلي, مجموعة «برنامج نونهيومان» لحقوق الحيوان), and so does an
        outlet's."""
        tok = self.tokens[k]
        if any(c in tok.gap for c in "،,") or tok.norm.startswith("ال") and tok.norm.endswith(("ي", "ية", "يه")) or \
                outlet_in([t.norm for t in self.tokens[opened:k]], context=False):
            return False                                      # (an outlet's name: لـ"سكاي نيوز عربية" المحلل)
        return all(no_article(bare(t.norm)) in words("title") for t in self.tokens[j:opened])

    def _short_quote(self, k: int) -> bool:
        """A quotation mark before token k opens a short quoted name (صحيفة "الشرق الأوسط"):
        another one follows within four words."""
        tokens = self.tokens
        last = min(k + 3, len(tokens) - 1)
        stretch = self.text[tokens[k].start:tokens[last].end + 2]
        return any(q in stretch for q in QUOTES)

    def _boundary(self, k: int, *, relay: bool, describe: bool, preposition: bool, start: int,
                  preps: frozenset[str] = frozenset()) -> bool:
        """Whether token k ends a subject span that began at ``start``."""
        tokens = self.tokens
        tok = tokens[k]
        word = tok.norm
        if word in SPAN_STOP and not (relay and word == "عن") and not self._title_goes_on(k, start):
            return True
        if word[:1] in "وف" and word[1:] in COMPLEMENTIZERS:
            return True                                       # فإنه, وأنها
        if k > start and _time_phrase(tokens, k):
            return True                                       # "… الديمقراطية | للمرة الأولى", "| العام الماضي"
        if k > start and tok.surface in ANY_WORDS:
            return True                                       # "نفى X | أي علاقة"
        if (_is_ala(tok) and not self._title_goes_on(k, start)) or word == "الي":
            return True
        if preps and ((word in preps and (word != "علي" or _is_ala(tok))) or
                      any(len(p) == 1 and (word == p or word.startswith(p + "ال") or
                                           (p == "ب" and word.startswith("ب") and (_prep_b(word) or k > start and
                                                                                   self._cue_b(k)))) for p in preps)):
            return True                                       # حذر X من, طالب X بالإفراج, ندد X بوحشية
        if word == "من" and k + 1 < len(tokens) and tokens[k + 1].norm in (
                "جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "جهتهم", "جانبهم"):
            return True
        if word in ("في", "وفي") and k + 1 < len(tokens) and _statement_noun(tokens[k + 1].norm):
            return True                                       # في بيان, في حواره, في تصريحاته
        if k > start and len(word) > 4 and word.endswith(("ه", "ها", "هم", "هما")) and not word.startswith("ال") \
                and no_article(bare(word)) not in _head_words() and word not in words("given_name") and \
                word[:1] not in "لبوف" and word not in LIST_MARKERS and _masdar_with_pronoun(word) and \
                not (tokens[k - 1].norm in words("title") and not tokens[k - 1].norm.startswith("ال")):
            return True                                       # "نفى بينالا | ارتكابه", "أبدى ترامب | سروره"
                                                              # (but "وزير خارجيته": a title's genitive)
        if _ends_in_accusative(tok):
            return True
        if word.endswith("ا") and no_article(word[:-1]) in words("document"):
            return True                                       # أصدر X بيانا
        if k > start and self._indefinite_accusative(k):
            return True                                       # "واستقبل رئيس الوزراء | وفدا"
        found = match_cue(tokens, k)
        if found and not _blocked(tokens, k, found[0]) and not (k == start and self._noun_not_cue(k)) and \
                not (k > start and self._first_name_not_cue(k)):
            return True
        if k - start >= 2 and self._starts_new_phrase(k):
            return True
        if describe and word.startswith("ب") and word != _N("باسم") and \
                (word[1:].startswith("ال") or zipf(word[1:]) > zipf(word)):
            return True                                       # وصفه المسؤولون بمحاولة اغتيال
        if not preposition and self._dative(word, k):
            return True
        return False

    def _title_goes_on(self, k: int, start: int) -> bool:
        """لدى after an envoy's title, عن after a representative's, belongs to it: "السفير
        الروسي لدى الأمم المتحدة", "النائب عن ائتلاف دولة القانون"."""
        titles = TITLE_PREPOSITIONS.get(self.tokens[k].norm)
        if titles is None or k + 1 >= len(self.tokens) or _opens(self.tokens[k + 1]):
            return False
        return any(no_article(bare(t.norm)) in titles for t in self.tokens[max(start, k - 3):k])

    def _apposition(self, k: int, *, relay: bool, preposition: bool,
                    preps: frozenset[str] = frozenset()) -> int | None:
        """After a comma at token k: the end of an apposition (a name or title) that belongs
        to the subject, or None when the comma ends the subject."""
        tokens = self.tokens
        n = len(tokens)
        first = tokens[k].norm
        if first in NOT_FIRST or first.isdigit() or first.startswith(("بال", "لل")) or first in PRONOUN_SPANS or \
                first in TIME_WORDS or _time_phrase(tokens, k):
            return None                                       # "، العام الماضي،": when, not who
        if first == _N("أول") and k + 1 < n and (tokens[k + 1].norm in TIME_WORDS or tokens[k + 1].norm == "من"):
            return None                                       # "، أول أمس": when, not who
        m = k
        while m < n and m - k < 6:
            if m > k and any(c in tokens[m].gap for c in PUNCT + "،," + QUOTES):
                break
            if self._boundary(m, relay=relay, describe=False, preposition=preposition, start=k, preps=preps) or \
                    tokens[m].norm in PRONOUN_SPANS or any(ch.isdigit() for ch in tokens[m].norm):
                break
            m += 1
        if m == k or m - k > 5 or m >= n:
            return None
        nxt = tokens[m]
        if ":" in nxt.gap:
            return m
        if nxt.norm in COMPLEMENTIZERS or self._dative(nxt.norm, m) or nxt.norm in TIME_WORDS:
            return m
        if nxt.norm in ("في", "وفي") and m + 1 < n and bare(tokens[m + 1].norm) in IN_STOP:
            return m
        if any(c in nxt.gap for c in "،,") and (nxt.norm in COMPLEMENTIZERS or match_cue(tokens, m)):
            return m
        segment = [t.norm for t in tokens[k:m]]
        if any(c in nxt.gap for c in "،,") and m - k <= 3 and (segment[0] in words("given_name") or
                                                              all(zipf(w) < 3.5 for w in segment)):
            return m                                          # "اتهمت الوزيرة، فلورنس بارلي، روسيا"
        return None

    def _dative(self, word: str, at: int) -> bool:
        """ل + a media noun, an outlet or an audience: "لوكالة الأناضول", "للصحفيين"; ``word``
        is token ``at``'s.  A body's noun that begins an outlet's name (هيئة الإذاعة البريطانية)
        counts only if the name follows ("الأمين العام لهيئة الإغاثة" goes on)."""
        if not word.startswith("ل") or len(word) < 3:
            return False
        rest = strip_lam(word)
        bare_rest = no_article(rest)
        if bare_rest in words("media") or bare_rest in words("audience") or rest in words("audience"):
            return True
        if rest not in outlet_words() and word[1:] not in outlet_words():
            return False
        if bare_rest in words("body"):
            after = [t.norm for t in self.tokens[at + 1:at + 4]]
            return bool(outlet_in([rest] + after, context=True)) or \
                bool(after) and no_article(bare(after[0])) in words("media")    # لهيئة الإذاعة اليابانية
        return True


def _time_phrase(tokens: list[Token], k: int) -> bool:
    """Whether tokens k, k+1 are a time phrase of :data:`TIME_PHRASES` ("للمرة الأولى",
    "العام الماضي", "في منتصف أغسطس"), with no punctuation between them."""
    seconds = TIME_PHRASES.get(tokens[k].norm, False)
    if seconds is False or k + 1 >= len(tokens) or any(c in tokens[k + 1].gap for c in PUNCT):
        return False
    if tokens[k].norm == "العام" and k > 0 and no_article(bare(tokens[k - 1].norm)) in words("title"):
        return False                                          # "الأمين العام الحالي": the title's own
    return seconds is None or tokens[k + 1].norm in seconds
