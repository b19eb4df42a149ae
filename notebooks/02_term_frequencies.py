# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Term frequencies
#
# What the coverage talks about, and how the articles differ in wording: the most
# frequent terms, terms × articles, collocations (multi-word units such as فيلق القدس),
# distinctive terms per article, competing labels for the same thing (framing), the
# merged spelling variants of names, and keywords in context.
#
# Terms are normalized (diacritics, alef forms, ى/ي, ...), proclitics و ف ب ل ك are split
# off, stopwords and numbers are left out, and boilerplate lines are not counted (see
# notebook 01). With `merge_variants = True` the spelling variants of a name listed in
# `analysis/data/aliases.csv` count as one entity.

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written
top_n = 30  # how many top terms to chart
merge_variants = True  # count the spelling variants in analysis/data/aliases.csv as one entity

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from analysis import load_corpus, tokens_table
from analysis.entities import find_variants, load_aliases, merge_entities
from analysis.framing import framing_table
from analysis.plotting import plot_bar, plot_heatmap, save_figure, use_style
from analysis.terms import collocations, count_terms, kwic, kwic_html, log_odds, ngrams, tfidf

use_style()
pd.set_option("display.max_colwidth", 100)

corpus = load_corpus(corpus_path, on_error="skip")
texts = dict(zip(corpus.doc_id, corpus.text))
raw_tokens = tokens_table(corpus)
tokens = merge_entities(raw_tokens) if merge_variants else raw_tokens.assign(merged_from="")
doc_labels = dict(zip(corpus.doc_id, corpus.doc_id.str[:3]))
print(f"{len(corpus)} documents, {len(tokens)} tokens, {tokens.term.nunique()} distinct terms")

# %% [markdown]
# ## Top terms of the corpus
#
# `label` is the term's most frequent written form; `per_1000` is per 1,000 tokens of
# the corpus (stopwords included); `doc_freq` is the number of articles using it.

# %%
counts = count_terms(tokens)
top = counts.head(top_n)
top

# %%
fig, ax = plt.subplots(figsize=(7, 0.28 * len(top) + 1.2))
plot_bar(top, label="label", value="count", ax=ax, title="أكثر الكلمات تكرارا في التغطية", xlabel="count")
save_figure(fig, "term_frequencies", top[["term", "label", "count", "per_1000", "doc_freq"]], folder=output_dir)

# %% [markdown]
# ## Terms × articles
#
# The top 20 terms in each article, per 1,000 tokens of that article (articles differ in
# length). The CSV has every term of every article: `doc_id`, `term`, `count`, `per_1000`.

# %%
by_doc = count_terms(tokens, by="doc_id")
top20 = counts.head(20)
cells = by_doc[by_doc.term.isin(top20.term)].assign(
    label=lambda d: d.term.map(dict(zip(top20.term, top20.label))), doc=lambda d: d.doc_id.map(doc_labels))
fig, ax = plt.subplots(figsize=(6.5, 7))
plot_heatmap(cells, row="label", column="doc", value="per_1000", rows=top20.label.tolist(),
             columns=list(doc_labels.values()), ax=ax, fmt="{:.0f}",
             title="الكلمات الأكثر تكرارا في كل مقال (لكل ألف كلمة)")
save_figure(fig, "term_frequencies_by_doc", by_doc[["doc_id", "term", "label", "count", "per_1000"]],
            folder=output_dir)

# %% [markdown]
# ## Collocations
#
# Adjacent content-word pairs scored by Dunning's log-likelihood (G²; above 10.83 means
# p < 0.001) and PMI, seen at least twice. Names of institutions and people come out as
# units: فيلق القدس, الحرس الثوري, رئيس الوزراء. Frequent three-word sequences follow.

# %%
pairs = collocations(tokens, min_count=2)
pairs.head(20)

# %%
fig, ax = plt.subplots(figsize=(7, 6))
plot_bar(pairs.head(20), label="ngram", value="llr", ax=ax, title="المتلازمات اللفظية (نسبة الأرجحية)",
         xlabel="log-likelihood (G²)")
save_figure(fig, "collocations", pairs.head(20), folder=output_dir)

# %%
ngrams(tokens, n=3).head(15)

# %% [markdown]
# ## Distinctive terms per article
#
# Two measures: TF-IDF, and the weighted log-odds ratio with an informative Dirichlet
# prior (Monroe, Colaresi & Quinn 2008), the prior being the whole corpus. A z-score
# above 1.96 would be "significant" in a large corpus; here each article has 200–400
# content tokens and most terms occur once or twice, so read the **ranking** as a
# pointer to what to read, not the values as evidence.

# %%
scores = log_odds(by_doc, by="doc_id")
distinctive = scores.groupby("doc_id").head(8).merge(counts[["term", "label"]], on="term")
distinctive.assign(doc=distinctive.doc_id.map(doc_labels))[["doc", "label", "count", "delta", "z"]]

# %%
fig, axes = plt.subplots(1, len(doc_labels), figsize=(3.2 * len(doc_labels), 3.6), sharex=False)
for ax, (doc_id, doc) in zip(axes if len(doc_labels) > 1 else [axes], distinctive.groupby("doc_id")):
    plot_bar(doc.head(6), label="label", value="z", ax=ax, title=doc_labels[doc_id], annotate=False)
fig.suptitle("الكلمات المميزة لكل مقال (log-odds z)")
save_figure(fig, "distinctive_terms", distinctive, folder=output_dir)

# %%
tfidf(by_doc).sort_values(["doc_id", "tfidf"], ascending=[True, False]).groupby("doc_id").head(5)[
    ["doc_id", "label", "count", "tfidf"]]

# %% [markdown]
# When the metadata name the outlet of several articles, the same scores compare
# outlets: `count_terms(tokens.merge(corpus[["doc_id", "outlet"]]), by="outlet")` then
# `log_odds(..., by="outlet")`. The seeds name only one outlet (إيلاف, article 002).

# %%
outlets = corpus.loc[corpus.outlet != "", "outlet"].nunique()
if outlets > 1:
    by_outlet = count_terms(tokens.merge(corpus[["doc_id", "outlet"]]), by="outlet")
    display(log_odds(by_outlet, by="outlet").groupby("outlet").head(8))
else:
    print(f"{outlets} outlet named in the metadata: no outlet comparison")

# %% [markdown]
# ## Framing: competing labels for the same thing
#
# Each row is a label from the lexicon `analysis/data/framing.csv` (editable); each
# column an article; cells are uses per 1,000 tokens (counts in the CSV). فصائل
# (factions) and ميليشيات (militias) name the same armed groups; مسيّرة and بدون طيار the
# same drones; قوة القدس is the calque of the English "Quds Force".

# %%
framing = framing_table(tokens)
framing.pivot_table(index=["group", "label"], columns="doc_id", values="count", sort=False)

# %%
framing_cells = framing.assign(row=framing.group + " · " + framing.label, doc=framing.doc_id.map(doc_labels))
fig, ax = plt.subplots(figsize=(7.5, 5.5))
plot_heatmap(framing_cells, row="row", column="doc", value="per_1000", columns=list(doc_labels.values()),
             ax=ax, fmt="{:.1f}", cmap="Oranges", title="التسميات المتنافسة في كل مقال (لكل ألف كلمة)")
save_figure(fig, "framing", framing, folder=output_dir)

# %% [markdown]
# ## Spelling variants of names
#
# Proposals of the automatic finder, for review: the rule that suggested each merge, the
# counts on both sides and an example in context. Accepted merges go into
# `analysis/data/aliases.csv`, which is what `merge_variants` applies.

# %%
proposals = find_variants(raw_tokens, texts=texts)
aliases = load_aliases()
proposals.assign(in_alias_table=proposals.variant.map(lambda v: v in aliases))

# %%
merged = tokens[tokens.merged_from != ""]
merged.groupby(["term", "merged_from"]).agg(count=("surface", "size"),
                                            written=("surface", lambda s: " ".join(sorted(set(s)))))

# %% [markdown]
# ## Keywords in context
#
# Every mention of Qaani, whatever the spelling, and the two labels of the armed groups.

# %%
display(HTML(kwic_html(kwic(tokens, "قاآني", window=6, texts=texts))))

# %%
for word in ("الفصائل", "الميليشيات"):
    display(HTML(kwic_html(kwic(tokens, word, window=6, texts=texts), max_rows=8)))
