"""The words of every figure in one language: Arabic or English, from one editable table.

Titles, axis labels, legends, source types, group names and notes are looked up in
``analysis/data/translations.csv`` (columns ``key``, ``ar``, ``en``; edit it to change a
wording).  Data shown in a figure — terms, names, sources, outlets — stay as the articles
write them, in either language.  The notebooks take ``lang`` as a parameter; the default is
Arabic, the language of the coverage and of its readers: a figure of Arabic terms reads as
one piece when its title and axes are Arabic too.  ``lang="en"`` suits a paper or a report
in English.

>>> tr("axis.count", "en"), tr("axis.count", "ar")
('count', 'العدد')
>>> tr("note.inferred_date", "en")
'○ date inferred from other articles'
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType

from .config import DATA_DIR

#: The languages a figure can speak.
LANGUAGES = ("ar", "en")
#: The notebooks' default: the coverage's own language.
DEFAULT_LANGUAGE = "ar"
TRANSLATIONS_PATH = DATA_DIR / "translations.csv"


@lru_cache(maxsize=1)
def translations() -> MappingProxyType:
    """The table as a read-only mapping ``key -> {"ar": ..., "en": ...}``."""
    import csv

    with TRANSLATIONS_PATH.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["key"] and not row["key"].startswith("#")]
    table = {}
    for row in rows:
        missing = [lang for lang in LANGUAGES if not (row.get(lang) or "").strip()]
        if missing:
            raise ValueError(f"{TRANSLATIONS_PATH}: key {row['key']!r} has no {', '.join(missing)} wording")
        table[row["key"]] = MappingProxyType({lang: row[lang].strip() for lang in LANGUAGES})
    return MappingProxyType(table)


def check_language(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGUAGES`, else a ValueError saying which are."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    return lang


_figure_language = [DEFAULT_LANGUAGE]


def use_language(lang: str) -> None:
    """Set the language of the figures' own words for this session (the notes the plot
    helpers write, the check :func:`analysis.plotting.save_figure` makes); the notebooks
    call it with their ``lang`` parameter.

    Examples
    --------
    >>> use_language("en"); figure_language()
    'en'
    >>> use_language("ar")
    """
    _figure_language[0] = check_language(lang)


def figure_language() -> str:
    """The language set by :func:`use_language` (default Arabic)."""
    return _figure_language[0]


def tr(key: str, lang: str | None = None, **values) -> str:
    """The wording of ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Examples
    --------
    >>> tr("title.top_terms", "en")
    'Most frequent words in the coverage'
    """
    lang = figure_language() if lang is None else check_language(lang)
    try:
        text = translations()[key][lang]
    except KeyError:
        raise KeyError(f"no wording for {key!r} in {TRANSLATIONS_PATH.name}; add a row (key, ar, en)") from None
    return text.format(**values) if values else text


def tr_values(values, prefix: str, lang: str | None = None) -> list[str]:
    """Each value's wording under ``prefix`` (``source_type.named_outlet`` ...), the value
    itself where the table has none (data, such as an outlet's name).

    Examples
    --------
    >>> tr_values(["named_outlet", "رويترز"], "source_type", "ar")
    ['وسيلة إعلام مسماة', 'رويترز']
    """
    table = translations()
    lang = figure_language() if lang is None else check_language(lang)
    return [table[f"{prefix}.{v}"][lang] if f"{prefix}.{v}" in table else v for v in values]


_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]{2,}")


def figure_words(fig, *, legend_entries: bool = False) -> list[str]:
    """The figure's own words: titles, axis labels, legend titles and notes (texts placed on
    the axes or the figure).  Tick labels and texts marked ``gid="data"`` (the panel
    titles of :func:`analysis.plotting.panel_grid`, which name groups) are data (terms,
    names, dates as the articles write them) and are not among them, nor are numbers; legend entries only with
    ``legend_entries=True`` (a legend of outlets is data, one of source types is words:
    the notebooks translate those with :func:`tr_values`).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); _ = ax.set_title("Most frequent words"); _ = ax.set_xlabel("count")
    >>> figure_words(fig)
    ['Most frequent words', 'count']
    >>> plt.close(fig)
    """
    texts = [t for t in (fig._suptitle, getattr(fig, "_supxlabel", None), getattr(fig, "_supylabel", None)) if t]
    texts += list(fig.texts)
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [legend.get_title(), *(legend.get_texts() if legend_entries else [])]
    for legend in fig.legends:
        texts += [legend.get_title(), *(legend.get_texts() if legend_entries else [])]
    words = [t.get_text().strip() for t in texts if t is not None and t.get_visible() and t.get_gid() != "data"]
    return [w for w in words if w and any(c.isalpha() for c in w)]


def other_language_words(fig, lang: str, *, allowed=()) -> list[str]:
    """The figure's words (:func:`figure_words`) written in the other language: Latin words
    in an Arabic figure, Arabic letters in an English one.  ``allowed`` lists texts that may
    stay as they are (names of Latin-script outlets, data shown in a legend).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); _ = ax.set_title("أكثر الكلمات تكرارا"); _ = ax.set_xlabel("count")
    >>> other_language_words(fig, "ar")
    ['count']
    >>> plt.close(fig)
    """
    check_language(lang)
    allowed = sorted(set(allowed), key=len, reverse=True)      # longest first: "الجمعة" must not cut "الجمعة الماضية"
    out = []
    for text in figure_words(fig):
        rest = text
        for name in allowed:
            rest = rest.replace(name, " ")
        if (lang == "ar" and _LATIN_WORD.search(rest)) or (lang == "en" and _ARABIC_LETTER.search(rest)):
            out.append(text)
    return out


def per_phrase(by: str, lang: str | None = None) -> str:
    """How a title says what each group is: "في كل وسيلة إعلام" / "by outlet"; for any
    other metadata column, "حسب <column>" / "by <column>".

    Examples
    --------
    >>> per_phrase("outlet", "en"), per_phrase("document", "ar")
    ('by outlet', 'في كل مقال')
    """
    key = f"per.{by}"
    return tr(key, lang) if key in translations() else tr("per.column", lang, column=by)
