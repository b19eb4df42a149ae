"""Outlet names: which outlet of the gazetteer a span names, and which one a text named.

:func:`outlet_in` finds the gazetteer's outlet in normalized words; the helpers tell where
its name ends in a span (``_outlet_end``), whether a span is a bare media noun such as
"الصحيفة" (``_generic_media``), and which outlet of a kind a text named last
(``_named_in_text``).  Functions of words and text only, with no reader state.
"""

from __future__ import annotations

from .sources_lexicon import no_article, norm, outlet_variants, words, QUOTES, MEDIA_NAME_RE, MEDIA_DESCRIBED_RE
from .sources_words import bare


def outlet_in(ws: list[str], *, context: bool) -> str:
    """The canonical outlet named in normalized words ('' if none); names that are also
    common words (الشرقية, العربية) count only with ``context`` or alone."""
    cleaned = [bare(w) for w in ws]
    for variant, name, ambiguous in outlet_variants():
        size = len(variant)
        for s in range(0, len(cleaned) - size + 1):
            window = tuple(cleaned[s:s + size])
            if window == variant or (s == 0 and tuple([ws[0]] + cleaned[1:size]) == variant):
                if not ambiguous or context or len(cleaned) == size:
                    return name
    return ""


def _plain_outlet_words() -> frozenset[str]:
    """First words of outlet names that are not also common words (رويترز, not العربية)."""
    return frozenset(v[0] for v, _, ambiguous in outlet_variants() if not ambiguous)


def _outlet_names() -> frozenset[str]:
    return frozenset(name for _, name, _ in outlet_variants())


def _outlet_end(ws: list[str], name: str) -> int:
    """How many words of a span run to the end of its outlet's name (and adjectives after it)."""
    cleaned = [bare(w) for w in ws]
    for variant, vname, _ in outlet_variants():
        if vname != name:
            continue
        size = len(variant)
        for s in range(0, len(cleaned) - size + 1):
            if tuple(cleaned[s:s + size]) == variant or (s == 0 and tuple([ws[0]] + cleaned[1:size]) == variant):
                end = s + size
                while end < len(ws) and ws[end].startswith("ال") and ws[end].endswith(("ي", "ية")):
                    end += 1
                return end
    return len(ws)


def _generic_media(ws: list[str]) -> bool:
    """A definite media noun on its own, maybe with an adjective: الصحيفة, الوكالة البريطانية."""
    first = bare(ws[0])
    return first.startswith("ال") and no_article(first) in words("media") and len(ws) <= 2 and \
        all(w.startswith("ال") and w.endswith(("ي", "ية")) for w in ws[1:]) and not first.endswith("ات")


def _clean(surface: str) -> str:
    """A name as written, without quotation marks, parentheses or doubled spaces."""
    return " ".join(surface.translate({ord(q): " " for q in QUOTES + "()"}).split())


def _named_in_text(text: str, head: str) -> str:
    """The last outlet of kind ``head`` (موقع, صحيفة ...) that ``text`` names: a quoted name
    after the noun (موقع "إن كي ليدرشيب ووتش") or a gazetteer outlet after it ('' if none)."""
    found = ""
    for match in MEDIA_NAME_RE.finditer(text):
        if no_article(bare(norm(match.group(1)))) != head:
            continue
        name = _clean(match.group(2) or "")
        if not name:
            rest = [norm(w) for w in match.group(3).split()]
            name = outlet_in(rest, context=True) if rest and outlet_in(rest[:1] + rest[1:], context=True) and \
                any(v[0] == rest[0] for v, _, _ in outlet_variants()) else ""
        if name:
            found = name
    return found


def _described_in_text(text: str, noun: str) -> str:
    """The last mention in ``text`` of the media noun ``noun`` (as normalized: الصحف) with
    adjectives that tell which ("الصحف الجزائرية الصادرة اليوم" -> "الصحف الجزائرية"), as
    written; '' if none.  "وأشارت الصحف" then cites the papers named so before."""
    found = ""
    for match in MEDIA_DESCRIBED_RE.finditer(text):
        if bare(norm(match.group(1))) == noun:
            found = _clean(match.group(1) + match.group(2))
    return found
