"""Which way a date without a year or a week points: the tense of its clause.

"الأربعاء" is last Wednesday in "زار الرئيس بغداد الأربعاء" and next Wednesday in
"سيزور الرئيس بغداد الأربعاء".  :func:`direction_cue` looks at the date's clause (cut at
punctuation, quotation marks and line breaks) and takes the nearest cue before the date,
else the nearest after it:

* **forward** (the next such day on or after the reference): a future verb (سـ + a
  present verb: سيزور, ستعقد, سنلاحق; told apart from nouns such as سيارة or سنة because
  the word without سـ is the more common one), سوف, لن, من المقرر, المرتقب, مهلة, and
  present-tense verbs of scheduling (يعقد, تعقد, يزور, تبدأ …);
* **back** (the latest such day on or before it): a past verb (from the list, or a
  feminine or plural past form of a common stem: أعلنت, قالوا), لم, قد, كان, تم, منذ;
* a forward cue after "كان" ("وكانت الإمارات قد أعلنت مهلة تنتهي الأربعاء", "كان من
  المقرر أن") is a future seen from the past: nearest;
* "حتى" (until) points forward only when no verb in the clause says otherwise ("مهلة حتى
  12 مايو"; "استمرت المعارك حتى الجمعة" looks back);
* **nearest**, when the clause holds no cue: whichever such day is closer.

Commas, brackets and quotation marks do not end the clause: news sets the date off
between commas, after the verb ("قال الرئيس الأمريكي، دونالد ترامب، الجمعة، إن …").

The cue words are in ``analysis/data/date_tense_cues.csv``.

>>> from analysis.normalize import normalize
>>> text = normalize("سيزور الرئيس بغداد الأربعاء")
>>> direction_cue(text, text.index("الاربعاء"), len(text))
('forward', 'future verb سيزور')
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from types import MappingProxyType

from .config import DATA_DIR
from .normalize import normalize

CUES_PATH = DATA_DIR / "date_tense_cues.csv"
#: Characters that end a clause for the cue search (not commas, nor quotation marks,
#: which news puts around names and terms: "وبدأ تفشي "إي كولاي" في أبريل").
CLAUSE_BREAK = re.compile(r"[.؛;:!?؟\n]")
WORD = re.compile(r"\w+")
#: How many words before (and after) the date are searched.
WORDS_BEFORE, WORDS_AFTER = 20, 6
#: Words after the date that open another clause: the search after the date stops there.
EMBEDDING = frozenset(normalize(w) for w in (
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن", "بأنه", "بأنها", "لأن", "الذي", "التي",
    "الذين", "حيث", "بينما", "فيما", "عندما", "حين", "قبل", "بعد", "إلى أن"))
#: "كان" and its forms: a future cue after them is a future in the past.
_WAS = frozenset(normalize(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"))
#: Object pronouns a verb may carry: شهدها, عقدته, استقبلهم.
_PRONOUNS = ("هما", "هم", "ها", "ه", "نا")


@lru_cache(maxsize=None)
def tense_cues() -> MappingProxyType:
    """Normalized cue -> (direction, what it is), from :data:`CUES_PATH` (read-only: cached)."""
    with CUES_PATH.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return MappingProxyType({normalize(r["cue"]): (r["direction"], r["what"]) for r in rows})


def _zipf(word: str) -> float:
    from .lexicon import zipf

    return zipf(word)


def _forms(word: str) -> list[tuple[str, bool]]:
    """The word, without a conjunction (و ف), and without an object pronoun; each with
    whether a pronoun was taken off."""
    bases = [word] + ([word[1:]] if len(word) >= 3 and word[0] in "وف" else [])
    forms = []
    for base in bases:
        forms.append((base, False))
        for pronoun in _PRONOUNS:
            if base.endswith(pronoun) and len(base) - len(pronoun) >= 3:
                forms.append((base[: -len(pronoun)], True))
                break
    return forms


def word_cue(word: str, previous: str = "") -> tuple[str, str] | None:
    """``(direction, description)`` if the normalized ``word`` (after ``previous``) is a cue.

    >>> word_cue("وقالت"), word_cue("سيارة"), word_cue("ولايته")
    (('back', 'past verb وقالت'), None, None)
    """
    cues = tense_cues()
    for before in (previous, previous[1:] if len(previous) > 2 and previous[0] in "وف" else ""):
        if before and f"{before} {word}" in cues:                 # "ومن المقرر"
            direction, what = cues[f"{before} {word}"]
            return direction, f"{what} {before} {word}"
    forms = _forms(word)
    for form, _ in forms:
        if form in cues:
            direction, what = cues[form]
            return direction, f"{what} {word}"
    for form, stripped in forms:
        # سـ + a present verb: the word without سـ is the more common one (سيزور; not سيارة)
        if not stripped and len(form) >= 4 and form[0] == "س" and form[1] in "يتنا":
            rest = form[1:]
            if _zipf(rest) >= (3 if rest[0] == "ا" else 2) and _zipf(rest) > _zipf(form):
                return "forward", f"future verb {word}"
        # a feminine or plural past form (أعلنت, بدأت, قالوا) of a listed past verb, or of a
        # common stem when the word does not look like a noun (قوات, ولايته), a name
        # (بريكست) or a present verb
        stem = form[:-1] if form.endswith("ت") else form[:-2] if form.endswith("وا") else ""
        if not stem:
            continue
        if cues.get(stem, ("",))[0] == "back":
            return "back", f"past verb {word}"
        if (not stripped and len(form) >= 4 and not form.endswith(("ات", "وت"))
                and not form.startswith(("ال", "ي", "ن")) and _zipf(stem) >= 3 and _zipf(form) >= 3):
            return "back", f"past verb {word}"
    return None


def direction_cue(norm: str, start: int, end: int) -> tuple[str, str]:
    """The direction a date at ``norm[start:end]`` points to, and the cue that decided.

    Parameters
    ----------
    norm : str
        Normalized text (:func:`analysis.normalize.normalize`).
    start, end : int
        The date expression's span in ``norm``.

    Returns
    -------
    tuple
        ``(direction, cue)``: direction ``back``, ``forward`` or ``nearest``; cue a short
        description such as ``"past verb قال"`` or ``"no cue"``.

    Examples
    --------
    >>> from analysis.normalize import normalize
    >>> text = normalize("أمام ترامب مهلة حتى 12 مايو لاتخاذ قرار")
    >>> direction_cue(text, text.index("12"), text.index(" لاتخاذ"))
    ('forward', 'deadline مهلة')
    """
    breaks_before = [m.end() for m in CLAUSE_BREAK.finditer(norm, 0, start)]
    clause_start = breaks_before[-1] if breaks_before else 0
    after = CLAUSE_BREAK.search(norm, end)
    clause_end = after.start() if after else len(norm)
    before = [m.group() for m in WORD.finditer(norm, clause_start, start)][-WORDS_BEFORE:]
    until = False
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in ("حتي", "وحتي", "لغاية", "ولغاية"):
            until = True
            continue
        found = word_cue(word, before[i - 1] if i else "")
        if found and found[0] == "forward":
            # "وكانت الإمارات قد أعلنت مهلة تنتهي الأربعاء": a future seen from a past
            # (كان … قد, كان من المقرر) is no future of the reference's
            frame = next((w for w in before[:i] if w in _WAS), None)
            if frame:
                return "nearest", f"future in the past: {frame} … {found[1]}"
        if found:
            return found
    if until:
        return "forward", "until حتى"
    for word in [m.group() for m in WORD.finditer(norm, end, clause_end)][:WORDS_AFTER]:
        if word in EMBEDDING:
            break                       # "قال الأحد إنه سيزور": the verb after إنه is not the date's
        found = word_cue(word)
        if found:
            return found
    return "nearest", "no cue"
