"""The output side of streaming counts: the merged vocabulary's terms, labels and the table.

Terms and labels come from the same functions as the notebooks' token table
(:func:`analysis.vocabulary.term_table`, :func:`analysis.vocabulary.term_labels`), applied
once per distinct normalized form of the whole corpus.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .count_merge import Merger
from .entities import load_aliases
from .vocabulary import sort_rows, term_labels, term_table

#: Columns of the streamed count (``doc_id`` first with ``by_doc``).
COUNT_COLUMNS = ["term", "label", "count", "per_1000", "doc_freq"]


def vocabulary_terms(merger: Merger, *, merge_variants: bool, processes: int = 1) -> pd.DataFrame:
    """One row per normalized token of the corpus (in the merger's id order): its term,
    prefix, stopword and number flags, whether it is counted (``content``) and the id of
    its term (``term_id``); the clitic decisions made in ``processes`` processes."""
    norms = merger.norm_ids.keys_in_order
    vocab = term_table(norms, aliases=load_aliases() if merge_variants else None, processes=processes)
    vocab["content"] = ~vocab.is_stopword & ~vocab.is_number
    vocab["term_id"] = pd.factorize(vocab.term)[0]
    return vocab


def labels(merger: Merger, vocab: pd.DataFrame) -> pd.Series:
    """term -> its most frequent written form among tokens without proclitics
    (:func:`analysis.vocabulary.term_labels`)."""
    bare = (vocab["prefix"] == "").to_numpy()
    term = vocab["term"].to_numpy()
    # forms written as their own norm (most of them): the norm is the written form
    own = np.flatnonzero(bare & (merger.norm_bare[:len(vocab)] > 0))
    own_forms = np.asarray(merger.norm_ids.keys_in_order, dtype=object)[own]
    # the other forms, with the norm (or norms, for a ligature) each stands for
    n = len(merger.surface_ids.keys_in_order)
    surface_norm = merger.surface_norm[:n]
    single = np.flatnonzero(surface_norm >= 0)
    single = single[bare[surface_norm[single]]]
    multi = [(sid, norm) for sid, norms in merger.surface_multi.items() for norm in norms if bare[norm]]
    sids = np.concatenate([single, np.array([sid for sid, _ in multi], dtype=np.int64)])
    norms = np.concatenate([surface_norm[single], np.array([norm for _, norm in multi], dtype=np.int64)])
    surfaces = np.asarray(merger.surface_ids.keys_in_order, dtype=object)
    return term_labels(np.concatenate([term[own], term[norms]]), np.concatenate([own_forms, surfaces[sids]]),
                       np.concatenate([merger.norm_bare[own], merger.surface_counts[sids]]))


def count_table(merger: Merger, vocab: pd.DataFrame, totals: np.ndarray, doc_freq: np.ndarray,
                per_doc: pd.DataFrame, *, by_doc: bool) -> pd.DataFrame:
    """The output table: terms, labels, counts, rates and document frequencies, in order."""
    terms = vocab.drop_duplicates("term_id").set_index("term_id")["term"].sort_index()
    label_of = labels(merger, vocab)
    if by_doc:
        table = pd.DataFrame({"doc_id": per_doc["doc_id"].astype(str), "term": terms.to_numpy()[per_doc.term_id],
                              "count": per_doc["count"].astype("int64")})
        table["per_1000"] = 1000 * table["count"] / per_doc["doc_tokens"]
        table["doc_freq"] = doc_freq[per_doc.term_id]
        table.insert(2, "label", table.term.map(label_of).fillna(table.term))
        table = sort_rows(table, ["doc_id", "count", "term"], ascending=[True, False, True])
    else:
        used = totals > 0
        table = pd.DataFrame({"term": terms.to_numpy()[used], "count": totals[used]})
        table["per_1000"] = 1000 * table["count"] / max(merger.n_tokens, 1)
        table["doc_freq"] = doc_freq[used]
        table.insert(1, "label", table.term.map(label_of).fillna(table.term))
        table = sort_rows(table, ["count", "term"], ascending=[False, True])
    return table.reset_index(drop=True)
