"""Cue matching: the cue that starts at a token, and whether it is blocked.

:func:`match_cue` finds the longest cue of :mod:`analysis.sources_lexicon` at a token (with
an attached و/ف or pronoun; not a verbal noun written with hamza below, not a passive);
``_blocked`` tells a cue that states nothing (negated, after a preposition, inside a
quotation closed in its sentence).
"""

from __future__ import annotations

from .sources_lexicon import CueForm, cue_forms, longest_cue, PUNCT, BLOCKERS, RESUMING, RELATIVE_MA_AFTER, OFTEN_WORDS, COMPLEMENTIZERS
from .resources import DIACRITICS
from .sources_words import Token, _is_ala


def match_cue(tokens: list[Token], i: int) -> tuple[CueForm, int] | None:
    """The longest cue starting at token i: (form, number of tokens) or None."""
    forms = cue_forms()
    n = len(tokens)
    for length in range(min(longest_cue(), n - i), 0, -1):
        if length > 1 and any(any(c in t.gap for c in PUNCT + "،,") for t in tokens[i + 1:i + length]):
            continue
        rest = tuple(t.norm for t in tokens[i + 1:i + length])
        for first in _candidates(tokens[i].norm, single=length == 1):
            form = forms.get((first, *rest))
            if form is None:
                continue
            if form.shadda and form.shadda not in tokens[i].surface and not (
                    length == 1 and i + 1 < n and tokens[i + 1].norm in COMPLEMENTIZERS) and not (
                    length == 1 and first != tokens[i].norm and _clause_opens(tokens, i)
                    and _complementizer_follows(tokens, i + 1)):
                continue                                    # بين (between), but "وبين أن", "… . وبين المدير أن"
            if form.tense == "past" and _masdar_hamza(tokens[i].surface, first != tokens[i].norm):
                continue
            if form.tense == "past" and form.kind != "relay" and _passive(tokens[i].surface, first != tokens[i].norm):
                continue                                    # اتُهمت روسيا: "Russia was accused"
            if tokens[i].norm == "فحسب":
                continue
            if length == 1 and _ya_for_alif_maqsura(tokens[i].surface, form) and not (
                    (first != tokens[i].norm or _clause_opens(tokens, i))
                    and i + 1 < n and tokens[i + 1].norm in COMPLEMENTIZERS):
                continue                                    # "رأي قانوني", "تشيانغ راي إن": a noun, a name
            if first != tokens[i].norm and form.tense == "participle" and length == 1 and \
                    first not in (tokens[i].norm[1:],):
                continue
            return form, length
    return None


def _clause_opens(tokens: list[Token], i: int) -> bool:
    """Whether a clause opens at token i: the text's start or a punctuation mark before it."""
    return i == 0 or any(c in tokens[i].gap for c in PUNCT + "،,")


def _complementizer_follows(tokens: list[Token], k: int, window: int = 10) -> bool:
    """Whether أن/إن comes within ``window`` words from token k, in the same clause and with
    no second term joined by و nor another verb of saying before it: "وبين الأمين العام
    للهيئة أن" (he explained that), not "وبين الرياض وواشنطن علاقات تؤكد أن" (between)."""
    for m in range(k, min(k + window, len(tokens))):
        if m > k and any(c in tokens[m].gap for c in PUNCT + "،,"):
            return False
        if tokens[m].norm in COMPLEMENTIZERS:
            return m > k
        if tokens[m].norm[:1] == "و" or match_cue(tokens, m):
            return False
    return False


def _masdar_hamza(surface: str, prefixed: bool) -> bool:
    """إعلان, إدانتها: a verbal noun written with hamza below, not the verb أعلن, أدانتها."""
    word = surface[1:] if prefixed and surface[:1] in "وف" else surface
    return word.startswith("إ")


def _ya_for_alif_maqsura(surface: str, form: CueForm) -> bool:
    """A past verb in ى (رأى, نفى, ادعى) written with a final ي: the noun (رأي, نفي) or a
    name (تشيانغ راي) far more often than the verb misspelled, which :func:`match_cue` takes
    only where a clause begins and أن/إن follows ("ورأي أنه")."""
    word = surface.rstrip(DIACRITICS)
    return form.tense == "past" and form.lemma.endswith("ى") and word.endswith("ي") and \
        not word.endswith(("تي", "وي"))


def _passive(surface: str, prefixed: bool) -> bool:
    """A past verb written with a damma on its first letters (نُقل, اتُّهم, أُعلن) is passive."""
    word = surface[1:] if prefixed and surface[:1] in "وف" else surface
    return "\u064f" in word[:4]


def _candidates(word: str, *, single: bool) -> list[str]:
    out = [word]
    if len(word) >= 3 and word[0] in "وف":
        out.append(word[1:])
    if single:
        for index, w in enumerate(list(out)):
            shortest = 3 if index == 0 else 2                   # "وحثهم": a doubled verb's two letters
            for suffix in ("هما", "هم", "ها", "ه"):
                if w.endswith(suffix) and len(w) - len(suffix) >= shortest:
                    stem = w[:-len(suffix)]
                    form = cue_forms().get((stem,))
                    if form and form.tense in ("past", "present"):
                        out.append(stem)
    return out


def _conjunction_attached(tok: Token) -> bool:
    """Whether a cue was written with و/ف attached (وقال, فأكد), not a root و (وصف)."""
    word = tok.norm
    if word[:1] not in "وف":
        return False
    own = [word] + [word[:-len(x)] for x in ("هما", "هم", "ها", "ه") if word.endswith(x)]
    return not any((w,) in cue_forms() for w in own)


def _blocked(tokens: list[Token], i: int, form: CueForm) -> bool:
    if tokens[i].quoted:
        return True
    if form.kind == "preposition" or i == 0:
        return False
    before = tokens[i - 1]
    if _clause_opens(tokens, i):
        return False
    word = before.norm[1:] if before.norm[:1] in "وف" and before.norm[1:] in BLOCKERS else before.norm
    if word == "علي" and not _is_ala(before):
        return False
    if word == "ما" and i >= 2 and tokens[i - 2].norm.lstrip("و") in OFTEN_WORDS:
        return False                                        # "وكثيرا ما حض": often, not "not"
    if word == "ما" and i >= 2 and tokens[i - 2].norm in RELATIVE_MA_AFTER and \
            tokens[i].norm != _candidates(tokens[i].norm, single=True)[-1]:
        return False                                        # "وهو ما أكده المتحدث", "قبل ما وصفته
                                                            # أنقرة": the relative ما
    return word in BLOCKERS
