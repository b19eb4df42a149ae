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
