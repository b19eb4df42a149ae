"""qaani-baghdad-workbook: load, normalize and tokenize Arabic news, and chart what it says.

The public helpers::

    from analysis import load_corpus, normalize, tokenize, tokens_table

>>> from analysis import normalize, tokenize
>>> [normalize(t) for t in tokenize("قاآني يزور بغداد")]
['قااني', 'يزور', 'بغداد']
"""
from .corpus import CorpusError, load_corpus
from .normalize import make_normalizer, normalize
from .stopwords import arabic_stopwords
from .tokenize import tokenize
from .tokens import tokens_table

__all__ = ["CorpusError", "arabic_stopwords", "load_corpus", "make_normalizer", "normalize",
           "tokenize", "tokens_table"]
