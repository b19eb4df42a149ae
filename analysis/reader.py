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
import os
import re
import unicodedata
import zipfile
import dataclasses
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Literal, NamedTuple

import orjson

OnError = Literal["raise", "skip"]
InvalidBytes = Literal["replace", "error"]
TEXT_SUFFIXES = (".txt",)
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
#: Share of letters that must be Arabic for bytes to be accepted in a single-byte encoding.
MIN_ARABIC_SHARE = 0.5
#: Share of control / unassigned characters above which a decode is rejected.
MAX_GARBAGE_SHARE = 0.05
#: Share of the non-ASCII bytes that must form valid UTF-8 sequences for bytes that are not
#: valid UTF-8 to be read as UTF-8 with the rest replaced.  Arabic in Windows-1256 or ISO-8859-6
#: has at most 3 % of them by chance (the seeds and 41 news articles); UTF-8 with a few stray
#: bytes has over 99 %.  In between, the file is refused as a mix.
MIN_UTF8_SHARE = 0.9
#: Single-byte Arabic encodings tried when the bytes are not UTF-8, preferred in this order on a
#: tie.  Each decodes the other's bytes to Arabic letters, so the one whose text has more
#: definite articles (ال) wins (ISO-8859-6 read as Windows-1256 still has 80 % Arabic letters).
SINGLE_BYTE_ENCODINGS = ("cp1256", "iso8859_6")
#: What UTF-8 Arabic read as Windows-1256 looks like: every letter becomes ط or ظ (its lead byte
#: 0xd8 / 0xd9) and a character of the bytes 0x80-0xbf.  Genuine Arabic has at most one such pair.
MOJIBAKE_SIGN = re.compile("[طظ][" + re.escape(bytes(range(0x80, 0xC0)).decode("cp1256")) + "]")
#: The pair alif (ا, the commonest letter) becomes: a text is searched for the signs only if it
#: holds this (a test four times faster than the search, which would halve the speed of
#: reading JSON lines; and first only for its rare byte 0xc2, found faster still).  Genuine
#: text never holds it.
MOJIBAKE_MARK = "ط§"
#: Pairs that make a text look like mojibake when it cannot be converted back (it is then noted).
MOJIBAKE_MIN_SIGNS = 3
MOJIBAKE_NOTE = "mojibake repaired (UTF-8 that had been read as Windows-1256 and saved again as UTF-8)"
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_ASCII = bytes(range(0x80))
#: Signatures of binary formats that turn up in text folders, with their names.
BINARY_SIGNATURES = {b"%PDF-": "a PDF file", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
                     b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive (e.g. a .docx)", b"\x1f\x8b": "gzip data",
                     b"\x7fELF": "a program", b"\xd0\xcf\x11\xe0": "an old Microsoft Office file"}
_SIGNATURES = tuple(BINARY_SIGNATURES)


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


class Decoded(NamedTuple):
    """Decoded bytes: the text, the encoding used, and a note on anything replaced or repaired
    (``""`` when the bytes decoded cleanly)."""

    text: str
    encoding: str
    note: str = ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _round_trip(text: str) -> str | None:
    """``text`` encoded as Windows-1256 and decoded as UTF-8, or None where either fails."""
    try:
        return text.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return None


def repair_mojibake(text: str) -> tuple[str, str]:
    """Undo UTF-8 that was read as Windows-1256 and saved again as UTF-8; return ``(text, note)``.

    A text (else each of its lines) showing the signs of it (:data:`MOJIBAKE_MARK`,
    :data:`MOJIBAKE_SIGN`) is repaired only if encoding it as Windows-1256 gives valid
    UTF-8, so the repair is exact; genuine Arabic never passes (two letters in a row are
    not valid UTF-8 in Windows-1256).
    The note says what was repaired, or that a text looking like mojibake was left as it
    is; it is ``""`` when there was nothing to do.

    Examples
    --------
    >>> repair_mojibake("ظ‚ط§ط¢ظ†ظٹ ظپظٹ ط¨ط؛ط¯ط§ط¯")[0]
    'قاآني في بغداد'
    >>> repair_mojibake("قاآني في بغداد")
    ('قاآني في بغداد', '')
    """
    if MOJIBAKE_MARK not in text:
        return text, ""
    fixed = _round_trip(text)
    if fixed is not None and fixed != text:
        return fixed, MOJIBAKE_NOTE
    lines, repaired, left = text.split("\n"), 0, 0
    for i, line in enumerate(lines):
        signs = len(MOJIBAKE_SIGN.findall(line))
        if not signs:
            continue
        fixed = _round_trip(line)
        if fixed is not None and fixed != line:
            lines[i], repaired = fixed, repaired + 1
        elif signs >= MOJIBAKE_MIN_SIGNS:
            left += 1
    notes = []
    if repaired:
        notes.append(f"{MOJIBAKE_NOTE} in {repaired} of {_plural(len(lines), 'line')}")
    if left:
        notes.append(f"{_plural(left, 'line')} look like UTF-8 read as Windows-1256 but do not convert "
                     "back exactly; left as they are")
    return "\n".join(lines) if repaired else text, "; ".join(notes)


def _at(position: int, in_line: bool, word: str = "offset") -> str:
    """A byte position as notes and errors give it: ``offset 12`` in a file, ``column 13``
    (counted from 1, as for JSON errors) in a line."""
    return f"column {position + 1}" if in_line else f"{word} {position}"


def _invalid_utf8(data: bytes) -> tuple[str, int, float]:
    """Bytes that are not valid UTF-8: the text with each invalid byte as the lone surrogate
    ``surrogateescape`` makes of it, the number of invalid bytes, and the share of the
    non-ASCII bytes that form valid UTF-8 sequences."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED_BYTE.findall(escaped))
    return escaped, invalid, 1 - invalid / len(data.translate(None, _ASCII))


def _single_byte(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` in the single-byte Arabic encoding that fits best, or None."""
    best, best_score = None, None
    for codec in SINGLE_BYTE_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:                      # a byte the encoding leaves undefined
            continue
        share = arabic_share(text)
        if (share < MIN_ARABIC_SHARE or _garbage_share(text) > MAX_GARBAGE_SHARE
                or len(MOJIBAKE_SIGN.findall(text)) >= MOJIBAKE_MIN_SIGNS):
            continue
        score = (text.count("ال"), share)
        if best_score is None or score > best_score:
            best, best_score = (text, codec), score
    return best


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _refuse_binary(data: bytes, source) -> None:
    if data.startswith(_SIGNATURES):                 # one test per file; which one, only then
        kind = next(kind for signature, kind in BINARY_SIGNATURES.items() if data.startswith(signature))
        raise CorpusError(source, f"is binary, not text ({kind}); convert it to text first")
    if b"\x00" in data:
        raise CorpusError(source, "is binary, not text (it contains NUL bytes)")


def _decode(data: bytes, source, *, encoding: str | None = None, invalid_bytes: InvalidBytes = "replace",
            repair: bool = True, keep_escaped: bool = False, binary_check: bool = True,
            in_line: bool = False) -> Decoded:
    """:func:`decode_bytes` with switches for tables and lines: without mojibake repair
    (``repair``; tables repair per row), with invalid bytes left as lone surrogates for
    the rows to count (``keep_escaped``), without the binary checks (``binary_check``, for
    one line); ``in_line`` gives byte positions as columns of a line."""
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise CorpusError(source, f"cannot be decoded as {encoding}: {exc}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CorpusError(source, f"has a UTF-16 byte-order mark but invalid UTF-16 at offset {exc.start}") from None
        if _garbage_share(text) > MAX_GARBAGE_SHARE:
            raise CorpusError(source, "starts with a UTF-16 byte-order mark but does not decode to text")
        text, note = repair_mojibake(text) if repair else (text, "")
        return Decoded(text, "utf-16", note)
    used, offset = "utf-8", 0
    if data.startswith(codecs.BOM_UTF8):
        used, offset, data = "utf-8-sig", len(codecs.BOM_UTF8), data[len(codecs.BOM_UTF8):]
    elif binary_check:
        _refuse_binary(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    else:
        text, note = repair_mojibake(text) if repair else (text, "")
        return Decoded(text, used, note)
    escaped, invalid, share = _invalid_utf8(data)
    if share >= MIN_UTF8_SHARE:
        where = _at(first + offset, in_line, "byte")
        if invalid_bytes == "error":
            raise CorpusError(source, f"is UTF-8 with {_plural(invalid, 'invalid byte')} (first at {where}); "
                                      "invalid_bytes='replace' loads it with U+FFFD in their place")
        note = f"{_plural(invalid, 'invalid UTF-8 byte')} replaced with U+FFFD (first at {where})"
        text = escaped if keep_escaped else _ESCAPED_BYTE.sub("\ufffd", escaped)
        if repair:
            text, mojibake = repair_mojibake(text)
            note = _join(note, mojibake)
        return Decoded(text, used, note)
    byte = f"invalid byte 0x{data[first]:02x} at {_at(first + offset, in_line)}"
    if used == "utf-8-sig":
        raise CorpusError(source, f"has a UTF-8 byte-order mark but is mostly not UTF-8 ({byte})")
    single = _single_byte(data)
    if single is not None:
        return Decoded(*single)
    mix = f"; {share:.0%} of its non-ASCII bytes are UTF-8" if share > 0 else ""
    raise CorpusError(source, f"cannot be decoded: not UTF-8 ({byte}{mix}) and not Windows-1256 or "
                              "ISO-8859-6 Arabic; pass encoding= if you know it")


def decode_bytes(data: bytes, *, source: str | Path, encoding: str | None = None,
                 invalid_bytes: InvalidBytes = "replace") -> Decoded:
    """Decode one file's bytes; return ``(text, encoding used, note)`` or raise :class:`CorpusError`.

    Detection, when ``encoding`` is None:

    1. a UTF-8 or UTF-16 byte-order mark (not part of the returned text);
    2. known binary signatures (PDF, images, zip) and NUL bytes are refused;
    3. strict UTF-8;
    4. UTF-8 with a few invalid bytes -- when most non-ASCII bytes form valid UTF-8
       (:data:`MIN_UTF8_SHARE`): each invalid byte becomes U+FFFD and the note counts
       them, or with ``invalid_bytes="error"`` the file is refused;
    5. otherwise Windows-1256 or ISO-8859-6, whichever reads as Arabic
       (:func:`_single_byte`), so Latin-1 text, random bytes and UTF-8 read as
       Windows-1256 are never passed off as Arabic;
    6. else a :class:`CorpusError` saying why.

    Unicode text that is mojibake (UTF-8 read as Windows-1256, saved as UTF-8) is repaired
    where that is exact, with a note (:func:`repair_mojibake`).

    Parameters
    ----------
    data : bytes
        The file's bytes.
    source : str or Path
        Named in errors.
    encoding : str, optional
        Decode with this codec, strictly, and nothing else: no detection, no replacement,
        no repair.  Default: detect.
    invalid_bytes : {"replace", "error"}, default "replace"
        What invalid bytes in a file that is mostly UTF-8 do: become U+FFFD (with a note),
        or make the file a :class:`CorpusError`.

    Returns
    -------
    Decoded
        ``text``, ``encoding`` (``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1256``,
        ``iso8859_6`` or the one passed) and ``note`` (``""`` when the bytes decoded cleanly).

    Examples
    --------
    >>> decode_bytes("بغداد".encode("cp1256"), source="x.txt")
    Decoded(text='بغداد', encoding='cp1256', note='')
    >>> decoded = decode_bytes("قاآني في بغداد".encode() + b"\\xe9", source="x.txt")
    >>> decoded.text == "قاآني في بغداد\\ufffd", decoded.note
    (True, '1 invalid UTF-8 byte replaced with U+FFFD (first at byte 26)')
    """
    if invalid_bytes not in ("replace", "error"):
        raise ValueError(f"invalid_bytes must be 'replace' or 'error', not {invalid_bytes!r}")
    return _decode(data, source, encoding=encoding, invalid_bytes=invalid_bytes)


def read_text_file(path: str | Path, *, encoding: str | None = None,
                   invalid_bytes: InvalidBytes = "replace") -> Decoded:
    """Read and decode one text file (see :func:`decode_bytes`); empty or whitespace-only
    files are errors.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> text, enc, note = read_text_file(SEEDS_DIR / "000_fa0559687573a2fe.txt")
    >>> text.split()[0], enc, note
    ('قاآني', 'utf-8', '')
    """
    try:
        data = _read_file(path)
    except OSError as exc:
        raise CorpusError(path, f"cannot be read: {exc.strerror or exc}") from None
    return _checked_text(data, path, encoding=encoding, invalid_bytes=invalid_bytes)


def _read_file(path: str | Path) -> bytes:
    """The bytes of a file (one ``open`` and one ``read``: no ``Path`` made per file)."""
    with open(path, "rb", buffering=0) as handle:
        return handle.readall()


def _checked_text(data: bytes, source, **options) -> Decoded:
    decoded = _decode(data, source, **options)
    if not decoded.text.strip():
        raise CorpusError(source, "is empty" if not decoded.text else "holds only whitespace")
    return decoded


# --- partitions -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Partition:
    """A piece of a corpus that one worker reads on its own.

    ``kind`` is ``files`` (``items`` are .txt paths), ``unlisted`` (``items`` is a subfolder
    that could not be listed, ``options["reason"]`` says why), ``lines`` (a JSON-lines or CSV file,
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


def _folder_files(folder: Path) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
    """``(path, size in bytes)`` of the ``.txt`` files under ``folder``, recursively, in the
    order of their relative paths' parts (as sorted ``pathlib`` paths order them), and
    ``(folder, reason)`` of each subfolder that could not be listed (an input that must
    not vanish silently).  Hidden files and folders (a name starting with ``.``) are left
    out, and symbolic links to folders are not followed (as ``Path.rglob``).  One
    ``os.scandir`` per folder and one ``stat`` per file: a folder of 30,000 articles is
    listed in a tenth of a second."""
    found: list[tuple[tuple[str, ...], str, int]] = []
    unlisted: list[tuple[tuple[str, ...], str, str]] = []

    def walk(top: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(top) as entries:
                listed = list(entries)
        except OSError as exc:
            reason = f"cannot be listed: {exc.strerror or exc}"
            if not parts:
                raise CorpusError(folder, reason) from None
            unlisted.append((parts, top, reason))
            return
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, (*parts, name))
            elif name.lower().endswith(TEXT_SUFFIXES) and entry.is_file():
                try:
                    size = entry.stat().st_size
                except OSError:                             # gone since: reading it says why
                    size = 0
                found.append(((*parts, name), entry.path, size))

    walk(str(folder), ())
    if not found and not unlisted:
        raise CorpusError(folder, "holds no .txt files")
    found.sort(key=lambda item: item[0])
    unlisted.sort(key=lambda item: item[0])
    return [(path, size) for _, path, size in found], [(path, reason) for _, path, reason in unlisted]


def partitions(path: str | Path, *, target_bytes: int = 8 << 20, text_column: str = "text",
               id_column: str | None = None, encoding: str | None = None,
               invalid_bytes: InvalidBytes = "replace", number_lines: bool = True) -> list[Partition]:
    """Split a corpus into partitions of about ``target_bytes`` each.

    ``text_column``, ``id_column``, ``encoding`` and ``invalid_bytes`` (see
    :func:`iter_documents`) travel with each partition, for :func:`read_partition`.
    The byte ranges of a JSON-lines file need the number of their first line, which takes
    a read of the file; with ``number_lines=False`` it is left at 0, for
    :func:`numbered_partitions` to fill in as each partition is handed out.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> [p.kind for p in partitions(SEEDS_DIR)]
    ['files']
    """
    if invalid_bytes not in ("replace", "error"):
        raise ValueError(f"invalid_bytes must be 'replace' or 'error', not {invalid_bytes!r}")
    path = Path(path)
    options = {"text_column": text_column, "id_column": id_column, "encoding": encoding,
               "invalid_bytes": invalid_bytes}
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        files, unlisted = _folder_files(path)
        # a subfolder that cannot be listed comes first: an error at once, or a skipped input
        out = [Partition("unlisted", (folder,), root=str(path), options={**options, "reason": reason})
               for folder, reason in unlisted]
        batch, size = [], 0
        for file, file_size in files:
            batch.append(file)
            size += file_size
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
    if part.kind == "unlisted":
        error = CorpusError(part.items[0], opts["reason"])
        if on_error == "raise":
            raise error
        skipped.append((part.items[0], error.reason))
    elif part.kind == "files":
        metadata = _folder_metadata(Path(part.root))
        inside = len(os.path.join(part.root, ""))        # the items are the root's path + relative path
        encoding, invalid = opts.get("encoding"), opts.get("invalid_bytes", "replace")
        for name in part.items:
            try:
                text, used, note = read_text_file(name, encoding=encoding, invalid_bytes=invalid)
            except CorpusError as exc:
                if on_error == "raise":
                    raise
                skipped.append((name, exc.reason))
                continue
            rel = name[inside:]
            doc_id = rel[:rel.rfind(".")]                   # without .txt (and its folders, if any)
            yield {**metadata.get(rel), "doc_id": doc_id, "path": name, "text": text,
                   "encoding": used, "decoding": note}
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
        # decoded on its own (see _json_row) and reported with its line number
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
    """Documents of one file's bytes, by its name's suffix (.txt, .csv, .jsonl).

    A .txt file is decoded (and repaired) as a whole.  The lines of a JSON-lines file that
    is not UTF-16 are decoded one by one, as a byte range of one would be; a CSV file is
    decoded as a whole, its invalid bytes and mojibake reported per row.
    """
    suffix = Path(name).suffix.lower()
    encoding = opts.get("encoding")
    try:
        if (suffix in (".jsonl", ".ndjson", ".json") and encoding is None
                and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
            used = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
            if used == "utf-8":
                _refuse_binary(data, source)
            data = data[len(codecs.BOM_UTF8):] if used == "utf-8-sig" else data
            if not data.strip():
                raise CorpusError(source, "is empty" if not data else "holds only whitespace")
            yield from _json_lines(Path(source), data, on_error, skipped, opts, used=used)
            return
        table = suffix in (".jsonl", ".ndjson", ".json", ".csv")
        text, used, note = _checked_text(data, source, encoding=encoding,
                                         invalid_bytes=opts.get("invalid_bytes", "replace"),
                                         repair=not table, keep_escaped=table)
    except CorpusError as exc:
        if on_error == "raise":
            raise
        skipped.append((source, exc.reason))
        return
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _json_lines(Path(source), text, on_error, skipped, opts, used=used)
    elif suffix == ".csv":
        yield from _csv_rows(Path(source), text, on_error, skipped, opts, used=used, escaped=bool(note))
    else:
        yield {"doc_id": Path(name).with_suffix("").as_posix(), "path": source, "text": text, "encoding": used,
               "decoding": note}


def _repaired_row(row: dict, *, escaped: bool = False) -> tuple[dict, str]:
    """A parsed row with mojibake repaired in its string values (and, with ``escaped``, the
    invalid bytes kept as lone surrogates replaced by U+FFFD), and the note on it."""
    notes, invalid = [], 0
    for key, value in row.items():
        if type(value) is not str:
            continue
        if escaped and _ESCAPED_BYTE.search(value):
            invalid += len(_ESCAPED_BYTE.findall(value))
            value = row[key] = _ESCAPED_BYTE.sub("\ufffd", value)
        if MOJIBAKE_MARK in value:
            row[key], note = repair_mojibake(value)
            if note:
                notes.append(f"{note} (in {key!r})")
    if invalid:
        notes.insert(0, f"{_plural(invalid, 'invalid UTF-8 byte')} replaced with U+FFFD")
    return row, "; ".join(notes)


def _row_record(source: str, stem: str, row: dict, on_error: OnError, skipped: list, opts: dict,
                line_no: int, used: str, note: str = "") -> dict | None:
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
    # these last, as keys or not
    record.update(doc_id=doc_id, path=source, text=text, encoding=used, decoding=note)
    return record


#: Value types a row keeps as orjson parsed them (as the json module would); any other value
#: (a float, a list, an object) sends the row to the json module, whose result is the reference:
#: orjson reads integers beyond 64 bits as floats.
_PLAIN_VALUES = frozenset({str, int, bool, type(None)})


def _json_lines(path: Path, raw: str | bytes, on_error: OnError, skipped: list, opts: dict, *,
                first_line: int = 1, used: str = "utf-8") -> Iterator[dict]:
    """The records of JSON lines (``raw``: text, or bytes read as UTF-8 line by line).

    Each line is parsed by orjson; a line it rejects (not JSON, or not UTF-8) or whose values
    it might read differently goes to :func:`_json_row`, whose result or error is the one
    reported.  Unless an encoding was given, a line showing signs of mojibake has its string
    values repaired (:func:`repair_mojibake`).
    """
    # JSON lines end at "\n" only: U+2028, U+0085 and the like may stand inside a string
    where, stem = f"{path}:", Path(str(path).split("!")[-1]).stem
    detect = opts.get("encoding") is None
    # the mark's rare last character (its rare byte 0xc2 in UTF-8) first: most lines stop there
    rare, mark = ("§", MOJIBAKE_MARK) if isinstance(raw, str) else (b"\xc2", MOJIBAKE_MARK.encode())
    for line_no, line in enumerate(raw.split("\n" if isinstance(raw, str) else b"\n"), start=first_line):
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            row = None
        line_used, note = used, ""
        if type(row) is not dict or not _PLAIN_VALUES.issuperset(map(type, row.values())):
            parsed = _json_row(path, line, line_no, on_error, skipped, opts)
            if parsed is None:
                continue
            row, line_used, note = parsed
        if detect and rare in line and mark in line:
            row, mojibake = _repaired_row(row)
            note = _join(note, mojibake)
        record = _row_record(f"{where}{line_no}", stem, row, on_error, skipped, opts, line_no, line_used, note)
        if record is not None:
            yield record


def _json_row(path: Path, line: str | bytes, line_no: int, on_error: OnError, skipped: list,
              opts: dict) -> tuple[dict, str, str] | None:
    """One JSON line parsed by the json module: ``(object, encoding, note)``, or ``None`` for a
    blank line or one skipped (``on_error="skip"``) as undecodable, not JSON or not an object.

    A line in bytes that is not valid UTF-8 is decoded as a file would be
    (:func:`decode_bytes`, without mojibake repair), or strictly with the encoding given.
    """
    source = f"{path}:{line_no}"
    used, note = "utf-8", ""
    if isinstance(line, bytes):
        encoding = opts.get("encoding")
        try:
            if encoding is None:
                line, used, note = _decode(line, source, invalid_bytes=opts.get("invalid_bytes", "replace"),
                                           repair=False, binary_check=False, in_line=True)
            else:
                line = _decode(line, source, encoding="utf-8").text
        except CorpusError as error:
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
    return row, used, note


def _csv_rows(path: Path, raw: str, on_error: OnError, skipped: list, opts: dict, *,
              used: str = "utf-8", escaped: bool = False) -> Iterator[dict]:
    """The records of a CSV text; with ``escaped``, invalid bytes stand in it as lone
    surrogates, replaced by U+FFFD and counted per row."""
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    if escaped and reader.fieldnames:
        reader.fieldnames = [_ESCAPED_BYTE.sub("\ufffd", name) for name in reader.fieldnames]
    detect = opts.get("encoding") is None
    stem = Path(str(path).split("!")[-1]).stem
    for row in reader:
        line_no, note, row = reader.line_num, "", dict(row)
        if detect:
            row, note = _repaired_row(row, escaped=escaped)
        record = _row_record(f"{path}:{line_no}", stem, row, on_error, skipped, opts, line_no, used, note)
        if record is not None:
            yield record


def _folder_metadata(folder: Path) -> "FolderMetadata":
    """The folder's ``metadata.csv`` (empty where there is none), read once per process and
    version of the file: every partition of a folder shares it."""
    path = folder / "metadata.csv"
    try:
        stat = path.stat()
    except FileNotFoundError:
        return FolderMetadata((), {})
    return _read_metadata(str(path), stat.st_mtime_ns, stat.st_size)


class FolderMetadata(NamedTuple):
    """A ``metadata.csv``: its column names (without ``file`` and ``doc_id``) and, per file,
    the values of those columns (text; an empty or missing cell is ``''``).  One tuple per
    row, not a dict: a corpus of 30,000 articles is read in half the time."""

    columns: tuple[str, ...]
    rows: dict[str, tuple[str, ...]]

    def get(self, file: str) -> dict[str, str]:
        """``{column: value}`` of one file (empty if the table does not list it)."""
        values = self.rows.get(file)
        return dict(zip(self.columns, values)) if values is not None else {}


@lru_cache(maxsize=4)
def _read_metadata(path: str, mtime_ns: int, size: int) -> FolderMetadata:
    """A ``metadata.csv`` read with the csv module, keyed by its modification time and size
    so that a changed file is read again."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if "file" not in header:
            raise CorpusError(path, "has no 'file' column to match metadata to the .txt files")
        at = header.index("file")
        keep = [i for i, name in enumerate(header) if name not in ("file", "doc_id")]
        width = len(header)
        rows = {}
        for row in reader:
            if not row:                                    # a blank line, as csv.DictReader skips it
                continue
            if len(row) < width:
                row += [""] * (width - len(row))
            rows[row[at]] = tuple(row[i] for i in keep)
    return FolderMetadata(tuple(header[i] for i in keep), rows)


def iter_documents(path: str | Path, *, text_column: str = "text", id_column: str | None = None,
                   encoding: str | None = None, invalid_bytes: InvalidBytes = "replace",
                   on_error: OnError = "raise", skipped: list[tuple[str, str]] | None = None) -> Iterator[dict]:
    """Yield the documents of a corpus, one record (dict) at a time.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files (searched recursively; ``metadata.csv`` merged by file
        name), a ``.csv`` / ``.jsonl`` file, or a ``.zip`` or ``.gz`` of these.
    text_column, id_column, encoding, on_error
        As in :func:`analysis.corpus.load_corpus`.
    invalid_bytes : {"replace", "error"}, default "replace"
        What invalid bytes in a file (or JSON line) that is mostly UTF-8 do: become U+FFFD,
        noted in ``decoding``, or make it a :class:`CorpusError` (skipped with the reason
        under ``on_error="skip"``).  See :func:`decode_bytes`.
    skipped : list, optional
        Receives ``(file, reason)`` for every input skipped with ``on_error="skip"``.

    Yields
    ------
    dict
        ``doc_id``, ``path``, ``text`` (decoded; unchanged but for invalid bytes replaced
        and mojibake repaired), ``encoding``, ``decoding`` (``""`` when the bytes decoded
        cleanly, else a note on what was replaced or repaired) and any metadata.

    Examples
    --------
    >>> from analysis.config import SEEDS_DIR
    >>> doc = next(iter_documents(SEEDS_DIR))
    >>> doc["text"].split()[0], doc["encoding"], doc["decoding"]
    ('قاآني', 'utf-8', '')
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    for part in partitions(path, text_column=text_column, id_column=id_column, encoding=encoding,
                           invalid_bytes=invalid_bytes):
        yield from read_partition(part, on_error=on_error, skipped=skipped)


# --- repeated document ids (load_corpus and the streaming counter) -------------------------------

def repeated_ids_error(path: str | Path, repeated: dict[str, list[str]]) -> CorpusError:
    """The error for document ids used more than once: the first id, where each copy came
    from, how many more ids repeat, and the way out."""
    doc_id, sources = next(iter(repeated.items()))
    more = f" ({len(repeated) - 1} more ids repeat)" if len(repeated) > 1 else ""
    return CorpusError(path, f"doc_id {doc_id!r} is used by {len(sources)} documents: {', '.join(sources)}{more}; "
                             "give each document its own id, or pass duplicate_ids='number'")


def number_repeats(doc_ids: list[str], repeated) -> list[str]:
    """The ids in corpus order with the second, third... copy of each ``repeated`` id renamed
    ``"<id>#2"``, ``"<id>#3"`` (skipping names the corpus already uses).

    Examples
    --------
    >>> number_repeats(["x", "x", "x#2", "y"], {"x"})
    ['x', 'x#3', 'x#2', 'y']
    """
    taken, seen, out = set(doc_ids), {}, []
    for doc_id in doc_ids:
        if doc_id in repeated:
            seen[doc_id] = n = seen.get(doc_id, 0) + 1
            if n > 1:
                new = f"{doc_id}#{n}"
                while new in taken:
                    n += 1
                    new = f"{doc_id}#{n}"
                taken.add(new)
                doc_id = new
        out.append(doc_id)
    return out

