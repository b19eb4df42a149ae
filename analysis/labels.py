"""Document labels a person can read: outlet, date and the first words of the title, never two alike.

Charts name documents by these labels; tables and CSVs keep ``doc_id`` beside them, so a
label never has to identify a document on its own.  A label is built from the metadata
:func:`analysis.corpus.load_corpus` gives every corpus (``outlet``, ``publication_date``,
``title``; the body's first words when there is no title), shortened to a few words,
and made unique: documents whose labels collide get more title words, then a number.

>>> corpus = pd.DataFrame({"doc_id": ["BBC-1", "BBC-2"], "outlet": ["بي بي سي", "بي بي سي"],
...                        "publication_date": ["2018-02-19", "2018-02-19"],
...                        "title": ["قاآني يزور بغداد سرا", "قاآني يزور بغداد علنا"]})
>>> doc_labels(corpus, words=2).tolist()
['بي بي سي · 2018/02/19 · قاآني يزور بغداد سرا', 'بي بي سي · 2018/02/19 · قاآني يزور بغداد علنا']
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .normalize import normalize

#: What a label is made of, in this order: the outlet, the publication date (written
#: 2021/11/08, which stays one left-to-right run inside Arabic text), the title's first words.
LABEL_PARTS = ("outlet", "date", "title")
#: Between the parts of a label.
SEPARATOR = " · "
#: Marks a shortened title.
ELLIPSIS = "…"


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date_texts(values: list[object]) -> list[str]:
    """ISO dates as 2021/11/08 (a date-time keeps its day); anything else as written."""
    texts = [_text(v) for v in values]
    when = pd.to_datetime(pd.Series(texts, dtype=object).replace("", None), errors="coerce", format="ISO8601")
    return [f"{w:%Y/%m/%d}" if pd.notna(w) else t for w, t in zip(when, texts)]


def _head(words: list[str], n: int, max_chars: int) -> str:
    """The first ``n`` words, cut to ``max_chars`` characters, with an ellipsis if shortened."""
    head = " ".join(words[:n])
    if len(head) > max_chars:
        head = head[:max_chars].rsplit(" ", 1)[0] if " " in head[:max_chars] else head[:max_chars]
    return head + (ELLIPSIS if head != " ".join(words) else "")


def doc_labels(corpus: pd.DataFrame, *, words: int = 4, max_chars: int = 32,
               parts: Sequence[str] = LABEL_PARTS) -> pd.Series:
    """One short, readable and unique label per document, from its metadata.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With ``doc_id`` and any of ``outlet``, ``publication_date``, ``title`` and
        ``body`` (or ``text``): what :func:`analysis.corpus.load_corpus` returns.
    words : int, default 4
        Words of the title to start with.  Documents whose labels collide get more, up
        to the whole title.
    max_chars : int, default 32
        The title part is cut at a word boundary to at most this many characters (then
        ``…``); outlet and date are never cut.
    parts : sequence of str, default ("outlet", "date", "title")
        Which parts to use, in order; ``"id"`` adds the ``doc_id``.  A part the document
        lacks is left out; a title equal to the outlet (a dateline taken for a title) is
        replaced by the body's first words; a document with no part at all is labelled
        by its ``doc_id``.

    Returns
    -------
    pandas.Series
        Labels indexed by ``doc_id``, in corpus order, all different: when two are still
        equal with the whole title, they keep the short title and the second gets " (2)",
        the third " (3)"...

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["إيلاف", "", ""],
    ...                   "title": ["قائد فيلق القدس في بغداد", "", ""], "body": ["", "نص الخبر", "نص الخبر"]})
    >>> doc_labels(c, words=3).tolist()
    ['إيلاف · قائد فيلق القدس…', 'نص الخبر', 'نص الخبر (2)']
    """
    unknown = set(parts) - {*LABEL_PARTS, "id"}
    if unknown:
        raise ValueError(f"doc_labels: unknown parts {sorted(unknown)}; use {[*LABEL_PARTS, 'id']}")
    n = len(corpus)

    def column(name: str) -> list[object]:
        return corpus[name].tolist() if name in corpus.columns else [""] * n

    outlets = [_text(v) for v in column("outlet")]
    dates = _date_texts(column("publication_date"))
    bodies = column("body") if "body" in corpus.columns else column("text")
    titles = []
    for title, outlet, body in zip(column("title"), outlets, bodies):
        title = _text(title)
        if not title or (outlet and normalize(title) == normalize(outlet)):
            title = _text(body)
        titles.append(title.split())
    ids = [str(d) for d in corpus["doc_id"]]

    def label(i: int, n_words: int) -> str:
        pieces = {"outlet": outlets[i], "date": dates[i], "id": ids[i],
                  "title": _head(titles[i], n_words, max_chars if n_words == words else 10 * max_chars)}
        text = SEPARATOR.join(pieces[p] for p in parts if pieces[p])
        return text or ids[i]

    labels = [label(i, words) for i in range(n)]
    longest = max((len(t) for t in titles), default=0)
    n_words = words
    while n_words < longest:
        clash = _repeated(labels)
        if not clash:
            break
        n_words += 1
        for i in clash:
            labels[i] = label(i, n_words)
    for i in _repeated(labels):                   # the whole title did not tell them apart: short again
        labels[i] = label(i, words)
    taken: set[str] = set()
    seen: dict[str, int] = {}
    for i, text in enumerate(labels):
        if text in taken:
            k = seen.get(text, 1)
            while f"{text} ({k})" in taken or k == 1:
                k += 1
            seen[text] = k
            labels[i] = f"{text} ({k})"
        taken.add(labels[i])
    return pd.Series(labels, index=pd.Index(ids, name="doc_id"), name="label", dtype=object)


def _repeated(labels: list[str]) -> list[int]:
    """Positions of labels that occur more than once."""
    counts: dict[str, int] = {}
    for text in labels:
        counts[text] = counts.get(text, 0) + 1
    return [i for i, text in enumerate(labels) if counts[text] > 1]
