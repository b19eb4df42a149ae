import pandas as pd
import pytest

from analysis.entities import find_variants, load_aliases, merge_entities


def test_finder_proposes_the_seed_variants_unaided(seed_tokens, seeds):
    proposals = find_variants(seed_tokens, texts=dict(zip(seeds.doc_id, seeds.text)))
    found = {(v, c, r) for v, c, r in zip(proposals.variant, proposals.canonical, proposals.rule)}
    assert ("قاني", "قااني", "alef_run") in found
    assert ("غاني", "قااني", "transliteration") in found
    assert ("صطفي", "مصطفي", "typo") in found
    assert ("طهرن", "طهران", "typo") in found
    row = proposals.set_index("variant").loc["غاني"]
    assert set(row.variant_forms.split()) == {"غاني", "غانى"} and "غان" in row.example


def test_finder_leaves_morphology_alone(seed_tokens):
    proposals = find_variants(seed_tokens)
    pairs = set(zip(proposals.variant, proposals.canonical))
    for variant, canonical in [("العراقية", "العراقي"), ("العراقي", "العراق"), ("ميليشيا", "ميليشيات")]:
        assert (variant, canonical) not in pairs and (canonical, variant) not in pairs


def test_merging_counts_qaani_as_one_entity(seed_tokens):
    merged = merge_entities(seed_tokens)
    assert (merged.term == "قااني").sum() == 19
    assert set(merged.loc[merged.term == "قااني", "surface"]) == {"قاآني", "قآني", "قاني", "غاني", "غانى"}
    assert set(merged.loc[merged.term == "الكاظمي", "surface"]) == {"الكاظمي", "الكاظمى", "للكاظمي", "والكاظمي"}
    assert "صطفي" not in set(merged.term) and (merged.merged_from == "صطفي").sum() == 1


def test_alias_table_is_normalized_and_chains_resolve(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("canonical,variant\nقاآني,قآني\nقآني,غانى\n", encoding="utf-8")
    assert load_aliases(path) == {"قاني": "قااني", "غاني": "قااني"}
    path.write_text("canonical,variant\nا ب,ب ا\nب ا,ا ب\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cycle"):
        load_aliases(path)
    path.write_text("name,alias\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs columns"):
        load_aliases(path)


def test_merge_keeps_other_terms():
    out = merge_entities(pd.DataFrame({"term": ["بغداد", "غاني"]}), {"غاني": "قااني"})
    assert out.term.tolist() == ["بغداد", "قااني"] and out.merged_from.tolist() == ["", "غاني"]


def pairwise_variants(tokens, min_count=2):
    """The finder as it was: every term compared with every other (the reference)."""
    from analysis.entities import _is_affix_pair, _one_edit, _swapped, TYPO_MAX_ZIPF, TYPO_MIN_LENGTH
    from analysis.lexicon import zipf

    content = tokens[~tokens["is_stopword"] & ~tokens["is_number"]]
    counts = content["term"].value_counts()
    terms = sorted(counts.index, key=lambda t: (-counts[t], t))
    proposals = {}

    def propose(variant, canonical, rule):
        if variant != canonical and variant not in proposals and counts[canonical] >= counts[variant]:
            proposals[variant] = (canonical, rule)

    collapsed = {}
    for term in terms:
        collapsed.setdefault(term.replace("اا", "ا"), []).append(term)
    for group in collapsed.values():
        for variant in group[1:]:
            propose(variant, group[0], "alef_run")
    for canonical in terms:
        if counts[canonical] < min_count:
            break
        for variant in terms:
            if variant in proposals or variant == canonical or counts[variant] > counts[canonical]:
                continue
            if _swapped(canonical.replace("اا", "ا"), variant.replace("اا", "ا")):
                propose(variant, proposals.get(canonical, (canonical,))[0], "transliteration")
            elif (len(variant) >= TYPO_MIN_LENGTH and _one_edit(canonical, variant)
                  and zipf(variant) < TYPO_MAX_ZIPF and not _is_affix_pair(canonical, variant)):
                propose(variant, proposals.get(canonical, (canonical,))[0], "typo")
    return {v: c for v, c in proposals.items()}


def test_indexed_finder_equals_the_pairwise_comparison_on_the_seeds(seed_tokens):
    proposals = find_variants(seed_tokens)
    assert dict(zip(proposals.variant, zip(proposals.canonical, proposals.rule))) == pairwise_variants(seed_tokens)
    assert len(proposals) == 5


def test_indexed_finder_equals_the_pairwise_comparison_on_generated_names():
    import random

    rng = random.Random(13)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "گپچژڤ"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(150)]
    # variants: one letter swapped, dropped, doubled alef, and chains of them
    for word in list(words):
        i = rng.randrange(len(word))
        words += [word[:i] + rng.choice("قغكگجبپ") + word[i + 1:], word[:i] + word[i + 1:], word.replace("ا", "اا", 1)]
    terms = [w for w in words for _ in range(rng.randint(1, 4))]
    tokens = pd.DataFrame({"term": terms, "surface": terms, "is_stopword": False, "is_number": False,
                           "doc_id": "g", "start": 0, "end": 1})
    proposals = find_variants(tokens)
    assert len(proposals) > 50
    assert dict(zip(proposals.variant, zip(proposals.canonical, proposals.rule))) == pairwise_variants(tokens)
