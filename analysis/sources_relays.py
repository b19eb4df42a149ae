"""Relays: the outlet a statement was made to, and who published a document.

"قال X لوكالة Y", "في حديث لقناة Y", "وقال لوكالة رويترز مسؤول" (``_told``,
``_dative_outlet``, ``_told_before``), "بحسب تقرير لصحيفة X", "بيان صادر عن X"
(``_publisher``), صحيفة "صنداي ميرور" (``_quoted_name``).  The methods are those of
:class:`RelayRules`, a mixin of :class:`analysis.sources_rules.DocumentReader`.
"""

from __future__ import annotations

from .lexicon import zipf
from .sources_classify import classify
from .sources_cues import match_cue
from .sources_lexicon import (
    no_article, words, QUOTES, PUNCT, COMPLEMENTIZERS, SINGULAR_RELATIVES, NEWS_WORDS, ISSUED_WORDS, SPAN_STOP, ADJECTIVE_HINTS, PUBLISHING_VERBS,
    RESUMPTIVE_PREPOSITIONS, OPEN_QUOTES,
)
from .sources_outlets import _outlet_end, _clean, outlet_in
from .sources_words import bare, strip_lam, _lam_is_preposition, lam_words, _accusative_plural


class RelayRules:
    """The outlets a statement was made to, a document's publisher, an outlet's quoted name.

    A mixin of :class:`~analysis.sources_rules.DocumentReader`: it reads the reader's
    ``tokens``."""

    def _told(self, k: int) -> str:
        """The outlet a statement was made to, after its subject: "لوكالة الأناضول",
        "في حديث لقناة الحرة", "في مقابلة مع CNN" ('' if none)."""
        tokens = self.tokens
        n = len(tokens)
        m = self._skip_adverbs(k)
        if m < n and tokens[m].norm in ("في", "خلال", "وفي", "وخلال") and m + 1 < n and bare(tokens[m + 1].norm) in (
                "حديث", "مقابلة", "تصريح", "تصريحات", "لقاء", "حوار", "اتصال"):
            m += 2
            if m < n and tokens[m].norm in ("خاص", "خاصة", "هاتفي", "صحفي", "صحافي", "حصري", "له", "لها"):
                m += 1
            if m < n and tokens[m].norm == "مع" and m + 1 < n:
                return self._outlet_at(m + 1, lam=False)
        if m < n and tokens[m].norm == "ل" and m + 1 < n:
            return self._outlet_at(m + 1, lam=False)
        if m < n and self._dative(tokens[m].norm, m):
            return self._outlet_at(m, lam=True)
        return ""

    def _dative_outlet(self, j: int) -> tuple[int, str] | None:
        """An outlet a statement was made to, written right after the verb ("لوكالة رويترز",
        "لـ"سكاي نيوز عربية""): (the token after its name, its key), or None."""
        tokens = self.tokens
        n = len(tokens)
        if j >= n:
            return None
        rest = strip_lam(tokens[j].norm)
        if tokens[j].norm.startswith("ل") and (rest in words("audience") or no_article(rest) in words("audience")):
            return j + 1, ""                                # "وقال للصحفيين وزير الخارجية"
        if tokens[j].norm == "ل" and j + 1 < n and any(q in tokens[j + 1].gap for q in OPEN_QUOTES):
            end = self._quote_end(j + 1)                    # "أكد لـ"الاقتصادية" الدكتور …": a paper's
            if j + 1 < end < n and any(q in tokens[end].gap for q in QUOTES) and \
                    not any(c in tokens[end].gap for c in PUNCT + "،,:") and tokens[end].norm not in COMPLEMENTIZERS:
                name = [t.norm for t in tokens[j + 1:end]]  # quoted name, known to the gazetteer or not
                return end, outlet_in(name, context=True) or _clean(self.text[tokens[j + 1].start:tokens[end - 1].end])
        if tokens[j].norm == "ل" and j + 1 < n:
            x, lam = j + 1, False
        elif self._dative(tokens[j].norm, j):
            x, lam = j, True
        else:
            return None
        _, y = self._span(x, preposition=True, lead_lam=lam)
        if y <= x:
            return None
        ws = lam_words(tokens, x, y, lam=lam)
        kind, key = classify(ws)
        if kind != "named_outlet":
            return None
        end = x + _outlet_end(ws, key)
        return (end, key) if x < end < y else None

    def _told_before(self, i: int) -> str:
        """A statement's outlet written before its verb: "وفي تصريح لـ"سكاي نيوز عربية"، قال"."""
        tokens = self.tokens
        for m in range(0, max(0, i - 2)):
            if tokens[m].norm in ("في", "وفي", "خلال", "وخلال") and bare(tokens[m + 1].norm) in (
                    "حديث", "مقابلة", "تصريح", "تصريحات", "لقاء", "حوار", "اتصال"):
                found = self._told(m)
                if found:
                    return found
        return ""

    def _outlet_at(self, m: int, *, lam: bool) -> str:
        a, b = self._span(m, preposition=True, lead_lam=lam)
        if b <= a:
            return ""
        ws = lam_words(self.tokens, a, b, lam=lam)
        kind, key = classify(ws)
        return key if kind in ("named_outlet", "unnamed_outlet") else ""

    def _publisher(self, a: int, lam: bool, *, genitive: bool = True) -> tuple[int, int, bool] | None:
        """For a document ("تقرير لصحيفة X", "بيان صادر عن X", "استطلاع مؤسسة X",
        "حصيلة للمرصد"): the span of its publisher and whether it starts with ل; None for a
        document nobody is said to have issued ("وفقا لأحدث أرقام حكومية").  Without
        ``genitive``, the word after token a is not taken for the publisher (after an
        adjective: "تقرير صحفي | نشرته صحيفة X")."""
        tokens = self.tokens
        if tokens[a].norm.startswith(("ال", "وال", "بال", "لل", "فال")):
            genitive = False                                # a definite noun takes no genitive: "التقرير | جريمة"
        relative = False
        for m in range(a + 1, min(a + 6, len(tokens))):
            tok = tokens[m]
            word = tok.norm
            publishing = _publishing(word)
            if word in SINGULAR_RELATIVES and not relative and not any(c in tok.gap for c in PUNCT):
                relative = True                             # "الدراسة، التي أجراها X", "التقرير الذي صدر
                continue                                    # عن X": a relative clause names the publisher
            if any(c in tok.gap for c in PUNCT + "،,") or word in COMPLEMENTIZERS or \
                    (match_cue(tokens, m) and not publishing):
                return None                                 # (but "تقرير نشرته صحيفة X": its publisher)
            if not relative and (word == "ال" and m == a + 1 or word.isdigit() and m > a + 1 and
                                 tokens[m - 1].norm == "ال"):
                continue                                    # "التقرير الـ 51": its number
            found = None
            if word.startswith("ل") and len(word) > 2 and (_lam_is_preposition(word) or self._dative(word, m) or
                                                         no_article(strip_lam(word)) in words("body") | words("title")):
                found = (m, True)
            elif word in ISSUED_WORDS and m + 1 < len(tokens) and tokens[m + 1].norm == "عن":
                found = (m + 2, False)                      # (and "التقرير الذي صدر عن X")
            elif publishing:
                found = (m + 1, False)
            elif genitive and m == a + 1 and word not in ADJECTIVE_HINTS and not self._issued_next(m) and \
                    not (word.startswith("ال") and word.endswith(
                    ("ي", "يه", "ية")) and no_article(word) not in words("body")) and not word[:1] in "بف" and \
                    word not in SPAN_STOP and not _indefinite_adjective(word) and \
                    not (m + 1 < len(tokens) and tokens[m + 1].norm in RESUMPTIVE_PREPOSITIONS):
                found = (m, False)                      # بيان الجيش; بيان الخارجية (a body, not an adjective;
                                                        # not a verb: "معلومات حصلت عليها الصحيفة")
            if relative and (found is None or found[0] != m + 2 and not publishing):
                return None                                 # "التقرير الذي يتناول …": not its publisher
            if found:
                x, y = self._span(found[0], preposition=True, lead_lam=found[1])
                return (x, y, found[1]) if y > x else None
            if not (word.startswith("ال") and word.endswith(("ي", "ية")) or no_article(word) in ADJECTIVE_HINTS or
                    _indefinite_adjective(word) or self._issued_next(m)):
                return None
        return None

    def _issued_next(self, m: int) -> bool:
        """Whether token m, an indefinite nisba, is a document's adjective because its
        publisher follows it: "دراسة استطلاعية | أعدتها مؤسسة X", "تقرير اقتصادي | صادر عن"."""
        tokens = self.tokens
        word = tokens[m].norm
        if word.startswith("ال") or not word.endswith(("ي", "ية")) or m + 1 >= len(tokens):
            return False
        nxt = tokens[m + 1].norm
        return _publishing(nxt) or nxt in ISSUED_WORDS

    def _quoted_name(self, x: int, y: int) -> str:
        """The quoted name right after a media head noun (صحيفة "صنداي ميرور"), '' if none."""
        tokens = self.tokens
        if y - x < 2 or no_article(bare(tokens[x].norm)) not in words("media"):
            return ""
        if y - x >= 3 and tokens[x + 1].norm in NEWS_WORDS:
            x += 1                                          # وكالة أنباء "أي أن آي"
        if not any(q in tokens[x + 1].gap for q in QUOTES):
            return ""
        for m in range(x + 2, min(y, x + 6) + 1):
            closing = tokens[m].gap if m < len(tokens) else ""
            if m == y or any(q in closing for q in QUOTES):
                if m < len(tokens) and not any(q in closing for q in QUOTES) and m != y:
                    return ""
                return " ".join(t.surface for t in tokens[x + 1:m])
        return ""


def _publishing(word: str) -> bool:
    """A verb of publishing with its object pronoun: نشرته, أعدتها, أجراها ("تقرير نشرته X")."""
    return any(word.startswith(v) for v in PUBLISHING_VERBS) and word.endswith(("ته", "ها", "ه"))


#: An indefinite nisba this common after a document is its adjective ("حصيلة أولية", 3.99).
DOCUMENT_ADJECTIVE_ZIPF = 3.5


def _indefinite_adjective(word: str) -> bool:
    """حكومي, رسمية, سرية: a common indefinite nisba after a document ("إعلان حكومي"), its
    adjective, not its publisher."""
    return not word.startswith("ال") and word.endswith(("ي", "ية")) and len(word) > 3 and \
        zipf(word) >= DOCUMENT_ADJECTIVE_ZIPF and \
        word not in words("given_name") and no_article(word) not in words("body") and \
        not _accusative_plural(word)                      # "بيانات مسؤولي الوزارة": its officials
