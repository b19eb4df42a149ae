"""Find web boilerplate lines in an article, by general rules, and say why each was found.

Scraped news pages keep residue of their page: the headline printed twice, navigation
("الصفحة الرئيسية"), widgets ("مقالات ذات صلة", "زر الذهاب إلى الأعلى"), a category label
above the headline ("الشأن الإيراني"), a dateline line, and pull quotes that repeat a
sentence of the article.  Each rule works on whole lines and on any site:

``repeated_title``
    a line equal to the title (after normalization), other than its first occurrence;
``nav_phrase``
    a line that is one of the phrases in ``analysis/data/boilerplate_phrases.txt``;
``category_label``
    a short line (at most three words, no sentence punctuation) above the title;
``date_line``
    a line holding only a numeric date, optionally after a weekday;
``pull_quote``
    a line of at least eight words without a final full stop (closing quotes aside), many of whose word pairs
    (>= 40 %) reappear in one longer paragraph of the same article.  Shorter lines are
    kept: they are subheads ("زيارة في توقيت حرج"), which are content.

The raw text is never changed: :func:`find_boilerplate` returns a table of line spans, and
:func:`remove_boilerplate` builds the cleaned body from it.

>>> text = "الشأن الإيراني\\n\\nقاآني في بغداد\\nوصل قاآني إلى بغداد.\\nآخر الأخبار"
>>> find_boilerplate(text, title="قاآني في بغداد")["rule"].tolist()
['category_label', 'nav_phrase']
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Sequence

from .normalize import normalize
from .resources import DATE_LINE_RE, word_list
from .tokenize import count_tokens, line_texts, lines_of, token_spans

#: Columns of the table returned by :func:`find_boilerplate`.
COLUMNS = ["line_no", "start", "end", "line", "rule"]
#: Share of a candidate line's word pairs that must reappear in one paragraph.
PULL_QUOTE_OVERLAP = 0.4
#: A pull quote has at least this many words.
MIN_PULL_QUOTE_WORDS = 8
#: Lines longer than this are never pull quotes (and are not split into words for it).
MAX_PULL_QUOTE_CHARS = 2000
#: Lines longer than this are never navigation phrases or date lines.
MAX_PHRASE_CHARS = 80
#: Lines longer than this are never headlines.
MAX_TITLE_CHARS = 400
#: A category label has at most this many words.
MAX_LABEL_WORDS = 3


#: Closing quotes and brackets that may follow a paragraph's final full stop.
_CLOSERS = " \t\"'”»)]\u00a0"
#: The marks that end a sentence: a line ending with one is not a pull quote.
_STOPS = ".!؟?…"
_STOP_MARKS = tuple(_STOPS)


#: A text from its first letter or digit to its last (``[^\W_]`` is ``str.isalnum``, the
#: definition the tokenizer uses too).
_ALNUM_SPAN = re.compile(r"[^\W_](?:.*[^\W_])?", re.S)


def _trim(text: str) -> str:
    """``text`` without leading and trailing characters that are not letters or digits.

    Examples
    --------
    >>> _trim("« آخر الأخبار »:")
    'آخر الأخبار'
    """
    found = _ALNUM_SPAN.search(text)
    return found.group() if found is not None else ""


def _key(line: str) -> str:
    """A line reduced for comparison: normalized, spaces collapsed, edge punctuation off."""
    return _trim(_joined_words(normalize(line)))


@lru_cache(maxsize=1)
def _phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    exact, prefixes = set(), []
    for entry in word_list("boilerplate_phrases"):
        if entry.endswith("*"):
            prefixes.append(_key(entry[:-1]))
        else:
            exact.add(_key(entry))
    return frozenset(exact), tuple(p for p in prefixes if p)


def find_boilerplate(text: str, *, title: str | None = None) -> pd.DataFrame:
    """Return one row per boilerplate line of ``text``: where it is and which rule fired.

    Parameters
    ----------
    text : str
        The raw article.
    title : str, optional
        The headline, if known (e.g. from metadata; ``""`` for none); default: the first
        non-empty line that is not itself boilerplate, when it is short (at most 25 words)
        and has no final full stop.

    Returns
    -------
    pandas.DataFrame
        Columns ``line_no``, ``start``, ``end`` (offsets into ``text``), ``line`` and
        ``rule``.

    Examples
    --------
    >>> find_boilerplate("خبر\\nخبر\\nنص الخبر.")["rule"].tolist()
    ['repeated_title']
    """
    import pandas as pd

    return pd.DataFrame(boilerplate_lines(text, title=title), columns=COLUMNS)


def boilerplate_lines(text: str, *, title: str | None = None) -> list[tuple[int, int, int, str, str]]:
    """The rows of :func:`find_boilerplate` as tuples ``(line_no, start, end, line, rule)``."""
    return [(no, start, end, text[start:end], rule)
            for no, start, end, rule in document_boilerplate(text, title=title)]


def document_boilerplate(text: str, *, title: str | None = None) -> tuple[tuple[int, int, int, str], ...]:
    """The boilerplate lines of one document as ``(line_no, start, end, rule)`` tuples: what
    the corpus's ``boilerplate`` column holds (:func:`analysis.corpus.load_corpus`), and what
    the streaming counter leaves out.

    Examples
    --------
    >>> document_boilerplate("خبر\\nخبر\\nنص الخبر.")
    ((1, 4, 7, 'repeated_title'),)
    """
    return documents_boilerplate([text], [title])[0]


def documents_boilerplate(texts: Sequence[str], titles: Sequence[str | None]) -> list[tuple[tuple[int, int, int, str], ...]]:
    """:func:`document_boilerplate` of many documents at once (a partition of a corpus): the
    same rules, with the lines of all the documents normalized in one call rather than a
    few calls per document.

    Examples
    --------
    >>> documents_boilerplate(["خبر\\nخبر\\nنص الخبر.", "نص.\\nآخر الأخبار"], [None, ""])
    [((1, 4, 7, 'repeated_title'),), ((1, 4, 15, 'nav_phrase'),)]
    """
    titles = [_detect_title(line_texts(text)) if title is None else title for text, title in zip(texts, titles)]
    return [tuple((no, start, end, _RULES[rule]) for no, start, end, rule in rows)
            for rows in _line_rules(texts, titles)]


def _short_limit(title: str) -> int:
    """Only lines up to this long can be navigation, a date, a label or the title again;
    longer ones are not compared (the longest phrase and a date line are under 60
    characters)."""
    return max(MAX_PHRASE_CHARS, 2 * len(title) + 20)


#: The rules, by the number :func:`_line_rules` gives them.
_RULES = ("nav_phrase", "date_line", "repeated_title", "category_label", "pull_quote")


def _line_rules(texts: Sequence[str], titles: Sequence[str]) -> list[list[tuple[int, int, int, int]]]:
    """Every rule, line by line, for each document: one ``(line_no, start, end, rule)`` per
    boilerplate line, in line order (``rule`` indexes :data:`_RULES`).

    The short lines of all the documents (and the titles not found among them) are
    normalized in one call, and so are the paragraphs of the documents that have
    pull-quote candidates: normalization acts line by line (see :func:`_normalized`).
    """
    exact, prefixes = _phrases()
    marked_docs = [_marked_lines(text, _short_limit(title)) for text, title in zip(texts, titles)]
    keyed_docs = [[no for no, (_, _, _, flags) in marked.items() if flags & 1] for marked in marked_docs]
    # the headline is usually one of the lines; when it is not, its key is made from it
    title_at = [next((no for no in keyed if marked[no][2] == title), None) if title else None
                for title, marked, keyed in zip(titles, marked_docs, keyed_docs)]
    alone = [bool(title) and at is None and ("\n" in title or "\r" in title)
             for title, at in zip(titles, title_at)]
    norms = iter(_normalized([marked[no][2] for marked, keyed in zip(marked_docs, keyed_docs) for no in keyed]
                             + [title for title, at, own in zip(titles, title_at, alone) if title and at is None
                                and not own]))
    joined_docs = [dict(zip(keyed, map(_joined_words, islice(norms, len(keyed))))) for keyed in keyed_docs]

    out, quote_docs = [], []
    for doc, (text, title, marked, keyed, joined, at, own) in enumerate(
            zip(texts, titles, marked_docs, keyed_docs, joined_docs, title_at, alone)):
        keys = {no: _trim(norm) for no, norm in joined.items()}
        rows: dict[int, int] = {}
        for no, key in keys.items():
            if not key or key in exact or (prefixes and key.startswith(prefixes)):
                rows[no] = 0                                            # nav_phrase
            elif len(key) < 60 and DATE_LINE_RE.match(joined[no]):
                rows[no] = 1                                            # date_line

        title_key = ""
        if title:
            title_key = keys[at] if at is not None else _key(title) if own else _trim(_joined_words(next(norms)))
        # a category label stands above a line equal to the title: above the last such line
        last_title = max((index for index, no in enumerate(keyed) if keys[no] == title_key), default=-1) \
            if title_key else -1
        title_seen = False
        for index, no in enumerate(keyed[:last_title + 1]):
            if no in rows:
                continue
            if keys[no] == title_key:
                if title_seen:
                    rows[no] = 2                                        # repeated_title
                title_seen = True
            elif not title_seen and index < last_title and _is_label(marked[no][2]):
                rows[no] = 3                                            # category_label

        candidates = [no for no, (_, _, _, flags) in marked.items() if flags & 2 and no not in rows
                      and not (title_key and keys.get(no) == title_key)]          # not the headline
        if candidates:
            quote_docs.append((doc, candidates, title_key))
        out.append(rows)

    # pull quotes: the paragraphs of every document with candidates, normalized in one call
    paragraphs_of = {doc: _paragraphs(texts[doc], set(out[doc])) for doc, _, _ in quote_docs}
    norms = iter(_normalized([line for doc, _, _ in quote_docs for _, line in paragraphs_of[doc]]))
    for doc, candidates, title_key in quote_docs:
        paragraphs = paragraphs_of[doc]
        found = _pull_quotes(paragraphs, list(islice(norms, len(paragraphs))), candidates, title_key)
        out[doc].update(dict.fromkeys(found, 4))
    return [[(no, *marked[no][:2], rule) for no, rule in sorted(rows.items())]
            for rows, marked in zip(out, marked_docs)]


def _paragraphs(text: str, removed: set[int]) -> list[tuple[int, str]]:
    """``(line_no, line)`` of the lines of ``text`` with words, other than the ``removed`` ones."""
    return [(no, line) for no, line in enumerate(line_texts(text))
            if no not in removed and line and not line.isspace()]


def _pull_quotes(paragraphs: list[tuple[int, str]], norms: list[str], candidates: list[int],
                 title_key: str) -> set[int]:
    """Which of the ``candidates`` (line numbers) are pull quotes of one of the
    ``paragraphs`` (``(line_no, line)``, normalized as ``norms``)."""
    lines = dict(paragraphs)
    norm_of = {no: norm for (no, _), norm in zip(paragraphs, norms)}
    pairs_of: dict[int, set] = {}                  # each paragraph's word pairs, made once
    quotes = set()
    for no in candidates:
        words = norm_of[no].split()
        pairs = set(zip(words, words[1:]))
        if len(pairs) < MIN_PULL_QUOTE_WORDS - 1 or _trim(" ".join(words)) == title_key:
            continue
        need = PULL_QUOTE_OVERLAP * len(pairs)
        for other, _ in paragraphs:
            if other == no or len(lines[other]) <= len(lines[no]):
                continue
            if other not in pairs_of:
                other_words = norm_of[other].split()
                pairs_of[other] = set(zip(other_words, other_words[1:]))
            if len(pairs & pairs_of[other]) >= need:
                quotes.add(no)
                break
    return quotes


def _marked_lines(text: str, short: int) -> dict[int, tuple[int, int, str, int]]:
    """``{line_no: (start, end, line, flags)}`` of the lines of ``text`` (as :func:`lines_of`
    splits it) that a rule may act on: flag 1, not blank and at most ``short`` characters;
    flag 2, a pull-quote candidate (at most :data:`MAX_PULL_QUOTE_CHARS` characters, at least
    :data:`MIN_PULL_QUOTE_WORDS` words, no final full stop before closing quotes)."""
    out = {}
    if "\r" in text:
        lines = [(line.no, line.start, line.text) for line in lines_of(text)]
    else:                               # lines end with \n only: their offsets as we go
        lines, pos = [], 0
        for no, line in enumerate(text.split("\n")):
            lines.append((no, pos, line))
            pos += len(line) + 1
    for no, start, line in lines:
        size = len(line)
        if not size:
            continue
        flags = 1 if size <= short and not line.isspace() else 0
        if size <= MAX_PULL_QUOTE_CHARS and not line.rstrip(_CLOSERS).endswith(_STOP_MARKS) \
                and len(line.split(maxsplit=MIN_PULL_QUOTE_WORDS - 1)) >= MIN_PULL_QUOTE_WORDS:
            flags |= 2
        if flags:
            out[no] = (start, start + size, line, flags)
    return out


def _joined_words(text: str) -> str:
    """The words of ``text`` (as ``str.split`` cuts them) joined by single spaces."""
    return " ".join(text.split())


def _normalized(lines) -> list[str]:
    """``[normalize(line) for line in lines]`` (lines without line breaks), in one call.

    No normalization step acts across a line feed (NFKC does not compose across one, and
    presentation forms are folded line by line), and none makes or removes one, so lines
    joined by ``\\n`` normalize as a whole into the normalized lines (tested).
    """
    lines = list(lines)
    return normalize("\n".join(lines)).split("\n") if lines else []


def _count_tokens(text: str, limit: int) -> int:
    """The number of tokens of ``text``, counting no further than ``limit``."""
    if len(text) <= MAX_TITLE_CHARS:                  # headline-sized: count them all at C speed
        return min(count_tokens(text), limit)
    return sum(1 for _ in islice(token_spans(text), limit))


def _is_label(line: str) -> bool:
    return 0 < _count_tokens(line, MAX_LABEL_WORDS + 1) <= MAX_LABEL_WORDS and not re.search(r"[.!?؟:،,]", line)


def detect_title(text: str) -> str:
    """Return the headline: the first short non-boilerplate line, or ``''`` if none.

    A headline has at most 25 words and does not end with a full stop; a line that is a
    category label directly above such a line is skipped.

    Examples
    --------
    >>> detect_title("الشأن الإيراني\\n\\nهل التقى به ليهدده؟\\nنص.")
    'هل التقى به ليهدده؟'
    """
    return _detect_title(line_texts(text))


def _detect_title(lines: list[str]) -> str:
    """:func:`detect_title` on the lines of a text (from :func:`_line_texts`)."""
    exact, _ = _phrases()
    candidates: list[str] = []                 # the first three lines that are not boilerplate
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if len(line) <= MAX_PHRASE_CHARS:              # only short lines can be navigation or a date
            norm = normalize(line)
            key = _trim(_joined_words(norm))
            if not key or key in exact or DATE_LINE_RE.match(norm):
                continue
        candidates.append(line)
        if len(candidates) == 3 or len(line) >= MAX_TITLE_CHARS:
            break
    for index, line in enumerate(candidates):
        if len(line) >= MAX_TITLE_CHARS or line.endswith(".") or _count_tokens(line, 26) > 25:
            return ""
        following = candidates[index + 1] if index + 1 < len(candidates) else ""
        if following and _is_label(line) and not following.endswith(".") and len(following) < MAX_TITLE_CHARS \
                and MAX_LABEL_WORDS < _count_tokens(following, 26) <= 25:
            continue
        return line
    return ""


def remove_boilerplate(text: str, removed) -> str:
    """Return ``text`` without the lines listed in ``removed`` (from :func:`find_boilerplate`,
    or tuples ``(line_no, start, end, ...)`` as :func:`boilerplate_lines` gives them and the
    corpus's ``boilerplate`` column holds).

    Line breaks around a removed line are kept, so paragraphs stay apart.

    Examples
    --------
    >>> t = "نص الخبر.\\nآخر الأخبار"
    >>> remove_boilerplate(t, find_boilerplate(t))
    'نص الخبر.\\n'
    """
    spans = zip(removed["start"], removed["end"]) if hasattr(removed, "columns") else \
        ((row[1], row[2]) for row in removed)
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)
