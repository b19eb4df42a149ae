# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Sources cited
#
# Who does each article rely on? Every attribution — a cue (قال, ذكرت, أشار, نقلت … عن,
# بحسب, وفقا لما ذكرته, نقلا عن, على حد قول) and the source it names — is extracted by
# rules from `analysis/sources.py`, with the source's type:
#
# - `named_outlet`: a named newspaper, channel, agency or website (رويترز, الميادين, رووداو);
# - `unnamed_outlet`: media not named (وسائل إعلام عراقية, مواقع محلية, محطة تلفزيون موالية لإيران);
# - `named_person_or_body`: a named person, office or institution (وزارة الداخلية, بهنام بن طالبلو);
# - `anonymous`: مصادر, مصدر مطلع, مسؤولون أمنيون عراقيون.
#
# Nested attributions ("نقلت رويترز عن مسؤولين") give two rows, the relayed one with `via`.

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written
gold_path = ""  # hand annotation CSV to score against; empty: the annotation of the seeds, used on the seeds only

# %%
import pandas as pd

from analysis import load_corpus
from analysis.plotting import plot_heatmap, plot_stacked_bars, save_figure, use_style
from analysis.sources import GOLD_SEEDS_PATH, evaluate_sources, load_gold, source_labels, sources_table

use_style()
pd.set_option("display.max_colwidth", 90)
corpus = load_corpus(corpus_path, on_error="skip")
doc_labels = dict(zip(corpus.doc_id, corpus.doc_id.str[:3]))
TYPES = ["named_outlet", "unnamed_outlet", "named_person_or_body", "anonymous"]

# %% [markdown]
# ## Every attribution, with its sentence

# %%
sources = sources_table(corpus)
sources.assign(doc=sources.doc_id.map(doc_labels))[["doc", "source", "source_type", "cue", "via", "resolved",
                                                    "sentence"]]

# %% [markdown]
# ## Attributions per article, by type
#
# `resolved` says how a row was found: `explicit` (the cue names the source), `list` (one
# of several sources named together), `coreference` (a cue without a subject, such as
# "وأضافت أن", continuing the previous source).

# %%
per_type = (sources.groupby(["doc_id", "source_type"]).size().rename("attributions").reset_index()
            .assign(doc=lambda d: d.doc_id.map(doc_labels)))
per_type.pivot_table(index="doc", columns="source_type", values="attributions", fill_value=0)[TYPES]

# %%
ax = plot_stacked_bars(per_type, label="doc", stack="source_type", value="attributions",
                       order=list(doc_labels.values()), stack_order=TYPES,
                       title="المصادر التي تستند إليها المقالات، حسب النوع", xlabel="attributions")
save_figure(ax.figure, "sources_cited", sources[["doc_id", "source", "source_type", "cue", "via", "sentence"]],
            folder=output_dir)

# %% [markdown]
# ## Sourcing opacity
#
# The share of each article's attributions that name who speaks (a named outlet, person
# or body) against those that do not (unnamed media, anonymous sources). With 4–18
# attributions per article, one attribution moves a share by 5–25 points.

# %%
opacity = sources.assign(
    named=sources.source_type.isin(["named_outlet", "named_person_or_body"]),
    doc=sources.doc_id.map(doc_labels)).groupby("doc").agg(attributions=("named", "size"), named=("named", "sum"))
opacity["unnamed"] = opacity.attributions - opacity.named
opacity["share_unnamed"] = (opacity.unnamed / opacity.attributions).round(2)
opacity

# %%
shares = opacity.reset_index().melt(id_vars="doc", value_vars=["named", "unnamed"], var_name="kind",
                                    value_name="n")
shares["share"] = shares.n / shares.doc.map(opacity.attributions)
ax = plot_stacked_bars(shares, label="doc", stack="kind", value="share", order=list(doc_labels.values()),
                       stack_order=["named", "unnamed"], title="حصة المصادر المسماة وغير المسماة في كل مقال",
                       xlabel="share of attributions")
save_figure(ax.figure, "sourcing_opacity", opacity.reset_index(), folder=output_dir)

# %% [markdown]
# ## Which sources each article relies on, and which they share
#
# Sources merged by `source_norm` (رويترز for "وكالة رويترز"; a short mention of a person
# with the full one). Relayed sources keep their own row.

# %%
matrix = (sources.assign(doc=sources.doc_id.map(doc_labels))
          .groupby(["source_norm", "doc"]).size().rename("attributions").reset_index())
shared = matrix.groupby("source_norm").doc.nunique().sort_values(ascending=False)
shared[shared > 1]

# %%
order = matrix.groupby("source_norm").attributions.sum().sort_values(ascending=False).index.tolist()
labels = source_labels(sources)
matrix["label"] = matrix.source_norm.map(labels)
ax = plot_heatmap(matrix, row="label", column="doc", value="attributions", rows=[labels[s] for s in order],
                  columns=list(doc_labels.values()), cmap="Greens", title="المصادر × المقالات")
ax.figure.set_size_inches(8, 0.32 * len(order) + 1.5)
save_figure(ax.figure, "sources_by_article", matrix, folder=output_dir)

# %% [markdown]
# ## How well does the extractor do?
#
# Against a hand annotation of the seeds (`analysis/data/gold/sources_seeds.csv`: every
# attribution a careful reader finds, including ones the rules cannot reach). A
# prediction matches a gold row of the same article and cue when their source spans
# share at least half of the shorter one's words.
#
# The rules were developed on these five articles, so this is an in-sample score; the
# tests check them on sentences written separately (other outlets, officials, anonymous
# phrasings, and negatives such as مصادر الطاقة or a cue inside a quotation).

# %%
gold = load_gold(gold_path or GOLD_SEEDS_PATH)
on_seeds = not gold_path and set(corpus.doc_id) == set(load_gold(GOLD_SEEDS_PATH).doc_id)
if gold_path or on_seeds:
    result = evaluate_sources(sources, gold)
    print(f"precision {result['precision']:.2f} ({result['tp']}/{result['n_predicted']}), "
          f"recall {result['recall']:.2f} ({result['tp']}/{result['n_gold']}), "
          f"type accuracy {result['type_accuracy']:.2f}")
else:
    result = None
    print("no annotation for this corpus: pass gold_path to score the extractor")

# %% [markdown]
# What the rules miss: attributions without an attribution verb next to their source
# ("دعا الكاظمي في تغريدة له", "وأصدر الكاظمي بيانا مصورا … مؤكدا"), and cues whose
# subject is only in an earlier clause ("وخلال ترؤسه … لحكومته فقد أكّد"), which would
# need a parser.

# %%
result["missed"][["doc_id", "cue", "source", "note"]] if result else None

# %%
result["spurious"][["doc_id", "cue", "source", "sentence"]] if result else None
