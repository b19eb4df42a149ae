"""Load a corpus: read and decode files, attach metadata, separate boilerplate, count.

``load_corpus`` accepts a folder of ``.txt`` files (one article each, with an optional
``metadata.csv`` beside them), a CSV file or a JSON-lines file with a text column.  Every
input is either loaded or reported: with ``on_error="raise"`` the first bad input stops
loading with a :class:`CorpusError` naming the file and the reason; with
``on_error="skip"`` the good documents load and :func:`skipped_inputs` lists every
skipped input and why.

What the corpus knows about each document lives in its columns, so it survives whatever
pandas does to the frame (merge, concat, filter, sort, copy): ``boilerplate`` holds the
removed lines of each document, ``decoding`` what decoding had to repair.

>>> corpus = load_corpus()
>>> corpus[["doc_id", "n_tokens"]].shape
(5, 2)
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from .boilerplate import detect_title, documents_boilerplate, remove_boilerplate
from .config import SEEDS_DIR
from .reader import (  # noqa: F401  (re-exported: the loading API lives here)
    CorpusError, InvalidBytes, OnError, arabic_share, decode_bytes, iter_documents, number_repeats, read_text_file,
    repeated_ids_error,
)
from .tokenize import count_tokens

#: Metadata columns every corpus has (empty where unknown).
METADATA_COLUMNS = ["title", "outlet", "publication_date", "date_source", "notes"]
#: Column order of the frame :func:`load_corpus` returns.
CORPUS_COLUMNS = ["doc_id", "path", "title", "text", "body", "outlet", "publication_date",
                  "date_source", "notes", "encoding", "decoding", "n_chars", "n_tokens", "n_boilerplate_lines",
                  "boilerplate"]
#: Columns of :func:`boilerplate_table`.
BOILERPLATE_COLUMNS = ["doc_id", "line_no", "start", "end", "line", "rule"]
#: Columns of :func:`skipped_inputs`.
SKIPPED_COLUMNS = ["file", "reason"]
DuplicateIds = Literal["raise", "number"]


# --- the corpus -------------------------------------------------------------------------

def load_corpus(
    path: str | Path = SEEDS_DIR,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    invalid_bytes: InvalidBytes = "replace",
    on_error: OnError = "raise",
    duplicate_ids: DuplicateIds = "raise",
) -> pd.DataFrame:
    """Load a corpus into a frame with one row per document.

    Parameters
    ----------
    path : str or Path, default ``seeds/``
        A folder of ``.txt`` files, searched recursively (``metadata.csv`` in it is merged
        by file name), a ``.csv`` / ``.jsonl`` file with one document per row, or a
        ``.zip`` / ``.gz`` of these.
    text_column : str, default "text"
        The column (CSV) or key (JSON lines) holding the text.
    id_column : str, optional
        Column giving document ids; default: file stem (folders) or ``"<stem>:<line>"``.
    encoding : str, optional
        Decode every file with this codec instead of detecting it per file.
    invalid_bytes : {"replace", "error"}, default "replace"
        A file that is UTF-8 but for a few invalid bytes (a stray byte from a bad copy):
        loaded with U+FFFD in their place and the repair noted in ``decoding``, or refused
        as a :class:`CorpusError` (skipped with the reason under ``on_error="skip"``).
    on_error : {"raise", "skip"}, default "raise"
        What a bad input (undecodable, binary, empty, malformed line) does: stop with a
        :class:`CorpusError`, or be listed by :func:`skipped_inputs` while the rest loads.
    duplicate_ids : {"raise", "number"}, default "raise"
        Two documents with one ``doc_id`` (e.g. an ``id_column`` with repeats): a
        :class:`CorpusError` naming the id and where each copy came from, or ``"number"``
        to keep every copy, the second as ``"<id>#2"``, the third ``"<id>#3"``...

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CORPUS_COLUMNS`: ``text`` is the decoded input, unchanged; ``body``
        is ``text`` without boilerplate lines (see :mod:`analysis.boilerplate`);
        ``boilerplate`` lists those lines as ``(line_no, start, end, rule)`` tuples (a
        table of them: :func:`boilerplate_table`); ``decoding`` says what decoding
        repaired ('' when nothing); ``n_chars`` counts characters of ``text``,
        ``n_tokens`` the tokens that are counted.  Skipped inputs: :func:`skipped_inputs`.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.loc[corpus.doc_id.str.startswith("002"), "outlet"].item()
    'إيلاف'
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    if duplicate_ids not in ("raise", "number"):
        raise ValueError(f"duplicate_ids must be 'raise' or 'number', not {duplicate_ids!r}")
    path = Path(path)
    skipped: list[tuple[str, str]] = []
    records = list(iter_documents(path, text_column=text_column, id_column=id_column, encoding=encoding,
                                  invalid_bytes=invalid_bytes, on_error=on_error, skipped=skipped))
    _unique_ids(records, path, duplicate_ids)

    rows = []
    titles = [record.get("title") or detect_title(record["text"]) for record in records]
    found = documents_boilerplate([record["text"] for record in records], titles)
    for record, title, removed in zip(records, titles, found):
        text = record["text"]
        rows.append({**{c: "" for c in METADATA_COLUMNS}, "decoding": "", **record, "title": title,
                     "body": remove_boilerplate(text, removed) if removed else text,
                     "n_chars": len(text), "n_tokens": count_tokens(text, [(a, b) for _, a, b, _ in removed]),
                     "n_boilerplate_lines": len(removed), "boilerplate": removed})

    extra = sorted({k for row in rows for k in row} - set(CORPUS_COLUMNS))
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS + extra)
    corpus = corpus.astype({"n_chars": "int64", "n_tokens": "int64", "n_boilerplate_lines": "int64"})
    # plain tuples, never frames: pandas compares attrs with == when it concatenates
    corpus.attrs["skipped"] = tuple(map(tuple, skipped))
    if corpus.empty:
        reasons = "; ".join(f"{f}: {r}" for f, r in skipped[:3])
        raise CorpusError(path, f"no document could be loaded ({len(skipped)} skipped: {reasons})")
    return corpus


def _unique_ids(records: list[dict], path: Path, mode: DuplicateIds) -> None:
    """Make sure every record has its own ``doc_id``: raise, or number the repeats."""
    where: dict[str, list[str]] = {}
    for record in records:
        where.setdefault(record["doc_id"], []).append(record.get("path", ""))
    repeated = {doc_id: sources for doc_id, sources in where.items() if len(sources) > 1}
    if not repeated:
        return
    if mode == "raise":
        raise repeated_ids_error(path, repeated)
    for record, doc_id in zip(records, number_repeats([r["doc_id"] for r in records], repeated)):
        record["doc_id"] = doc_id


def boilerplate_of(corpus: pd.DataFrame) -> list[tuple[tuple[int, int, int, str], ...]]:
    """The boilerplate lines of each document of ``corpus``, in row order: its
    ``boilerplate`` column, or, for a frame without one, found as :func:`load_corpus`
    finds them (with the ``title`` column where there is one).

    Examples
    --------
    >>> frame = pd.DataFrame({"doc_id": ["a"], "text": ["خبر\\nخبر\\nنص الخبر."]})
    >>> boilerplate_of(frame)
    [((1, 4, 7, 'repeated_title'),)]
    """
    if "boilerplate" in corpus.columns:
        return [tuple(lines) if isinstance(lines, (tuple, list)) else () for lines in corpus["boilerplate"]]
    titles = corpus["title"] if "title" in corpus.columns else [None] * len(corpus)
    return documents_boilerplate(list(corpus["text"]),
                                 [title if isinstance(title, str) and title else None for title in titles])


def boilerplate_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per boilerplate line of the corpus: ``doc_id``, ``line_no``, ``start``,
    ``end``, ``line`` (as written) and the ``rule`` that found it.

    Examples
    --------
    >>> boilerplate_table(load_corpus()).rule.value_counts().index[0]
    'nav_phrase'
    """
    rows = [(doc_id, no, start, end, text[start:end], rule)
            for doc_id, text, lines in zip(corpus["doc_id"], corpus["text"], boilerplate_of(corpus))
            for no, start, end, rule in lines]
    table = pd.DataFrame(rows, columns=BOILERPLATE_COLUMNS)
    return table.astype({"line_no": "int64", "start": "int64", "end": "int64"})


def skipped_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """The inputs left out of a corpus or a count (``on_error="skip"``), and why: columns
    ``file`` and ``reason`` (none when nothing was skipped, or when pandas dropped the
    frame's ``attrs``, which hold them).

    Examples
    --------
    >>> skipped_inputs(load_corpus()).empty
    True
    """
    return pd.DataFrame(list(frame.attrs.get("skipped", ())), columns=SKIPPED_COLUMNS)
