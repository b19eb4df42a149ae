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

import codecs
import csv
import io
import json
import unicodedata
from pathlib import Path
from typing import Iterator, Literal

import pandas as pd

from .boilerplate import detect_title, find_boilerplate, remove_boilerplate
from .config import SEEDS_DIR
from .tokenize import count_tokens

#: Metadata columns every corpus has (empty where unknown).
METADATA_COLUMNS = ["title", "outlet", "publication_date", "date_source", "notes"]
#: Column order of the frame :func:`load_corpus` returns.
CORPUS_COLUMNS = ["doc_id", "path", "title", "text", "body", "outlet", "publication_date",
                  "date_source", "notes", "encoding", "n_chars", "n_tokens", "n_boilerplate_lines"]
SKIPPED_COLUMNS = ["file", "reason"]
#: Share of letters that must be Arabic for bytes to be accepted as Windows-1256.
MIN_ARABIC_SHARE = 0.5
#: Signatures of binary formats that turn up in text folders, with their names.
BINARY_SIGNATURES = {b"%PDF-": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
                     b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive (e.g. a .docx)", b"\x1f\x8b": "gzip data",
                     b"\x7fELF": "a program", b"\xd0\xcf\x11\xe0": "an old Microsoft Office file"}
#: Share of control / unassigned characters above which a UTF-16 decode is rejected.
MAX_GARBAGE_SHARE = 0.05

OnError = Literal["raise", "skip"]


class CorpusError(ValueError):
    """An input that cannot be loaded; ``str(error)`` names the file and the reason."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{source}: {reason}")


def arabic_share(text: str) -> float:
    """Share of the letters in ``text`` that are Arabic-script letters (0 when none).

    Examples
    --------
    >>> arabic_share("بغداد Baghdad")
    0.4166666666666667
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufeff"
               for c in letters) / len(letters)


def decode_bytes(data: bytes, *, source: str | Path, encoding: str | None = None) -> tuple[str, str]:
    """Decode one file's bytes; return ``(text, encoding used)`` or raise :class:`CorpusError`.

    Detection, when ``encoding`` is None: a UTF-8 or UTF-16 byte-order mark; else strict
    UTF-8; else Windows-1256, accepted only if most letters of the result are Arabic (so
    Latin-1 text or random bytes are not passed off as Arabic).  The byte-order mark is
    not part of the returned text.

    Parameters
    ----------
    data : bytes
    source : str or Path
        Named in error messages.
    encoding : str, optional
        Decode with this codec (strictly) instead of detecting.

    Examples
    --------
    >>> decode_bytes("بغداد".encode("cp1256"), source="x.txt")
    ('بغداد', 'cp1256')
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise CorpusError(source, f"cannot be decoded as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", source)
        if _garbage_share(text) > MAX_GARBAGE_SHARE:
            raise CorpusError(source, "starts with a UTF-16 byte-order mark but does not decode to text")
        return text, "utf-16"
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise CorpusError(source, f"is binary, not text ({kind}); convert it to text first")
    if b"\x00" in data:
        raise CorpusError(source, "is binary, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = data.decode("cp1256", errors="replace")
    if "\ufffd" not in text and arabic_share(text) >= MIN_ARABIC_SHARE:
        return text, "cp1256"
    raise CorpusError(source, f"cannot be decoded: not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} "
                              f"at offset {utf8_error.start}) and not Windows-1256 Arabic; "
                              "pass encoding= if you know it")


def _garbage_share(text: str) -> float:
    """Share of characters that text does not contain: controls, unassigned, private use."""
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\t\n\r\f")
    return bad / len(text)


def _strict(data: bytes, codec: str, source: str | Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorpusError(source, f"has a {codec} byte-order mark but invalid {codec} at offset {exc.start}") from None


def read_text_file(path: str | Path, *, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode one text file; empty or whitespace-only files are errors.

    Examples
    --------
    >>> text, enc = read_text_file(SEEDS_DIR / "000_fa0559687573a2fe.txt")
    >>> text.split()[0], enc
    ('قاآني', 'utf-8')
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot be read: {exc.strerror or exc}") from None
    text, used = decode_bytes(data, source=path, encoding=encoding)
    if not text.strip():
        raise CorpusError(path, "is empty" if not text else "holds only whitespace")
    return text, used


# --- sources ------------------------------------------------------------------------------

Record = dict  # doc_id, path, text, encoding, and any metadata columns


def _folder_records(folder: Path, encoding: str | None, on_error: OnError,
                    skipped: list[tuple[str, str]]) -> Iterator[Record]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and not p.name.startswith("."))
    if not files:
        raise CorpusError(folder, "holds no .txt files")
    metadata = _folder_metadata(folder)
    for path in files:
        try:
            text, used = read_text_file(path, encoding=encoding)
        except CorpusError as exc:
            if on_error == "raise":
                raise
            skipped.append((str(path), exc.reason))
            continue
        yield {**metadata.get(path.name, {}), "doc_id": path.stem, "path": str(path), "text": text, "encoding": used}


def _folder_metadata(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "metadata.csv"
    if not path.exists():
        return {}
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "file" not in table.columns:
        raise CorpusError(path, "has no 'file' column to match metadata to the .txt files")
    return {row["file"]: {k: v for k, v in row.items() if k not in ("file", "doc_id")} for row in table.to_dict("records")}


def _table_records(path: Path, text_column: str, id_column: str | None, encoding: str | None,
                   on_error: OnError, skipped: list[tuple[str, str]]) -> Iterator[Record]:
    raw, used = read_text_file(path, encoding=encoding)
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows = _json_lines(path, raw, on_error, skipped)
    else:
        rows = _csv_rows(path, raw)
    for line_no, row in rows:
        source = f"{path}:{line_no}"
        if text_column not in row:
            raise CorpusError(source, f"has no text column {text_column!r} (columns: {sorted(row)})")
        text = row.pop(text_column)
        if not isinstance(text, str) or not text.strip():
            exc = CorpusError(source, f"has an empty {text_column!r} value")
            if on_error == "raise":
                raise exc
            skipped.append((source, exc.reason))
            continue
        doc_id = str(row.pop(id_column)) if id_column and row.get(id_column) not in (None, "") else f"{path.stem}:{line_no}"
        yield {**{k: ("" if v is None else str(v)) for k, v in row.items()},
               "doc_id": doc_id, "path": source, "text": text, "encoding": used}


def _json_lines(path: Path, raw: str, on_error: OnError,
                skipped: list[tuple[str, str]]) -> Iterator[tuple[int, dict]]:
    for line_no, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            error = CorpusError(f"{path}:{line_no}", f"is not valid JSON ({exc.msg} at column {exc.colno})")
            if on_error == "raise":
                raise error from None
            skipped.append((error.source, error.reason))
            continue
        if not isinstance(row, dict):
            error = CorpusError(f"{path}:{line_no}", "is not a JSON object")
            if on_error == "raise":
                raise error
            skipped.append((error.source, error.reason))
            continue
        yield line_no, row


def _csv_rows(path: Path, raw: str) -> Iterator[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    for row_no, row in enumerate(reader, start=2):  # line 1 is the header
        yield row_no, dict(row)


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
        A folder of ``.txt`` files (``metadata.csv`` in it is merged by file name), or a
        ``.csv`` / ``.jsonl`` file with one document per row.
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
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    skipped: list[tuple[str, str]] = []
    if path.is_dir():
        records = list(_folder_records(path, encoding, on_error, skipped))
    else:
        records = list(_table_records(path, text_column, id_column, encoding, on_error, skipped))

    removed_tables, rows = [], []
    for record in records:
        text = record["text"]
        title = record.get("title") or detect_title(text)
        removed = find_boilerplate(text, title=title or None)
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
