import pytest

from analysis.clitics import CliticSplitter
from analysis.normalize import normalize

# a small vocabulary as a corpus would give it: the bare words occur on their own
VOCAB = [normalize(w) for w in "تحدث قاآني الكاظمي حكومة بغداد فيلق لبنان كشف وزارة رئيس طهران".split()]


@pytest.fixture(scope="module")
def splitter():
    return CliticSplitter(VOCAB)


@pytest.mark.parametrize("word, prefix, stem", [
    # stems whose first letter looks like a proclitic stay whole
    ("وزارة", "", "وزارة"),
    ("فيلق", "", "فيلق"),
    ("بغداد", "", "بغداد"),
    ("لبنان", "", "لبنان"),
    ("كشف", "", "كشف"),
    ("وكالة", "", "وكالة"),
    ("وكالات", "", "وكالات"),
    ("بحث", "", "بحث"),
    ("بايدن", "", "بايدن"),
    ("واشنطن", "", "واشنطن"),
    # conjunctions and prepositions come off; the article stays
    ("وتحدث", "و", "تحدث"),
    ("والكاظمي", "و", "الكاظمي"),
    ("للكاظمي", "ل", "الكاظمي"),
    ("وللحكومة", "ول", "الحكومة"),
    ("بالطائرات", "ب", "الطائرات"),
    ("وبالعراق", "وب", "العراق"),
    ("كالعادة", "ك", "العادة"),
    ("وبغداد", "و", "بغداد"),
    ("لطهران", "ل", "طهران"),
    ("برئيس", "ب", "رئيس"),
    ("وفيلق", "و", "فيلق"),
    ("ووزارة", "و", "وزارة"),
    ("وقااني", "و", "قااني"),          # a name general Arabic does not know: the corpus does
    # whole stopwords are never split
    ("كما", "", "كما"),
    ("فيما", "", "فيما"),
])
def test_split(splitter, word, prefix, stem):
    assert splitter(normalize(word)) == (prefix, stem)


def test_strip_article():
    splitter = CliticSplitter(VOCAB, strip_article=True)
    assert splitter("بالطائرات") == ("بال", "طائرات")
    assert splitter("الكاظمي") == ("ال", "كاظمي")
    assert splitter("الي") == ("", "الي")             # too short to be article + word


def test_without_lexicon_only_the_corpus_vouches():
    splitter = CliticSplitter(VOCAB, lexicon=False)
    assert splitter("وتحدث") == ("و", "تحدث")
    assert splitter("وقالت") == ("", "وقالت")         # قالت is not in this vocabulary


def test_seed_clitic_forms(seed_tokens):
    terms = dict(zip(seed_tokens["norm"], seed_tokens["term"]))
    assert terms["للكاظمي"] == "الكاظمي"
    assert terms["والكاظمي"] == "الكاظمي"
    assert terms["لطهران"] == "طهران"
    for whole in ("وزارة", "فيلق", "بغداد", "لبنان"):
        assert terms[whole] == whole


def test_the_folded_lexicon_is_cached_and_rebuilt_when_broken(tmp_path, monkeypatch):
    from analysis import config, lexicon

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    fresh = lexicon._folded_frequencies.__wrapped__().to_dict()     # builds and writes the cache
    (path,) = tmp_path.glob("lexicon-ar-*.pickle")
    assert lexicon._folded_frequencies.__wrapped__().to_dict() == fresh   # read back
    assert fresh["قالت"] > fresh.get("وقالت", 0) > 0
    path.write_bytes(b"not a pickle")
    assert lexicon._folded_frequencies.__wrapped__().to_dict() == fresh   # rebuilt, not trusted


def test_the_compact_lexicon_finds_what_a_dict_finds(monkeypatch):
    from analysis import lexicon

    table = lexicon._folded_frequencies()
    words = table.to_dict()
    assert len(words) > 100_000
    sample = list(words)[::97] + ["", "بغدادز", "a", "\U0001F600", min(words), max(words)]
    compiled = [table.get(w) for w in sample]
    assert compiled == [words.get(w, 0.0) for w in sample]
    monkeypatch.setattr(lexicon, "_scan", None)                   # no compiled core: a dict inside
    without = lexicon._SortedWords(table.blob, table.starts, table.freqs)
    assert [without.get(w) for w in sample] == compiled
    small = lexicon._SortedWords.of({"قال": 0.5, "ب": 0.25, "بغداد": 0.125})
    assert small.to_dict() == {"ب": 0.25, "بغداد": 0.125, "قال": 0.5} and small.get("بغدا") == 0.0
