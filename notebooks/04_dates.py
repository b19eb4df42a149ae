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
# weekdays with dayparts, اليوم/أمس/غدا, months, years in digits or words, Hijri dates) and
# resolved against the article's publication date. Which way a weekday or a date without
# a year points is decided, in order, by a modifier (الماضي back, المقبل forward, الجاري
# this month), by the tense of its clause (a past verb looks back; سـ, سوف, من المقرر,
# مهلة and present verbs of scheduling such as يعقد or يزور look forward), and otherwise
# by which such day is nearest; the `rule` column names the cue that decided. Names that
# hold date words (المصري اليوم, حزب الغد) and "اليوم" meaning "nowadays" are listed with
# no date, and so are phrases anchored to an event (غداة محاولة الاغتيال). Nothing is
# resolved against today's date.
#
# How well this works, measured by `scripts/score_dates.py` against hand annotations:
# on 20 unseen articles of the ANT corpus (five outlets, 2018; annotated by hand, never
# used to write the rules) 119 of 124 required dates are found (recall 0.96) and 61 of
# the 64 dates resolved to a day are the right day (95.3 %); on the 20 development
# articles the rules were written on, 110/110 and 65/65; on the seeds (in-sample, 23
# required dates) 23/23 and 20/20.
#
# **Groups and narrowing.** As in notebooks 01-03, `group_by` says what the charts
# compare (`"auto"`: the articles for a handful, else the outlets, else the months) and
# `date_from`, `date_to`, `outlets`, `sections`, `query` narrow the corpus first. For a
# handful of articles the charts have one lane per article, labelled by its outlet, date
# and first title words; for more, they count per day (or week, or month: whichever keeps
# the chart readable) and group, one line per group (the largest `max_lines`, the rest
# summed). The tables and CSVs keep every article's `doc_id`. `lang` is the language of
# the figures' words (`"ar"` or `"en"`); expressions, outlets and titles stay as written.

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written
reference_dates = {}  # doc_id -> "YYYY-MM-DD" for articles whose date you established elsewhere
infer_dates = True  # infer the publication date of articles that print none from the others
dayfirst = True  # read a metadata date such as 08/11/2021 day first (Arabic usage); False: month first
group_by = "auto"  # "auto", "document", "outlet", "section", "month", "week", or a metadata column
date_from = None  # keep articles published on or after this ISO date, e.g. "2018-03-01"
date_to = None  # keep articles published on or before this ISO date
outlets = None  # keep these outlets: "العربية, بي بي سي عربي" or a list (None: all)
sections = None  # keep these sections, e.g. "middleEast" (None: all)
query = None  # keep articles containing this word or phrase in any spelling, e.g. "قاآني"
max_groups = 12  # most groups (or articles) a chart shows; the CSVs have all of them
max_lines = 8  # lanes per article up to this many articles, else counts: at most this many lines
lang = "ar"  # language of the figures' words: "ar" or "en" (data stay as written)

# %%
import pandas as pd

from analysis import load_corpus
from analysis.dates import dates_table
from analysis.groups import PERIODS, central_dates, date_counts, document_groups
from analysis.language import other_language_words, tr, use_language
from analysis.plotting import (
    add_note, arabic_label, plot_date_counts, plot_timeline, save_figure, use_style, wrap_label,
)
from analysis.pubdates import publication_dates
from analysis.subset import corpus_subset
from analysis.timeline_marks import hollow_markers

use_style()
use_language(lang)
pd.set_option("display.max_colwidth", 90)
corpus_all = load_corpus(corpus_path, on_error="skip")
corpus = corpus_subset(corpus_all, date_from=date_from, date_to=date_to, outlets=outlets, sections=sections,
                       query=query)
grouping = document_groups(corpus, group_by, max_groups=max_groups, lang=lang)
group_of = {doc_id: grouping.label(key) for doc_id, key in grouping.of.items()}
# one lane per article for a handful of them; else counts per period, one line per group (none for periods:
# a month's line would only have points in its month)
lanes = grouping.shown_labels() if grouping.by == "document" and len(grouping.shown) <= max_lines else None
line_group = None if grouping.by in PERIODS else "group"
lane_names = {g: wrap_label(g, 18, max_lines=3) for g in lanes or []}  # lane headings, on three short lines
stray_words = {}  # figure -> its words not in `lang` (shown at the end; article and outlet labels are data)
data_words = [*grouping.shown_labels(), *map(arabic_label, grouping.shown_labels())]  # group labels, given and drawn
print(f"{len(corpus)} of {len(corpus_all)} documents kept; the charts compare: {grouping.by} "
      f"({len(grouping.order)} groups, {len(grouping.shown)} shown); "
      f"{'one lane per article' if lanes else 'counts per period'}")

# %% [markdown]
# ## Publication dates
#
# A full date printed in the article's header wins; else `publication_date` from the
# metadata, read year-first (ISO) and otherwise day-first (`dayfirst`), with any
# ambiguous or unreadable value reported in `note` rather than guessed; else a date
# inferred from the other articles. The inference looks for relative days about events
# another, dated article puts on a day: 002 writes that Qaani met al-Kadhimi "فور وصوله
# إلى بغداد مساء أمس", and 000 (printed 2021-11-08) puts that arrival on "مساء الأحد",
# 7 November, so 002 was written on Monday 8 November. 003 says "اليوم الاثنين", and its
# "في وقت مبكر من يوم الأحد" (the drone attack) matches the Sunday 002 dates the attack
# to, which leaves one Monday: 8 November. `confidence` grows with the evidence that
# agrees and shrinks with the evidence that does not. 004 says nothing relative to its
# own day and stays undated. Inferred dates are rings in the charts.
#
# On real news the inference is a help, not a certainty: with 30 % of the dates of a
# dense week of ANT hidden (5-11 August 2018, three draws, a week not used to set it up),
# it dated 12 of 189 hidden articles, 10 rightly (the other two a day off), and 62 of the
# 67 week-long windows it gave undated articles held the true date.

# %%
pubs = publication_dates(corpus, infer=infer_dates, dayfirst=dayfirst)
pubs

# %%
dated = pubs.assign(group=pubs.doc_id.map(group_of), inferred=pubs.date_source.str.startswith("inferred"))
if lanes:
    shown = dated[dated.group.isin(lanes)].assign(group=lambda d: d.group.map(lane_names))
    ax = plot_timeline(shown, date="publication_date", group="group", groups=list(lane_names.values()),
                       title=tr("title.publication_dates", lang))
    ax = hollow_markers(ax, shown, date="publication_date", group="group", hollow="inferred",
                        groups=list(lane_names.values()), note=arabic_label(tr("note.inferred_date", lang)))
else:
    central, outside = central_dates(dated, date="publication_date")
    counts = date_counts(central, date="publication_date", group=line_group)
    ax = plot_date_counts(counts, group=line_group, title=tr("title.publication_dates", lang), max_groups=max_lines,
                          ylabel=tr(f"axis.count_per_{counts.freq.iloc[0]}", lang), other=tr("group.other", lang))
    if outside:
        add_note(ax, tr("note.outside_range", lang, n=outside))
save_figure(ax.figure, "publication_dates", dated.drop(columns="inferred"), folder=output_dir)
stray_words["publication_dates"] = other_language_words(ax.figure, lang, allowed=data_words)

# %% [markdown]
# ## Every date expression, with its resolution
#
# `kind`: explicit, month_day, month, year, weekday, relative, hijri, event_relative, and
# name or generic for date words that date nothing; `grain`: day, week, month or year;
# `rule`: the pattern that fired and what decided the direction; `uses_reference`: the
# date was counted from the publication date, so it is only as sure as that date.
# `reference` is the date relative expressions were resolved against, and
# `reference_source` where it came from (for 002 and 003: inferred, with its confidence).

# %%
dates = dates_table(corpus, references=reference_dates, publications=pubs)
dates.assign(group=dates.doc_id.map(group_of))[
    ["doc_id", "group", "expression", "kind", "date", "grain", "daypart", "rule", "reference"]]

# %%
dates.groupby(["kind"]).agg(expressions=("expression", "size"), resolved=("date", lambda d: (d != "").sum()))

# %% [markdown]
# ## Timeline of the days mentioned
#
# Resolved day-level dates. For a handful of articles: one lane per article, labelled with
# the expression as written; rows are days in calendar order (evenly spaced), a dashed line
# marks a gap of months (the 2020 article), rings are days counted from an inferred
# publication date. The chart compares which days each article puts its story on. For
# many articles: how many mentions fall on each day (week, month) in each group, which
# compares when each outlet (or section) places the events it reports; the CSV lists
# every mention with its `doc_id`.
#
# The timeline of November 2021 reads: elections on 10 October, clashes on Friday 5
# November, the drone attack before dawn on Sunday 7 November, Qaani's arrival on Sunday
# evening, reports on Monday 8 November.

# %%
days = dates[(dates.date != "") & (dates.grain == "day")].assign(
    group=lambda d: d.doc_id.map(group_of),
    inferred=lambda d: d.uses_reference & d.reference_source.str.startswith("inferred"))
if lanes and days.date.nunique() <= 40:
    shown = days[days.group.isin(lanes)].assign(group=lambda d: d.group.map(lane_names))
    # the expressions of one lane and day on at most three short lines, so they stay inside their lane
    shown["expressions"] = shown.groupby(["group", "date"]).expression.transform(
        lambda e: wrap_label("، ".join(dict.fromkeys(e)), 24, max_lines=3))
    ax = plot_timeline(shown, date="date", group="group", label="expressions", groups=list(lane_names.values()),
                       title=tr("title.dates_timeline", lang))
    expressions = [t.get_text() for t in ax.texts]  # data, as written
    ax = hollow_markers(ax, shown, date="date", group="group", hollow="inferred", groups=list(lane_names.values()),
                        note=arabic_label(tr("note.inferred_reference", lang)))
else:
    central, outside = central_dates(days, date="date", share=0.9)   # mentions reach back centuries
    counts = date_counts(central, date="date", group=line_group)
    ax = plot_date_counts(counts, group=line_group, title=tr("title.dates_timeline", lang), max_groups=max_lines,
                          ylabel=tr(f"axis.count_per_{counts.freq.iloc[0]}", lang), other=tr("group.other", lang))
    if outside:
        add_note(ax, tr("note.outside_range", lang, n=outside))
save_figure(ax.figure, "dates_timeline", days[["doc_id", "group", "expression", "kind", "date", "daypart", "grain",
                                               "rule", "reference", "reference_source", "inferred"]],
            folder=output_dir)
stray_words["dates_timeline"] = other_language_words(
    ax.figure, lang, allowed=[*data_words, *(expressions if lanes else [])])

# %% [markdown]
# ## Expressions that could not be placed
#
# Event-relative phrases, names and generic uses of date words, vague spans (منذ أيام),
# and relative expressions in articles that stay undated. Give an undated article a
# reference in `reference_dates` (a date established from another source) to resolve
# them; it is recorded as "given by the user".

# %%
dates[dates.date == ""].assign(group=dates.doc_id.map(group_of))[
    ["doc_id", "group", "expression", "kind", "daypart", "rule"]]

# %% [markdown]
# ## One language per figure
#
# Words of each figure (titles, axis labels, legends, notes) written in the other language
# than `lang`; outlets and article labels are data and may be in either.

# %%
pd.Series({name: ", ".join(words) for name, words in stray_words.items()}, name="other language", dtype=object)
