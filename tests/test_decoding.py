"""Decoding that cannot pass mojibake off as Arabic."""
import pickle

from analysis.reader import CorpusError


# --- errors cross process pools ---------------------------------------------------------------

def test_corpus_error_pickles():
    error = CorpusError("corpus/a.txt", "is UTF-8 with 1 invalid byte (first at byte 19)")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CorpusError
    assert (copy.source, copy.reason, str(copy)) == (error.source, error.reason, str(error))
