"""Load a corpus: read and decode files, attach metadata, separate boilerplate, count.

``load_corpus`` accepts a folder of ``.txt`` files (one article each, with an optional
``metadata.csv`` beside them), a CSV file or a JSON-lines file with a text column.  Every
input is either loaded or reported: with ``on_error="raise"`` the first bad input stops
loading with a :class:`CorpusError` naming the file and the reason; with
``on_error="skip"`` the good documents load and ``corpus.attrs["skipped"]`` lists every
skipped input and why.

>>> corpus = load_corpus()
>>> corpus[["doc_id", "n_tokens"]].shape
(5, 2)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .boilerplate import detect_title, find_boilerplate, remove_boilerplate
from .config import SEEDS_DIR
from .reader import (  # noqa: F401  (re-exported: the loading API lives here)
    CorpusError, OnError, arabic_share, decode_bytes, iter_documents, read_text_file,
)
from .tokenize import count_tokens

#: Metadata columns every corpus has (empty where unknown).
METADATA_COLUMNS = ["title", "outlet", "publication_date", "date_source", "notes"]
#: Column order of the frame :func:`load_corpus` returns.
CORPUS_COLUMNS = ["doc_id", "path", "title", "text", "body", "outlet", "publication_date",
                  "date_source", "notes", "encoding", "n_chars", "n_tokens", "n_boilerplate_lines"]
SKIPPED_COLUMNS = ["file", "reason"]


# --- the corpus -------------------------------------------------------------------------

def load_corpus(
    path: str | Path = SEEDS_DIR,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    on_error: OnError = "raise",
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
        Decode every file with this codec instead of detecting UTF-8 / UTF-16 /
        Windows-1256 per file.
    on_error : {"raise", "skip"}, default "raise"
        What a bad input (undecodable, binary, empty, malformed line) does: stop with a
        :class:`CorpusError`, or be listed in ``attrs["skipped"]`` while the rest loads.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CORPUS_COLUMNS`: ``text`` is the decoded input, unchanged; ``body``
        is ``text`` without boilerplate lines (see :mod:`analysis.boilerplate`);
        ``n_chars`` counts characters of ``text``, ``n_tokens`` tokens of ``body``.
        ``attrs["boilerplate"]`` holds every removed line (doc_id, line_no, start, end,
        line, rule) and ``attrs["skipped"]`` every skipped input (file, reason).

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.loc[corpus.doc_id.str.startswith("002"), "outlet"].item()
    'إيلاف'
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    path = Path(path)
    skipped: list[tuple[str, str]] = []
    records = list(iter_documents(path, text_column=text_column, id_column=id_column, encoding=encoding,
                                  on_error=on_error, skipped=skipped))

    removed_tables, rows = [], []
    for record in records:
        text = record["text"]
        title = record.get("title") or detect_title(text)
        removed = find_boilerplate(text, title=title)
        body = remove_boilerplate(text, removed)
        removed_tables.append(removed.assign(doc_id=record["doc_id"]))
        rows.append({**{c: "" for c in METADATA_COLUMNS}, **record, "title": title, "body": body,
                     "n_chars": len(text), "n_tokens": count_tokens(body),
                     "n_boilerplate_lines": len(removed)})

    extra = sorted({k for row in rows for k in row} - set(CORPUS_COLUMNS))
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS + extra)
    corpus = corpus.astype({"n_chars": "int64", "n_tokens": "int64", "n_boilerplate_lines": "int64"})
    boilerplate = (pd.concat(removed_tables, ignore_index=True) if removed_tables
                   else pd.DataFrame(columns=["line_no", "start", "end", "line", "rule", "doc_id"]))
    corpus.attrs["boilerplate"] = boilerplate[["doc_id", "line_no", "start", "end", "line", "rule"]]
    corpus.attrs["skipped"] = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
    if corpus.empty:
        reasons = "; ".join(f"{f}: {r}" for f, r in skipped[:3])
        raise CorpusError(path, f"no document could be loaded ({len(skipped)} skipped: {reasons})")
    return corpus
