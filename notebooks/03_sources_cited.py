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
# Who does each article rely on, and how does it introduce them? Every attribution — a
# cue and the source it names — is extracted by rules (`analysis/sources.py` and the
# modules it lists), with:
#
# - `source_type`: `named_outlet` (رويترز, الميادين), `unnamed_outlet` (وسائل إعلام عراقية),
#   `named_person_or_body` (وزارة الداخلية, بهنام بن طالبلو) or `anonymous` (مصادر مطلعة,
#   مسؤولون أمنيون, قيادي في الحزب);
# - `source_entity`: the speaker, one label for all its mentions — «الرئيس الأمريكي دونالد
#   ترامب», «ترامب» and «الرئيس الأمريكي» in one article are one entity, and across
#   articles «ترامب» joins it; the editable `analysis/data/source_aliases.csv` merges what
#   rules cannot know;
# - `cue_class`: how the source is introduced — neutral (قال, ذكر, أفاد), assertive (أكد,
#   شدد, حذر, طالب), doubting or distancing (زعم, ادعى, حسب ما تردد) or denial (نفى, أنكر);
# - `via`: the outlet or source that relays it ("نقلت رويترز عن مسؤولين", "قال مصدر
#   لوكالة الأناضول"), and `resolved`: explicit, list, or coreference (a participle such as
#   "مضيفا" or a cue without a subject, continuing the latest agreeing speaker).
#
# **How good is it?** Scored against hand annotations where a prediction counts only when it
# names the annotated speaker at the annotated place (no partial credit for a word in
# common), on required attributions:
#
# | corpus | precision | recall | type accuracy |
# |---|---|---|---|
# | 20 ANT articles the rules were written on (dev) | 0.94 (243/258) | 0.92 (243/264) | 0.99 (241/243) |
# | 48 SaudiNewsNet articles the rules were written on (dev) | 0.92 (251/273) | 0.87 (251/289) | 0.97 (244/251) |
# | 25 more ANT articles (dev2), measured before any rule was written on them² | **0.72** (135/188) | **0.67** (135/202) | 0.96 (130/135) |
# | the same 25 after rules were written on them | 0.84 (160/191) | 0.79 (160/202) | 0.96 (153/160) |
# | 24 more SaudiNewsNet articles (dev3), before any rule was written on them³ | **0.67** (114/171) | **0.59** (114/194) | 0.95 (108/114) |
# | the same 24 after rules were written on them | 0.91 (158/174) | 0.81 (158/194) | 0.96 (151/158) |
# | 20 more ANT articles only measured (test3)³ ⁴ ⁶ ⁷ ⁸ ⁹ ¹⁰ | **0.68** (86/126) | **0.60** (86/144) | 0.98 (84/86) |
# | 20 ANT articles only measured (held out)¹ ⁴ ⁷ ⁸ ⁹ ¹⁰ | **0.79** (155/195) | **0.73** (155/213) | 0.92 (143/155) |
# | 48 SaudiNewsNet articles only measured (held out)⁴ ⁶ ⁷ ⁸ ⁹ ¹⁰ | **0.74** (176/238) | **0.73** (176/241) | 0.95 (168/176) |
# | 36 more SaudiNewsNet articles (test4) while only measured⁵ ⁶ ⁷ ⁸ | **0.67** (143/212) | **0.64** (143/224) | 0.98 (140/143) |
# | the same 36 after rules were written on them⁹ ¹⁰ | 0.84 (174/207) | 0.78 (174/224) | 0.98 (171/174) |
# | 12 ANT + 12 SaudiNewsNet articles only measured (test5)⁸ ⁹ ¹⁰ | **0.79** (116/147) | **0.69** (116/167) | 0.95 (110/116) |
# | 9 ANT + 12 SaudiNewsNet articles only measured (test6)⁹ ¹⁰ | **0.60** (54/90) | **0.49** (54/111) | 0.91 (49/54) |
# | 10 ANT + 12 SaudiNewsNet articles only measured (test7)¹⁰ | **0.81** (94/116) | **0.70** (94/135) | 0.99 (93/94) |
# | 15 ANT + 24 SaudiNewsNet articles (dev7), before any rule was written on them⁹ | **0.80** (162/202) | **0.65** (162/249) | 0.98 (159/162) |
# | the same 39 after rules were written on them | 0.88 (190/217) | 0.76 (190/249) | 0.98 (186/190) |
# | the five seeds (in-sample) | 1.00 (71/71) | 0.92 (71/77) | 1.00 (71/71) |
#
# ¹ measured after the rules of the three rounds (see the README for the rounds before and
# for why these rows are no longer pristine). ² annotated on 2026-12-07 by readers who never
# saw the extractor's output: a third estimate on unseen news, in line with the other two.
# ³ annotated blind on 2026-12-07 (sixth session): the fourth and fifth estimates; rules from
# Saudi papers' habits lifted dev3 and the SaudiNewsNet held-out half (0.70 / 0.67 before)
# and left the ANT rows where they were. ⁴ after the seventh session's rules, which lifted
# the development sets and moved no unseen score up (SaudiNewsNet held out: 6 more false
# positives; ANT held out: one fewer found). ⁵ annotated blind in the eighth session by three
# readers (a fourth read 12 of them again and agreed with them at 0.95 / 0.92 or better): the
# sixth estimate.
# ⁶ after the ninth session's rules, which lifted the development rows by 1 to 20 found and
# the unseen ones by 0 to 4 (test3 78 → 82, test4 140 → 141; SaudiNewsNet held out one more
# false positive).
# ⁷ after the tenth session: the scoring places a continuation at its own cue (one held-out row
# had been found through another cue's place; test3 and test4 one more false positive each),
# and its rules moved the unseen rows by at most one found and three false positives
# (SaudiNewsNet held out 169 found of 237, test4 141 of 212).
# ⁸ after the eleventh session, whose rules were written on rows read from unannotated articles
# (test4 141 → 143 found, SaudiNewsNet held out 169 → 171, ANT held out one false positive
# fewer); test5, 24 fresh articles of both corpora annotated blind that session by four
# readers, is the seventh unseen sample (its ANT half 0.85 / 0.71, its Saudi half 0.69 / 0.64).
# ⁹ after the twelfth session, which annotated two more samples blind (test6, only measured;
# dev7, scored once and a development set since), turned test4 into a development set and
# wrote rules on test4 and dev7: SaudiNewsNet held out 171 → 176 found, test3 82 → 85,
# test5 114 → 116, ANT held out 154 → 155, test6 unchanged (its Saudi half 0.50 / 0.35).
# ¹⁰ after the thirteenth session, whose rules were written on the development sets (dev7
# 179 → 190 found, test4 170 → 174, dev2 158 → 160, dev3 156 → 158) and moved no unseen count;
# test7, 22 fresh articles of both corpora annotated blind that session, scored 0.80 / 0.69
# before them and 0.81 / 0.70 after (its ANT half 0.91 / 0.73, its Saudi half 0.67 / 0.63).
#
# On articles nobody tuned rules on, the extractor finds about half to three in four of the
# required attributions, and three in five to four in five of what it reports is right (nine samples): below the
# 0.85 the workbook aims at, and well below its development numbers. Two independent
# readings of 16 held-out SaudiNewsNet articles agree on every required attribution, so the
# gap is the rules' reach, not the annotation's. Read the charts below as the work of a
# careful but fallible reader, who misses about one attribution in three on unseen news and
# names the wrong speaker or a non-source in about one row in four. Most of its errors name
# another speaker at the right place (a title not linked to its holder, a continuation that
# picks the wrong antecedent). The annotated articles (ANT: BBC Arabic, CNN Arabic, France
# 24, Sky News Arabia, Al Arabiya, 2018; SaudiNewsNet: 12 Saudi papers and SPA, 2015) are
# not shipped; `python scripts/score_sources.py FOLDER [--annotation snn]` scores them once
# `scripts/ant_corpus.py` or `scripts/snn_corpus.py` has written them. What the rules still
# miss on the development halves: speakers named only outside a cue's sentence and not as a
# sentence's subject ("وخلال ترؤسه … فقد أكّد"), a title whose holder is named only in a
# later sentence, agreement by meaning ("مجلس النقابات … دعت"), an object named right after
# a named subject ("تتهم إدارة ترامب | كيري"), and verbs the lists leave out on purpose
# because they are mostly not speech (هاجم, وجّه, اتفق). Generic sources (مصدر أمني, وزارة
# الداخلية, الرئيس) are one entity per article: the charts do not add up two articles'
# «وزارة الداخلية».
#
# **Groups and narrowing.** The charts compare what `group_by` says, as in notebooks 01 and
# 02: with `"auto"`, the articles themselves when there are at most a dozen (the seeds,
# each labelled by its outlet, date and first title words), else the outlets when the
# metadata name several (a multi-outlet corpus compares how outlets source their news),
# else the months. At most `max_groups` groups are drawn; the CSVs have all of them, with
# each attribution's `doc_id`. `date_from`, `date_to`, `outlets`, `sections` and `query`
# narrow the corpus first. `lang` is the language of the figures' words (titles, axes,
# source types, cue classes): `"ar"` (the coverage's own language) or `"en"`; sources,
# outlets and cues stay as the articles write them.

# %% tags=["parameters"]
corpus_path = "../seeds"  # folder of .txt files, or a .csv / .jsonl file with a text column
output_dir = "../figures"  # where figures (PNG, SVG) and the CSV behind them are written
gold_path = ""  # hand annotation CSV to score against; empty: the annotation of the seeds, used on the seeds only
group_by = "auto"  # "auto", "document", "outlet", "section", "month", "week", or a metadata column
date_from = None  # keep articles published on or after this ISO date, e.g. "2018-03-01"
date_to = None  # keep articles published on or before this ISO date
outlets = None  # keep these outlets: "العربية, بي بي سي عربي" or a list (None: all)
sections = None  # keep these sections, e.g. "middleEast" (None: all)
query = None  # keep articles containing this word or phrase in any spelling, e.g. "قاآني"
max_groups = 12  # most groups (or articles) a chart shows; the CSVs have all of them
top_n = 10  # sources shown per group
lang = "ar"  # language of the figures' words: "ar" or "en" (data stay as written)

# %%
import pandas as pd

from analysis import load_corpus
from analysis.groups import document_groups
from analysis.language import other_language_words, tr, tr_values, use_language
from analysis.panels import plot_bar_panels, short_label
from analysis.plotting import PALETTE, arabic_label, plot_heatmap, plot_stacked_bars, save_figure, use_style
from analysis.sources import (
    CUE_CLASSES, GOLD_SEEDS_PATH, NAMED_TYPES, SOURCE_TYPES, evaluate_sources, load_gold, score_line, sources_table,
)
from analysis.subset import corpus_subset

use_style()
use_language(lang)
pd.set_option("display.max_colwidth", 80)
corpus_all = load_corpus(corpus_path, on_error="skip")
corpus = corpus_subset(corpus_all, date_from=date_from, date_to=date_to, outlets=outlets, sections=sections,
                       query=query)
grouping = document_groups(corpus, group_by, max_groups=max_groups, lang=lang)
group_of = {doc_id: grouping.label(key) for doc_id, key in grouping.of.items()}
order = grouping.shown_labels()  # the groups the charts show, in order; the CSVs have all of them
print(f"{len(corpus)} of {len(corpus_all)} documents kept; the charts compare: {grouping.by} "
      f"({len(grouping.order)} groups, {len(grouping.shown)} shown)")
TYPE_NAMES = dict(zip(SOURCE_TYPES, tr_values(SOURCE_TYPES, "source_type", lang)))
CUE_NAMES = dict(zip(CUE_CLASSES, tr_values(CUE_CLASSES, "cue_class", lang)))
KIND_NAMES = dict(zip(["named", "unnamed"], tr_values(["named", "unnamed"], "source_kind", lang)))
TYPE_COLORS = dict(zip(TYPE_NAMES.values(), PALETTE))
stray_words = {}  # figure -> its words not in `lang` (checked at the end; group labels are data)
data_words = [*order, *map(arabic_label, order)]  # group labels as given and as drawn

# %% [markdown]
# ## Every attribution, with its sentence

# %%
sources = sources_table(corpus)
sources.insert(1, "group", sources.doc_id.map(group_of))
sources[["group", "source", "source_entity", "source_type", "cue_text", "cue_class", "via", "resolved",
         "sentence"]].head(40)

# %% [markdown]
# ## Attributions per group, by type
#
# How many attributions each group (article, outlet or month: see `group_by`) makes, split
# by the kind of source: named outlets, unnamed media, named people or bodies, anonymous
# sources. Bars compare the groups' volume of sourcing as well as its mix; groups of
# different sizes (more articles, longer articles) differ in volume for that reason alone.

# %%
per_type = sources.groupby(["group", "source_type"]).size().rename("attributions").reset_index()
per_type.pivot_table(index="group", columns="source_type", values="attributions", fill_value=0).reindex(
    index=order, columns=list(SOURCE_TYPES), fill_value=0)

# %%
ax = plot_stacked_bars(per_type[per_type.group.isin(order)].assign(type=lambda d: d.source_type.map(TYPE_NAMES)),
                       label="group", stack="type", value="attributions", order=order,
                       stack_order=list(TYPE_NAMES.values()), colors=list(TYPE_COLORS.values()),
                       title=tr("title.sources_by_type", lang), xlabel=tr("axis.attributions", lang))
save_figure(ax.figure, "sources_cited",
            sources[["doc_id", "group", "source", "source_entity", "source_type", "cue", "cue_text", "cue_class",
                     "via", "resolved", "sentence"]], folder=output_dir)
stray_words["sources_cited"] = other_language_words(ax.figure, lang, allowed=data_words)

# %% [markdown]
# ## Sourcing opacity
#
# The share of each group's attributions that name who speaks (a named outlet, person or
# body) against those that do not (unnamed media, anonymous sources). With few
# attributions per group (the seeds: 5–24 per article), one attribution moves a share by
# several points.

# %%
opacity = (sources.assign(named=sources.source_type.isin(NAMED_TYPES))
           .groupby("group").agg(attributions=("named", "size"), named=("named", "sum"))
           .reindex(order).fillna(0).astype(int))
opacity["unnamed"] = opacity.attributions - opacity.named
opacity["share_unnamed"] = (opacity.unnamed / opacity.attributions.where(opacity.attributions > 0)).round(2)
opacity

# %%
shares = opacity.reset_index().melt(id_vars="group", value_vars=["named", "unnamed"], var_name="kind",
                                    value_name="n")
shares["share"] = shares.n / shares.group.map(opacity.attributions).where(lambda s: s > 0)
ax = plot_stacked_bars(shares.fillna(0).assign(kind=lambda d: d.kind.map(KIND_NAMES)), label="group", stack="kind",
                       value="share", order=order, stack_order=list(KIND_NAMES.values()),
                       title=tr("title.sourcing_opacity", lang), xlabel=tr("axis.share_attributions", lang))
save_figure(ax.figure, "sourcing_opacity", opacity.reset_index(), folder=output_dir)
stray_words["sourcing_opacity"] = other_language_words(ax.figure, lang, allowed=data_words)

# %% [markdown]
# ## How sources are introduced: cue classes
#
# Newsrooms choose their verbs: "قال" reports, "أكد" and "شدد" lend weight, "زعم" and
# "ادعى" distance the outlet from the claim, "نفى" reports a denial. The share of each class
# per group, and the cues behind them:

# %%
cues = sources.groupby(["group", "cue_class"]).size().rename("attributions").reset_index()
cues["share"] = cues.attributions / cues.group.map(cues.groupby("group").attributions.sum())
cues.pivot_table(index="group", columns="cue_class", values="share", fill_value=0).reindex(
    index=order, columns=list(CUE_CLASSES), fill_value=0).round(2)

# %%
sources.groupby(["cue_class", "cue"]).size().rename("attributions").reset_index().sort_values(
    ["cue_class", "attributions"], ascending=[True, False]).groupby("cue_class").head(6)

# %%
ax = plot_stacked_bars(cues.assign(cue=lambda d: d.cue_class.map(CUE_NAMES)), label="group", stack="cue",
                       value="share", order=order, stack_order=list(CUE_NAMES.values()),
                       title=tr("title.cue_classes", lang), xlabel=tr("axis.share_attributions", lang))
save_figure(ax.figure, "cue_classes", cues, folder=output_dir)
stray_words["cue_classes"] = other_language_words(ax.figure, lang, allowed=data_words)

# %% [markdown]
# ## Who each group cites most
#
# Sources counted as entities: all mentions of one speaker are one bar (its attributions;
# `articles` in the table is how many articles cite it). Bars are coloured by source
# type; long names are shortened in the chart, whole in the CSV.

# %%
entities = (sources.groupby(["group", "source_entity", "source_type"])
            .agg(attributions=("doc_id", "size"), articles=("doc_id", "nunique")).reset_index()
            .sort_values(["group", "attributions", "articles"], ascending=[True, False, False], kind="stable"))
entities["rank"] = entities.groupby("group").cumcount() + 1
top = entities[entities["rank"] <= top_n]
fig = plot_bar_panels(top.assign(type=top.source_type.map(TYPE_NAMES)), panel="group", label="source_entity",
                      value="attributions", n=top_n, panels=[g for g in order if g in set(top.group)], color="type",
                      colors=TYPE_COLORS, title=f"{tr('title.top_sources', lang)} {grouping.per}")
save_figure(fig, "top_sources", top, folder=output_dir)
stray_words["top_sources"] = other_language_words(fig, lang, allowed=data_words)
top.head(3 * top_n)

# %% [markdown]
# ## Which sources the groups share
#
# The sources cited most across the corpus, and how often each group cites them.

# %%
overall = entities.groupby("source_entity").attributions.sum().sort_values(ascending=False, kind="stable")
keep = overall.head(min(25, len(overall))).index.tolist()
matrix = entities[entities.source_entity.isin(keep)][["source_entity", "group", "attributions"]]
matrix = matrix.assign(label=matrix.source_entity.map(short_label))
ax = plot_heatmap(matrix[matrix.group.isin(order)], row="label", column="group", value="attributions",
                  rows=[short_label(s) for s in keep], columns=order, cmap="Greens",
                  title=f"{tr('title.sources_by_group', lang)} {grouping.per}")
save_figure(ax.figure, "sources_by_group", matrix.drop(columns="label"), folder=output_dir)
stray_words["sources_by_group"] = other_language_words(ax.figure, lang, allowed=data_words)

# %% [markdown]
# ## How well does the extractor do here?
#
# Against a hand annotation (the seeds' own, `analysis/data/gold/sources_seeds.csv`, or
# `gold_path`): precision, recall and type accuracy on required attributions, per source
# type, then what was missed and what was found that the annotation does not have. The
# seeds are in-sample — the first rules were written on them.

# %%
gold = load_gold(gold_path or GOLD_SEEDS_PATH)
on_seeds = not gold_path and set(corpus.doc_id) == set(gold.doc_id)
texts = dict(zip(corpus.doc_id, corpus.text))
if gold_path or on_seeds:
    result = evaluate_sources(sources[sources.doc_id.isin(set(gold.doc_id))], gold, texts=texts)
    print(score_line(result))
    display(result["by_type"].round(2))
else:
    result = None
    print("no annotation for this corpus: pass gold_path to score the extractor")

# %%
result["missed"][["doc_id", "cue_text", "head", "source_type", "note"]] if result else None

# %%
result["spurious"][["reason", "doc_id", "cue_text", "source", "source_entity"]] if result else None

# %% [markdown]
# ## One language per figure
#
# Words of each figure (titles, axis labels, legends, notes) written in the other language
# than `lang`; outlets, sources and article labels are data and may be in either.

# %%
pd.Series({name: ", ".join(words) for name, words in stray_words.items()}, name="other language", dtype=object)
