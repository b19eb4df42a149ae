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
# What the coverage talks about, and how articles or outlets differ in wording: the most
# frequent terms, terms × groups, collocations (multi-word units such as فيلق القدس),
# distinctive terms per group, competing labels for the same thing (framing), the
# merged spelling variants of names, and keywords in context.
#
# Terms are normalized (diacritics, alef forms, ى/ي, ...), proclitics و ف ب ل ك are split
# off, stopwords and numbers are left out, and boilerplate lines are not counted (see
# notebook 01). With `merge_variants = True` the spelling variants of a name listed in
# `analysis/data/aliases.csv` count as one entity.
#
# **Groups.** The charts with a column or a panel per document compare what `group_by`
# says: with `"auto"`, the articles themselves when there are at most a dozen (the five
# seeds), else the outlets when the metadata name several (a multi-outlet corpus then
# compares outlets: who writes فصائل, who writes ميليشيات), else the months. At most
# `max_groups` groups are drawn (the largest); the CSVs have all of them. `date_from`,
# `date_to`, `outlets`, `sections` and `query` narrow the corpus first, as in notebook 01.

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written
group_by = "auto"  # "auto", "document", "outlet", "section", "month", "week", or a metadata column
date_from = None  # keep articles published on or after this ISO date, e.g. "2018-03-01"
date_to = None  # keep articles published on or before this ISO date
outlets = None  # keep these outlets: "العربية, بي بي سي عربي" or a list (None: all)
sections = None  # keep these sections, e.g. "middleEast" (None: all)
query = None  # keep articles containing this word or phrase in any spelling, e.g. "قاآني"
max_groups = 12  # most groups (or articles) a chart shows; the CSVs have all of them
top_n = 30  # how many top terms to chart
merge_variants = True  # count the spelling variants in analysis/data/aliases.csv as one entity
keywords = "قاآني, الفصائل, الميليشيات"  # words shown in context (any spelling), comma-separated
lang = "ar"  # language of the figures' words: "ar" (the coverage's own) or "en" (for a paper in English)

# %%
import pandas as pd
from IPython.display import HTML, display

from analysis import load_corpus, tokens_table
from analysis.entities import find_variants, load_aliases, merge_entities
from analysis.framing import framing_table
from analysis.groups import document_groups
from analysis.language import per_phrase, tr, tr_values, use_language
from analysis.plotting import panel_grid, plot_bar, plot_heatmap, save_figure, use_style
from analysis.subset import corpus_subset
from analysis.terms import collocations, count_terms, kwic, kwic_html, log_odds, ngrams, tfidf

use_style()
use_language(lang)
pd.set_option("display.max_colwidth", 100)

corpus_all = load_corpus(corpus_path, on_error="skip")
corpus = corpus_subset(corpus_all, date_from=date_from, date_to=date_to, outlets=outlets, sections=sections,
                       query=query)
grouping = document_groups(corpus, group_by, max_groups=max_groups)
group = grouping.column  # the column each token's group is in: doc_id, outlet, month...
texts = dict(zip(corpus.doc_id, corpus.text))
raw_tokens = tokens_table(corpus)
tokens = grouping.assign(merge_entities(raw_tokens) if merge_variants else raw_tokens.assign(merged_from=""))
print(f"{len(corpus)} of {len(corpus_all)} documents, {len(tokens)} tokens, {tokens.term.nunique()} distinct terms; "
      f"the charts compare: {grouping.by} ({len(grouping.order)} groups, {len(grouping.shown)} shown)")

# %% [markdown]
# ## Top terms of the corpus
#
# `label` is the term's most frequent written form; `per_1000` is per 1,000 tokens of
# the corpus (stopwords included); `doc_freq` is the number of articles using it. The
# chart shows the `top_n` most frequent terms; the CSV has every term.

# %%
counts = count_terms(tokens)
top = counts.head(top_n)
top

# %%
ax = plot_bar(top, label="label", value="count", title=tr("title.top_terms"), xlabel=tr("axis.count"))
save_figure(ax.figure, "term_frequencies", counts[["term", "label", "count", "per_1000", "doc_freq"]],
            folder=output_dir)

# %% [markdown]
# ## Terms × groups
#
# The corpus's 20 most frequent terms in each group (each article, outlet or month: see
# `group_by`), per 1,000 tokens of that group, since groups differ in length. A column
# shows how much of its text a group gives to each term; read across a row to compare
# groups on one term. The CSV has every term of every group: the group, `term`, `count`,
# `per_1000`.

# %%
by_group = count_terms(tokens, by=group)
top20 = counts.head(20)
cells = by_group[by_group.term.isin(top20.term) & by_group[group].isin(grouping.shown)].assign(
    label=lambda d: d.term.map(dict(zip(top20.term, top20.label))), column=lambda d: d[group].map(grouping.label))
ax = plot_heatmap(cells, row="label", column="column", value="per_1000", rows=top20.label.tolist(),
                  columns=grouping.shown_labels(), fmt="{:.0f}",
                  title=tr("title.terms_by_group", per=per_phrase(grouping.by)))
save_figure(ax.figure, "term_frequencies_by_group", by_group[[group, "term", "label", "count", "per_1000"]],
            folder=output_dir)

# %% [markdown]
# ## Collocations
#
# Adjacent content-word pairs scored by Dunning's log-likelihood (G²; above 10.83 means
# p < 0.001) and PMI, seen at least twice, in the whole corpus. Names of institutions
# and people come out as units: فيلق القدس, الحرس الثوري, رئيس الوزراء. Frequent
# three-word sequences follow.

# %%
pairs = collocations(tokens, min_count=2)
pairs.head(20)

# %%
ax = plot_bar(pairs.head(20), label="label", value="llr", title=tr("title.collocations"), xlabel=tr("axis.llr"),
              fmt="{:.1f}")
save_figure(ax.figure, "collocations", pairs.head(20), folder=output_dir)

# %%
ngrams(tokens, n=3).head(15)

# %% [markdown]
# ## Distinctive terms per group
#
# Which words set each group apart from all the others: one panel per group (article,
# outlet or month), its terms ranked by the weighted log-odds ratio with an informative
# Dirichlet prior (Monroe, Colaresi & Quinn 2008), the prior being the whole corpus;
# TF-IDF follows as a table. A z-score above 1.96 would be "significant" in a large
# corpus; in five articles of 200–400 content tokens most terms occur once or twice, so
# read the **ranking** as a pointer to what to read, not the values as evidence. The CSV
# has the eight most distinctive terms of every group.

# %%
scores = log_odds(by_group, by=group, zeros=False)
distinctive = scores.groupby(group, sort=False).head(8).merge(counts[["term", "label"]], on="term")
distinctive.assign(group=distinctive[group].map(grouping.label))[["group", "label", "count", "delta", "z"]]

# %%
fig, axes = panel_grid(len(grouping.shown), titles=grouping.shown_labels())
for ax, key in zip(axes, grouping.shown):
    plot_bar(distinctive[distinctive[group] == key].head(6), label="label", value="z", ax=ax, annotate=False)
fig.suptitle(tr("title.distinctive_terms", per=per_phrase(grouping.by)))
save_figure(fig, "distinctive_terms", distinctive, folder=output_dir)

# %%
tfidf(by_group, by=group).sort_values([group, "tfidf"], ascending=[True, False]).groupby(group).head(5)[
    [group, "label", "count", "tfidf"]]

# %% [markdown]
# ## Framing: competing labels for the same thing
#
# Each row is a label from the lexicon `analysis/data/framing.csv` (editable); each
# column a group (article, outlet or month); cells are uses per 1,000 tokens of the group
# (counts in the CSV). Read a pair of rows across the columns: فصائل (factions) and
# ميليشيات (militias) name the same armed groups, مسيّرة and بدون طيار the same drones;
# قوة القدس is the calque of the English "Quds Force". Where the groups are outlets, the
# chart compares their wording.

# %%
framing = framing_table(tokens, by=group)
framing.pivot_table(index=["group", "label"], columns=group, values="count", sort=False).reindex(
    columns=list(grouping.shown)).rename(columns=grouping.label)

# %%
framing_cells = framing[framing[group].isin(grouping.shown)].assign(
    row=lambda d: pd.Series(tr_values(d.group, "framing"), index=d.index) + " · " + d.label,
    column=lambda d: d[group].map(grouping.label))
ax = plot_heatmap(framing_cells, row="row", column="column", value="per_1000", columns=grouping.shown_labels(),
                  fmt="{:.1f}", cmap="Oranges", title=tr("title.framing", per=per_phrase(grouping.by)))
save_figure(ax.figure, "framing", framing, folder=output_dir)

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
# Every mention of each of `keywords`, whatever the spelling (on the seeds: Qaani, and
# the two labels of the armed groups), with the article it is in; at most 20 per word.

# %%
for word in [w.strip() for w in keywords.split(",") if w.strip()]:
    hits = kwic(tokens, word, window=6, texts=texts)
    print(f"{word}: {len(hits)} mentions in {hits.doc_id.nunique()} documents")
    if len(hits):
        display(HTML(kwic_html(hits, max_rows=20)))
