"""The tidy token table: one row per token of every document, with offsets into the raw text.

>>> from analysis import load_corpus
>>> table = tokens_table(load_corpus())
>>> row = table.iloc[0]
>>> row.surface == load_corpus().text[0][row.start:row.end]
True
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable

import pandas as pd

from .clitics import CliticSplitter
from .normalize import make_normalizer
from .resources import NUMBER_RE
from .stopwords import arabic_stopwords
from .tokenize import sentence_bounds, token_spans

TOKEN_COLUMNS = ["doc_id", "sentence", "position", "surface", "norm", "prefix", "term",
                 "is_stopword", "is_number", "start", "end"]


def tokens_table(
    corpus: pd.DataFrame,
    *,
    normalizer: Callable[[str], str] | None = None,
    clitics: bool = True,
    strip_article: bool = False,
    stopwords: frozenset[str] | None = None,
    include_boilerplate: bool = False,
) -> pd.DataFrame:
    """Return one row per token of the corpus's text, boilerplate lines left out.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus` (``doc_id`` and ``text`` columns, and
        ``attrs["boilerplate"]`` when present).
    normalizer : callable, optional
        ``str -> str``; default :func:`analysis.normalize.make_normalizer` with defaults.
    clitics : bool, default True
        Split proclitics off ``term`` with a :class:`analysis.clitics.CliticSplitter`
        whose vocabulary is the corpus's own normalized tokens.
    strip_article : bool, default False
        Also strip the article ال from ``term``.
    stopwords : frozenset of str, optional
        Normalized stopwords; default :func:`analysis.stopwords.arabic_stopwords`.
    include_boilerplate : bool, default False
        Keep tokens of lines found to be boilerplate.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TOKEN_COLUMNS`: ``sentence`` and ``position`` count from 0 within
        each document; ``surface`` is ``text[start:end]``; ``norm`` is the normalized
        surface; ``prefix`` the split-off proclitics; ``term`` what counting uses;
        ``is_stopword`` is true when ``term`` or ``norm`` is a stopword.

    Examples
    --------
    >>> import pandas as pd
    >>> t = tokens_table(pd.DataFrame({"doc_id": ["a"], "text": ["وتحدث الكاظمى للصحفيين"]}))
    >>> t[["norm", "term", "is_stopword"]].values.tolist()
    [['وتحدث', 'تحدث', False], ['الكاظمي', 'الكاظمي', False], ['للصحفيين', 'الصحفيين', False]]
    """
    normalizer = normalizer or make_normalizer()
    stopwords = arabic_stopwords() if stopwords is None else stopwords
    removed = corpus.attrs.get("boilerplate")
    spans_by_doc, norms = {}, {}
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        skip = []
        if removed is not None and not include_boilerplate and len(removed):
            mine = removed[removed["doc_id"] == doc_id]
            skip = list(zip(mine["start"], mine["end"]))
        spans = [s for s in token_spans(text) if not _inside(s.start, skip)]
        normed = [normalizer(s.surface) for s in spans]
        # a token that normalizes to nothing (an isolated haraka glyph from a PDF) is no word;
        # one that normalizes to several (the ligature ﷺ) gives a row per word, same offsets
        pairs = [(span, part) for span, n in zip(spans, normed) for part in n.split()]
        spans_by_doc[doc_id] = (text, [span for span, _ in pairs])
        norms[doc_id] = [part for _, part in pairs]
    splitter = None
    if clitics:
        splitter = CliticSplitter((n for ns in norms.values() for n in ns), stopwords=stopwords,
                                  strip_article=strip_article)

    frames = []
    for doc_id, (text, spans) in spans_by_doc.items():
        bounds = sentence_bounds(text)
        rows = []
        for position, (span, norm) in enumerate(zip(spans, norms[doc_id])):
            prefix, term = splitter(norm) if splitter else ("", norm)
            rows.append((doc_id, bisect_right(bounds, span.start), position, span.surface, norm, prefix,
                         term, term in stopwords or norm in stopwords, bool(NUMBER_RE.match(norm)),
                         span.start, span.end))
        frames.append(pd.DataFrame(rows, columns=TOKEN_COLUMNS))
    if not frames:
        return pd.DataFrame(columns=TOKEN_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    # renumber sentences densely per document (boilerplate lines leave gaps)
    table["sentence"] = table.groupby("doc_id", sort=False)["sentence"].transform(
        lambda s: pd.factorize(s)[0])
    return table


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def normalization_audit(corpus: pd.DataFrame, *, normalizer: Callable[[str], str] | None = None) -> pd.DataFrame:
    """Show which surface forms each normalization step merged, with counts.

    Every token of ``corpus["text"]`` is passed through the steps one at a time; each
    change a step makes is one row.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With a ``text`` column.
    normalizer : callable, optional
        A :func:`analysis.normalize.make_normalizer` result (its ``steps`` are audited);
        default: the default chain.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``before``, ``after``, ``count``; one row per distinct change,
        in chain order, most frequent first within a step.

    Examples
    --------
    >>> audit = normalization_audit(pd.DataFrame({"text": ["الكاظمى وقآني"]}))
    >>> audit[["step", "before", "after"]].values.tolist()
    [['alef', 'وقآني', 'وقاني'], ['alef_maksura', 'الكاظمى', 'الكاظمي']]
    """
    steps = (normalizer or make_normalizer()).steps
    order = {name: i for i, (name, _) in enumerate(steps)}
    changes: dict[tuple[str, str, str], int] = {}
    for text in corpus["text"]:
        for span in token_spans(text):
            form = span.surface
            for name, func in steps:
                new = func(form)
                if new != form:
                    key = (name, form, new)
                    changes[key] = changes.get(key, 0) + 1
                    form = new
    table = pd.DataFrame([(*k, n) for k, n in changes.items()], columns=["step", "before", "after", "count"])
    table["order"] = table["step"].map(order)
    return (table.sort_values(["order", "count", "before"], ascending=[True, False, True])
            .drop(columns="order").reset_index(drop=True))


def corpus_summary(corpus: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per document: metadata, lengths, boilerplate removed and token counts.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.corpus.load_corpus`.
    tokens : pandas.DataFrame
        From :func:`tokens_table` on the same corpus.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``label`` (the id's first three characters and the headline's first
        words), ``outlet``, ``publication_date``, ``n_chars``, ``n_boilerplate_lines``,
        ``n_tokens`` (body tokens), ``n_content_tokens`` (neither stopword nor number),
        ``n_types`` (distinct content terms).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> c = load_corpus(); s = corpus_summary(c, tokens_table(c))
    >>> bool((s.n_content_tokens < s.n_tokens).all())
    True
    """
    content = tokens[~tokens["is_stopword"] & ~tokens["is_number"]]
    by_doc = content.groupby("doc_id")["term"]
    out = corpus[["doc_id", "title", "outlet", "publication_date", "n_chars", "n_boilerplate_lines"]].copy()
    out["n_tokens"] = out["doc_id"].map(tokens.groupby("doc_id").size()).fillna(0).astype("int64")
    out["n_content_tokens"] = out["doc_id"].map(by_doc.size()).fillna(0).astype("int64")
    out["n_types"] = out["doc_id"].map(by_doc.nunique()).fillna(0).astype("int64")
    out.insert(1, "label", [_short_label(d, t, b) for d, t, b in zip(corpus["doc_id"], corpus["title"], corpus["body"])])
    return out.drop(columns="title")


def _short_label(doc_id: str, title: str, body: str, words: int = 5) -> str:
    head = (title or body).split()
    return f"{doc_id[:3]} · {' '.join(head[:words])}{'…' if len(head) > words else ''}"
