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

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written

# %%
import pandas as pd

from analysis import load_corpus, tokens_table
from analysis.corpus import boilerplate_table, skipped_inputs
from analysis.plotting import plot_bar, save_figure, use_style
from analysis.tokens import corpus_summary, normalization_audit

use_style()
pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## The documents
#
# `text` is the file exactly as written; `body` is the same text without boilerplate
# lines. Metadata come from `metadata.csv` beside the files (for the seeds: only what the
# articles themselves print, with its provenance in `date_source` and `notes`).

# %%
corpus = load_corpus(corpus_path, on_error="skip")
corpus[["doc_id", "title", "outlet", "publication_date", "date_source", "encoding",
        "n_chars", "n_tokens", "n_boilerplate_lines"]]

# %% [markdown]
# Every input file is either loaded above or listed here with the reason it was skipped:

# %%
skipped_inputs(corpus)

# %% [markdown]
# ## What the cleaner removed
#
# Each removed line, with the rule that fired: `repeated_title`, `nav_phrase` (site
# navigation and widgets such as "آخر الأخبار"), `category_label`, `date_line` and
# `pull_quote` (a highlighted sentence that repeats the article). The raw `text` keeps them.

# %%
boilerplate_table(corpus)

# %% [markdown]
# ## Tokens per article
#
# Body tokens per article, after boilerplate removal. The CSV behind the figure adds
# content tokens (neither stopwords nor numbers) and distinct content terms.

# %%
tokens = tokens_table(corpus)
summary = corpus_summary(corpus, tokens)
summary

# %%
ax = plot_bar(summary, label="label", value="n_tokens",
              title="عدد الكلمات في كل مقال (بعد حذف الحشو)", xlabel="tokens")
save_figure(ax.figure, "corpus_overview", summary, folder=output_dir)

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
