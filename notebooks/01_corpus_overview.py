# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Corpus overview
#
# What is in the corpus: one row per article with its metadata, how long it is, what the
# boilerplate cleaner removed from it (and why), and how normalization merged spellings.
# Everything below is computed by the `analysis` package; this notebook only calls it.
#
# **Run on your own corpus:** change `corpus_path` in the next cell (a folder of `.txt`
# files, or a `.csv`/`.jsonl` file with a `text` column) and `output_dir`, or run
# `papermill 01_corpus_overview.ipynb out.ipynb -p corpus_path PATH -p output_dir DIR`.
#
# **Group and narrow:** `group_by` says what the charts compare. `"auto"` compares the
# articles themselves when there are at most a dozen (the seeds), else the outlets when
# the metadata name several, else the months of publication; `"document"`, `"outlet"`,
# `"section"`, `"month"`, `"week"` or any metadata column choose. `date_from`,
# `date_to`, `outlets`, `sections` and `query` narrow the corpus first (a query matches
# a word or phrase in any spelling: `"قاآني"` also finds قآني, غاني, لقاآني).

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
lang = "ar"  # language of the figures' words: "ar" (the coverage's own) or "en" (for a paper in English)

# %%
import pandas as pd

from analysis import load_corpus, tokens_table
from analysis.corpus import boilerplate_table, skipped_inputs
from analysis.groups import document_groups
from analysis.language import per_phrase, tr, use_language
from analysis.plotting import panel_grid, plot_bar, save_figure, use_style
from analysis.subset import corpus_subset, subset_table
from analysis.tokens import corpus_summary, normalization_audit

use_style()
use_language(lang)
pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## The documents
#
# `text` is the file exactly as written; `body` is the same text without boilerplate
# lines. Metadata come from `metadata.csv` beside the files (for the seeds: only what the
# articles themselves print, with its provenance in `date_source` and `notes`).

# %%
corpus_all = load_corpus(corpus_path, on_error="skip")
criteria = dict(date_from=date_from, date_to=date_to, outlets=outlets, sections=sections, query=query)
corpus = corpus_subset(corpus_all, **criteria)
grouping = document_groups(corpus, group_by, max_groups=max_groups)
print(f"{len(corpus)} of {len(corpus_all)} documents kept; the charts compare: {grouping.by} "
      f"({len(grouping.order)} groups, {len(grouping.shown)} shown)")
corpus[["doc_id", "title", "outlet", "publication_date", "date_source", "encoding",
        "n_chars", "n_tokens", "n_boilerplate_lines"]]

# %% [markdown]
# How many documents each narrowing criterion kept (all of them when none is set):

# %%
subset_table(corpus_all, **criteria).drop(columns="doc_id").sum().rename("documents").to_frame()

# %% [markdown]
# Every input file is either loaded above or listed here with the reason it was skipped:

# %%
skipped_inputs(corpus_all)

# %% [markdown]
# ## What the cleaner removed
#
# Each removed line, with the rule that fired: `repeated_title`, `nav_phrase` (site
# navigation and widgets such as "آخر الأخبار"), `category_label`, `date_line` and
# `pull_quote` (a highlighted sentence that repeats the article). The raw `text` keeps them.

# %%
boilerplate_table(corpus)

# %% [markdown]
# ## Tokens per article, or articles and their length per group
#
# Compared by document (a handful of articles), the chart shows each article's body
# tokens after boilerplate removal. Compared by group (outlets, months...), it shows
# two things side by side for each group: how many articles it has (right) and how long
# its typical article is, as the median of body tokens (left). The CSV behind it has one
# row per article: its label and group, content tokens (neither stopwords nor numbers)
# and distinct content terms.

# %%
tokens = tokens_table(corpus)
summary = grouping.assign(corpus_summary(corpus, tokens))
summary

# %%
if grouping.by == "document":
    ax = plot_bar(summary, label="label", value="n_tokens", max_bars=max_groups,
                  title=tr("title.tokens_per_article"), xlabel=tr("axis.tokens"))
    fig = ax.figure
else:
    per_group = (summary.groupby(grouping.column)
                 .agg(articles=("doc_id", "size"), median_tokens=("n_tokens", "median"))
                 .reindex(list(grouping.shown)).reset_index()
                 .assign(group=lambda d: d[grouping.column].map(grouping.label)))
    fig, (right, left) = panel_grid(2, panel=(4.6, 0.4 * len(per_group) + 1.8),
                                    titles=[tr("title.articles"), tr("title.median_length")])
    for panel in (right, left):
        panel.title.set_gid(None)                      # these titles are the figure's words, not group names
    plot_bar(per_group, label="group", value="articles", ax=right, xlabel=tr("axis.articles"))
    plot_bar(per_group, label="group", value="median_tokens", ax=left, xlabel=tr("axis.median_tokens"), fmt="{:.0f}",
             color="#56B4E9")
    left.set_yticklabels([])
    fig.suptitle(tr("title.articles_and_lengths", per=per_phrase(grouping.by)))
save_figure(fig, "corpus_overview", summary, folder=output_dir)

# %% [markdown]
# ## Normalization audit
#
# Which surface forms each normalization step changed, and how often (a token can be
# changed by several steps in turn). Alef folding merges قاآني / قآني spellings with
# plain alef; alef-maksura folding merges الكاظمى with الكاظمي.

# %%
audit = normalization_audit(corpus)
audit.groupby("step", sort=False)["count"].sum().rename("tokens changed").to_frame()

# %%
audit.groupby("step", sort=False).head(5)

# %% [markdown]
# ## The token table
#
# One row per token, with offsets into `text` (`text[start:end] == surface`), the
# normalized form, split-off proclitics and the counting `term`.

# %%
tokens.head(15)
