"""Read documents one at a time from folders, CSV/JSON-lines files and .zip/.gz archives.

Both :func:`analysis.corpus.load_corpus` and the streaming counter (:mod:`analysis.stream`)
read through :func:`iter_documents`, so a file is decoded, and a bad one reported, the
same way everywhere.  Reading is lazy: a JSON-lines or CSV file of any size is read line
by line, a folder file by file.  Work can be split into :class:`Partition` s (groups of
files, byte ranges of a JSON-lines file, archive members) that processes or Dask workers
read on their own.

>>> from analysis.config import SEEDS_DIR
>>> [d["doc_id"] for d in iter_documents(SEEDS_DIR)][:2]
['000_fa0559687573a2fe', '001_3e1b07f96af40a9e']
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import unicodedata
import zipfile
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Literal

import orjson

OnError = Literal["raise", "skip"]
TEXT_SUFFIXES = (".txt",)
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
#: Share of letters that must be Arabic for bytes to be accepted as Windows-1256.
MIN_ARABIC_SHARE = 0.5
#: Share of control / unassigned characters above which a UTF-16 decode is rejected.
MAX_GARBAGE_SHARE = 0.05
#: Signatures of binary formats that turn up in text folders, with their names.
BINARY_SIGNATURES = {b"%PDF-": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
                     b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive (e.g. a .docx)", b"\x1f\x8b": "gzip data",
                     b"\x7fELF": "a program", b"\xd0\xcf\x11\xe0": "an old Microsoft Office file"}


class CorpusError(ValueError):
    """An input that cannot be loaded; ``str(error)`` names the file and the reason."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self):
        # rebuilt from both parts (the default would call __init__ with the message alone),
        # so the error crosses process pools
        return type(self), (self.source, self.reason)


# --- decoding -------------------------------------------------------------------------------

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


def _garbage_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\t\n\r\f")
    return bad / len(text)


def _strict(data: bytes, codec: str, source: str | Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorpusError(source, f"has a {codec} byte-order mark but invalid {codec} at offset {exc.start}") from None


def decode_bytes(data: bytes, *, source: str | Path, encoding: str | None = None) -> tuple[str, str]:
    """Decode one file's bytes; return ``(text, encoding used)`` or raise :class:`CorpusError`.

    Detection, when ``encoding`` is None: a UTF-8 or UTF-16 byte-order mark; else known
    binary signatures (PDF, images, zip) and NUL bytes are refused; else strict UTF-8;
    else Windows-1256, accepted only if most letters of the result are Arabic (so Latin-1
    text or random bytes are not passed off as Arabic).  The byte-order mark is not part
    of the returned text.

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


def read_text_file(path: str | Path, *, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode one text file; empty or whitespace-only files are errors.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> text, enc = read_text_file(SEEDS_DIR / "000_fa0559687573a2fe.txt")
    >>> text.split()[0], enc
    ('قاآني', 'utf-8')
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot be read: {exc.strerror or exc}") from None
    return _checked_text(data, path, encoding)


def _checked_text(data: bytes, source, encoding: str | None) -> tuple[str, str]:
    text, used = decode_bytes(data, source=source, encoding=encoding)
    if not text.strip():
        raise CorpusError(source, "is empty" if not text else "holds only whitespace")
    return text, used


# --- partitions -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Partition:
    """A piece of a corpus that one worker reads on its own.

    ``kind`` is ``files`` (``items`` are .txt paths), ``lines`` (a JSON-lines or CSV file,
    ``items`` one path, ``start``/``end`` a byte range that begins and ends at line
    starts), ``members`` (``items`` are .txt/.jsonl/.csv members of the zip ``archive``),
    or ``stream`` (one .gz or table file read whole, in order).
    """

    kind: str
    items: tuple[str, ...]
    start: int = 0
    end: int = -1
    archive: str = ""
    root: str = ""
    first_line: int = 1
    size: int = 0
    options: dict = field(default_factory=dict, compare=False, hash=False)


def _folder_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    if not files:
        raise CorpusError(folder, "holds no .txt files")
    return files


def partitions(path: str | Path, *, target_bytes: int = 8 << 20, text_column: str = "text",
               id_column: str | None = None, encoding: str | None = None,
               number_lines: bool = True) -> list[Partition]:
    """Split a corpus into partitions of about ``target_bytes`` each.

    The byte ranges of a JSON-lines file need the number of their first line, which takes
    a read of the file; with ``number_lines=False`` it is left at 0, for
    :func:`numbered_partitions` to fill in as each partition is handed out.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> [p.kind for p in partitions(SEEDS_DIR)]
    ['files']
    """
    path = Path(path)
    options = {"text_column": text_column, "id_column": id_column, "encoding": encoding}
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        out, batch, size = [], [], 0
        for file in _folder_files(path):
            batch.append(str(file))
            size += file.stat().st_size
            if size >= target_bytes:
                out.append(Partition("files", tuple(batch), root=str(path), size=size, options=options))
                batch, size = [], 0
        if batch:
            out.append(Partition("files", tuple(batch), root=str(path), size=size, options=options))
        return out
    suffix = path.suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
        out, batch, size = [], [], 0
        for member in members:
            batch.append(member.filename)
            size += member.file_size
            if size >= target_bytes:
                out.append(Partition("members", tuple(batch), archive=str(path), size=size, options=options))
                batch, size = [], 0
        if batch or not out:
            out.append(Partition("members", tuple(batch), archive=str(path), size=size, options=options))
        return out
    if suffix in (".jsonl", ".ndjson") and encoding in (None, "utf-8", "utf-8-sig"):
        total = path.stat().st_size
        bounds, start = [], 0
        with path.open("rb") as handle:
            while start < total:
                handle.seek(min(start + target_bytes, total))
                handle.readline()
                end = min(handle.tell(), total)
                bounds.append((start, end))
                start = end
        out = [Partition("lines", (str(path),), s, e, size=e - s, first_line=0, options=options) for s, e in bounds]
        out = out or [Partition("lines", (str(path),), 0, 0, first_line=0, options=options)]
        return list(numbered_partitions(out)) if number_lines else out
    return [Partition("stream", (str(path),), size=path.stat().st_size, options=options)]


def numbered_partitions(parts: list[Partition]) -> Iterator[Partition]:
    """The partitions in order, each byte range of a JSON-lines file with the number of its
    first line (those :func:`partitions` left at 0), counted as they are handed out."""
    line, pos, path = 1, 0, None
    handle = None
    try:
        for part in parts:
            if part.kind != "lines" or part.first_line:
                yield part
                continue
            if part.items[0] != path or part.start < pos:
                if handle is not None:
                    handle.close()
                path, line, pos = part.items[0], 1, 0
                handle = open(path, "rb")
            if part.start > pos:                    # a range skipped: count its lines too
                handle.seek(pos)
                line += handle.read(part.start - pos).count(b"\n")
            yield dataclasses.replace(part, first_line=line)
            handle.seek(part.start)
            line += handle.read(part.end - part.start).count(b"\n")
            pos = part.end
    finally:
        if handle is not None:
            handle.close()


def read_partition(part: Partition, *, on_error: OnError = "raise",
                   skipped: list[tuple[str, str]] | None = None) -> Iterator[dict]:
    """Yield the documents of one partition (see :func:`iter_documents` for the records)."""
    skipped = [] if skipped is None else skipped
    opts = part.options
    if part.kind == "files":
        root = Path(part.root)
        metadata = _folder_metadata(root)
        for name in part.items:
            file = Path(name)
            try:
                text, used = read_text_file(file, encoding=opts.get("encoding"))
            except CorpusError as exc:
                if on_error == "raise":
                    raise
                skipped.append((str(file), exc.reason))
                continue
            rel = file.relative_to(root)
            doc_id = str(rel.with_suffix("")) if len(rel.parts) > 1 else file.stem
            yield {**metadata.get(str(rel), {}), "doc_id": doc_id, "path": str(file), "text": text,
                   "encoding": used}
    elif part.kind == "lines":
        if part.first_line < 1:
            raise ValueError(f"{part.items[0]}: a byte range without its line number (see numbered_partitions)")
        path = Path(part.items[0])
        with path.open("rb") as handle:
            handle.seek(part.start)
            data = handle.read(part.end - part.start if part.end >= 0 else -1)
        if part.start == 0 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        # the bytes go to the JSON parser line by line; a line that is not valid UTF-8 is
        # reported with its line number
        yield from _json_lines(path, data, on_error, skipped, opts, first_line=part.first_line)
    elif part.kind == "members":
        with zipfile.ZipFile(part.archive) as archive:
            for name in part.items:
                source = f"{part.archive}!{name}"
                data = archive.read(name)
                yield from _bytes_documents(data, name, source, on_error, skipped, opts)
    else:
        path = Path(part.items[0])
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as handle:
                try:
                    data = handle.read()
                except (OSError, EOFError) as exc:
                    error = CorpusError(path, f"is not a readable gzip file ({exc})")
                    if on_error == "raise":
                        raise error from None
                    skipped.append((str(path), error.reason))
                    return
            yield from _bytes_documents(data, path.name[:-3], str(path), on_error, skipped, opts)
        else:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CorpusError(path, f"cannot be read: {exc.strerror or exc}") from None
            yield from _bytes_documents(data, path.name, str(path), on_error, skipped, opts)


def _bytes_documents(data: bytes, name: str, source: str, on_error: OnError, skipped: list,
                     opts: dict) -> Iterator[dict]:
    """Documents of one file's bytes, by its name's suffix (.txt, .csv, .jsonl)."""
    suffix = Path(name).suffix.lower()
    try:
        text, used = _checked_text(data, source, opts.get("encoding"))
    except CorpusError as exc:
        if on_error == "raise":
            raise
        skipped.append((source, exc.reason))
        return
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _json_lines(Path(source), text, on_error, skipped, opts, used=used)
    elif suffix == ".csv":
        yield from _csv_rows(Path(source), text, on_error, skipped, opts, used=used)
    else:
        yield {"doc_id": Path(name).with_suffix("").as_posix(), "path": source, "text": text, "encoding": used}


def _row_record(source: str, stem: str, row: dict, on_error: OnError, skipped: list, opts: dict,
                line_no: int, used: str) -> dict | None:
    text_column, id_column = opts.get("text_column", "text"), opts.get("id_column")
    if text_column not in row:
        raise CorpusError(source, f"has no text column {text_column!r} (columns: {sorted(row)})")
    text = row.pop(text_column)
    if not isinstance(text, str) or not text or text.isspace():
        error = CorpusError(source, f"has an empty {text_column!r} value")
        if on_error == "raise":
            raise error
        skipped.append((source, error.reason))
        return None
    doc_id = (str(row.pop(id_column)) if id_column and row.get(id_column) not in (None, "")
              else f"{stem}:{line_no}")
    record = {k: v if type(v) is str else "" if v is None else str(v) for k, v in row.items()}
    record.update(doc_id=doc_id, path=source, text=text, encoding=used)      # these last, as keys or not
    return record


#: Value types a row keeps as orjson parsed them (as the json module would); any other value
#: (a float, a list, an object) sends the row to the json module, whose result is the reference:
#: orjson reads integers beyond 64 bits as floats.
_PLAIN_VALUES = frozenset({str, int, bool, type(None)})


def _json_lines(path: Path, raw: str | bytes, on_error: OnError, skipped: list, opts: dict, *,
                first_line: int = 1, used: str = "utf-8") -> Iterator[dict]:
    """The records of JSON lines (``raw``: text, or bytes read as UTF-8).

    Each line is parsed by orjson; a line it rejects or whose values it might read
    differently goes to the json module, whose result or error is the one reported.
    """
    # JSON lines end at "\n" only: U+2028, U+0085 and the like may stand inside a string
    where, stem = f"{path}:", Path(str(path).split("!")[-1]).stem
    for line_no, line in enumerate(raw.split("\n" if isinstance(raw, str) else b"\n"), start=first_line):
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            row = None
        if type(row) is not dict or not _PLAIN_VALUES.issuperset(map(type, row.values())):
            row = _json_row(path, line, line_no, on_error, skipped)
            if row is None:
                continue
        record = _row_record(f"{where}{line_no}", stem, row, on_error, skipped, opts, line_no, used)
        if record is not None:
            yield record


def _json_row(path: Path, line: str | bytes, line_no: int, on_error: OnError, skipped: list) -> dict | None:
    """One JSON line parsed by the json module: its object, or ``None`` for a blank line
    or one skipped (``on_error="skip"``) as not UTF-8, not JSON or not an object."""
    source = f"{path}:{line_no}"
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            error = CorpusError(source, f"is not UTF-8 (invalid byte at column {exc.start + 1}); pass encoding=")
            if on_error == "raise":
                raise error from None
            skipped.append((error.source, error.reason))
            return None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        error = CorpusError(source, f"is not valid JSON ({exc.msg} at column {exc.colno})")
        if on_error == "raise":
            raise error from None
        skipped.append((error.source, error.reason))
        return None
    if not isinstance(row, dict):
        error = CorpusError(source, "is not a JSON object")
        if on_error == "raise":
            raise error
        skipped.append((error.source, error.reason))
        return None
    return row


def _csv_rows(path: Path, raw: str, on_error: OnError, skipped: list, opts: dict, *,
              used: str = "utf-8") -> Iterator[dict]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    stem = Path(str(path).split("!")[-1]).stem
    for row in reader:
        line_no = reader.line_num
        record = _row_record(f"{path}:{line_no}", stem, dict(row), on_error, skipped, opts, line_no, used)
        if record is not None:
            yield record


def _folder_metadata(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "metadata.csv"
    if not path.exists():
        return {}
    import pandas as pd

    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "file" not in table.columns:
        raise CorpusError(path, "has no 'file' column to match metadata to the .txt files")
    return {row["file"]: {k: v for k, v in row.items() if k not in ("file", "doc_id")}
            for row in table.to_dict("records")}


def iter_documents(path: str | Path, *, text_column: str = "text", id_column: str | None = None,
                   encoding: str | None = None, on_error: OnError = "raise",
                   skipped: list[tuple[str, str]] | None = None) -> Iterator[dict]:
    """Yield the documents of a corpus, one record (dict) at a time.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files (searched recursively; ``metadata.csv`` merged by file
        name), a ``.csv`` / ``.jsonl`` file, or a ``.zip`` or ``.gz`` of these.
    text_column, id_column, encoding, on_error
        As in :func:`analysis.corpus.load_corpus`.
    skipped : list, optional
        Receives ``(file, reason)`` for every input skipped with ``on_error="skip"``.

    Yields
    ------
    dict
        ``doc_id``, ``path``, ``text`` (decoded, unchanged), ``encoding`` and any metadata.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    for part in partitions(path, text_column=text_column, id_column=id_column, encoding=encoding):
        yield from read_partition(part, on_error=on_error, skipped=skipped)
