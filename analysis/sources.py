"""Who is cited: attributions in Arabic news prose, as a tidy table (one row per attribution).

The work is split by job:

* :mod:`analysis.sources_lexicon` reads the editable lists (``analysis/data/``: the cues
  with their ``cue_class``, the outlet gazetteer, the head words);
* :mod:`analysis.sources_rules` finds the attributions of one text (cues, subjects before
  or after their verb, continuations, relays, lists, negation, quotations), with the
  modules its docstring lists (tokens, cues, spans, objects, subjects, content, relays,
  outlet names, classification);
* :mod:`analysis.sources_entities` turns mentions into entities (``source_entity``), in an
  article and across a corpus, with the alias table ``analysis/data/source_aliases.csv``;
* :mod:`analysis.sources_scoring` scores the rows against a hand annotation.

>>> rows = extract_sources("ونقلت وكالة رويترز عن مسؤولين أمنيين عراقيين أن الهجوم نفذته ميليشيا.")
>>> rows[["source_entity", "source_type", "via"]].values.tolist()
[['رويترز', 'named_outlet', ''], ['مسؤولين أمنيين عراقيين', 'anonymous', 'رويترز']]
"""

from __future__ import annotations

import pandas as pd

from .sources_entities import corpus_entities, document_entities, load_source_aliases
from .sources_lexicon import CUE_CLASSES, load_outlets
from .sources_rules import DocumentReader, classify
from .sources_scoring import GOLD_ANT_DEV2_PATH, GOLD_ANT_PATH, GOLD_ANT_TEST3_PATH, GOLD_SNN_DEV3_PATH, GOLD_SNN_TEST4_PATH, GOLD_TEST5_PATH, GOLD_TEST6_PATH, GOLD_TEST7_PATH, GOLD_DEV7_PATH, GOLD_SEEDS_PATH, GOLD_SNN_PATH, SOURCE_TYPES, evaluate_sources, load_gold, score_line

__all__ = ["CUE_CLASSES", "GOLD_ANT_DEV2_PATH", "GOLD_ANT_PATH", "GOLD_ANT_TEST3_PATH", "GOLD_SNN_DEV3_PATH", "GOLD_SNN_TEST4_PATH", "GOLD_TEST5_PATH", "GOLD_TEST6_PATH", "GOLD_TEST7_PATH", "GOLD_DEV7_PATH", "GOLD_SEEDS_PATH", "GOLD_SNN_PATH", "SOURCE_COLUMNS", "SOURCE_TYPES", "classify",
           "evaluate_sources", "extract_sources", "load_gold", "load_outlets", "load_source_aliases", "score_line",
           "sources_table"]

#: The columns of :func:`extract_sources` and :func:`sources_table`.
SOURCE_COLUMNS = ["doc_id", "source", "source_norm", "source_entity", "source_type", "cue", "cue_text", "cue_class",
                  "via", "resolved", "sentence", "start", "end", "cue_start", "cue_end"]
#: Source types that name who speaks (the rest: unnamed outlets, anonymous sources).
NAMED_TYPES = ("named_outlet", "named_person_or_body")


def extract_sources(text: str, *, doc_id: str = "", aliases: dict | None = None) -> pd.DataFrame:
    """Find every attribution in ``text``: one row per cited source and statement.

    Parameters
    ----------
    text : str
        Raw article text (offsets point into it).
    doc_id : str, optional
    aliases : dict, optional
        A source alias table (:func:`load_source_aliases`, the default).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SOURCE_COLUMNS`:

        - ``source``: the mention as written (for a continuation, the speaker's mention);
        - ``source_norm``: that mention normalized (an outlet: its gazetteer name);
        - ``source_entity``: the speaker, one label for all its mentions (its fullest
          mention in the article, an outlet's gazetteer name, or the alias table's);
        - ``source_type``: named_outlet, unnamed_outlet, named_person_or_body, anonymous;
        - ``cue`` (the lemma: قال, أكد, بحسب), ``cue_text`` (as written: وقالت) and
          ``cue_class``: neutral, assertive, doubting or denial;
        - ``via``: the ``source_entity`` of the outlet or source relaying it ('' if none);
        - ``resolved``: explicit, list (one of several named together) or coreference
          (a participle or a cue without a subject continuing the latest agreeing source);
        - ``sentence``, ``start``/``end`` (offsets of ``source`` in ``text``; for a
          continuation, of the speaker's mention), ``cue_start``/``cue_end``.

    Examples
    --------
    >>> t = "وقالت وزارة الداخلية إن الهجوم تم بثلاث طائرات. وأضافت أن اثنتين أسقطتا."
    >>> extract_sources(t)[["source_entity", "cue", "cue_class", "resolved"]].values.tolist()
    [['وزارة الداخلية', 'قال', 'neutral', 'explicit'], ['وزارة الداخلية', 'أضاف', 'neutral', 'coreference']]
    >>> extract_sources("ونفى المتحدث باسم الجيش هذه الأنباء.")[["cue", "cue_class"]].values.tolist()
    [['نفى', 'denial']]
    """
    rows = DocumentReader(text).read()
    if not rows:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    table = pd.DataFrame({
        "doc_id": doc_id,
        "source": [r.source for r in rows],
        "source_type": [r.source_type for r in rows],
        "cue": [r.form.lemma for r in rows],
        "cue_text": [r.cue_text for r in rows],
        "cue_class": [r.form.cue_class for r in rows],
        "via": [r.via for r in rows],
        "resolved": [r.resolved for r in rows],
        "sentence": [r.sentence for r in rows],
        "start": [r.start for r in rows],
        "end": [r.end for r in rows],
        "cue_start": [r.cue_start for r in rows],
        "cue_end": [r.cue_end for r in rows],
        "words": [r.words for r in rows],
        "key": [r.key for r in rows],
    })
    table["source_norm"] = table["key"]
    table["source_entity"] = document_entities(table, text)
    named = set(table.loc[table["source_type"] == "named_person_or_body", "source_entity"])
    resolved = (table["source_type"] == "anonymous") & table["source_entity"].isin(named)
    table.loc[resolved, "source_type"] = "named_person_or_body"     # "المسؤول الإثيوبي" = the commissioner named before
    entity_of_key = dict(zip(table["key"], table["source_entity"]))
    table["via"] = [entity_of_key.get(v, v) for v in table["via"]]
    return _merge(table, aliases)[SOURCE_COLUMNS]


def _merge(table: pd.DataFrame, aliases: dict | None) -> pd.DataFrame:
    """Entities merged across the table's documents (and the alias table), relays too."""
    before = table["source_entity"].tolist()
    table["source_entity"] = corpus_entities(table, aliases=aliases)
    renamed = dict(zip(before, table["source_entity"]))
    table["via"] = [renamed.get(v, v) for v in table["via"]]
    return table


def sources_table(corpus: pd.DataFrame, *, aliases: dict | None = None) -> pd.DataFrame:
    """:func:`extract_sources` over every document of a corpus (raw ``text``), in order,
    with entities merged across documents (see :mod:`analysis.sources_entities`).

    Metadata columns of the corpus (``outlet``, ``publication_date`` ...) are not copied;
    join them on ``doc_id``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> table = sources_table(load_corpus())
    >>> set(table.source_type) <= set(SOURCE_TYPES)
    True
    """
    frames = [extract_sources(text, doc_id=doc_id, aliases=aliases)
              for doc_id, text in zip(corpus["doc_id"], corpus["text"])]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    return _merge(pd.concat(frames, ignore_index=True), aliases)[SOURCE_COLUMNS]
