"""Scoring attributions against a hand annotation, honestly.

A predicted row matches a gold row only when

* they are in the same document and at the same place: the prediction's cue and source
  overlap the gold's ``cue_text`` (located in the text by ``cue_start``/``cue_end``); for a
  continuation (``resolved`` = coreference), whose source is its antecedent's mention
  sentences before, its cue alone;
* the prediction names the gold's speaker: every word of the gold ``head`` (the name,
  the body or the outlet: ``ترامب``, ``وزارة الداخلية``, ``رويترز``, ``مصادر``) is in
  the predicted ``source`` or in its ``source_entity`` (the fullest mention of that
  speaker in the article);
* the predicted span does not run on: each of its words is in the gold's ``source``, its
  ``cue_text`` or its ``head``.

Each gold row is matched once.  Gold rows with ``required`` = yes are what recall counts;
a prediction that matches an optional row (``required`` = no: a nested or borderline
attribution) is neither right nor wrong; one that matches a trap (``source_type`` =
``not_source``: "وفق الدستور") or nothing is a false positive.  Type accuracy is counted
on the matched required rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .config import DATA_DIR
from .sources_lexicon import no_article, norm

GOLD_DIR = DATA_DIR / "gold"
GOLD_SEEDS_PATH = GOLD_DIR / "sources_seeds.csv"
GOLD_ANT_PATH = GOLD_DIR / "sources_ant.csv"
#: 25 more ANT articles (5 per outlet), annotated 2026-12-07 and measured once before any
#: rule was written on them; a development set since (its articles: ``sources_ant_dev2_files.txt``).
GOLD_ANT_DEV2_PATH = GOLD_DIR / "sources_ant_dev2.csv"
GOLD_SNN_PATH = GOLD_DIR / "sources_snn.csv"
#: 20 more ANT articles (4 per outlet), annotated blind on 2026-12-07 (sixth session) and only
#: ever measured, never read for rules (its articles: ``sources_ant_test3_files.txt``).
GOLD_ANT_TEST3_PATH = GOLD_DIR / "sources_ant_test3.csv"
#: 24 more SaudiNewsNet articles (11 papers), annotated blind the same day, measured once before
#: any rule was written on them, a development set since (``sources_snn_dev3_files.csv``); the
#: first 12 were read twice (``sources_snn_dev3_second_read.csv``).
GOLD_SNN_DEV3_PATH = GOLD_DIR / "sources_snn_dev3.csv"
#: 36 more SaudiNewsNet articles (3 from each of 12 papers, drawn with seed 8080 among articles
#: the project had not read), annotated blind by three readers in the eighth session, only ever
#: measured until the twelfth session, a development set since (``sources_snn_test4_files.csv``).
GOLD_SNN_TEST4_PATH = GOLD_DIR / "sources_snn_test4.csv"
#: 24 more articles, 12 ANT (3 from each of four outlets, pol1000's unread part) and 12
#: SaudiNewsNet (one per paper, a fresh draw with seed 2026), annotated blind by four readers
#: in the eleventh session and only ever measured (``sources_test5_ant_files.txt``,
#: ``sources_test5_snn_files.csv``).
GOLD_TEST5_PATH = GOLD_DIR / "sources_test5.csv"
#: 21 more articles, 9 ANT (one per outlet and political section, drawn with seed 2027 outside
#: the 1,000-article draw) and 12 SaudiNewsNet (one per paper, a fresh draw with seed 2027),
#: annotated blind by four readers in the twelfth session and only ever measured
#: (``sources_test6_ant_files.txt``, ``sources_test6_snn_files.csv``).
GOLD_TEST6_PATH = GOLD_DIR / "sources_test6.csv"
#: 39 more articles, 15 ANT (3 per outlet, international news, drawn with seed 2028 outside the
#: 1,000-article draw) and 24 SaudiNewsNet (two per paper, a fresh draw with seed 2028),
#: annotated blind by four readers in the twelfth session, scored once before any rule was
#: written on them and a development set since (``sources_dev7_ant_files.txt``,
#: ``sources_dev7_snn_files.csv``).
GOLD_DEV7_PATH = GOLD_DIR / "sources_dev7.csv"
#: 22 more articles, 10 ANT (2 per outlet, political sections, drawn with seed 2029 outside the
#: 1,000-article draw and every earlier sample) and 12 SaudiNewsNet (one per paper, a fresh draw
#: with seed 2029 outside the 408-article draw), annotated blind by four readers in the
#: thirteenth session and only ever measured (``sources_test7_ant_files.txt``,
#: ``sources_test7_snn_files.csv``).
GOLD_TEST7_PATH = GOLD_DIR / "sources_test7.csv"
SOURCE_TYPES = ("named_outlet", "unnamed_outlet", "named_person_or_body", "anonymous")
GOLD_COLUMNS = ["doc_id", "cue_text", "cue", "source", "head", "source_type", "via", "required"]


def load_gold(path: str | Path = GOLD_SEEDS_PATH) -> pd.DataFrame:
    """A hand annotation of attributions (one row per attribution event).

    Columns: ``doc_id``, ``cue_text`` (the cue and the start of the source, verbatim),
    ``cue``, ``cue_kind``, ``source`` (the speaker's fullest mention), ``head`` (the words
    that name the speaker), ``entity``, ``source_type`` (or ``not_source`` for a trap),
    ``via``, ``required`` (yes/no), ``note``, and ``cue_start``/``cue_end`` (offsets of
    ``cue_text`` in the article).

    Examples
    --------
    >>> gold = load_gold()
    >>> int((gold.required == "yes").sum())
    77
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = set(GOLD_COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"{path}: a source annotation needs the columns {GOLD_COLUMNS} (missing {sorted(missing)})")
    for column in ("cue_start", "cue_end"):
        if column in table:
            table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    return table


def locate_gold(gold: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """Check or find where each gold ``cue_text`` is: ``cue_start``/``cue_end`` columns.

    Offsets that point at the ``cue_text`` are kept; otherwise the text is searched (the
    n-th row with the same cue text and head takes the n-th occurrence).  Rows whose text
    is missing or does not contain the cue text get no offsets and can never match."""
    gold = gold.copy()
    starts, ends = [], []
    seen: dict[tuple, int] = {}
    for row in gold.itertuples(index=False):
        text = texts.get(row.doc_id)
        start = getattr(row, "cue_start", pd.NA)
        if text is not None and not pd.isna(start) and text[int(start):int(start) + len(row.cue_text)] == row.cue_text:
            starts.append(int(start))
            ends.append(int(start) + len(row.cue_text))
            continue
        if text is None or row.cue_text not in text:
            starts.append(pd.NA)
            ends.append(pd.NA)
            continue
        key = (row.doc_id, row.cue_text, row.head)
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        positions, at = [], text.find(row.cue_text)
        while at >= 0:
            positions.append(at)
            at = text.find(row.cue_text, at + 1)
        at = positions[min(nth, len(positions) - 1)]
        starts.append(at)
        ends.append(at + len(row.cue_text))
    gold["cue_start"] = pd.array(starts, dtype="Int64")
    gold["cue_end"] = pd.array(ends, dtype="Int64")
    return gold


def _forms(word: str) -> set[str]:
    """A word's comparable forms: without the article, an attached و/ف or ل."""
    w = norm(word).replace("#", "")
    if w == "المراة":
        w = "امراة"                                     # المرأة is the definite امرأة
    out = {no_article(w)}
    if len(w) > 3 and w[0] in "وف":
        out.add(no_article(w[1:]))
    if w.startswith("لل") and len(w) > 3:
        out.add(no_article("ال" + w[2:]))
    elif w.startswith("ل") and len(w) > 2:
        out.add(no_article(w[1:]))
    return out


def _word_forms(text: str) -> list[set[str]]:
    cleaned = str(text)
    for q in "\"«»“”()،,.:؛;_-":
        cleaned = cleaned.replace(q, " ")
    return [_forms(w) for w in cleaned.split()]


def _names(head_forms: list[set[str]], pool: set[str]) -> bool:
    return bool(head_forms) and all(forms & pool for forms in head_forms)


def evaluate_sources(predicted: pd.DataFrame, gold: pd.DataFrame, *, texts: Mapping[str, str] | None = None) -> dict:
    """Compare extracted attributions with a hand annotation (see the module docstring).

    Parameters
    ----------
    predicted : pandas.DataFrame
        Rows of :func:`analysis.sources.extract_sources` (``doc_id``, ``source``,
        ``source_entity``, ``source_type``, ``start``, ``end``, ``cue_start``, ``cue_end``).
    gold : pandas.DataFrame
        :func:`load_gold`'s table; without offsets, pass ``texts``.
    texts : mapping of doc_id to text, optional
        To locate the gold cue texts.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``type_accuracy``, ``tp``, ``fp``, ``n_predicted``,
        ``n_required``, ``neutral`` (predictions matching an optional row), ``by_type``
        (precision, recall and type accuracy per source type), ``missed`` (required
        rows not found), ``spurious`` (false positives with a ``reason``: ``trap``,
        ``runs_on``, ``other_speaker``, ``no_attribution``) and ``matched`` (pairs).

    Examples
    --------
    >>> from analysis.sources import extract_sources
    >>> text = "وقالت وزارة الداخلية إن الهجوم فشل."
    >>> gold = pd.DataFrame({"doc_id": ["a"], "cue_text": ["وقالت وزارة"], "cue": ["قال"],
    ...                      "source": ["وزارة الداخلية"], "head": ["وزارة الداخلية"],
    ...                      "source_type": ["named_person_or_body"], "via": [""], "required": ["yes"]})
    >>> result = evaluate_sources(extract_sources(text, doc_id="a"), gold, texts={"a": text})
    >>> result["precision"], result["recall"]
    (1.0, 1.0)
    """
    if texts is not None or "cue_start" not in gold or gold["cue_start"].isna().any():
        gold = locate_gold(gold, texts or {})
    gold = gold.reset_index(drop=True)
    pred = predicted.reset_index(drop=True)
    head_forms = [_word_forms(h) for h in gold["head"]]
    allowed = [set().union(*_word_forms(s), *_word_forms(c), *_word_forms(h))
               for s, c, h in zip(gold["source"], gold["cue_text"], gold["head"])]
    by_doc: dict[str, list[int]] = {}
    for g, doc in enumerate(gold["doc_id"]):
        by_doc.setdefault(doc, []).append(g)
    used: set[int] = set()
    matched, spurious, neutral = [], [], []
    entity = pred["source_entity"] if "source_entity" in pred else pred["source"]
    for p, row in pred.iterrows():
        lo = min(int(row["start"]), int(row["cue_start"]))
        hi = max(int(row["end"]), int(row["cue_end"]))
        if row.get("resolved", "") == "coreference":
            # a continuation's source is its antecedent's mention, sentences before: its place
            # is its cue alone (else it could take a gold row of another cue in between)
            lo, hi = int(row["cue_start"]), int(row["cue_end"])
        span_forms = _word_forms(row["source"])
        pool = set().union(*span_forms, *_word_forms(entity[p]))
        here = [g for g in by_doc.get(row["doc_id"], []) if not pd.isna(gold.at[g, "cue_start"])
                and lo < int(gold.at[g, "cue_end"]) and int(gold.at[g, "cue_start"]) < hi]
        speaker = [g for g in here if _names(head_forms[g], pool)]
        speaker.sort(key=lambda g: (g in used, gold.at[g, "source_type"] == "not_source",
                                    abs(int(gold.at[g, "cue_start"]) - int(row["cue_start"]))))
        free = [g for g in speaker if g not in used]
        reason = ""
        if not free:
            reason = "other_speaker" if here else "no_attribution"
        else:
            g = free[0]
            if gold.at[g, "source_type"] == "not_source":
                reason = "trap"
            elif row.get("resolved", "") != "coreference" and not all(forms & allowed[g] for forms in span_forms):
                reason = "runs_on"                      # (a continuation's span is its antecedent's)
            else:
                used.add(g)
                (matched if gold.at[g, "required"] == "yes" else neutral).append((p, g))
                continue
        spurious.append((p, reason))
    required = gold.index[(gold["required"] == "yes") & (gold["source_type"] != "not_source")]
    tp = len(matched)
    fp = len(spurious)
    same_type = [pred.at[p, "source_type"] == gold.at[g, "source_type"] for p, g in matched]
    pairs = pd.DataFrame([{"doc_id": pred.at[p, "doc_id"], "pred_source": pred.at[p, "source"],
                           "pred_entity": entity[p], "pred_type": pred.at[p, "source_type"],
                           "pred_via": pred.at[p, "via"] if "via" in pred else "", "gold_source": gold.at[g, "source"],
                           "gold_head": gold.at[g, "head"], "gold_type": gold.at[g, "source_type"],
                           "gold_via": gold.at[g, "via"]} for p, g in matched],
                         columns=["doc_id", "pred_source", "pred_entity", "pred_type", "pred_via", "gold_source",
                                  "gold_head", "gold_type", "gold_via"])
    missed = gold.loc[[g for g in required if g not in used]].reset_index(drop=True)
    wrong = pred.loc[[p for p, _ in spurious]].reset_index(drop=True)
    wrong.insert(0, "reason", [r for _, r in spurious])
    by_type = []
    for kind in SOURCE_TYPES:
        gold_k = [g for g in required if gold.at[g, "source_type"] == kind]
        found = [(p, g) for p, g in matched if gold.at[g, "source_type"] == kind]
        pred_k = [p for p, _ in matched if pred.at[p, "source_type"] == kind] + \
            [p for p, _ in spurious if pred.at[p, "source_type"] == kind]
        right = [p for p, g in matched if pred.at[p, "source_type"] == kind == gold.at[g, "source_type"]]
        by_type.append({"source_type": kind, "gold": len(gold_k), "found": len(found),
                        "recall": len(found) / len(gold_k) if gold_k else float("nan"),
                        "predicted": len(pred_k),
                        "precision": len(right) / len(pred_k) if pred_k else float("nan"),
                        "type_accuracy": (sum(pred.at[p, "source_type"] == kind for p, _ in found) / len(found)
                                          if found else float("nan"))})
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / len(required) if len(required) else 0.0,
        "type_accuracy": sum(same_type) / tp if tp else 0.0,
        "tp": tp, "fp": fp, "neutral": len(neutral), "n_predicted": len(pred), "n_required": len(required),
        "by_type": pd.DataFrame(by_type), "missed": missed, "spurious": wrong, "matched": pairs,
    }


def score_line(result: dict, name: str = "") -> str:
    """One line of a result: precision, recall and type accuracy with their counts."""
    return (f"{name}precision {result['precision']:.2f} ({result['tp']}/{result['tp'] + result['fp']}), "
            f"recall {result['recall']:.2f} ({result['tp']}/{result['n_required']}), "
            f"type accuracy {result['type_accuracy']:.2f} "
            f"({round(result['type_accuracy'] * result['tp'])}/{result['tp']})")
