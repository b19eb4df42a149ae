"""Content after a cue: whether an ambiguous cue is followed by what it states.

A complementizer, a colon, a quotation, بالقول or the cue's preposition within a few words
(``_content_at``), a statement's medium before them ("في تغريدة على تويتر أن",
``_content_after_medium``), and what each kind of cue needs (``_needs_ok``).  The methods are
those of :class:`ContentRules`, a mixin of :class:`analysis.sources_rules.DocumentReader`.
"""

from __future__ import annotations

from .sources_classify import classify
from .sources_cues import match_cue
from .sources_lexicon import (
    CueForm, no_article, words, OPEN_QUOTES, PUNCT, COMPLEMENTIZERS, SPEECH_NOUNS, SPOKESMEN, STATEMENT,
    MEDIA_PLACES, RELATIVES, PRONOUN_SPANS,
)
from .sources_words import bare, _statement_noun, _is_ala


class ContentRules:
    """Whether a cue that needs content has it after it.

    A mixin of :class:`~analysis.sources_rules.DocumentReader`: it reads the reader's
    ``tokens`` and ``text`` and marks participles in ``consumed``."""

    def _needs_ok(self, k: int, form: CueForm, *, subject: tuple[int, int] | None) -> bool:
        if not form.needs:
            return True
        kind = ""
        if subject:
            kind, _ = classify([t.norm for t in self.tokens[subject[0]:subject[1]]])
        if form.needs == "statement":
            if kind in ("named_outlet", "unnamed_outlet"):
                return True
            m = self._skip_adverbs(k, within=True)           # "نشرت النيابة في منتصف أغسطس تقريرا"
            if m < len(self.tokens):
                word = no_article(bare(self.tokens[m].norm))
                return word.rstrip("ا") in words("document") or word in words("document") or \
                    word.rstrip("ا") in ("فيديو", "شريط", "تسجيل", "صور")
            return False
        if kind in ("named_outlet", "unnamed_outlet", "anonymous") and form.needs == "content":
            return True                                     # كشفت مصادر: the subject says it
        if subject and form.needs == "content":
            if no_article(bare(self.tokens[subject[0]].norm)) in SPOKESMEN or \
                    self.tokens[subject[0]].norm in SPOKESMEN:
                return True                                 # كشف المتحدث باسم الخارجية تفاصيل
            m = self._skip_adverbs(k)
            if m + 1 < len(self.tokens) and self.tokens[m].norm in ("في", "وفي") and \
                    bare(self.tokens[m + 1].norm) in STATEMENT:
                return True                                 # كشف المكتب في بيان ...
        window = 10
        if k < len(self.tokens) and self.tokens[k].norm in RELATIVES:
            window = 25                                     # "وأشارت الممثلة التي عرفها المشاهد … إلى أن"
        if self._content_at(k, form, strict=form.strict_content, window=window):
            return True
        return self._content_after_medium(k)

    def _content_after_medium(self, k: int) -> bool:
        """Content after the medium of a statement: "كتب الوزير في تغريدة على تويتر أن",
        "وكتب على حسابه في فيسبوك:" — a complementizer, a colon or a quotation within a few
        words of "في بيان/تغريدة ..." or "على/عبر حسابه/صفحته/تويتر ..."."""
        tokens = self.tokens
        n = len(tokens)
        m = self._skip_adverbs(k)
        if m + 1 >= n:
            return False
        word, nxt = bare(tokens[m].norm), bare(tokens[m + 1].norm)
        medium = (word == "في" and _statement_noun(nxt)) or (word in ("علي", "عبر") and nxt.startswith(MEDIA_PLACES))
        if not medium:
            return False
        for q in range(m + 2, min(n, m + 8)):
            tok = tokens[q]
            if ":" in tok.gap or (any(c in tok.gap for c in OPEN_QUOTES) and not self._short_quote(q)):
                return True
            if any(c in tok.gap for c in PUNCT) or match_cue(tokens, q):
                return False
            if tok.norm in COMPLEMENTIZERS or tok.norm == "بالقول":
                return True
        tail = self.text[tokens[-1].end:tokens[-1].end + 3] if tokens else ""
        return n <= m + 8 and ":" in tail

    def _content_at(self, k: int, form: CueForm, *, strict: bool, window: int = 10) -> bool:
        """A complementizer, colon, quotation, بالقول or (not strict) the cue's preposition
        within a few words after token k (a phrase between commas, such as "، وفق ما أوردت
        مواقع محلية،", is passed over)."""
        tokens = self.tokens
        n = len(tokens)
        m = k
        steps = 0
        while steps <= window:
            if m >= n:
                tail = self.text[tokens[-1].end:tokens[-1].end + 3] if tokens else ""
                return ":" in tail
            tok = tokens[m]
            if ":" in tok.gap or (any(q in tok.gap for q in OPEN_QUOTES) and not self._short_quote(m)):
                return True
            if m > k and any(c in tok.gap for c in PUNCT):
                return False
            word = tok.norm
            if word in ("قائلا", "قائلة", "قائلين") and form.needs:
                self.consumed.add(m)
                return True
            if word in COMPLEMENTIZERS and form.needs != "saying" or word in ("بالقول", "قائلا", "قائلة", "قائلين"):
                return True
            if not strict and word.startswith(SPEECH_NOUNS) and m - k <= 3:
                return True
            if not strict and form.preps:
                if word in form.preps or (_is_ala(tok) and "علي" in form.preps):
                    return True
                if any(len(p) == 1 and word.startswith(p) and len(word) >= 3 and word not in PRONOUN_SPANS
                       for p in form.preps):
                    return True
            if strict and steps >= 3:
                return False
            found = match_cue(tokens, m) if m > k else None
            if found and found[0].kind != "preposition":
                return False
            m += 1
            steps += 1
        return False
