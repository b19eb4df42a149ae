"""Arabic normalization: a chain of small, documented ``str -> str`` steps.

Each step says what it merges, because every merge is also a loss: after ``fold_alef``
the reader can no longer tell أمن (security) from آمن (safe), and after
``fold_alef_maksura`` على (on) and علي (Ali) are one string.  ``normalize`` runs the
steps in :data:`STEPS` order; any step can be turned off by keyword.  The result is
idempotent: ``normalize(normalize(s)) == normalize(s)``.

>>> normalize("قاآني وصل إلى بغدادَ مساءً")
'قااني وصل الي بغداد مساء'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

from .resources import (
    ALEF_FORMS,
    ALEF_MAKSURA,
    DIACRITICS,
    DIGITS_TO_ASCII,
    FORMAT_MARKS,
    PERSIAN_TO_ARABIC,
    SPACE_CHARS,
    TATWEEL,
    TEH_MARBUTA,
)

from ._compiled import _scan  # its Translator is str.translate at C speed

def _deleter(chars: str) -> Callable[[str], str]:
    """A function deleting ``chars``: one C-level regex scan, nothing built when none occur."""
    pattern = re.compile("[" + re.escape(chars) + "]")
    return lambda text: pattern.sub("", text) if pattern.search(text) else text


def _replacer(mapping: dict[str, str]) -> Callable[[str], str]:
    """A function mapping single characters: a ``str.replace`` per character present
    (much faster than ``str.translate`` with a dict on non-ASCII text)."""
    items = tuple(mapping.items())

    def replace(text: str) -> str:
        for old, new in items:
            if old in text:
                text = text.replace(old, new)
        return text

    return replace


#: The character-level steps as maps (None deletes), for the one-table fast path.
CHARACTER_MAPS: dict[str, dict[str, str | None]] = {
    "spaces": {c: " " for c in SPACE_CHARS},
    "format_marks": dict.fromkeys(FORMAT_MARKS),
    "diacritics": dict.fromkeys(DIACRITICS),
    "tatweel": dict.fromkeys(TATWEEL),
    "alef": {c: "ا" for c in ALEF_FORMS},
    "alef_maksura": {ALEF_MAKSURA: "ي"},
    "teh_marbuta": {TEH_MARBUTA: "ه"},
    "persian": dict(PERSIAN_TO_ARABIC),
    "digits": dict(DIGITS_TO_ASCII),
}
#: Without the compiled Translator, strings up to this length use one str.translate; longer
#: ones the replace chains, which scan in C and beat translate's per-character dictionary
#: lookups on long texts.  With it, every string takes the table in one C pass.
SHORT_TEXT = 64



def _character_step(name: str) -> Callable[[str], str]:
    """The long-text function of a character step, built from its map in CHARACTER_MAPS."""
    mapping = CHARACTER_MAPS[name]
    if all(target is None for target in mapping.values()):
        return _deleter("".join(mapping))
    return _replacer(mapping)


_STEP = {name: _character_step(name) for name in CHARACTER_MAPS}


_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))


_PRESENTATION_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _PRESENTATION_FORMS) + "]")


def has_presentation_forms(text: str) -> bool:
    """Whether ``text`` holds an Arabic presentation form (U+FB50-FDFF, U+FE70-FEFE).

    Examples
    --------
    >>> has_presentation_forms("ﻗﺎﺁﻧﻲ"), has_presentation_forms("قاآني")
    (True, False)
    """
    return _PRESENTATION_RE.search(text) is not None          # about 9 ns a character


def _is_presentation_form(char: str) -> bool:
    return bool(_PRESENTATION_RE.match(char))


def _first_joining_form(word: str) -> str:
    """INITIAL or FINAL: which joining form comes first in a word's presentation forms.

    In logical order a connected run starts with an initial form and ends with a final
    one; stored in visual order, the final form comes first.  Isolated and medial forms,
    harakat and word ligatures (ﷲ) say nothing; '' when the word has no run."""
    for match in _PRESENTATION_RE.finditer(word):
        name = unicodedata.name(match.group(), "")
        if ("LETTER" in name or "LIGATURE LAM WITH ALEF" in name) and name.endswith((" INITIAL FORM", " FINAL FORM")):
            return name.rsplit(" ", 2)[-2]
    return ""


def fold_presentation_forms(text: str) -> str:
    """Turn Arabic presentation forms (text copied from PDFs) back into plain letters, in logical order.

    PDF extraction often yields glyph codes in visual order: each word stored right to
    left, so its first joining letter is a final form (ﻲﻧﺎﻗ).  A line with more such words
    than words whose first joining letter is an initial form is put back in logical order
    (words reversed, and the letters of Arabic words; digits and Latin runs, stored left
    to right, stay as they are) before folding.

    Examples
    --------
    >>> fold_presentation_forms("ﻗﺎﺁﻧﻲ"), fold_presentation_forms("ﻲﻧﺁﺎﻗ")
    ('قاآني', 'قاآني')
    """
    if not has_presentation_forms(text):
        return text
    lines = []
    for line in text.split("\n"):
        if not _PRESENTATION_RE.search(line):        # most lines of a document, most surfaces of a vocabulary
            lines.append(line)
            continue
        starts = [_first_joining_form(w) for w in line.split()]
        if starts.count("FINAL") > starts.count("INITIAL"):
            # visual order: reverse the words, and the letters of Arabic words only
            # (digits and Latin runs were stored left to right already)
            parts = re.split(r"(\s+)", line)[::-1]
            line = "".join(p[::-1] if _PRESENTATION_RE.search(p) else p for p in parts)
        lines.append(_PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line))
    return "\n".join(lines)


#: Texts at least this long are put through NFKC line by line (see :func:`unicode_nfkc`).
NFKC_BY_LINE = 2000


def unicode_nfkc(text: str) -> str:
    """Apply Unicode NFKC: unfold presentation forms and compose hamza/madda marks.

    Merges the contextual glyph codes that PDF extraction leaves (ﻗﺎﺁﻧﻲ) with plain letters,
    the ligatures ﻻ and ﷲ with their letters, and full-width or superscript characters with
    their plain forms.  It does not reorder text stored in visual order.

    Examples
    --------
    >>> unicode_nfkc("ﺑﻐﺪﺍﺩ")
    'بغداد'
    """
    if len(text) < NFKC_BY_LINE or "\n" not in text:
        return unicodedata.normalize("NFKC", text)
    # A long text (many lines normalized in one call) line by line: NFKC never acts across
    # a line feed (it neither decomposes, composes nor reorders with one), and a line that
    # passes Unicode's quick check (most lines of news) comes back at once, where one
    # character anywhere in a long text sends all of it the slow way (twenty times slower).
    return "\n".join([unicodedata.normalize("NFKC", line) for line in text.split("\n")])


def normalize_spaces(text: str) -> str:
    """Turn non-breaking, zero-width and other Unicode spaces into a plain space.

    Examples
    --------
    >>> normalize_spaces("رئيس\\xa0الوزراء")
    'رئيس الوزراء'
    """
    return _STEP["spaces"](text)


def strip_format_marks(text: str) -> str:
    """Delete invisible format marks: ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings and isolates.

    Merges spellings that differ only by invisible marks.  Persian ZWNJ-separated
    morphemes (می‌رود) are joined.

    Examples
    --------
    >>> strip_format_marks("\\u200fبغداد\\u200e")
    'بغداد'
    """
    return _STEP["format_marks"](text)


def strip_diacritics(text: str) -> str:
    """Delete harakat, tanween, shadda, sukun, superscript alef and Quranic marks.

    Merges words told apart only by vowelling (عَلِم/عُلِّم, مسيّرة/مسيرة).

    Examples
    --------
    >>> strip_diacritics("مسيّرةً")
    'مسيرة'
    """
    return _STEP["diacritics"](text)


def strip_tatweel(text: str) -> str:
    """Delete tatweel (kashida, U+0640), the letter-stretching stroke: بـ"X" -> ب"X".

    Examples
    --------
    >>> strip_tatweel("العـــراق")
    'العراق'
    """
    return _STEP["tatweel"](text)


def fold_alef(text: str) -> str:
    """Fold alef with hamza or madda and alef wasla into bare alef: أ إ آ ٱ -> ا.

    One letter becomes one letter (آ is never expanded to اا).  Merges أمن/آمن/امن and
    إن/أن/ان; قاآني becomes قااني and قآني becomes قاني (entity merging joins those).

    Examples
    --------
    >>> fold_alef("إسماعيل قآني")
    'اسماعيل قاني'
    """
    return _STEP["alef"](text)


def fold_alef_maksura(text: str) -> str:
    """Fold alef maksura into yeh: ى -> ي.

    Needed because Egyptian-style spelling writes final ي as ى (الكاظمى, فى).  Merges
    على (on, a stopword) with علي (the name Ali), so the name is then counted as a stopword.

    Examples
    --------
    >>> fold_alef_maksura("الكاظمى")
    'الكاظمي'
    """
    return _STEP["alef_maksura"](text)


def fold_teh_marbuta(text: str) -> str:
    """Fold teh marbuta into heh: ة -> ه (off by default in :func:`normalize`).

    Merges feminine endings with the pronoun suffix -ه: مدرسة/مدرسه, but also
    حكومة (government) with nothing else in practice; useful for sloppy web spelling.

    Examples
    --------
    >>> fold_teh_marbuta("الحكومة")
    'الحكومه'
    """
    return _STEP["teh_marbuta"](text)


def fold_persian_letters(text: str) -> str:
    """Map Persian yeh and keheh to Arabic yeh and kaf: ی -> ي, ک -> ك.

    Examples
    --------
    >>> fold_persian_letters("ایران")
    'ايران'
    """
    return _STEP["persian"](text)


def fold_digits(text: str) -> str:
    """Map Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII 0-9.

    Examples
    --------
    >>> fold_digits("٢٠٢١/١١/٠٨")
    '2021/11/08'
    """
    return _STEP["digits"](text)


#: The chain, in order, as ``(keyword, function, on by default)``.  Presentation forms in
#: visual order are put back in logical order first; NFKC runs next so
#: that presentation forms become letters the later steps know; spaces run before
#: format marks so that a zero-width space still separates two words.
STEPS: tuple[tuple[str, Callable[[str], str], bool], ...] = (
    ("presentation_forms", fold_presentation_forms, True),
    ("nfkc", unicode_nfkc, True),
    ("spaces", normalize_spaces, True),
    ("format_marks", strip_format_marks, True),
    ("diacritics", strip_diacritics, True),
    ("tatweel", strip_tatweel, True),
    ("alef", fold_alef, True),
    ("alef_maksura", fold_alef_maksura, True),
    ("teh_marbuta", fold_teh_marbuta, False),
    ("persian", fold_persian_letters, True),
    ("digits", fold_digits, True),
)
STEP_NAMES = tuple(name for name, _, _ in STEPS)


def normalization_steps(**options: bool) -> list[tuple[str, Callable[[str], str]]]:
    """Return the ``(name, function)`` steps that :func:`normalize` runs for ``options``.

    Parameters
    ----------
    **options : bool
        One keyword per step name in :data:`STEP_NAMES`; missing ones take the step's
        default (all on except ``teh_marbuta``).

    Examples
    --------
    >>> [name for name, _ in normalization_steps(digits=False)][-1]
    'persian'
    """
    unknown = set(options) - set(STEP_NAMES)
    if unknown:
        raise TypeError(f"unknown normalization option(s): {sorted(unknown)}; known: {list(STEP_NAMES)}")
    return [(name, func) for name, func, default in STEPS if options.get(name, default)]


def make_normalizer(**options: bool) -> Callable[[str], str]:
    """Compose the chosen steps into one ``str -> str`` callable (see :func:`normalize`).

    The callable runs the chain again while NFKC would still change its output (a deleted
    mark can bring a letter next to a combining accent that composes with it), so it is
    idempotent; on ordinary text the chain runs once.  Its ``steps`` attribute lists the
    ``(name, function)`` pairs it runs.

    Examples
    --------
    >>> norm = make_normalizer(teh_marbuta=True)
    >>> norm("الحكومةُ")
    'الحكومه'
    """
    steps = tuple(normalization_steps(**options))
    funcs = tuple(func for _, func in steps)
    recheck = options.get("nfkc", True)
    # The character steps map or delete single characters, with disjoint sources, so on a
    # short string one str.translate with their union does the same work in one call.
    head = tuple(func for name, func in steps if name not in CHARACTER_MAPS)
    table = str.maketrans({c: t for name, _ in steps if name in CHARACTER_MAPS
                           for c, t in CHARACTER_MAPS[name].items()})
    translate = _scan.Translator(table) if _scan is not None else None

    def normalizer(text: str) -> str:
        for _ in range(4):
            if translate is not None:
                for func in head:
                    text = func(text)
                text = translate(text)
            elif len(text) <= SHORT_TEXT:
                for func in head:
                    text = func(text)
                text = text.translate(table)
            else:
                for func in funcs:
                    text = func(text)
            if not recheck or unicodedata.is_normalized("NFKC", text):
                break
        return text

    normalizer.steps = steps  # type: ignore[attr-defined]
    return normalizer


#: :func:`normalize`'s options as it passes them to :func:`_normalizer_for` by default
_DEFAULT_OPTIONS = tuple(sorted({name: default for name, _, default in STEPS}.items()))


@lru_cache(maxsize=64)
def _normalizer_for(options: tuple[tuple[str, bool], ...]) -> Callable[[str], str]:
    return make_normalizer(**dict(options))


def normalize(
    text: str,
    *,
    presentation_forms: bool = True,
    nfkc: bool = True,
    spaces: bool = True,
    format_marks: bool = True,
    diacritics: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    alef_maksura: bool = True,
    teh_marbuta: bool = False,
    persian: bool = True,
    digits: bool = True,
) -> str:
    """Normalize Arabic text for counting; the raw text is never changed in place.

    Parameters
    ----------
    text : str
        Any text; non-Arabic characters pass through (except the Unicode folds of NFKC).
    presentation_forms, nfkc, spaces, format_marks, diacritics, tatweel, alef, alef_maksura, persian, digits : bool
        Run that step (default True); see each ``fold_*``/``strip_*`` function for what
        it merges.
    teh_marbuta : bool
        Fold ة into ه (default False: the distinction is usually kept in news text).

    Returns
    -------
    str

    Examples
    --------
    >>> normalize("الكاظمى\\xa0فى العـراق ٢٠٢١")
    'الكاظمي في العراق 2021'
    """
    options = (
        ("alef", alef), ("alef_maksura", alef_maksura), ("diacritics", diacritics),
        ("digits", digits), ("format_marks", format_marks), ("nfkc", nfkc),
        ("persian", persian), ("presentation_forms", presentation_forms), ("spaces", spaces), ("tatweel", tatweel),
        ("teh_marbuta", teh_marbuta),
    )
    return _normalizer_for(options)(text)


def default_normalizer() -> Callable[[str], str]:
    """The callable :func:`normalize` applies with its default options (no keyword parsing).

    Examples
    --------
    >>> default_normalizer()("قاآني") == normalize("قاآني")
    True
    """
    return _normalizer_for(_DEFAULT_OPTIONS)


def normalize_with_offsets(text: str, **options: bool) -> tuple[str, list[int]]:
    """Normalize ``text`` character by character and map every output character back.

    Returns the normalized text and, for each of its characters, the index of the raw
    character it came from (plus a final entry ``len(text)``), so a regex match on the
    normalized text gives offsets into the raw text: ``raw[index[m.start()]:index[m.end()]]``.
    Each character is normalized on its own, which equals :func:`normalize` except where
    NFKC would compose across characters (a letter and a separate combining mark), which
    the diacritics step then removes anyway.

    Examples
    --------
    >>> norm, index = normalize_with_offsets("مسيّرة ٢٠٢١")
    >>> norm, index[norm.index("2021")]
    ('مسيرة 2021', 7)
    """
    normalizer = _normalizer_for(tuple(sorted({**{n: d for n, _, d in STEPS}, **options}.items())))
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        piece = normalizer(char) if not char.isascii() else char
        out.append(piece)
        index.extend([i] * len(piece))
    index.append(len(text))
    return "".join(out), index
