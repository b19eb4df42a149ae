"""Term statistics from the token table: counts, n-grams, collocations, distinctive terms, KWIC.

All functions take the tidy table of :func:`analysis.tokens.tokens_table` (one row per
token) and return tidy tables.  Counting uses the ``term`` column (normalized, proclitics
split, entity variants merged if :func:`analysis.entities.merge_entities` ran), and leaves
out stopwords and numbers unless told otherwise.

>>> from analysis import load_corpus, tokens_table
>>> counts = count_terms(tokens_table(load_corpus()))
>>> counts.loc[0, "term"], int(counts.loc[0, "count"])
('الكاظمي', 37)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .normalize import normalize
from .vocabulary import sort_rows, term_labels


def content_tokens(tokens: pd.DataFrame, *, stopwords: bool = False, numbers: bool = False) -> pd.DataFrame:
    """Rows of ``tokens`` that count as content: by default neither stopwords nor numbers.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["في", "بغداد", "2021"], "is_stopword": [True, False, False],
    ...                   "is_number": [False, False, True]})
    >>> content_tokens(t).term.tolist()
    ['بغداد']
    """
    keep = pd.Series(True, index=tokens.index)
    if not stopwords:
        keep &= ~tokens["is_stopword"]
    if not numbers:
        keep &= ~tokens["is_number"]
    return tokens[keep]


def _labels(tokens: pd.DataFrame, term_codes: np.ndarray | None = None, terms=None) -> pd.Series:
    """The most frequent surface form written without proclitics, per term (for display)."""
    if term_codes is None:
        term_codes, terms = pd.factorize(tokens["term"], sort=False)
    bare = (tokens["prefix"] == "").to_numpy() if "prefix" in tokens else np.ones(len(tokens), dtype=bool)
    surface_codes, surfaces = pd.factorize(tokens["surface"].to_numpy()[bare], sort=False)
    codes = term_codes[bare]
    keep = (codes >= 0) & (surface_codes >= 0)
    pairs, n = np.unique(codes[keep].astype(np.int64) * max(len(surfaces), 1) + surface_codes[keep],
                         return_counts=True)
    return term_labels(np.asarray(terms, dtype=object)[pairs // max(len(surfaces), 1)],
                       np.asarray(surfaces, dtype=object)[pairs % max(len(surfaces), 1)], n)


def count_terms(tokens: pd.DataFrame, *, by: str | None = None, stopwords: bool = False,
                numbers: bool = False) -> pd.DataFrame:
    """Count terms in the corpus, or per document / per any column of ``tokens``.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table (columns ``term``, ``surface``, ``is_stopword``, ``is_number``, and
        ``by`` if given).
    by : str, optional
        Column to count within (e.g. ``"doc_id"``, or ``"outlet"`` after merging
        metadata); default: the whole corpus.
    stopwords, numbers : bool, default False
        Count stopwords / numbers too.

    Returns
    -------
    pandas.DataFrame
        ``[by,] term, label, count, per_1000, doc_freq``, most frequent first.
        ``per_1000`` is per 1,000 tokens (all tokens, stopwords included) of the corpus or
        of the group; ``doc_freq`` is the number of documents using the term; ``label`` is
        the term's most frequent written form (e.g. قاآني for the term قااني).

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["بغداد", "في", "بغداد"],
    ...                   "surface": ["بغداد", "في", "بغداد"], "is_stopword": [False, True, False],
    ...                   "is_number": [False] * 3})
    >>> count_terms(t).values.tolist()
    [['بغداد', 'بغداد', 2, 666.6666666666666, 2]]
    """
    keep = np.ones(len(tokens), dtype=bool)
    if not stopwords:
        keep &= ~tokens["is_stopword"].to_numpy(bool)
    if not numbers:
        keep &= ~tokens["is_number"].to_numpy(bool)
    # integer codes instead of grouping strings: terms, documents and groups factorized once
    term_codes, terms = pd.factorize(tokens["term"], sort=False)
    doc_codes, docs = pd.factorize(tokens["doc_id"], sort=False)
    keep &= term_codes >= 0
    n_terms, n_docs = max(len(terms), 1), max(len(docs), 1)
    tc = term_codes[keep].astype(np.int64)
    seen = np.unique(tc * n_docs + doc_codes[keep])
    doc_freq = np.bincount(seen // n_docs, minlength=len(terms))
    if by:
        group_codes, groups = pd.factorize(tokens[by], sort=False)
        gc = group_codes[keep]
        cells, count = np.unique(gc[gc >= 0].astype(np.int64) * n_terms + tc[gc >= 0], return_counts=True)
        group, term = cells // n_terms, cells % n_terms
        totals = np.bincount(group_codes[group_codes >= 0], minlength=len(groups))
        counts = pd.DataFrame({by: np.asarray(groups, dtype=object)[group] if len(groups) else [],
                               "term": np.asarray(terms, dtype=object)[term],
                               "count": count.astype(np.int64)})
        counts["per_1000"] = 1000 * counts["count"] / totals[group]
    else:
        count = np.bincount(tc, minlength=len(terms))
        term = np.flatnonzero(count)
        counts = pd.DataFrame({"term": np.asarray(terms, dtype=object)[term], "count": count[term].astype(np.int64)})
        counts["per_1000"] = 1000 * counts["count"] / max(len(tokens), 1)
    counts["doc_freq"] = doc_freq[term].astype("int64")
    labels = _labels(tokens, term_codes, terms)
    counts.insert(2 if by else 1, "label", counts["term"].map(labels).fillna(counts["term"]))
    order = ([by] if by else []) + ["count", "term"]
    ascending = ([True] if by else []) + [False, True]
    return counts.sort_values(order, ascending=ascending).reset_index(drop=True)


def _document_order(tokens: pd.DataFrame) -> np.ndarray:
    """Row order that puts each document's rows together (documents in order of first
    appearance) in the order of their ``position``: the identity for a token table."""
    codes = pd.factorize(tokens["doc_id"], sort=False)[0]
    position = tokens["position"].to_numpy()
    steps = np.diff(codes)
    if (steps >= 0).all() and (np.diff(position)[steps == 0] > 0).all():
        return np.arange(len(codes))
    return np.lexsort((position, codes))


def _ngram_table(tokens: pd.DataFrame, n: int) -> pd.DataFrame:
    """``ngram``, ``n``, ``count``, ``doc_freq`` and the words ``w1`` ... ``wn``, unsorted.

    One pass of array operations over the whole table: a window of ``n`` rows is an
    n-gram when all its tokens are content tokens of one sentence of one document at
    consecutive positions.  N-grams are built as integer codes (the terms' codes combined
    one word at a time and re-numbered), and strings are made once per distinct n-gram.
    """
    words = [f"w{k + 1}" for k in range(n)]
    empty = pd.DataFrame({"ngram": pd.Series(dtype=object), "n": pd.Series(dtype="int64"),
                          "count": pd.Series(dtype="int64"), "doc_freq": pd.Series(dtype="int64"),
                          **{w: pd.Series(dtype=object) for w in words}})
    if len(tokens) < n or n < 1:
        return empty
    order = _document_order(tokens)
    ok = (~tokens["is_stopword"].to_numpy(bool) & ~tokens["is_number"].to_numpy(bool))[order]
    doc = pd.factorize(tokens["doc_id"], sort=False)[0][order]
    sent = tokens["sentence"].to_numpy()[order]
    pos = tokens["position"].to_numpy()[order]
    term_codes, term_values = pd.factorize(tokens["term"], sort=False)
    term_codes = term_codes[order]
    last = len(order) - n + 1
    start = np.arange(last)
    valid = ((doc[:last] == doc[n - 1:]) & (sent[:last] == sent[n - 1:])
             & (pos[n - 1:] - pos[:last] == n - 1))
    for k in range(n):
        valid &= ok[k:last + k]
    start = start[valid]
    if not len(start):
        return empty
    key = term_codes[start].astype(np.int64)
    for k in range(1, n):
        key = pd.factorize(key * len(term_values) + term_codes[start + k], sort=False)[0].astype(np.int64)
    n_grams = int(key.max()) + 1
    count = np.bincount(key, minlength=n_grams)
    pairs = pd.factorize(key * (int(doc.max()) + 1) + doc[start], sort=False)[0]
    first_pair = np.full(int(pairs.max()) + 1, -1, dtype=np.int64)
    first_pair[pairs[::-1]] = np.arange(len(pairs))[::-1]
    doc_freq = np.bincount(key[first_pair], minlength=n_grams)
    first = np.full(n_grams, -1, dtype=np.int64)
    first[key[::-1]] = start[::-1]
    values = np.asarray(term_values, dtype=object)
    parts = {w: values[term_codes[first + k]] for k, w in enumerate(words)}
    gram = parts[words[0]].copy()
    for w in words[1:]:
        gram = gram + " " + parts[w]
    return pd.DataFrame({"ngram": gram, "n": np.int64(n), "count": count.astype(np.int64),
                         "doc_freq": doc_freq.astype(np.int64), **parts})


def ngrams(tokens: pd.DataFrame, *, n: int = 2) -> pd.DataFrame:
    """Count n-grams of adjacent content tokens within a sentence.

    An n-gram never crosses a sentence end, a stopword, a number or a removed
    (boilerplate) line: its tokens must be consecutive positions of one sentence.
    Array operations over the whole table: time grows linearly with the corpus.

    Parameters
    ----------
    tokens : pandas.DataFrame
    n : int, default 2

    Returns
    -------
    pandas.DataFrame
        ``ngram`` (terms joined by a space), ``n``, ``count``, ``doc_freq``, most frequent first.

    Examples
    --------
    >>> from analysis import tokens_table
    >>> t = tokens_table(pd.DataFrame({"doc_id": ["a"], "text": ["قائد فيلق القدس. فيلق القدس"]}))
    >>> ngrams(t, n=2).values.tolist()
    [['فيلق القدس', 2, 2, 1], ['قائد فيلق', 2, 1, 1]]
    """
    table = _ngram_table(tokens, n)[["ngram", "n", "count", "doc_freq"]]
    return sort_rows(table, ["count", "ngram"], ascending=[False, True]).reset_index(drop=True)


def _xlogx_ratio(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def collocations(tokens: pd.DataFrame, *, min_count: int = 2) -> pd.DataFrame:
    """Score adjacent content-word pairs by log-likelihood (Dunning's G²) and PMI.

    For each bigram ``w1 w2`` seen at least ``min_count`` times, the 2x2 table of
    "first word is w1" x "second word is w2" over all adjacent content pairs gives

    * ``llr``: G² = 2 Σ O log(O / E) (large when the pair is far more frequent than its
      words' frequencies predict; > 10.83 is p < 0.001 for one degree of freedom);
    * ``pmi``: log2(P(w1 w2) / (P(w1) P(w2))).

    Parameters
    ----------
    tokens : pandas.DataFrame
    min_count : int, default 2

    Returns
    -------
    pandas.DataFrame
        ``ngram`` (the terms, normalized), ``label`` (each word in its most frequent
        written form, as :func:`count_terms` labels terms: مصطفى الكاظمي, not
        مصطفي الكاظمي), ``w1``, ``w2``, ``count``, ``count_w1``, ``count_w2``,
        ``expected``, ``llr``, ``pmi``, sorted by ``llr``.

    Examples
    --------
    >>> from analysis import tokens_table
    >>> text = "قائد فيلق القدس وصل. فيلق القدس ذراع. الحرس الثوري."
    >>> collocations(tokens_table(pd.DataFrame({"doc_id": ["a"], "text": [text]}))).ngram.tolist()
    ['فيلق القدس']
    """
    pairs = _ngram_table(tokens, 2)
    columns = ["ngram", "label", "w1", "w2", "count", "count_w1", "count_w2", "expected", "llr", "pmi"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    total = pairs["count"].sum()
    first = pairs.groupby("w1")["count"].sum()
    second = pairs.groupby("w2")["count"].sum()
    pairs = pairs[pairs["count"] >= min_count].copy()
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    o11 = pairs["count"].to_numpy(float)
    r1 = pairs["w1"].map(first).to_numpy(float)
    c1 = pairs["w2"].map(second).to_numpy(float)
    o12, o21 = r1 - o11, c1 - o11
    o22 = total - o11 - o12 - o21
    observed = np.stack([o11, o12, o21, o22])
    expected = np.stack([r1 * c1, r1 * (total - c1), (total - r1) * c1, (total - r1) * (total - c1)]) / total
    pairs["count_w1"], pairs["count_w2"] = r1.astype(int), c1.astype(int)
    pairs["expected"] = expected[0]
    pairs["llr"] = 2 * _xlogx_ratio(observed, expected).sum(axis=0)
    pairs["pmi"] = np.log2(o11 * total / (r1 * c1))
    labels = _labels(tokens)
    pairs["label"] = (pairs["w1"].map(labels).fillna(pairs["w1"]) + " "
                      + pairs["w2"].map(labels).fillna(pairs["w2"]))
    return pairs[columns].sort_values(["llr", "ngram"], ascending=[False, True]).reset_index(drop=True)


def tfidf(counts: pd.DataFrame, *, by: str = "doc_id") -> pd.DataFrame:
    """Add TF-IDF to per-group counts (from ``count_terms(tokens, by=by)``).

    ``tf`` is the term's share of the group's counted terms; ``idf = ln(N / df)`` with N
    groups and df the groups using the term (a term in every group scores 0).

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["بغداد", "طهران", "بغداد"], "count": [1, 3, 2]})
    >>> tfidf(c).round(3).tfidf.tolist()
    [0.0, 0.52, 0.0]
    """
    out = counts.copy()
    n_groups = out[by].nunique()
    df = out.groupby("term")[by].nunique()
    out["tf"] = out["count"] / out.groupby(by)["count"].transform("sum")
    out["idf"] = np.log(n_groups / out["term"].map(df))
    out["tfidf"] = out["tf"] * out["idf"]
    return out


def log_odds(counts: pd.DataFrame, *, by: str = "doc_id", prior: pd.Series | None = None,
             prior_strength: float | None = None, zeros: bool = True) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    For term w and group i against all other groups j (counts y, totals n):

    δ = log((y_iw + α_w) / (n_i + α_0 − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α_0 − y_jw − α_w)),
    σ² ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w),  z = δ / σ.

    The prior α_w is proportional to the term's frequency in ``prior`` (default: the whole
    corpus's counts) and sums to α_0 (``prior_strength``, default: the corpus's total
    count), which shrinks the estimates of rare terms toward zero.

    On a corpus of a few short articles, most terms occur once or twice: |z| > 1.96 is
    then weak evidence, and the ranking says more than the values.

    Parameters
    ----------
    counts : pandas.DataFrame
        Per-group counts with columns ``by``, ``term``, ``count``.
    by : str, default "doc_id"
    prior : pandas.Series, optional
        Background counts indexed by term.
    prior_strength : float, optional
        α_0.
    zeros : bool, default True
        Also score each term in the groups that never use it (a row per group and term
        of the corpus: groups x terms rows, which for thousands of documents is more
        than memory holds).  ``False`` scores only the terms a group uses, which is all
        a "most distinctive terms" list needs (with the default prior a term a group
        never uses always has δ < 0), and grows with the counts table.

    Returns
    -------
    pandas.DataFrame
        ``counts`` plus ``delta``, ``variance`` and ``z``, sorted by group then ``z``.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "term": ["فصائل", "بغداد", "ميليشيات", "بغداد"],
    ...                   "count": [4, 2, 4, 2]})
    >>> log_odds(c).query("doc_id == 'a'").round(2)[["term", "z"]].values.tolist()
    [['فصائل', 1.68], ['بغداد', 0.0], ['ميليشيات', -1.68]]
    >>> log_odds(c, zeros=False).query("doc_id == 'a'").round(2)[["term", "z"]].values.tolist()
    [['فصائل', 1.68], ['بغداد', 0.0]]
    """
    cells = counts.groupby([by, "term"], sort=True)["count"].sum()
    groups, terms = cells.index.levels[0], cells.index.levels[1]
    group_codes = np.asarray(cells.index.codes[0], dtype=np.int64)
    term_codes = np.asarray(cells.index.codes[1], dtype=np.int64)
    y = cells.to_numpy()
    if zeros:
        dense = np.zeros((len(groups), len(terms)), dtype=y.dtype)
        dense[group_codes, term_codes] = y
        y = dense.ravel()
        group_codes = np.repeat(np.arange(len(groups)), len(terms))
        term_codes = np.tile(np.arange(len(terms)), len(groups))
    total_w = np.bincount(term_codes, weights=y, minlength=len(terms))
    n = np.bincount(group_codes, weights=y, minlength=len(groups))
    background = (pd.Series(total_w, index=terms) if prior is None
                  else prior.reindex(terms).fillna(0).astype(float))
    alpha0 = float(background.sum() if prior_strength is None else prior_strength)
    alpha_w = (alpha0 * background / background.sum()).to_numpy()
    alpha = alpha_w[term_codes]
    yi, yj = y, total_w[term_codes] - y
    ni = n[group_codes]
    nj = n.sum() - ni
    delta = (np.log((yi + alpha) / (ni + alpha0 - yi - alpha))
             - np.log((yj + alpha) / (nj + alpha0 - yj - alpha)))
    variance = 1 / (yi + alpha) + 1 / (yj + alpha)
    out = pd.DataFrame({by: np.asarray(groups, dtype=object)[group_codes],
                        "term": np.asarray(terms, dtype=object)[term_codes],
                        "count": y, "delta": delta, "variance": variance})
    out["z"] = out["delta"] / np.sqrt(out["variance"])
    return out.sort_values([by, "z", "term"], ascending=[True, False, True]).reset_index(drop=True)


def kwic(tokens: pd.DataFrame, term: str, *, window: int = 6, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with the words around it.

    Matching is on the normalized term (so قاآني finds قاآني, and with entity merging
    also قآني, غانى), its normalized surface, or its clitic-split term.  The hits are
    found by one comparison over the whole table; only their windows are read.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A token table.
    term : str
        Any spelling; it is normalized.
    window : int, default 6
        Tokens of context on each side (within the document).
    texts : dict, optional
        doc_id -> raw text; when given, the context is cut from the raw text (punctuation
        kept) rather than joined from tokens.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``position``, ``start``, ``end``, ``before``, ``keyword``, ``after``.

    Examples
    --------
    >>> from analysis import tokens_table
    >>> t = tokens_table(pd.DataFrame({"doc_id": ["a"], "text": ["وصل قائد فيلق القدس إلى بغداد"]}))
    >>> kwic(t, "فيلق", window=2)[["before", "keyword", "after"]].values.tolist()
    [['وصل قائد', 'فيلق', 'القدس إلى']]
    """
    columns = ["doc_id", "position", "start", "end", "before", "keyword", "after"]
    key = normalize(term)
    order = _document_order(tokens)
    match = (tokens["term"].to_numpy() == key) | (tokens["norm"].to_numpy() == key)
    if "merged_from" in tokens:
        match |= tokens["merged_from"].to_numpy() == key
    hits = np.flatnonzero(match[order])
    if not len(hits):
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("position", "start", "end") else object)
                             for c in columns})
    doc = pd.factorize(tokens["doc_id"], sort=False)[0][order]
    bounds = np.flatnonzero(np.diff(doc)) + 1
    doc_start = np.concatenate(([0], bounds))[np.searchsorted(bounds, hits, side="right")]
    doc_end = np.concatenate((bounds, [len(doc)]))[np.searchsorted(bounds, hits, side="right")]
    lo = np.maximum(doc_start, hits - window)
    hi = np.minimum(doc_end, hits + window + 1)
    doc_ids = tokens["doc_id"].to_numpy()[order]
    surface = tokens["surface"].to_numpy()[order]
    start = tokens["start"].to_numpy()[order]
    end = tokens["end"].to_numpy()[order]
    position = tokens["position"].to_numpy()[order]
    rows = []
    for i, a, b in zip(hits.tolist(), lo.tolist(), hi.tolist()):
        if texts is not None:
            text = texts[doc_ids[i]]
            before = text[start[a]:start[i]].strip()
            after = text[end[i]:end[b - 1]].strip()
        else:
            before = " ".join(surface[a:i])
            after = " ".join(surface[i + 1:b])
        rows.append((doc_ids[i], int(position[i]), int(start[i]), int(end[i]), before, surface[i], after))
    return pd.DataFrame(rows, columns=columns)


def kwic_html(table: pd.DataFrame, *, max_rows: int | None = None) -> str:
    """Render a :func:`kwic` table as right-to-left HTML with the keyword column aligned.

    The table has ``dir="rtl"``: the preceding words sit right of the keyword, aligned
    against it, and the following words left of it.

    Examples
    --------
    >>> html = kwic_html(pd.DataFrame({"doc_id": ["a"], "before": ["وصل"], "keyword": ["قاآني"], "after": ["إلى"]}))
    >>> 'dir="rtl"' in html and "<b>قاآني</b>" in html
    True
    """
    from html import escape

    rows = table if max_rows is None else table.head(max_rows)
    cells = "".join(
        f'<tr><td style="color:#777;text-align:right">{escape(str(r.doc_id))}</td>'
        f'<td style="text-align:left">{escape(r.before)}</td>'
        f'<td style="text-align:center;padding:0 .6em"><b>{escape(r.keyword)}</b></td>'
        f'<td style="text-align:right">{escape(r.after)}</td></tr>'
        for r in rows.itertuples())
    return (f'<table dir="rtl" lang="ar" style="font-size:1.05em;border-collapse:collapse">'
            f'<thead><tr><th>doc</th><th>قبل</th><th>الكلمة</th><th>بعد</th></tr></thead>'
            f"<tbody>{cells}</tbody></table>")

