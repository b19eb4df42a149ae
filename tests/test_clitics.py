import json
import os
import random
import subprocess
import sys

import pytest

from analysis.clitics import CliticSplitter
from analysis.normalize import normalize

# a small vocabulary as a corpus would give it: the bare words occur on their own
VOCAB = [normalize(w) for w in "تحدث قاآني الكاظمي حكومة بغداد فيلق لبنان كشف وزارة رئيس طهران القيادة".split()]


@pytest.fixture(scope="module")
def splitter():
    return CliticSplitter(VOCAB)


@pytest.mark.parametrize("word, prefix, stem", [
    # the first letters belong to the word
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
    ("كان", "", "كان"),                   # not ك + ان
    ("كاميرا", "", "كاميرا"),             # not ك + اميرا
    ("لولا", "", "لولا"),                 # not ل + و + لا: nothing follows a preposition
    ("واحد", "", "واحد"),                 # not و + احد
    ("كلها", "", "كلها"),                 # not ك + لها
    # ... including ال: والدته (his mother) is no و + الدته, بالغين (adults) no ب + الغين
    ("والدته", "", "والدته"),
    ("والدها", "", "والدها"),
    ("وكالاتها", "", "وكالاتها"),
    ("بالغين", "", "بالغين"),
    ("بالون", "", "بالون"),
    # conjunctions and prepositions come off; the article stays
    ("وتحدث", "و", "تحدث"),
    ("وقالت", "و", "قالت"),
    ("وكان", "و", "كان"),                 # not وك + ان
    ("والحكومة", "و", "الحكومة"),
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
    ("كبديل", "ك", "بديل"),
    ("فقال", "ف", "قال"),
    ("بقيادة", "ب", "قيادة"),           # as common as قيادة, a noun the corpus has as القيادة
    ("وقااني", "و", "قااني"),          # a name general Arabic does not know: the corpus does
    ("و2018", "و", "2018"),
    ("وD", "و", "D"),                     # a Latin word: no Arabic word starts with و + D
    ("برئيس3", "ب", "رئيس3"),           # digits glued to the word: رئيس is the evidence
    # لل: the article, a word that starts with ل, or the article before one
    ("لليبيا", "ل", "ليبيا"),
    ("للبنان", "ل", "لبنان"),
    ("للغاية", "ل", "الغاية"),         # a fixed phrase, more common than الغاية itself
    ("لله", "ل", "الله"),
    ("للجنة", "ل", "اللجنة"),
    # a form nobody knows, split by the evidence for its core (دموية) or after و
    ("ودمويتها", "و", "دمويتها"),
    ("وسنعتني", "و", "سنعتني"),
    # function words: lexicalized ones stay whole, a conjunction still comes off
    ("كما", "", "كما"),
    ("فيما", "", "فيما"),
    ("وفي", "و", "في"),
])
def test_split(splitter, word, prefix, stem):
    assert splitter(normalize(word)) == (prefix, stem)


def test_strip_article():
    splitter = CliticSplitter(VOCAB, strip_article=True)
    assert splitter("بالطائرات") == ("بال", "طائرات")
    assert splitter("الكاظمي") == ("ال", "كاظمي")
    assert splitter("الي") == ("", "الي")             # too short to be article + word


def test_without_lexicon_only_the_corpus_vouches():
    without = CliticSplitter(VOCAB, lexicon=False)
    assert without("وتحدث") == ("و", "تحدث")
    assert without("بقاعة") == ("", "بقاعة")          # قاعة is not in this vocabulary
    assert CliticSplitter(VOCAB + ["قاعة"], lexicon=False)("بقاعة") == ("ب", "قاعة")
    assert without("بمدينة") == ("", "بمدينة")
    assert CliticSplitter(VOCAB + ["المدينة"], lexicon=False)("بمدينة") == ("ب", "مدينة")   # the noun, with its article
    assert without("وزارة") == ("", "وزارة")          # no guess after و either when nothing was weighed


def test_counts_do_not_matter():
    # tokens_table passes every token, the streaming count each distinct form once
    tokens = VOCAB * 3 + ["وتحدث", "وتحدث", "قالت"]
    many, once = CliticSplitter(tokens), CliticSplitter(set(tokens))
    forms = sorted(set(tokens)) + ["وقالت", "لطهران", "بحكومة"]
    assert many.split_many(forms) == once.split_many(forms)


def _generated_forms(seed: int = 7, size: int = 3000) -> list[str]:
    """Proclitics glued to words, to pieces of words and to random letters."""
    rng = random.Random(seed)
    words = [normalize(w) for w in (
        "قال قالت كان الحكومة حكومة الكاظمي بغداد لبنان ليبيا غاية الغاية الله اللجنة لجنة وزارة "
        "وكالة والدة والده بالغ بالون طائرات الطائرات 2018 في ما هو ان لا كل قاعة سلام ابن").split()]
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    prefixes = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل", "ولل", "بال", "وال", "فال", "كال"]
    forms = []
    for _ in range(size):
        body = rng.choice(words) if rng.random() < 0.6 else "".join(rng.choices(letters, k=rng.randint(1, 7)))
        forms.append(rng.choice(prefixes) + body)
    return forms


def test_split_many_equals_one_by_one_on_generated_forms():
    forms = _generated_forms()
    vocabulary = forms[::3]                 # some forms in the vocabulary, others not
    one_by_one = CliticSplitter(vocabulary)
    expected = [one_by_one(f) for f in forms]
    prefixes, stems = CliticSplitter(vocabulary).split_many(forms)
    assert list(zip(prefixes, stems)) == expected
    # nothing is lost or added, but the article's alef (and its ل before a ل) after ل
    assert all(f in (p + s, p + s[1:] if p.endswith("ل") else None, p + s[2:] if s.startswith("الل") else None)
               for p, s, f in zip(prefixes, stems, forms))
    # a batch decides each form as it would alone: the order and company do not matter
    batch = forms[1000:1400][::-1] + ["ومثلا"]
    assert list(zip(*CliticSplitter(vocabulary).split_many(batch))) == [one_by_one(f) for f in batch]
    assert CliticSplitter(vocabulary).split_many([]) == ([], [])


def test_forms_decided_in_shares_split_as_in_one():
    # the streaming counter decides a large vocabulary a range at a time, in forked processes:
    # the same splits, in the same order, whatever the share a form falls into
    forms = _generated_forms(seed=5, size=4000)
    vocabulary = forms[::2]
    expected = CliticSplitter(vocabulary).split_many(forms)
    for shares in (2, 3):
        bounds = [len(forms) * k // shares for k in range(shares + 1)]
        prefixes, stems = [], []
        for a, b in zip(bounds, bounds[1:]):
            share = CliticSplitter(vocabulary).split_many(forms[a:b])
            prefixes += share[0]
            stems += share[1]
        assert (prefixes, stems) == expected
    assert sum(p != "" for p in expected[0]) > 1000          # the shares held real decisions


def test_without_numpy_string_operations_the_same_splits():
    # numpy before 2.3 has no numpy.strings.slice: object arrays, one call per element
    from analysis import clitics
    from analysis.config import ROOT

    if not clitics._S.native:
        pytest.skip("numpy before 2.3: only the fallback is there to test")
    forms = _generated_forms(seed=11, size=800)
    code = ("import json, sys\nimport numpy as np\ndel np.strings.slice\n"
            "from analysis.clitics import CliticSplitter, _S\nassert not _S.native\nforms = json.load(sys.stdin)\n"
            "print(json.dumps(CliticSplitter(forms[::3]).split_many(forms)))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(forms), capture_output=True, text=True,
                          cwd=ROOT, env=env, check=True)
    assert json.loads(done.stdout) == list(CliticSplitter(forms[::3]).split_many(forms))


def test_split_many_equals_one_by_one_on_real_text(seed_tokens):
    norms = seed_tokens["norm"].tolist()
    splitter = CliticSplitter(norms)
    prefixes, stems = CliticSplitter(norms).split_many(norms)
    assert list(zip(prefixes, stems)) == [splitter(n) for n in norms]
    assert sum(p != "" for p in prefixes) > 100
    article = CliticSplitter(norms, strip_article=True)
    assert list(zip(*CliticSplitter(norms, strip_article=True).split_many(norms))) == [article(n) for n in norms]


def test_seed_clitic_forms(seed_tokens):
    terms = dict(zip(seed_tokens["norm"], seed_tokens["term"]))
    assert terms["للكاظمي"] == "الكاظمي"
    assert terms["والكاظمي"] == "الكاظمي"
    assert terms["لطهران"] == "طهران"
    for whole in ("وزارة", "فيلق", "بغداد", "لبنان"):
        assert terms[whole] == whole


def test_a_compact_vocabulary_splits_as_a_set_does(seed_tokens):
    # the streaming counter hands the splitter its merged vocabulary as an Interner, looked
    # up where it lies: the same splits as the set made from the same forms
    from analysis.interner import Interner

    forms = sorted(set(seed_tokens["norm"]))
    compact = Interner()
    compact.add(forms)
    as_set, as_interner = CliticSplitter(forms), CliticSplitter(compact)
    prefixes, stems = as_interner.split_many(forms)
    assert (prefixes, stems) == as_set.split_many(forms) and sum(p != "" for p in prefixes) > 50
    assert as_interner("بالعراق") == as_set("بالعراق") == ("ب", "العراق")
    # and the corpus vouches through it: وحكومة splits only where حكومة occurs
    vouched = Interner()
    vouched.add(["حكومة"])
    assert CliticSplitter(vouched, lexicon=False)("وحكومة") == ("و", "حكومة")
    assert CliticSplitter(Interner(), lexicon=False)("وحكومة") == ("", "وحكومة")
    assert CliticSplitter(vouched, lexicon=False).in_corpus("حكومة")
