# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Dates
#
# When each article appeared, and which days it talks about. Every date expression is
# found in the raw text (numeric dates, day + month in both month series, ordinal days,
# weekdays with dayparts, اليوم/أمس, Hijri dates) and resolved against the article's
# publication date: a bare or "الماضي" weekday is the most recent such day on or before
# it, "المقبل" looks forward. Phrases anchored to an event rather than to the
# publication day (غداة محاولة الاغتيال, بعد يومين من اشتباكات) are listed with no date.
# Nothing is resolved against today's date.

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written
reference_dates = {}  # doc_id -> "YYYY-MM-DD" for articles whose date you established elsewhere

# %%
import pandas as pd

from analysis import load_corpus
from analysis.dates import dates_table, publication_dates
from analysis.plotting import plot_timeline, save_figure, use_style

use_style()
pd.set_option("display.max_colwidth", 60)
corpus = load_corpus(corpus_path, on_error="skip")
doc_labels = dict(zip(corpus.doc_id, corpus.doc_id.str[:3]))

# %% [markdown]
# ## Publication dates
#
# A full date printed in the article's header wins; else `publication_date` from the
# metadata; else the article stays undated (its relative expressions stay unresolved).
# For the seeds, 000 and 001 print their dates; 002–004 print none.

# %%
pubs = publication_dates(corpus)
pubs

# %%
dated = pubs.assign(doc=pubs.doc_id.map(doc_labels), what="publication")
ax = plot_timeline(dated, date="publication_date", group="doc", groups=list(doc_labels.values()),
                   title="تاريخ نشر المقالات (المؤرخة منها)")
save_figure(ax.figure, "publication_dates", pubs, folder=output_dir)

# %% [markdown]
# ## Every date expression, with its resolution
#
# `kind`: explicit, month_day, weekday, relative, hijri or event_relative; `grain`: day,
# week, month or year; `rule`: the pattern that fired. `reference` is the date relative
# expressions were resolved against, and `reference_source` where it came from.

# %%
dates = dates_table(corpus, references=reference_dates)
dates.assign(doc=dates.doc_id.map(doc_labels))[
    ["doc", "expression", "kind", "date", "grain", "daypart", "rule", "reference"]]

# %%
dates.groupby(["kind"]).agg(expressions=("expression", "size"), resolved=("date", lambda d: (d != "").sum()))

# %% [markdown]
# ## Timeline of the days mentioned
#
# Resolved day-level dates, one lane per article, labelled with the expression as
# written; rows are days in calendar order (evenly spaced), a dashed line marks a gap of
# months (the 2020 article). The timeline of
# November 2021 reads: elections on 10 October, clashes on Friday 5 November, the drone
# attack before dawn on Sunday 7 November, Qaani's arrival on Sunday evening, reports on
# Monday 8 November.

# %%
days = dates[(dates.date != "") & (dates.grain == "day")].assign(doc=lambda d: d.doc_id.map(doc_labels))
ax = plot_timeline(days, date="date", group="doc", label="expression", groups=list(doc_labels.values()),
                   title="الأيام التي تذكرها المقالات")
save_figure(ax.figure, "dates_timeline", dates[["doc_id", "expression", "kind", "date", "daypart", "grain",
                                                "rule", "reference"]], folder=output_dir)

# %% [markdown]
# ## Expressions that could not be placed
#
# Event-relative phrases, and relative expressions in undated articles. Give an undated
# article a reference in `reference_dates` (a date established from another source) to
# resolve them; it is recorded as "given by the user".

# %%
dates[dates.date == ""].assign(doc=dates.doc_id.map(doc_labels))[["doc", "expression", "kind", "daypart"]]
