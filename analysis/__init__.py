"""qaani-baghdad-workbook: load, normalize and tokenize Arabic news, and chart what it says.

The public helpers::

    from analysis import load_corpus, normalize, tokenize, tokens_table

>>> from analysis import normalize, tokenize
>>> [normalize(t) for t in tokenize("قاآني يزور بغداد")]
['قااني', 'يزور', 'بغداد']
"""
from importlib import import_module

# light modules, imported now (two of them share their name with their function)
from .normalize import make_normalizer, normalize
from .stopwords import arabic_stopwords
from .tokenize import tokenize

#: public name -> the module that defines it, for the helpers that need pandas: loaded on
#: first use, so that a command needing only part of the package (``python -m analysis
#: count``) does not import pandas before its worker processes start
_EXPORTS = {"CorpusError": "corpus", "load_corpus": "corpus", "tokens_table": "tokens"}

__all__ = sorted([*_EXPORTS, "arabic_stopwords", "make_normalizer", "normalize", "tokenize"])


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
