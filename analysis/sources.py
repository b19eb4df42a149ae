"""Who is cited: rule-based attribution extraction for Arabic news prose.

An attribution is a cue (قال, ذكرت, أشار, نقلت ... عن, بحسب, وفقا لما ذكرته, نقلا عن, على
حد قول; ``analysis/data/attribution_cues.csv``) and the span naming who is cited.  The rules:

* a verb cue (also with و/ف attached: وقالت, فيما أكدت) takes the words after it as its
  subject, up to a boundary: a complementizer (أن, إن, بأن), إلى/عن of the cue, a
  relative pronoun, a time word, "في تصريحات/بيان/تغريدة", or a comma or colon;
* "نقلت X عن Y" and "نقلا عن Y" relay: Y is a row of its own with ``via`` = X;
* a cue with no subject (وأضافت أن, وقال: ...) continues the most recent source of its
  own or the previous paragraph whose grammatical gender agrees with the verb; with none, nothing
  is recorded (precision over recall);
* lists are split (وسائل الإعلام المحلية وبينها قنوات "دجلة" و"الشرقية" → one row per outlet);
* a cue negated (لم تعلن), after a preposition (في كشف المتورطين), or inside a quotation
  that opens and closes in the same sentence is not an attribution.  Quotation marks are
  otherwise ignored: in news they also wrap channel names and scare quotes.

``source_type`` is ``named_outlet`` (a name from ``analysis/data/outlets.csv``; names that are
also common words, like الشرقية or العربية, only next to a media noun, in a list of
outlets, or alone as the subject), ``unnamed_outlet`` (a media head noun: وسائل إعلام, مواقع,
محطة تلفزيون, مصادر إعلامية), ``anonymous`` (مصادر, مصدر مطلع, مسؤولون أمنيون) or
``named_person_or_body``.  ``source_norm`` merges mentions of one source: outlets by their
gazetteer name, short mentions of a person with the fuller one (بن طالبلو → بهنام بن طالبلو).

>>> rows = extract_sources("ونقلت وكالة رويترز عن مسؤولين أمنيين عراقيين أن الهجوم نفذته ميليشيا.")
>>> rows[["source", "source_type", "via"]].values.tolist()
[['وكالة رويترز', 'named_outlet', ''], ['مسؤولين أمنيين عراقيين', 'anonymous', 'رويترز']]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .tokenize import lines_of
from .config import DATA_DIR
from .lexicon import zipf
from .normalize import normalize
from .resources import (
    ANONYMOUS_HEADS, CUE_BLOCKERS, LIST_MARKERS, MEDIA_ADJECTIVES, MEDIA_HEADS, NOT_SOURCE_HEADS,
    PRESENT_PREFIXES, SPAN_STOPWORDS, STATEMENT_NOUNS,
)
from .tokenize import sentence_bounds, token_spans

SOURCE_COLUMNS = ["doc_id", "source", "source_norm", "source_type", "cue", "via", "sentence", "start", "end",
                  "resolved"]
OUTLETS_PATH = DATA_DIR / "outlets.csv"
CUES_PATH = DATA_DIR / "attribution_cues.csv"
#: A source span has at most this many words.
MAX_SPAN = 14
#: How many paragraphs back a subjectless cue looks for its antecedent (0: its own only).
COREF_PARAGRAPHS = 1
QUOTES_OPEN, QUOTES_CLOSE = "«“\"", "»”\""


def _n(word: str) -> str:
    return normalize(word).strip()


def _bare(word: str, known: frozenset[str] | set[str] = frozenset()) -> str:
    """Drop an attached و or ف from a normalized word when the rest is clearly a word:
    it starts with the article, or is in ``known``."""
    if len(word) > 3 and word[0] in "وف" and (word[1:].startswith("ال") or _no_article(word[1:]) in known
                                              or word[1:] in known):
        return word[1:]
    return word


def _no_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@lru_cache(maxsize=None)
def _cues(path: str = str(CUES_PATH)) -> tuple[dict[tuple[str, ...], tuple[str, str, bool]], int]:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", encoding="utf-8-sig")
    cues: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    for cue, kind, forms in zip(table["cue"], table["kind"], table["forms"]):
        for form in forms.split("|"):
            exact = form.endswith("!")
            form = form.rstrip("!")
            cues[tuple(_n(form).split())] = (cue, kind, exact and form or "")
    return cues, max(len(k) for k in cues)


@lru_cache(maxsize=None)
def load_outlets(path: str = str(OUTLETS_PATH)) -> pd.DataFrame:
    """The outlet gazetteer: one row per spelling, with its canonical ``name``.

    Examples
    --------
    >>> outlets = load_outlets()
    >>> outlets.loc[outlets.variant == "رويتر", "name"].item()
    'رويترز'
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    rows = [(name, _n(v), country, kind, ambiguous == "yes")
            for name, variants, country, kind, ambiguous in zip(table["name"], table["variants"], table["country"],
                                                               table["kind"], table["ambiguous"])
            for v in variants.split("|")]
    return pd.DataFrame(rows, columns=["name", "variant", "country", "kind", "ambiguous"])


@dataclass
class Token:
    start: int
    end: int
    surface: str
    norm: str
    gap: str          # raw text between the previous token and this one
    quoted: bool      # inside a quotation opened and closed within the sentence


def _sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    tokens, previous = [], start
    for span in token_spans(text[start:end]):
        s, e = start + span.start, start + span.end
        tokens.append(Token(s, e, span.surface, _n(span.surface), text[previous:s], False))
        previous = e
    tail = Token(end, end, "", "", text[previous:end], False)      # closes a final quotation
    # quotations opened and closed within the sentence (short ones wrap names: skip them)
    opened = None
    for i, tok in enumerate(tokens + [tail]):
        for char in tok.gap:
            if opened is None and (char in "«“" or char == '"'):
                opened = i
            elif opened is not None and (char in "»”" or char == '"'):
                if i - opened > 3:
                    for q in tokens[opened:i]:
                        q.quoted = True
                opened = None
    return tokens


_SPAN_STOP = frozenset(_n(w) for w in SPAN_STOPWORDS if " " not in w)
_STATEMENT = frozenset(_n(w) for w in STATEMENT_NOUNS)
_BLOCKERS = frozenset(_n(w) for w in CUE_BLOCKERS)
_LIST = frozenset(_n(w) for w in LIST_MARKERS if " " not in w)
_MEDIA = frozenset(_no_article(_n(w)) for w in MEDIA_HEADS)
_ANON = frozenset(_no_article(_n(w)) for w in ANONYMOUS_HEADS)
_MEDIA_ADJ = frozenset(_n(w) for w in MEDIA_ADJECTIVES)
_NOT_SOURCE = frozenset(_no_article(_n(w)) for w in NOT_SOURCE_HEADS)


def _match_cue(tokens: list[Token], i: int):
    """The longest cue starting at token i: (cue, kind, length) or None."""
    cues, longest = _cues()
    for length in range(min(longest, len(tokens) - i), 0, -1):
        words = [t.norm for t in tokens[i:i + length]]
        for first in (words[0], words[0][1:] if len(words[0]) > 2 and words[0][0] in "وف" else words[0]):
            key = (first, *words[1:])
            if key in cues:
                cue, kind, exact = cues[key]
                if exact and exact not in tokens[i].surface:
                    continue
                if length > 1 and any(t.gap.strip(" \u00a0") for t in tokens[i + 1:i + length]):
                    continue
                return cue, kind, length
    return None


def _span(tokens: list[Token], j: int, *, relay: bool = False, describe: bool = False) -> tuple[int, int, str]:
    """Tokens j..k-1 form the subject; returns (j, k, statement) where statement is a
    "في بيان"-like phrase that ended the span ('' if none).

    A relayed span (after نقل ... عن) may contain عن (مصادر لم تكشف عن هويتها); after وصف
    ("وصفه المسؤولون بمحاولة اغتيال") the span ends at ب + word."""
    k = j
    if j < len(tokens) and (any(q in tokens[j].gap for q in "«“\"") or tokens[j].norm in ("علي", "الي")):
        return j, j, ""                                    # وأضاف "...": a quotation, no subject
    while k < len(tokens) and k - j < MAX_SPAN:
        tok = tokens[k]
        if k > j and any(c in tok.gap for c in "،,:;.؟?!()"):
            break
        if k == j and ":" in tok.gap:
            break
        if tok.norm in _SPAN_STOP and not (relay and tok.norm == "عن"):
            break
        if tok.norm == "في" and k + 1 < len(tokens) and _bare(tokens[k + 1].norm) in _STATEMENT:
            return j, k, f"في {tokens[k + 1].surface}"
        if k > j and _match_cue(tokens, k) and tokens[k - 1].norm not in _BLOCKERS:
            break
        if _starts_new_phrase(tokens, j, k) or (describe and k > j and _prepositional(tok.norm)):
            break
        if k > j and _dative_outlet(tok.norm):
            break
        k += 1
    if k > j and tokens[j].norm.startswith(("لل", "ل")) and not tokens[j].norm.startswith("لفت"):
        return j, j, ""                                    # أكد للكاظمي ...: "to X", not a subject
    return j, k, ""


#: A word this common (Zipf) between two definite words starts the object, not the name:
#: "أعلنت خلية الإعلام الأمني | تعرّض الكاظمي", but "تحالف الفتح غضنفر البطيخ" goes on.
OBJECT_ZIPF = 4.0


def _starts_new_phrase(tokens: list[Token], j: int, k: int) -> bool:
    if k - j < 2 or k + 1 >= len(tokens):
        return False
    before, here, after = tokens[k - 1].norm, tokens[k].norm, tokens[k + 1].norm
    if len(here) < 3 or here[0] in "وفبلك":              # و, للأمن, بمحاولة: attached, not a new phrase
        return False
    return (before.startswith("ال") and not here.startswith("ال") and after.startswith("ال")
            and zipf(here) >= OBJECT_ZIPF)


def _dative_outlet(word: str) -> bool:
    """ل + a media noun or an outlet: "قال مصدر لوكالة الأناضول" (told Anadolu)."""
    if not word.startswith("ل") or word.startswith("لل"):
        return False
    rest = word[1:]
    return _no_article(rest) in _MEDIA or rest in set(load_outlets()["variant"])


def _prepositional(word: str) -> bool:
    """ب + a word: بمحاولة, بالاعتداء (not a name such as برهم)."""
    rest = word[1:]
    return word.startswith("ب") and (rest.startswith("ال") or (len(rest) >= 3 and zipf(rest) >= 3.5
                                                             and zipf(rest) > zipf(word)))


def _conjuncts(tokens: list[Token], j: int, k: int) -> list[tuple[int, int, bool]]:
    """Split a span into its listed sources: (start, end, in_outlet_list)."""
    parts, start, in_list = [], j, False
    outlets = set(load_outlets()["variant"])
    for m in range(j, k):
        word = tokens[m].norm
        if word in _LIST:
            if start < m:
                parts.append((start, m, in_list))
            start, in_list = m + 1, True
            continue
        if word == "و" and m + 1 < k:                     # و"الشرقية": the و is a token of its own
            nxt = tokens[m + 1].norm
            if m > start and (_no_article(nxt) in _MEDIA or _no_article(nxt) in _ANON or nxt in outlets):
                parts.append((start, m, in_list))
                start = m + 1
            continue
        stem = word[1:] if word.startswith("و") else ""
        if m > start and stem and (_no_article(stem) in _MEDIA or _no_article(stem) in _ANON or stem in outlets):
            parts.append((start, m, in_list))
            start = m
    if start < k:
        parts.append((start, k, in_list))
    return parts


def _outlet_in(words: list[str], *, context: bool) -> str:
    """The canonical outlet named in ``words`` ('' if none)."""
    joined = " " + " ".join(words) + " "
    best = ""
    for name, variant, ambiguous in load_outlets()[["name", "variant", "ambiguous"]].itertuples(index=False):
        for form in (variant, "و" + variant):
            if f" {form} " in joined and (not ambiguous or context or " ".join(words) in (variant, "و" + variant)):
                if len(variant) > len(best):
                    best = name
    return best


_KNOWN_HEADS = _MEDIA | _ANON | _NOT_SOURCE


def _classify(words: list[str], *, in_list: bool) -> tuple[str, str]:
    """(source_type, source_norm) of a normalized span; ('', '') when it is not a source."""
    words = [_bare(words[0], _KNOWN_HEADS | set(load_outlets()["variant"]))] + words[1:]
    head = _no_article(words[0])
    if head in _NOT_SOURCE:
        return "", ""
    has_media = any(_no_article(_bare(w, _MEDIA)) in _MEDIA for w in words)
    outlet = _outlet_in(words, context=has_media or in_list)
    if outlet:
        return "named_outlet", outlet
    norm = " ".join(words)
    if head in _MEDIA or (head in _ANON and len(words) > 1 and words[1] in _MEDIA_ADJ):
        return "unnamed_outlet", norm
    if head in _ANON:
        return "anonymous", norm
    return "named_person_or_body", norm


def _feminine(cue_surface: str) -> bool | None:
    word = _n(cue_surface)
    word = word[1:] if word[0] in "وف" and len(word) > 3 else word
    if word.endswith("ت") or word.startswith("ت"):
        return True
    if word.endswith("وا"):
        return None
    return False


def _source_feminine(words: list[str], source_type: str) -> bool | None:
    head = _no_article(_bare(words[0], _KNOWN_HEADS))
    if source_type == "named_outlet" and not (head in _MEDIA):
        return None
    return head.endswith(("ة", "ات")) or head in ("مصادر", "وسائل", "مواقع", "قنوات", "صحف", "اوساط", "جهات")


def extract_sources(text: str, *, doc_id: str = "") -> pd.DataFrame:
    """Find every attribution in ``text``: one row per cited source.

    Parameters
    ----------
    text : str
        Raw article text.
    doc_id : str, optional

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SOURCE_COLUMNS`: ``source`` (the span as written), ``source_norm``,
        ``source_type``, ``cue``, ``via`` (the ``source_norm`` of the source relaying it),
        ``sentence``, ``start``/``end`` (offsets of ``source`` in ``text``; for a
        continued source, of the cue), ``resolved`` (explicit, list, coreference).

    Examples
    --------
    >>> t = "وقالت وزارة الداخلية إن الهجوم تم بثلاث طائرات. وأضافت أن اثنتين أسقطتا."
    >>> extract_sources(t)[["source_norm", "cue", "resolved"]].values.tolist()
    [['وزارة الداخلية', 'قال', 'explicit'], ['وزارة الداخلية', 'أضاف', 'coreference']]
    """
    rows: list[dict] = []
    paragraphs = [ln for ln in lines_of(text) if ln.text.strip()]
    for p_index, line in enumerate(paragraphs):
        previous_end = line.start
        for bound in sentence_bounds(line.text):
            s_start, s_end = previous_end, line.start + bound
            previous_end = s_end
            tokens = _sentence_tokens(text, s_start, s_end)
            sentence = text[s_start:s_end].strip()
            current = ""          # the last explicit source of this sentence, for نقلا عن
            last_verb_row, last_span_end = None, -1
            i = 0
            while i < len(tokens):
                found = _match_cue(tokens, i)
                if not found:
                    i += 1
                    continue
                cue, kind, length = found
                before = tokens[i - 1].norm if i > 0 else ""
                before = before[1:] if before[:1] in ("و", "ف") and before[1:] in _BLOCKERS else before
                blocked = tokens[i].quoted or (before in _BLOCKERS and kind != "preposition")
                if blocked:
                    i += length
                    continue
                j = i + length
                if kind == "preposition":
                    # "وفق ما أوردت X", "حسبما ذكر X", "وفقا لما ذكرته X": skip ما and its verb
                    if j < len(tokens) and tokens[j].norm in ("ما", "لما"):
                        j += 1
                    if j < len(tokens) and (_match_cue(tokens, j) or tokens[j].norm.endswith("ته")):
                        j += 1
                    if cue == "نقلا عن":
                        new = _emit(text, rows, tokens, j, cue, sentence, doc_id, p_index, via=current, relay=True)
                    else:
                        new = _emit(text, rows, tokens, j, cue, sentence, doc_id, p_index, via="")
                        if new and last_verb_row is not None and i == last_span_end and "،" in tokens[i].gap \
                                and not rows[last_verb_row]["via"]:
                            rows[last_verb_row]["via"] = new       # "كشف المصدر، وفق ما أوردت مواقع محلية"
                    current = new or current
                    i = j + 1
                    continue
                span_j, span_k, statement = _span(tokens, j, describe=cue == "وصف")
                label = f"{cue} {statement}".strip()
                verb = tokens[i].norm[1:] if tokens[i].norm[0] in "وف" and len(tokens[i].norm) > 3 else tokens[i].norm
                if verb.startswith(PRESENT_PREFIXES) and not _present_ok(tokens, span_j, span_k):
                    i += length
                    continue
                if span_k > span_j:
                    told = ""
                    if span_k < len(tokens) and _dative_outlet(tokens[span_k].norm):
                        o_j, o_k, _ = _span(tokens, span_k + 1)
                        words = [tokens[span_k].norm[1:]] + [t.norm for t in tokens[span_k + 1:o_k]]
                        kind_o, norm_o = _classify(words, in_list=False)
                        if kind_o in ("named_outlet", "unnamed_outlet"):
                            _add_row(text, rows, tokens, span_k, o_k, words, label, sentence, doc_id, p_index, via="",
                                     resolved="explicit", surface_start=tokens[span_k].start + 1)
                            told = norm_o
                    before_rows = len(rows)
                    current = _emit(text, rows, tokens, span_j, label, sentence, doc_id, p_index, via=told,
                                    end=span_k) or current
                    if len(rows) > before_rows:
                        last_verb_row, last_span_end = before_rows, span_k
                else:
                    current = _continue(rows, tokens[i], label, sentence, doc_id, p_index) or current
                k = span_k
                if kind == "relay" and k < len(tokens) and tokens[k].norm == "عن":
                    _emit(text, rows, tokens, k + 1, cue, sentence, doc_id, p_index, via=current, relay=True)
                i = max(k, i + length)
    table = pd.DataFrame(rows, columns=SOURCE_COLUMNS + ["paragraph"]).drop(columns="paragraph")
    return _merge_mentions(table)


def _present_ok(tokens: list[Token], j: int, k: int) -> bool:
    """A present-tense cue counts only before a media, anonymous or outlet head."""
    if k <= j:
        return False
    kind, _ = _classify([t.norm for t in tokens[j:k]], in_list=False)
    return kind in ("named_outlet", "unnamed_outlet", "anonymous")


def _emit(text, rows, tokens, j, cue, sentence, doc_id, paragraph, *, via, relay=False,
          end=None) -> str:
    """Add the rows of the span starting at token j; return the first one's source_norm."""
    if end is None:
        j, end, _ = _span(tokens, j, relay=relay)
    parts = _conjuncts(tokens, j, end)
    first = ""
    for a, b, in_list in parts:
        words = [t.norm for t in tokens[a:b]]
        if words:
            norm = _add_row(text, rows, tokens, a, b, words, cue, sentence, doc_id, paragraph, via=via,
                            resolved="list" if in_list or len(parts) > 1 else "explicit")
            first = first or norm
    return first


def _add_row(text, rows, tokens, a, b, words, cue, sentence, doc_id, paragraph, *, via, resolved,
             surface_start=None) -> str:
    source_type, source_norm = _classify(words, in_list=resolved == "list")
    if not source_type:
        return ""
    start = tokens[a].start if surface_start is None else surface_start
    end = tokens[b - 1].end
    rows.append({"doc_id": doc_id, "source": text[start:end], "source_norm": source_norm,
                 "source_type": source_type, "cue": cue, "via": via, "sentence": sentence, "start": start,
                 "end": end, "resolved": resolved, "paragraph": paragraph,
                 "feminine": _source_feminine(words, source_type)})
    return source_norm


def _continue(rows, cue_token: Token, cue, sentence, doc_id, paragraph) -> str:
    """A cue without a subject continues an agreeing source of the last paragraphs."""
    feminine = _feminine(cue_token.surface)
    for row in reversed(rows):
        if paragraph - row["paragraph"] > COREF_PARAGRAPHS:
            break
        if row["feminine"] is None or feminine is None or row["feminine"] == feminine:
            rows.append({**row, "cue": cue, "sentence": sentence, "start": cue_token.start, "end": cue_token.end,
                         "resolved": "coreference", "paragraph": paragraph})
            return row["source_norm"]
    return ""


def _merge_mentions(table: pd.DataFrame) -> pd.DataFrame:
    """Short mentions of a person take the source_norm of a fuller earlier mention."""
    if table.empty:
        return table.drop(columns=["feminine"], errors="ignore")
    norms = table["source_norm"].tolist()
    for i, (norm, kind) in enumerate(zip(norms, table["source_type"])):
        if kind != "named_person_or_body":
            continue
        words = set(norm.split())
        for earlier in norms[:i]:
            if earlier != norm and len(words) <= 3 and words < set(earlier.split()):
                norms[i] = earlier
                break
    table = table.assign(source_norm=norms)
    table["via"] = table["via"].fillna("")
    return table.drop(columns=["feminine"], errors="ignore").reset_index(drop=True)


def sources_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """:func:`extract_sources` over every document of a corpus (raw ``text``), in order.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> table = sources_table(load_corpus())
    >>> set(table.source_type) <= {"named_outlet", "unnamed_outlet", "named_person_or_body", "anonymous"}
    True
    """
    frames = [extract_sources(text, doc_id=doc_id) for doc_id, text in zip(corpus["doc_id"], corpus["text"])]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SOURCE_COLUMNS)


GOLD_SEEDS_PATH = DATA_DIR / "gold" / "sources_seeds.csv"
#: Share of the shorter span's words the two spans must share to be the same source.
MATCH_OVERLAP = 0.5


def load_gold(path: str | Path = GOLD_SEEDS_PATH) -> pd.DataFrame:
    """A hand annotation of attributions (doc_id, cue, source, source_type, via, note).

    Examples
    --------
    >>> len(load_gold()) > 50
    True
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _words(text: str) -> set[str]:
    return {_bare(w, _KNOWN_HEADS) for w in _n(text.replace('"', " ").replace("”", " ")).split()}


def _cue_lemma(cue: str) -> str:
    return cue.split(" في ")[0]


def evaluate_sources(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Compare extracted attributions with a hand annotation.

    A predicted row matches a gold row of the same document with the same cue when their
    source spans share at least :data:`MATCH_OVERLAP` of the shorter one's words; each gold
    row is matched once.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``type_accuracy`` (on matched rows), ``tp``,
        ``n_predicted``, ``n_gold``, and the frames ``missed`` (gold rows not found),
        ``spurious`` (predicted rows matching nothing) and ``matched`` (pairs).

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["a"], "cue": ["قال"], "source": ["وزارة الداخلية"],
    ...                      "source_type": ["named_person_or_body"], "via": [""], "note": [""]})
    >>> result = evaluate_sources(extract_sources("وقالت وزارة الداخلية إن", doc_id="a"), gold)
    >>> result["precision"], result["recall"]
    (1.0, 1.0)
    """
    used: set[int] = set()
    matched, spurious = [], []
    for p_index, row in predicted.reset_index(drop=True).iterrows():
        words = _words(row["source"])
        best = None
        for g_index, g in gold.iterrows():
            if g_index in used or g["doc_id"] != row["doc_id"] or _cue_lemma(row["cue"]) != g["cue"]:
                continue
            gw = _words(g["source"])
            if words and gw and len(words & gw) >= MATCH_OVERLAP * min(len(words), len(gw)):
                best = g_index
                break
        if best is None:
            spurious.append(p_index)
        else:
            used.add(best)
            matched.append((p_index, best))
    tp = len(matched)
    pred = predicted.reset_index(drop=True)
    same_type = sum(pred.at[p, "source_type"] == gold.at[g, "source_type"] for p, g in matched)
    pairs = pd.DataFrame([{**{f"pred_{k}": pred.at[p, k] for k in ("source", "source_type", "cue", "via")},
                           **{f"gold_{k}": gold.at[g, k] for k in ("source", "source_type", "cue", "via")},
                           "doc_id": pred.at[p, "doc_id"]} for p, g in matched])
    return {
        "precision": tp / len(pred) if len(pred) else 0.0,
        "recall": tp / len(gold) if len(gold) else 0.0,
        "type_accuracy": same_type / tp if tp else 0.0,
        "tp": tp, "n_predicted": len(pred), "n_gold": len(gold),
        "missed": gold.drop(index=list(used)).reset_index(drop=True),
        "spurious": pred.loc[spurious].reset_index(drop=True),
        "matched": pairs,
    }


def source_labels(table: pd.DataFrame) -> dict[str, str]:
    """A display label per ``source_norm``: the outlet's name, else its longest written form.

    Quotation marks and an attached conjunction are dropped (ومصادر مقربة → مصادر مقربة).

    Examples
    --------
    >>> t = extract_sources('قال بهنام بن طالبلو إن الأمر خطير. وقال بن طالبلو إن الحل صعب. '
    ...                     'وذكرت صحيفة "الشرق الأوسط" أن الوفد وصل.')
    >>> sorted(source_labels(t).values())
    ['الشرق الأوسط', 'بهنام بن طالبلو']
    """
    labels = {}
    for norm, group in table.groupby("source_norm", sort=False):
        if (group["source_type"] == "named_outlet").all():
            labels[norm] = norm
            continue
        written = max(group["source"], key=len)
        written = written.translate({ord(q): None for q in "\"«»“”"}).strip()
        words = written.split()
        if words and words[0][:1] in "وف" and _bare(_n(words[0]), _KNOWN_HEADS) != _n(words[0]):
            words[0] = words[0][1:]
        labels[norm] = " ".join(words)
    return labels
